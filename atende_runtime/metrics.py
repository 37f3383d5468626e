"""Prometheus metrics every service exposes on its own port (<PREFIX>_METRICS_PORT,
e.g. ROUTER_METRICS_PORT; unset: no endpoint), at /metrics.

The RPC metrics (RED) are recorded for every method served by the request context
interceptor (atende_runtime.interceptors), with the names of go-grpc-prometheus that
dashboards and alert rules commonly use:

  grpc_server_started_total{grpc_service,grpc_method}
  grpc_server_handled_total{grpc_service,grpc_method,grpc_code}
  grpc_server_handling_seconds{grpc_service,grpc_method,grpc_code}   histogram
  grpc_server_in_flight{grpc_service,grpc_method}                    gauge

Each service adds its own domain metrics (router_svc/metrics.py, agent_svc/metrics.py,
…) to the same default registry; atende_process_info{service} names the process.

A service run as several workers (ServiceSettings.workers, atende_runtime/workers.py)
writes these to files its supervisor serves summed (atende_runtime/worker_metrics.py):
counters and histograms add up; each gauge's multiprocess_mode says how it combines,
over the workers alive (in flight: the sum; serving: the lowest; process info: one
series a worker, with its pid). One worker: no files, nothing changes."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from prometheus_client import REGISTRY, Counter, Gauge, Histogram, start_http_server

log = logging.getLogger("atende.metrics")

# Seconds: a cache hit is a millisecond, a turn with a hosted LLM several seconds.
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 30.0)

RPC_STARTED = Counter(
    "grpc_server_started_total", "RPCs started on the server.", ["grpc_service", "grpc_method"]
)
RPC_HANDLED = Counter(
    "grpc_server_handled_total", "RPCs completed on the server, by status code.", ["grpc_service", "grpc_method", "grpc_code"]
)
RPC_SECONDS = Histogram(
    "grpc_server_handling_seconds",
    "Time the server took to handle an RPC, by status code.",
    ["grpc_service", "grpc_method", "grpc_code"],
    buckets=LATENCY_BUCKETS,
)
RPC_IN_FLIGHT = Gauge(
    "grpc_server_in_flight", "RPCs being handled now.", ["grpc_service", "grpc_method"], multiprocess_mode="livesum"
)
PROCESS_INFO = Gauge("atende_process_info", "1 for each atende service process.", ["service"], multiprocess_mode="liveall")
SERVING = Gauge(
    "atende_serving",
    "1 while the service's health is SERVING (its own dependencies answer), else 0.",
    multiprocess_mode="livemin",
)


class MethodMetrics:
    """One method's series, looked up once: recording a call takes no label lookup
    but the status code's (cached too)."""

    __slots__ = ("_handled", "_in_flight", "_labels", "_seconds", "_started")

    def __init__(self, method: str) -> None:
        service, _, name = method.lstrip("/").rpartition("/")
        self._labels = (service, name)
        self._started = RPC_STARTED.labels(service, name)
        self._in_flight = RPC_IN_FLIGHT.labels(service, name)
        self._handled: dict[str, Any] = {}
        self._seconds: dict[str, Any] = {}

    def start(self) -> float:
        self._started.inc()
        self._in_flight.inc()
        return time.perf_counter()

    def finish(self, started: float, code: str) -> float:
        """Records the call's end; returns its duration in seconds."""
        elapsed = time.perf_counter() - started
        self._in_flight.dec()
        handled = self._handled.get(code)
        if handled is None:
            handled = self._handled[code] = RPC_HANDLED.labels(*self._labels, code)
            self._seconds[code] = RPC_SECONDS.labels(*self._labels, code)
        handled.inc()
        self._seconds[code].observe(elapsed)
        return elapsed


def serve_metrics(service: str, host: str, port: int | None) -> int | None:
    """Starts the /metrics endpoint on its own thread (0: a free port). Returns the
    port, or None when `port` is None (no endpoint)."""
    PROCESS_INFO.labels(service).set(1)
    if port is None:
        return None
    server, _ = start_http_server(port, addr=host, registry=REGISTRY)
    bound = int(server.server_port)
    log.info("metrics", extra={"address": f"{host}:{bound}", "path": "/metrics"})
    return bound


class GaugeSampler:
    """Sets gauges from a query every `interval` seconds, on the event loop (a queue's
    depth, its oldest item's age): `sample` reads and sets, and a failure leaves the
    last values and is logged once until it succeeds again."""

    def __init__(self, name: str, sample: Callable[[], Awaitable[None]], interval: float = 15.0) -> None:
        self.name = name
        self._sample = sample
        self._interval = interval
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run(), name=f"metrics:{self.name}")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        failing = False
        while True:
            try:
                await self._sample()
                failing = False
            except asyncio.CancelledError:
                raise
            except Exception:
                if not failing:
                    log.warning("metrics sample failed", extra={"sampler": self.name}, exc_info=True)
                failing = True
            await asyncio.sleep(self._interval)
