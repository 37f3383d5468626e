"""What every part of PostgresStore shares: the pool, the schema and the query texts.
Every query text is fixed at start-up (the schema is the only variable part), so the
pool's connections prepare each one once."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any, cast

from psycopg import AsyncConnection, AsyncCursor, OperationalError, sql
from psycopg_pool import PoolTimeout

from atende_runtime.errors import Unavailable
from atende_runtime.postgres import Pool

Row = dict[str, Any]


class PgBase:
    def __init__(self, pool: Pool, schema: str, queries: Mapping[str, str]) -> None:
        self.pool = pool
        self.schema = schema
        quoted = sql.Identifier(schema).as_string(None)
        # Queries by name; "{s}" in their text stands for the quoted schema name.
        self.q = {name: text.replace("{s}", quoted) for name, text in queries.items()}

    @asynccontextmanager
    async def _connection(self) -> AsyncIterator[AsyncConnection[Any]]:
        """A pooled connection; PostgreSQL being away becomes UNAVAILABLE (retryable),
        not an internal error."""
        try:
            async with self.pool.connection() as conn:
                yield conn
        except (OperationalError, PoolTimeout) as error:
            raise Unavailable("PostgreSQL is unavailable; try again") from error


async def all_rows(cursor: AsyncCursor[Any]) -> list[Row]:
    # The pool's connections use dict_row (atende_runtime.postgres.open_pool).
    return cast(list[Row], await cursor.fetchall())


async def one_row(cursor: AsyncCursor[Any]) -> Row | None:
    return cast(Row | None, await cursor.fetchone())
