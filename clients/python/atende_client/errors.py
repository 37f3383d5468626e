"""One exception class per gRPC status, with what the server put in the status details.

atende answers a client mistake with INVALID_ARGUMENT and a google.rpc.BadRequest that
names each bad field; the gateway's rate limit answers RESOURCE_EXHAUSTED. `from_rpc_error`
turns any grpc.RpcError (sync or grpc.aio) into the matching class below, so a caller
writes `except atende_client.InvalidArgument as error: error.field_violations`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import grpc
from google.rpc import error_details_pb2, status_pb2

# Where gRPC carries the full google.rpc.Status (code, message, details) of an error.
_STATUS_DETAILS_KEY = "grpc-status-details-bin"


@dataclass(frozen=True)
class FieldViolation:
    """One bad field of a request: its path (e.g. "user_id", "metadata.a") and what is wrong."""

    field: str
    description: str


class AtendeError(Exception):
    """A call that ended with a status other than OK.

    `code` is the grpc.StatusCode, `message` the server's text; `field_violations`
    lists the bad fields (INVALID_ARGUMENT), `reason` the google.rpc.ErrorInfo reason
    and `retry_delay` the google.rpc.RetryInfo delay in seconds, when the server sent them.
    """

    code: grpc.StatusCode = grpc.StatusCode.UNKNOWN

    def __init__(
        self,
        message: str,
        *,
        code: grpc.StatusCode | None = None,
        field_violations: tuple[FieldViolation, ...] = (),
        reason: str = "",
        retry_delay: float | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.field_violations = field_violations
        self.reason = reason
        self.retry_delay = retry_delay

    def __str__(self) -> str:
        text = f"{self.code.name}: {self.message}"
        if self.field_violations:
            text += " (" + "; ".join(f"{v.field}: {v.description}" for v in self.field_violations) + ")"
        return text


class Cancelled(AtendeError):
    code = grpc.StatusCode.CANCELLED


class Unknown(AtendeError):
    code = grpc.StatusCode.UNKNOWN


class InvalidArgument(AtendeError):
    """The request is wrong; `field_violations` says which fields and why. Do not resend it as is."""

    code = grpc.StatusCode.INVALID_ARGUMENT


class DeadlineExceeded(AtendeError):
    code = grpc.StatusCode.DEADLINE_EXCEEDED


class NotFound(AtendeError):
    code = grpc.StatusCode.NOT_FOUND


class AlreadyExists(AtendeError):
    code = grpc.StatusCode.ALREADY_EXISTS


class PermissionDenied(AtendeError):
    """The credential is valid but may not do this (e.g. a customer token on another conversation)."""

    code = grpc.StatusCode.PERMISSION_DENIED


class ResourceExhausted(AtendeError):
    """Over the gateway's rate limit (or a message too large); `retry_delay` when the server set one."""

    code = grpc.StatusCode.RESOURCE_EXHAUSTED


class FailedPrecondition(AtendeError):
    code = grpc.StatusCode.FAILED_PRECONDITION


class Aborted(AtendeError):
    code = grpc.StatusCode.ABORTED


class OutOfRange(AtendeError):
    code = grpc.StatusCode.OUT_OF_RANGE


class Unimplemented(AtendeError):
    code = grpc.StatusCode.UNIMPLEMENTED


class Internal(AtendeError):
    code = grpc.StatusCode.INTERNAL


class Unavailable(AtendeError):
    """The service could not be reached; the client already resent the call (same client_message_id)."""

    code = grpc.StatusCode.UNAVAILABLE


class DataLoss(AtendeError):
    code = grpc.StatusCode.DATA_LOSS


class Unauthenticated(AtendeError):
    """No credential, or one the gateway does not accept (API key or bearer token)."""

    code = grpc.StatusCode.UNAUTHENTICATED


ERRORS: dict[grpc.StatusCode, type[AtendeError]] = {
    cls.code: cls
    for cls in (
        Cancelled, Unknown, InvalidArgument, DeadlineExceeded, NotFound, AlreadyExists, PermissionDenied,
        ResourceExhausted, FailedPrecondition, Aborted, OutOfRange, Unimplemented, Internal, Unavailable,
        DataLoss, Unauthenticated,
    )
}


class _FailedCall(Protocol):
    """What both a sync stub's error (a grpc.Call) and grpc.aio's AioRpcError answer."""

    def code(self) -> grpc.StatusCode: ...

    def details(self) -> str | None: ...

    def trailing_metadata(self) -> Sequence[tuple[str, Any]] | None: ...


def _status(error: _FailedCall) -> Any:
    """The google.rpc.Status the server attached to the trailers, if any (None otherwise)."""
    for key, value in error.trailing_metadata() or ():
        if key == _STATUS_DETAILS_KEY and isinstance(value, bytes):
            status = status_pb2.Status()
            try:
                status.ParseFromString(value)
            except Exception:  # a peer's garbage must not hide the real error
                return None
            return status
    return None


def from_rpc_error(error: grpc.RpcError) -> AtendeError:
    """The typed exception for a failed call (grpc.RpcError from a sync or a grpc.aio stub)."""
    if not all(hasattr(error, name) for name in ("code", "details", "trailing_metadata")):
        return Unknown(str(error))  # a bare RpcError carries no status
    failed: _FailedCall = error  # type: ignore[assignment]
    code = failed.code()
    message = failed.details() or ""
    violations: list[FieldViolation] = []
    reason = ""
    retry_delay: float | None = None
    status = _status(failed)
    for detail in status.details if status is not None else ():
        if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad = error_details_pb2.BadRequest()
            detail.Unpack(bad)
            violations += [FieldViolation(v.field, v.description) for v in bad.field_violations]
        elif detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            reason = info.reason
        elif detail.Is(error_details_pb2.RetryInfo.DESCRIPTOR):
            retry = error_details_pb2.RetryInfo()
            detail.Unpack(retry)
            retry_delay = retry.retry_delay.ToTimedelta().total_seconds()
    cls = ERRORS.get(code, Unknown)
    return cls(message, code=code, field_violations=tuple(violations), reason=reason, retry_delay=retry_delay)
