"""Wires the channels server: PostgreSQL (integrations_svc's schema and migrations),
the engine with its ports to router_svc and memory_svc, and integrations_svc's
delivery workers for the channels' jobs only (send_whatsapp, send_email_reply)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
from aiohttp import web

from atende_runtime.postgres import open_pool
from integrations_svc.adapters import Adapters
from integrations_svc.adapters.http import VendorHttp
from integrations_svc.channels.engine import Clock, Conversations, Engine, Turns, utcnow
from integrations_svc.channels.ingest import GroupCommit
from integrations_svc.channels.policy import Templates
from integrations_svc.channels.senders import LocalChannel, SendGridReply, WhatsAppCloud
from integrations_svc.channels.server import build
from integrations_svc.channels.settings import ChannelSettings
from integrations_svc.channels.store import ChannelStore
from integrations_svc.pg_store import PostgresStore, open_worker_pool
from integrations_svc.settings import Settings as IntegrationsSettings
from integrations_svc.worker import Workers

log = logging.getLogger("integrations.channels")


@dataclass
class Channels:
    engine: Engine
    store: ChannelStore
    app: web.Application
    workers: Workers
    close: Callable[[], Awaitable[None]]


def channel_adapters(
    settings: ChannelSettings, integrations: IntegrationsSettings, store: ChannelStore,
    transport: httpx.AsyncBaseTransport | None = None,
) -> tuple[Adapters, dict[str, str]]:
    timeout = integrations.http_timeout_seconds
    adapters = Adapters(whatsapp={"local": LocalChannel(store, "whatsapp")},
                        email_replies={"local": LocalChannel(store, "email")})
    selected = {"whatsapp": "local", "email": "local"}
    if settings.whatsapp_access_token is not None and settings.whatsapp_phone_number_id:
        adapters.whatsapp["whatsapp_cloud"] = WhatsAppCloud(
            VendorHttp("whatsapp", settings.graph_base_url, timeout, transport=transport), store,
            settings.whatsapp_access_token.get_secret_value(), settings.whatsapp_phone_number_id,
            settings.graph_api_version, settings.whatsapp_business_account_id,
        )
        selected["whatsapp"] = "whatsapp_cloud"
    if integrations.sendgrid_api_key is not None:
        adapters.email_replies["sendgrid"] = SendGridReply(
            VendorHttp("sendgrid", integrations.sendgrid_base_url, timeout, transport=transport), store,
            integrations.sendgrid_api_key.get_secret_value(), settings.email_address, settings.email_name,
        )
        selected["email"] = "sendgrid"
    return adapters, selected


async def open_channels(
    settings: ChannelSettings,
    turns: Turns,
    conversations: Conversations,
    *,
    integrations: IntegrationsSettings | None = None,
    clock: Clock = utcnow,
    transport: httpx.AsyncBaseTransport | None = None,
) -> Channels:
    if not settings.database_url:
        raise ValueError("DATABASE_URL is not set: the channels keep their messages in PostgreSQL")
    integrations = integrations or IntegrationsSettings(
        database_url=settings.database_url, db_schema=settings.db_schema, worker_concurrency=settings.worker_concurrency,
    )
    templates = Templates.load(settings.whatsapp_templates_file)
    pool = await open_pool(settings.database_url, min_size=2, max_size=16, name="channels")
    worker_pool = await open_worker_pool(settings.database_url, max_size=integrations.worker_concurrency + 2)
    jobs = PostgresStore(pool, settings.db_schema, worker_pool)
    await jobs.migrate()
    store = ChannelStore(pool, settings.db_schema)
    group = GroupCommit(store, settings.database_url, writers=settings.ingest_writers,
                        max_batch=settings.ingest_max_batch)
    adapters, selected = channel_adapters(settings, integrations, store, transport)
    workers = Workers(jobs, adapters, integrations, secrets=[*integrations.secrets(), *_secrets(settings)])
    engine = Engine(store, turns, conversations, settings, templates, adapters=selected, wake=workers.wake, clock=clock,
                    ingest=group.store_inbound)
    workers.start()
    await engine.start()
    log.info("channels ready", extra={"adapters": selected, "templates": sorted(templates.by_purpose)})

    async def close() -> None:
        await group.close()
        await engine.stop()
        await workers.stop(integrations.shutdown_grace_seconds)
        await adapters.aclose()
        await worker_pool.close()
        await pool.close()

    return Channels(engine=engine, store=store, app=build(engine, settings), workers=workers, close=close)


def _secrets(settings: ChannelSettings) -> list[str]:
    values: list[str] = []
    for name in type(settings).model_fields:
        value: Any = getattr(settings, name)
        if hasattr(value, "get_secret_value") and value.get_secret_value():
            values.append(value.get_secret_value())
    return values
