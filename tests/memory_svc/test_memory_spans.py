"""The storage spans of a turn's memory calls: one span per PostgreSQL statement and
per Redis command, each a child of the RPC's server span."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from atende.memory.v1 import memory_service_pb2 as pb
from memory_helpers import Service, turn
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from atende_runtime import storage_spans, telemetry


@pytest.fixture
def recorded() -> Iterator[InMemorySpanExporter]:
    """Tracing on in this process (as a service runs with it), spans kept in memory."""
    exporter = InMemorySpanExporter()
    if not telemetry.enabled():
        provider = TracerProvider()
        trace.set_tracer_provider(provider)
        telemetry._state["provider"] = provider
    telemetry._state["provider"].add_span_processor(SimpleSpanProcessor(exporter))
    storage_spans.instrument()
    yield exporter
    exporter.clear()


def _storage_spans(spans: Any, server: Any) -> list[Any]:
    return [
        s
        for s in spans
        if s.parent is not None
        and s.parent.span_id == server.context.span_id
        and s.attributes.get("db.system") in ("postgresql", "redis")
    ]


async def test_a_turns_append_records_its_statement_once(service: Service, recorded: InMemorySpanExporter) -> None:
    with telemetry.span("caller"):
        await service.memory.AppendMessages(turn("spans-1", [("user", "oi"), ("assistant", "olá!")]))
    spans = recorded.get_finished_spans()
    (server,) = [s for s in spans if s.name == "atende.memory.v1.MemoryService/AppendMessages"]
    children = _storage_spans(spans, server)
    statements = [s for s in children if s.attributes["db.system"] == "postgresql"]
    assert [s.name for s in statements] == ["INSERT append_turn"]
    # The pending mark before the commit, the cache write after it.
    assert [s.name for s in children if s.attributes["db.system"] == "redis"] == ["SET", "EVALSHA"]


async def test_a_context_read_from_the_cache_is_one_redis_span(service: Service, recorded: InMemorySpanExporter) -> None:
    await service.memory.AppendMessages(turn("spans-2", [("user", "oi"), ("assistant", "olá!")]))
    # The first read learns from PostgreSQL that the customer has no lead, and caches that.
    await service.memory.GetContext(pb.GetContextRequest(conversation_id="spans-2"))
    recorded.clear()
    with telemetry.span("caller"):
        context = await service.memory.GetContext(pb.GetContextRequest(conversation_id="spans-2"))
    assert context.found and len(context.messages) == 2
    spans = recorded.get_finished_spans()
    (server,) = [s for s in spans if s.name == "atende.memory.v1.MemoryService/GetContext"]
    assert server.attributes["atende.cache"] == "hit"
    assert [s.name for s in _storage_spans(spans, server)] == ["EVALSHA"]
