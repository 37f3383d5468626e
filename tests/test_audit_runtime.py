"""The audit hook of the shared runtime: a service declares which methods are audited
and which field names the resource; each call leaves one event with the caller, the
outcome and the request id, without waiting on its delivery. The queue behind it
batches, retries while the destination is away, and drops past its capacity."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import grpc
import pytest
from atende.integrations.v1 import integrations_service_pb2 as ipb
from atende.knowledge.v1 import knowledge_service_pb2 as kpb

from atende_runtime.audit import AuditEvent, Auditor, AuditQueue, AuditRule, PermanentFailure, cleaned
from atende_runtime.errors import NotFound, PermissionDenied
from atende_runtime.identity import Caller
from atende_runtime.server import Mounted, start
from atende_runtime.service import register
from atende_runtime.settings import ServiceSettings


class Collected:
    """A sink that keeps what it is given."""

    def __init__(self) -> None:
        self.events: list[AuditEvent] = []

    def record(self, event: AuditEvent) -> None:
        self.events.append(event)


class Jobs:
    async def RetryJob(self, request: ipb.RetryJobRequest, context: grpc.aio.ServicerContext) -> ipb.RetryJobResponse:  # type: ignore[type-arg]
        Caller.from_metadata(context.invocation_metadata())  # refuses an unknown role
        if request.job_id == "gone":
            raise NotFound("no such job")
        if request.job_id == "slow":
            await asyncio.sleep(5)
        return ipb.RetryJobResponse(job=ipb.Job(job_id=request.job_id))

    async def GetJob(self, request: ipb.GetJobRequest, context: grpc.aio.ServicerContext) -> ipb.GetJobResponse:  # type: ignore[type-arg]
        return ipb.GetJobResponse(job=ipb.Job(job_id=request.job_id))


class Knowledge:
    async def StreamIngestDocuments(
        self, requests: AsyncIterator[kpb.StreamIngestDocumentsRequest], context: grpc.aio.ServicerContext  # type: ignore[type-arg]
    ) -> kpb.StreamIngestDocumentsResponse:
        count = 0
        async for request in requests:
            count += len(request.documents)
        if count > 2:
            raise PermissionDenied("too many for this test")
        return kpb.StreamIngestDocumentsResponse(document_count=count)


async def _serve(sink: Collected):  # type: ignore[no-untyped-def]
    async def setup(server: grpc.aio.Server) -> Mounted:
        auditor = Auditor(sink)
        register(server, ipb.DESCRIPTOR.services_by_name["IntegrationsService"], Jobs(),
                 auditor=auditor, audited={"RetryJob": AuditRule("job_id", lambda r: "detail")})
        register(server, kpb.DESCRIPTOR.services_by_name["KnowledgeService"], Knowledge(),
                 auditor=auditor, audited={"StreamIngestDocuments": AuditRule(lambda r: r.collection or "default")})

        async def always() -> bool:
            return True

        return Mounted(["atende.integrations.v1.IntegrationsService"], always)

    return await start(ServiceSettings(port=0), setup)


async def test_each_call_of_an_audited_method_leaves_one_event_with_its_outcome() -> None:
    sink = Collected()
    server = await _serve(sink)
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{server.port}") as channel:
            retry = channel.unary_unary("/atende.integrations.v1.IntegrationsService/RetryJob",
                                        request_serializer=ipb.RetryJobRequest.SerializeToString,
                                        response_deserializer=ipb.RetryJobResponse.FromString)
            get = channel.unary_unary("/atende.integrations.v1.IntegrationsService/GetJob",
                                      request_serializer=ipb.GetJobRequest.SerializeToString,
                                      response_deserializer=ipb.GetJobResponse.FromString)
            gateway = (("x-atende-role", "admin"), ("x-atende-subject", "ops-key"),
                       ("x-atende-client-address", "203.0.113.7:5555"), ("x-request-id", "req-1"))
            await retry(ipb.RetryJobRequest(job_id="j1"), metadata=gateway, timeout=5)
            with pytest.raises(grpc.aio.AioRpcError):
                await retry(ipb.RetryJobRequest(job_id="gone"), timeout=5)
            with pytest.raises(grpc.aio.AioRpcError):
                await retry(ipb.RetryJobRequest(job_id="j2"), metadata=(("x-atende-role", "root"),), timeout=5)
            with pytest.raises(grpc.aio.AioRpcError):
                await retry(ipb.RetryJobRequest(job_id="slow"), timeout=0.3)
            await get(ipb.GetJobRequest(job_id="j1"), timeout=5)  # not audited
            await asyncio.sleep(0.2)  # the cancelled call's handler ends after the client gave up
    finally:
        await server.stop(0)

    by_resource = {e.resource: e for e in sink.events}
    assert len(sink.events) == 4 and set(by_resource) == {"j1", "gone", "j2", "slow"}
    ok = by_resource["j1"]
    assert ok.action == "atende.integrations.v1.IntegrationsService.RetryJob"
    assert (ok.actor, ok.actor_role, ok.client_address, ok.outcome) == ("ops-key", "admin", "203.0.113.7:5555", "OK")
    assert ok.request_id == "req-1" and ok.detail == "detail"
    assert ok.event_time <= datetime.now(UTC) and len(ok.event_id) == 36
    internal = by_resource["gone"]
    assert internal.actor_role == "internal" and internal.actor == "" and internal.client_address.startswith("ipv4:")
    assert internal.outcome == "NOT_FOUND"
    assert by_resource["j2"].actor_role == "unknown" and by_resource["j2"].outcome == "PERMISSION_DENIED"
    assert by_resource["slow"].outcome in ("CANCELLED", "DEADLINE_EXCEEDED")


async def test_a_client_stream_names_its_resource_from_the_first_message() -> None:
    sink = Collected()
    server = await _serve(sink)
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{server.port}") as channel:
            ingest = channel.stream_unary("/atende.knowledge.v1.KnowledgeService/StreamIngestDocuments",
                                          request_serializer=kpb.StreamIngestDocumentsRequest.SerializeToString,
                                          response_deserializer=kpb.StreamIngestDocumentsResponse.FromString)

            def pieces(n: int) -> list[kpb.StreamIngestDocumentsRequest]:
                return [kpb.StreamIngestDocumentsRequest(collection="faq" if i == 0 else "",
                                                         documents=[kpb.Document(id=f"d{i}", text="x")])
                        for i in range(n)]

            assert (await ingest(iter(pieces(2)), timeout=5)).document_count == 2
            with pytest.raises(grpc.aio.AioRpcError):
                await ingest(iter(pieces(3)), timeout=5)
    finally:
        await server.stop(0)
    assert [(e.resource, e.detail, e.outcome) for e in sink.events] == [
        ("faq", "messages=2", "OK"), ("faq", "messages=3", "PERMISSION_DENIED")]


async def test_a_rule_naming_a_field_the_request_lacks_fails_at_start_up() -> None:
    async def setup(server: grpc.aio.Server) -> Mounted:
        register(server, ipb.DESCRIPTOR.services_by_name["IntegrationsService"], Jobs(),
                 auditor=Auditor(Collected()), audited={"RetryJob": AuditRule("conversation_id")})
        raise AssertionError("unreachable")

    with pytest.raises(ValueError, match="conversation_id"):
        await start(ServiceSettings(port=0), setup)
    with pytest.raises(ValueError, match="NoSuchMethod"):
        register(grpc.aio.server(), ipb.DESCRIPTOR.services_by_name["IntegrationsService"], Jobs(),
                 auditor=Auditor(Collected()), audited={"NoSuchMethod": AuditRule()})


def _event(i: int) -> AuditEvent:
    return AuditEvent(f"00000000-0000-0000-0000-{i:012d}", datetime.now(UTC), "ana", "agent", "1.2.3.4:5",
                      "atende.x.v1.S.M", f"r{i}", "OK")


async def test_the_queue_batches_retries_and_flushes_at_close() -> None:
    batches: list[list[str]] = []
    failures = 2

    async def deliver(batch: list[AuditEvent]) -> None:
        nonlocal failures
        if failures:
            failures -= 1
            raise ConnectionError("memory_svc away")
        batches.append([e.resource for e in batch])

    queue = AuditQueue(deliver, name="test", batch_size=3, retry_seconds=0.05)
    queue.start()
    for i in range(7):
        queue.record(_event(i))
    assert await queue.flush(5)
    assert batches == [["r0", "r1", "r2"], ["r3", "r4", "r5"], ["r6"]]
    queue.record(_event(7))
    await queue.close(2)
    assert batches[-1] == ["r7"] and queue.delivered == 8 and len(queue) == 0


async def test_a_full_queue_drops_new_events_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    release = asyncio.Event()

    async def deliver(batch: list[AuditEvent]) -> None:
        await release.wait()

    queue = AuditQueue(deliver, name="small", capacity=3, batch_size=10)
    queue.start()
    with caplog.at_level(logging.WARNING, logger="atende.audit"):
        for i in range(5):
            queue.record(_event(i))
    assert len(queue) == 3 and queue.dropped == 2
    assert any("audit queue full" in r.getMessage() for r in caplog.records)
    release.set()
    assert await queue.flush(5)
    await queue.close(1)


async def test_a_refused_batch_is_dropped_not_retried_for_ever() -> None:
    calls = 0

    async def deliver(batch: list[AuditEvent]) -> None:
        nonlocal calls
        calls += 1
        raise PermanentFailure("malformed")

    queue = AuditQueue(deliver, name="bad", retry_seconds=0.01)
    queue.start()
    queue.record(_event(1))
    assert await queue.flush(5)
    assert calls == 1 and queue.dropped == 1
    await queue.close(1)


def test_events_are_cleaned_before_they_are_stored() -> None:
    dirty = AuditEvent("00000000-0000-0000-0000-000000000001", datetime.now(UTC), "a\x00b", "root", "x" * 1000,
                       "atende.x.v1.S.M", "r" * 30_000, "OK", "\ud800 lone surrogate")
    clean = cleaned(dirty)
    assert clean.actor == "ab" and clean.actor_role == "unknown"
    assert len(clean.client_address) == 128 and len(clean.resource) == 256 and clean.resource.endswith("…")
    clean.detail.encode("utf-8")


# Privileged RPCs (ACCESS_AGENT or ACCESS_ADMIN) deliberately left out of the trail,
# with why: each reads nothing personal and changes nothing.
NOT_AUDITED = {
    # The queue a console polls every few seconds; the claim that follows is audited.
    "atende.memory.v1.HandoffService.ListHandoffs": "polled; changes nothing",
    # Every turn searches too; a search reads the business's own knowledge.
    "atende.knowledge.v1.KnowledgeService.SearchKnowledge": "reads the knowledge base only",
    # Tuning tools: they run the router on the text given and store nothing.
    "atende.conversation.v1.ConversationService.ClassifyIntent": "stores and reads nothing",
    "atende.conversation.v1.ConversationService.CheckGuardrails": "stores and reads nothing",
}


def test_every_privileged_rpc_is_audited_or_listed_as_not() -> None:
    """A new admin or agent RPC fails here until its service declares an audit rule
    for it (or it is added above, with the reason)."""
    from atende.common.v1 import access_pb2
    from atende.memory.v1 import audit_service_pb2, memory_service_pb2
    from google.protobuf import descriptor_pool

    from atende_runtime.reflection import is_public
    from integrations_svc.app import AUDITED as INTEGRATIONS
    from knowledge_svc.app import AUDITED as KNOWLEDGE
    from memory_svc.audit import AUDITED as MEMORY
    from router_svc.app import PUBLIC_SERVICES, SERVICE_NAME

    pool = descriptor_pool.Default()
    audited = {f"atende.memory.v1.{service}.{method}" for service, rules in MEMORY.items() for method in rules}
    audited |= {f"atende.knowledge.v1.KnowledgeService.{method}" for method in KNOWLEDGE}
    audited |= {f"atende.integrations.v1.IntegrationsService.{method}" for method in INTEGRATIONS}
    assert audit_service_pb2 and memory_service_pb2  # loaded into the pool
    privileged = set()
    for name in (SERVICE_NAME, *PUBLIC_SERVICES):
        for method in pool.FindServiceByName(name).methods:
            if is_public(method) and method.GetOptions().Extensions[access_pb2.access] >= access_pb2.ACCESS_AGENT:  # type: ignore[index]
                privileged.add(method.full_name)
    assert privileged - audited - set(NOT_AUDITED) == set()
    assert not audited & set(NOT_AUDITED)
    # Internal operators' actions are audited too.
    assert {"atende.integrations.v1.IntegrationsService.RetryJob",
            "atende.knowledge.v1.KnowledgeService.StreamIngestDocuments"} <= audited
