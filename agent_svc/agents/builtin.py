"""The built-in kinds of agent. Each is a small subclass of BaseAgent that changes
one step, `plan`; the rest (prompts, tools, the model loop, guardrails, logging) is
BaseAgent's. A configuration file picks one with `kind`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from agent_svc.agents.base import BaseAgent, Plan
from agent_svc.domain import BANT_SLOTS, Bant, TurnInput
from agent_svc.effects import TurnEffects
from agent_svc.prompts import Playbook
from agent_svc.signals import (
    extract_bant,
    extract_contact,
    lead_score,
    parse_meeting_time,
    wants_meeting,
    zone,
)
from agent_svc.text import is_affirmative, is_negative, is_question


class AssistantAgent(BaseAgent):
    """Answers from its knowledge collection (the default for custom agents)."""

    kind = "assistant"


class ProductAgent(BaseAgent):
    """Catalogue questions: features, prices, availability, comparisons. The model
    (or the local engine) searches once per product to compare them."""

    kind = "product"


class SupportAgent(BaseAgent):
    """Answers problems from the knowledge base with citations; asks a clarifying
    question when retrieval is weak; hands over to a person on request, after
    repeated failures, or when the customer is angry."""

    kind = "support"

    async def plan(self, turn: TurnInput, fx: TurnEffects, weak: bool) -> Plan:
        escalation = self.escalate_if_needed(turn, fx, weak)
        if escalation is not None:
            return escalation
        plan = Plan(unanswered=("not_found", "clarify") if weak else ("no_answer",))
        if fx.sentiment == "negative":
            plan.lead_in.append(self.say(fx.language, "empathy"))
        return plan


@dataclass(frozen=True)
class _Conversation:
    """What the sales agent reads from a turn's history."""

    # The agent's message just before this turn's.
    last_assistant: str
    # The customer's messages, this turn's last.
    user_texts: list[str]
    # The agent's messages since people last held the conversation.
    assistant_texts: list[str]

    def asked(self, playbook: Playbook, *keys: str) -> bool:
        """Whether the agent's last message was one of these playbook sentences."""
        return any(playbook.said(key, self.last_assistant) for key in keys)


class SalesAgent(BaseAgent):
    """BANT qualification over several turns, asking only for what is missing; lead
    score by configured rules; at the threshold, consent, then the hand-off (sync_lead,
    send_email) and, if the customer wants one, a meeting request (book_meeting).

    Stateless: the lead so far comes in the request, and what the agent asked before
    is read from the history (its own sentences from the playbook)."""

    kind = "sales"

    def expected_slot(self, assistant_text: str) -> str:
        return next((slot for slot in BANT_SLOTS if self.playbook.said(f"ask_{slot}", assistant_text)), "")

    def learn_from(self, fx: TurnEffects, text: str, asked: str) -> None:
        """Contact details are taken as given (the newest wins); a BANT slot already
        known is kept, so a later "tomorrow at 10" does not become the timeline."""
        contact = extract_contact(text)
        found = extract_bant(text, self.expected_slot(asked))
        missing = fx.lead.bant.missing()
        fresh = Bant(**{slot: value for slot, value in found.filled().items() if slot in missing})
        fx.learn(contact.name, contact.email, contact.phone, contact.company, fresh)

    def read_conversation(self, turn: TurnInput, fx: TurnEffects) -> _Conversation:
        """Learns the lead's details from every customer message, each read against the
        question the agent had asked just before it."""
        last_assistant = ""
        user_texts: list[str] = []
        for message in turn.history:
            if message.role == "assistant":
                last_assistant = message.text
            elif message.role == "user":
                user_texts.append(message.text)
                self.learn_from(fx, message.text, last_assistant)
        self.learn_from(fx, turn.text, last_assistant)
        user_texts.append(turn.text)
        return _Conversation(last_assistant, user_texts, self._assistant_messages(turn))

    async def plan(self, turn: TurnInput, fx: TurnEffects, weak: bool) -> Plan:
        talk = self.read_conversation(turn, fx)
        fx.score = lead_score(fx.lead, self.config.scoring, talk.user_texts)

        escalation = self.escalate_if_needed(turn, fx, weak=False)
        if escalation is not None:
            return escalation

        question = is_question(turn.text)
        plan = Plan(answer=question or not turn.history, unanswered=("no_answer",) if question else ())
        answered = self.answer_to_consent(turn, fx, plan, talk)
        if answered is not None:
            return answered
        handed_over = (turn.lead is not None and turn.lead.handed_over()) or self.said_before("handoff_done", talk)
        if handed_over:
            return self.after_hand_over(turn, fx, plan, talk)
        return self.qualify(fx, plan, talk)

    def said_before(self, key: str, talk: _Conversation) -> bool:
        return any(self.playbook.said(key, text) for text in talk.assistant_texts)

    def answer_to_consent(self, turn: TurnInput, fx: TurnEffects, plan: Plan, talk: _Conversation) -> Plan | None:
        """The customer's answer when the agent last asked for consent or contact details;
        None when it asked for neither, or the answer is neither yes nor no."""
        meeting_wanted = any(wants_meeting(text) for text in talk.user_texts)
        if talk.asked(self.playbook, "ask_consent", "ask_contact_consent"):
            gave_contact = bool(fx.learned.email or fx.learned.phone)
            contact_as_yes = talk.asked(self.playbook, "ask_contact_consent") and gave_contact and not is_negative(turn.text)
            if is_affirmative(turn.text) or contact_as_yes:
                return self.hand_over(fx, plan, meeting_wanted, turn.text)
            if is_negative(turn.text):
                plan.follow_up.append(self.say(fx.language, "consent_declined"))
                return plan
        if talk.asked(self.playbook, "ask_contact"):
            return self.hand_over(fx, plan, meeting_wanted, turn.text)
        return None

    def after_hand_over(self, turn: TurnInput, fx: TurnEffects, plan: Plan, talk: _Conversation) -> Plan:
        """The lead is with the sales team: a meeting if the customer asks for one."""
        fx.consent = True
        booked = self.said_before("meeting_requested", talk)
        if not booked and (wants_meeting(turn.text) or talk.asked(self.playbook, "ask_meeting_time", "meeting_needs_email")):
            return self.meeting(fx, plan, turn.text)
        if not plan.answer:
            plan.follow_up.append(self.say(fx.language, "anything_else"))
        return plan

    def qualify(self, fx: TurnEffects, plan: Plan, talk: _Conversation) -> Plan:
        """Qualified (and consent not declined): ask for consent; otherwise ask for the
        first BANT slot still unknown."""
        if fx.score >= self.config.scoring.threshold and not self.said_before("consent_declined", talk):
            key = "ask_consent" if fx.lead.email or fx.lead.phone else "ask_contact_consent"
            plan.follow_up.append(self.say(fx.language, key))
            plan.notes.append(f"The lead scores {fx.score}/100: it is qualified. Ask for consent as the plan says.")
            return plan
        missing = fx.lead.bant.missing(self.config.scoring.slot_order)
        if missing:
            plan.follow_up.append(self.say(fx.language, f"ask_{missing[0]}"))
            plan.notes.append(f"Still unknown: {', '.join(missing)}. Ask only the question in the plan.")
        return plan

    def hand_over(self, fx: TurnEffects, plan: Plan, meeting_wanted: bool, text: str) -> Plan:
        """Consent given: sync the lead, send the follow-up e-mail, request the meeting."""
        fx.consent = True
        plan.answer = is_question(text) and not is_affirmative(text)
        if not (fx.lead.email or fx.lead.phone):
            plan.follow_up.append(self.say(fx.language, "ask_contact"))
            return plan
        fx.sync_lead()
        plan.lead_in.append(self.say(fx.language, "handoff_done"))
        if fx.send_follow_up():
            plan.lead_in.append(self.say(fx.language, "follow_up_sent"))
        plan.notes.append("The customer agreed; their details were handed to the sales team.")
        if meeting_wanted:
            return self.meeting(fx, plan, text)
        return plan

    def meeting(self, fx: TurnEffects, plan: Plan, text: str) -> Plan:
        if not fx.lead.email:
            plan.follow_up.append(self.say(fx.language, "meeting_needs_email"))
            return plan
        when = parse_meeting_time(text, self.deps.now(), zone(self.config.meeting.timezone))
        if when is None:
            plan.follow_up.append(self.say(fx.language, "ask_meeting_time"))
            return plan
        fx.book_meeting(when.start, when.said)
        plan.follow_up.append(self.say(fx.language, "meeting_requested").format(when=format_when(when.start, fx.language)))
        plan.notes.append("A meeting was requested from the sales team's calendar.")
        return plan


def format_when(start: datetime, language: str) -> str:
    if language == "pt":
        return start.strftime("%d/%m às %H:%M")
    return start.strftime("%b %d at %H:%M")


KINDS: dict[str, type[BaseAgent]] = {
    "sales": SalesAgent,
    "support": SupportAgent,
    "product": ProductAgent,
    "assistant": AssistantAgent,
}
