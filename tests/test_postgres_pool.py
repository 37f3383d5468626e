"""The shared PostgreSQL pool under a server crash: callers get an answer at once
while the server is away, and the pool serves again within a second of its return."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from psycopg import OperationalError

from atende_runtime.postgres import DatabaseUnreachable, Pool, open_pool
from devstack.embedded import EmbeddedPostgres


@pytest.fixture
def crashable_postgres() -> Iterator[tuple[EmbeddedPostgres, str]]:
    """A server of the test's own, which it may crash (never the machine's). Its folder
    is outside pytest's temporary root: the server runs as another user, and each
    pytest session that starts on the machine makes that root private again, which
    would lock a restarting server out of its own data."""
    folder = Path(tempfile.mkdtemp(prefix="atende-crash-pg-"))
    server = EmbeddedPostgres(folder / "pg")
    url = server.start()
    yield server, url
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


async def _query(pool: Pool) -> None:
    async with pool.connection() as conn:
        await conn.execute("SELECT 1")


async def test_a_crash_fails_fast_and_the_pool_serves_within_a_second_of_the_return(
    crashable_postgres: tuple[EmbeddedPostgres, str],
) -> None:
    server, url = crashable_postgres
    pool = await open_pool(url, min_size=2, max_size=4, name="crash-test")
    try:
        await _query(pool)
        await asyncio.to_thread(server.crash)

        started = time.monotonic()
        with pytest.raises(OperationalError):
            await _query(pool)
        assert time.monotonic() - started < 1.0, "the first call after the crash waited"

        await asyncio.sleep(0.5)  # the pool's check has found the server gone
        for _ in range(20):
            started = time.monotonic()
            with pytest.raises(DatabaseUnreachable):
                await _query(pool)
            assert time.monotonic() - started < 0.05, "a call waited while the server was away"
        assert not pool.reachable

        await asyncio.to_thread(server.resume)
        back = time.monotonic()
        while True:
            try:
                await _query(pool)
                break
            except OperationalError:
                assert time.monotonic() - back < 1.0, "not serving a second after the server returned"
                await asyncio.sleep(0.02)
        assert pool.reachable
        # Every connection handed out now is a live one.
        await asyncio.gather(*(_query(pool) for _ in range(8)))
    finally:
        await pool.close()
