"""The /metrics of a service run as several workers (atende_runtime/workers.py), served
by their supervisor on the service's metrics port: every worker's series summed
(prometheus_client's multiprocess mode; each gauge says how it combines, see
atende_runtime/metrics.py), plus two of the supervisor's own:

  atende_workers{service}                   workers running now
  atende_worker_restarts_total{service}     workers started again after they exited

Per-process series (process_cpu_seconds_total, python_gc_*) are not served in this mode:
prometheus_client does not combine them across processes."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from wsgiref.simple_server import WSGIServer

from prometheus_client import CollectorRegistry, multiprocess, start_http_server
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector

log = logging.getLogger("atende.metrics")


class Pool(Protocol):
    """What the endpoint reads of the supervisor's WorkerPool."""

    @property
    def live(self) -> int: ...

    @property
    def restarts(self) -> int: ...


class _PoolCollector(Collector):
    def __init__(self, service: str, pool: Pool) -> None:
        self.service = service
        self.pool = pool

    def collect(self) -> Iterable[Metric]:
        workers = GaugeMetricFamily("atende_workers", "Worker processes of the service running now.", labels=["service"])
        workers.add_metric([self.service], self.pool.live)
        restarts = CounterMetricFamily(
            "atende_worker_restarts", "Worker processes started again after they exited.", labels=["service"]
        )
        restarts.add_metric([self.service], self.pool.restarts)
        return [workers, restarts]


@dataclass
class MetricsEndpoint:
    port: int
    server: WSGIServer
    thread: threading.Thread

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def serve_worker_metrics(service: str, host: str, port: int | None, folder: Path, pool: Pool) -> MetricsEndpoint | None:
    """Serves the workers' series from `folder` on host:port (0: a free port); None when
    `port` is None (no endpoint)."""
    if port is None:
        return None
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry, path=str(folder))  # type: ignore[no-untyped-call]
    registry.register(_PoolCollector(service, pool))
    server, thread = start_http_server(port, addr=host, registry=registry)
    bound = int(server.server_port)
    log.info("metrics", extra={"address": f"{host}:{bound}", "path": "/metrics", "workers": "combined"})
    return MetricsEndpoint(bound, server, thread)


def mark_worker_dead(folder: Path, pid: int) -> None:
    """Drops a dead worker's live gauges (in flight, serving); its counters stay summed."""
    multiprocess.mark_process_dead(pid, str(folder))  # type: ignore[no-untyped-call]
