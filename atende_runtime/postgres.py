"""PostgreSQL access shared by the services that own tables: a connection pool that
fails fast while the server is away and serves again as soon as it is back, and
versioned migrations applied at start-up, safe from two replicas at once."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from psycopg import AsyncConnection, OperationalError, sql
from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool, PoolTimeout

log = logging.getLogger("atende.postgres")

# SQLSTATEs of a server that went away: connection exceptions, admin/crash shutdown,
# "cannot connect now" (starting up or shutting down).
_GONE_STATES = ("08", "57P01", "57P02", "57P03")


class DatabaseUnreachable(OperationalError):
    """Raised at once, without waiting for a connection, while PostgreSQL is away."""


def _server_gone(error: BaseException) -> bool:
    """Whether an error may mean the server went away (a refused or broken connection,
    a shutdown), or the pool could not connect (no connection within the timeout)."""
    if isinstance(error, DatabaseUnreachable):
        return False
    if isinstance(error, PoolTimeout):
        return True
    if not isinstance(error, OperationalError):
        return False
    state = error.sqlstate
    return state is None or state.startswith(_GONE_STATES)


class Pool:
    """A psycopg pool that notices PostgreSQL going away and coming back.

    psycopg_pool alone waits for a connection up to its timeout while the server is
    down (callers hit their deadline instead of an answer), and reconnects with a
    backoff that doubles from 1 s (it served again seconds after the server was
    back). Here an error that may mean the server is gone starts a check: a new
    connection. If it is refused, the server is down: every caller gets
    DatabaseUnreachable at once (an OperationalError, which the services answer as
    UNAVAILABLE with a retry hint) while the check tries again every
    `probe_seconds`; when one succeeds the pool is replaced by a fresh one, so no
    caller is handed a connection that died with the server. A pool that was only
    busy (no connection within `checkout_seconds`, server fine) is left alone."""

    def __init__(
        self,
        url: str,
        *,
        min_size: int = 2,
        max_size: int = 10,
        name: str = "atende",
        checkout_seconds: float = 2.0,
        probe_seconds: float = 0.2,
    ) -> None:
        self.url = url
        self.name = name
        self.min_size = min_size
        self.max_size = max_size
        self.checkout_seconds = checkout_seconds
        self.probe_seconds = probe_seconds
        self._pool = self._new_pool()
        self._check: asyncio.Task[None] | None = None
        self._down = False
        self._closing = False

    def _new_pool(self) -> AsyncConnectionPool:
        return AsyncConnectionPool(
            self.url,
            min_size=self.min_size,
            max_size=self.max_size,
            open=False,
            name=self.name,
            timeout=self.checkout_seconds,
            kwargs={"autocommit": True, "row_factory": dict_row, "prepare_threshold": 1},
        )

    @property
    def reachable(self) -> bool:
        return not self._down

    async def open(self, timeout: float = 30.0) -> None:  # noqa: ASYNC109 - psycopg_pool's own parameter
        await self._pool.open(wait=True, timeout=timeout)

    @contextlib.asynccontextmanager
    async def connection(self, timeout: float | None = None) -> AsyncIterator[AsyncConnection[Any]]:  # noqa: ASYNC109
        """A pooled connection, or DatabaseUnreachable at once while the server is away."""
        if self._down:
            raise DatabaseUnreachable("PostgreSQL is unreachable")
        try:
            async with self._pool.connection(timeout) as conn:
                yield conn
        except BaseException as error:
            if _server_gone(error) and self._check is None and not self._closing:
                self._check = asyncio.get_running_loop().create_task(self._check_server(error))
            raise

    async def _check_server(self, error: BaseException) -> None:
        try:
            while not self._closing:
                if await self._answers():
                    if isinstance(error, PoolTimeout) and not self._down:
                        return  # busy, not broken
                    if await self._replace_pool():
                        return
                if not self._down:
                    self._down = True
                    log.warning("postgresql unreachable; failing fast until it answers",
                                extra={"pool": self.name, "error": type(error).__name__})
                await asyncio.sleep(self.probe_seconds)
        finally:
            self._check = None

    async def _answers(self) -> bool:
        try:
            conn = await AsyncConnection.connect(self.url, connect_timeout=2)
        except OperationalError:
            return False
        await conn.close()
        return True

    async def _replace_pool(self) -> bool:
        fresh = self._new_pool()
        try:
            await fresh.open(wait=True, timeout=5)
        except PoolTimeout:
            await fresh.close()
            return False
        stale, self._pool = self._pool, fresh
        if self._down:
            self._down = False
            log.warning("postgresql reachable again", extra={"pool": self.name})
        # Connections in use finish on the old pool, which closes them as they return.
        await stale.close(timeout=5)
        return True

    async def close(self) -> None:
        self._closing = True
        if self._check is not None:
            self._check.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._check
        await self._pool.close()


async def open_pool(
    url: str, *, min_size: int = 2, max_size: int = 10, name: str = "atende", checkout_seconds: float = 2.0
) -> Pool:
    pool = Pool(url, min_size=min_size, max_size=max_size, name=name, checkout_seconds=checkout_seconds)
    await pool.open()
    return pool


def _lock_key(schema: str) -> int:
    return int.from_bytes(hashlib.sha256(f"atende-migrate:{schema}".encode()).digest()[:8], "big", signed=True)


async def migrate(pool: Pool, schema: str, migrations_dir: Path) -> list[str]:
    """Applies every migrations_dir/NNNN_name.sql not yet applied to `schema`, in
    order, each in its own transaction. An advisory lock serialises replicas that
    start together; the second one finds nothing left to do."""
    files = sorted(migrations_dir.glob("*.sql"))  # noqa: ASYNC240 - a few local files, once at start-up
    applied: list[str] = []
    async with pool.connection() as conn:
        await conn.execute("SELECT pg_advisory_lock(%s)", (_lock_key(schema),))
        try:
            await conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
            await conn.execute(
                sql.SQL(
                    "CREATE TABLE IF NOT EXISTS {}.schema_migrations"
                    " (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
                ).format(sql.Identifier(schema))
            )
            cursor = await conn.execute(
                sql.SQL("SELECT version FROM {}.schema_migrations").format(sql.Identifier(schema))
            )
            done = {row["version"] for row in await cursor.fetchall()}  # type: ignore[call-overload]
            for path in files:
                version = path.stem
                if version in done:
                    continue
                await _apply(conn, schema, version, path.read_text())
                applied.append(version)
                log.info("migration applied", extra={"schema": schema, "version": version})
        finally:
            await conn.execute("SELECT pg_advisory_unlock(%s)", (_lock_key(schema),))
    return applied


async def _apply(conn: AsyncConnection, schema: str, version: str, text: str) -> None:  # type: ignore[type-arg]
    async with conn.transaction():
        await conn.execute(sql.SQL("SET LOCAL search_path TO {}").format(sql.Identifier(schema)))
        await conn.execute(text.encode())
        await conn.execute(
            sql.SQL("INSERT INTO {}.schema_migrations (version) VALUES (%s)").format(sql.Identifier(schema)),
            (version,),
        )


async def ping(pool: Pool) -> bool:
    try:
        async with pool.connection(timeout=2) as conn:
            await conn.execute("SELECT 1")
        return True
    except Exception:
        return False
