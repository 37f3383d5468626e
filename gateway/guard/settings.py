"""The guard's settings; environment variables are prefixed GUARD_, except the shared
DATABASE_URL, REDIS_URL and ATENDE_API_KEYS."""

from __future__ import annotations

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GUARD_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = 50060
    database_url: str = Field(validation_alias=AliasChoices("DATABASE_URL", "GUARD_DATABASE_URL"))
    redis_url: str = Field(validation_alias=AliasChoices("REDIS_URL", "GUARD_REDIS_URL"))
    db_schema: str = Field("gateway", pattern=r"^[a-z_][a-z0-9_]{0,62}$")
    redis_prefix: str = "guard:"
    # Keys from the environment (comma-separated), admin credentials for bootstrap and
    # local runs; the guard keeps only their hashes in memory.
    static_keys: str = Field("", validation_alias=AliasChoices("ATENDE_API_KEYS", "GUARD_STATIC_KEYS"))
    # Seconds between reloads of the key table: a revoked key stops working within it.
    reload_seconds: float = Field(2.0, gt=0)
    # Requests a minute, per credential, across every gateway replica.
    customer_per_minute: int = Field(120, ge=1)
    agent_per_minute: int = Field(1200, ge=1)
    admin_per_minute: int = Field(6000, ge=1)
    # Per client address, for requests without a credential (a local open gateway).
    anonymous_per_minute: int = Field(600, ge=1)
    log_level: str = "INFO"
    # memory_svc, which keeps the audit trail: key changes made with
    # `python -m gateway.guard.keys` are recorded there. Empty: not recorded.
    memory_addr: str = Field("127.0.0.1:50053", validation_alias=AliasChoices("MEMORY_ADDR", "GUARD_MEMORY_ADDR"))

    def per_minute(self, role: str) -> int:
        limits = {"customer": self.customer_per_minute, "agent": self.agent_per_minute, "admin": self.admin_per_minute}
        return limits.get(role, self.anonymous_per_minute)
