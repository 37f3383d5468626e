from __future__ import annotations

import grpc
from atende.agent.v1 import agent_service_pb2
from atende.conversation.v1 import conversation_service_pb2_grpc as pb_grpc
from atende.knowledge.v1 import knowledge_service_pb2
from atende.memory.v1 import memory_service_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc

from atende_runtime.channels import open_channel
from atende_runtime.server import Mounted
from router_svc.clients import GrpcAgents, GrpcMemory
from router_svc.guardrails import input_chain, output_chain
from router_svc.orchestrator import Orchestrator
from router_svc.routing import KeywordClassifier
from router_svc.servicer import ConversationServicer
from router_svc.settings import Settings

SERVICE_NAME = "atende.conversation.v1.ConversationService"
# The public services behind the gateway; their descriptors are loaded by importing
# the generated modules, which lets router_svc's reflection describe them all.
PUBLIC_SERVICES = (
    agent_service_pb2.DESCRIPTOR.services_by_name["AgentService"].full_name,
    memory_service_pb2.DESCRIPTOR.services_by_name["LeadService"].full_name,
    memory_service_pb2.DESCRIPTOR.services_by_name["SubjectService"].full_name,
    knowledge_service_pb2.DESCRIPTOR.services_by_name["KnowledgeService"].full_name,
)


async def setup(server: grpc.aio.Server, settings: Settings) -> Mounted:
    memory_channel = open_channel(settings.memory_addr, settings.memory_timeout_seconds)
    agent_channel = open_channel(settings.agent_addr, settings.agent_timeout_seconds)
    input_guard, output_guard = input_chain(), output_chain()
    orchestrator = Orchestrator(
        GrpcMemory(memory_channel, settings.memory_timeout_seconds),
        GrpcAgents(agent_channel, settings.agent_timeout_seconds),
        KeywordClassifier(settings.keyword_rules),
        input_guard,
        output_guard,
        settings.max_text_chars,
        settings.context_messages,
    )
    pb_grpc.add_ConversationServiceServicer_to_server(
        ConversationServicer(orchestrator, input_guard, output_guard), server
    )
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
        await memory_channel.close()
        await agent_channel.close()

    return Mounted([SERVICE_NAME], healthy, close, reflection_names=PUBLIC_SERVICES)
