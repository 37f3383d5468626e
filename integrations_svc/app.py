"""Wires integrations_svc: PostgreSQL pool and migrations, adapters, workers, servicer."""

from __future__ import annotations

import logging
from pathlib import Path

import grpc

from atende_runtime.audit import AuditRule, ship_to_memory
from atende_runtime.metrics import GaugeSampler
from atende_runtime.postgres import open_pool
from atende_runtime.server import Mounted
from atende_runtime.service import register
from integrations_svc import metrics
from integrations_svc.adapters import build_adapters
from integrations_svc.domain import Kind
from integrations_svc.pg_store import PostgresStore, open_worker_pool
from integrations_svc.proto import SERVICE_NAME, pb
from integrations_svc.service import IntegrationsService
from integrations_svc.servicer import IntegrationsServicer
from integrations_svc.settings import Settings
from integrations_svc.templates import TemplateStore
from integrations_svc.worker import Workers

log = logging.getLogger("integrations.app")
# Dead-letter retries are audited (atende_runtime.audit): an operator's action.
AUDITED = {"RetryJob": AuditRule("job_id")}


async def setup(server: grpc.aio.Server, settings: Settings | None = None) -> Mounted:
    """Registers IntegrationsService on `server` and starts the delivery workers;
    the returned close() stops the workers (letting deliveries in flight finish),
    then closes the vendor clients and the pool."""
    settings = settings if settings is not None else Settings()
    url = settings.database_url
    if not url:
        # The local launcher (python -m devstack, `make run`) starts one and sets it.
        raise ValueError("DATABASE_URL is not set: integrations_svc keeps its jobs in PostgreSQL")
    pool = await open_pool(
        url, min_size=settings.db_pool_min_size, max_size=settings.db_pool_max_size, name="integrations"
    )
    worker_pool = None
    try:
        if settings.worker_concurrency:
            worker_pool = await open_worker_pool(url, max_size=settings.worker_concurrency + 2)
        store = PostgresStore(pool, settings.db_schema, worker_pool)
        await store.migrate()
        adapters = build_adapters(settings, store)
    except BaseException:
        if worker_pool is not None:
            await worker_pool.close()
        await pool.close()
        raise

    templates = TemplateStore(*([Path(settings.templates_dir)] if settings.templates_dir else []))
    workers = Workers(store, adapters, settings, secrets=settings.secrets())
    calendar_key = settings.google_calendar_id if adapters.selected[Kind.BOOK_MEETING] == "google" else "local"
    service = IntegrationsService(
        store,
        adapters.selected,
        templates,
        default_language=settings.default_language,
        max_attempts=settings.max_attempts,
        on_accepted=workers.wake,
        calendar_key=calendar_key,
        routes=adapters.routes(),
    )
    audit = ship_to_memory(settings.memory_addr, name="integrations_svc", capacity=settings.audit_queue_capacity)
    register(server, pb.DESCRIPTOR.services_by_name["IntegrationsService"], IntegrationsServicer(service),
             auditor=audit.auditor, audited=AUDITED)
    workers.start()
    gauges = GaugeSampler("integrations_svc", metrics.sampler(pool, settings.db_schema), settings.metrics_sample_seconds)
    if settings.metrics_port is not None:
        gauges.start()
    log.info(
        "integrations ready",
        extra={
            "adapters": {kind.value: name for kind, name in adapters.selected.items()},
            "routes": adapters.routes(),
            "workers": settings.worker_concurrency,
        },
    )

    async def close() -> None:
        await gauges.stop()
        await workers.stop(settings.shutdown_grace_seconds)
        await audit.close(settings.shutdown_grace_seconds)
        await adapters.aclose()
        if worker_pool is not None:
            await worker_pool.close()
        await pool.close()

    return Mounted(service_names=[SERVICE_NAME], health_check=store.ping, close=close)
