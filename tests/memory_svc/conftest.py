"""memory_svc running in-process on port 0, against real PostgreSQL and Redis, with
a fresh schema and key prefix per test."""

from __future__ import annotations

import sys
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from memory_helpers import Service, close_service, make_settings, open_service
from memory_outbox_support import Integrations, drop_schema, running

from devstack.embedded import EmbeddedRedis, free_port
from memory_svc.settings import Settings

# The LGPD tests erase people at the loopback vendor fakes of the integrations_svc tests.
_VENDOR_FAKES = str(Path(__file__).resolve().parents[1] / "integrations_svc")
if _VENDOR_FAKES not in sys.path:
    sys.path.append(_VENDOR_FAKES)


@pytest.fixture
def settings_for(database_url: str, redis_url: str, unique_name: str) -> Callable[..., Settings]:
    def build(**overrides: Any) -> Settings:
        return make_settings(
            overrides.pop("database_url", database_url), overrides.pop("redis_url", redis_url), unique_name, **overrides
        )

    return build


@pytest.fixture
async def service(settings_for: Callable[..., Settings]) -> AsyncIterator[Service]:
    svc = await open_service(settings_for())
    try:
        yield svc
    finally:
        await close_service(svc)


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[EmbeddedRedis]:
    """A redis-server of the test's own, to flush, stop and restart at will."""
    server = EmbeddedRedis(tmp_path / "redis")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
async def integrations(database_url: str) -> AsyncIterator[Integrations]:
    """A schema and a port for integrations_svc; started by the tests, dropped after."""
    port = free_port()
    schema = "ti_" + uuid.uuid4().hex[:12]
    try:
        yield Integrations(f"127.0.0.1:{port}", port, schema, database_url)
    finally:
        await drop_schema(database_url, schema)


@pytest.fixture
async def integrated_service(
    settings_for: Callable[..., Settings], integrations: Integrations
) -> AsyncIterator[Service]:
    """memory_svc with a real integrations_svc (local adapters) behind it, for the
    tests that export (an export lists integrations_svc's records too)."""
    async with running(integrations):
        svc = await open_service(settings_for(integrations_addr=integrations.address))
        try:
            yield svc
        finally:
            await close_service(svc)
