"""What authentication costs at the gateway: GET /v1/agents at a fixed request rate
(open loop), keep-alive connections, through two Envoys in front of the same
services, in alternating rounds so every cell sees the same machine:

  open       an Envoy with no credential required (a local run: no keys, no guard)
  api key    the stack's Envoy: x-api-key checked by the guard (ext_authz) by hash,
             the shared rate limit counted in Redis, then the authz Lua filter
  jwt        the same Envoy: a customer token verified by jwt_authn (ES256), the
             guard's shared rate limit, the authz filter
  jwt + tls  the same, over the TLS port

Prints p50/p90/p99 per cell and each one's difference from `open`:

    python benchmarks/auth_bench.py                  # a stack of its own on free ports
    python benchmarks/auth_bench.py --rate 200 --rounds 6
"""

from __future__ import annotations

import argparse
import asyncio
import os
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tls_bench import PATH, one_round, percentile

KEY = "auth-bench-key"


def _open_gateway(stack: object, folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    """A second Envoy on the same upstreams, with no credential required."""
    from devstack.embedded import free_port
    from devstack.stack import Stack
    from gateway.render import GatewayConfig, write

    assert isinstance(stack, Stack)
    port = free_port()
    config = GatewayConfig(
        port=port, admin_port=free_port(), tls_port=0, rate_limit_per_minute=1_000_000,
        upstreams={name: stack.upstream(name) for name in ("router_svc", "agent_svc", "memory_svc", "knowledge_svc")},
    )
    path = write(config, folder / "envoy-open.yaml")
    envoy = Path(sys.executable).with_name("envoy")
    process = subprocess.Popen([str(envoy), "-c", str(path), "--disable-hot-restart", "--log-level", "warn",
                                "--concurrency", "2", "--base-id", "7"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + PATH, timeout=1).status_code == 200:
                return process, url
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    process.kill()
    raise TimeoutError("the open gateway did not answer")


async def run(cells: dict[str, tuple[str, dict[str, str], ssl.SSLContext | bool]], args: argparse.Namespace) -> None:
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    clients = {name: httpx.AsyncClient(headers=headers, limits=limits, timeout=30, verify=verify)
               for name, (_, headers, verify) in cells.items()}
    try:
        for name, (url, _, _) in cells.items():  # warm-up: connections, the guard's key cache, agent_svc
            await one_round(clients[name], url, args.rate, 1.0, close=False)
        print(f"GET {PATH} at {args.rate:.0f} requests/s, keep-alive, {args.rounds} alternating rounds of "
              f"{args.seconds:.0f} s per cell")
        print(f"{'cell':<10} {'requests':>8} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'errors':>6}   vs open: p50 / p99")
        samples: dict[str, list[float]] = {name: [] for name in cells}
        errors = dict.fromkeys(cells, 0)
        order = list(cells)
        for round_index in range(args.rounds):
            for name in order if round_index % 2 == 0 else order[::-1]:
                latencies, failed = await one_round(clients[name], cells[name][0], args.rate, args.seconds, close=False)
                samples[name] += latencies
                errors[name] += failed
        base = samples["open"]
        for name, values in samples.items():
            extra = "" if name == "open" else (
                f"   {statistics.median(values) - statistics.median(base):+.2f} / "
                f"{percentile(values, 0.99) - percentile(base, 0.99):+.2f}")
            print(f"{name:<10} {len(values):>8} {statistics.median(values):>8.2f} {percentile(values, 0.90):>8.2f} "
                  f"{percentile(values, 0.99):>8.2f} {errors[name]:>6}{extra}")
    finally:
        for client in clients.values():
            await client.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rate", type=float, default=100.0, help="requests a second, fixed")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of one round")
    parser.add_argument("--rounds", type=int, default=4, help="rounds per cell")
    args = parser.parse_args()

    from devstack.stack import Stack, StackConfig
    from gateway.tokens import TokenKeys

    folder = Path(tempfile.mkdtemp(prefix="atende-auth-bench-"))
    config = StackConfig.on_free_ports(
        folder, database_url=os.environ.get("DATABASE_URL", ""), redis_url=os.environ.get("REDIS_URL", ""),
        api_keys=(KEY,), rate_limit_per_minute=1_000_000,
        extra_env={"MEMORY_DB_SCHEMA": "bench_memory", "INTEGRATIONS_DB_SCHEMA": "bench_integrations",
                   "GUARD_DB_SCHEMA": "bench_guard"},
    )
    stack = Stack(config)
    stack.start()
    open_envoy = None
    try:
        open_envoy, open_url = _open_gateway(stack, folder)
        token = TokenKeys(folder / "jwt").mint(role="customer", subject="bench", conversation="bench-1", ttl_seconds=3600)
        bearer = {"authorization": f"Bearer {token}"}
        context = ssl.create_default_context(cafile=str(stack.tls_files[0]))
        cells: dict[str, tuple[str, dict[str, str], ssl.SSLContext | bool]] = {
            "open": (open_url, {}, True),
            "api key": (stack.gateway_url, {"x-api-key": KEY}, True),
            "jwt": (stack.gateway_url, bearer, True),
            "jwt + tls": (stack.gateway_https_url, bearer, context),
        }
        asyncio.run(run(cells, args))
    finally:
        if open_envoy is not None:
            open_envoy.terminate()
            open_envoy.wait()
        stack.stop()


if __name__ == "__main__":
    main()
