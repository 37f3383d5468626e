"""atende.integrations.v1.IntegrationsService over gRPC: protobuf in, domain calls, protobuf out."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import grpc
from google.protobuf import struct_pb2, timestamp_pb2

from atende_runtime.decoding import datetime_from
from atende_runtime.errors import InvalidArgument
from integrations_svc.domain import ErasureStep, Job, JobStatus, LeadData, MeetingData, StepOutcome, SubjectRecord
from integrations_svc.proto import pb, types_pb
from integrations_svc.service import IntegrationsService

Context = grpc.aio.ServicerContext[Any, Any]

_STATUS_TO_PB = {
    JobStatus.QUEUED: pb.JOB_STATUS_QUEUED,
    JobStatus.DELIVERED: pb.JOB_STATUS_DELIVERED,
    JobStatus.DEAD: pb.JOB_STATUS_DEAD,
}
_STATUS_FROM_PB = {value: key for key, value in _STATUS_TO_PB.items()}
_OUTCOME_TO_PB = {
    StepOutcome.DONE: types_pb.ERASURE_OUTCOME_DONE,
    StepOutcome.PENDING: types_pb.ERASURE_OUTCOME_PENDING,
    StepOutcome.FAILED: types_pb.ERASURE_OUTCOME_FAILED,
    StepOutcome.NOT_CONFIGURED: types_pb.ERASURE_OUTCOME_NOT_CONFIGURED,
}


def _timestamp(value: datetime | None) -> timestamp_pb2.Timestamp | None:
    if value is None:
        return None
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(value.astimezone(UTC))
    return stamp


def job_to_pb(job: Job) -> Any:
    return pb.Job(
        job_id=job.job_id,
        kind=job.kind,
        status=_STATUS_TO_PB[job.status],
        attempts=job.attempts,
        vendor_id=job.vendor_id,
        last_error=job.last_error,
        idempotency_key=job.idempotency_key,
        adapter=job.adapter,
        create_time=_timestamp(job.create_time),
        update_time=_timestamp(job.update_time),
        next_attempt_time=_timestamp(job.next_attempt_time),
    )


def step_to_pb(step: ErasureStep) -> Any:
    return types_pb.ErasureStep(
        store=step.store,
        outcome=_OUTCOME_TO_PB[step.outcome],
        detail=step.detail,
        job_id=step.job_id,
        next_attempt_time=_timestamp(step.next_attempt_time),
    )


def record_to_pb(record: SubjectRecord) -> Any:
    data = struct_pb2.Struct()
    data.update(record.data)
    return types_pb.SubjectRecord(
        store=record.store,
        record_id=record.record_id,
        data=data,
        create_time=_timestamp(record.create_time),
        update_time=_timestamp(record.update_time),
    )


def lead_from_pb(lead: Any) -> LeadData:
    q = lead.qualification
    return LeadData(
        email=lead.email,
        phone=lead.phone,
        name=lead.name,
        company=lead.company,
        score=lead.score,
        budget=q.budget,
        authority=q.authority,
        need=q.need,
        timeline=q.timeline,
        source=lead.source,
        user_id=lead.user_id,
        lead_id=lead.lead_id,
        conversation_id=lead.conversation_id,
    )


class IntegrationsServicer:
    """Implements every RPC of atende.integrations.v1.IntegrationsService."""

    def __init__(self, service: IntegrationsService) -> None:
        self.service = service

    async def SyncLead(self, request: Any, context: Context) -> Any:
        lead = lead_from_pb(request.lead) if request.HasField("lead") else None
        job = await self.service.sync_lead(lead, request.idempotency_key)
        return pb.SyncLeadResponse(job=job_to_pb(job))

    async def SendEmail(self, request: Any, context: Context) -> Any:
        job = await self.service.send_email(
            request.to, request.template, request.language, dict(request.variables), request.idempotency_key
        )
        return pb.SendEmailResponse(job=job_to_pb(job))

    async def BookMeeting(self, request: Any, context: Context) -> Any:
        has_start = request.HasField("start_time") and (request.start_time.seconds or request.start_time.nanos) != 0
        start = datetime_from(request.start_time, "start_time") if has_start else datetime.now(UTC)
        meeting = MeetingData(
            attendee_email=request.attendee_email,
            attendee_name=request.attendee_name,
            start=start,
            duration_minutes=request.duration_minutes,
            title=request.title,
        )
        job = await self.service.book_meeting(meeting, bool(has_start), request.idempotency_key)
        return pb.BookMeetingResponse(job=job_to_pb(job))

    async def TrackEvent(self, request: Any, context: Context) -> Any:
        job = await self.service.track_event(
            request.event, request.distinct_id, dict(request.properties), request.idempotency_key
        )
        return pb.TrackEventResponse(job=job_to_pb(job))

    async def GetJob(self, request: Any, context: Context) -> Any:
        return pb.GetJobResponse(job=job_to_pb(await self.service.get_job(request.job_id)))

    async def ListJobs(self, request: Any, context: Context) -> Any:
        if request.status and request.status not in _STATUS_FROM_PB:
            raise InvalidArgument.single("status", "is not a known job status")
        status = _STATUS_FROM_PB.get(request.status)
        jobs, token = await self.service.list_jobs(status, request.page_size, request.page_token)
        return pb.ListJobsResponse(jobs=[job_to_pb(job) for job in jobs], next_page_token=token)

    async def RetryJob(self, request: Any, context: Context) -> Any:
        return pb.RetryJobResponse(job=job_to_pb(await self.service.retry_job(request.job_id)))

    async def EraseSubject(self, request: Any, context: Context) -> Any:
        steps = await self.service.erase_subject(
            request.erasure_id, request.user_id, list(request.emails), list(request.phones)
        )
        return pb.EraseSubjectResponse(steps=[step_to_pb(step) for step in steps])

    async def ExportSubject(self, request: Any, context: Context) -> Any:
        records = await self.service.export_subject(request.user_id, list(request.emails), list(request.phones))
        return pb.ExportSubjectResponse(records=[record_to_pb(record) for record in records])
