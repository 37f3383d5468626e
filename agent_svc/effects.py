"""What a turn does besides its text: the passages it found, the lead fields it
learned, the actions it asks the router to release. The agent's own rules and the
tools a model calls change a turn through this one object."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from agent_svc.domain import (
    Action,
    Bant,
    BookMeeting,
    Citation,
    Escalate,
    HandoffPacket,
    LeadState,
    LeadUpdate,
    Passage,
    SendEmail,
    SyncLead,
    TranscriptLine,
    TurnInput,
)
from agent_svc.ports import KnowledgePort
from atende_guardrails.pii import redact

TRANSCRIPT_MESSAGES = 20
HANDOFF_CITATIONS = 5
NO_SLOTS = Bant()


@dataclass
class TurnEffects:
    turn: TurnInput
    agent: str
    language: str
    collection: str
    top_k: int
    knowledge: KnowledgePort
    # The lead as known after this turn's extraction (the request's lead plus what was learned).
    lead: LeadState = field(default_factory=LeadState)
    score: int = 0
    learned: LeadUpdate = field(default_factory=LeadUpdate)
    actions: list[Action] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    # The customer agreed to have their details passed to the sales team.
    consent: bool = False
    sentiment: str = "neutral"
    meeting_title: str = "Meeting"
    meeting_minutes: int = 30

    def add_action(self, action: Action) -> None:
        """One action of each kind a turn; a later request replaces an earlier one."""
        self.actions = [a for a in self.actions if a.kind != action.kind]
        self.actions.append(action)

    def add_passages(self, found: list[Passage]) -> list[int]:
        """Keeps passages once each; returns their 1-based reference numbers."""
        refs: list[int] = []
        for passage in found:
            key = (passage.document_id, passage.text)
            index = next((i for i, p in enumerate(self.passages) if (p.document_id, p.text) == key), None)
            if index is None:
                self.passages.append(passage)
                index = len(self.passages) - 1
            refs.append(index + 1)
        return refs

    def learn(self, name: str = "", email: str = "", phone: str = "", company: str = "", bant: Bant = NO_SLOTS) -> list[str]:
        """Records lead fields; returns the names of those that changed."""
        changed: list[str] = []
        values = {"name": name, "email": email, "phone": phone, "company": company}
        for key, value in values.items():
            if value and value != getattr(self.lead, key):
                changed.append(key)
                setattr(self.learned, key, value)
        if changed:
            self.lead = replace(self.lead, name=name or self.lead.name, email=email or self.lead.email,
                                phone=phone or self.lead.phone, company=company or self.lead.company)
        for slot, value in bant.filled().items():
            if value != getattr(self.lead.bant, slot):
                changed.append(slot)
                self.lead = replace(self.lead, bant=replace(self.lead.bant, **{slot: value}))
                self.learned = replace(self.learned, bant=replace(self.learned.bant, **{slot: value}))
        return changed

    # Actions. Each names only what the agent knows better than the router: the
    # router fills in the lead's address, the business's name and the default queue.

    def sync_lead(self) -> None:
        # The channel is where the customer said yes; "chat" when the router did not say.
        self.add_action(SyncLead(consent_source=self.turn.channel or "chat"))

    def send_follow_up(self, template: str = "lead_follow_up") -> bool:
        if not self.lead.email:
            return False
        variables = {"lead_name": self.lead.name or self.lead.email.split("@")[0]}
        summary = "\n".join(f"{slot.capitalize()}: {value}" for slot, value in self.lead.bant.filled().items())
        if summary:
            # Only when known: an empty value would replace the router's own summary.
            variables["summary"] = summary
        self.add_action(SendEmail(template=template, to=self.lead.email, language=self.language, variables=variables))
        return True

    def book_meeting(self, start: datetime, requested: str = "", minutes: int | None = None, title: str = "") -> bool:
        if not self.lead.email:
            return False
        self.add_action(BookMeeting(
            start=start, attendee_email=self.lead.email, attendee_name=self.lead.name,
            duration_minutes=minutes or self.meeting_minutes, title=title or self.meeting_title,
            requested_time=requested,
        ))
        return True

    def escalate(self, reason: str) -> None:
        self.add_action(Escalate(self.handoff_packet(reason)))

    def handoff_packet(self, reason: str) -> HandoffPacket:
        """What the person taking over needs: why, a summary, the lead's BANT slots, the
        customer's mood, the passages used and the transcript without personal data."""
        turn = self.turn
        transcript = [TranscriptLine(m.role, redact(m.text)[0], m.agent) for m in turn.history[-TRANSCRIPT_MESSAGES:]]
        transcript.append(TranscriptLine("user", redact(turn.text)[0]))
        first = next((m.text for m in turn.history if m.role == "user"), turn.text)
        summary_parts = []
        if turn.summary:
            summary_parts.append(redact(turn.summary)[0])
        summary_parts.append(f"First message: {redact(first)[0][:200]}")
        if first != turn.text:
            summary_parts.append(f"Latest message: {redact(turn.text)[0][:200]}")
        summary_parts.append(f"Reason for hand-off: {reason}.")
        return HandoffPacket(
            reason=reason,
            summary=" ".join(summary_parts),
            sentiment=self.sentiment,
            from_agent=self.agent,
            language=self.language,
            bant=self.lead.bant,
            citations=tuple(Citation.of(p) for p in self.passages[:HANDOFF_CITATIONS]),
            transcript=tuple(transcript),
            customer_name=self.lead.name,
        )
