"""Tracing for every service: OpenTelemetry, set up once per process by serve().

Where spans go (read from the environment, the OpenTelemetry names where one exists):
  OTEL_EXPORTER_OTLP_ENDPOINT   an OTLP/gRPC collector (http://host:4317): spans are sent there
  ATENDE_TRACES_FILE            else a file: one OTLP JSON export request a line (the
                                collector's file exporter format; devstack/traces.py reads it)
  neither                       no spans are recorded; trace context still passes through
  OTEL_SDK_DISABLED=true        tracing off whatever else is set
  OTEL_TRACES_SAMPLER, OTEL_TRACES_SAMPLER_ARG   sampling (default parentbased_always_on:
                                a call follows its caller's decision, i.e. the gateway's)
  OTEL_BSP_*                    the batch processor's queue and delay

What is traced: each RPC served (a SERVER span made by atende_runtime.interceptors, health
and reflection excepted), each call to another service (a CLIENT span made by
atende_runtime.channels, which injects W3C traceparent), PostgreSQL (psycopg) and
Redis (atende_runtime.storage_spans), outgoing HTTP (httpx: the vendors; aiohttp: the LLM SDKs), and the spans the
services add themselves (span() below: the LLM call, the knowledge search, the turn's
facts). Attributes carry ids, names, counts and verdicts, never a message's text or a
person's data (tests/test_telemetry.py checks a turn's spans)."""

from __future__ import annotations

import base64
import json
import logging
import os
import socket
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from google.protobuf import json_format
from opentelemetry import trace
from opentelemetry.trace import Span, SpanKind, Status, StatusCode

log = logging.getLogger("atende.telemetry")

_TRACER_NAME = "atende"
_state: dict[str, Any] = {"provider": None, "service": "", "tracer": None}
_lock = threading.Lock()

# The OTLP JSON fields that hold ids: hex in OTLP/JSON, base64 in protobuf's JSON mapping.
_ID_FIELDS = frozenset({"traceId", "spanId", "parentSpanId"})


def enabled() -> bool:
    """Whether this process records spans (setup_tracing found somewhere to send them)."""
    return _state["provider"] is not None


def tracer() -> trace.Tracer:
    cached = _state.get("tracer")
    if cached is None:
        cached = trace.get_tracer(_TRACER_NAME)
        if enabled():  # the real provider's tracer: kept (before it, a proxy)
            _state["tracer"] = cached
    return cached  # type: ignore[no-any-return]


def _disabled(env: Mapping[str, str]) -> bool:
    return env.get("OTEL_SDK_DISABLED", "").strip().lower() in ("true", "1", "yes", "on")


def setup_tracing(service: str, env: Mapping[str, str] | None = None) -> bool:
    """Installs the tracer provider, its exporter and the client instrumentations,
    once per process. Call before any channel, pool or client is made. Returns
    whether spans are recorded."""
    env = os.environ if env is None else env
    with _lock:
        if _state["provider"] is not None:
            return True
        if _disabled(env):
            return False
        exporter = _exporter(env)
        if exporter is None:
            return False
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor

        resource = Resource.create(
            {
                "service.name": service,
                "service.namespace": "atende",
                "service.instance.id": f"{socket.gethostname()}:{os.getpid()}",
            }
        )
        provider = TracerProvider(resource=resource)  # the sampler comes from OTEL_TRACES_SAMPLER(_ARG)
        provider.add_span_processor(BatchSpanProcessor(exporter))
        trace.set_tracer_provider(provider)
        _state["provider"], _state["service"] = provider, service
    _instrument_clients()
    sampler = env.get("OTEL_TRACES_SAMPLER", "parentbased_always_on")
    log.info("tracing", extra={"exporter": type(exporter).__name__, "sampler": sampler,
                               "sampler_arg": env.get("OTEL_TRACES_SAMPLER_ARG", "")})
    return True


def _exporter(env: Mapping[str, str]) -> Any:
    endpoint = env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") or env.get("OTEL_EXPORTER_OTLP_ENDPOINT", "")
    if endpoint.strip():
        from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter

        endpoint = endpoint.strip()
        return OTLPSpanExporter(endpoint=endpoint, insecure=endpoint.startswith("http://"))
    path = env.get("ATENDE_TRACES_FILE", "").strip()
    if path:
        return OtlpJsonFileExporter(Path(path))
    return None


def shutdown_tracing() -> None:
    """Flushes the spans still queued (at a graceful stop)."""
    provider = _state["provider"]
    if provider is not None:
        provider.shutdown()


def _instrument_clients() -> None:
    """PostgreSQL, Redis and outgoing HTTP, for the libraries this process can import."""
    from opentelemetry.instrumentation.aiohttp_client import AioHttpClientInstrumentor
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

    from atende_runtime import storage_spans

    storage_spans.instrument()
    HTTPXClientInstrumentor().instrument(request_hook=_http_request_hook, async_request_hook=_async_http_request_hook)
    AioHttpClientInstrumentor().instrument(request_hook=_aiohttp_request_hook)


_URL_ATTRIBUTES = ("url.full", "http.url")


def _without_query(span: Span, url: str) -> None:
    """Vendors' URLs may carry a person's e-mail in the query (a CRM search): spans keep
    the scheme, host and path only."""
    if not span.is_recording():
        return
    bare = url.split("?", 1)[0]
    for name in _URL_ATTRIBUTES:
        span.set_attribute(name, bare)


def _http_request_hook(span: Span, request: Any) -> None:
    _without_query(span, str(request.url))


async def _async_http_request_hook(span: Span, request: Any) -> None:
    _without_query(span, str(request.url))


def _aiohttp_request_hook(span: Span, params: Any) -> None:
    _without_query(span, str(getattr(params, "url", "")))


def current_ids() -> tuple[str, str] | None:
    """The current span's trace and span ids in hex, if a span is current."""
    context = trace.get_current_span().get_span_context()
    if not context.is_valid:
        return None
    return format(context.trace_id, "032x"), format(context.span_id, "016x")


def traceparent() -> str:
    """The current span as a W3C traceparent ("" when no span is recorded): what a
    stored job keeps so that its later, separate trace can link back to this one."""
    context = trace.get_current_span().get_span_context()
    if not context.is_valid or not context.trace_flags.sampled:
        return ""
    return f"00-{context.trace_id:032x}-{context.span_id:016x}-01"


def link_to(parent: str) -> list[trace.Link]:
    """A span link to a stored traceparent (none when it is empty or malformed)."""
    parts = parent.split("-")
    if len(parts) != 4 or len(parts[1]) != 32 or len(parts[2]) != 16:
        return []
    try:
        context = trace.SpanContext(int(parts[1], 16), int(parts[2], 16), is_remote=True,
                                    trace_flags=trace.TraceFlags(int(parts[3], 16)))
    except ValueError:
        return []
    return [trace.Link(context, {"atende.link": "committed_by"})] if context.is_valid else []


def annotate(**attributes: Any) -> None:
    """Sets attributes on the current span (the RPC being served). Values that are
    None or empty are skipped; lists become string arrays."""
    span = trace.get_current_span()
    if not span.is_recording():
        return
    span.set_attributes(_clean(attributes))


# Attribute names kept as given (OpenTelemetry's conventions, ours); others get "atende.".
_NAMESPACES = ("atende.", "gen_ai.", "db.", "rpc.", "http.", "url.", "server.", "error.")


def _clean(attributes: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in attributes.items():
        if value is None or value == "" or value == []:
            continue
        if isinstance(value, list | tuple | set | frozenset):
            value = [str(item) for item in value]
        elif not isinstance(value, bool | int | float | str):
            value = str(value)
        out[key if key.startswith(_NAMESPACES) else f"atende.{key}"] = value
    return out


@contextmanager
def span(name: str, span_kind: SpanKind = SpanKind.INTERNAL, links: Sequence[trace.Link] = (), /,
         **attributes: Any) -> Iterator[Span]:
    """A child span of the current one (a no-op span when tracing is off), linked to
    `links` (spans of other traces). An exception marks it as an error and goes on."""
    with tracer().start_as_current_span(name, kind=span_kind, links=links, record_exception=False,
                                        set_status_on_exception=False) as current:
        if attributes and current.is_recording():
            current.set_attributes(_clean(attributes))
        try:
            yield current
        except BaseException as error:
            if current.is_recording():
                current.set_status(Status(StatusCode.ERROR, type(error).__name__))
            raise


# ------------------------------------------------------------------ OTLP JSON


def otlp_json(message: Any) -> str:
    """An OTLP export request (protobuf) as one line of OTLP/JSON: camelCase field
    names, ids in hex, enums as numbers (what the OpenTelemetry collector writes)."""
    data = json_format.MessageToDict(message, use_integers_for_enums=True)
    _hex_ids(data)
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def _hex_ids(node: Any) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _ID_FIELDS and isinstance(value, str):
                node[key] = base64.b64decode(value).hex()
            else:
                _hex_ids(value)
    elif isinstance(node, list):
        for item in node:
            _hex_ids(item)


def _any_value(value: Any) -> dict[str, Any]:
    """An attribute value in OTLP/JSON (64-bit integers as strings, as protobuf's JSON)."""
    kind = type(value)  # the common types first, by identity (bool is an int: before it)
    if kind is str:
        return {"stringValue": value}
    if kind is bool:
        return {"boolValue": value}
    if kind is int:
        return {"intValue": str(value)}
    if kind is float:
        return {"doubleValue": value}
    if isinstance(value, bool):
        return {"boolValue": bool(value)}
    if isinstance(value, int):
        return {"intValue": str(int(value))}
    if isinstance(value, float):
        return {"doubleValue": float(value)}
    if isinstance(value, str):
        return {"stringValue": str(value)}
    if isinstance(value, list | tuple):
        return {"arrayValue": {"values": [_any_value(item) for item in value]}}
    return {"stringValue": str(value)}


def _key_values(attributes: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    return [{"key": key, "value": _any_value(value)} for key, value in attributes.items()] if attributes else []


# The API's SpanKind numbers INTERNAL 0; OTLP numbers it 1.
_OTLP_KINDS = {kind: kind.value + 1 for kind in SpanKind}
_UNSET = StatusCode.UNSET


def _span_json(span: Any) -> dict[str, Any]:
    # Every span of the process goes through here (on the exporter's thread, which holds
    # the GIL meanwhile): each property of the SDK's span is read once.
    context = span.context
    status = span.status
    out: dict[str, Any] = {
        "traceId": f"{context.trace_id:032x}",
        "spanId": f"{context.span_id:016x}",
        "name": span.name,
        "kind": _OTLP_KINDS[span.kind],
        "startTimeUnixNano": str(span.start_time),
        "endTimeUnixNano": str(span.end_time),
        "status": {} if status.status_code is _UNSET else {"code": status.status_code.value},
    }
    attributes = span.attributes
    if attributes:
        out["attributes"] = _key_values(attributes)
    parent = span.parent
    if parent is not None:
        out["parentSpanId"] = f"{parent.span_id:016x}"
    if status.description:
        out["status"]["message"] = status.description
    events = span.events
    if events:
        out["events"] = [{"name": e.name, "timeUnixNano": str(e.timestamp),
                          **({"attributes": _key_values(e.attributes)} if e.attributes else {})} for e in events]
    links = span.links
    if links:
        out["links"] = [{"traceId": f"{link.context.trace_id:032x}", "spanId": f"{link.context.span_id:016x}",
                         "attributes": _key_values(link.attributes)} for link in links]
    return out


def spans_json(spans: Sequence[Any]) -> str:
    """Finished SDK spans as one OTLP/JSON export request, built directly and encoded by
    orjson (about three times cheaper than the protobuf encoder followed by protobuf's
    JSON printer; orjson halves what json.dumps took of the rest)."""
    resources: dict[int, tuple[Any, dict[tuple[str, str], list[dict[str, Any]]]]] = {}
    for span in spans:
        _, scopes = resources.setdefault(id(span.resource), (span.resource, {}))
        scope = span.instrumentation_scope
        key = (scope.name, scope.version or "") if scope is not None else ("", "")
        scopes.setdefault(key, []).append(_span_json(span))
    request = {
        "resourceSpans": [
            {
                "resource": {"attributes": _key_values(resource.attributes)},
                "scopeSpans": [
                    {"scope": {"name": name, **({"version": version} if version else {})}, "spans": items}
                    for (name, version), items in scopes.items()
                ],
            }
            for resource, scopes in resources.values()
        ]
    }
    return orjson.dumps(request).decode()


class OtlpJsonFileExporter:
    """Appends each batch of spans to a file as one OTLP/JSON line (no collector).
    Several processes may share the file: each line is one write() in append mode."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()

    def export(self, spans: Sequence[Any]) -> Any:
        from opentelemetry.sdk.trace.export import SpanExportResult

        data = (spans_json(spans) + "\n").encode()
        try:
            with self._lock:
                fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
                try:
                    written = 0
                    while written < len(data):
                        written += os.write(fd, data[written:])
                finally:
                    os.close(fd)
        except OSError:
            return SpanExportResult.FAILURE
        return SpanExportResult.SUCCESS

    def shutdown(self) -> None:
        return None

    def force_flush(self, timeout_millis: int = 30000) -> bool:
        return True
