"""The audit trail memory_svc keeps (atende.memory.v1.AuditService): its own
privileged RPCs are recorded through the shared hook (atende_runtime.audit) straight
into PostgreSQL; other services send theirs in batches (RecordAuditEvents); admins
read it newest first (ListAuditEvents, GET /v1/audit/events)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import grpc
from atende.memory.v1 import audit_service_pb2 as audit_pb
from atende.memory.v1 import audit_service_pb2_grpc as audit_grpc

from atende_runtime.audit import LIMITS, AuditEvent, AuditRule, cleaned, event_pb
from atende_runtime.decoding import datetime_from
from atende_runtime.errors import InvalidArgument, PermissionDenied, Validator
from atende_runtime.identity import Caller, Role
from memory_svc.paging import PageTokens

Ctx = grpc.aio.ServicerContext[Any, Any]

# memory_svc's audited RPCs, by service, with the field that names the resource.
# Not audited: HandoffService.ListHandoffs (the queue a console polls; it changes
# nothing) and the MemoryService and LeadService.UpsertLead calls of router_svc,
# which are every turn's own work, not a person's privileged action.
AUDITED: Mapping[str, Mapping[str, AuditRule]] = {
    "HandoffService": {
        "ClaimConversation": AuditRule("conversation_id", lambda r: "force" if r.force else ""),
        "SendHumanMessage": AuditRule("conversation_id"),
        "ReturnConversation": AuditRule("conversation_id", lambda r: f"agent={r.agent}" if r.agent else ""),
    },
    "SubjectService": {
        "DeleteSubject": AuditRule("user_id"),
        "ExportSubject": AuditRule("user_id"),
        "GetErasure": AuditRule("user_id"),
    },
    # Leads hold personal data: who read them is worth knowing.
    "LeadService": {
        "GetLead": AuditRule("lead_id"),
        "ListLeads": AuditRule(),
    },
    "AuditService": {
        "ListAuditEvents": AuditRule(detail=lambda r: _filters_detail(r)),
    },
}

MAX_RECORD_EVENTS = 500
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
_FIRST = datetime(1, 1, 1, tzinfo=UTC)
_LAST = datetime(9999, 12, 31, tzinfo=UTC)
_LAST_ID = "ffffffff-ffff-ffff-ffff-ffffffffffff"


def _filters_detail(request: audit_pb.ListAuditEventsRequest) -> str:
    """Which filters an audit read used (their names, not their values)."""
    names = [name for name in ("actor", "action", "resource", "outcome") if getattr(request, name)]
    names += [name for name in ("since", "until") if request.HasField(name)]
    return "filters=" + ",".join(names) if names else ""


class AuditStore(Protocol):
    async def insert_audit_events(self, events: list[AuditEvent]) -> int:
        """Appends the events, skipping any whose event_id is stored; returns how many were new."""

    async def list_audit_events(self, filters: Mapping[str, Any], limit: int) -> list[AuditEvent]:
        """Newest first, by the named filters ('' means any) and the last position seen."""


@dataclass(frozen=True)
class AuditPage:
    events: list[AuditEvent]
    next_page_token: str


class AuditTrail:
    def __init__(self, store: AuditStore, tokens: PageTokens) -> None:
        self.store = store
        self.tokens = tokens

    async def record(self, events: list[AuditEvent]) -> int:
        return await self.store.insert_audit_events([cleaned(e) for e in events])

    async def list(self, request: audit_pb.ListAuditEventsRequest) -> AuditPage:
        check = Validator()
        if request.page_size < 0:
            check.add("page_size", "must not be negative")
        for name in ("actor", "action", "resource", "outcome"):
            check.max_length(name, getattr(request, name), LIMITS[name])
        since = _time(check, request, "since", _FIRST)
        until = _time(check, request, "until", _LAST)
        if until <= since:
            check.add("until", "must be after since")
        check.check()
        limit = min(request.page_size or DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
        filters: dict[str, Any] = {
            "actor": request.actor, "action": request.action, "resource": request.resource,
            "outcome": request.outcome, "since": since, "until": until,
        }
        scope = {**filters, "since": since.isoformat(), "until": until.isoformat()}
        position = self.tokens.decode("audit", request.page_token, scope)
        after_time, after_id = _LAST, _LAST_ID
        if position is not None:
            try:
                after_time, after_id = datetime.fromisoformat(position["t"]), str(uuid.UUID(position["id"]))
            except (KeyError, TypeError, ValueError):
                raise InvalidArgument.single("page_token", "is not a token this service issued") from None
        events = await self.store.list_audit_events({**filters, "after_time": after_time, "after_id": after_id},
                                                    limit + 1)
        token = ""
        if len(events) > limit:
            events = events[:limit]
            last = events[-1]
            token = self.tokens.encode("audit", scope, {"t": last.event_time.isoformat(), "id": last.event_id})
        return AuditPage(events, token)


def _time(check: Validator, message: Any, field: str, default: datetime, path: str = "") -> datetime:
    """The Timestamp `field` of `message` as a datetime, `default` when unset; one no
    datetime holds (nanos out of range, past year 9999) is a violation named `path`."""
    if not message.HasField(field):
        return default
    try:
        return datetime_from(getattr(message, field), path or field)
    except InvalidArgument as error:
        check.violations.extend(error.violations)
        return default


def _event_from_pb(event: audit_pb.AuditEvent) -> AuditEvent:
    return AuditEvent(
        event_id=str(uuid.UUID(event.event_id)),
        event_time=event.event_time.ToDatetime(tzinfo=UTC),
        actor=event.actor,
        actor_role=event.actor_role,
        client_address=event.client_address,
        action=event.action,
        resource=event.resource,
        outcome=event.outcome,
        detail=event.detail,
        request_id=event.request_id,
    )


def _check_events(events: Any) -> None:
    check = Validator()
    if not events:
        check.add("events", "is required")
    if len(events) > MAX_RECORD_EVENTS:
        check.add("events", f"holds {len(events)} events; the limit is {MAX_RECORD_EVENTS}")
    for i, event in enumerate(events[:MAX_RECORD_EVENTS]):
        try:
            uuid.UUID(event.event_id)
        except ValueError:
            check.add(f"events[{i}].event_id", "must be a UUID")
        if not event.HasField("event_time"):
            check.add(f"events[{i}].event_time", "is required")
        _time(check, event, "event_time", _FIRST, f"events[{i}].event_time")
        check.require(f"events[{i}].action", event.action)
        check.require(f"events[{i}].outcome", event.outcome)
    check.check()


class AuditServicer(audit_grpc.AuditServiceServicer):
    def __init__(self, trail: AuditTrail) -> None:
        self.trail = trail

    async def RecordAuditEvents(
        self, request: audit_pb.RecordAuditEventsRequest, context: Ctx
    ) -> audit_pb.RecordAuditEventsResponse:
        # Only the mesh's own services record events; the gateway never routes here,
        # and a caller with gateway identity headers is not one of them.
        if Caller.from_metadata(context.invocation_metadata()).role is not Role.INTERNAL:
            raise PermissionDenied("audit events are recorded by the services themselves")
        _check_events(request.events)
        recorded = await self.trail.record([_event_from_pb(e) for e in request.events])
        return audit_pb.RecordAuditEventsResponse(recorded_count=recorded)

    async def ListAuditEvents(
        self, request: audit_pb.ListAuditEventsRequest, context: Ctx
    ) -> audit_pb.ListAuditEventsResponse:
        page = await self.trail.list(request)
        return audit_pb.ListAuditEventsResponse(
            events=[event_pb(e) for e in page.events], next_page_token=page.next_page_token
        )

