"""memory_svc's Prometheus series (served on /metrics by atende_runtime/metrics.py):
the Redis cache's hit rate, and the queues an operator watches, sampled from
PostgreSQL every MEMORY_METRICS_SAMPLE_SECONDS: the outbox (actions the relay still
owes integrations_svc) and the hand-off queue (conversations waiting for people)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Final

from prometheus_client import Counter, Gauge
from psycopg import sql

from atende_runtime.postgres import Pool

# Sampled from the database by every worker alike (ServiceSettings.workers): the latest sample.
SAMPLED: Final = "livemostrecent"
CACHE_LOOKUPS = Counter("atende_cache_lookups_total", "Redis cache lookups, by cache (context, conversation, lead) and result.",
                        ["cache", "result"])
OUTBOX_PENDING = Gauge("atende_outbox_pending", "Outbox actions not yet accepted or finished, by kind.", ["kind"],
                       multiprocess_mode=SAMPLED)
OUTBOX_OLDEST_SECONDS = Gauge("atende_outbox_oldest_pending_age_seconds",
                              "Age of the oldest outbox action still pending (0: none).", multiprocess_mode=SAMPLED)
OUTBOX_FAILED = Gauge("atende_outbox_failed", "Outbox actions that failed for good (kept for the operator).",
                      multiprocess_mode=SAMPLED)
HANDOFF_QUEUE = Gauge("atende_handoff_queue_depth",
                      "Conversations in people's hands: waiting in a queue (human_queue) or taken (human).",
                      ["owner_kind"], multiprocess_mode=SAMPLED)

_KINDS_SEEN: set[str] = set()


def hit(cache: str, found: bool) -> None:
    CACHE_LOOKUPS.labels(cache, "hit" if found else "miss").inc()


def sampler(pool: Pool, schema: str) -> Callable[[], Awaitable[None]]:
    """Reads the outbox and the hand-off queue and sets their gauges."""
    name = sql.Identifier(schema).as_string(None)
    outbox = f"""SELECT kind, count(*) FILTER (WHERE status = 'pending') AS pending,
                        count(*) FILTER (WHERE status = 'failed') AS failed,
                        extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'pending')) AS oldest
                 FROM {name}.actions WHERE status IN ('pending', 'failed') GROUP BY kind"""
    handoffs = f"""SELECT owner_kind, count(*) AS n FROM {name}.conversations
                   WHERE owner_kind <> 'agent' GROUP BY owner_kind"""

    async def sample() -> None:
        async with pool.connection() as conn:
            rows: list[Any] = await (await conn.execute(outbox)).fetchall()
            queued: list[Any] = await (await conn.execute(handoffs)).fetchall()
        seen = {row["kind"] for row in rows}
        for kind in _KINDS_SEEN - seen:
            OUTBOX_PENDING.labels(kind).set(0)
        _KINDS_SEEN.update(seen)
        for row in rows:
            OUTBOX_PENDING.labels(row["kind"]).set(row["pending"])
        OUTBOX_FAILED.set(sum(row["failed"] for row in rows))
        OUTBOX_OLDEST_SECONDS.set(max((float(row["oldest"]) for row in rows if row["oldest"] is not None), default=0.0))
        counts = {row["owner_kind"]: row["n"] for row in queued}
        for kind in ("human_queue", "human"):
            HANDOFF_QUEUE.labels(kind).set(counts.get(kind, 0))

    return sample
