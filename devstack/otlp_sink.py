"""A tiny OTLP/gRPC trace receiver for the local stack: every service and Envoy export
their spans to it (OTEL_EXPORTER_OTLP_ENDPOINT, Envoy's OpenTelemetry tracer), and it
appends each export request to a file as one OTLP/JSON line, the format the
OpenTelemetry collector's file exporter writes. `python -m devstack.traces` reads it.

    python -m devstack.otlp_sink --port 4317 --out data/traces/spans.jsonl

With a real collector (OTEL_EXPORTER_OTLP_ENDPOINT set before `make run`), devstack
starts none of this and everything exports there instead."""

from __future__ import annotations

import argparse
import signal
import threading
from concurrent import futures
from pathlib import Path
from typing import Any

import grpc
from opentelemetry.proto.collector.trace.v1 import trace_service_pb2, trace_service_pb2_grpc

from atende_runtime.telemetry import otlp_json


class FileSink(trace_service_pb2_grpc.TraceServiceServicer):  # type: ignore[misc]
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()

    def Export(self, request: Any, context: Any) -> Any:
        if request.resource_spans:
            line = otlp_json(request) + "\n"
            with self._lock, self.path.open("a", encoding="utf-8") as handle:
                handle.write(line)
        return trace_service_pb2.ExportTraceServiceResponse()


def serve(port: int, out: Path, host: str = "127.0.0.1") -> grpc.Server:
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    trace_service_pb2_grpc.add_TraceServiceServicer_to_server(FileSink(out), server)  # type: ignore[no-untyped-call]
    server.add_insecure_port(f"{host}:{port}")
    server.start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description="OTLP/gRPC traces to an OTLP/JSON lines file")
    parser.add_argument("--port", type=int, default=4317)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    server = serve(args.port, args.out, args.host)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    server.stop(2).wait()


if __name__ == "__main__":
    main()
