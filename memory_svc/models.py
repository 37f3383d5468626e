"""Domain records. Plain dataclasses: no gRPC, no protobuf, no database types."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from memory_svc.erasure import Erasure
from memory_svc.outbox import ActionInput

T = TypeVar("T")

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def micros(moment: datetime) -> int:
    """Microseconds since the epoch: PostgreSQL's precision, exact both ways."""
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def from_micros(value: int) -> datetime:
    return datetime.fromtimestamp(value // 1_000_000, UTC).replace(microsecond=value % 1_000_000)


ROLES = frozenset({"user", "assistant", "human", "system"})
# Where a lead stands with the CRM, as stored: nothing asked yet, a sync owed (in
# the outbox or integrations_svc's queue), delivered, given up.
CRM_NEW = "new"
CRM_PENDING = "pending"
CRM_SYNCED = "synced"
CRM_FAILED = "failed"
CRM_STATUSES = frozenset({CRM_NEW, CRM_PENDING, CRM_SYNCED, CRM_FAILED})

# Who may answer a conversation: one owner at a time.
OWNER_AGENT = "agent"
OWNER_HUMAN_QUEUE = "human_queue"
OWNER_HUMAN = "human"
OWNER_KINDS = frozenset({OWNER_AGENT, OWNER_HUMAN_QUEUE, OWNER_HUMAN})
# Packet: the hand-off packet as a JSON document (atende.common.v1.HandoffPacket's
# JSON form). memory_svc keeps and returns it; it does not interpret it.
Packet = dict[str, Any]


@dataclass(slots=True)
class IntentData:
    name: str = ""
    confidence: float = 0.0
    agent: str = ""
    strategy: str = ""


@dataclass(slots=True)
class CitationData:
    source: str = ""
    title: str = ""
    snippet: str = ""
    document_id: str = ""


@dataclass(slots=True)
class GuardrailData:
    check: str = ""
    action: str = ""
    detail: str = ""


@dataclass(slots=True)
class NewMessage:
    role: str
    text: str
    agent: str = ""
    intent: IntentData | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    citations: list[CitationData] = field(default_factory=list)
    guardrails: list[GuardrailData] = field(default_factory=list)


@dataclass(slots=True)
class AppendRequest:
    conversation_id: str
    user_id: str
    channel: str
    messages: list[NewMessage]
    client_message_id: str = ""
    agent: str = ""
    # Store the messages only if the owner is of one of these kinds (empty: any);
    # when the owner is a person, required_owner_id (if set) must be that person.
    required_owner_kinds: tuple[str, ...] = ()
    required_owner_id: str = ""
    # After the messages, the conversation passes to this owner (empty kind: no change).
    new_owner_kind: str = ""
    new_owner_id: str = ""
    handoff: Packet | None = None
    # The turn's Interaction record, stored with the messages.
    interaction: InteractionInput | None = None
    # What the turn learned about the customer as a lead, merged into their lead
    # with the messages (user_id, source and conversation_id come from the request).
    lead: LeadInput | None = None
    # Side effects to deliver once the turn is committed (the outbox).
    actions: list[ActionInput] = field(default_factory=list)


@dataclass(slots=True)
class StoredMessage:
    message_id: str
    conversation_id: str
    # 1-based position in the conversation; the total order of its messages.
    seq: int
    role: str
    text: str
    agent: str
    channel: str
    intent: IntentData | None
    create_time: datetime
    client_message_id: str
    metadata: dict[str, str]
    citations: list[CitationData]
    guardrails: list[GuardrailData] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Owner:
    """Who answers a conversation: its kind (OWNER_KINDS), the agent's name, the
    queue's name or the person's id, and since when (None: never changed hands)."""

    kind: str = OWNER_AGENT
    owner_id: str = ""
    since: datetime | None = None


@dataclass(slots=True)
class ConversationInfo:
    conversation_id: str
    user_id: str
    channel: str
    agent: str
    message_count: int
    create_time: datetime
    update_time: datetime
    owner_kind: str = OWNER_AGENT
    # The agent's name, the queue's name or the person's id.
    owner_id: str = ""
    # When the owner took it; None when the conversation never changed hands.
    owner_since: datetime | None = None
    # The hand-off packet while people own the conversation.
    handoff: Packet | None = None


@dataclass(slots=True)
class AppendResult:
    messages: list[StoredMessage]
    replayed: bool
    # The messages as serialized atende.common.v1.Message, once made for Redis.
    encoded: list[bytes] = field(default_factory=list)
    # The conversation after the append (None for a replay).
    info: ConversationInfo | None = None
    # The customer's lead after the append's lead update (None when it had none,
    # or for a replay).
    lead: Lead | None = None
    # Outbox rows the append stored.
    actions_stored: int = 0


@dataclass(slots=True)
class Conversation:
    info: ConversationInfo
    messages: list[StoredMessage]
    # Or, read from Redis, the messages as serialized atende.common.v1.Message.
    encoded: list[bytes] = field(default_factory=list)


@dataclass(slots=True)
class Bant:
    budget: str = ""
    authority: str = ""
    need: str = ""
    timeline: str = ""


@dataclass(slots=True)
class LeadInput:
    """A lead to merge: empty strings and a zero score leave stored values unchanged."""

    user_id: str
    name: str = ""
    email: str = ""
    phone: str = ""
    company: str = ""
    score: int = 0
    qualification: Bant = field(default_factory=Bant)
    source: str = ""
    # Set by a client that manages the CRM state itself (empty: leave it alone);
    # with crm_status, crm_error is replaced too (kept only for "failed").
    crm_status: str = ""
    crm_id: str = ""
    crm_error: str = ""
    conversation_id: str = ""


@dataclass(slots=True)
class Lead:
    lead_id: str
    user_id: str
    name: str
    email: str
    phone: str
    company: str
    score: int
    qualification: Bant
    source: str
    crm_status: str
    crm_id: str
    conversation_id: str
    create_time: datetime
    update_time: datetime
    # Grows on every write, across all leads, so a cache never keeps an older copy.
    version: int = 0
    # Why the last sync failed (crm_status "failed").
    crm_error: str = ""


@dataclass(slots=True)
class Context:
    found: bool
    user_id: str = ""
    agent: str = ""
    messages: list[StoredMessage] = field(default_factory=list)
    # Or, read from Redis, the messages as serialized atende.common.v1.Message.
    encoded: list[bytes] = field(default_factory=list)
    summary: str = ""
    message_count: int = 0
    lead: Lead | None = None
    owner_kind: str = OWNER_AGENT
    owner_id: str = ""
    owner_since: datetime | None = None
    # Asked with a client_message_id: the turn stored under it ([] when none is);
    # None when not asked.
    turn: list[StoredMessage] | None = None


@dataclass(slots=True)
class InteractionInput:
    conversation_id: str
    user_id: str
    user_input: str
    agent_response: str
    agent: str
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Interaction:
    interaction_id: str
    conversation_id: str
    user_id: str
    user_input: str
    agent_response: str
    agent: str
    create_time: datetime
    metadata: dict[str, str]


@dataclass(slots=True)
class Page(Generic[T]):
    items: list[T]
    next_page_token: str


@dataclass(slots=True)
class LeadFilter:
    min_score: int = 0
    # 0 means no upper bound.
    max_score: int = 0
    crm_status: str = ""


@dataclass(slots=True)
class Erased:
    conversations: int
    messages: int
    leads: int
    interactions: int
    conversation_ids: list[str] = field(default_factory=list)
    # Outbox rows of the person (not in the API's answer; logged).
    actions: int = 0
    # The receipt, as committed with the erasure.
    erasure: Erasure | None = None
    # The Redis keys to delete now that PostgreSQL no longer has the person.
    cache_keys: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SubjectAction:
    """An outbox row of the person's turns, for an export and an erasure."""

    action_id: str
    kind: str
    status: str
    conversation_id: str
    # The serialized atende.common.v1.AgentAction.
    payload: bytes
    # sync_lead: the lead snapshot the CRM got.
    lead: dict[str, Any] | None
    create_time: datetime
    update_time: datetime


@dataclass(slots=True)
class SubjectData:
    """Everything memory_svc's tables hold about one person, from one snapshot."""

    conversations: list[Conversation]
    leads: list[Lead]
    interactions: list[Interaction]
    actions: list[SubjectAction]
    erasures: list[Erasure]


@dataclass(slots=True)
class SubjectExport:
    user_id: str
    conversations: list[Conversation]
    leads: list[Lead]
    interactions: list[Interaction]
    export_time: datetime
    actions: list[SubjectAction] = field(default_factory=list)
    # What integrations_svc holds, as serialized atende.common.v1.SubjectRecord.
    integration_records: list[bytes] = field(default_factory=list)
    erasures: list[Erasure] = field(default_factory=list)

