"""The audit trail's recording side, shared by every service with privileged RPCs.

A service declares which of its methods are audited and which request field names
the resource (`AuditRule`), and passes them with an `Auditor` to
atende_runtime.service.register. Each call of such a method then leaves one
`AuditEvent`: who (the gateway's identity headers, or "internal" for a peer inside
the mesh), what (the RPC's full name), on which resource, when, from where, and the
outcome (the gRPC status the call ended with, whatever raised it).

Recording never makes a request wait and never fails it: the event goes to an
`AuditQueue`, which writes batches in the background. memory_svc, which keeps the
trail (atende.memory.v1.AuditService), delivers straight to its PostgreSQL table;
services without a database of their own send batches to memory_svc over gRPC
(`MemoryAuditDelivery`). While the destination is away the queue holds events and
retries; past its capacity it drops new events with a warning. So the trail is best
effort for those services: an event can be lost when the queue overflows or the
process dies before a batch is sent (a few milliseconds' worth, normally).

Tools that act outside any RPC (key management, say) record their own actions with
`operator_event` and `record_now`, which waits until memory_svc stored them."""

from __future__ import annotations

import asyncio
import collections
import getpass
import logging
import socket
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import grpc
from atende.memory.v1 import audit_service_pb2 as audit_pb
from atende.memory.v1 import audit_service_pb2_grpc as audit_grpc
from google.protobuf import timestamp_pb2

from atende_runtime.channels import open_channel
from atende_runtime.errors import PermissionDenied
from atende_runtime.identity import Caller
from atende_runtime.logs import request_id_var

log = logging.getLogger("atende.audit")

# Bounds of each stored field (longer values are clipped, never refused: a 30 KB path
# id that was refused as too long is still an event worth keeping, by its prefix).
LIMITS = {
    "actor": 256,
    "actor_role": 16,
    "client_address": 128,
    "action": 200,
    "resource": 256,
    "outcome": 32,
    "detail": 500,
    "request_id": 128,
}
ROLES = ("customer", "agent", "admin", "internal", "unknown")


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """One privileged action. Ids only: never message text or personal data."""

    event_id: str
    event_time: datetime
    actor: str
    actor_role: str
    client_address: str
    action: str
    resource: str
    outcome: str
    detail: str = ""
    request_id: str = ""


def clean(value: str, limit: int) -> str:
    """A value PostgreSQL's text stores (no NUL, valid UTF-8), clipped to `limit`."""
    value = value.replace("\x00", "")
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    return value.encode("utf-8", "replace").decode("utf-8")


def cleaned(event: AuditEvent) -> AuditEvent:
    role = event.actor_role if event.actor_role in ROLES else "unknown"
    return AuditEvent(
        event_id=event.event_id,
        event_time=event.event_time,
        actor=clean(event.actor, LIMITS["actor"]),
        actor_role=role,
        client_address=clean(event.client_address, LIMITS["client_address"]),
        action=clean(event.action, LIMITS["action"]),
        resource=clean(event.resource, LIMITS["resource"]),
        outcome=clean(event.outcome, LIMITS["outcome"]),
        detail=clean(event.detail, LIMITS["detail"]),
        request_id=clean(event.request_id, LIMITS["request_id"]),
    )


# --- what a service declares -------------------------------------------------------


@dataclass(frozen=True)
class AuditRule:
    """How one method is audited.

    `resource`: the request field that names what the call acts on (a top-level
    string field, such as "conversation_id"), or a function of the request. For a
    client-streaming method it is read from the first message.
    `detail`: an optional function of the request giving a few words of context
    (never text or personal data)."""

    resource: str | Callable[[Any], str] = ""
    detail: Callable[[Any], str] | None = None

    def check(self, method_name: str, fields: Iterable[str]) -> None:
        if isinstance(self.resource, str) and self.resource and self.resource not in fields:
            raise ValueError(f"audit rule of {method_name}: the request has no field {self.resource!r}")

    def resource_of(self, request: Any) -> str:
        try:
            if callable(self.resource):
                return str(self.resource(request))
            return str(getattr(request, self.resource)) if self.resource else ""
        except Exception:  # a malformed request: the call fails, and names no resource
            return ""

    def detail_of(self, request: Any) -> str:
        if self.detail is None:
            return ""
        try:
            return str(self.detail(request))
        except Exception:
            return ""


class AuditSink(Protocol):
    """Takes events without waiting (AuditQueue)."""

    def record(self, event: AuditEvent) -> None: ...


class Auditor:
    """Wraps the handlers of audited methods (atende_runtime.service.register)."""

    def __init__(self, sink: AuditSink) -> None:
        self.sink = sink

    def emit(self, context: Any, action: str, started: datetime, outcome: str, resource: str, detail: str) -> None:
        try:
            role, actor, address = _who(context)
            self.sink.record(
                AuditEvent(
                    event_id=str(uuid.uuid4()),
                    event_time=started,
                    actor=actor,
                    actor_role=role,
                    client_address=address,
                    action=action,
                    resource=resource,
                    outcome=outcome,
                    detail=detail,
                    request_id=request_id_var.get(),
                )
            )
        except Exception:  # the trail never fails a call
            log.exception("audit event not recorded", extra={"action": action})

    def single(self, action: str, rule: AuditRule, inner: Callable[[Any, Any], Awaitable[Any]]) -> Any:
        """A unary handler (request -> one response) that records its call."""

        async def handle(request: Any, context: Any) -> Any:
            started = datetime.now(UTC)
            try:
                response = await inner(request, context)
            except BaseException as error:
                self.emit(context, action, started, _outcome(context, error), rule.resource_of(request),
                          rule.detail_of(request))
                raise
            self.emit(context, action, started, _outcome(context, None), rule.resource_of(request),
                      rule.detail_of(request))
            return response

        return handle

    def client_stream(self, action: str, rule: AuditRule, inner: Callable[[Any, Any], Awaitable[Any]]) -> Any:
        """A client-streaming handler: the resource comes from the first message, and
        the detail says how many messages there were."""

        async def handle(requests: AsyncIterator[Any], context: Any) -> Any:
            started = datetime.now(UTC)
            seen: list[Any] = []
            count = 0

            async def watched() -> AsyncIterator[Any]:
                nonlocal count
                async for request in requests:
                    if not seen:
                        seen.append(request)
                    count += 1
                    yield request

            error: BaseException | None = None
            try:
                return await inner(watched(), context)
            except BaseException as raised:
                error = raised
                raise
            finally:
                first = seen[0] if seen else None
                detail = ", ".join(part for part in (rule.detail_of(first) if first is not None else "",
                                                     f"messages={count}") if part)
                self.emit(context, action, started, _outcome(context, error),
                          rule.resource_of(first) if first is not None else "", detail)

        return handle

    def server_stream(self, action: str, rule: AuditRule, inner: Callable[[Any, Any], AsyncIterator[Any]]) -> Any:
        """A server-streaming handler: recorded when the stream ends."""

        async def handle(request: Any, context: Any) -> AsyncIterator[Any]:
            started = datetime.now(UTC)
            error: BaseException | None = None
            try:
                async for item in inner(request, context):
                    yield item
            except BaseException as raised:
                error = raised
                raise
            finally:
                self.emit(context, action, started, _outcome(context, error), rule.resource_of(request),
                          rule.detail_of(request))

        return handle


def _who(context: Any) -> tuple[str, str, str]:
    """(role, subject, address) of the caller: the gateway's headers, or the peer's
    address for a call from inside the mesh."""
    try:
        caller = Caller.from_metadata(context.invocation_metadata())
    except PermissionDenied:  # a role header no credential gives: the call was refused
        return "unknown", "", _peer(context)
    return caller.role.value, caller.subject, caller.address or _peer(context)


def _peer(context: Any) -> str:
    try:
        return str(context.peer() or "")
    except Exception:
        return ""


def _outcome(context: Any, error: BaseException | None) -> str:
    """The status the call ends with: what the handler set (the error mapping aborts
    with the domain error's code), CANCELLED when the client went away, UNKNOWN for
    an exception nothing mapped."""
    try:
        code = context.code()
    except Exception:
        code = None
    if isinstance(code, grpc.StatusCode):
        return code.name
    if error is None:
        return "OK"
    if isinstance(error, asyncio.CancelledError):
        return "CANCELLED"
    return "UNKNOWN"


# --- delivery -------------------------------------------------------------------------


class PermanentFailure(Exception):
    """The destination refused the batch for good (it is malformed): retrying will
    not help, so the batch is dropped."""


Deliver = Callable[[list[AuditEvent]], Awaitable[object]]


class AuditQueue:
    """A bounded in-memory queue written in batches by one background task.

    record() never waits. The writer wakes as soon as an event arrives, sends up to
    `batch_size` events at a time, and while delivery fails keeps them and retries
    with a backoff (1 s doubling to 30 s). Past `capacity` waiting events, new ones
    are dropped, with a warning at most every 10 s. close() sends what is left
    within its timeout."""

    def __init__(self, deliver: Deliver, *, name: str, capacity: int = 10_000, batch_size: int = 200,
                 retry_seconds: float = 1.0, retry_max_seconds: float = 30.0) -> None:
        self._deliver = deliver
        self.name = name
        self.capacity = capacity
        self.batch_size = batch_size
        self.retry_seconds = retry_seconds
        self.retry_max_seconds = retry_max_seconds
        self._events: collections.deque[AuditEvent] = collections.deque()
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()
        self._task: asyncio.Task[None] | None = None
        self._closing = False
        self.dropped = 0
        self.delivered = 0
        self._dropped_reported = 0
        self._last_warning = 0.0

    def __len__(self) -> int:
        return len(self._events)

    def record(self, event: AuditEvent) -> None:
        if len(self._events) >= self.capacity:
            self.dropped += 1
            now = time.monotonic()
            if now - self._last_warning >= 10.0:
                self._last_warning = now
                log.warning("audit queue full: events dropped",
                            extra={"queue": self.name, "capacity": self.capacity,
                                   "dropped": self.dropped - self._dropped_reported})
                self._dropped_reported = self.dropped
            return
        self._events.append(event)
        self._idle.clear()
        self._wake.set()

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run(), name=f"audit-{self.name}")

    async def flush(self, timeout: float = 10.0) -> bool:  # noqa: ASYNC109 - a bound on waiting, not a call's deadline
        """Waits until every event recorded so far is delivered (or dropped); False
        when the timeout came first."""
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except TimeoutError:
            return False
        return True

    async def close(self, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """Sends what is waiting, for up to `timeout` seconds, then stops."""
        self._closing = True
        self._wake.set()
        if self._task is not None:
            try:
                await asyncio.wait_for(asyncio.shield(self._task), timeout)
            except TimeoutError:
                self._task.cancel()
                try:
                    await self._task
                except asyncio.CancelledError:
                    pass
            self._task = None
        if self._events:
            log.warning("audit events not delivered at shutdown", extra={"queue": self.name, "lost": len(self._events)})

    async def _run(self) -> None:
        delay = self.retry_seconds
        while True:
            if not self._events:
                self._idle.set()
                if self._closing:
                    return
                self._wake.clear()
                await self._wake.wait()
                continue
            batch = [self._events[i] for i in range(min(self.batch_size, len(self._events)))]
            try:
                await self._deliver(batch)
            except PermanentFailure as error:
                log.error("audit batch refused; dropped", extra={"queue": self.name, "events": len(batch),
                                                                 "error": str(error)[:300]})
                self.dropped += len(batch)
            except Exception as error:
                if self._closing:
                    # Shutting down: one try only, what is left is reported as lost.
                    log.warning("audit delivery failed at shutdown", extra={"queue": self.name, "error": repr(error)[:300]})
                    return
                log.warning("audit delivery failed; retrying",
                            extra={"queue": self.name, "events": len(self._events), "retry_in": delay,
                                   "error": repr(error)[:300]})
                try:
                    await asyncio.wait_for(self._wait_closing(), delay)
                except TimeoutError:
                    pass
                delay = min(delay * 2, self.retry_max_seconds)
                continue
            else:
                self.delivered += len(batch)
            delay = self.retry_seconds
            for _ in batch:
                self._events.popleft()

    async def _wait_closing(self) -> None:
        while not self._closing:
            self._wake.clear()
            await self._wake.wait()


# --- protobuf --------------------------------------------------------------------------


def event_pb(event: AuditEvent) -> audit_pb.AuditEvent:
    when = timestamp_pb2.Timestamp()
    when.FromDatetime(event.event_time)
    return audit_pb.AuditEvent(
        event_id=event.event_id,
        event_time=when,
        actor=event.actor,
        actor_role=event.actor_role,
        client_address=event.client_address,
        action=event.action,
        resource=event.resource,
        outcome=event.outcome,
        detail=event.detail,
        request_id=event.request_id,
    )


class MemoryAuditDelivery:
    """Sends batches to memory_svc's AuditService.RecordAuditEvents: the delivery of
    services that have no database of their own. Open and close it on the event loop."""

    def __init__(self, memory_addr: str, timeout_seconds: float = 5.0) -> None:
        self._channel = open_channel(memory_addr, timeout_seconds)
        self._stub = audit_grpc.AuditServiceStub(self._channel)

    async def __call__(self, batch: list[AuditEvent]) -> None:
        try:
            await self._stub.RecordAuditEvents(audit_pb.RecordAuditEventsRequest(events=[event_pb(e) for e in batch]))
        except grpc.aio.AioRpcError as error:
            if error.code() == grpc.StatusCode.INVALID_ARGUMENT:
                raise PermanentFailure(error.details() or "invalid argument") from error
            raise

    async def close(self) -> None:
        await self._channel.close(None)


def operator_event(action: str, resource: str, outcome: str = "OK", detail: str = "") -> AuditEvent:
    """An event of an operator's tool run outside any RPC (a key-management command,
    say): the OS user as the actor, role "internal", this host as the address. The
    action names what was done ("atende.keys.CreateKey"). Send it with record_now."""
    return AuditEvent(
        event_id=str(uuid.uuid4()),
        event_time=datetime.now(UTC),
        actor=_os_user(),
        actor_role="internal",
        client_address=socket.gethostname(),
        action=action,
        resource=resource,
        outcome=outcome,
        detail=detail,
    )


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


async def record_now(memory_addr: str, events: list[AuditEvent], timeout: float = 5.0) -> None:  # noqa: ASYNC109
    """Sends events to memory_svc at once and waits for them to be stored (for
    command-line tools, which have no queue to outlive them); raises if they were not."""
    delivery = MemoryAuditDelivery(memory_addr, timeout)
    try:
        await delivery(events)
    finally:
        await delivery.close()


class _Discard:
    def record(self, event: AuditEvent) -> None:
        return None


@dataclass
class ShippedAudit:
    """An auditor whose events go to memory_svc, with what its service's close()
    must stop (started on the running loop)."""

    auditor: Auditor
    queue: AuditQueue | None = None
    delivery: MemoryAuditDelivery | None = None

    async def close(self, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        if self.queue is not None:
            await self.queue.close(timeout)
        if self.delivery is not None:
            await self.delivery.close()


def ship_to_memory(memory_addr: str, *, name: str, capacity: int = 10_000) -> ShippedAudit:
    """The audit trail of a service without its own database: events queued here,
    sent in batches to memory_svc at `memory_addr`. An empty address records
    nothing (a service tested on its own)."""
    if not memory_addr:
        log.warning("audit trail off: no memory_svc address", extra={"service": name})
        return ShippedAudit(Auditor(_Discard()))
    delivery = MemoryAuditDelivery(memory_addr)
    queue = AuditQueue(delivery, name=name, capacity=capacity)
    queue.start()
    return ShippedAudit(Auditor(queue), queue, delivery)
