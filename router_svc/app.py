from __future__ import annotations

import asyncio
import logging

import grpc
from atende.agent.v1 import agent_service_pb2
from atende.conversation.v1 import conversation_service_pb2
from atende.knowledge.v1 import knowledge_service_pb2
from atende.memory.v1 import audit_service_pb2, memory_service_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc

from atende_guardrails.config import load_guardrails
from atende_guardrails.encoder import UsemEncoder
from atende_runtime.channels import open_channel
from atende_runtime.server import Mounted
from atende_runtime.service import register
from router_svc.actions import ActionPlanner
from router_svc.clients import AgentClassifier, AgentCompletion, GrpcAgents, GrpcMemory
from router_svc.queries import Queries
from router_svc.routing.factory import build_router, needs_encoder
from router_svc.servicer import ConversationServicer
from router_svc.settings import Settings
from router_svc.turn import TurnService

log = logging.getLogger("atende.router")

SERVICE_NAME = "atende.conversation.v1.ConversationService"
# The public services behind the gateway; their descriptors are loaded by importing
# the generated modules, which lets router_svc's reflection describe them all (their
# public methods only: it answers reflection through the gateway).
PUBLIC_SERVICES = (
    agent_service_pb2.DESCRIPTOR.services_by_name["AgentService"].full_name,
    memory_service_pb2.DESCRIPTOR.services_by_name["LeadService"].full_name,
    memory_service_pb2.DESCRIPTOR.services_by_name["SubjectService"].full_name,
    memory_service_pb2.DESCRIPTOR.services_by_name["HandoffService"].full_name,
    knowledge_service_pb2.DESCRIPTOR.services_by_name["KnowledgeService"].full_name,
    audit_service_pb2.DESCRIPTOR.services_by_name["AuditService"].full_name,
)


async def setup(server: grpc.aio.Server, settings: Settings) -> Mounted:
    memory_channel = open_channel(settings.memory_addr, settings.memory_timeout_seconds)
    agent_channel = open_channel(settings.agent_addr, settings.agent_timeout_seconds)
    memory = GrpcMemory(memory_channel, settings.memory_timeout_seconds, settings.agent_timeout_seconds)
    agents = GrpcAgents(agent_channel, settings.agent_timeout_seconds)

    encoder: UsemEncoder | None = None
    if needs_encoder(settings.routing_strategy, settings.routing_cascade) or settings.semantic_guardrails:
        encoder = UsemEncoder()
        await encoder.start()  # loads the model on the encoder's thread, not on the event loop
    completion: AgentClassifier | AgentCompletion | None = None
    if settings.routing_llm_classify:
        completion = AgentClassifier(agents)
    elif settings.llm_classifier_agent:
        completion = AgentCompletion(agents, settings.llm_classifier_agent)
    router = build_router(settings, encoder, completion)
    await router.start()  # encodes the examples off the event loop
    guardrails = await asyncio.to_thread(
        load_guardrails, settings.guardrails_config, settings.guardrails_lexicon, encoder
    )
    turns = TurnService(
        memory,
        agents,
        router,
        guardrails,
        max_text_chars=settings.max_text_chars,
        context_messages=settings.context_messages,
        planner=ActionPlanner(settings.escalation_email, settings.business_name),
        encoder=encoder,
        answer_while_queued=settings.answer_while_queued,
        knowledge_scope_check=settings.knowledge_scope_check,
    )
    queries = Queries(memory, router, guardrails, settings.max_text_chars)
    servicer = ConversationServicer(turns, queries)
    register(server, conversation_service_pb2.DESCRIPTOR.services_by_name["ConversationService"], servicer)
    log.info("routing", extra={"strategy": router.strategy.name, "input_checks": guardrails.input.names,
                               "output_checks": guardrails.output.names})
    probes = [health_pb2_grpc.HealthStub(memory_channel), health_pb2_grpc.HealthStub(agent_channel)]

    async def healthy() -> bool:
        # A turn needs both memory and an agent; without either, take no traffic.
        for probe in probes:
            try:
                answer = await probe.Check(health_pb2.HealthCheckRequest(service=""), timeout=1.0)
            except grpc.aio.AioRpcError:
                return False
            if answer.status != health_pb2.HealthCheckResponse.SERVING:
                return False
        return True

    async def close() -> None:
        await memory_channel.close(None)
        await agent_channel.close(None)
        if encoder is not None:
            encoder.close()

    return Mounted([SERVICE_NAME], healthy, close, reflection_names=PUBLIC_SERVICES, public_reflection=True)
