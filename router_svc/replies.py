"""The output side of a turn: the replies the router writes itself (a refusal, a
clarifying question) and the gate every agent reply passes before it is stored
or shown. One place owns the output gate, so a reply is checked once, by one set
of rules."""

from __future__ import annotations

import asyncio

from atende.agent.v1 import agent_service_pb2 as apb
from atende.common.v1 import types_pb2

from router_svc.domain import ROUTER_AGENT, CheckedReply, PreparedTurn
from router_svc.guardrails import GuardContext, Guardrails, OutputGate, Texts, record_trips


class ReplyChecks:
    def __init__(self, guardrails: Guardrails) -> None:
        self.guardrails = guardrails
        self.texts: Texts = guardrails.texts

    def router_reply(self, turn: PreparedTurn) -> CheckedReply:
        """The router's own answer when no agent may answer: the input was refused,
        or the customer's need is unclear or out of scope."""
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

    def gate(self, turn: PreparedTurn) -> OutputGate:
        context = GuardContext(stage="output", language=turn.language, agent=turn.decision.agent)
        return OutputGate(self.guardrails.output, context, self.texts.pick(self.texts.fallback, turn.language))

    async def check_whole(self, turn: PreparedTurn, reply: apb.GenerateReplyResponse) -> CheckedReply:
        gate = self.gate(turn)
        await asyncio.to_thread(gate.run, reply.text, evidence(reply))
        return self.checked(turn, reply, gate)

    def checked(self, turn: PreparedTurn, reply: apb.GenerateReplyResponse, gate: OutputGate) -> CheckedReply:
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
            guardrails.append(types_pb2.GuardrailAction(
                check="output_gate", action="fallback", detail="a check blocked the reply; the configured fallback was sent",
            ))
        if gate.findings:
            record_trips("output", gate.findings, conversation_id=turn.request.conversation_id, agent=reply.agent)
        return CheckedReply(reply, gate.text, guardrails, gate.fell_back)


def evidence(reply: apb.GenerateReplyResponse) -> tuple[str, ...]:
    """The passages a reply may be grounded on, as the grounding check reads them."""
    return tuple(f"{c.title}: {c.snippet}" if c.title else c.snippet for c in reply.citations if c.snippet or c.title)
