"""What integrations_svc accepts of each action, checked here so that an action it
would refuse is refused with the turn, not discovered by the relay after the turn was
answered."""

from __future__ import annotations

import re
from collections.abc import Callable

from atende_runtime.errors import Validator
from memory_svc.fields import MAX_NAME, short_text
from memory_svc.outbox import (
    ACTION_ESCALATE,
    OUTBOX_KINDS,
    ActionDetail,
    ActionInput,
    BookMeetingData,
    SendEmailData,
    SyncLeadData,
    TrackEventData,
)

MAX_ACTIONS = 20
EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s]+\.[^@\s]+")
MAX_EMAIL = 254
LANGUAGE = re.compile(r"(?i:pt|en)(?:[-_][A-Za-z0-9]{2,8})?")
TEMPLATE_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
MAX_TEMPLATE_VARIABLES = 50
MAX_TEMPLATE_VALUE = 10_000
EVENT = re.compile(r"[a-z][a-z0-9_]{0,63}")
MAX_EVENT_PROPERTIES = 100
MAX_PROPERTY_NAME = 255
MAX_PROPERTY_VALUE = 1000
RESERVED_PROPERTIES = frozenset({"time", "distinct_id", "token"})
MAX_MEETING_MINUTES = 8 * 60
MAX_TITLE = 300


def actions(v: Validator, items: list[ActionInput]) -> None:
    if len(items) > MAX_ACTIONS:
        v.add("actions", f"has {len(items)} actions; the limit is {MAX_ACTIONS}")
        return
    for i, action in enumerate(items):
        _action(v, f"actions[{i}]", action)


def _action(v: Validator, name: str, action: ActionInput) -> None:
    if action.kind == ACTION_ESCALATE:
        v.add(name, "escalate travels as new_owner and handoff, not as an action")
        return
    check = _CHECKS.get(type(action.detail))
    if action.kind not in OUTBOX_KINDS or action.detail is None or check is None:
        v.add(name, "must set one kind of action: sync_lead, send_email, book_meeting or track_event")
        return
    check(v, f"{name}.{action.kind}", action.detail)


def _sync_lead(v: Validator, at: str, detail: ActionDetail) -> None:
    assert isinstance(detail, SyncLeadData)
    short_text(v, f"{at}.consent_source", detail.consent_source, MAX_NAME)


def _send_email(v: Validator, at: str, detail: ActionDetail) -> None:
    assert isinstance(detail, SendEmailData)
    _email(v, f"{at}.to", detail.to)
    short_text(v, f"{at}.template", detail.template, MAX_NAME, required=True)
    if detail.language and not LANGUAGE.fullmatch(detail.language):
        v.add(f"{at}.language", 'must be "pt" or "en" (or empty: the turn\'s language)')
    if len(detail.variables) > MAX_TEMPLATE_VARIABLES:
        v.add(f"{at}.variables", f"has {len(detail.variables)} entries; the limit is {MAX_TEMPLATE_VARIABLES}")
        return
    for key, value in detail.variables.items():
        if not TEMPLATE_VARIABLE.fullmatch(key):
            v.add(f"{at}.variables", f"{key[:64]!r} is not a placeholder name")
        short_text(v, f"{at}.variables[{key[:64]!r}]", value, MAX_TEMPLATE_VALUE)


def _book_meeting(v: Validator, at: str, detail: ActionDetail) -> None:
    assert isinstance(detail, BookMeetingData)
    _email(v, f"{at}.attendee_email", detail.attendee_email)
    if detail.start_time is None:
        v.add(f"{at}.start_time", "is required")
    if not 0 <= detail.duration_minutes <= MAX_MEETING_MINUTES:
        v.add(f"{at}.duration_minutes", f"must be between 0 (30 minutes) and {MAX_MEETING_MINUTES}")
    short_text(v, f"{at}.attendee_name", detail.attendee_name, MAX_NAME)
    short_text(v, f"{at}.title", detail.title, MAX_TITLE)
    short_text(v, f"{at}.requested_time", detail.requested_time, MAX_NAME)


def _track_event(v: Validator, at: str, detail: ActionDetail) -> None:
    assert isinstance(detail, TrackEventData)
    if not detail.event:
        v.add(f"{at}.event", "is required")
    elif not EVENT.fullmatch(detail.event):
        v.add(f"{at}.event", "must be snake_case: a lowercase letter, then letters, digits or _, at most 64")
    if len(detail.properties) > MAX_EVENT_PROPERTIES:
        v.add(f"{at}.properties", f"has {len(detail.properties)} entries; the limit is {MAX_EVENT_PROPERTIES}")
        return
    for key, value in detail.properties.items():
        if not key or len(key) > MAX_PROPERTY_NAME or key.startswith("$") or key in RESERVED_PROPERTIES:
            v.add(f"{at}.properties", f"{key[:64]!r} is not an allowed property name")
        short_text(v, f"{at}.properties[{key[:64]!r}]", value, MAX_PROPERTY_VALUE)


def _email(v: Validator, name: str, value: str) -> None:
    if not value.strip():
        v.add(name, "is required")
    elif len(value) > MAX_EMAIL or not EMAIL.fullmatch(value.strip()):
        v.add(name, "is not an e-mail address")


_CHECKS: dict[type, Callable[[Validator, str, ActionDetail], None]] = {
    SyncLeadData: _sync_lead,
    SendEmailData: _send_email,
    BookMeetingData: _book_meeting,
    TrackEventData: _track_event,
}
