"""What router_svc's turn tests run against: a real memory_svc (in-process, on
PostgreSQL and Redis, a fresh schema per test) reached through the router's own
gRPC adapter, with a spy that keeps every request the turn sent; and a scripted
agent for driving the output checks with a reply of the test's choosing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import grpc
import psycopg
from atende.agent.v1 import agent_service_pb2 as apb
from atende.memory.v1 import memory_service_pb2 as mpb
from atende.memory.v1 import memory_service_pb2_grpc as mgrpc

from atende_runtime.server import RunningServer, start
from memory_svc.app import MemoryApp
from memory_svc.settings import Settings as MemorySettings
from router_svc.clients import GrpcMemory


class SpiedMemory(GrpcMemory):
    """The router's memory adapter, keeping what the turn asked memory_svc to store."""

    def __init__(self, channel: grpc.aio.Channel) -> None:
        super().__init__(channel, timeout=5, watch_timeout=30)
        self.appends: list[mpb.AppendMessagesRequest] = []

    async def append(self, request: mpb.AppendMessagesRequest) -> mpb.AppendMessagesResponse:
        self.appends.append(request)
        return await super().append(request)


@dataclass
class RunningMemory:
    server: RunningServer
    channel: grpc.aio.Channel
    settings: MemorySettings
    port: SpiedMemory
    handoffs: mgrpc.HandoffServiceStub
    leads: mgrpc.LeadServiceStub

    async def sql(self, query: str, *params: Any) -> list[tuple[Any, ...]]:
        async with await psycopg.AsyncConnection.connect(self.settings.database_url, autocommit=True) as conn:
            await conn.execute(f"SET search_path TO {self.settings.db_schema}")
            cursor = await conn.execute(query.encode(), params)
            return await cursor.fetchall() if cursor.description else []

    async def close(self) -> None:
        await self.channel.close()
        await self.server.stop(0)


async def open_memory(database_url: str, redis_url: str, name: str) -> RunningMemory:
    settings = MemorySettings(
        database_url=database_url, redis_url=redis_url, db_schema=name, redis_prefix=f"{name}:", port=0,
        retention_days=0,
        # These tests look at what a turn commits; delivering it is memory_svc's tests' business.
        relay_enabled=False,
    )
    server = await start(settings, MemoryApp(settings).mount)
    channel = grpc.aio.insecure_channel(f"127.0.0.1:{server.port}")
    return RunningMemory(
        server, channel, settings, SpiedMemory(channel),
        mgrpc.HandoffServiceStub(channel),
        mgrpc.LeadServiceStub(channel),
    )


@dataclass
class ScriptedAgents:
    """An agent port that answers with a fixed reply (to drive the output checks)."""

    reply: apb.GenerateReplyResponse
    requests: list[apb.GenerateReplyRequest] = field(default_factory=list)

    async def generate(self, request: apb.GenerateReplyRequest) -> apb.GenerateReplyResponse:
        self.requests.append(request)
        return self.reply

    async def stream(self, request: apb.GenerateReplyRequest) -> AsyncIterator[apb.StreamReplyResponse]:
        self.requests.append(request)
        text = self.reply.text
        step = 7
        for start_at in range(0, len(text), step):
            yield apb.StreamReplyResponse(delta=text[start_at : start_at + step])
        yield apb.StreamReplyResponse(final=self.reply)
