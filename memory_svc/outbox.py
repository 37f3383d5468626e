"""The outbox's records: the actions a turn hands in, the rows the relay delivers to
integrations_svc, and the job states it follows. Plain dataclasses, like models.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# The kinds of action the outbox delivers; escalate never reaches it.
ACTION_SYNC_LEAD = "sync_lead"
ACTION_SEND_EMAIL = "send_email"
ACTION_BOOK_MEETING = "book_meeting"
ACTION_TRACK_EVENT = "track_event"
ACTION_ESCALATE = "escalate"
# The kinds a turn may hand in.
OUTBOX_KINDS = frozenset({ACTION_SYNC_LEAD, ACTION_SEND_EMAIL, ACTION_BOOK_MEETING, ACTION_TRACK_EVENT})
# An LGPD erasure's share for integrations_svc and Redis, committed with the erasure
# (never by a turn).
ACTION_ERASE_SUBJECT = "erase_subject"


@dataclass(slots=True)
class SyncLeadData:
    consent_source: str = ""


@dataclass(slots=True)
class SendEmailData:
    to: str = ""
    template: str = ""
    language: str = ""
    variables: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class BookMeetingData:
    attendee_email: str = ""
    attendee_name: str = ""
    # None: not given.
    start_time: datetime | None = None
    duration_minutes: int = 0
    title: str = ""
    requested_time: str = ""


@dataclass(slots=True)
class TrackEventData:
    event: str = ""
    properties: dict[str, str] = field(default_factory=dict)


ActionDetail = SyncLeadData | SendEmailData | BookMeetingData | TrackEventData


@dataclass(slots=True)
class ActionInput:
    """One side effect of a turn, for the outbox."""

    # One of OUTBOX_KINDS, ACTION_ESCALATE (refused), or "" when no kind was set.
    kind: str
    # The serialized atende.common.v1.AgentAction, stored as given and delivered
    # from these bytes.
    payload: bytes
    # The typed fields, for validation; None for escalate or no kind.
    detail: ActionDetail | None = None


# Where an outbox row stands.
ACTION_PENDING = "pending"
ACTION_ACCEPTED = "accepted"
ACTION_DONE = "done"
ACTION_FAILED = "failed"
ACTION_CANCELLED = "cancelled"


@dataclass(slots=True)
class OutboxAction:
    """An outbox row claimed by a relay."""

    action_id: str
    idempotency_key: str
    kind: str
    user_id: str
    conversation_id: str
    # The serialized atende.common.v1.AgentAction.
    payload: bytes
    # sync_lead: the lead as the turn committed it (LEAD_SNAPSHOT_FIELDS).
    lead: dict[str, Any] | None
    # pending (to submit) or accepted (a sync_lead to follow).
    status: str
    attempts: int
    job_id: str
    # The claim: outcomes are written only while it still holds the row.
    lease_token: str
    # erase_subject: the erasure, the person's e-mails and phones for
    # integrations_svc ({"emails": [...], "phones": [...]}), and the Redis keys
    # still to delete.
    erasure_id: str = ""
    subject: dict[str, Any] | None = None
    cache_keys: list[str] = field(default_factory=list)
    # The traceparent of the turn that committed it ("" if not traced): the relay links to it.
    trace_parent: str = ""


# What a lead snapshot keeps: what the CRM receives, nothing that changes with
# every write (times, version), so each attempt sends the identical request.
LEAD_SNAPSHOT_FIELDS = (
    "lead_id", "user_id", "name", "email", "phone", "company", "score",
    "budget", "authority", "need", "timeline", "source", "conversation_id",
)


@dataclass(slots=True)
class JobState:
    """integrations_svc's job as the relay follows it."""

    # "queued", "delivered" or "dead".
    status: str
    vendor_id: str = ""
    last_error: str = ""
    # A queued job: when integrations_svc tries it next (None: not said).
    next_attempt_time: datetime | None = None
