"""Turns domain errors into gRPC status codes with google.rpc details."""

from __future__ import annotations

import functools
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

import grpc
from google.protobuf import any_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status

from atende_runtime.errors import DomainError, FailedPrecondition, InvalidArgument, NotFound, Unavailable
from atende_runtime.logs import request_id_var

log = logging.getLogger(__name__)

Req = TypeVar("Req")
Resp = TypeVar("Resp")


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


async def abort(context: grpc.aio.ServicerContext[Any, Any], error: DomainError) -> None:
    await context.abort_with_status(rpc_status.to_status(to_status(error)))  # type: ignore[attr-defined]


async def _abort_internal(context: grpc.aio.ServicerContext[Any, Any], error: Exception) -> None:
    """A bug or a broken dependency: the details go to the log, never to the client,
    who gets the request id to quote instead."""
    request_id = request_id_var.get()
    log.error("unhandled error", exc_info=error)
    await context.abort(grpc.StatusCode.INTERNAL, f"internal error; request id {request_id or 'unknown'}")


def unary(
    method: Callable[[Any, Req, grpc.aio.ServicerContext[Any, Any]], Awaitable[Resp]],
) -> Callable[[Any, Req, grpc.aio.ServicerContext[Any, Any]], Awaitable[Resp]]:
    """Decorates a unary servicer method so DomainErrors become rich status codes."""

    @functools.wraps(method)
    async def wrapper(self: Any, request: Req, context: grpc.aio.ServicerContext[Any, Any]) -> Resp:
        try:
            return await method(self, request, context)
        except grpc.aio.AbortError:
            raise
        except DomainError as error:
            await abort(context, error)
            raise AssertionError("unreachable") from error
        except Exception as error:
            await _abort_internal(context, error)
            raise AssertionError("unreachable") from error

    return wrapper


def server_stream(
    method: Callable[[Any, Req, grpc.aio.ServicerContext[Any, Any]], AsyncIterator[Resp]],
) -> Callable[[Any, Req, grpc.aio.ServicerContext[Any, Any]], AsyncIterator[Resp]]:
    """Same as unary, for async-generator handlers."""

    @functools.wraps(method)
    async def wrapper(self: Any, request: Req, context: grpc.aio.ServicerContext[Any, Any]) -> AsyncIterator[Resp]:
        try:
            async for item in method(self, request, context):
                yield item
        except grpc.aio.AbortError:
            raise
        except DomainError as error:
            await abort(context, error)
        except Exception as error:
            await _abort_internal(context, error)

    return wrapper


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
