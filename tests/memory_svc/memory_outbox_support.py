"""Helpers of the outbox tests: a real integrations_svc (in-process, with its local
adapters, on a schema of its own), a clock the test moves by hand, relays built on
the real gRPC client, and memory_svc as a subprocess for the crash test."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
from atende.common.v1 import types_pb2
from atende.memory.v1 import memory_service_pb2 as pb
from psycopg import sql
from psycopg.rows import dict_row

from atende_runtime.server import RunningServer, start
from integrations_svc.app import setup as integrations_setup
from integrations_svc.settings import Settings as IntegrationsSettings
from memory_svc.integrations_client import GrpcIntegrations
from memory_svc.outbox import OutboxAction
from memory_svc.relay import Relay
from memory_svc.storage import RelayCache
from memory_svc.store import PostgresStore

ROOT = Path(__file__).resolve().parents[2]


class ManualClock:
    """Real time plus an offset the test moves forward: ten minutes pass in one call."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += timedelta(seconds=seconds)

    def jump_to(self, moment: datetime) -> None:
        """Moves the clock to `moment` (never backwards)."""
        self.offset = max(self.offset, moment - datetime.now(UTC) + timedelta(milliseconds=1))


class CountingIntegrations(GrpcIntegrations):
    """The real gRPC client, counting the submissions of each idempotency key."""

    def __init__(self, address: str, counts: Counter[str], *, timeout_seconds: float = 2.0) -> None:
        super().__init__(address, timeout_seconds=timeout_seconds)
        self.counts = counts

    async def submit(self, action: OutboxAction) -> str:
        job_id = await super().submit(action)
        self.counts[action.idempotency_key] += 1  # counted only when accepted
        return job_id


def make_relay(
    store: PostgresStore,
    integrations: GrpcIntegrations,
    clock: Callable[[], datetime],
    cache: RelayCache | None = None,
    **overrides: Any,
) -> Relay:
    values: dict[str, Any] = {
        "poll_interval_seconds": 0.2,
        "batch_size": 32,
        "backoff_base_seconds": 1.0,
        "backoff_max_seconds": 60.0,
        "lease_seconds": 30.0,
    }
    values.update(overrides)
    return Relay(store, integrations, cache, clock=clock, **values)


def integrations_settings(database_url: str, schema: str, port: int, **overrides: Any) -> IntegrationsSettings:
    values: dict[str, Any] = {
        "database_url": database_url,
        "db_schema": schema,
        "port": port,
        "worker_concurrency": 2,
        "worker_poll_interval_seconds": 0.02,
        "lease_seconds": 5.0,
        "delivery_timeout_seconds": 3.0,
        "backoff_base_seconds": 0.05,
        "backoff_max_seconds": 0.4,
        "health_interval_seconds": 0.2,
        "shutdown_grace_seconds": 2.0,
        "retention_days": 0,
    }
    values.update(overrides)
    return IntegrationsSettings(**values)


@asynccontextmanager
async def integrations_serving(settings: IntegrationsSettings) -> AsyncIterator[RunningServer]:
    """integrations_svc in this process, as tests/integrations_svc runs it."""
    running = await start(settings, lambda server: integrations_setup(server, settings))
    try:
        yield running
    finally:
        await running.stop(1.0)


async def drop_schema(database_url: str, schema: str) -> None:
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        await conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


async def rows(database_url: str, schema: str, query: str, *params: Any) -> list[dict[str, Any]]:
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True, row_factory=dict_row) as conn:
        await conn.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(schema)))
        cursor = await conn.execute(query.encode(), params)
        return await cursor.fetchall() if cursor.description else []


async def wait_until(check: Callable[[], Awaitable[bool]], within: float = 20.0, interval: float = 0.05) -> None:
    deadline = time.monotonic() + within
    while not await check():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {within} s")
        await asyncio.sleep(interval)


def lead(**fields: Any) -> types_pb2.Lead:
    qualification = fields.pop("qualification", None)
    out = types_pb2.Lead(**fields)
    if qualification is not None:
        out.qualification.CopyFrom(qualification)
    return out


def sync_lead(consent_source: str = "chat") -> types_pb2.AgentAction:
    return types_pb2.AgentAction(sync_lead=types_pb2.SyncLeadAction(consent_source=consent_source))


def send_email(to: str = "ana@example.com", template: str = "lead_follow_up", **variables: str) -> types_pb2.AgentAction:
    values = {"business_name": "Solar", "lead_name": "Ana", "summary": "kit solar"} | variables
    return types_pb2.AgentAction(
        send_email=types_pb2.SendEmailAction(to=to, template=template, language="pt", variables=values)
    )


def track_event(event: str = "lead_qualified", **properties: str) -> types_pb2.AgentAction:
    return types_pb2.AgentAction(track_event=types_pb2.TrackEventAction(event=event, properties=properties))


def action_turn(
    conversation_id: str,
    *,
    user_id: str = "ana",
    client_message_id: str = "",
    turn_lead: types_pb2.Lead | None = None,
    actions: list[types_pb2.AgentAction] | None = None,
    required_agent: bool = True,
    guardrails: list[types_pb2.GuardrailAction] | None = None,
) -> pb.AppendMessagesRequest:
    """A turn as the router stores it: the customer's message, the reply, the lead
    update and the actions, requiring that an agent owns the conversation."""
    request = pb.AppendMessagesRequest(
        conversation_id=conversation_id,
        user_id=user_id,
        channel="web",
        client_message_id=client_message_id,
        agent="sales",
        messages=[
            pb.NewMessage(role="user", text="quero o kit solar; meu e-mail é ana@example.com"),
            pb.NewMessage(role="assistant", text="Ótimo! Vou registrar seu contato.", agent="sales",
                          guardrails=guardrails or []),
        ],
        actions=actions or [],
    )
    if required_agent:
        request.required_owner_kinds.append(types_pb2.OWNER_KIND_AGENT)
    if turn_lead is not None:
        request.lead.CopyFrom(turn_lead)
    return request


@dataclass
class Integrations:
    address: str
    port: int
    schema: str
    database_url: str

    async def rows(self, query: str, *params: Any) -> list[dict[str, Any]]:
        return await rows(self.database_url, self.schema, query, *params)


@asynccontextmanager
async def running(integrations: Integrations, **overrides: Any) -> AsyncIterator[None]:
    """integrations_svc in this process (local adapters unless overridden)."""
    settings = integrations_settings(integrations.database_url, integrations.schema, integrations.port, **overrides)
    async with integrations_serving(settings):
        yield
