"""Wires integrations_svc: PostgreSQL pool and migrations, adapters, workers, servicer."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import grpc

from atende_runtime.embedded import EmbeddedPostgres
from atende_runtime.postgres import open_pool
from atende_runtime.server import Mounted
from integrations_svc.adapters import build_adapters
from integrations_svc.domain import Kind
from integrations_svc.pg_store import PostgresStore, open_worker_pool
from integrations_svc.proto import SERVICE_NAME, pb_grpc
from integrations_svc.service import IntegrationsService
from integrations_svc.servicer import IntegrationsServicer
from integrations_svc.settings import Settings
from integrations_svc.templates import TemplateStore
from integrations_svc.worker import Workers

log = logging.getLogger("integrations.app")


async def setup(server: grpc.aio.Server, settings: Settings | None = None) -> Mounted:
    """Registers IntegrationsService on `server` and starts the delivery workers;
    the returned close() stops the workers (letting deliveries in flight finish),
    then closes the vendor clients and the pool."""
    settings = settings if settings is not None else Settings()
    embedded: EmbeddedPostgres | None = None
    url = settings.database_url
    if not url:
        embedded = EmbeddedPostgres(Path(settings.data_dir) / "pg")
        url = await asyncio.to_thread(embedded.start)
        log.info("no DATABASE_URL: started the embedded PostgreSQL", extra={"data_dir": settings.data_dir})
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
        if embedded is not None:
            await asyncio.to_thread(embedded.stop)
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
    )
    pb_grpc.add_IntegrationsServiceServicer_to_server(IntegrationsServicer(service), server)
    workers.start()
    log.info(
        "integrations ready",
        extra={
            "adapters": {kind.value: name for kind, name in adapters.selected.items()},
            "routes": adapters.routes(),
            "workers": settings.worker_concurrency,
        },
    )

    async def close() -> None:
        await workers.stop(settings.shutdown_grace_seconds)
        await adapters.aclose()
        if worker_pool is not None:
            await worker_pool.close()
        await pool.close()
        if embedded is not None:
            await asyncio.to_thread(embedded.stop)

    return Mounted(service_names=[SERVICE_NAME], health_check=store.ping, close=close)
