"""One customer turn (seed §5.1): validate, guard, load context, classify, pick the
agent, get the reply, store the turn, answer. Replays a stored turn when the
client_message_id was seen before."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

from atende.agent.v1 import agent_service_pb2 as apb
from atende.common.v1 import types_pb2
from atende.conversation.v1 import conversation_service_pb2 as cpb
from atende.memory.v1 import memory_service_pb2 as mpb

from atende_runtime.errors import InvalidArgument, Validator
from router_svc.guardrails import GuardrailChain
from router_svc.language import detect_language
from router_svc.ports import AgentPort, MemoryPort
from router_svc.routing import Decision, IntentClassifier
from router_svc.validation import TurnRequest, validate_conversation_id, validate_turn

log = logging.getLogger("atende.router")

REFUSALS = {
    "pt": "Desculpe, não posso atender a esse pedido. Posso ajudar com nossos produtos, preços ou suporte.",
    "en": "Sorry, I can't help with that request. I can help with our products, prices or support.",
}
GUARDRAILS_KEY = "guardrails"


@dataclass
class PreparedTurn:
    request: TurnRequest
    decision: Decision
    language: str
    context: mpb.GetContextResponse
    blocked_by: list[str]


class Orchestrator:
    def __init__(
        self,
        memory: MemoryPort,
        agents: AgentPort,
        classifier: IntentClassifier,
        input_guard: GuardrailChain,
        output_guard: GuardrailChain,
        max_text_chars: int,
        context_messages: int,
    ) -> None:
        self.memory = memory
        self.agents = agents
        self.classifier = classifier
        self.input_guard = input_guard
        self.output_guard = output_guard
        self.max_text_chars = max_text_chars
        self.context_messages = context_messages

    async def send(self, raw: TurnRequest) -> cpb.SendMessageResponse:
        started = time.perf_counter()
        replay = await self._replay(raw)
        if replay is not None:
            return replay
        turn = await self._prepare(raw)
        if turn.blocked_by:
            reply = self._refusal(turn)
        else:
            reply = await self.agents.generate(self._agent_request(turn))
        return await self._store(turn, reply, started)

    async def stream(self, raw: TurnRequest) -> AsyncIterator[cpb.StreamMessageResponse]:
        """Validation and replay happen before the first message, so a bad request
        is an error status, not a 200 stream that fails half-way."""
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
        if turn.blocked_by:
            reply = self._refusal(turn)
            yield cpb.StreamMessageResponse(delta=reply.text)
        else:
            reply = apb.GenerateReplyResponse()
            async for piece in self.agents.stream(self._agent_request(turn)):
                if piece.HasField("final"):
                    reply = piece.final
                elif piece.delta:
                    yield cpb.StreamMessageResponse(delta=piece.delta)
        yield cpb.StreamMessageResponse(final=await self._store(turn, reply, started))

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
        current = ""
        if conversation_id:
            current = (await self.memory.get_context(conversation_id, 1)).agent
        return self.classifier.classify(text, current)

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
        guard = self.input_guard.run(request.text)
        context = await self.memory.get_context(request.conversation_id, self.context_messages)
        decision = self.classifier.classify(request.text, context.agent)
        language = detect_language(request.text)
        blocked_by = sorted({f.check for f in guard.findings if f.blocks})
        if blocked_by:
            log.warning(
                "input blocked",
                extra={"conversation_id": request.conversation_id, "checks": blocked_by,
                       "kinds": sorted({f.kind for f in guard.findings})},
            )
        return PreparedTurn(request, decision, language, context, blocked_by)

    def _agent_request(self, turn: PreparedTurn) -> apb.GenerateReplyRequest:
        return apb.GenerateReplyRequest(
            agent=turn.decision.agent,
            conversation_id=turn.request.conversation_id,
            user_id=turn.request.user_id,
            text=turn.request.text,
            channel=turn.request.channel,
            history=turn.context.messages,
            summary=turn.context.summary,
            intent=_intent(turn.decision),
            lead=turn.context.lead if turn.context.HasField("lead") else None,
            language=turn.language,
        )

    def _refusal(self, turn: PreparedTurn) -> apb.GenerateReplyResponse:
        return apb.GenerateReplyResponse(
            text=REFUSALS[turn.language],
            agent="router",
            guardrails=[
                types_pb2.GuardrailAction(check=check, action="blocked", detail="the message was not sent to an agent")
                for check in turn.blocked_by
            ],
            provider="none",
        )

    async def _store(self, turn: PreparedTurn, reply: apb.GenerateReplyResponse, started: float) -> cpb.SendMessageResponse:
        # The router checks the agent's text once more before it is stored and sent:
        # whatever a provider produced, personal data does not leave unredacted.
        checked = self.output_guard.run(reply.text)
        guardrails = list(reply.guardrails)
        text = reply.text
        if checked.redacted_text != reply.text:
            text = checked.redacted_text
            guardrails.append(types_pb2.GuardrailAction(
                check="pii_redaction", action="redacted",
                detail=", ".join(sorted({f.kind for f in checked.findings if f.redact})),
            ))
        request = turn.request
        intent = _intent(turn.decision)
        stored = await self.memory.append(
            mpb.AppendMessagesRequest(
                conversation_id=request.conversation_id,
                user_id=request.user_id,
                channel=request.channel,
                client_message_id=request.client_message_id,
                agent=turn.decision.agent if not turn.blocked_by else turn.context.agent or turn.decision.agent,
                messages=[
                    mpb.NewMessage(role="user", text=request.text, intent=intent, metadata=request.metadata),
                    mpb.NewMessage(
                        role="assistant",
                        text=text,
                        agent=reply.agent,
                        citations=reply.citations,
                        metadata={
                            GUARDRAILS_KEY: json.dumps(
                                [{"check": g.check, "action": g.action, "detail": g.detail} for g in guardrails]
                            ),
                            "provider": reply.provider,
                            "language": turn.language,
                        },
                    ),
                ],
            )
        )
        response = self._response_from_stored(request.conversation_id, list(stored.messages), stored.replayed)
        if not stored.replayed:
            await self._record_interaction(turn, response, started)
        log.info(
            "turn",
            extra={
                "conversation_id": request.conversation_id,
                "agent": response.reply.agent,
                "intent": intent.name,
                "strategy": intent.strategy,
                "confidence": intent.confidence,
                "guardrails": [g.check for g in guardrails],
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
            },
        )
        return response

    async def _record_interaction(self, turn: PreparedTurn, response: cpb.SendMessageResponse, started: float) -> None:
        # The audit record must not cost the customer the reply: a failure is logged.
        try:
            await self.memory.record_interaction(
                mpb.Interaction(
                    conversation_id=turn.request.conversation_id,
                    user_id=turn.request.user_id,
                    user_input=turn.request.text,
                    agent_response=response.reply.text,
                    agent=response.reply.agent,
                    metadata={
                        "intent": response.intent.name,
                        "confidence": f"{response.intent.confidence:.2f}",
                        "strategy": response.intent.strategy,
                        "channel": turn.request.channel,
                        "language": turn.language,
                        "latency_ms": f"{(time.perf_counter() - started) * 1000:.1f}",
                    },
                )
            )
        except Exception:
            log.warning("interaction not recorded", exc_info=True)

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


def _intent(decision: Decision) -> types_pb2.Intent:
    return types_pb2.Intent(
        name=decision.intent, confidence=decision.confidence, agent=decision.agent, strategy=decision.strategy
    )
