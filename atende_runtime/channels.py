"""Long-lived client channels: one per upstream, with retries on UNAVAILABLE, the
request id and, when tracing is on, a CLIENT span per call whose W3C traceparent goes
with the call."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Sequence
from typing import Any

import grpc
from opentelemetry import trace
from opentelemetry.propagators.textmap import Setter
from opentelemetry.trace import Span, SpanKind, Status, StatusCode
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from atende_runtime import telemetry
from atende_runtime.interceptors import REQUEST_ID_HEADER
from atende_runtime.logs import request_id_var
from atende_runtime.tls import aio_channel, client_tls

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


_PROPAGATOR = TraceContextTextMapPropagator()


class _MetadataSetter(Setter[list[tuple[str, str]]]):
    """Writes traceparent (and tracestate) into a call's metadata list."""

    def set(self, carrier: list[tuple[str, str]], key: str, value: str) -> None:
        carrier.append((key, value))


_METADATA_SETTER = _MetadataSetter()


def _finished_code(call: Any) -> grpc.StatusCode | None:
    """A finished call's status code, read without awaiting: the status is already
    there, so the coroutine returns at its first step (None if it would wait)."""
    coroutine = call.code()
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
    except Exception:  # a cancelled call, or one that never started
        return None
    finally:
        coroutine.close()
    return None


def _end_span(span: Span, call: Any) -> None:
    code = _finished_code(call)
    if code is not None:
        span.set_attribute("rpc.grpc.status_code", code.value[0])
        if code is not grpc.StatusCode.OK:
            span.set_status(Status(StatusCode.ERROR, code.name))
    span.end()


_UNTRACED_PREFIXES = ("/grpc.health.", "/grpc.reflection.")


class _WithContext:
    """A multicallable that adds the request id and a default deadline to each call,
    made again on the owner's new channel when its certificate was renewed. With
    tracing on, each call is a CLIENT span (ended by the call's done callback, no
    task or interceptor added) and carries its traceparent."""

    def __init__(
        self, owner: ContextChannel, make: Callable[[grpc.aio.Channel], Any], default_timeout: float, method: str = ""
    ) -> None:
        self._owner = owner
        self._make = make
        self._generation = owner.generation
        self._inner = make(owner.current())
        self._default_timeout = default_timeout
        service, _, name = method.lstrip("/").rpartition("/")
        self._span_name = method.lstrip("/")
        self._span_attributes = {"rpc.system": "grpc", "rpc.service": service, "rpc.method": name}
        # A dependency's health probe, every few seconds, is not a request worth a trace.
        self._traced = not method.startswith(_UNTRACED_PREFIXES)

    def __call__(self, request: Any, *, timeout: float | None = None, metadata: Any = None, **kwargs: Any) -> Any:
        channel = self._owner.current()
        if self._generation != self._owner.generation:
            self._inner, self._generation = self._make(channel), self._owner.generation
        request_id = request_id_var.get()
        if request_id and not any(key == REQUEST_ID_HEADER for key, _ in metadata or ()):
            metadata = (*(metadata or ()), (REQUEST_ID_HEADER, request_id))
        if not self._traced or not telemetry.enabled():
            passing = trace.get_current_span().get_span_context()
            if passing.is_valid:  # a caller's trace passing through an untraced process
                passed_on: list[tuple[str, str]] = list(metadata or ())
                _PROPAGATOR.inject(passed_on, setter=_METADATA_SETTER)
                metadata = tuple(passed_on)
            return self._inner(
                request, timeout=self._default_timeout if timeout is None else timeout, metadata=metadata, **kwargs
            )
        span = telemetry.tracer().start_span(self._span_name, kind=SpanKind.CLIENT, attributes=self._span_attributes)
        carrier: list[tuple[str, str]] = list(metadata or ())
        _PROPAGATOR.inject(carrier, context=trace.set_span_in_context(span), setter=_METADATA_SETTER)
        try:
            call = self._inner(
                request, timeout=self._default_timeout if timeout is None else timeout, metadata=tuple(carrier), **kwargs
            )
        except BaseException:
            span.end()
            raise
        call.add_done_callback(lambda done: _end_span(span, done))
        return call


# Seconds the calls in flight on a channel replaced by a renewed certificate may finish in.
_RETIRE_GRACE = 60.0


class ContextChannel(grpc.aio.Channel):  # type: ignore[misc]
    """A channel whose calls carry the current request id (x-request-id) and a
    deadline when the caller set none. It wraps each method's callable once, where
    a grpc.aio client interceptor would add a task and a call object to every call
    (about a tenth of router_svc's CPU in a turn).

    With `renew` (mTLS), each call first asks it for a replacement channel (it answers
    None, cheaply, until the certificate files change); new calls then go to the new
    channel and the old one closes once its calls are done."""

    def __init__(
        self, channel: grpc.aio.Channel, default_timeout: float, renew: Callable[[], grpc.aio.Channel | None] | None = None
    ) -> None:
        self._channel = channel
        self._default_timeout = default_timeout
        self._renew = renew
        self.generation = 0
        self._retiring: set[asyncio.Task[None]] = set()

    def current(self) -> grpc.aio.Channel:
        if self._renew is not None and (fresh := self._renew()) is not None:
            old, self._channel = self._channel, fresh
            self.generation += 1
            task = asyncio.get_running_loop().create_task(old.close(_RETIRE_GRACE))
            self._retiring.add(task)
            task.add_done_callback(self._retiring.discard)
        return self._channel

    def _wrap(self, kind: str, method: str, args: Any, kwargs: Any) -> _WithContext:
        return _WithContext(
            self, lambda channel: getattr(channel, kind)(method, *args, **kwargs), self._default_timeout, method
        )

    def unary_unary(self, method: str, *args: Any, **kwargs: Any) -> Any:
        return self._wrap("unary_unary", method, args, kwargs)

    def unary_stream(self, method: str, *args: Any, **kwargs: Any) -> Any:
        return self._wrap("unary_stream", method, args, kwargs)

    def stream_unary(self, method: str, *args: Any, **kwargs: Any) -> Any:
        return self._wrap("stream_unary", method, args, kwargs)

    def stream_stream(self, method: str, *args: Any, **kwargs: Any) -> Any:
        return self._wrap("stream_stream", method, args, kwargs)

    async def close(self, grace: float | None = None) -> None:
        await self._channel.close(grace)
        for task in list(self._retiring):
            task.cancel()

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


def open_channel(
    target: str, default_timeout: float, options: Sequence[tuple[str, Any]] | None = None
) -> ContextChannel:
    """Create inside the running event loop and keep for the process's lifetime.
    mTLS with this service's certificate when ATENDE_TLS_* are set (atende_runtime/tls.py),
    moving to a renewed certificate by itself."""
    address = grpc_target(target)
    chosen = _OPTIONS if options is None else options
    tls = client_tls()
    renew = None
    if tls is not None:
        client = tls

        def renew() -> grpc.aio.Channel | None:
            return aio_channel(address, chosen, client) if client.renewed() else None

    return ContextChannel(aio_channel(address, chosen, tls), default_timeout, renew)
