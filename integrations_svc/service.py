"""The service's use cases, free of grpc: validate, choose the adapter, accept into the
outbox, and read or retry jobs."""

from __future__ import annotations

import base64
import json
import time
import uuid
from collections.abc import Callable, Collection
from dataclasses import replace
from datetime import UTC, datetime

from atende_runtime.errors import FailedPrecondition, InvalidArgument, NotFound
from integrations_svc.domain import (
    EmailData,
    ErasureStep,
    EventData,
    Job,
    JobStatus,
    Kind,
    LeadData,
    MeetingData,
    NewJob,
    StepOutcome,
    SubjectKeys,
    SubjectRecord,
)
from integrations_svc.store import Cursor, JobStore, KeyReused, NotRetryable, Sweep
from integrations_svc.templates import MissingVariables, TemplateStore, UnknownTemplate
from integrations_svc.validation import (
    validate_email_request,
    validate_event,
    validate_lead,
    validate_meeting,
    validate_subject,
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
        routes: Collection[str] = (),
    ) -> None:
        self.store = store
        self.selected = selected
        self.templates = templates
        self.default_language = default_language
        self.max_attempts = max_attempts
        self.on_accepted = on_accepted
        self.calendar_key = calendar_key
        # Every "kind:adapter" this replica can deliver: a vendor deletion is queued
        # only for a vendor whose credentials are here.
        self.routes = frozenset(routes)

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


    # LGPD

    async def erase_subject(self, erasure_id: str, user_id: str, emails: list[str], phones: list[str]) -> list[ErasureStep]:
        keys = validate_subject(user_id, emails, phones, erasure_id)
        steps, erased = await self.store.erase_subject(erasure_id, keys, lambda sweep: self._plan(erasure_id, sweep))
        if erased and any(step.job_id for step in steps):
            self.on_accepted()
        return [await self._current(step) for step in steps]

    async def export_subject(self, user_id: str, emails: list[str], phones: list[str]) -> list[SubjectRecord]:
        return await self.store.export_subject(validate_subject(user_id, emails, phones))

    def _plan(self, erasure_id: str, sweep: Sweep) -> list[tuple[ErasureStep, NewJob | None]]:
        local = ", ".join(f"{count} {table.removeprefix('local_')}" for table, count in sweep.local_rows.items())
        steps: list[tuple[ErasureStep, NewJob | None]] = [
            (ErasureStep("integrations_jobs", StepOutcome.DONE,
                         f"{sweep.jobs} job(s) emptied of the person's data, {sweep.cancelled} of them cancelled"
                         " before delivery"), None),
            (ErasureStep("local_adapter", StepOutcome.DONE, f"rows deleted: {local}"), None),
        ]
        steps += self._vendor_steps(erasure_id, sweep, "crm", Kind.SYNC_LEAD, Kind.ERASE_CRM)
        steps += self._vendor_steps(erasure_id, sweep, "analytics", Kind.TRACK_EVENT, Kind.ERASE_ANALYTICS)
        return steps

    def _vendor_steps(
        self, erasure_id: str, sweep: Sweep, label: str, data_kind: Kind, erase_kind: Kind
    ) -> list[tuple[ErasureStep, NewJob | None]]:
        """One step per vendor of this kind that is configured or received the
        person's data; the local adapter's rows are already gone."""
        vendors = (sweep.vendors.get(data_kind.value, set()) | {self.selected[data_kind]}) - {"local"}
        if not vendors:
            return [(ErasureStep(label, StepOutcome.NOT_CONFIGURED,
                                 f"no {label} vendor is configured; the local adapter's rows are under local_adapter"),
                     None)]
        keys = sweep.keys if erase_kind == Kind.ERASE_CRM else SubjectKeys(sweep.keys.user_id)
        steps: list[tuple[ErasureStep, NewJob | None]] = []
        for vendor in sorted(vendors):
            store = f"{label}:{vendor}"
            if f"{erase_kind.value}:{vendor}" not in self.routes:
                steps.append((ErasureStep(store, StepOutcome.FAILED,
                                          f"{vendor} received this person's data, but its credentials are not"
                                          " configured here: delete the person there by hand"), None))
            elif erase_kind == Kind.ERASE_CRM and not keys.emails and not keys.phones:
                steps.append((ErasureStep(store, StepOutcome.DONE,
                                          "no e-mail or phone of this person is known: nothing to look up"), None))
            else:
                serial = f"crm:{vendor}:{keys.match_key()}" if erase_kind == Kind.ERASE_CRM else None
                job = NewJob(erase_kind, vendor, f"erase:{erasure_id}:{store}", keys.to_payload(), serial)
                steps.append((ErasureStep(store, StepOutcome.PENDING, f"queued for {vendor}"), job))
        return steps

    async def _current(self, step: ErasureStep) -> ErasureStep:
        """A vendor step with its job's state now."""
        if not step.job_id:
            return step
        job = await self.store.get(step.job_id)
        if job is None:  # only delivered jobs are purged
            return replace(step, outcome=StepOutcome.DONE, detail="delivered (the job has since been purged)")
        if job.status == JobStatus.DELIVERED:
            return replace(step, outcome=StepOutcome.DONE, detail=job.vendor_id)
        if job.status == JobStatus.DEAD:
            return replace(step, outcome=StepOutcome.FAILED, detail=job.last_error)
        detail = f"attempt {job.attempts} failed: {job.last_error}" if job.last_error else f"queued for {job.adapter}"
        return replace(step, outcome=StepOutcome.PENDING, detail=detail, next_attempt_time=job.next_attempt_time)


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
