"""The output side of a turn: the replies the router writes itself (a refusal, a
clarifying question), and what the router does with an agent's reply. agent_svc
owns the output gate (atende_guardrails/README.md): its reply, streamed or whole,
is already checked sentence by sentence, and lists each check that acted on it.
The router stores those trips with the message, counts them, and releases no lead
update or action from a reply the gate replaced by its fallback."""

from __future__ import annotations

import logging

from atende.agent.v1 import agent_service_pb2 as apb
from atende.common.v1 import types_pb2

from atende_guardrails.config import Texts
from router_svc.domain import ROUTER_AGENT, CheckedReply, PreparedTurn
from router_svc.metrics import METRICS
from router_svc.routing import OUT_OF_SCOPE, Decision

log = logging.getLogger("atende.router.guardrails")

# The trip agent_svc reports when a check blocked the reply and its fallback was sent.
GATE_FALLBACK = ("output_gate", "fallback")


def asked_back(texts: Texts, decision: Decision, language: str) -> str:
    """The router's reply to a message it does not send to an agent: the out-of-scope
    answer, or a clarifying question."""
    table = texts.out_of_scope if decision.intent == OUT_OF_SCOPE else texts.clarify
    return texts.pick(table, language)


class ReplyChecks:
    def __init__(self, texts: Texts) -> None:
        self.texts = texts

    def router_reply(self, turn: PreparedTurn) -> CheckedReply:
        """The router's own answer when no agent may answer: the input was refused,
        the customer's need is unclear or out of scope, or the conversation waits for
        a person and the message asks nothing an agent answers."""
        if turn.blocked_by:
            text = self.texts.pick(self.texts.refusal, turn.language)
            actions = [
                types_pb2.GuardrailAction(check=check, action="blocked", detail="the message was not sent to an agent")
                for check in turn.blocked_by
            ]
        elif turn.decision.waiting:
            text = self.texts.pick(self.texts.queued, turn.language)
            actions = []
        else:
            text = asked_back(self.texts, turn.decision, turn.language)
            actions = []
        reply = apb.GenerateReplyResponse(text=text, agent=ROUTER_AGENT, provider="none")
        return CheckedReply(reply, text, actions)

    def from_agent(self, turn: PreparedTurn, reply: apb.GenerateReplyResponse) -> CheckedReply:
        """An agent's reply, checked by agent_svc's output gate; its trips are counted here."""
        guardrails = list(reply.guardrails)
        for trip in guardrails:
            total = METRICS.inc("guardrail_trips", check=trip.check, action=trip.action, stage="output")
            log.warning("guardrail tripped", extra={
                "check": trip.check, "action": trip.action, "stage": "output", "kinds": trip.detail, "count": total,
                "conversation_id": turn.request.conversation_id, "agent": reply.agent,
            })
        fell_back = any((trip.check, trip.action) == GATE_FALLBACK for trip in guardrails)
        return CheckedReply(reply, reply.text, guardrails, fell_back)
