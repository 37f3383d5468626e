"""The service's use cases, free of grpc: validate, choose the adapter, accept into the
outbox, and read or retry jobs."""

from __future__ import annotations

import base64
import json
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from atende_runtime.errors import FailedPrecondition, InvalidArgument, NotFound
from integrations_svc.domain import EmailData, EventData, Job, JobStatus, Kind, LeadData, MeetingData, NewJob
from integrations_svc.store import Cursor, JobStore, KeyReused, NotRetryable
from integrations_svc.templates import MissingVariables, TemplateStore, UnknownTemplate
from integrations_svc.validation import (
    validate_email_request,
    validate_event,
    validate_lead,
    validate_meeting,
)

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class IntegrationsService:
    def __init__(
        self,
        store: JobStore,
        selected: dict[Kind, str],
        templates: TemplateStore,
        *,
        default_language: str = "pt",
        max_attempts: int = 10,
        on_accepted: Callable[[], None] = lambda: None,
        calendar_key: str = "",
    ) -> None:
        self.store = store
        self.selected = selected
        self.templates = templates
        self.default_language = default_language
        self.max_attempts = max_attempts
        self.on_accepted = on_accepted
        self.calendar_key = calendar_key

    async def _accept(self, kind: Kind, key: str, payload: dict[str, object], serial_key: str | None) -> Job:
        new = NewJob(kind=kind, adapter=self.selected[kind], idempotency_key=key, payload=payload, serial_key=serial_key)
        try:
            job, created = await self.store.enqueue(new)
        except KeyReused as reused:
            raise FailedPrecondition(str(reused)) from None
        if created:
            self.on_accepted()
        return job

    async def sync_lead(self, lead: LeadData | None, idempotency_key: str) -> Job:
        valid = validate_lead(lead, idempotency_key)
        adapter = self.selected[Kind.SYNC_LEAD]
        return await self._accept(
            Kind.SYNC_LEAD, idempotency_key, valid.to_payload(), f"crm:{adapter}:{valid.match_key()}"
        )

    async def send_email(
        self, to: str, template: str, language: str, variables: dict[str, str], idempotency_key: str
    ) -> Job:
        to, template, language = validate_email_request(
            to,
            template,
            language,
            variables,
            idempotency_key,
            known_templates=self.templates.names(),
            default_language=self.default_language,
        )
        try:
            rendered = self.templates.render(template, language, variables)
        except UnknownTemplate:
            raise InvalidArgument.single("language", f"template {template!r} has no {language!r} version") from None
        except MissingVariables as missing:
            raise InvalidArgument.single(
                "variables", f"template {template!r} needs: {', '.join(missing.names)}"
            ) from None
        email = EmailData(
            to=to,
            template=template,
            language=language,
            subject=rendered.subject,
            text=rendered.text,
            html=rendered.html,
            variables=dict(variables),
        )
        return await self._accept(Kind.SEND_EMAIL, idempotency_key, email.to_payload(), None)

    async def book_meeting(self, meeting: MeetingData, has_start: bool, idempotency_key: str) -> Job:
        valid = validate_meeting(meeting, has_start, idempotency_key, datetime.now(UTC))
        adapter = self.selected[Kind.BOOK_MEETING]
        return await self._accept(
            Kind.BOOK_MEETING, idempotency_key, valid.to_payload(), f"calendar:{adapter}:{self.calendar_key}"
        )

    async def track_event(self, event: str, distinct_id: str, properties: dict[str, str], idempotency_key: str) -> Job:
        data = validate_event(
            EventData(event=event, distinct_id=distinct_id, properties=dict(properties), time_ms=int(time.time() * 1000)),
            idempotency_key,
        )
        return await self._accept(Kind.TRACK_EVENT, idempotency_key, data.to_payload(), None)

    async def get_job(self, job_id: str) -> Job:
        job = await self.store.get(_job_id(job_id))
        if job is None:
            raise NotFound(f"job {job_id} does not exist")
        return job

    async def list_jobs(self, status: JobStatus | None, page_size: int, page_token: str) -> tuple[list[Job], str]:
        if page_size < 0:
            raise InvalidArgument.single("page_size", "must not be negative")
        size = min(page_size or DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
        after = None
        if page_token:
            try:
                after = decode_cursor(page_token)
            except (ValueError, TypeError, KeyError):
                raise InvalidArgument.single("page_token", "is not a token from a previous ListJobs") from None
        jobs = await self.store.list(status, size + 1, after)
        next_token = encode_cursor(jobs[size - 1]) if len(jobs) > size else ""
        return jobs[:size], next_token

    async def retry_job(self, job_id: str) -> Job:
        try:
            job = await self.store.retry(_job_id(job_id), self.max_attempts)
        except NotRetryable as delivered:
            raise FailedPrecondition(f"job {job_id}: {delivered}") from None
        if job is None:
            raise NotFound(f"job {job_id} does not exist")
        self.on_accepted()
        return job


def _job_id(job_id: str) -> str:
    if not job_id:
        raise InvalidArgument.single("job_id", "is required")
    try:
        return str(uuid.UUID(job_id))
    except ValueError:
        raise InvalidArgument.single("job_id", "is not a job id") from None


def encode_cursor(job: Job) -> str:
    raw = json.dumps([job.create_time.isoformat(), job.job_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str) -> Cursor:
    """Raises ValueError for a token this service did not make."""
    padded = token + "=" * (-len(token) % 4)
    value = json.loads(base64.urlsafe_b64decode(padded.encode()))
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
        raise ValueError("not a page token")
    create_time, job_id = value
    return Cursor(create_time=datetime.fromisoformat(create_time), job_id=str(uuid.UUID(job_id)))
