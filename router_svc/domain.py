"""The turn's own types: what the router knows about a turn as it runs, and what
it hands back to the servicer. No grpc here."""

from __future__ import annotations

from dataclasses import dataclass

from atende.agent.v1 import agent_service_pb2 as apb
from atende.common.v1 import types_pb2
from atende.conversation.v1 import conversation_service_pb2 as cpb
from atende.memory.v1 import memory_service_pb2 as mpb

from router_svc.actions import TurnFacts
from router_svc.routing import Decision
from router_svc.validation import TurnRequest

# The name a reply the router wrote itself (a refusal, a clarifying question) goes by.
ROUTER_AGENT = "router"


def silences_ai(owner: types_pb2.OwnerKind, answer_while_queued: bool) -> bool:
    """Whether the AI stays silent under this owner. A person who took the conversation
    always silences it. The queue does too, unless the deployment lets the AI keep
    answering until somebody claims the conversation: with nobody staffing the queue
    (nights, a small team), a customer who writes again is otherwise left with silence."""
    if owner == types_pb2.OWNER_KIND_HUMAN:
        return True
    return owner == types_pb2.OWNER_KIND_HUMAN_QUEUE and not answer_while_queued


@dataclass
class PreparedTurn:
    """A validated turn with its context, input checks and routing decision."""

    request: TurnRequest
    decision: Decision
    language: str
    context: mpb.GetContextResponse
    blocked_by: list[str]
    # The AI answers while the conversation waits, unclaimed, in the people's queue.
    answer_while_queued: bool = False

    @property
    def held_by_people(self) -> bool:
        """People own the conversation in a way that silences the AI: the customer's
        message is stored for them and no AI reply is made."""
        return silences_ai(self.context.owner.kind, self.answer_while_queued)

    @property
    def queued(self) -> bool:
        """The conversation waits in the people's queue (and the AI answers meanwhile)."""
        return self.context.owner.kind == types_pb2.OWNER_KIND_HUMAN_QUEUE

    @property
    def answered_by_router(self) -> bool:
        return bool(self.blocked_by) or self.decision.clarify or self.decision.waiting

    def facts(self, agent: str) -> TurnFacts:
        return TurnFacts(
            conversation_id=self.request.conversation_id,
            user_id=self.request.user_id,
            channel=self.request.channel,
            language=self.language,
            text=self.request.text,
            summary=self.context.summary,
            agent=agent,
            lead=self.context.lead if self.context.HasField("lead") else None,
            queued=self.queued,
        )


@dataclass
class CheckedReply:
    """An agent's reply as agent_svc's output gate released it (or one the router wrote
    itself), with the guardrail trips stored on the message."""

    reply: apb.GenerateReplyResponse
    text: str
    guardrails: list[types_pb2.GuardrailAction]
    fell_back: bool = False

    @property
    def releases_effects(self) -> bool:
        """Only a reply an agent wrote and the gate passed may release a lead update
        or actions: a refused or replaced turn releases nothing."""
        return self.reply.agent != ROUTER_AGENT and not self.fell_back


@dataclass
class TurnOutcome:
    """A finished turn: the response for the customer and the turn's LLM accounting."""

    response: cpb.SendMessageResponse
    usage: apb.LlmUsage | None = None
