"""What a turn releases besides its reply. The agent asks for typed actions; the
router completes them from what it knows (the lead's address, the business's
name, where escalations go), drops those it cannot complete, and turns an
escalation into a change of owner with its packet. The result is stored with the
turn, in one PostgreSQL transaction, and delivered by memory_svc's relay: nothing
here calls integrations_svc. Pure functions over protobuf: no I/O, no grpc."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from atende.agent.v1 import agent_service_pb2 as apb
from atende.common.v1 import types_pb2

log = logging.getLogger("atende.router.actions")

DEFAULT_QUEUE = "default"
ESCALATION_TEMPLATE = "escalation_notice"
_EMAIL_VARIABLE_CHARS = 4000


@dataclass(frozen=True)
class TurnFacts:
    """What the planner needs to know about the turn."""

    conversation_id: str
    user_id: str
    channel: str
    language: str
    text: str
    summary: str
    agent: str
    # The customer's lead before this turn, if any.
    lead: types_pb2.Lead | None = None
    # The conversation already waits in the people's queue (the AI answers meanwhile):
    # a second escalation changes nothing and sends no second notice.
    queued: bool = False


@dataclass
class ActionPlan:
    """A checked turn's side effects, ready to store with its messages."""

    # The lead fields this turn learned (merged into the stored lead), or None.
    lead: types_pb2.Lead | None = None
    # For memory_svc's outbox: never an escalate action.
    outbox: list[types_pb2.AgentAction] = field(default_factory=list)
    # Set when the agent escalated: the conversation goes to the people's queue.
    handoff: types_pb2.HandoffPacket | None = None
    # Why some requested actions were dropped, for the logs.
    dropped: list[str] = field(default_factory=list)


class ActionPlanner:
    def __init__(self, escalation_email: str = "", business_name: str = "atende") -> None:
        self.escalation_email = escalation_email
        self.business_name = business_name

    def plan(self, facts: TurnFacts, reply: apb.GenerateReplyResponse) -> ActionPlan:
        plan = ActionPlan(lead=lead_update(facts, reply))
        known = known_lead(facts.lead, plan.lead)
        for action in reply.actions:
            kind = action.WhichOneof("action")
            if kind == "escalate":
                if facts.queued:
                    plan.dropped.append("escalate: the conversation already waits for a person")
                    continue
                plan.handoff = self._packet(facts, reply, action.escalate.packet)
                notice = self._escalation_notice(facts, known, plan.handoff)
                if notice is not None:
                    plan.outbox.append(notice)
                continue
            completed = self._complete(facts, known, action)
            if isinstance(completed, str):
                plan.dropped.append(completed)
                log.info("action dropped", extra={"conversation_id": facts.conversation_id, "reason": completed})
            else:
                plan.outbox.append(completed)
        return plan

    def _complete(self, facts: TurnFacts, lead: types_pb2.Lead, action: types_pb2.AgentAction) -> types_pb2.AgentAction | str:
        """The action with its gaps filled from the lead, or why it cannot be sent."""
        kind = action.WhichOneof("action")
        if kind == "sync_lead":
            if not (lead.email or lead.phone):
                return "sync_lead: the lead has no e-mail or phone yet"
            return action
        if kind == "send_email":
            email = types_pb2.SendEmailAction()
            email.CopyFrom(action.send_email)
            email.to = email.to or lead.email
            if not email.to or not email.template:
                return "send_email: no recipient or no template"
            email.language = email.language or facts.language
            variables = self._email_variables(facts, lead, dict(email.variables))
            email.variables.clear()
            email.variables.update(variables)
            return types_pb2.AgentAction(send_email=email)
        if kind == "book_meeting":
            meeting = types_pb2.BookMeetingAction()
            meeting.CopyFrom(action.book_meeting)
            meeting.attendee_email = meeting.attendee_email or lead.email
            if not meeting.attendee_email or not meeting.HasField("start_time"):
                return "book_meeting: no attendee e-mail or no start_time"
            meeting.attendee_name = meeting.attendee_name or lead.name
            meeting.title = meeting.title or f"{self.business_name}: {facts.agent}"
            return types_pb2.AgentAction(book_meeting=meeting)
        if kind == "track_event":
            if not action.track_event.event:
                return "track_event: no event name"
            return action
        return "an action of no known kind"

    def _packet(
        self, facts: TurnFacts, reply: apb.GenerateReplyResponse, given: types_pb2.HandoffPacket
    ) -> types_pb2.HandoffPacket:
        packet = types_pb2.HandoffPacket()
        packet.CopyFrom(given)
        packet.reason = packet.reason or "escalation requested"
        packet.from_agent = packet.from_agent or reply.agent
        packet.language = packet.language or facts.language
        packet.queue = packet.queue or DEFAULT_QUEUE
        return packet

    def _escalation_notice(
        self, facts: TurnFacts, lead: types_pb2.Lead, packet: types_pb2.HandoffPacket
    ) -> types_pb2.AgentAction | None:
        if not self.escalation_email:
            log.info("escalation: no escalation e-mail configured, no notice sent",
                     extra={"conversation_id": facts.conversation_id})
            return None
        return types_pb2.AgentAction(send_email=types_pb2.SendEmailAction(
            to=self.escalation_email,
            template=ESCALATION_TEMPLATE,
            language=facts.language,
            variables=self._email_variables(facts, lead, {"reason": packet.reason}),
        ))

    def _email_variables(self, facts: TurnFacts, lead: types_pb2.Lead, given: dict[str, str]) -> dict[str, str]:
        name = lead.name or facts.user_id
        variables = {
            "business_name": self.business_name,
            "lead_name": name,
            "customer_name": name,
            "conversation_id": facts.conversation_id,
            "summary": (facts.summary or facts.text)[:_EMAIL_VARIABLE_CHARS],
            "reason": "",
        }
        variables.update({k: v for k, v in given.items() if k.isidentifier()})
        return variables


def lead_update(facts: TurnFacts, reply: apb.GenerateReplyResponse) -> types_pb2.Lead | None:
    """The lead fields the agent learned this turn, as memory_svc merges them."""
    if not reply.HasField("lead_update"):
        return None
    update = reply.lead_update
    lead = types_pb2.Lead(
        user_id=facts.user_id,
        name=update.name,
        email=update.email,
        phone=update.phone,
        company=update.company,
        score=update.score,
        source=facts.channel,
        conversation_id=facts.conversation_id,
    )
    if update.HasField("qualification"):
        lead.qualification.CopyFrom(update.qualification)
    return lead


def known_lead(before: types_pb2.Lead | None, update: types_pb2.Lead | None) -> types_pb2.Lead:
    """The lead as it will be once this turn's update is merged (non-empty fields win)."""
    merged = types_pb2.Lead()
    if before is not None:
        merged.CopyFrom(before)
    if update is not None:
        for name in ("name", "email", "phone", "company"):
            if getattr(update, name):
                setattr(merged, name, getattr(update, name))
    return merged
