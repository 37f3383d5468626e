"""Long-lived client channels: one per upstream, with retries on UNAVAILABLE."""

from __future__ import annotations

import json
from typing import Any

import grpc

from atende_runtime.interceptors import REQUEST_ID_HEADER
from atende_runtime.logs import request_id_var
from atende_runtime.tls import aio_channel

# Retries only UNAVAILABLE (the upstream was not reached), which is safe for every
# call: the request did not run.
_SERVICE_CONFIG = json.dumps(
    {
        # Spread calls over every replica a DNS name resolves to (a headless Service
        # in Kubernetes), instead of pinning one connection to one pod.
        "loadBalancingConfig": [{"round_robin": {}}],
        "methodConfig": [
            {
                "name": [{}],
                "retryPolicy": {
                    "maxAttempts": 4,
                    "initialBackoff": "0.05s",
                    "maxBackoff": "1s",
                    "backoffMultiplier": 2,
                    "retryableStatusCodes": ["UNAVAILABLE"],
                },
            }
        ]
    }
)

_OPTIONS = [
    ("grpc.service_config", _SERVICE_CONFIG),
    ("grpc.enable_retries", 1),
    ("grpc.keepalive_time_ms", 300_000),
    ("grpc.keepalive_timeout_ms", 20_000),
    ("grpc.max_receive_message_length", 32 * 1024 * 1024),
    ("grpc.max_send_message_length", 32 * 1024 * 1024),
]


class _WithContext:
    """A multicallable that adds the request id and a default deadline to each call."""

    def __init__(self, inner: Any, default_timeout: float) -> None:
        self._inner = inner
        self._default_timeout = default_timeout

    def __call__(self, request: Any, *, timeout: float | None = None, metadata: Any = None, **kwargs: Any) -> Any:
        request_id = request_id_var.get()
        if request_id and not any(key == REQUEST_ID_HEADER for key, _ in metadata or ()):
            metadata = (*(metadata or ()), (REQUEST_ID_HEADER, request_id))
        return self._inner(
            request, timeout=self._default_timeout if timeout is None else timeout, metadata=metadata, **kwargs
        )


class ContextChannel(grpc.aio.Channel):  # type: ignore[misc]
    """A channel whose calls carry the current request id (x-request-id) and a
    deadline when the caller set none. It wraps each method's callable once, where
    a grpc.aio client interceptor would add a task and a call object to every call
    (about a tenth of router_svc's CPU in a turn)."""

    def __init__(self, channel: grpc.aio.Channel, default_timeout: float) -> None:
        self._channel = channel
        self._default_timeout = default_timeout

    def unary_unary(self, method: str, *args: Any, **kwargs: Any) -> Any:
        return _WithContext(self._channel.unary_unary(method, *args, **kwargs), self._default_timeout)

    def unary_stream(self, method: str, *args: Any, **kwargs: Any) -> Any:
        return _WithContext(self._channel.unary_stream(method, *args, **kwargs), self._default_timeout)

    def stream_unary(self, method: str, *args: Any, **kwargs: Any) -> Any:
        return _WithContext(self._channel.stream_unary(method, *args, **kwargs), self._default_timeout)

    def stream_stream(self, method: str, *args: Any, **kwargs: Any) -> Any:
        return _WithContext(self._channel.stream_stream(method, *args, **kwargs), self._default_timeout)

    async def close(self, grace: float | None = None) -> None:
        await self._channel.close(grace)

    def get_state(self, try_to_connect: bool = False) -> grpc.ChannelConnectivity:
        return self._channel.get_state(try_to_connect)

    async def wait_for_state_change(self, last_observed_state: grpc.ChannelConnectivity) -> None:
        await self._channel.wait_for_state_change(last_observed_state)

    async def channel_ready(self) -> None:
        await self._channel.channel_ready()

    async def __aenter__(self) -> ContextChannel:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close(None)


_SCHEMES = ("dns:", "ipv4:", "ipv6:", "unix:", "unix-abstract:")


def grpc_target(address: str) -> str:
    """The gRPC target of an upstream setting: a host:port (resolved by DNS, every
    address it names used, as a headless Service's), a comma-separated list of
    ip:port (instances on one machine, as `make run` with replicas starts them),
    or a target with its own scheme, kept as it is."""
    address = address.strip()
    if "://" in address or address.startswith(_SCHEMES):
        return address
    if "," in address:
        return "ipv4:" + ",".join(part.strip() for part in address.split(",") if part.strip())
    return f"dns:///{address}"


def open_channel(target: str, default_timeout: float) -> grpc.aio.Channel:
    """Create inside the running event loop and keep for the process's lifetime.
    mTLS with this service's certificate when ATENDE_TLS_* are set (atende_runtime/tls.py)."""
    return ContextChannel(aio_channel(grpc_target(target), _OPTIONS), default_timeout)
