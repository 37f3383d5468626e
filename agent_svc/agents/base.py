"""BaseAgent: the template method every agent follows (seed §3.2).

    run(turn) = validate_input → prepare (retrieve, plan) → process (the model and its
                tools, through the provider cascade) → apply_guardrails → log_interaction

Subclasses change steps (mostly `plan`), never the order. A custom agent is a
configuration file whose `kind` picks one of these classes."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar

from agent_svc.agents.escalation import Escalation
from agent_svc.agents.escalation import Plan as Plan  # builtin.py imports it from here
from agent_svc.agents.prompting import RULES, Prompting
from agent_svc.agents.reply_gate import ReplyGate, citations, guard_context
from agent_svc.config import AgentConfig
from agent_svc.domain import AgentReply, LeadState, LeadUpdate, Passage, TurnInput
from agent_svc.effects import TurnEffects
from agent_svc.evidence import SCOPE_FLOOR
from agent_svc.llm.base import Guidance, LLMRequest, ToolSpec
from agent_svc.llm.budget import BudgetLedger, Pricing, RedisBudgetLedger
from agent_svc.llm.cascade import Cascade, TurnMeter
from agent_svc.llm.factory import ProviderSet
from agent_svc.llm.local import useful_passages
from agent_svc.loop import AgentLoop, LoopResult
from agent_svc.ports import KnowledgePort
from agent_svc.prompts import PROMPTS_DIR, Playbook, from_mapping, load_reference
from agent_svc.signals import lead_score
from agent_svc.tools import ToolRegistry
from atende_guardrails.base import GuardContext
from atende_guardrails.config import Guardrails, load_guardrails
from atende_guardrails.text import detect_language
from atende_runtime.errors import Validator

log = logging.getLogger("atende.agent")

MAX_INPUT_CHARS = 4000
@dataclass
class AgentDeps:
    knowledge: KnowledgePort
    registry: ToolRegistry
    providers: ProviderSet
    ledger: BudgetLedger | RedisBudgetLedger
    pricing: Pricing
    top_k: int
    prompt_dirs: tuple[Path, ...] = (PROMPTS_DIR,)
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    # The output chain every reply passes (atende_guardrails; rules/guardrails.toml by default).
    guardrails: Guardrails = field(default_factory=load_guardrails)


@dataclass
class PreparedTurn:
    turn: TurnInput
    language: str
    passages: list[Passage]
    weak: bool
    fx: TurnEffects
    plan: Plan
    request: LLMRequest
    meter: TurnMeter
    guard: GuardContext


class BaseAgent(Escalation, Prompting):
    """Answers from the knowledge base, asks when retrieval is weak, escalates by its rules."""

    kind: ClassVar[str] = "assistant"

    def __init__(self, config: AgentConfig, deps: AgentDeps) -> None:
        self.config = config
        self.deps = deps
        self.playbook = self._load_prompts()
        self.tool_specs = self._initialize_tools()
        self.cascade = Cascade(config.name, deps.providers.cascade(config.models), config.budget, deps.ledger, deps.pricing)
        self.loop = AgentLoop(deps.registry, config.max_steps)

    # Identity, for ListAgents.

    @property
    def description(self) -> str:
        return self.config.description or self.playbook.description

    @property
    def tools(self) -> tuple[str, ...]:
        return self.config.tools

    @property
    def collection(self) -> str:
        return self.config.knowledge_collection

    @property
    def provider(self) -> str:
        """The provider the agent's first configured model uses ("local" with no keys)."""
        return self.cascade.primary.provider_name

    # The template's steps.

    def _load_prompts(self) -> Playbook:
        if self.config.inline_playbook is not None:
            return from_mapping(self.name, self.config.inline_playbook, source=self.config.source)
        return load_reference(self.config.prompt, self.deps.prompt_dirs)

    def _initialize_tools(self) -> tuple[ToolSpec, ...]:
        return self.deps.registry.specs(self.config.tools)

    def validate_input(self, turn: TurnInput) -> None:
        check = Validator()
        check.require("text", turn.text)
        check.max_length("text", turn.text, MAX_INPUT_CHARS)
        check.clean_text("text", turn.text)
        check.max_length("conversation_id", turn.conversation_id, 128)
        check.check()

    def language_for(self, turn: TurnInput) -> str:
        if self.config.language in ("pt", "en"):
            return self.config.language
        if turn.language in ("pt", "en"):
            return turn.language
        return detect_language(turn.text)

    async def retrieve(self, turn: TurnInput) -> list[Passage]:
        if not self.collection:
            return []
        return await self.deps.knowledge.search(
            turn.text, self.collection, self.config.top_k or self.deps.top_k, turn.text_embedding
        )

    async def order_evidence(self, question: str, passages: list[Passage]) -> list[Passage]:
        """For a hosted model, the passages best evidence first (agent_svc/evidence.py:
        the sentence that answers the question decides), so the strongest passage is
        [1] and survives any trimming of the context. The local engine ranks sentences
        itself, with the passages its tools add."""
        if len(passages) < 2 or self.provider == "local":
            return passages
        selector = self.deps.providers.selector
        # Inline when every vector is cached, else in a worker thread (evidence.py: rank_now).
        # No lead ranking (Selector.rank): only the passages' order is used here.
        selection = selector.rank_now(question, passages, lead_passages=0)
        if selection is None:
            selection = await asyncio.to_thread(selector.rank, question, passages, 0)
        return [passages[i] for i in selection.passage_order]

    async def plan(self, turn: TurnInput, fx: TurnEffects, weak: bool) -> Plan:
        """The default rules: escalate when the configuration says so, else answer from
        the passages, and when they are weak say so and ask instead of guessing."""
        escalation = self.escalate_if_needed(turn, fx, weak)
        if escalation is not None:
            return escalation
        unanswered = ("not_found", "clarify") if weak and self.playbook.say(fx.language, "clarify") else ("no_answer",)
        return Plan(unanswered=unanswered)

    async def check_scope(self, turn: TurnInput) -> tuple[AgentReply | None, list[Passage] | None]:
        """For a message the router read as out of scope (TurnInput.out_of_scope): a reply that
        says the agent does not know, with no citations and no model call, unless the knowledge
        base clearly answers it (the local selection answers with its best unit at SCOPE_FLOOR
        or more). Without the sentence encoder the scores are not comparable to SCOPE_FLOOR,
        and the router's reply stands. Returns (that reply, or None: answer the turn as any
        other; the passages the check retrieved, or None when it retrieved nothing), so that
        the answer reuses the check's search instead of running it again."""
        if not turn.out_of_scope:
            return None, None
        selector = self.deps.providers.selector
        passages = await self.retrieve(turn) if selector.encoder is not None else []
        if passages:
            selection = selector.rank_now(turn.text, passages)
            if selection is None:
                selection = await asyncio.to_thread(selector.rank, turn.text, passages)
            if selector.answer(selection, SCOPE_FLOOR):
                return None, passages
        return AgentReply(text=self.playbook.say(self.language_for(turn), "no_answer"), agent=self.name), None

    async def prepare(self, turn: TurnInput, retrieved: list[Passage] | None = None) -> PreparedTurn:
        """Everything the model call needs; `retrieved`: the turn's passages when a check
        already searched for them (check_scope), else they are searched here."""
        language = self.language_for(turn)
        passages = retrieved if retrieved is not None else await self.retrieve(turn)
        passages = await self.order_evidence(turn.text, passages)
        weak = bool(self.collection) and not useful_passages(turn.text, passages, self.config.weak_score)
        fx = TurnEffects(
            turn=turn, agent=self.name, language=language, collection=self.collection,
            top_k=self.config.top_k or self.deps.top_k, knowledge=self.deps.knowledge,
            lead=turn.lead or LeadState(), score=turn.lead.score if turn.lead else 0,
            meeting_title=self.config.meeting.title, meeting_minutes=self.config.meeting.duration_minutes,
        )
        fx.add_passages(passages)
        plan = await self.plan(turn, fx, weak)
        plan.lead_in = [s for s in plan.lead_in if s]
        plan.follow_up = [s for s in plan.follow_up if s]
        guidance = Guidance(
            language=language, playbook=self.playbook, agent_kind=self.kind, passages=tuple(passages),
            answer=plan.answer, lead_in=tuple(plan.lead_in), follow_up=tuple(plan.follow_up),
            unanswered=plan.unanswered, weak_score=self.config.weak_score,
        )
        request = LLMRequest(
            model="",
            system=(self.playbook.system + "\n" + RULES).strip(),
            context=self.context(turn, fx, passages, weak, plan),
            messages=tuple(self._history(turn)),
            tools=self.tool_specs,
            max_tokens=self.config.max_tokens,
            temperature=self.config.temperature,
            guidance=guidance,
            cache_key=f"atende-{self.name}-v{self.playbook.version}",
        )
        lead = fx.lead
        trusted = " ".join([
            turn.text, *(m.text for m in turn.history if m.role == "user"), turn.summary, *plan.lead_in, *plan.follow_up,
            lead.name, lead.company, lead.email, lead.phone, *lead.bant.filled().values(),
        ])
        guard = guard_context(self.name, language, self.playbook, fx.passages, trusted, [*plan.lead_in, *plan.follow_up],
                              self.config.grounded)
        return PreparedTurn(turn, language, passages, weak, fx, plan, request, TurnMeter(self.name, turn.conversation_id),
                            guard)

    async def process(self, prepared: PreparedTurn) -> LoopResult:
        return await self.loop.run(self.cascade, prepared.request, prepared.fx, prepared.meter)

    def gate(self, prepared: PreparedTurn) -> ReplyGate:
        return ReplyGate(self.deps.guardrails, prepared.guard, self.playbook, prepared.fx.passages)

    async def apply_guardrails(self, prepared: PreparedTurn, result: LoopResult) -> AgentReply:
        gate = self.gate(prepared)
        await gate.check_all(result.text)
        return self.finish(prepared, gate, result)

    def lead_update(self, prepared: PreparedTurn) -> LeadUpdate | None:
        fx = prepared.fx
        incoming = prepared.turn.lead.score if prepared.turn.lead else 0
        if fx.learned.is_empty() and (self.kind != "sales" or fx.score == incoming):
            return None
        update = fx.learned
        update.score = fx.score
        return update

    def finish(self, prepared: PreparedTurn, gate: ReplyGate, result: LoopResult) -> AgentReply:
        fx = prepared.fx
        if not fx.learned.is_empty():
            texts = [prepared.turn.text, *(m.text for m in prepared.turn.history if m.role == "user")]
            fx.score = max(fx.score, lead_score(fx.lead, self.config.scoring, texts))
        meter = prepared.meter
        return AgentReply(
            text=gate.text,
            agent=self.name,
            citations=citations(gate.text, fx.passages, self.playbook.every_phrase),
            guardrails=gate.trips(),
            provider=meter.provider or "local",
            model=meter.model,
            lead_update=self.lead_update(prepared),
            actions=list(fx.actions),
            usage=meter.usage,
            step_downs=meter.step_downs,
        )

    def log_interaction(self, turn: TurnInput, reply: AgentReply, started: float) -> None:
        # Never the texts: they hold personal data. Counts, names and timings only.
        usage = reply.usage
        log.info(
            "agent turn",
            extra={
                "agent": self.name,
                "conversation_id": turn.conversation_id,
                "provider": reply.provider,
                "model": reply.model,
                "citations": len(reply.citations),
                "guardrails": [g.check for g in reply.guardrails],
                "actions": [a.kind for a in reply.actions],
                "lead_fields": _learned_fields(reply.lead_update),
                "llm_calls": usage.calls,
                "input_tokens": usage.input_tokens,
                "output_tokens": usage.output_tokens,
                "cache_read_tokens": usage.cache_read_tokens,
                "cache_write_tokens": usage.cache_write_tokens,
                "cost_usd": round(usage.cost_usd, 6),
                "llm_ms": round(usage.llm_ms, 2),
                "step_downs": reply.step_downs,
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
            },
        )

    # The template methods.

    async def run(self, turn: TurnInput) -> AgentReply:
        started = time.perf_counter()
        self.validate_input(turn)
        declined, retrieved = await self.check_scope(turn)
        if declined is not None:
            self.log_interaction(turn, declined, started)
            return declined
        prepared = await self.prepare(turn, retrieved)
        result = await self.process(prepared)
        reply = await self.apply_guardrails(prepared, result)
        self.log_interaction(turn, reply, started)
        return reply

    async def stream(self, turn: TurnInput) -> AsyncIterator[str | AgentReply]:
        """Checked text as the model produces it (a sentence at a time), then the reply."""
        started = time.perf_counter()
        self.validate_input(turn)
        declined, retrieved = await self.check_scope(turn)
        if declined is not None:
            self.log_interaction(turn, declined, started)
            yield declined.text
            yield declined
            return
        prepared = await self.prepare(turn, retrieved)
        gate = self.gate(prepared)
        result = LoopResult("", 0, 0)
        async for item in self.loop.stream(self.cascade, prepared.request, prepared.fx, prepared.meter):
            if isinstance(item, LoopResult):
                result = item
                continue
            released = await gate.feed(item)
            if released:
                yield released
        tail = await gate.finish()
        if tail:
            yield tail
        reply = self.finish(prepared, gate, result)
        self.log_interaction(turn, reply, started)
        yield reply


def _learned_fields(update: LeadUpdate | None) -> list[str]:
    if update is None:
        return []
    contact = [name for name in ("name", "email", "phone", "company") if getattr(update, name)]
    return contact + sorted(update.bant.filled())
