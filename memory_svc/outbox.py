"""The outbox's records: a turn's side effects as rows the relay delivers to
integrations_svc, and the job states it follows. Plain dataclasses, like models.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

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
