"""LGPD erasures: the receipt's records, the stores it names, and the identifiers
by which other stores know a person. Plain dataclasses, like models.py."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from atende.common.v1 import types_pb2
from google.protobuf.message import DecodeError

if TYPE_CHECKING:
    from memory_svc.models import Lead, SubjectAction

# How one store came out of an erasure (atende.common.v1.ErasureOutcome).
STEP_DONE = "done"
STEP_PENDING = "pending"
STEP_FAILED = "failed"
STEP_NOT_CONFIGURED = "not_configured"


@dataclass(slots=True)
class ErasureStep:
    """One line of an erasure's receipt."""

    store: str
    outcome: str
    detail: str = ""
    # integrations_svc's job carrying a vendor deletion.
    job_id: str = ""
    # A pending vendor deletion: its next attempt.
    next_attempt_time: datetime | None = None
    update_time: datetime | None = None


@dataclass(slots=True)
class Erasure:
    """The receipt of one erasure, kept as proof of it."""

    erasure_id: str
    user_id: str
    create_time: datetime
    steps: list[ErasureStep] = field(default_factory=list)

    @property
    def state(self) -> str:
        """pending while a step is pending, else failed when one failed, else done."""
        outcomes = {step.outcome for step in self.steps}
        if STEP_PENDING in outcomes:
            return STEP_PENDING
        return STEP_FAILED if STEP_FAILED in outcomes else STEP_DONE

    @property
    def update_time(self) -> datetime:
        return max([self.create_time] + [s.update_time for s in self.steps if s.update_time is not None])


# The stores, in the receipt's order. memory_svc erases the first two itself; the
# others are integrations_svc's, reached through the outbox. "crm" and "analytics"
# stand for the vendors until integrations_svc names them ("crm:hubspot"...).
STORE_POSTGRES = "memory_postgres"
STORE_REDIS = "redis"
STORE_JOBS = "integrations_jobs"
STORE_LOCAL = "local_adapter"
STORE_CRM = "crm"
STORE_ANALYTICS = "analytics"
INTEGRATION_STORES = (STORE_JOBS, STORE_LOCAL, STORE_CRM, STORE_ANALYTICS)
_ORDER = (STORE_POSTGRES, STORE_REDIS, STORE_JOBS, STORE_LOCAL, STORE_CRM, STORE_ANALYTICS)


def step_order(store: str) -> tuple[int, str]:
    """Sort key of a step: by store family, then by vendor."""
    family = store.split(":", 1)[0]
    return (_ORDER.index(family) if family in _ORDER else len(_ORDER), store)


def identifiers(leads: Iterable[Lead], actions: Iterable[SubjectAction]) -> tuple[list[str], list[str]]:
    """The e-mails (lowercased) and phones by which integrations_svc and the vendors
    know the person: their lead's, the lead snapshots the CRM got, and the
    addresses their e-mails and meetings went to."""
    emails: list[str] = []
    phones: list[str] = []

    def add(email: str = "", phone: str = "") -> None:
        email, phone = email.strip().lower(), phone.strip()
        if email and email not in emails:
            emails.append(email)
        if phone and phone not in phones:
            phones.append(phone)

    for lead in leads:
        add(lead.email, lead.phone)
    for action in actions:
        if action.lead:
            add(str(action.lead.get("email") or ""), str(action.lead.get("phone") or ""))
        try:
            decoded = types_pb2.AgentAction.FromString(action.payload)
        except DecodeError:
            continue
        kind = decoded.WhichOneof("action")
        if kind == "send_email":
            add(decoded.send_email.to)
        elif kind == "book_meeting":
            add(decoded.book_meeting.attendee_email)
    return emails, phones
