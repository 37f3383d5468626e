"""Helpers for agent_svc's tests: a loopback server speaking the providers' wire
formats (the real SDK clients talk to it), a small knowledge base behind the
KnowledgePort, and a helper that plays a conversation the way the router does
(history and lead carried from turn to turn)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import grpc
from atende.knowledge.v1 import knowledge_service_pb2 as kpb
from atende.knowledge.v1 import knowledge_service_pb2_grpc as kgrpc

from agent_svc.app import build_runtime
from agent_svc.domain import AgentReply, Embedding, HistoryMessage, LeadState, Passage, SyncLead, TurnInput
from agent_svc.knowledge_client import GrpcKnowledge
from agent_svc.runtime import AgentRuntime
from agent_svc.settings import Settings
from agent_svc.text import content_words

DOCS = [
    Passage("kit-res", "Kit Solar Residencial", "catalogo.pdf",
            "O Kit Solar Residencial de 5 kWp custa R$ 18.900 à vista. Inclui 10 painéis e um inversor X9. "
            "Instalação em até 30 dias.", 0.0),
    Passage("kit-com", "Kit Solar Comercial", "catalogo.pdf",
            "O Kit Solar Comercial de 20 kWp custa R$ 64.000. Indicado para lojas e pequenas indústrias. "
            "Disponível em estoque.", 0.0),
    Passage("x9-manual", "Manual do Inversor X9", "manual-x9.pdf",
            "Erro E21 no inversor X9 indica tensão da rede fora da faixa. Desligue o disjuntor, aguarde 5 minutos e "
            "religue. Se persistir, chame o suporte.", 0.0),
    Passage("warranty", "Warranty", "warranty.md",
            "Solar panels carry a 25-year performance warranty and the X9 inverter a 10-year warranty.", 0.0),
    Passage("checkin", "Check-in e check-out", "hotel.md",
            "O check-in começa às 14h e o check-out vai até as 12h. Café da manhã das 6h30 às 10h.", 0.0),
]


class MemoryKnowledge:
    """Keyword overlap as the score: enough to tell a strong hit from a weak one."""

    def __init__(self, docs: list[Passage] | None = None) -> None:
        self.docs = DOCS if docs is None else docs
        self.queries: list[tuple[str, str]] = []
        self.embeddings: list[Embedding | None] = []

    async def search(
        self, query: str, collection: str, top_k: int, embedding: Embedding | None = None
    ) -> list[Passage]:
        self.queries.append((query, collection))
        self.embeddings.append(embedding)
        wanted = content_words(query)
        found = []
        for doc in self.docs:
            overlap = len(wanted & content_words(doc.title + " " + doc.text))
            if overlap:
                found.append(replace(doc, score=min(0.95, 0.2 + 0.15 * overlap)))
        return sorted(found, key=lambda p: -p.score)[:top_k]


def make_runtime(environ: Mapping[str, str] | None = None, knowledge: object | None = None, **settings: object) -> AgentRuntime:
    config = Settings(knowledge_addr="", **settings)  # type: ignore[arg-type]
    return build_runtime(config, knowledge or MemoryKnowledge(), environ={} if environ is None else environ)  # type: ignore[arg-type]


def make_turn(text: str, agent: str = "sales", language: str = "pt", history: tuple[HistoryMessage, ...] = (),
              lead: LeadState | None = None, conversation_id: str = "c-1") -> TurnInput:
    return TurnInput(agent, conversation_id, "u-1", text, "web", language, history, lead=lead)


def stored_lead(lead: LeadState | None, reply: AgentReply) -> LeadState | None:
    """The lead as the router stores it after `reply`: the update merged, and a sync
    owed (pending) once the agent asked for one."""
    update = reply.lead_update
    if update is not None:
        base = lead or LeadState()
        lead = replace(base, name=update.name or base.name, email=update.email or base.email,
                       phone=update.phone or base.phone, company=update.company or base.company,
                       score=update.score, bant=base.bant.merged(update.bant))
    if lead is not None and any(isinstance(a, SyncLead) for a in reply.actions):
        lead = replace(lead, crm_status="pending")
    return lead


def lead_after(replies: list[AgentReply]) -> LeadState | None:
    """The stored lead after a conversation that started without one."""
    lead: LeadState | None = None
    for reply in replies:
        lead = stored_lead(lead, reply)
    return lead


async def converse(runtime: AgentRuntime, agent: str, texts: list[str], language: str = "pt",
                   conversation_id: str = "c-1") -> list[AgentReply]:
    """Plays the customer's messages in order, carrying history and lead as the router does."""
    history: list[HistoryMessage] = []
    lead: LeadState | None = None
    replies = []
    for text in texts:
        reply = await runtime.reply(make_turn(text, agent, language, tuple(history), lead, conversation_id))
        replies.append(reply)
        history += [HistoryMessage("user", text), HistoryMessage("assistant", reply.text, reply.agent)]
        lead = stored_lead(lead, reply)
    return replies


class KnowledgeOverGrpc(kgrpc.KnowledgeServiceServicer):
    """knowledge_svc's SearchKnowledge over MemoryKnowledge, so a test of agent_svc's
    real gRPC server can see passages without a knowledge_svc and its index."""

    def __init__(self, knowledge: MemoryKnowledge) -> None:
        self.knowledge = knowledge

    async def SearchKnowledge(
        self, request: kpb.SearchKnowledgeRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> kpb.SearchKnowledgeResponse:
        found = await self.knowledge.search(request.query, request.collection, request.top_k or 5)
        return kpb.SearchKnowledgeResponse(results=[
            kpb.SearchResult(document_id=p.document_id, text=p.text, score=p.score, source=p.source, title=p.title)
            for p in found
        ])


def unused_knowledge() -> GrpcKnowledge:
    return GrpcKnowledge(None, 0.1)


AGENTS_D = Path(__file__).resolve().parents[2] / "agent_svc" / "agents.d" / "examples"
