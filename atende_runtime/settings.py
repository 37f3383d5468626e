"""Typed settings read from the environment. Each service subclasses ServiceSettings."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


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
