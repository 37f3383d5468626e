"""Turns domain errors into gRPC status codes with google.rpc details."""

from __future__ import annotations

import logging
from typing import Any, NoReturn

import grpc
from google.protobuf import any_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status

from atende_runtime.errors import DomainError, FailedPrecondition, InvalidArgument, NotFound, Unavailable
from atende_runtime.logs import request_id_var

log = logging.getLogger(__name__)


def to_status(error: DomainError) -> status_pb2.Status:
    if isinstance(error, InvalidArgument):
        bad_request = error_details_pb2.BadRequest(
            field_violations=[
                error_details_pb2.BadRequest.FieldViolation(field=v.field, description=v.description)
                for v in error.violations
            ]
        )
        detail = any_pb2.Any()
        detail.Pack(bad_request)
        return status_pb2.Status(code=code_pb2.INVALID_ARGUMENT, message=str(error), details=[detail])
    if isinstance(error, NotFound):
        return status_pb2.Status(code=code_pb2.NOT_FOUND, message=str(error))
    if isinstance(error, FailedPrecondition):
        return status_pb2.Status(code=code_pb2.FAILED_PRECONDITION, message=str(error))
    if isinstance(error, Unavailable):
        return status_pb2.Status(code=code_pb2.UNAVAILABLE, message=str(error))
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
    log.error("unhandled error", exc_info=error)
    await context.abort(grpc.StatusCode.INTERNAL, f"internal error; request id {request_id_var.get() or 'unknown'}")


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
        from atende_runtime.errors import FieldViolation

        return InvalidArgument(
            [FieldViolation(v.field, v.description) for v in violations]
            or [FieldViolation("request", error.details() or "invalid")]
        )
    if code == grpc.StatusCode.NOT_FOUND:
        return NotFound(error.details() or "not found")
    if code == grpc.StatusCode.FAILED_PRECONDITION:
        return FailedPrecondition(error.details() or "failed precondition")
    return None
