"""atende's Python client.

    from atende_client import Client

    with Client("localhost:8080", api_key="...") as client:
        turn = client.send_message("demo-1", "Quanto custa o kit solar?", user_id="maria")
        print(turn.reply.agent, turn.reply.text)

Client (blocking) and AsyncClient (asyncio) call the public gRPC API through the gateway
with the API key or bearer token, a deadline per call, and resends after UNAVAILABLE that
keep the turn's client_message_id. Errors are the typed exceptions of atende_client.errors.
The generated messages and stubs are the `atende.*.v1` packages beside this one.
"""

from atende_client.aio import AsyncClient
from atende_client.client import Client
from atende_client.errors import (
    Aborted,
    AlreadyExists,
    AtendeError,
    Cancelled,
    DataLoss,
    DeadlineExceeded,
    FailedPrecondition,
    FieldViolation,
    Internal,
    InvalidArgument,
    NotFound,
    OutOfRange,
    PermissionDenied,
    ResourceExhausted,
    Unauthenticated,
    Unavailable,
    Unimplemented,
    Unknown,
)

__all__ = [
    "Aborted", "AlreadyExists", "AsyncClient", "AtendeError", "Cancelled", "Client", "DataLoss", "DeadlineExceeded",
    "FailedPrecondition", "FieldViolation", "Internal", "InvalidArgument", "NotFound", "OutOfRange", "PermissionDenied",
    "ResourceExhausted", "Unauthenticated", "Unavailable", "Unimplemented", "Unknown",
]
