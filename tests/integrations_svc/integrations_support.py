"""Helpers of the integrations_svc tests (a uniquely named module: test folders
without __init__.py share one module namespace)."""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
for folder in (ROOT, Path(__file__).resolve().parent):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import grpc  # noqa: E402
import psycopg  # noqa: E402
from atende.integrations.v1 import integrations_service_pb2_grpc as pb_grpc  # noqa: E402
from psycopg import sql  # noqa: E402
from psycopg.rows import dict_row  # noqa: E402

from atende_runtime.server import RunningServer, start  # noqa: E402
from integrations_svc.app import setup  # noqa: E402
from integrations_svc.settings import Settings  # noqa: E402

FAST = {
    "port": 0,
    "worker_concurrency": 4,
    "worker_poll_interval_seconds": 0.02,
    "lease_seconds": 5.0,
    "delivery_timeout_seconds": 3.0,
    "http_timeout_seconds": 1.0,
    "max_attempts": 8,
    "backoff_base_seconds": 0.05,
    "backoff_max_seconds": 0.4,
    "breaker_failure_threshold": 50,
    "breaker_reset_seconds": 0.5,
    "health_interval_seconds": 0.2,
    "shutdown_grace_seconds": 3.0,
    # No audit trail: nothing here may reach a memory_svc that happens to run on this machine.
    "memory_addr": "",
}


@asynccontextmanager
async def serving(settings: Settings) -> AsyncIterator[tuple[RunningServer, pb_grpc.IntegrationsServiceStub]]:
    running = await start(settings, lambda server: setup(server, settings))
    channel = grpc.aio.insecure_channel(f"127.0.0.1:{running.port}")
    try:
        yield running, pb_grpc.IntegrationsServiceStub(channel)
    finally:
        await channel.close()
        await running.stop(1.0)


async def wait_until(
    check: Callable[[], Awaitable[bool]] | Callable[[], bool], within: float = 10.0, interval: float = 0.05
) -> None:
    deadline = time.monotonic() + within
    while True:
        result = check()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {within} s")
        await asyncio.sleep(interval)


class Db:
    """Direct reads of the service's tables, as a developer would query them."""

    def __init__(self, url: str, schema: str) -> None:
        self.url = url
        self.schema = schema

    async def rows(self, query: str, *params: Any) -> list[dict[str, Any]]:
        async with await psycopg.AsyncConnection.connect(self.url, autocommit=True, row_factory=dict_row) as conn:
            await conn.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(self.schema)))
            cursor = await conn.execute(query.encode(), params)
            return await cursor.fetchall()

    async def count(self, query: str, *params: Any) -> int:
        rows = await self.rows(query, *params)
        return int(next(iter(rows[0].values())))

    async def statuses(self) -> dict[str, int]:
        rows = await self.rows("SELECT status, count(*) AS n FROM jobs GROUP BY status")
        return {row["status"]: row["n"] for row in rows}
