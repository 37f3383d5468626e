"""integrations_svc benchmark: accept latency (p50/p95/p99) and delivery throughput
(jobs/s) to the local adapter and to a fake HubSpot on loopback.

The service runs as a real subprocess (`python -m integrations_svc`), as deployed;
this process is the gRPC client and, for the vendor run, the fake HubSpot (the one
the tests use, speaking HubSpot's wire format). Each phase uses a fresh schema,
dropped at the end.

1. accept: --jobs SyncLead calls, --concurrency at a time, workers off, so the
   figure is the accept path alone (validate, one INSERT ... ON CONFLICT, answer);
2. delivery: the service restarted with --workers workers drains the queued jobs;
   throughput = jobs / time from start of serving to the last one delivered.

Usage:
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test \\
        .venv/bin/python benchmarks/integrations_bench.py [--jobs 2000] [--concurrency 32] [--workers 8]
Without DATABASE_URL the embedded PostgreSQL (pgserver) is started in a temporary folder.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "integrations_svc")]

import grpc  # noqa: E402
import psycopg  # noqa: E402
from atende.common.v1 import types_pb2  # noqa: E402
from atende.integrations.v1 import integrations_service_pb2 as pb  # noqa: E402
from atende.integrations.v1 import integrations_service_pb2_grpc as pb_grpc  # noqa: E402
from grpc_health.v1 import health_pb2, health_pb2_grpc  # noqa: E402
from psycopg import sql  # noqa: E402

from devstack.embedded import EmbeddedPostgres, environ_with, free_port  # noqa: E402


class Service:
    """`python -m integrations_svc` on a free port."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env = env
        self.log = log
        self.port = free_port()
        self.process: asyncio.subprocess.Process | None = None

    async def __aenter__(self) -> Service:
        with self.log.open("ab") as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "integrations_svc", cwd=str(ROOT),
                env=self.env | {"INTEGRATIONS_PORT": str(self.port)},
                stdin=asyncio.subprocess.DEVNULL, stdout=log, stderr=log,
            )
        async with grpc.aio.insecure_channel(self.address) as channel:
            health = health_pb2_grpc.HealthStub(channel)
            deadline = time.monotonic() + 30
            while True:
                if self.process.returncode is not None:
                    raise RuntimeError(f"integrations_svc exited; see {self.log}")
                try:
                    answer = await health.Check(health_pb2.HealthCheckRequest(), timeout=0.5)
                    if answer.status == health_pb2.HealthCheckResponse.SERVING:
                        return self
                except grpc.aio.AioRpcError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"integrations_svc did not serve; see {self.log}")
                await asyncio.sleep(0.05)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    async def __aexit__(self, *exc: object) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.process.wait(), 20)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


async def accept(address: str, jobs: int, concurrency: int, run: str) -> tuple[list[float], float]:
    latencies: list[float] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(jobs):
        queue.put_nowait(i)
    async with grpc.aio.insecure_channel(address) as channel:
        stub: Any = pb_grpc.IntegrationsServiceStub(channel)
        await stub.ListJobs(pb.ListJobsRequest(page_size=1))  # connect before timing

        async def client() -> None:
            while not queue.empty():
                i = queue.get_nowait()
                lead = types_pb2.Lead(
                    email=f"bench-{run}-{i}@example.com", name=f"Bench Lead {i}", company="Bench Co", score=40,
                    qualification=types_pb2.BantQualification(budget="R$ 10.000", need="solar kit"),
                )
                started = time.perf_counter()
                await stub.SyncLead(pb.SyncLeadRequest(lead=lead, idempotency_key=f"{run}-{i}"), timeout=10)
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return latencies, elapsed


async def drain(database_url: str, schema: str, jobs: int, env: dict[str, str], log: Path) -> float:
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        query = sql.SQL("SELECT count(*) FILTER (WHERE status <> 'queued') FROM {}.jobs").format(sql.Identifier(schema))
        async with Service(env, log):
            started = time.perf_counter()
            while True:
                cursor = await conn.execute(query)
                row = await cursor.fetchone()
                if row is not None and row[0] >= jobs:
                    return time.perf_counter() - started
                await asyncio.sleep(0.02)


async def check_outcome(database_url: str, schema: str) -> dict[str, int]:
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        cursor = await conn.execute(
            sql.SQL("SELECT status, count(*) FROM {}.jobs GROUP BY status").format(sql.Identifier(schema))
        )
        return {status: count for status, count in await cursor.fetchall()}


async def drop_schema(database_url: str, schema: str) -> None:
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        await conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


async def phase(name: str, args: argparse.Namespace, database_url: str, extra: dict[str, str], log: Path) -> None:
    schema = "bench_" + uuid.uuid4().hex[:10]
    base = environ_with(
        {
            "DATABASE_URL": database_url,
            "INTEGRATIONS_DB_SCHEMA": schema,
            "INTEGRATIONS_LOG_LEVEL": "WARNING",
            "INTEGRATIONS_HEALTH_INTERVAL_SECONDS": "0.2",
            "INTEGRATIONS_WORKER_POLL_INTERVAL_SECONDS": "0.05",
            "INTEGRATIONS_DB_POOL_MAX_SIZE": str(max(args.workers, args.concurrency // 2) + 4),
            "OPENBLAS_NUM_THREADS": "1",
            **extra,
        }
    )
    try:
        async with Service(base | {"INTEGRATIONS_WORKER_CONCURRENCY": "0"}, log) as service:
            latencies, elapsed = await accept(service.address, args.jobs, args.concurrency, schema)
        ms = [v * 1000 for v in latencies]
        print(
            f"[{name}] accept: {len(ms)} SyncLead, {args.concurrency} concurrent:"
            f" p50 {percentile(ms, 50):.2f} ms, p95 {percentile(ms, 95):.2f} ms, p99 {percentile(ms, 99):.2f} ms,"
            f" mean {statistics.fmean(ms):.2f} ms, {len(ms) / elapsed:.0f} accepts/s",
            flush=True,
        )
        seconds = await drain(database_url, schema, args.jobs, base | {"INTEGRATIONS_WORKER_CONCURRENCY": str(args.workers)}, log)
        outcome = await check_outcome(database_url, schema)
        print(
            f"[{name}] delivery: {args.jobs} jobs with {args.workers} workers in {seconds:.2f} s:"
            f" {args.jobs / seconds:.0f} jobs/s; outcome {outcome}",
            flush=True,
        )
    finally:
        await drop_schema(database_url, schema)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32, help="accept calls in flight")
    parser.add_argument("--workers", type=int, default=8, help="delivery workers of the service")
    parser.add_argument("--vendor-latency-ms", type=float, default=0.0, help="added to every fake HubSpot answer")
    parser.add_argument("--skip-vendor", action="store_true")
    args = parser.parse_args()

    log = Path(tempfile.mkdtemp(prefix="integrations-bench-")) / "service.log"
    embedded = None
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url:
        embedded = EmbeddedPostgres(Path(tempfile.mkdtemp(prefix="integrations-bench-pg-")) / "pg")
        database_url = embedded.start()
    print(f"integrations_svc benchmark: {os.cpu_count()} cores, service log {log}", flush=True)
    try:
        await phase("local", args, database_url, {}, log)
        if not args.skip_vendor:
            from integrations_fakehttp import Response
            from integrations_vendors import FakeHubSpot

            fake = FakeHubSpot()
            if args.vendor_latency_ms:
                route = fake.route

                async def slow_route(request: Any) -> Response:
                    await asyncio.sleep(args.vendor_latency_ms / 1000)
                    return await route(request)

                fake.route = slow_route  # type: ignore[method-assign]
            url = await fake.start()
            try:
                await phase(
                    f"fake hubspot, +{args.vendor_latency_ms:g} ms a call",
                    args,
                    database_url,
                    {
                        "INTEGRATIONS_CRM_ADAPTER": "hubspot",
                        "INTEGRATIONS_HUBSPOT_BASE_URL": url,
                        "INTEGRATIONS_HUBSPOT_ACCESS_TOKEN": fake.token,
                    },
                    log,
                )
                contacts = len(fake.contacts)
                print(
                    f"[fake hubspot] contacts created: {contacts} for {args.jobs} leads"
                    f" ({fake.contact_creates} creates, {len(fake.requests)} HTTP requests)",
                    flush=True,
                )
            finally:
                await fake.close()
    finally:
        if embedded is not None:
            embedded.stop()


if __name__ == "__main__":
    asyncio.run(main())
