"""One customer turn (seed §5.1): validate, guard the input, load the context,
route (stick, hand over, or ask), get the reply, pass it through the output gate,
store the turn, update the lead, release the agent's actions, answer. Replays a
stored turn when the client_message_id was seen before. Nothing here imports grpc."""

from __future__ import annotations

import asyncio
import contextvars
import hashlib
import json
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime

from atende.agent.v1 import agent_service_pb2 as apb
from atende.common.v1 import types_pb2
from atende.conversation.v1 import conversation_service_pb2 as cpb
from atende.integrations.v1 import integrations_service_pb2 as ipb
from atende.knowledge.v1 import knowledge_service_pb2 as kpb
from atende.memory.v1 import memory_service_pb2 as mpb
from google.protobuf import timestamp_pb2

from atende_runtime.errors import FailedPrecondition, InvalidArgument, Validator
from atende_runtime.text import detect_language
from router_svc.embeddings import ENCODER_MODEL, TextEncoder
from router_svc.guardrails import ChainResult, Finding, GuardContext, Guardrails, OutputGate, Texts, record_trips
from router_svc.metrics import METRICS
from router_svc.ports import AgentPort, IntegrationsPort, LeadPort, MemoryPort
from router_svc.routing import Decision, Router
from router_svc.validation import TurnRequest, validate_conversation_id, validate_turn

log = logging.getLogger("atende.router")

# The LLM accounting of the turn running in this task, for the servicer to report
# in trailing metadata (how long the turn waited for providers, what it cost).
TURN_USAGE: contextvars.ContextVar[apb.LlmUsage | None] = contextvars.ContextVar("turn_usage", default=None)

GUARDRAILS_KEY = "guardrails"
PEOPLE = (types_pb2.OWNER_KIND_HUMAN_QUEUE, types_pb2.OWNER_KIND_HUMAN)
DEFAULT_QUEUE = "default"
ROUTER_AGENT = "router"
MAX_GUARDRAIL_TEXT = 20_000
_EMAIL_VARIABLE_CHARS = 4000


@dataclass
class PreparedTurn:
    request: TurnRequest
    decision: Decision
    language: str
    context: mpb.GetContextResponse
    blocked_by: list[str]
    input_findings: list[Finding] = field(default_factory=list)

    @property
    def held_by_people(self) -> bool:
        """The human queue or a person owns the conversation: the customer's message
        is stored for them and no AI reply is made."""
        return self.context.owner.kind in PEOPLE

    @property
    def answered_by_router(self) -> bool:
        return bool(self.blocked_by) or self.decision.clarify


@dataclass
class CheckedReply:
    """An agent's reply after the router's output gate."""

    reply: apb.GenerateReplyResponse
    text: str
    guardrails: list[types_pb2.GuardrailAction]
    fell_back: bool = False


class Orchestrator:
    def __init__(
        self,
        memory: MemoryPort,
        agents: AgentPort,
        router: Router,
        guardrails: Guardrails,
        max_text_chars: int,
        context_messages: int,
        leads: LeadPort | None = None,
        integrations: IntegrationsPort | None = None,
        escalation_email: str = "",
        business_name: str = "atende",
        encoder: TextEncoder | None = None,
    ) -> None:
        self.memory = memory
        self.agents = agents
        self.router = router
        self.guardrails = guardrails
        self.texts: Texts = guardrails.texts
        self.max_text_chars = max_text_chars
        self.context_messages = context_messages
        self.leads = leads
        self.integrations = integrations
        self.escalation_email = escalation_email
        self.business_name = business_name
        # The routing encoder (knowledge_svc's model): its vector of the turn's text
        # goes to the agent, which passes it to knowledge_svc, so the text is
        # embedded once per turn. Cached, so the routing step usually computed it.
        self.encoder = encoder
        self._background: set[asyncio.Task[None]] = set()

    # ------------------------------------------------------------------ turns

    async def send(self, raw: TurnRequest) -> cpb.SendMessageResponse:
        started = time.perf_counter()
        replay = await self._replay(raw)
        if replay is not None:
            return replay
        turn = await self._prepare(raw)
        if turn.held_by_people:
            return await self._finish_for_people(turn, started)
        if turn.answered_by_router:
            checked = self._router_reply(turn)
        else:
            reply = await self.agents.generate(await self._agent_request(turn))
            TURN_USAGE.set(reply.usage)
            checked = await self._check_whole(turn, reply)
        return await self._finish(turn, checked, started)

    async def stream(self, raw: TurnRequest) -> AsyncIterator[cpb.StreamMessageResponse]:
        """Validation, the input guardrails and replay happen before the first
        message, so a bad request is an error status, not a 200 stream that fails
        half-way."""
        started = time.perf_counter()
        replay = await self._replay(raw)
        if replay is not None:
            return self._replay_stream(replay)
        turn = await self._prepare(raw)
        return self._stream_turn(turn, started)

    async def _replay_stream(self, replay: cpb.SendMessageResponse) -> AsyncIterator[cpb.StreamMessageResponse]:
        yield cpb.StreamMessageResponse(delta=replay.reply.text)
        yield cpb.StreamMessageResponse(final=replay)

    async def _stream_turn(self, turn: PreparedTurn, started: float) -> AsyncIterator[cpb.StreamMessageResponse]:
        if turn.held_by_people:
            yield cpb.StreamMessageResponse(final=await self._finish_for_people(turn, started))
            return
        if turn.answered_by_router:
            checked = self._router_reply(turn)
            yield cpb.StreamMessageResponse(delta=checked.text)
            yield cpb.StreamMessageResponse(final=await self._finish(turn, checked, started))
            return
        gate = self._gate(turn)
        reply = apb.GenerateReplyResponse()
        sent: list[str] = []
        async for piece in self.agents.stream(await self._agent_request(turn)):
            if piece.HasField("final"):
                reply = piece.final
                TURN_USAGE.set(reply.usage)
                break
            if piece.delta:
                pieces = await asyncio.to_thread(gate.feed, piece.delta)
                # Each release checks that an agent still owns the conversation: a
                # person who took it meanwhile is never talked over.
                if pieces and not await self._agent_still_owns(turn):
                    yield cpb.StreamMessageResponse(final=await self._finish_for_people(turn, started, "".join(sent)))
                    return
                for checked_piece in pieces:
                    sent.append(checked_piece)
                    yield cpb.StreamMessageResponse(delta=checked_piece)
        # Text the agent put only in the final message (none, normally) still goes through the gate.
        remainder = reply.text[len(gate.fed) :] if reply.text.startswith(gate.fed) else ""
        tail = await asyncio.to_thread(gate.feed, remainder) if remainder else []
        tail += await asyncio.to_thread(gate.finish, _evidence(reply))
        if tail and not await self._agent_still_owns(turn):
            yield cpb.StreamMessageResponse(final=await self._finish_for_people(turn, started, "".join(sent)))
            return
        for checked_piece in tail:
            sent.append(checked_piece)
            yield cpb.StreamMessageResponse(delta=checked_piece)
        checked = self._checked(turn, reply, gate)
        yield cpb.StreamMessageResponse(final=await self._finish(turn, checked, started, streamed="".join(sent)))

    # ---------------------------------------------------------------- queries

    async def get_conversation(self, conversation_id: str) -> cpb.Conversation:
        validate_conversation_id(conversation_id)
        stored = (await self.memory.get_conversation(conversation_id)).conversation
        return cpb.Conversation(
            conversation_id=stored.conversation_id,
            user_id=stored.user_id,
            channel=stored.channel,
            agent=stored.agent,
            messages=stored.messages,
            create_time=stored.create_time,
            update_time=stored.update_time,
            owner=stored.owner,
            handoff=stored.handoff if stored.HasField("handoff") else None,
        )

    async def classify(self, text: str, conversation_id: str) -> Decision:
        check = Validator()
        check.require("text", text)
        check.max_length("text", text, self.max_text_chars)
        check.clean_text("text", text)
        if conversation_id:
            try:
                validate_conversation_id(conversation_id)
            except InvalidArgument as error:
                check.violations.extend(error.violations)
        check.check()
        current: str = ""
        history: tuple[str, ...] = ()
        if conversation_id:
            context = await self.memory.get_context(conversation_id, 6)
            current, history = context.agent, _user_history(context)
        return await self.router.route(text, current, history)

    async def check_guardrails(self, text: str, stage: str) -> ChainResult:
        check = Validator()
        check.require("text", text)
        check.max_length("text", text, MAX_GUARDRAIL_TEXT)
        check.clean_text("text", text)
        if stage not in ("input", "output"):
            check.add("stage", "must be 'input' or 'output'")
        check.check()
        chain = self.guardrails.input if stage == "input" else self.guardrails.output
        return await asyncio.to_thread(chain.run, text, GuardContext(stage=stage, language=detect_language(text)))

    # -------------------------------------------------------------- internals

    async def _replay(self, raw: TurnRequest) -> cpb.SendMessageResponse | None:
        if not raw.client_message_id:
            return None
        request = validate_turn(raw, self.max_text_chars)
        found = await self.memory.lookup_turn(request.conversation_id, request.client_message_id)
        if not found.found:
            return None
        return self._response_from_stored(request.conversation_id, list(found.messages), replayed=True)

    async def _prepare(self, raw: TurnRequest) -> PreparedTurn:
        request = validate_turn(raw, self.max_text_chars)
        language = detect_language(request.text)
        # The input chain runs in a thread while memory_svc answers.
        guard, context = await asyncio.gather(
            asyncio.to_thread(
                self.guardrails.input.run, request.text, GuardContext(stage="input", language=language),
                stop_at_block=True,
            ),
            self.memory.get_context(request.conversation_id, self.context_messages),
        )
        if context.owner.kind in PEOPLE:
            # People hold the conversation: no agent is chosen, nothing reaches an LLM.
            decision = Decision(context.agent, "handed_off", 1.0, "owner", action="people")
            return PreparedTurn(request, decision, language, context, [], guard.findings)
        blocked_by = guard.blocked_by
        if guard.findings:
            record_trips("input", guard.findings, conversation_id=request.conversation_id)
        if blocked_by:
            if "prompt_injection" in blocked_by:
                METRICS.inc("prompt_injections_blocked")
            decision = Decision(context.agent, "blocked", 1.0, "guardrails")
        else:
            decision = await self.router.route(request.text, context.agent, _user_history(context))
        if decision.handoff_from:
            log.info("handoff", extra={"conversation_id": request.conversation_id, "source": decision.handoff_from,
                                       "target": decision.agent, "intent": decision.intent})
        return PreparedTurn(request, decision, language, context, blocked_by, guard.findings)

    async def _agent_still_owns(self, turn: PreparedTurn) -> bool:
        context = await self.memory.get_context(turn.request.conversation_id, 1)
        return context.owner.kind not in PEOPLE

    async def _finish_for_people(
        self, turn: PreparedTurn, started: float, interrupted: str = ""
    ) -> cpb.SendMessageResponse:
        """Stores the customer's message for the people who own the conversation,
        and no AI reply (but the part of a streamed reply the customer already saw
        when a person took over, marked as interrupted)."""
        request = turn.request
        messages = [mpb.NewMessage(role="user", text=request.text, metadata=dict(request.metadata))]
        if interrupted:
            messages.append(mpb.NewMessage(
                role="assistant", text=interrupted, agent=turn.decision.agent, metadata={"interrupted": "a person took over"},
            ))
        stored = await self.memory.append(mpb.AppendMessagesRequest(
            conversation_id=request.conversation_id,
            user_id=request.user_id,
            channel=request.channel,
            client_message_id=request.client_message_id,
            messages=messages,
            interaction=self._interaction(turn, interrupted, turn.decision.agent if interrupted else "", started),
        ))
        response = cpb.SendMessageResponse(conversation_id=request.conversation_id, replayed=stored.replayed)
        # Present and empty, so REST clients read reply.text == "" rather than miss the field.
        response.reply.SetInParent()
        response.owner.CopyFrom(stored.owner)
        if not stored.replayed:
            METRICS.inc("turns_for_people")
        log.info("turn for people", extra={
            "conversation_id": request.conversation_id,
            "owner": types_pb2.OwnerKind.Name(stored.owner.kind),
            "interrupted": bool(interrupted),
            "duration_ms": round((time.perf_counter() - started) * 1000, 2),
        })
        return response

    async def _agent_request(self, turn: PreparedTurn) -> apb.GenerateReplyRequest:
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
            intent=_intent(turn.decision),
            lead=turn.context.lead if turn.context.HasField("lead") else None,
            language=turn.language,
            text_embedding=await self._text_embedding(turn.request.text),
        )

    async def _text_embedding(self, text: str) -> kpb.QueryEmbedding | None:
        if self.encoder is None:
            return None
        vector = (await self.encoder.aencode([text]))[0]
        return kpb.QueryEmbedding(model=ENCODER_MODEL, values=vector.tolist())

    def _router_reply(self, turn: PreparedTurn) -> CheckedReply:
        if turn.blocked_by:
            text = self.texts.pick(self.texts.refusal, turn.language)
            actions = [
                types_pb2.GuardrailAction(check=check, action="blocked", detail="the message was not sent to an agent")
                for check in turn.blocked_by
            ]
        else:
            table = self.texts.out_of_scope if turn.decision.intent == "out_of_scope" else self.texts.clarify
            text = self.texts.pick(table, turn.language)
            actions = []
        reply = apb.GenerateReplyResponse(text=text, agent=ROUTER_AGENT, provider="none")
        return CheckedReply(reply, text, actions)

    def _gate(self, turn: PreparedTurn) -> OutputGate:
        context = GuardContext(stage="output", language=turn.language, agent=turn.decision.agent)
        return OutputGate(self.guardrails.output, context, self.texts.pick(self.texts.fallback, turn.language))

    async def _check_whole(self, turn: PreparedTurn, reply: apb.GenerateReplyResponse) -> CheckedReply:
        gate = self._gate(turn)
        await asyncio.to_thread(gate.run, reply.text, _evidence(reply))
        return self._checked(turn, reply, gate)

    def _checked(self, turn: PreparedTurn, reply: apb.GenerateReplyResponse, gate: OutputGate) -> CheckedReply:
        # The router checks the agent's text once more before it is stored and sent:
        # whatever a provider produced, no unchecked text leaves.
        guardrails = list(reply.guardrails)
        acted: dict[tuple[str, str], set[str]] = {}
        for finding in gate.findings:
            if finding.action != "flagged":
                acted.setdefault((finding.check, finding.action), set()).add(finding.kind)
        for (check, action), kinds in sorted(acted.items()):
            guardrails.append(types_pb2.GuardrailAction(check=check, action=action, detail=", ".join(sorted(kinds))))
        if gate.fell_back:
            guardrails.append(types_pb2.GuardrailAction(check="output_gate", action="fallback",
                                                        detail="a check blocked the reply; the configured fallback was sent"))
        if gate.findings:
            record_trips("output", gate.findings, conversation_id=turn.request.conversation_id, agent=reply.agent)
        return CheckedReply(reply, gate.text, guardrails, gate.fell_back)

    async def _finish(
        self, turn: PreparedTurn, checked: CheckedReply, started: float, streamed: str = ""
    ) -> cpb.SendMessageResponse:
        """Stores the turn and answers. `streamed`: the text a stream already sent,
        kept on record (as interrupted) if a person took the conversation meanwhile."""
        request = turn.request
        intent = _intent(turn.decision)
        owner = turn.decision.agent if not turn.answered_by_router else turn.context.agent
        metadata = dict(request.metadata)
        if turn.decision.handoff_from:
            # The hand-off is part of the record of the turn that caused it.
            metadata.update({"handoff_from": turn.decision.handoff_from, "handoff_to": turn.decision.agent})
        messages = [mpb.NewMessage(role="user", text=request.text, intent=intent, metadata=metadata)]
        messages.append(mpb.NewMessage(
            role="assistant",
            text=checked.text,
            agent=checked.reply.agent,
            citations=checked.reply.citations,
            metadata={
                GUARDRAILS_KEY: json.dumps(
                    [{"check": g.check, "action": g.action, "detail": g.detail} for g in checked.guardrails]
                ),
                "provider": checked.reply.provider,
                "language": turn.language,
            },
        ))
        append = mpb.AppendMessagesRequest(
            conversation_id=request.conversation_id,
            user_id=request.user_id,
            channel=request.channel,
            client_message_id=request.client_message_id,
            agent=owner,
            messages=messages,
            # memory_svc stores the reply only if an agent still owns the conversation.
            required_owner_kinds=[types_pb2.OWNER_KIND_AGENT],
            # The audit record, in the same transaction: no extra call per turn.
            interaction=self._interaction(turn, checked.text, checked.reply.agent, started, checked.reply.usage),
        )
        passed = not (turn.answered_by_router or checked.fell_back)
        packet = _handoff_packet(checked.reply, turn) if passed else None
        if packet is not None:
            append.new_owner.CopyFrom(types_pb2.ConversationOwner(kind=types_pb2.OWNER_KIND_HUMAN_QUEUE, id=packet.queue))
            append.handoff.CopyFrom(packet)
        try:
            stored = await self.memory.append(append)
        except FailedPrecondition:
            # A person took the conversation while the agent was answering: the
            # reply is dropped, never sent (what a stream already showed stays on record).
            METRICS.inc("replies_dropped_for_people")
            return await self._finish_for_people(turn, started, streamed)
        response = self._response_from_stored(request.conversation_id, list(stored.messages), stored.replayed)
        response.owner.CopyFrom(stored.owner)
        if packet is not None and not stored.replayed:
            METRICS.inc("handoffs_to_people", agent=checked.reply.agent)
            log.info("handed off to people", extra={"conversation_id": request.conversation_id, "queue": packet.queue,
                                                   "reason": packet.reason})
        if not stored.replayed:
            if turn.answered_by_router or checked.fell_back:
                if checked.reply.HasField("lead_update") or checked.reply.actions:
                    log.info("turn did not pass its guardrails: lead and actions withheld",
                             extra={"conversation_id": request.conversation_id})
            else:
                lead = await self._update_lead(turn, checked.reply)
                if lead is not None:
                    response.lead.CopyFrom(lead)
                self._release_actions(turn, checked.reply, response, lead)
        log.info(
            "turn",
            extra={
                "conversation_id": request.conversation_id,
                "agent": response.reply.agent,
                "intent": intent.name,
                "strategy": intent.strategy,
                "confidence": round(intent.confidence, 3),
                "routed_to": turn.decision.agent,
                "action": turn.decision.action,
                "handoff_from": turn.decision.handoff_from,
                "guardrails": [g.check for g in checked.guardrails],
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
            },
        )
        return response

    # ------------------------------------------------------ lead and actions

    async def _update_lead(self, turn: PreparedTurn, reply: apb.GenerateReplyResponse) -> types_pb2.Lead | None:
        if not reply.HasField("lead_update") or self.leads is None:
            return None
        update = reply.lead_update
        lead = types_pb2.Lead(
            user_id=turn.request.user_id,
            name=update.name,
            email=update.email,
            phone=update.phone,
            company=update.company,
            score=update.score,
            source=turn.request.channel,
            conversation_id=turn.request.conversation_id,
        )
        if update.HasField("qualification"):
            lead.qualification.CopyFrom(update.qualification)
        try:
            stored = await self.leads.upsert_lead(lead)
        except Exception:
            # The turn is stored and answered; a lead that could not be saved is logged, not fatal.
            log.warning("lead not upserted", extra={"conversation_id": turn.request.conversation_id}, exc_info=True)
            return None
        METRICS.inc("leads_upserted")
        return stored

    def _release_actions(
        self, turn: PreparedTurn, reply: apb.GenerateReplyResponse, response: cpb.SendMessageResponse, lead: types_pb2.Lead | None
    ) -> None:
        if not reply.actions or self.integrations is None:
            return
        known_lead = lead or (turn.context.lead if turn.context.HasField("lead") else None)
        message_id = response.reply.message_id
        for index, action in enumerate(reply.actions):
            key = idempotency_key(turn.request.conversation_id, message_id, index)
            task = asyncio.create_task(self._release(turn, action, key, known_lead))
            self._background.add(task)
            task.add_done_callback(self._background.discard)

    async def _release(self, turn: PreparedTurn, action: apb.AgentAction, key: str, lead: types_pb2.Lead | None) -> None:
        assert self.integrations is not None
        facts = {"conversation_id": turn.request.conversation_id, "kind": action.kind, "idempotency_key": key}
        try:
            sent = await self._dispatch(turn, action, key, lead)
        except Exception as error:
            # An integrations failure never fails the turn: it is logged and counted.
            METRICS.inc("actions_failed", kind=action.kind)
            log.warning("action not released", extra={**facts, "error": str(error)[:300]})
            return
        if sent:
            METRICS.inc("actions_released", kind=action.kind)
            log.info("action released", extra=facts)
        else:
            METRICS.inc("actions_skipped", kind=action.kind)

    async def _dispatch(self, turn: PreparedTurn, action: apb.AgentAction, key: str, lead: types_pb2.Lead | None) -> bool:
        assert self.integrations is not None
        params = dict(action.parameters)
        facts = {"conversation_id": turn.request.conversation_id, "kind": action.kind}
        lead = lead or types_pb2.Lead()
        if action.kind == "sync_lead":
            if not (lead.email or lead.phone):
                log.info("sync_lead skipped: the lead has no e-mail or phone yet", extra=facts)
                return False
            await self.integrations.sync_lead(ipb.SyncLeadRequest(lead=lead, idempotency_key=key))
            return True
        if action.kind == "send_email":
            to = params.pop("to", "") or lead.email
            template = params.pop("template", "")
            if not to or not template:
                log.info("send_email skipped: no recipient or template", extra=facts)
                return False
            variables = self._email_variables(turn, lead, params)
            await self.integrations.send_email(ipb.SendEmailRequest(
                to=to, template=template, language=params.pop("language", "") or turn.language, variables=variables,
                idempotency_key=key,
            ))
            return True
        if action.kind == "book_meeting":
            attendee = params.get("attendee_email", "") or lead.email
            start = _timestamp(params.get("start_time", ""))
            if not attendee or start is None:
                log.info("book_meeting skipped: no attendee e-mail or no valid start_time", extra=facts)
                return False
            duration = int(params["duration_minutes"]) if params.get("duration_minutes", "").isdigit() else 0
            await self.integrations.book_meeting(ipb.BookMeetingRequest(
                attendee_email=attendee, attendee_name=params.get("attendee_name", "") or lead.name, start_time=start,
                duration_minutes=duration, title=params.get("title", "") or f"{self.business_name}: {turn.decision.agent}",
                idempotency_key=key,
            ))
            return True
        if action.kind == "escalate":
            if not self.escalation_email:
                log.warning("escalation requested; no escalation e-mail configured", extra=facts)
                return False
            variables = self._email_variables(turn, lead, {"reason": params.get("reason", "") or "escalation requested"})
            await self.integrations.send_email(ipb.SendEmailRequest(
                to=self.escalation_email, template="escalation_notice", language=turn.language, variables=variables,
                idempotency_key=key,
            ))
            return True
        log.warning("unknown action kind; ignored", extra=facts)
        return False

    def _email_variables(self, turn: PreparedTurn, lead: types_pb2.Lead, params: dict[str, str]) -> dict[str, str]:
        name = lead.name or turn.request.user_id
        summary = turn.context.summary or turn.request.text
        base = {
            "business_name": self.business_name,
            "lead_name": name,
            "customer_name": name,
            "conversation_id": turn.request.conversation_id,
            "summary": summary[:_EMAIL_VARIABLE_CHARS],
            "reason": "",
        }
        base.update({k: v for k, v in params.items() if k.isidentifier()})
        return base

    async def drain(self, within: float = 5.0) -> None:
        """Waits for released actions still in flight (shutdown, tests)."""
        if self._background:
            await asyncio.wait(set(self._background), timeout=within)

    # ------------------------------------------------------------- storage

    def _interaction(
        self, turn: PreparedTurn, reply_text: str, agent: str, started: float, usage: apb.LlmUsage | None = None
    ) -> mpb.Interaction:
        """The seed's Interaction record of a turn, stored with its messages."""
        intent = _intent(turn.decision)
        llm = {} if usage is None or not usage.calls else {
            "llm_calls": str(usage.calls),
            "llm_ms": f"{usage.llm_ms:.1f}",
            "input_tokens": str(usage.input_tokens + usage.cache_read_tokens + usage.cache_write_tokens),
            "output_tokens": str(usage.output_tokens),
            "cost_usd": f"{usage.cost_usd:.6f}",
        }
        return mpb.Interaction(
            user_input=turn.request.text,
            agent_response=reply_text,
            agent=agent,
            metadata={
                "intent": intent.name,
                "confidence": f"{intent.confidence:.2f}",
                "strategy": intent.strategy,
                "routed_to": turn.decision.agent,
                "action": turn.decision.action,
                "handoff_from": turn.decision.handoff_from,
                "channel": turn.request.channel,
                "language": turn.language,
                "blocked_by": ",".join(turn.blocked_by),
                "owner": types_pb2.OwnerKind.Name(turn.context.owner.kind),
                # Until the turn was stored (the lead update and released actions follow).
                "latency_ms": f"{(time.perf_counter() - started) * 1000:.1f}",
                **llm,
            },
        )

    def _response_from_stored(
        self, conversation_id: str, messages: list[types_pb2.Message], replayed: bool
    ) -> cpb.SendMessageResponse:
        user = next((m for m in messages if m.role == "user"), types_pb2.Message())
        assistant = next((m for m in reversed(messages) if m.role == "assistant"), types_pb2.Message())
        guardrails = [
            types_pb2.GuardrailAction(**item)
            for item in json.loads(assistant.metadata.get(GUARDRAILS_KEY, "[]") or "[]")
        ]
        return cpb.SendMessageResponse(
            conversation_id=conversation_id,
            reply=cpb.Reply(
                text=assistant.text,
                agent=assistant.agent,
                citations=assistant.citations,
                guardrails=guardrails,
                message_id=assistant.message_id,
                create_time=assistant.create_time,
            ),
            intent=user.intent,
            replayed=replayed,
        )


def idempotency_key(conversation_id: str, message_id: str, index: int) -> str:
    """Stable per action of a stored turn: the same turn never queues an action twice."""
    key = f"{conversation_id}:{message_id}:{index}"
    if len(key) <= 200:
        return key
    return "h:" + hashlib.sha256(key.encode()).hexdigest()


def _evidence(reply: apb.GenerateReplyResponse) -> tuple[str, ...]:
    return tuple(f"{c.title}: {c.snippet}" if c.title else c.snippet for c in reply.citations if c.snippet or c.title)


def _user_history(context: mpb.GetContextResponse) -> tuple[str, ...]:
    return tuple(m.text for m in context.messages if m.role == "user")[-3:]


def _handoff_packet(reply: apb.GenerateReplyResponse, turn: PreparedTurn) -> types_pb2.HandoffPacket | None:
    """The packet of the agent's "escalate" action, if it asked for people."""
    action = next((a for a in reply.actions if a.kind == "escalate"), None)
    if action is None:
        return None
    params = dict(action.parameters)
    packet = types_pb2.HandoffPacket(
        reason=params.get("reason", "") or "escalation requested",
        summary=params.get("summary", ""),
        sentiment=params.get("sentiment", ""),
        qualification=types_pb2.BantQualification(
            budget=params.get("budget", ""), authority=params.get("authority", ""),
            need=params.get("need", ""), timeline=params.get("timeline", ""),
        ),
        from_agent=params.get("agent", "") or reply.agent,
        language=params.get("language", "") or turn.language,
        customer_name=params.get("customer_name", ""),
        queue=params.get("queue", "") or DEFAULT_QUEUE,
    )
    for item in _json_list(params.get("citations", "")):
        packet.citations.add(title=str(item.get("title", "")), source=str(item.get("source", "")),
                             document_id=str(item.get("document_id", "")))
    for item in _json_list(params.get("transcript", "")):
        packet.transcript.add(role=str(item.get("role", "")), agent=str(item.get("agent", "")), text=str(item.get("text", "")))
    return packet


def _json_list(raw: str) -> list[dict[str, object]]:
    try:
        value = json.loads(raw) if raw else []
    except ValueError:
        return []
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _timestamp(value: str) -> timestamp_pb2.Timestamp | None:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(moment)
    return stamp


def _intent(decision: Decision) -> types_pb2.Intent:
    return types_pb2.Intent(
        name=decision.intent, confidence=decision.confidence, agent=decision.agent, strategy=decision.strategy
    )
