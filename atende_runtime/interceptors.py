"""Request ids across services, one log line per RPC and the RPC metrics
(atende_runtime.metrics), on the server side (the client side is
atende_runtime.channels.ContextChannel). Spans are the OpenTelemetry interceptor's,
which runs outside this one (atende_runtime.telemetry), so the log line carries the
RPC's trace id."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import grpc

from atende_runtime.logs import new_request_id, request_id_var
from atende_runtime.metrics import MethodMetrics

log = logging.getLogger("atende.rpc")

REQUEST_ID_HEADER = "x-request-id"
_QUIET_PREFIXES = ("/grpc.health.", "/grpc.reflection.")


def _request_id_from(metadata: Any) -> str:
    for key, value in metadata or ():
        if key == REQUEST_ID_HEADER and isinstance(value, str) and 0 < len(value) <= 128:
            return value
    return new_request_id()


def _status_code(context: grpc.aio.ServicerContext[Any, Any]) -> str:
    code = context.code()
    if code is None:
        return "OK"
    return code.name if isinstance(code, grpc.StatusCode) else str(code)


class RequestContextInterceptor(grpc.aio.ServerInterceptor):  # type: ignore[misc,type-arg]
    """Binds the caller's x-request-id (Envoy sets one on every request) to the
    handler's context, so every log line and outgoing call carries it.

    The wrapped handler of each method is made once and reused: the request id is
    read from the call's own metadata, so nothing per call is allocated here but
    the call itself."""

    def __init__(self) -> None:
        self._handlers: dict[str, Any] = {}

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[Any]],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> Any:
        method = handler_call_details.method
        handler = self._handlers.get(method)
        if handler is None:
            handler = _with_request_context(method, await continuation(handler_call_details))
            if handler is not None:
                self._handlers[method] = handler
        return handler


def _with_request_context(method: str, handler: Any) -> Any:
    if handler is None or method.startswith(_QUIET_PREFIXES):
        return handler
    metrics = MethodMetrics(method)
    # Unary and client-streaming handlers are both awaited for one response.
    inner = handler.unary_unary or handler.stream_unary
    if inner is not None:

        async def single(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
            token = request_id_var.set(_request_id_from(context.invocation_metadata()))
            started = metrics.start()
            try:
                return await inner(request, context)
            finally:
                _log_rpc(method, context, metrics, started)
                request_id_var.reset(token)

        build = grpc.unary_unary_rpc_method_handler if handler.unary_unary else grpc.stream_unary_rpc_method_handler
        return build(single, handler.request_deserializer, handler.response_serializer)
    if handler.unary_stream is not None:
        inner_us = handler.unary_stream

        async def unary_stream(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> AsyncIterator[Any]:
            token = request_id_var.set(_request_id_from(context.invocation_metadata()))
            started = metrics.start()
            try:
                async for item in inner_us(request, context):
                    yield item
            finally:
                _log_rpc(method, context, metrics, started)
                request_id_var.reset(token)

        return grpc.unary_stream_rpc_method_handler(unary_stream, handler.request_deserializer, handler.response_serializer)
    return handler


def _log_rpc(method: str, context: grpc.aio.ServicerContext[Any, Any], metrics: MethodMetrics, started: float) -> None:
    code = _status_code(context)
    elapsed = metrics.finish(started, code)
    log.info("rpc", extra={"method": method, "code": code, "duration_ms": round(elapsed * 1000, 2)})
