"""Thin gRPC layer of agent_svc: protobuf in, domain call, protobuf out. The turn's
LLM accounting also leaves as trailing metadata (atende-turn-ms, atende-llm-ms,
atende-llm-calls, atende-input-tokens, atende-output-tokens, atende-cost-usd) for
callers and benchmarks."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any, assert_never

import grpc
from atende.agent.v1 import agent_service_pb2 as pb
from atende.agent.v1 import agent_service_pb2_grpc as pb_grpc
from atende.common.v1 import types_pb2
from google.protobuf.timestamp_pb2 import Timestamp

from agent_svc.classify import Label, TextClassifier
from agent_svc.domain import (
    Action,
    AgentReply,
    Bant,
    BookMeeting,
    Citation,
    Embedding,
    Escalate,
    HandoffPacket,
    HistoryMessage,
    LeadState,
    SendEmail,
    SyncLead,
    TrackEvent,
    TurnInput,
)
from agent_svc.runtime import AgentRuntime
from atende_runtime.errors import InvalidArgument

MAX_CLASSIFY_CHARS = 4000

Context = grpc.aio.ServicerContext[Any, Any]

# Readable names in the domain, so an agent's rules never compare protobuf numbers.
CRM_STATUS: dict[int, str] = {
    types_pb2.CRM_STATUS_NEW: "new",
    types_pb2.CRM_STATUS_PENDING: "pending",
    types_pb2.CRM_STATUS_SYNCED: "synced",
    types_pb2.CRM_STATUS_FAILED: "failed",
}


def to_turn(request: pb.GenerateReplyRequest) -> TurnInput:
    lead = None
    if request.HasField("lead"):
        q = request.lead.qualification
        lead = LeadState(
            lead_id=request.lead.lead_id, name=request.lead.name, email=request.lead.email, phone=request.lead.phone,
            company=request.lead.company, score=request.lead.score,
            bant=Bant(budget=q.budget, authority=q.authority, need=q.need, timeline=q.timeline),
            crm_status=CRM_STATUS.get(request.lead.crm_status, ""),
        )
    return TurnInput(
        agent=request.agent,
        conversation_id=request.conversation_id,
        user_id=request.user_id,
        text=request.text,
        channel=request.channel,
        language=request.language,
        history=tuple(HistoryMessage(m.role, m.text, m.agent) for m in request.history),
        summary=request.summary,
        intent=request.intent.name,
        lead=lead,
        text_embedding=(
            Embedding(request.text_embedding.model, tuple(request.text_embedding.values))
            if request.text_embedding.values
            else None
        ),
        out_of_scope=request.out_of_scope,
    )


def to_response(reply: AgentReply) -> pb.GenerateReplyResponse:
    response = pb.GenerateReplyResponse(
        text=reply.text,
        agent=reply.agent,
        citations=[to_citation(Citation.of(p)) for p in reply.citations],
        guardrails=[types_pb2.GuardrailAction(check=g.check, action=g.action, detail=g.detail) for g in reply.guardrails],
        actions=[to_action(a) for a in reply.actions],
        provider=reply.provider,
        model=reply.model,
        usage=pb.LlmUsage(
            calls=reply.usage.calls,
            input_tokens=reply.usage.input_tokens,
            output_tokens=reply.usage.output_tokens,
            cache_read_tokens=reply.usage.cache_read_tokens,
            cache_write_tokens=reply.usage.cache_write_tokens,
            cost_usd=reply.usage.cost_usd,
            llm_ms=reply.usage.llm_ms,
        ),
    )
    update = reply.lead_update
    if update is not None:
        response.lead_update.CopyFrom(pb.LeadUpdate(
            name=update.name, email=update.email, phone=update.phone, company=update.company, score=update.score,
            qualification=to_bant(update.bant),
        ))
    return response


def to_citation(citation: Citation) -> types_pb2.Citation:
    return types_pb2.Citation(
        source=citation.source, title=citation.title, snippet=citation.snippet, document_id=citation.document_id
    )


def to_bant(bant: Bant) -> types_pb2.BantQualification:
    return types_pb2.BantQualification(budget=bant.budget, authority=bant.authority, need=bant.need, timeline=bant.timeline)


def to_packet(packet: HandoffPacket) -> types_pb2.HandoffPacket:
    return types_pb2.HandoffPacket(
        reason=packet.reason,
        summary=packet.summary,
        sentiment=packet.sentiment,
        qualification=to_bant(packet.bant),
        citations=[to_citation(c) for c in packet.citations],
        transcript=[types_pb2.TranscriptLine(role=line.role, agent=line.agent, text=line.text) for line in packet.transcript],
        from_agent=packet.from_agent,
        language=packet.language,
        customer_name=packet.customer_name,
        queue=packet.queue,
    )


def to_action(action: Action) -> types_pb2.AgentAction:
    match action:
        case SyncLead():
            return types_pb2.AgentAction(sync_lead=types_pb2.SyncLeadAction(consent_source=action.consent_source))
        case SendEmail():
            return types_pb2.AgentAction(send_email=types_pb2.SendEmailAction(
                to=action.to, template=action.template, language=action.language, variables=dict(action.variables),
            ))
        case BookMeeting():
            start = Timestamp()
            start.FromDatetime(action.start)
            return types_pb2.AgentAction(book_meeting=types_pb2.BookMeetingAction(
                attendee_email=action.attendee_email, attendee_name=action.attendee_name, start_time=start,
                duration_minutes=action.duration_minutes, title=action.title, requested_time=action.requested_time,
            ))
        case TrackEvent():
            return types_pb2.AgentAction(track_event=types_pb2.TrackEventAction(
                event=action.event, properties=dict(action.properties),
            ))
        case Escalate():
            return types_pb2.AgentAction(escalate=types_pb2.EscalateAction(packet=to_packet(action.packet)))
    assert_never(action)


def _usage_metadata(reply: AgentReply, started: float) -> tuple[tuple[str, str], ...]:
    usage = reply.usage
    return (
        ("atende-turn-ms", f"{(time.perf_counter() - started) * 1000:.2f}"),
        ("atende-llm-ms", f"{usage.llm_ms:.2f}"),
        ("atende-llm-calls", str(usage.calls)),
        ("atende-input-tokens", str(usage.input_tokens + usage.cache_read_tokens + usage.cache_write_tokens)),
        ("atende-output-tokens", str(usage.output_tokens)),
        ("atende-cost-usd", f"{usage.cost_usd:.6f}"),
    )


class AgentServicer(pb_grpc.AgentServiceServicer):
    def __init__(self, runtime: AgentRuntime) -> None:
        self.runtime = runtime
        self.classifier = TextClassifier(runtime.deps.providers)

    async def GenerateReply(self, request: pb.GenerateReplyRequest, context: Context) -> pb.GenerateReplyResponse:
        started = time.perf_counter()
        reply = await self.runtime.reply(to_turn(request))
        context.set_trailing_metadata(_usage_metadata(reply, started))
        return to_response(reply)

    async def StreamReply(self, request: pb.StreamReplyRequest, context: Context) -> AsyncIterator[pb.StreamReplyResponse]:
        # Each delta has passed the output guardrails (the agent releases a sentence
        # at a time after checking it); input errors surface before the first message.
        started = time.perf_counter()
        async for item in self.runtime.stream(to_turn(request.request)):
            if isinstance(item, str):
                yield pb.StreamReplyResponse(delta=item)
            else:
                context.set_trailing_metadata(_usage_metadata(item, started))
                yield pb.StreamReplyResponse(final=to_response(item))

    async def ClassifyText(self, request: pb.ClassifyTextRequest, context: Context) -> pb.ClassifyTextResponse:
        labels = [Label(x.name, x.description, tuple(x.examples)) for x in request.labels if x.name]
        if len(request.text) > MAX_CLASSIFY_CHARS:
            raise InvalidArgument.single("text", f"at most {MAX_CLASSIFY_CHARS} characters")
        found = await self.classifier.classify(request.text, list(request.history)[-3:], labels, request.current_agent)
        usage = found.usage
        return pb.ClassifyTextResponse(
            label=found.label, confidence=found.confidence, provider=found.provider, model=found.model,
            usage=pb.LlmUsage(calls=found.calls, input_tokens=usage.input_tokens, output_tokens=usage.output_tokens,
                              cache_read_tokens=usage.cache_read_tokens, cache_write_tokens=usage.cache_write_tokens),
        )

    async def ListAgents(self, request: pb.ListAgentsRequest, context: Context) -> pb.ListAgentsResponse:
        return pb.ListAgentsResponse(
            agents=[
                pb.AgentInfo(
                    name=agent.name,
                    description=agent.description,
                    built_in=agent.config.built_in,
                    provider=agent.provider,
                    tools=list(agent.tools),
                    knowledge_collection=agent.collection,
                )
                for agent in self.runtime.agents.values()
            ]
        )
