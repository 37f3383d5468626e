"""PostgreSQL access shared by the services that own tables: a connection pool and
versioned migrations applied at start-up, safe from two replicas at once."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from psycopg import AsyncConnection, sql
from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool

log = logging.getLogger("atende.postgres")


async def open_pool(url: str, *, min_size: int = 2, max_size: int = 10, name: str = "atende") -> AsyncConnectionPool:
    pool = AsyncConnectionPool(
        url,
        min_size=min_size,
        max_size=max_size,
        open=False,
        name=name,
        kwargs={"autocommit": True, "row_factory": dict_row, "prepare_threshold": 1},
    )
    await pool.open(wait=True, timeout=30)
    return pool


def _lock_key(schema: str) -> int:
    return int.from_bytes(hashlib.sha256(f"atende-migrate:{schema}".encode()).digest()[:8], "big", signed=True)


async def migrate(pool: AsyncConnectionPool, schema: str, migrations_dir: Path) -> list[str]:
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


async def ping(pool: AsyncConnectionPool) -> bool:
    try:
        async with pool.connection(timeout=2) as conn:
            await conn.execute("SELECT 1")
        return True
    except Exception:
        return False
