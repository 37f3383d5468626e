"""Checks every request before it is accepted; each problem becomes a field violation
(INVALID_ARGUMENT with google.rpc.BadRequest at the gRPC layer)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from atende_runtime.errors import Validator
from integrations_svc.domain import EventData, LeadData, MeetingData, SubjectKeys

IDEMPOTENCY_KEY_MAX = 200
SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 4000
EMAIL_MAX = 254
TITLE_MAX = 300
VARIABLES_MAX = 50
VARIABLE_NAME_MAX = 64
VARIABLE_VALUE_MAX = 10_000
PROPERTIES_MAX = 100
PROPERTY_NAME_MAX = 255
PROPERTY_VALUE_MAX = 1000
MEETING_MAX_MINUTES = 8 * 60
MEETING_DEFAULT_MINUTES = 30
# A meeting may start a little in the past (clock skew, a slow queue), not more.
MEETING_PAST_TOLERANCE = timedelta(minutes=5)

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@" + _LABEL + r"(?:\." + _LABEL + r")+$")
_PHONE = re.compile(r"^\+?[0-9 ().-]+$")
_EVENT = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

def is_email(value: str) -> bool:
    return len(value) <= EMAIL_MAX and _EMAIL.match(value) is not None and ".." not in value


def _text(v: Validator, name: str, value: str, limit: int) -> None:
    v.clean_text(name, value)
    v.max_length(name, value, limit)


def _email(v: Validator, name: str, value: str, *, required: bool) -> None:
    if not value:
        if required:
            v.add(name, "is required")
        return
    if len(value) > EMAIL_MAX:
        v.max_length(name, value, EMAIL_MAX)
    elif not is_email(value):
        v.add(name, "is not a valid e-mail address")


def check_idempotency_key(v: Validator, key: str) -> None:
    v.require("idempotency_key", key)
    _text(v, "idempotency_key", key, IDEMPOTENCY_KEY_MAX)


def validate_lead(lead: LeadData | None, idempotency_key: str) -> LeadData:
    v = Validator()
    check_idempotency_key(v, idempotency_key)
    if lead is None:
        v.add("lead", "is required")
        v.check()
        raise AssertionError("unreachable")
    lead = replace(lead, email=lead.email.strip().lower(), phone=lead.phone.strip(), name=" ".join(lead.name.split()))
    if not lead.email and not lead.phone:
        v.add("lead.email", "an e-mail or a phone is required")
    _email(v, "lead.email", lead.email, required=False)
    if lead.phone:
        digits = sum(ch.isdigit() for ch in lead.phone)
        if len(lead.phone) > 32 or not _PHONE.match(lead.phone) or not 7 <= digits <= 15:
            v.add("lead.phone", "is not a valid phone number (7 to 15 digits, optional +, spaces, dashes)")
    for name, value in (
        ("lead.name", lead.name),
        ("lead.company", lead.company),
        ("lead.user_id", lead.user_id),
        ("lead.lead_id", lead.lead_id),
        ("lead.conversation_id", lead.conversation_id),
        ("lead.source", lead.source),
    ):
        _text(v, name, value, SHORT_TEXT_MAX)
    for name, value in (
        ("lead.qualification.budget", lead.budget),
        ("lead.qualification.authority", lead.authority),
        ("lead.qualification.need", lead.need),
        ("lead.qualification.timeline", lead.timeline),
    ):
        _text(v, name, value, LONG_TEXT_MAX)
    if not 0 <= lead.score <= 100:
        v.add("lead.score", "must be between 0 and 100")
    v.check()
    return lead


def validate_email_request(
    to: str,
    template: str,
    language: str,
    variables: dict[str, str],
    idempotency_key: str,
    *,
    known_templates: set[str],
    default_language: str,
) -> tuple[str, str, str]:
    """Returns the normalized (to, template, language)."""
    v = Validator()
    check_idempotency_key(v, idempotency_key)
    to = to.strip()
    _email(v, "to", to, required=True)
    v.require("template", template)
    if template and template not in known_templates:
        v.add("template", f"unknown template; known: {', '.join(sorted(known_templates))}")
    language = (language.strip().lower() or default_language).split("-")[0].split("_")[0]
    if language not in ("pt", "en"):
        v.add("language", 'must be "pt" or "en"')
    if len(variables) > VARIABLES_MAX:
        v.add("variables", f"has {len(variables)} entries; the limit is {VARIABLES_MAX}")
    for key, value in variables.items():
        if len(key) > VARIABLE_NAME_MAX or not _VARIABLE.match(key):
            v.add(f"variables[{key[:VARIABLE_NAME_MAX]}]", "is not a valid placeholder name")
        _text(v, f"variables[{key[:VARIABLE_NAME_MAX]}]", value, VARIABLE_VALUE_MAX)
    v.check()
    return to, template, language


def validate_meeting(meeting: MeetingData, has_start: bool, idempotency_key: str, now: datetime) -> MeetingData:
    v = Validator()
    check_idempotency_key(v, idempotency_key)
    email = meeting.attendee_email.strip()
    _email(v, "attendee_email", email, required=True)
    _text(v, "attendee_name", meeting.attendee_name, SHORT_TEXT_MAX)
    _text(v, "title", meeting.title, TITLE_MAX)
    duration = meeting.duration_minutes or MEETING_DEFAULT_MINUTES
    if not 0 < duration <= MEETING_MAX_MINUTES:
        v.add("duration_minutes", f"must be between 1 and {MEETING_MAX_MINUTES}")
    if not has_start:
        v.add("start_time", "is required")
    elif meeting.start < now - MEETING_PAST_TOLERANCE:
        v.add("start_time", "is in the past")
    elif meeting.start > now + timedelta(days=366 * 2):
        v.add("start_time", "is more than two years ahead")
    v.check()
    return replace(
        meeting,
        attendee_email=email,
        duration_minutes=duration,
        title=meeting.title.strip() or "Meeting",
        start=meeting.start.astimezone(UTC),
    )


def validate_event(event: EventData, idempotency_key: str) -> EventData:
    v = Validator()
    check_idempotency_key(v, idempotency_key)
    v.require("event", event.event)
    if event.event and not _EVENT.match(event.event):
        v.add("event", "must be snake_case: a lowercase letter, then letters, digits or _, at most 64")
    _text(v, "distinct_id", event.distinct_id, PROPERTY_NAME_MAX)
    if len(event.properties) > PROPERTIES_MAX:
        v.add("properties", f"has {len(event.properties)} entries; the limit is {PROPERTIES_MAX}")
    for key, value in event.properties.items():
        name = f"properties[{key[:PROPERTY_NAME_MAX]}]"
        if not key or len(key) > PROPERTY_NAME_MAX or key.startswith("$") or key in ("time", "distinct_id", "token"):
            v.add(name, "is not an allowed property name")
        v.clean_text(name, key)
        _text(v, name, value, PROPERTY_VALUE_MAX)
    v.check()
    return event


SUBJECT_IDENTIFIERS_MAX = 20


def validate_subject(user_id: str, emails: list[str], phones: list[str], erasure_id: str | None = None) -> SubjectKeys:
    """An LGPD request: the person's id and identifiers, normalized (e-mails
    lowercased, duplicates and blanks dropped)."""
    v = Validator()
    if erasure_id is not None:
        v.require("erasure_id", erasure_id)
        _text(v, "erasure_id", erasure_id, IDEMPOTENCY_KEY_MAX)
    v.require("user_id", user_id)
    _text(v, "user_id", user_id, SHORT_TEXT_MAX)
    clean_emails: list[str] = []
    for index, email in enumerate(emails[:SUBJECT_IDENTIFIERS_MAX]):
        email = email.strip().lower()
        # Compared, not sent anywhere: an address this service would refuse to
        # deliver to may still name the person in a job.
        _text(v, f"emails[{index}]", email, EMAIL_MAX)
        if email and email not in clean_emails:
            clean_emails.append(email)
    clean_phones: list[str] = []
    for index, phone in enumerate(phones[:SUBJECT_IDENTIFIERS_MAX]):
        phone = phone.strip()
        _text(v, f"phones[{index}]", phone, 32)
        if phone and phone not in clean_phones:
            clean_phones.append(phone)
    for name, values in (("emails", emails), ("phones", phones)):
        if len(values) > SUBJECT_IDENTIFIERS_MAX:
            v.add(name, f"has {len(values)} entries; the limit is {SUBJECT_IDENTIFIERS_MAX}")
    v.check()
    return SubjectKeys(user_id=user_id, emails=tuple(clean_emails), phones=tuple(clean_phones))
