"""One REST turn through the gateway, as a client sees it.

Runs against a stack that is already up (`make run`), or starts one on free ports
with --start. Prints p50/p95/p99 latency and throughput for sequential turns and
for a fixed number of concurrent conversations.

    python benchmarks/gateway_bench.py                    # against localhost:8080
    python benchmarks/gateway_bench.py --start --turns 200
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import httpx

TEXTS = [
    "Quanto custa o kit solar para minha casa?",
    "Qual a garantia do inversor?",
    "My inverter shows error E04",
    "Do you have batteries in stock?",
    "Oi, tudo bem?",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def run(base_url: str, turns: int, concurrency: int, headers: dict[str, str]) -> None:
    latencies: list[float] = []
    errors = 0
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(turns):
        queue.put_nowait(index)

    async def conversation(client: httpx.AsyncClient) -> None:
        nonlocal errors
        conversation_id = "bench-" + uuid.uuid4().hex[:10]
        while not queue.empty():
            index = queue.get_nowait()
            body = {"user_id": "bench", "text": TEXTS[index % len(TEXTS)], "channel": "api"}
            started = time.perf_counter()
            response = await client.post(f"/v1/conversations/{conversation_id}/messages", json=body)
            latencies.append((time.perf_counter() - started) * 1000)
            errors += response.status_code != 200

    async with httpx.AsyncClient(base_url=base_url, headers=headers, timeout=60) as client:
        await client.post(f"/v1/conversations/warmup-{uuid.uuid4().hex[:6]}/messages", json={"user_id": "w", "text": "oi"})
        started = time.perf_counter()
        await asyncio.gather(*(conversation(client) for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    print(
        f"concurrency {concurrency:>3}: {len(latencies)} turns, {len(latencies) / elapsed:7.1f} turns/s, "
        f"p50 {statistics.median(latencies):6.1f} ms, p95 {percentile(latencies, 0.95):6.1f} ms, "
        f"p99 {percentile(latencies, 0.99):6.1f} ms, errors {errors}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--turns", type=int, default=100)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--start", action="store_true", help="start a stack on free ports for the run")
    args = parser.parse_args()
    key = os.environ.get("ATENDE_API_KEY", "")
    headers = {"x-api-key": key} if key else {}

    stack = None
    url = args.url
    if args.start:
        from devstack.stack import Stack, StackConfig

        config = StackConfig.on_free_ports(
            Path(tempfile.mkdtemp(prefix="atende-bench-")),
            database_url=os.environ.get("DATABASE_URL", ""),
            redis_url=os.environ.get("REDIS_URL", ""),
            rate_limit_per_minute=1_000_000,
            extra_env={"MEMORY_DB_SCHEMA": "bench_memory", "INTEGRATIONS_DB_SCHEMA": "bench_integrations"},
        )
        stack = Stack(config)
        stack.start()
        url = stack.gateway_url
    try:
        for concurrency in args.concurrency:
            asyncio.run(run(url, args.turns, concurrency, headers))
    finally:
        if stack is not None:
            stack.stop()


if __name__ == "__main__":
    main()
