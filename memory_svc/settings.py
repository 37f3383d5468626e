from __future__ import annotations

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import SettingsConfigDict

from atende_runtime.settings import ServiceSettings


class Settings(ServiceSettings):
    """memory_svc settings; environment variables are prefixed MEMORY_, except the
    shared DATABASE_URL, REDIS_URL and INTEGRATIONS_ADDR."""

    model_config = SettingsConfigDict(env_prefix="MEMORY_", extra="ignore")

    port: int = 50053
    # PostgreSQL, the durable truth. Required: the stack launcher always passes it.
    database_url: str = Field(validation_alias=AliasChoices("DATABASE_URL", "MEMORY_DATABASE_URL"))
    # Redis, the hot tier. Required: the stack launcher always passes it.
    redis_url: str = Field(validation_alias=AliasChoices("REDIS_URL", "MEMORY_REDIS_URL"))
    # PostgreSQL schema that holds this service's tables (tests use a fresh one).
    db_schema: str = Field("memory", pattern=r"^[a-z_][a-z0-9_]{0,62}$")
    # Connections kept open to PostgreSQL, and the most the pool may open.
    db_pool_min_size: int = Field(2, ge=1)
    db_pool_max_size: int = Field(10, ge=1)
    # Prefix of every Redis key this service writes (tests use a fresh one).
    redis_prefix: str = "memory:"
    # Seconds an idle conversation (or lead) stays in Redis after its last write.
    redis_ttl_seconds: int = Field(1800, ge=1)
    # Seconds a Redis call may take before the service falls back to PostgreSQL.
    redis_timeout_seconds: float = Field(0.25, gt=0)
    # Seconds between probes of Redis: a restart (its data may predate recent writes)
    # is noticed within this time and the cache purged; a down Redis is tried again.
    redis_probe_interval_seconds: float = Field(0.25, gt=0)
    # Most recent messages of a conversation kept in Redis.
    redis_window_messages: int = Field(100, ge=1, le=1000)
    # Messages GetContext returns when the request says 0.
    context_messages: int = Field(20, ge=1)
    # Most messages GetContext returns, whatever the request asks.
    context_messages_max: int = Field(200, ge=1)
    # Upper bound of the summary of older messages, in characters.
    summary_max_chars: int = Field(1200, ge=100)
    # Seconds between samples of the outbox and the hand-off queue for /metrics (with
    # MEMORY_METRICS_PORT set).
    metrics_sample_seconds: float = Field(15.0, gt=0)
    # Days conversations (counted from their last message) and interactions are kept;
    # 0 keeps them for ever.
    retention_days: float = Field(365, ge=0)
    # Days audit events are kept (the audit trail, AuditService); 0 keeps them for
    # ever. Apart from retention_days: the trail of an erasure outlives what it erased.
    audit_retention_days: float = Field(365, ge=0)
    # Audit events waiting to be written while PostgreSQL is away; past it, new ones
    # are dropped with a warning.
    audit_queue_capacity: int = Field(10_000, ge=1)
    # Seconds between runs of the retention job.
    retention_interval_seconds: float = Field(3600, gt=0)
    # Secret that signs page tokens, so a tampered token is refused. Set the same value
    # on every replica; the default only protects against accidents, not attackers.
    page_token_secret: str = "atende-memory-page-token"

    # WatchOwner learns of owner changes on any replica through Redis; while Redis is
    # away, each watcher reads the owner from PostgreSQL this often instead.
    owner_watch_poll_seconds: float = Field(1.0, gt=0)
    # LiveService: seconds between heartbeats on an idle watch stream (proxies close
    # streams that stay silent); watchers also poll at owner_watch_poll_seconds while
    # the PostgreSQL LISTEN connection is down.
    live_heartbeat_seconds: float = Field(15.0, gt=0)

    # --- the outbox relay: hands committed actions to integrations_svc ---
    # integrations_svc, the relay's only peer (the stack and k8s set INTEGRATIONS_ADDR).
    integrations_addr: str = Field(
        "127.0.0.1:50055", validation_alias=AliasChoices("INTEGRATIONS_ADDR", "MEMORY_INTEGRATIONS_ADDR")
    )
    # Off: actions are still stored with their turn, and wait for a replica that relays.
    relay_enabled: bool = True
    # Seconds between looks for due rows: rows other replicas committed, rows a crash
    # left, retries and CRM follow-ups. Appends in this process wake the relay at once.
    relay_poll_interval_seconds: float = Field(1.0, gt=0)
    # Rows claimed (and delivered concurrently) at a time.
    relay_batch_size: int = Field(32, ge=1, le=1000)
    # Retry delay after a failed call: base * 2^(attempts-1), jittered, capped at max.
    relay_backoff_base_seconds: float = Field(1.0, gt=0)
    relay_backoff_max_seconds: float = Field(60.0, gt=0)
    # Deadline of one call to integrations_svc.
    relay_call_timeout_seconds: float = Field(5.0, gt=0)
    # How long a claimed row stays with its relay; a relay that dies mid-call leaves
    # its rows to others after this. Must exceed the call timeout.
    relay_lease_seconds: float = Field(30.0, gt=0)

    @model_validator(mode="after")
    def _check_relay(self) -> Settings:
        if self.relay_lease_seconds <= self.relay_call_timeout_seconds:
            raise ValueError("relay_lease_seconds must be greater than relay_call_timeout_seconds")
        if self.relay_backoff_max_seconds < self.relay_backoff_base_seconds:
            raise ValueError("relay_backoff_max_seconds must not be below relay_backoff_base_seconds")
        return self
