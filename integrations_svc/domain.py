"""The operations integrations_svc delivers and the jobs that carry them. No grpc here."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    SYNC_LEAD = "sync_lead"
    SEND_EMAIL = "send_email"
    BOOK_MEETING = "book_meeting"
    TRACK_EVENT = "track_event"
    # LGPD: delete a person at a CRM vendor, and at an analytics vendor.
    ERASE_CRM = "erase_crm"
    ERASE_ANALYTICS = "erase_analytics"
    # Customer channels (integrations_svc/channels): a message to a WhatsApp customer,
    # and a reply in an e-mail thread.
    SEND_WHATSAPP = "send_whatsapp"
    SEND_EMAIL_REPLY = "send_email_reply"


# The kinds that carry an operation about a person (an erasure cancels and empties them).
OPERATION_KINDS = (Kind.SYNC_LEAD, Kind.SEND_EMAIL, Kind.BOOK_MEETING, Kind.TRACK_EVENT)
ERASE_KINDS = (Kind.ERASE_CRM, Kind.ERASE_ANALYTICS)
CHANNEL_KINDS = (Kind.SEND_WHATSAPP, Kind.SEND_EMAIL_REPLY)


class JobStatus(StrEnum):
    QUEUED = "queued"
    DELIVERED = "delivered"
    DEAD = "dead"


@dataclass(frozen=True)
class LeadData:
    """A lead as the CRM adapters receive it. Empty strings are unknown values."""

    email: str = ""
    phone: str = ""
    name: str = ""
    company: str = ""
    score: int = 0
    budget: str = ""
    authority: str = ""
    need: str = ""
    timeline: str = ""
    source: str = ""
    user_id: str = ""
    lead_id: str = ""
    conversation_id: str = ""

    def match_key(self) -> str:
        """One lead per person: by e-mail when known, else by phone digits."""
        if self.email:
            return "email:" + self.email.lower()
        return "phone:" + digits(self.phone)

    def first_last_name(self) -> tuple[str, str]:
        parts = self.name.split()
        if not parts:
            return "", ""
        if len(parts) == 1:
            return "", parts[0]
        return " ".join(parts[:-1]), parts[-1]

    def bant_summary(self) -> str:
        lines = [f"Score: {self.score}/100"]
        for label, value in (
            ("Budget", self.budget),
            ("Authority", self.authority),
            ("Need", self.need),
            ("Timeline", self.timeline),
            ("Source", self.source),
            ("Conversation", self.conversation_id),
        ):
            if value:
                lines.append(f"{label}: {value}")
        return "\n".join(lines)

    def to_payload(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> LeadData:
        return cls(**payload)


@dataclass(frozen=True)
class EmailData:
    """A rendered transactional e-mail."""

    to: str
    template: str
    language: str
    subject: str
    text: str
    html: str
    variables: dict[str, str] = field(default_factory=dict)

    def to_payload(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> EmailData:
        return cls(**payload)


@dataclass(frozen=True)
class MeetingData:
    attendee_email: str
    start: datetime
    duration_minutes: int
    title: str
    attendee_name: str = ""

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.duration_minutes)

    def to_payload(self) -> dict[str, Any]:
        payload = asdict(self)
        payload["start"] = self.start.astimezone(UTC).isoformat()
        return payload

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> MeetingData:
        values = dict(payload)
        values["start"] = datetime.fromisoformat(values["start"])
        return cls(**values)


@dataclass(frozen=True)
class EventData:
    """An analytics event; time_ms is fixed when accepted, so every retry sends the same event."""

    event: str
    distinct_id: str
    properties: dict[str, str]
    time_ms: int

    def to_payload(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> EventData:
        return cls(**payload)


@dataclass(frozen=True)
class SubjectKeys:
    """Who to delete at a vendor (LGPD): the person's id (Mixpanel's distinct_id),
    e-mail addresses (lowercased) and phone numbers, as the CRMs know them."""

    user_id: str
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()

    def to_payload(self) -> dict[str, Any]:
        return {"user_id": self.user_id, "emails": list(self.emails), "phones": list(self.phones)}

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> SubjectKeys:
        return cls(
            user_id=str(payload["user_id"]),
            emails=tuple(str(e) for e in payload.get("emails", ())),
            phones=tuple(str(p) for p in payload.get("phones", ())),
        )

    def phone_digits(self) -> list[str]:
        return sorted({d for d in (digits(p) for p in self.phones) if d})

    def match_key(self) -> str:
        """The serial key a lead sync of this person uses, so a deletion waits for a
        sync being delivered at that moment (and never races with it)."""
        if self.emails:
            return "email:" + self.emails[0]
        return "phone:" + (self.phone_digits() or [""])[0]


@dataclass(frozen=True)
class ChannelMessage:
    """One message for a customer on a channel (channel_outbound's row outbound_id).
    WhatsApp: free-form text inside the customer-service window, else an approved
    template with its body variables. E-mail: a reply with its threading headers."""

    channel: str
    to: str
    outbound_id: str
    text: str = ""
    template: str = ""
    language: str = ""
    variables: list[str] = field(default_factory=list)
    subject: str = ""
    message_id: str = ""
    in_reply_to: str = ""
    references: str = ""
    # Sent even to a customer who opted out (the confirmation of the opt-out itself).
    force: bool = False

    def to_payload(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> ChannelMessage:
        return cls(**payload)


def digits(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit())


Operation = LeadData | EmailData | MeetingData | EventData | SubjectKeys | ChannelMessage


@dataclass(frozen=True)
class DeliveryContext:
    """What an adapter may use to make its vendor call idempotent."""

    job_id: str
    idempotency_key: str
    attempt: int

    def stable_id(self, length: int = 32) -> str:
        """A hex id derived from the idempotency key: the same on every attempt."""
        return hashlib.sha256(("atende:" + self.idempotency_key).encode()).hexdigest()[:length]


@dataclass(frozen=True)
class NewJob:
    kind: Kind
    adapter: str
    idempotency_key: str
    payload: dict[str, Any]
    serial_key: str | None = None

    def request_hash(self) -> str:
        # The event time is set at acceptance, so a replay must not compare it.
        comparable = {k: v for k, v in self.payload.items() if k != "time_ms"}
        canonical = json.dumps([self.kind.value, comparable], sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True)
class Job:
    job_id: str
    kind: str
    status: JobStatus
    attempts: int
    vendor_id: str
    last_error: str
    idempotency_key: str
    adapter: str
    create_time: datetime
    update_time: datetime
    next_attempt_time: datetime | None
    payload: dict[str, Any] = field(default_factory=dict)


def decode_operation(kind: str, payload: dict[str, Any]) -> Operation:
    if kind == Kind.SYNC_LEAD:
        return LeadData.from_payload(payload)
    if kind == Kind.SEND_EMAIL:
        return EmailData.from_payload(payload)
    if kind == Kind.BOOK_MEETING:
        return MeetingData.from_payload(payload)
    if kind == Kind.TRACK_EVENT:
        return EventData.from_payload(payload)
    if kind in ERASE_KINDS:
        return SubjectKeys.from_payload(payload)
    if kind in CHANNEL_KINDS:
        return ChannelMessage.from_payload(payload)
    raise ValueError(f"unknown job kind {kind!r}")


class StepOutcome(StrEnum):
    """How one store came out of an erasure (atende.common.v1.ErasureOutcome)."""

    DONE = "done"
    PENDING = "pending"
    FAILED = "failed"
    NOT_CONFIGURED = "not_configured"


@dataclass(frozen=True)
class ErasureStep:
    """One line of an erasure's receipt, as integrations_svc reports it."""

    # "integrations_jobs", "local_adapter", "crm:<vendor>", "analytics:<vendor>",
    # or "crm" / "analytics" when no vendor is configured.
    store: str
    outcome: StepOutcome
    detail: str = ""
    # The job that carries a vendor deletion.
    job_id: str = ""
    # A pending vendor deletion: its next attempt.
    next_attempt_time: datetime | None = None

    def to_payload(self) -> dict[str, Any]:
        return {"store": self.store, "outcome": self.outcome.value, "detail": self.detail, "job_id": self.job_id}

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> ErasureStep:
        return cls(
            store=str(payload["store"]),
            outcome=StepOutcome(payload["outcome"]),
            detail=str(payload.get("detail", "")),
            job_id=str(payload.get("job_id", "")),
        )


@dataclass(frozen=True)
class SubjectRecord:
    """A row about a person, for an LGPD export."""

    store: str
    record_id: str
    data: dict[str, Any]
    create_time: datetime
    update_time: datetime | None = None
