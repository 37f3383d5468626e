"""Helpers shared by the memory_svc tests (named so as not to clash with other suites)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import grpc
import psycopg
import redis.asyncio as aioredis
from atende.memory.v1 import memory_service_pb2 as pb
from atende.memory.v1 import memory_service_pb2_grpc as pb_grpc
from google.rpc import error_details_pb2
from grpc_status import rpc_status
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError

from atende_runtime.server import RunningServer, start
from memory_svc.app import MemoryApp
from memory_svc.settings import Settings


@dataclass
class Service:
    app: MemoryApp
    running: RunningServer
    channel: grpc.aio.Channel
    memory: pb_grpc.MemoryServiceStub
    leads: pb_grpc.LeadServiceStub
    subjects: pb_grpc.SubjectServiceStub
    handoffs: pb_grpc.HandoffServiceStub
    redis: aioredis.Redis
    settings: Settings

    async def keys(self) -> list[bytes]:
        return sorted([key async for key in self.redis.scan_iter(match=self.settings.redis_prefix + "*")])

    async def sql(self, query: str, *params: Any) -> list[tuple[Any, ...]]:
        async with await psycopg.AsyncConnection.connect(self.settings.database_url, autocommit=True) as conn:
            await conn.execute(f"SET search_path TO {self.settings.db_schema}")
            cursor = await conn.execute(query.encode(), params)
            return await cursor.fetchall() if cursor.description else []


def make_settings(database_url: str, redis_url: str, name: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": database_url,
        "redis_url": redis_url,
        "db_schema": name,
        "redis_prefix": f"{name}:",
        "port": 0,
        "redis_probe_interval_seconds": 0.1,
        # The service's 0.25 s is for a Redis on a quiet host; a whole suite on two
        # cores can stall one call that long, and a test of the window or the lead
        # would then see the cache (rightly) dropped. Tests of a slow Redis set it.
        "redis_timeout_seconds": 1.0,
        "health_interval_seconds": 0.2,
        "retention_days": 0,
        "audit_retention_days": 0,
        # Tests that deliver actions run a relay of their own against an
        # integrations_svc of their own; nothing here may reach a stack that happens
        # to run on this machine.
        "relay_enabled": False,
        "integrations_addr": "127.0.0.1:9",
    }
    values.update(overrides)
    return Settings(**values)


async def open_service(settings: Settings) -> Service:
    app = MemoryApp(settings)
    running = await start(settings, app.mount)
    channel = grpc.aio.insecure_channel(f"127.0.0.1:{running.port}")
    return Service(
        app=app,
        running=running,
        channel=channel,
        memory=pb_grpc.MemoryServiceStub(channel),
        leads=pb_grpc.LeadServiceStub(channel),
        subjects=pb_grpc.SubjectServiceStub(channel),
        handoffs=pb_grpc.HandoffServiceStub(channel),
        # Retries once, since a test may restart the server under a pooled connection.
        redis=aioredis.Redis.from_url(
            settings.redis_url, socket_timeout=2, retry=Retry(NoBackoff(), 1), retry_on_error=[ConnectionError]
        ),
        settings=settings,
    )


async def close_service(service: Service, *, drop: bool = True) -> None:
    await service.channel.close()
    await service.running.stop(1)
    if drop:
        try:
            keys = await service.keys()
            if keys:
                await service.redis.unlink(*keys)
        except Exception:  # a test may have stopped its own Redis
            pass
        async with await psycopg.AsyncConnection.connect(service.settings.database_url, autocommit=True) as conn:
            await conn.execute(f"DROP SCHEMA IF EXISTS {service.settings.db_schema} CASCADE".encode())
    await service.redis.aclose()


def turn(
    conversation_id: str,
    texts: list[tuple[str, str]],
    *,
    user_id: str = "u1",
    channel: str = "web",
    client_message_id: str = "",
    agent: str = "",
) -> pb.AppendMessagesRequest:
    return pb.AppendMessagesRequest(
        conversation_id=conversation_id,
        user_id=user_id,
        channel=channel,
        client_message_id=client_message_id,
        agent=agent,
        messages=[pb.NewMessage(role=role, text=text) for role, text in texts],
    )


def violations(error: grpc.aio.AioRpcError) -> dict[str, str]:
    """The BadRequest field violations of an INVALID_ARGUMENT error, by field."""
    status = rpc_status.from_call(error)  # type: ignore[arg-type]
    assert status is not None, "no google.rpc.Status details"
    found: dict[str, str] = {}
    for detail in status.details:
        bad_request = error_details_pb2.BadRequest()
        if detail.Unpack(bad_request):
            found.update({v.field: v.description for v in bad_request.field_violations})
    return found
