"""Typed settings read from the environment. Each service subclasses ServiceSettings."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from atende_runtime.tls import TlsSettings


class ServiceSettings(BaseSettings):
    """Settings every service has. Environment variables use the service's prefix,
    e.g. MEMORY_PORT, and the shared ones below have none."""

    model_config = SettingsConfigDict(extra="ignore")

    host: str = "127.0.0.1"
    port: int = 0
    # Seconds SIGTERM waits for in-flight RPCs before cancelling them.
    shutdown_grace_seconds: float = 10.0
    # Seconds between health probes of the service's own dependencies.
    health_interval_seconds: float = 2.0
    log_level: str = "INFO"
    # A second, plaintext port that serves only grpc.health.v1 (e.g. MEMORY_HEALTH_PORT):
    # the kubelet's gRPC probes cannot present a client certificate, so with mTLS on the
    # service port they ask here. None: no such port (0: a free one, in tests).
    health_port: int | None = None
    # Prometheus /metrics on its own plaintext port (e.g. ROUTER_METRICS_PORT), bound to
    # `host`; atende_runtime/metrics.py lists what it serves. None: no endpoint.
    metrics_port: int | None = None
    # Server processes of this service (e.g. ROUTER_WORKERS), for a CPU-bound service on a
    # machine or pod with several cores: a Python process uses one core at most. With more
    # than one, a small supervisor process starts them, each on the same port
    # (SO_REUSEPORT: the kernel spreads connections over them), serves their /metrics
    # together on metrics_port and restarts one that dies (atende_runtime/workers.py).
    workers: int = Field(default=1, ge=1)
    # mTLS on the service port and on calls to other services (ATENDE_TLS_CERT, _KEY,
    # _CA; atende_runtime/tls.py). Unset: plaintext.
    tls: TlsSettings = Field(default_factory=TlsSettings)
