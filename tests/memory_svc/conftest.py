"""memory_svc running in-process on port 0, against real PostgreSQL and Redis, with
a fresh schema and key prefix per test."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from memory_helpers import Service, close_service, make_settings, open_service

from devstack.embedded import EmbeddedRedis
from memory_svc.settings import Settings


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


