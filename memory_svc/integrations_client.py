"""The relay's gRPC client of atende.integrations.v1.IntegrationsService: turns an
outbox row into the request integrations_svc expects, and gRPC status codes into
the relay's three outcomes (accepted, rejected for good, try again)."""

from __future__ import annotations

import json
from datetime import UTC
from typing import Any

import grpc
from atende.common.v1 import types_pb2
from atende.integrations.v1 import integrations_service_pb2 as ipb
from atende.integrations.v1 import integrations_service_pb2_grpc as ipb_grpc
from google.protobuf.message import DecodeError

from atende_runtime.channels import open_channel
from atende_runtime.errors import Unavailable
from memory_svc.erasure import STEP_DONE, STEP_FAILED, STEP_NOT_CONFIGURED, STEP_PENDING, ErasureStep
from memory_svc.outbox import ACTION_BOOK_MEETING, ACTION_SEND_EMAIL, ACTION_SYNC_LEAD, ACTION_TRACK_EVENT, JobState, OutboxAction
from memory_svc.relay import JOB_DEAD, JOB_DELIVERED, JOB_QUEUED, JobMissing, Rejected, Unreachable

# The relay has its own retries with backoff; the channel's would only delay its
# verdict. round_robin spreads calls over every integrations_svc replica the name
# resolves to.
_SERVICE_CONFIG = json.dumps({"loadBalancingConfig": [{"round_robin": {}}]})
_OPTIONS = [
    ("grpc.service_config", _SERVICE_CONFIG),
    ("grpc.enable_retries", 0),
    ("grpc.keepalive_time_ms", 300_000),
    ("grpc.keepalive_timeout_ms", 20_000),
    # After a long outage gRPC would wait up to 2 minutes between reconnection
    # attempts; the relay's own backoff already spaces its calls.
    ("grpc.initial_reconnect_backoff_ms", 500),
    ("grpc.max_reconnect_backoff_ms", 5_000),
]
# Refusals that will not change by asking again.
_FINAL = frozenset({grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.FAILED_PRECONDITION})
_JOB_STATES = {
    ipb.JOB_STATUS_QUEUED: JOB_QUEUED,
    ipb.JOB_STATUS_DELIVERED: JOB_DELIVERED,
    ipb.JOB_STATUS_DEAD: JOB_DEAD,
}
_OUTCOMES = {
    types_pb2.ERASURE_OUTCOME_DONE: STEP_DONE,
    types_pb2.ERASURE_OUTCOME_PENDING: STEP_PENDING,
    types_pb2.ERASURE_OUTCOME_FAILED: STEP_FAILED,
    types_pb2.ERASURE_OUTCOME_NOT_CONFIGURED: STEP_NOT_CONFIGURED,
}


class GrpcIntegrations:
    """IntegrationsPort over gRPC. The channel is made on first use, inside the
    running event loop, and kept."""

    def __init__(self, address: str, *, timeout_seconds: float) -> None:
        self.address = address
        self.timeout = timeout_seconds
        self._channel: grpc.aio.Channel | None = None
        self._stub: Any = None

    def _client(self) -> Any:
        if self._stub is None:
            # mTLS when configured (ATENDE_TLS_*), following a renewed certificate.
            self._channel = open_channel(self.address, self.timeout, options=_OPTIONS)
            self._stub = ipb_grpc.IntegrationsServiceStub(self._channel)
        return self._stub

    async def close(self) -> None:
        if self._channel is not None:
            await self._channel.close(None)
            self._channel = self._stub = None

    async def submit(self, action: OutboxAction) -> str:
        stub = self._client()
        method, request = _request(stub, action)
        try:
            response = await method(request, timeout=self.timeout)
        except grpc.aio.AioRpcError as error:
            raise _outcome(error) from None
        return str(response.job.job_id)

    async def job(self, job_id: str) -> JobState:
        try:
            response = await self._client().GetJob(ipb.GetJobRequest(job_id=job_id), timeout=self.timeout)
        except grpc.aio.AioRpcError as error:
            if error.code() == grpc.StatusCode.NOT_FOUND:
                raise JobMissing(error.details() or "not found") from None
            # Any other answer about a job that was accepted is not a verdict on it.
            raise Unreachable(_describe(error)) from None
        job = response.job
        return JobState(
            status=_JOB_STATES.get(job.status, JOB_QUEUED),
            vendor_id=job.vendor_id,
            last_error=job.last_error,
            next_attempt_time=job.next_attempt_time.ToDatetime(tzinfo=UTC) if job.HasField("next_attempt_time") else None,
        )


    async def erase_subject(self, action: OutboxAction) -> list[ErasureStep]:
        """Sends the erasure (the same request every time: EraseSubject is idempotent
        by erasure_id) and returns integrations_svc's steps as they stand."""
        subject = action.subject or {}
        request = ipb.EraseSubjectRequest(
            erasure_id=action.erasure_id,
            user_id=action.user_id,
            emails=[str(e) for e in subject.get("emails", [])],
            phones=[str(p) for p in subject.get("phones", [])],
        )
        try:
            response = await self._client().EraseSubject(request, timeout=self.timeout)
        except grpc.aio.AioRpcError as error:
            raise _outcome(error) from None
        return [
            ErasureStep(
                store=step.store,
                outcome=_OUTCOMES.get(step.outcome, STEP_PENDING),
                detail=step.detail,
                job_id=step.job_id,
                next_attempt_time=(
                    step.next_attempt_time.ToDatetime(tzinfo=UTC) if step.HasField("next_attempt_time") else None
                ),
            )
            for step in response.steps
        ]

    async def export_subject(self, user_id: str, emails: list[str], phones: list[str]) -> list[bytes]:
        """The person's records in integrations_svc, serialized; UNAVAILABLE when it
        cannot answer, since an export without them would be incomplete."""
        request = ipb.ExportSubjectRequest(user_id=user_id, emails=emails, phones=phones)
        try:
            response = await self._client().ExportSubject(request, timeout=self.timeout)
        except grpc.aio.AioRpcError as error:
            raise Unavailable(f"integrations_svc did not answer the export ({_describe(error)}); try again") from None
        return [record.SerializeToString() for record in response.records]


def _describe(error: grpc.aio.AioRpcError) -> str:
    return f"{error.code().name}: {error.details() or ''}".strip()


def _outcome(error: grpc.aio.AioRpcError) -> Exception:
    if error.code() in _FINAL:
        return Rejected(_describe(error))
    return Unreachable(_describe(error))


def _request(stub: Any, row: OutboxAction) -> tuple[Any, Any]:
    """The call and request for an outbox row, built from what was committed only
    (the payload and the lead snapshot), so every attempt sends the same request."""
    try:
        action = types_pb2.AgentAction.FromString(row.payload)
    except DecodeError:
        raise Rejected("the stored action cannot be decoded") from None
    kind = action.WhichOneof("action")
    if kind != row.kind:
        raise Rejected(f"the stored action is {kind!r}, the row says {row.kind!r}")
    key = row.idempotency_key
    if kind == ACTION_SYNC_LEAD:
        if row.lead is None:
            raise Rejected("the sync_lead action has no lead snapshot")
        return stub.SyncLead, ipb.SyncLeadRequest(lead=_lead(row.lead), idempotency_key=key)
    if kind == ACTION_SEND_EMAIL:
        e = action.send_email
        return stub.SendEmail, ipb.SendEmailRequest(
            to=e.to, template=e.template, language=e.language, variables=dict(e.variables), idempotency_key=key
        )
    if kind == ACTION_BOOK_MEETING:
        m = action.book_meeting
        return stub.BookMeeting, ipb.BookMeetingRequest(
            attendee_email=m.attendee_email,
            attendee_name=m.attendee_name,
            start_time=m.start_time,
            duration_minutes=m.duration_minutes,
            title=m.title,
            idempotency_key=key,
        )
    if kind == ACTION_TRACK_EVENT:
        t = action.track_event
        return stub.TrackEvent, ipb.TrackEventRequest(
            event=t.event, distinct_id=row.user_id, properties=dict(t.properties), idempotency_key=key
        )
    raise Rejected(f"{kind!r} is not an action integrations_svc delivers")


def _lead(snapshot: dict[str, Any]) -> types_pb2.Lead:
    def text(name: str) -> str:
        return str(snapshot.get(name) or "")

    return types_pb2.Lead(
        lead_id=text("lead_id"),
        user_id=text("user_id"),
        name=text("name"),
        email=text("email"),
        phone=text("phone"),
        company=text("company"),
        score=int(snapshot.get("score") or 0),
        qualification=types_pb2.BantQualification(
            budget=text("budget"), authority=text("authority"), need=text("need"), timeline=text("timeline")
        ),
        source=text("source"),
        conversation_id=text("conversation_id"),
    )
