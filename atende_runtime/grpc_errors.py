"""Turns domain errors into gRPC status codes with google.rpc details."""

from __future__ import annotations

import logging
from typing import Any, NoReturn

import grpc
from google.protobuf import any_pb2, duration_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status

from atende_runtime.errors import (
    DomainError,
    FailedPrecondition,
    FieldViolation,
    InvalidArgument,
    NotFound,
    PermissionDenied,
    Unavailable,
)
from atende_runtime.logs import request_id_var

log = logging.getLogger(__name__)


# An error travels in response headers (grpc-message, grpc-status-details-bin), which
# clients cap at 8 KB: the violations listed, each one's text and the message are
# bounded, so an error never grows with the input that caused it (a client that sent
# 300 bad keys, or a 100 KB id, gets INVALID_ARGUMENT, not a transport error).
MAX_VIOLATIONS = 10
MAX_FIELD_CHARS = 100
MAX_DESCRIPTION_CHARS = 150
MAX_MESSAGE_CHARS = 300
# What UNAVAILABLE suggests a client waits before it tries again (google.rpc.RetryInfo).
RETRY_AFTER_SECONDS = 1


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bounded(violations: list[FieldViolation]) -> list[FieldViolation]:
    """At most MAX_VIOLATIONS, each clipped; the last one says how many more there were."""
    kept = [FieldViolation(clip(v.field, MAX_FIELD_CHARS), clip(v.description, MAX_DESCRIPTION_CHARS))
            for v in violations[:MAX_VIOLATIONS]]
    if len(violations) > MAX_VIOLATIONS:
        kept[-1] = FieldViolation("request", f"and {len(violations) - MAX_VIOLATIONS + 1} more problems not listed")
    return kept


def to_status(error: DomainError) -> status_pb2.Status:
    if isinstance(error, InvalidArgument):
        violations = bounded(error.violations)
        bad_request = error_details_pb2.BadRequest(
            field_violations=[
                error_details_pb2.BadRequest.FieldViolation(field=v.field, description=v.description) for v in violations
            ]
        )
        detail = any_pb2.Any()
        detail.Pack(bad_request)
        message = clip(str(InvalidArgument(violations)), MAX_MESSAGE_CHARS)
        return status_pb2.Status(code=code_pb2.INVALID_ARGUMENT, message=message, details=[detail])
    if isinstance(error, Unavailable):
        retry = any_pb2.Any()
        retry.Pack(error_details_pb2.RetryInfo(retry_delay=duration_pb2.Duration(seconds=RETRY_AFTER_SECONDS)))
        return status_pb2.Status(code=code_pb2.UNAVAILABLE, message=clip(str(error), MAX_MESSAGE_CHARS), details=[retry])
    code = {
        NotFound: code_pb2.NOT_FOUND,
        FailedPrecondition: code_pb2.FAILED_PRECONDITION,
        PermissionDenied: code_pb2.PERMISSION_DENIED,
    }
    for kind, status_code in code.items():
        if isinstance(error, kind):
            return status_pb2.Status(code=status_code, message=clip(str(error), MAX_MESSAGE_CHARS))
    return status_pb2.Status(code=code_pb2.INTERNAL, message="internal error")


async def abort(context: grpc.aio.ServicerContext[Any, Any], error: DomainError) -> NoReturn:
    await context.abort_with_status(rpc_status.to_status(to_status(error)))  # type: ignore[attr-defined]
    raise AssertionError("unreachable: abort_with_status raises")


async def abort_for(context: grpc.aio.ServicerContext[Any, Any], error: Exception) -> NoReturn:
    """Ends the call with the status `error` stands for: a DomainError's own code and
    details; anything else is a bug or a broken dependency, whose details go to the
    log, never to the client, who gets the request id to quote instead."""
    if isinstance(error, DomainError):
        await abort(context, error)
    if is_connection_loss(error):
        # A database that went away is the server's trouble, not a bug: the client may
        # retry, and the call fails now instead of waiting out its deadline.
        log.warning("a storage server is unreachable", exc_info=error)
        await abort(context, Unavailable("a storage server is unreachable; try again"))
    log.error("unhandled error", exc_info=error)
    await context.abort(grpc.StatusCode.INTERNAL, f"internal error; request id {request_id_var.get() or 'unknown'}")


def _connection_errors() -> tuple[type[BaseException], ...]:
    """The errors that mean a connection to PostgreSQL or Redis was lost or refused,
    from the client libraries a service has installed."""
    kinds: list[type[BaseException]] = [ConnectionError]
    try:
        import psycopg
        import psycopg_pool

        kinds += [psycopg.OperationalError, psycopg_pool.PoolTimeout]
    except ImportError:
        pass
    try:
        import redis.exceptions

        kinds += [redis.exceptions.ConnectionError, redis.exceptions.TimeoutError]
    except ImportError:
        pass
    return tuple(kinds)


def is_connection_loss(error: BaseException) -> bool:
    """Whether `error`, or what caused it, is a lost or refused storage connection."""
    kinds = _connection_errors()
    seen: BaseException | None = error
    for _ in range(8):  # a cause chain is short; a cycle must not hang
        if seen is None:
            return False
        if isinstance(seen, kinds):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def from_rpc_error(error: grpc.aio.AioRpcError) -> DomainError | None:
    """Re-raises an upstream's client error as the same domain error, so a bad
    request detected downstream reaches the caller as INVALID_ARGUMENT, not 500."""
    code = error.code()
    if code == grpc.StatusCode.INVALID_ARGUMENT:
        status = rpc_status.from_call(error)  # type: ignore[arg-type]
        violations = []
        if status is not None:
            for detail in status.details:
                bad_request = error_details_pb2.BadRequest()
                if detail.Unpack(bad_request):
                    violations = list(bad_request.field_violations)
        return InvalidArgument(
            [FieldViolation(v.field, v.description) for v in violations]
            or [FieldViolation("request", error.details() or "invalid")]
        )
    if code == grpc.StatusCode.NOT_FOUND:
        return NotFound(error.details() or "not found")
    if code == grpc.StatusCode.FAILED_PRECONDITION:
        return FailedPrecondition(error.details() or "failed precondition")
    if code == grpc.StatusCode.PERMISSION_DENIED:
        return PermissionDenied(error.details() or "permission denied")
    return None
