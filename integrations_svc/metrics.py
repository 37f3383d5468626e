"""integrations_svc's Prometheus series (served on /metrics by atende_runtime/metrics.py):
deliveries to vendors by outcome, and the job queue sampled from PostgreSQL every
INTEGRATIONS_METRICS_SAMPLE_SECONDS: jobs waiting, the oldest one's age, dead letters."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Final

from prometheus_client import Counter, Gauge, Histogram
from psycopg import sql

from atende_runtime.metrics import LATENCY_BUCKETS
from atende_runtime.postgres import Pool

# Sampled from the database by every worker alike (ServiceSettings.workers): the latest sample.
SAMPLED: Final = "livemostrecent"
DELIVERIES = Counter("atende_deliveries_total",
                     "Delivery attempts to vendors, by kind, adapter and outcome (delivered, retry, dead).",
                     ["kind", "adapter", "outcome"])
DELIVERY_SECONDS = Histogram("atende_delivery_duration_seconds", "One delivery attempt's vendor call.",
                             ["kind", "adapter"], buckets=LATENCY_BUCKETS)
JOBS_QUEUED = Gauge("atende_jobs_queued", "Jobs waiting for delivery (status queued), by kind.", ["kind"],
                    multiprocess_mode=SAMPLED)
JOB_OLDEST_SECONDS = Gauge("atende_job_oldest_queued_age_seconds", "Age of the oldest job still queued (0: none).",
                           multiprocess_mode=SAMPLED)
DEAD_LETTERS = Gauge("atende_dead_letters", "Jobs dead for good (status dead), waiting for an operator's RetryJob.",
                     ["kind"], multiprocess_mode=SAMPLED)

_SEEN: set[str] = set()


def sampler(pool: Pool, schema: str) -> Callable[[], Awaitable[None]]:
    name = sql.Identifier(schema).as_string(None)
    query = f"""SELECT kind, count(*) FILTER (WHERE status = 'queued') AS queued,
                       count(*) FILTER (WHERE status = 'dead') AS dead,
                       extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'queued')) AS oldest
                FROM {name}.jobs WHERE status IN ('queued', 'dead') GROUP BY kind"""

    async def sample() -> None:
        async with pool.connection() as conn:
            rows: list[Any] = await (await conn.execute(query)).fetchall()
        seen = {row["kind"] for row in rows}
        for kind in _SEEN - seen:
            JOBS_QUEUED.labels(kind).set(0)
            DEAD_LETTERS.labels(kind).set(0)
        _SEEN.update(seen)
        for row in rows:
            JOBS_QUEUED.labels(row["kind"]).set(row["queued"])
            DEAD_LETTERS.labels(row["kind"]).set(row["dead"])
        JOB_OLDEST_SECONDS.set(max((float(row["oldest"]) for row in rows if row["oldest"] is not None), default=0.0))

    return sample
