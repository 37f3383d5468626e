"""One customer turn (seed §5.1): validate, guard the input, load the context,
route (stick, hand over, or ask), get the reply (agent_svc checks it through its
output gate, sentence by sentence), and store the turn with its lead update and its actions in one memory_svc call
(one PostgreSQL transaction), then answer: two memory_svc calls a turn. A
client_message_id seen before replays the stored turn, which the context call already
returns. Nothing here imports grpc; streaming lives in streaming.py."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import AsyncIterator, Iterable

from atende.agent.v1 import agent_service_pb2 as apb
from atende.common.v1 import types_pb2
from atende.conversation.v1 import conversation_service_pb2 as cpb
from atende.knowledge.v1 import knowledge_service_pb2 as kpb
from atende.memory.v1 import memory_service_pb2 as mpb

from atende_guardrails.base import record_trips
from atende_guardrails.config import Guardrails
from atende_guardrails.encoder import ENCODER_MODEL, TextEncoder
from atende_guardrails.informal import spell_out
from atende_guardrails.text import detect_language
from atende_runtime.errors import FailedPrecondition, Unavailable
from atende_runtime.telemetry import annotate
from router_svc.actions import ActionPlan, ActionPlanner
from router_svc.domain import CheckedReply, PreparedTurn, TurnOutcome, silences_ai
from router_svc.metrics import LEAD_SCORE, LEADS, METRICS, QUALIFIED_SCORE, TURN_SECONDS
from router_svc.ports import AgentPort, MemoryPort
from router_svc.records import answered_turn, intent_pb, response_from_stored, turn_for_people
from router_svc.replies import ReplyChecks
from router_svc.routing import Decision, Router
from router_svc.routing.base import SMALL_TALK
from router_svc.screening import InputScreen
from router_svc.streaming import StreamedTurn, replay_stream
from router_svc.validation import TurnRequest, validate_turn
from router_svc.waiting import asks_after_the_person

log = logging.getLogger("atende.router")


class TurnService:
    def __init__(
        self,
        memory: MemoryPort,
        agents: AgentPort,
        router: Router,
        guardrails: Guardrails,
        *,
        max_text_chars: int,
        context_messages: int,
        planner: ActionPlanner | None = None,
        encoder: TextEncoder | None = None,
        # Settings.answer_while_queued: the AI answers while the queue has not claimed the conversation.
        answer_while_queued: bool = True,
        # Settings.knowledge_scope_check: an out-of-scope message goes to its nearest agent first.
        knowledge_scope_check: bool = True,
    ) -> None:
        self.memory = memory
        self.agents = agents
        self.router = router
        self.guardrails = guardrails
        self.replies = ReplyChecks(guardrails.texts)
        self.screen = InputScreen(guardrails.input)
        self.planner = planner or ActionPlanner()
        self.max_text_chars = max_text_chars
        self.context_messages = context_messages
        # The routing encoder (knowledge_svc's model): its vector of the turn's text
        # goes to the agent, which passes it to knowledge_svc, so the text is
        # embedded once per turn. Cached, so the routing step usually computed it.
        self.encoder = encoder
        self.answer_while_queued = answer_while_queued
        self.knowledge_scope_check = knowledge_scope_check
        self._kinds: dict[str, str] | None = None

    async def send(self, raw: TurnRequest) -> TurnOutcome:
        started = time.perf_counter()
        turn = await self.prepare(raw)
        if isinstance(turn, cpb.SendMessageResponse):  # run before: answered as the first time
            return TurnOutcome(turn)
        if turn.held_by_people:
            return TurnOutcome(await self.store_for_people(turn, started))
        if turn.answered_by_router:
            grounded = await self.grounded_instead(turn)
            if grounded is None:
                return TurnOutcome(await self.store(turn, self.replies.router_reply(turn), started))
            turn, reply = grounded
            checked = self.replies.from_agent(turn, reply)
            return TurnOutcome(await self.store(turn, checked, started), reply.usage)
        reply = await self.agents.generate(await self.agent_request(turn))
        checked = self.replies.from_agent(turn, reply)
        return TurnOutcome(await self.store(turn, checked, started), reply.usage)

    async def stream(self, raw: TurnRequest) -> AsyncIterator[cpb.StreamMessageResponse]:
        """Validation, the input guardrails and replay happen before the first
        message, so a bad request is an error status, not a 200 stream that fails
        half-way."""
        started = time.perf_counter()
        turn = await self.prepare(raw)
        if isinstance(turn, cpb.SendMessageResponse):
            return replay_stream(turn)
        return StreamedTurn(self, turn, started).run()

    def _asks_no_agent(self, text: str, decision: Decision) -> bool:
        """While the conversation waits for a person: a message no agent needs to answer
        (it asks after the person, it is small talk, or it is unclear)."""
        if self._kinds is None:
            self._kinds = self.router.kinds()
        return asks_after_the_person(text) or decision.clarify or self._kinds.get(decision.intent) == SMALL_TALK

    async def grounded_instead(self, turn: PreparedTurn) -> tuple[PreparedTurn, apb.GenerateReplyResponse] | None:
        """For a message the router reads as out of scope: the conversation's agent (or the
        nearest one) answers it instead when its reply is grounded in the knowledge base (it
        cites a passage). The routing examples say what a business's agents do; its documents
        say what it answers, and a question they answer is not out of scope. None: the
        router's out-of-scope reply stands (no grounded reply, the check is off, or the agent
        is unavailable, which the router's own reply does not need)."""
        decision = turn.decision
        agent = turn.context.agent or decision.nearest_agent
        if not (self.knowledge_scope_check and decision.clarify and decision.nearest_agent and agent) or turn.blocked_by:
            return None
        routed = dataclasses.replace(turn, decision=dataclasses.replace(
            decision, agent=agent, action="route", strategy=f"{decision.strategy}+knowledge"))
        request = await self.agent_request(routed)
        request.out_of_scope = True  # the agent answers only when the knowledge base clearly does
        try:
            reply = await self.agents.generate(request)
        except Unavailable as error:
            log.warning("out-of-scope message not checked against the knowledge base",
                        extra={"conversation_id": turn.request.conversation_id, "reason": str(error)})
            return None
        METRICS.inc("out_of_scope_checks", outcome="answered" if reply.citations else "confirmed")
        return (routed, reply) if reply.citations else None

    # ------------------------------------------------------------ the steps

    async def prepare(self, raw: TurnRequest) -> PreparedTurn | cpb.SendMessageResponse:
        """The turn with its context, input checks and routing decision; or, for a
        client_message_id already stored, the stored turn's response (replayed). One
        memory_svc call answers both: the context and whether the turn ran before."""
        request = validate_turn(raw, self.max_text_chars)
        language = detect_language(request.text)
        reading = self.memory.get_context(request.conversation_id, self.context_messages, request.client_message_id)
        kept = self.screen.kept_verdict(request.text, language)
        if kept is not None:
            guard, context = kept, await reading
        else:  # the input chain runs (on a thread) while memory_svc answers
            guard, context = await asyncio.gather(self.screen.run(request.text, language), reading)
        replay = await self._replay(request.conversation_id, request.client_message_id, context)
        if replay is not None:
            return replay
        if silences_ai(context.owner.kind, self.answer_while_queued):
            # People hold the conversation: no agent is chosen, nothing reaches an LLM.
            decision = Decision(context.agent, "handed_off", 1.0, "owner", action="people")
            return PreparedTurn(request, decision, language, context, [], self.answer_while_queued)
        blocked_by = guard.blocked_by
        if guard.findings:
            record_trips("input", guard.findings, METRICS, conversation_id=request.conversation_id)
        if blocked_by:
            if "prompt_injection" in blocked_by:
                METRICS.inc("prompt_injections_blocked")
            decision = Decision(context.agent, "blocked", 1.0, "guardrails")
        else:
            decision = await self.router.route(request.text, context.agent, user_history(context.messages))
            if context.owner.kind == types_pb2.OWNER_KIND_HUMAN_QUEUE and self._asks_no_agent(request.text, decision):
                decision = dataclasses.replace(decision, action="waiting")
        if decision.handoff_from:
            log.info("handoff", extra={"conversation_id": request.conversation_id, "source": decision.handoff_from,
                                       "target": decision.agent, "intent": decision.intent})
        return PreparedTurn(request, decision, language, context, blocked_by, self.answer_while_queued)

    async def _replay(
        self, conversation_id: str, client_message_id: str, context: mpb.GetContextResponse
    ) -> cpb.SendMessageResponse | None:
        if not client_message_id:
            return None
        found = context.turn
        if not context.HasField("turn"):
            # A memory_svc from before GetContext looked turns up (a rolling deploy): ask it.
            found = await self.memory.lookup_turn(conversation_id, client_message_id)
        if not found.found:
            return None
        return response_from_stored(conversation_id, list(found.messages), replayed=True)

    async def agent_request(self, turn: PreparedTurn) -> apb.GenerateReplyRequest:
        summary = turn.context.summary
        if turn.decision.handoff_from:
            note = (f"[The conversation was handed over from the {turn.decision.handoff_from} agent to the "
                    f"{turn.decision.agent} agent because the customer's topic changed to {turn.decision.intent}.]")
            summary = f"{summary}\n{note}".strip()
        return apb.GenerateReplyRequest(
            agent=turn.decision.agent,
            conversation_id=turn.request.conversation_id,
            user_id=turn.request.user_id,
            text=turn.request.text,
            channel=turn.request.channel,
            history=turn.context.messages,
            summary=summary,
            intent=intent_pb(turn.decision),
            lead=turn.context.lead if turn.context.HasField("lead") else None,
            language=turn.language,
            text_embedding=await self._text_embedding(turn.request.text),
        )

    async def _text_embedding(self, text: str) -> kpb.QueryEmbedding | None:
        """The vector the agent's knowledge search uses: of the text with its chat spelling
        spelled out ("qnto" -> "quanto", "vcs" -> "vocês"), as knowledge_svc embeds a query
        itself; the encoder places "quanto custa" nearer its answer than "qnto custa".
        Measured on the answer sets (knowledge_svc/eval/answers.py) with the vector of the
        text as written instead: 6 key facts fewer over the check halves, Carnaúba and Sabiá."""
        if self.encoder is None:
            return None
        # Routing encoded the text as written a moment ago: when spelling it out changes
        # nothing, its vector is in the encoder's cache, read on the event loop.
        vector = (await self.encoder.aencode([spell_out(text) or text.strip()]))[0]
        return kpb.QueryEmbedding(model=ENCODER_MODEL, values=vector.tolist())

    async def store(
        self, turn: PreparedTurn, checked: CheckedReply, started: float, streamed: str = ""
    ) -> cpb.SendMessageResponse:
        """Stores the turn with its side effects and answers. `streamed`: the text a
        stream already showed, kept on record (as interrupted) if a person took the
        conversation meanwhile."""
        request = turn.request
        plan = self.planner.plan(turn.facts(checked.reply.agent), checked.reply) if checked.releases_effects else ActionPlan()
        if not checked.releases_effects and (checked.reply.HasField("lead_update") or checked.reply.actions):
            log.info("turn did not pass its guardrails: lead and actions withheld",
                     extra={"conversation_id": request.conversation_id})
        try:
            stored = await self.memory.append(answered_turn(turn, checked, plan, started))
        except FailedPrecondition:
            # A person took the conversation while the agent was answering: the
            # reply is dropped, never sent (what a stream already showed stays on record).
            METRICS.inc("replies_dropped_for_people")
            return await self.store_for_people(turn, started, streamed)
        response = response_from_stored(request.conversation_id, list(stored.messages), stored.replayed)
        response.owner.CopyFrom(stored.owner)
        if stored.HasField("lead"):
            response.lead.CopyFrom(stored.lead)
        if not stored.replayed:
            self._count(turn, plan, checked, response.reply.agent, started)
            if plan.lead is not None and stored.HasField("lead"):
                _count_lead(turn, stored.lead.score)
        self._annotate(turn, checked, plan, response)
        log.info(
            "turn",
            extra={
                "conversation_id": request.conversation_id,
                "agent": response.reply.agent,
                "intent": turn.decision.intent,
                "strategy": turn.decision.strategy,
                "confidence": round(turn.decision.confidence, 3),
                "routed_to": turn.decision.agent,
                "action": turn.decision.action,
                "handoff_from": turn.decision.handoff_from,
                "guardrails": [g.check for g in checked.guardrails],
                "actions": [a.WhichOneof("action") for a in plan.outbox],
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
            },
        )
        return response

    @staticmethod
    def _annotate(turn: PreparedTurn, checked: CheckedReply, plan: ActionPlan, response: cpb.SendMessageResponse) -> None:
        """What an operator filters a turn's trace on, set on the RPC's span: ids, names,
        verdicts and counts; never the customer's text or data."""
        usage = checked.reply.usage
        annotate(
            conversation_id=turn.request.conversation_id,
            channel=turn.request.channel,
            agent=response.reply.agent,
            intent=turn.decision.intent,
            **{
                "routing.strategy": turn.decision.strategy,
                "routing.confidence": round(turn.decision.confidence, 3),
                "routing.action": turn.decision.action,
                "routing.handoff_from": turn.decision.handoff_from,
                "guardrails.verdicts": [f"{g.check}:{g.action}" for g in checked.guardrails],
                "guardrails.blocked_by": list(turn.blocked_by),
                "gen_ai.system": checked.reply.provider,
                "gen_ai.request.model": checked.reply.model,
                "gen_ai.usage.input_tokens": usage.input_tokens or None,
                "gen_ai.usage.output_tokens": usage.output_tokens or None,
                "atende.llm.cost_usd": usage.cost_usd or None,
                "atende.actions": [a.WhichOneof("action") or "" for a in plan.outbox],
                "atende.lead.score": response.lead.score if response.HasField("lead") else None,
                "atende.replayed": response.replayed or None,
            },
        )

    def _count(self, turn: PreparedTurn, plan: ActionPlan, checked: CheckedReply, agent: str, started: float) -> None:
        METRICS.inc("turns", agent=agent, intent=turn.decision.intent, action=turn.decision.action)
        TURN_SECONDS.labels(agent).observe(time.perf_counter() - started)
        if plan.lead is not None:
            METRICS.inc("leads_upserted")
        for action in plan.outbox:
            METRICS.inc("actions_committed", kind=action.WhichOneof("action") or "")
        if plan.handoff is not None:
            METRICS.inc("handoffs_to_people", agent=checked.reply.agent)
            log.info("handed off to people", extra={"conversation_id": turn.request.conversation_id,
                                                   "queue": plan.handoff.queue, "reason": plan.handoff.reason})

    async def store_for_people(self, turn: PreparedTurn, started: float, interrupted: str = "") -> cpb.SendMessageResponse:
        stored = await self.memory.append(turn_for_people(turn, started, interrupted))
        response = cpb.SendMessageResponse(conversation_id=turn.request.conversation_id, replayed=stored.replayed)
        # Present and empty, so REST clients read reply.text == "" rather than miss the field.
        response.reply.SetInParent()
        response.owner.CopyFrom(stored.owner)
        annotate(conversation_id=turn.request.conversation_id, channel=turn.request.channel,
                 **{"atende.owner": types_pb2.OwnerKind.Name(stored.owner.kind)})
        if not stored.replayed:
            METRICS.inc("turns_for_people")
        log.info("turn for people", extra={
            "conversation_id": turn.request.conversation_id,
            "owner": types_pb2.OwnerKind.Name(stored.owner.kind),
            "interrupted": bool(interrupted),
            "duration_ms": round((time.perf_counter() - started) * 1000, 2),
        })
        return response


def _count_lead(turn: PreparedTurn, score: int) -> None:
    before = turn.context.lead.score if turn.context.HasField("lead") else None
    LEADS.labels("created" if before is None else "updated").inc()
    LEAD_SCORE.observe(score)
    if score >= QUALIFIED_SCORE and (before is None or before < QUALIFIED_SCORE):
        LEADS.labels("qualified").inc()


def user_history(messages: Iterable[types_pb2.Message]) -> tuple[str, ...]:
    """The customer's last three messages, which routing reads for context."""
    return tuple(m.text for m in messages if m.role == "user")[-3:]
