"""What TLS adds at the gateway: GET /v1/agents through the plaintext port and the TLS
port of the same Envoy, at a fixed request rate (open loop: a request starts every
1/rate s whether or not the previous ones finished), in alternating rounds so both see
the same machine. Two client behaviours:

  keep-alive   one pool of reused connections (an API client, a browser): the TLS
               handshake is paid once per connection, then symmetric crypto per request
  new          a new connection per request (`connection: close`): a full TLS 1.3
               handshake (ECDHE P-256, ECDSA certificate) on every request

Prints p50/p90/p99 per port and behaviour, and TLS's difference. Against a running
stack (`make run`, with GATEWAY_RATE_LIMIT_PER_MINUTE high), or a fresh one on free
ports with --start (rate limit lifted):

    python benchmarks/tls_bench.py --start
    python benchmarks/tls_bench.py --plain http://localhost:8080 --tls https://localhost:8443 --cacert data/tls/gateway.crt
"""

from __future__ import annotations

import argparse
import asyncio
import os
import ssl
import statistics
import tempfile
import time
from pathlib import Path

import httpx

PATH = "/v1/agents"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def one_round(client: httpx.AsyncClient, url: str, rate: float, seconds: float, close: bool) -> tuple[list[float], int]:
    """Requests started every 1/rate s for `seconds`; their latencies (ms) and errors."""
    latencies: list[float] = []
    errors = 0
    headers = {"connection": "close"} if close else {}

    async def request() -> None:
        nonlocal errors
        started = time.perf_counter()
        try:
            response = await client.get(url + PATH, headers=headers)
            ok = response.status_code == 200
        except httpx.HTTPError:
            ok = False
        latencies.append((time.perf_counter() - started) * 1000)
        errors += not ok

    tasks = []
    begin = time.perf_counter()
    for index in range(int(rate * seconds)):
        delay = begin + index / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(request()))
    await asyncio.gather(*tasks)
    return latencies, errors


async def run(plain: str, tls: str, context: ssl.SSLContext, headers: dict[str, str], args: argparse.Namespace) -> None:
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with (
        httpx.AsyncClient(headers=headers, limits=limits, timeout=30) as plain_client,
        httpx.AsyncClient(headers=headers, limits=limits, timeout=30, verify=context) as tls_client,
    ):
        for client, url in ((plain_client, plain), (tls_client, tls)):  # warm-up: connections, Envoy, agent_svc
            await one_round(client, url, args.rate, 1.0, close=False)
        print(f"GET {PATH} at {args.rate:.0f} requests/s, {args.rounds} alternating rounds of {args.seconds:.0f} s per cell")
        print(f"{'connections':<11} {'port':<9} {'requests':>8} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'errors':>6}")
        for mode in args.modes:
            samples: dict[str, list[float]] = {"plaintext": [], "tls": []}
            errors = {"plaintext": 0, "tls": 0}
            for round_index in range(args.rounds):
                order = [("plaintext", plain_client, plain), ("tls", tls_client, tls)]
                for name, client, url in order if round_index % 2 == 0 else order[::-1]:
                    latencies, failed = await one_round(client, url, args.rate, args.seconds, close=mode == "new")
                    samples[name] += latencies
                    errors[name] += failed
            for name, values in samples.items():
                print(
                    f"{mode:<11} {name:<9} {len(values):>8} {statistics.median(values):>8.2f} "
                    f"{percentile(values, 0.90):>8.2f} {percentile(values, 0.99):>8.2f} {errors[name]:>6}"
                )
            plain_values, tls_values = samples["plaintext"], samples["tls"]
            print(
                f"{mode:<11} {'TLS adds':<9} {'':>8} {statistics.median(tls_values) - statistics.median(plain_values):>+8.2f} "
                f"{percentile(tls_values, 0.90) - percentile(plain_values, 0.90):>+8.2f} "
                f"{percentile(tls_values, 0.99) - percentile(plain_values, 0.99):>+8.2f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--plain", default="http://localhost:8080")
    parser.add_argument("--tls", default="https://localhost:8443")
    parser.add_argument("--cacert", default="data/tls/gateway.crt", help="the gateway's certificate (or its CA)")
    parser.add_argument("--rate", type=float, default=100.0, help="requests a second, fixed")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of one round")
    parser.add_argument("--rounds", type=int, default=4, help="rounds per port and behaviour")
    parser.add_argument("--modes", nargs="+", choices=["keep-alive", "new"], default=["keep-alive", "new"])
    parser.add_argument("--start", action="store_true", help="start a stack on free ports for the run")
    args = parser.parse_args()
    key = os.environ.get("ATENDE_API_KEY", "")
    headers = {"x-api-key": key} if key else {}

    stack = None
    plain, tls, cacert = args.plain, args.tls, Path(args.cacert)
    if args.start:
        from devstack.stack import Stack, StackConfig

        config = StackConfig.on_free_ports(
            Path(tempfile.mkdtemp(prefix="atende-tls-bench-")),
            database_url=os.environ.get("DATABASE_URL", ""),
            redis_url=os.environ.get("REDIS_URL", ""),
            rate_limit_per_minute=1_000_000,
            extra_env={"MEMORY_DB_SCHEMA": "bench_memory", "INTEGRATIONS_DB_SCHEMA": "bench_integrations"},
        )
        stack = Stack(config)
        stack.start()
        plain, tls, cacert = stack.gateway_url, stack.gateway_https_url, stack.tls_files[0]
    try:
        asyncio.run(run(plain, tls, ssl.create_default_context(cafile=str(cacert)), headers, args))
    finally:
        if stack is not None:
            stack.stop()


if __name__ == "__main__":
    main()
