"""BaseAgent: the template method every agent follows (seed §3.2)."""

from __future__ import annotations

import logging
import time
from typing import ClassVar, Protocol

from agent_svc.domain import AgentReply, GuardrailTrip, Passage, TurnInput
from agent_svc.llm.base import LLMProvider
from agent_svc.prompts import Playbook, load_playbook
from atende_runtime.errors import Validator

log = logging.getLogger("atende.agent")

MAX_INPUT_CHARS = 4000


class KnowledgePort(Protocol):
    async def search(self, query: str, collection: str, top_k: int) -> list[Passage]: ...


class BaseAgent:
    """Load prompts, initialize tools, validate input, process, apply guardrails,
    log the interaction. Subclasses change the steps, not the order."""

    name: ClassVar[str] = ""
    tools: ClassVar[tuple[str, ...]] = ()
    uses_knowledge: ClassVar[bool] = True

    def __init__(self, provider: LLMProvider, knowledge: KnowledgePort, collection: str, top_k: int) -> None:
        self.provider = provider
        self.knowledge = knowledge
        self.collection = collection
        self.top_k = top_k
        self.playbook = self._load_prompts()
        self._initialize_tools()

    @property
    def description(self) -> str:
        return self.playbook.description

    def _load_prompts(self) -> Playbook:
        return load_playbook(self.name)

    def _initialize_tools(self) -> None:
        """Agents with tools bind them here; the built-ins have none yet."""

    def validate_input(self, turn: TurnInput) -> None:
        check = Validator()
        check.require("text", turn.text)
        check.max_length("text", turn.text, MAX_INPUT_CHARS)
        check.clean_text("text", turn.text)
        check.check()

    async def retrieve(self, turn: TurnInput) -> list[Passage]:
        if not self.uses_knowledge:
            return []
        return await self.knowledge.search(turn.text, self.collection, self.top_k)

    async def process(self, turn: TurnInput) -> AgentReply:
        passages = await self.retrieve(turn)
        generation = await self.provider.generate(self.playbook, turn, passages)
        cited = [p for p in passages if p.title and p.title in generation.text][:3]
        return AgentReply(
            text=generation.text,
            agent=self.name,
            citations=cited,
            provider=generation.provider,
            model=generation.model,
        )

    def apply_guardrails(self, reply: AgentReply) -> AgentReply:
        """Output checks; a reply that fails one is replaced, never sent unchecked."""
        if not reply.text.strip():
            reply.guardrails.append(GuardrailTrip("empty_output", "fallback", "the engine produced no text"))
            reply.text = self.playbook.say("en", "no_answer")
        return reply

    def log_interaction(self, turn: TurnInput, reply: AgentReply, started: float) -> None:
        log.info(
            "agent turn",
            extra={
                "agent": self.name,
                "conversation_id": turn.conversation_id,
                "provider": reply.provider,
                "citations": len(reply.citations),
                "guardrails": [g.check for g in reply.guardrails],
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
            },
        )

    async def run(self, turn: TurnInput) -> AgentReply:
        started = time.perf_counter()
        self.validate_input(turn)
        reply = await self.process(turn)
        reply = self.apply_guardrails(reply)
        self.log_interaction(turn, reply, started)
        return reply
