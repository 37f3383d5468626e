"""What an agent receives and returns, independent of gRPC."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

BANT_SLOTS = ("need", "budget", "authority", "timeline")
CONTACT_FIELDS = ("name", "email", "phone", "company")


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
    crm_status: str = ""

    def contact(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in CONTACT_FIELDS if getattr(self, name)}


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


@dataclass
class Action:
    """A side effect for the router to release after the turn is stored."""

    kind: str
    parameters: dict[str, str] = field(default_factory=dict)


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
