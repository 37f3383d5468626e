"""What a turn leaves on record: the messages, the Interaction record and the
side effects, assembled into the one AppendMessages call that stores them in a
single transaction; and the customer's response read back from what was stored
(so a replay answers exactly as the first time)."""

from __future__ import annotations

import time

from atende.agent.v1 import agent_service_pb2 as apb
from atende.common.v1 import types_pb2
from atende.conversation.v1 import conversation_service_pb2 as cpb
from atende.memory.v1 import memory_service_pb2 as mpb

from router_svc.actions import ActionPlan
from router_svc.domain import CheckedReply, PreparedTurn
from router_svc.routing import Decision

INTERRUPTED_KEY = "interrupted"


def intent_pb(decision: Decision) -> types_pb2.Intent:
    return types_pb2.Intent(
        name=decision.intent, confidence=decision.confidence, agent=decision.agent, strategy=decision.strategy
    )


def interaction(
    turn: PreparedTurn, reply_text: str, agent: str, started: float, usage: apb.LlmUsage | None = None
) -> mpb.Interaction:
    """The seed's Interaction record of a turn, stored with its messages."""
    intent = intent_pb(turn.decision)
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
            # Until the turn was handed to memory_svc.
            "latency_ms": f"{(time.perf_counter() - started) * 1000:.1f}",
            **llm,
        },
    )


def answered_turn(turn: PreparedTurn, checked: CheckedReply, plan: ActionPlan, started: float) -> mpb.AppendMessagesRequest:
    """The customer's message, the reply, the Interaction record, the lead update,
    the actions and any change of owner: one request, one transaction."""
    request = turn.request
    metadata = dict(request.metadata)
    if turn.decision.handoff_from:
        # The hand-off is part of the record of the turn that caused it.
        metadata.update({"handoff_from": turn.decision.handoff_from, "handoff_to": turn.decision.agent})
    append = mpb.AppendMessagesRequest(
        conversation_id=request.conversation_id,
        user_id=request.user_id,
        channel=request.channel,
        client_message_id=request.client_message_id,
        agent=turn.context.agent if turn.answered_by_router else turn.decision.agent,
        messages=[
            mpb.NewMessage(role="user", text=request.text, intent=intent_pb(turn.decision), metadata=metadata),
            mpb.NewMessage(
                role="assistant",
                text=checked.text,
                agent=checked.reply.agent,
                citations=checked.reply.citations,
                guardrails=checked.guardrails,
                metadata={"provider": checked.reply.provider, "language": turn.language},
            ),
        ],
        # memory_svc stores the reply only if an agent still owns the conversation (or,
        # for a turn answered while it waits in the queue, nobody has claimed it yet).
        required_owner_kinds=[types_pb2.OWNER_KIND_AGENT, types_pb2.OWNER_KIND_HUMAN_QUEUE] if turn.queued
        else [types_pb2.OWNER_KIND_AGENT],
        interaction=interaction(turn, checked.text, checked.reply.agent, started, checked.reply.usage),
        actions=plan.outbox,
    )
    if plan.lead is not None:
        append.lead.CopyFrom(plan.lead)
    if plan.handoff is not None:
        append.new_owner.CopyFrom(types_pb2.ConversationOwner(kind=types_pb2.OWNER_KIND_HUMAN_QUEUE, id=plan.handoff.queue))
        append.handoff.CopyFrom(plan.handoff)
    return append


def turn_for_people(turn: PreparedTurn, started: float, interrupted: str = "") -> mpb.AppendMessagesRequest:
    """The customer's message for the people who own the conversation, and no AI
    reply (but the part of a streamed reply the customer already saw when a person
    took over, marked as interrupted)."""
    request = turn.request
    messages = [mpb.NewMessage(role="user", text=request.text, metadata=dict(request.metadata))]
    if interrupted:
        messages.append(mpb.NewMessage(
            role="assistant", text=interrupted, agent=turn.decision.agent,
            metadata={INTERRUPTED_KEY: "a person took over"},
        ))
    return mpb.AppendMessagesRequest(
        conversation_id=request.conversation_id,
        user_id=request.user_id,
        channel=request.channel,
        client_message_id=request.client_message_id,
        messages=messages,
        interaction=interaction(turn, interrupted, turn.decision.agent if interrupted else "", started),
    )


def response_from_stored(conversation_id: str, messages: list[types_pb2.Message], replayed: bool) -> cpb.SendMessageResponse:
    user = next((m for m in messages if m.role == "user"), types_pb2.Message())
    assistant = next((m for m in reversed(messages) if m.role == "assistant"), types_pb2.Message())
    return cpb.SendMessageResponse(
        conversation_id=conversation_id,
        reply=cpb.Reply(
            text=assistant.text,
            agent=assistant.agent,
            citations=assistant.citations,
            guardrails=assistant.guardrails,
            message_id=assistant.message_id,
            create_time=assistant.create_time,
        ),
        intent=user.intent,
        replayed=replayed,
    )
