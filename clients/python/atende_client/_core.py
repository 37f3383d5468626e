"""What the sync and the async client share: settings, credentials, requests, retry pacing."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

import grpc
from atende.conversation.v1 import conversation_service_pb2 as cpb

from atende_client.errors import Unavailable, from_rpc_error

DEFAULT_ADDRESS = "localhost:8080"
DEFAULT_TIMEOUT = 30.0
DEFAULT_RETRIES = 3
# First pause before resending after UNAVAILABLE; doubled each time (0.25, 0.5, 1 s ...).
BACKOFF_SECONDS = 0.25

Turn = TypeVar("Turn", cpb.SendMessageRequest, cpb.StreamMessageRequest)


@dataclass(frozen=True)
class Settings:
    """Where and as whom a client calls, and how patiently.

    address: the gateway's host:port (gRPC and REST share it); ATENDE_ADDRESS, else localhost:8080.
    api_key: sent as `x-api-key`; ATENDE_API_KEY. token: a JWT sent as `authorization: Bearer`;
    ATENDE_TOKEN. tls: a TLS channel (the gateway's :8443) checked against root_certificates
    (PEM bytes; None means the system's). timeout: seconds per call, retries included.
    retries: resends after UNAVAILABLE (0 for none).
    """

    address: str
    api_key: str
    token: str
    tls: bool
    root_certificates: bytes | None
    timeout: float
    retries: int

    @classmethod
    def make(
        cls,
        address: str | None,
        api_key: str | None,
        token: str | None,
        tls: bool,
        root_certificates: bytes | None,
        timeout: float,
        retries: int,
    ) -> Settings:
        if timeout <= 0:
            raise ValueError(f"timeout must be positive seconds, not {timeout!r}")
        if retries < 0:
            raise ValueError(f"retries must be 0 or more, not {retries!r}")
        return cls(
            address=address or os.environ.get("ATENDE_ADDRESS") or DEFAULT_ADDRESS,
            api_key=api_key if api_key is not None else os.environ.get("ATENDE_API_KEY", ""),
            token=token if token is not None else os.environ.get("ATENDE_TOKEN", ""),
            tls=tls,
            root_certificates=root_certificates,
            timeout=timeout,
            retries=retries,
        )

    def metadata(self) -> tuple[tuple[str, str], ...]:
        """The credential headers: an API key, a bearer token, both or none (a local run)."""
        headers: list[tuple[str, str]] = []
        if self.api_key:
            headers.append(("x-api-key", self.api_key))
        if self.token:
            headers.append(("authorization", f"Bearer {self.token}"))
        return tuple(headers)

    def credentials(self) -> grpc.ChannelCredentials | None:
        return grpc.ssl_channel_credentials(self.root_certificates) if self.tls else None


def turn_request(
    kind: type[Turn],
    conversation_id: str,
    text: str,
    user_id: str,
    channel: str,
    client_message_id: str | None,
    metadata: Mapping[str, str] | None,
) -> Turn:
    """A turn's request with its idempotency key fixed once, so every resend of it carries
    the same client_message_id and the server stores the turn at most once."""
    return kind(
        conversation_id=conversation_id,
        user_id=user_id,
        text=text,
        channel=channel,
        client_message_id=client_message_id or f"py-{uuid.uuid4().hex}",
        metadata=dict(metadata or {}),
    )


class Attempts:
    """One call's time budget, shared by its attempts, and the rule for resending: only
    after UNAVAILABLE, only before the first streamed piece, at most `retries` times, with
    pauses that double and fit in the budget."""

    def __init__(self, seconds: float, retries: int) -> None:
        self.end = time.monotonic() + seconds
        self.retries = retries
        self.made = 0

    def left(self) -> float:
        return max(self.end - time.monotonic(), 0.001)

    def pause_after(self, error: grpc.RpcError, started: bool = False) -> float:
        """The pause before resending after `error`; raises the error as atende_client's
        typed exception when the call must not be sent again."""
        typed = from_rpc_error(error)
        self.made += 1
        pause: float = BACKOFF_SECONDS * 2 ** (self.made - 1)
        fits = time.monotonic() + pause < self.end
        if started or not isinstance(typed, Unavailable) or self.made > self.retries or not fits:
            raise typed from None
        return pause
