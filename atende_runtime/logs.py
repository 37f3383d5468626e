"""Structured JSON logs that carry the request id of the RPC being served, and the
trace and span ids of the current span (atende_runtime.telemetry), so a log line
leads to its trace and a trace to its log lines.

Every RPC writes a line (atende_runtime.interceptors), so a line's cost is paid a few
times per turn in every service: the formatter encodes with orjson, formats the
timestamp's seconds once per second, and configure_logging turns off what the lines
never show (the caller's file and line, found by walking the stack, and the thread
and process names)."""

from __future__ import annotations

import contextvars
import logging
import sys
import time
import uuid
from collections.abc import Mapping
from typing import Any

from opentelemetry import trace

from atende_runtime import fastjson

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")

_RESERVED = frozenset(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {"message", "asctime"}


def new_request_id() -> str:
    return uuid.uuid4().hex


def _encode(entry: dict[str, Any]) -> str:
    return fastjson.dumps(entry, default=str).decode()


class JsonFormatter(logging.Formatter):
    def __init__(self, service: str, fields: Mapping[str, Any] | None = None) -> None:
        super().__init__()
        self.service = service
        # On every line (a worker's index, when the service runs several).
        self.fields = dict(fields or {})
        self._second = -1
        self._stamp = ""

    def _timestamp(self, created: float, msecs: float) -> str:
        second = int(created)
        if second != self._second:
            self._stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(second))
            self._second = second
        return f"{self._stamp}.{int(msecs):03d}Z"

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": self._timestamp(record.created, record.msecs),
            "level": record.levelname.lower(),
            "service": self.service,
            "logger": record.name,
            "msg": record.getMessage(),
            **self.fields,
        }
        request_id = request_id_var.get()
        if request_id:
            entry["request_id"] = request_id
        context = trace.get_current_span().get_span_context()
        if context.is_valid:
            entry["trace_id"] = format(context.trace_id, "032x")
            entry["span_id"] = format(context.span_id, "016x")
        for key, value in record.__dict__.items():
            if key not in _RESERVED and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return _encode(entry)


def configure_logging(service: str, level: str = "INFO", fields: Mapping[str, Any] | None = None) -> None:
    # The lines show none of these; working them out (a stack walk for the caller's
    # file and line) was a third of a line's cost.
    logging._srcfile = None  # type: ignore[attr-defined]
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(service, fields))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
