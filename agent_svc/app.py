from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

import grpc
from atende.agent.v1 import agent_service_pb2

from agent_svc.agents.base import AgentDeps
from agent_svc.config import load_agents, load_providers
from agent_svc.evidence import Selector
from agent_svc.knowledge_client import GrpcKnowledge
from agent_svc.llm.budget import BudgetLedger, Pricing, RedisBudgetLedger
from agent_svc.llm.factory import ProviderSet
from agent_svc.prompts import PROMPTS_DIR
from agent_svc.runtime import AgentRuntime
from agent_svc.servicer import AgentServicer
from agent_svc.settings import Settings
from agent_svc.tools import ToolRegistry
from atende_guardrails.config import load_guardrails
from atende_guardrails.encoder import SyncEncoder, UsemEncoder
from atende_runtime.channels import open_channel
from atende_runtime.server import Mounted
from atende_runtime.service import register

SERVICE_NAME = "atende.agent.v1.AgentService"


def build_runtime(
    settings: Settings, knowledge: GrpcKnowledge, environ: Mapping[str, str] | None = None, encoder: SyncEncoder | None = None
) -> AgentRuntime:
    """Reads the configuration files and the environment's provider keys; a broken
    file raises ConfigError naming it, so the service does not start half-configured.
    Without `encoder`, grounding compares words only (one language)."""
    registry = ToolRegistry()
    providers_config = load_providers(settings.providers_file)
    providers = ProviderSet(providers_config, os.environ if environ is None else environ, Selector(encoder))
    configs = load_agents(registry.names(), settings.knowledge_collection, settings.agents_dir)
    deps = AgentDeps(
        knowledge=knowledge,
        registry=registry,
        providers=providers,
        ledger=RedisBudgetLedger(settings.budget_redis_url) if settings.budget_redis_url else BudgetLedger(),
        pricing=Pricing(providers_config.pricing),
        top_k=settings.knowledge_top_k,
        prompt_dirs=(Path(settings.agents_dir) / "prompts", PROMPTS_DIR),
        guardrails=load_guardrails(settings.guardrails_config, settings.guardrails_lexicon, encoder),
    )
    return AgentRuntime(configs, deps)


async def setup(server: grpc.aio.Server, settings: Settings, environ: Mapping[str, str] | None = None) -> Mounted:
    """`environ` is where provider keys are read (the process environment by default)."""
    # The SDKs' HTTP clients log every request at INFO; agent_svc logs each turn's calls itself.
    for name in ("httpx", "httpx2", "httpcore", "httpcore2", "anthropic", "openai"):
        logging.getLogger(name).setLevel(logging.WARNING)
    channel = open_channel(settings.knowledge_addr, settings.knowledge_timeout_seconds) if settings.knowledge_addr else None
    knowledge = GrpcKnowledge(channel, settings.knowledge_timeout_seconds, settings.knowledge_cooldown_seconds)
    encoder: UsemEncoder | None = None
    if settings.semantic_guardrails:
        encoder = UsemEncoder()
        await encoder.start()  # loads the model off the event loop
    runtime = build_runtime(settings, knowledge, environ, encoder)
    register(server, agent_service_pb2.DESCRIPTOR.services_by_name["AgentService"], AgentServicer(runtime))

    async def healthy() -> bool:
        # The agents answer with the local engine and without knowledge if those are
        # down, so agent_svc's own readiness is having its agents loaded.
        return bool(runtime.agents)

    async def close() -> None:
        await runtime.close()
        if encoder is not None:
            encoder.close()
        if channel is not None:
            await channel.close(None)

    return Mounted([SERVICE_NAME], healthy, close)
