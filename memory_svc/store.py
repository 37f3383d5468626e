"""PostgreSQL, the durable truth: PostgresStore implements every store Protocol of
storage.py. Each concept's queries and methods live in memory_svc/postgres/; the
schema and its migrations live here (migrations/)."""

from __future__ import annotations

from pathlib import Path

from atende_runtime.postgres import Pool, migrate
from memory_svc.postgres import append_sql, audit, conversations, interactions, leads, live, outbox, retention, subjects
from memory_svc.postgres.append import PgAppends
from memory_svc.postgres.audit import PgAudit
from memory_svc.postgres.conversations import PgConversations
from memory_svc.postgres.interactions import PgInteractions
from memory_svc.postgres.leads import PgLeads
from memory_svc.postgres.live import PgLive
from memory_svc.postgres.outbox import PgOutbox
from memory_svc.postgres.retention import PgRetention
from memory_svc.postgres.subjects import PgSubjects

MIGRATIONS = Path(__file__).parent / "migrations"

# Every query the store runs, by name.
QUERIES: dict[str, str] = {
    **append_sql.QUERIES,
    **conversations.QUERIES,
    **interactions.QUERIES,
    **leads.QUERIES,
    **subjects.QUERIES,
    **retention.QUERIES,
    **outbox.QUERIES,
    **audit.QUERIES,
    **live.QUERIES,
}


class PostgresStore(
    PgAppends, PgConversations, PgInteractions, PgLeads, PgSubjects, PgRetention, PgOutbox, PgAudit, PgLive
):
    def __init__(self, pool: Pool, schema: str) -> None:
        super().__init__(pool, schema, QUERIES)

    async def migrate(self) -> list[str]:
        return await migrate(self.pool, self.schema, MIGRATIONS)
