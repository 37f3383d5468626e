from __future__ import annotations

import grpc
from atende.agent.v1 import agent_service_pb2_grpc as pb_grpc

from agent_svc.knowledge_client import GrpcKnowledge
from agent_svc.llm.local import LocalEngine
from agent_svc.runtime import AgentRuntime
from agent_svc.servicer import AgentServicer
from agent_svc.settings import Settings
from atende_runtime.channels import open_channel
from atende_runtime.server import Mounted

SERVICE_NAME = "atende.agent.v1.AgentService"


async def setup(server: grpc.aio.Server, settings: Settings) -> Mounted:
    channel = open_channel(settings.knowledge_addr, settings.knowledge_timeout_seconds)
    provider = LocalEngine()
    runtime = AgentRuntime(
        provider,
        GrpcKnowledge(channel, settings.knowledge_timeout_seconds),
        settings.knowledge_collection,
        settings.knowledge_top_k,
    )
    pb_grpc.add_AgentServiceServicer_to_server(AgentServicer(runtime, provider.name), server)

    async def healthy() -> bool:
        # The agents run with the local engine and without knowledge if it is down,
        # so agent_svc's own readiness is having its agents loaded.
        return bool(runtime.agents)

    async def close() -> None:
        await channel.close()

    return Mounted([SERVICE_NAME], healthy, close)
