"""What an agent receives and returns, independent of gRPC."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from typing import ClassVar, TypeAlias

BANT_SLOTS = ("need", "budget", "authority", "timeline")
CONTACT_FIELDS = ("name", "email", "phone", "company")
SNIPPET_CHARS = 300


@dataclass(frozen=True)
class Bant:
    """BANT qualification slots; an empty slot is unknown."""

    budget: str = ""
    authority: str = ""
    need: str = ""
    timeline: str = ""

    def filled(self) -> dict[str, str]:
        return {slot: getattr(self, slot) for slot in BANT_SLOTS if getattr(self, slot)}

    def missing(self, order: tuple[str, ...] = BANT_SLOTS) -> list[str]:
        return [slot for slot in order if not getattr(self, slot)]

    def merged(self, newer: Bant) -> Bant:
        """This state with every slot `newer` knows taken from `newer`."""
        return replace(self, **newer.filled())

    def __bool__(self) -> bool:
        return bool(self.filled())


@dataclass(frozen=True)
class LeadState:
    """The lead as the router knows it before this turn."""

    lead_id: str = ""
    name: str = ""
    email: str = ""
    phone: str = ""
    company: str = ""
    score: int = 0
    bant: Bant = Bant()
    # Where the lead stands with the CRM: "new", "pending", "synced", "failed", or ""
    # when the router did not say.
    crm_status: str = ""

    def contact(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in CONTACT_FIELDS if getattr(self, name)}

    def handed_over(self) -> bool:
        """The customer's details are with the sales team or on their way; a failed
        sync was given up, so the lead is not with them."""
        return self.crm_status in ("pending", "synced")


@dataclass(frozen=True)
class HistoryMessage:
    role: str
    text: str
    agent: str = ""


@dataclass(frozen=True)
class TurnInput:
    agent: str
    conversation_id: str
    user_id: str
    text: str
    channel: str
    language: str
    history: tuple[HistoryMessage, ...] = ()
    summary: str = ""
    intent: str = ""
    lead: LeadState | None = None
    # The router's embedding of `text`, passed on to knowledge searches for it.
    text_embedding: Embedding | None = None
    # The router read the message as out of scope: answer only when the knowledge base
    # clearly does (agent_svc/evidence.py SCOPE_FLOOR), else say so without a model call.
    out_of_scope: bool = False


@dataclass(frozen=True)
class Embedding:
    """A vector some service already computed for a text, with the model's name."""

    model: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Passage:
    document_id: str
    title: str
    source: str
    text: str
    score: float
    # The heading the passage sits under ("Bateria SB-BAT-5", an FAQ's question): the
    # subject of list items and answers that do not repeat it.
    section: str = ""


@dataclass
class GuardrailTrip:
    check: str
    action: str
    detail: str = ""


@dataclass
class LeadUpdate:
    """Lead fields a turn learned; empty fields are unchanged."""

    name: str = ""
    email: str = ""
    phone: str = ""
    company: str = ""
    bant: Bant = Bant()
    score: int = 0

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self) if f.name not in ("bant", "score")) and not self.bant


# Side effects a turn asks for. The router completes them (the lead's address, the
# business's name) and stores them with the turn. Each mirrors its typed message in
# atende.common.v1 (servicer.to_action), so nothing travels as text to parse again.
# `kind` is the oneof field's name, for logs and for "one action of each kind a turn".


@dataclass(frozen=True)
class SyncLead:
    """Send the lead to the CRM; the router reads the lead itself when delivering."""

    kind: ClassVar[str] = "sync_lead"

    # Where the customer gave consent, kept for the record.
    consent_source: str = ""


@dataclass(frozen=True)
class SendEmail:
    """A transactional e-mail rendered by integrations_svc from a template."""

    kind: ClassVar[str] = "send_email"

    template: str
    # Empty means the lead's e-mail, filled in by the router.
    to: str = ""
    # Empty means the turn's language.
    language: str = ""
    variables: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class BookMeeting:
    """A meeting in the business's calendar at a moment the customer chose."""

    kind: ClassVar[str] = "book_meeting"

    start: datetime
    attendee_email: str = ""
    attendee_name: str = ""
    duration_minutes: int = 0
    title: str = ""
    # The customer's own words for the time, e.g. "amanhã às 15h".
    requested_time: str = ""

    def __post_init__(self) -> None:
        # A naive time would be read in whatever zone the calendar runs in: refuse it here.
        if self.start.tzinfo is None or self.start.utcoffset() is None:
            raise ValueError("BookMeeting.start must be timezone-aware")


@dataclass(frozen=True)
class TrackEvent:
    """An analytics event."""

    kind: ClassVar[str] = "track_event"

    event: str
    properties: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Citation:
    """A passage as cited to a person: where it came from and a short snippet."""

    source: str
    title: str
    snippet: str
    document_id: str

    @classmethod
    def of(cls, passage: Passage) -> Citation:
        # Short enough to show beside a reply; the document id leads to the rest.
        return cls(passage.source, passage.title, passage.text[:SNIPPET_CHARS], passage.document_id)


@dataclass(frozen=True)
class TranscriptLine:
    """One message of a hand-off transcript, personal data already redacted."""

    role: str
    text: str
    agent: str = ""


@dataclass(frozen=True)
class HandoffPacket:
    """What a person taking over needs, redacted where it quotes the customer."""

    reason: str
    summary: str
    sentiment: str
    from_agent: str
    language: str
    bant: Bant = Bant()
    citations: tuple[Citation, ...] = ()
    transcript: tuple[TranscriptLine, ...] = ()
    customer_name: str = ""
    # Empty means the router's default queue.
    queue: str = ""


@dataclass(frozen=True)
class Escalate:
    """Hand the conversation to people."""

    kind: ClassVar[str] = "escalate"

    packet: HandoffPacket


Action: TypeAlias = SyncLead | SendEmail | BookMeeting | TrackEvent | Escalate


@dataclass
class Usage:
    """Token, cost and time accounting of the LLM calls of one turn."""

    input_tokens: int = 0
    output_tokens: int = 0
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0
    cost_usd: float = 0.0
    llm_ms: float = 0.0
    calls: int = 0

    def add(self, other: Usage) -> None:
        self.input_tokens += other.input_tokens
        self.output_tokens += other.output_tokens
        self.cache_read_tokens += other.cache_read_tokens
        self.cache_write_tokens += other.cache_write_tokens
        self.cost_usd += other.cost_usd
        self.llm_ms += other.llm_ms
        self.calls += other.calls

    @property
    def total_tokens(self) -> int:
        return self.input_tokens + self.output_tokens + self.cache_read_tokens + self.cache_write_tokens


@dataclass
class AgentReply:
    text: str
    agent: str
    citations: list[Passage] = field(default_factory=list)
    guardrails: list[GuardrailTrip] = field(default_factory=list)
    provider: str = "local"
    model: str = "atende-local-1"
    lead_update: LeadUpdate | None = None
    actions: list[Action] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)
    # Cascade steps taken because of budgets or provider failures, for the logs.
    step_downs: list[str] = field(default_factory=list)
