"""The channels server's settings, from CHANNELS_* environment variables (and the
shared DATABASE_URL, ROUTER_ADDR, MEMORY_ADDR, INTEGRATIONS_DB_SCHEMA).

Vendor secrets are SecretStr: from the environment only, never in a repr or a log."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_TEMPLATES = Path(__file__).with_name("whatsapp_templates.toml")


class ChannelSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CHANNELS_", extra="ignore", populate_by_name=True)

    host: str = "127.0.0.1"
    # The webhooks' HTTP port (behind the gateway's /webhooks/ routes).
    port: int = 50071
    # Prometheus /metrics on its own plaintext port, bound to `host` (k8s: 9090, by the
    # observability component). None: no endpoint.
    metrics_port: int | None = None
    log_level: str = "INFO"

    database_url: str = Field(default="", validation_alias=AliasChoices("DATABASE_URL", "database_url"))
    # integrations_svc's schema: the channels' tables live beside its jobs.
    db_schema: str = Field(
        default="integrations",
        validation_alias=AliasChoices("CHANNELS_DB_SCHEMA", "INTEGRATIONS_DB_SCHEMA", "db_schema"),
    )
    router_addr: str = Field(default="127.0.0.1:50051", validation_alias=AliasChoices("ROUTER_ADDR", "router_addr"))
    memory_addr: str = Field(default="127.0.0.1:50053", validation_alias=AliasChoices("MEMORY_ADDR", "memory_addr"))
    # One turn's deadline at router_svc; a turn that fails for a transient reason is
    # tried again after retry_base_seconds * 2^attempt, up to turn_attempts times.
    turn_timeout_seconds: float = 60.0
    turn_attempts: int = Field(default=8, ge=1)
    retry_base_seconds: float = 1.0
    # Seconds between looks for inbound messages left pending (a crash, another replica).
    sweep_interval_seconds: float = 5.0
    # Customers whose inbound messages are processed (turns) at once in this process.
    # Fewer keep the webhooks' acknowledgements fast on a busy CPU (benchmarks/
    # webhook_bench.py: p99 about 0.2 s with 4, 0.65 s with 32, local engine, 2 shared
    # cores); a turn waiting on an LLM provider holds its slot, so with one raise it
    # (k8s/base/config.env sets 16).
    turn_concurrency: int = Field(default=4, ge=1)
    # Webhook deliveries are stored by group commit (ingest.py): this many writer
    # threads, each with its own connection, each committing everything that waits (up
    # to ingest_max_batch deliveries) in one transaction before acknowledging it.
    ingest_writers: int = Field(default=2, ge=1)
    ingest_max_batch: int = Field(default=256, ge=1)
    # Delivery workers for the channels' jobs in this process.
    worker_concurrency: int = Field(default=4, ge=0)
    # The language of notices ("pt" or "en").
    language: Literal["pt", "en"] = "pt"

    # --- WhatsApp Cloud API ---
    # The token you type in Meta's webhook settings (verification handshake).
    whatsapp_verify_token: SecretStr | None = None
    # The Meta app's secret: every delivery's X-Hub-Signature-256 is checked with it.
    whatsapp_app_secret: SecretStr | None = None
    # A system user's access token with whatsapp_business_messaging (sending).
    whatsapp_access_token: SecretStr | None = None
    # The business phone number's id (sending) and the WhatsApp Business Account's id
    # (reading the templates' approval status).
    whatsapp_phone_number_id: str = ""
    whatsapp_business_account_id: str = ""
    graph_base_url: str = "https://graph.facebook.com"
    graph_api_version: str = "v21.0"
    # The customer-service window: free-form messages within this many hours of the
    # customer's last message; after it, only approved templates.
    whatsapp_window_hours: float = 24.0
    # Templates per purpose (reply, human, notice), with their variables.
    whatsapp_templates_file: Path = DEFAULT_TEMPLATES
    # Whether a customer writing first counts as opt-in to business-initiated
    # messages (source "whatsapp:first_message"); otherwise only an explicit opt-in
    # (the keywords, or `python -m integrations_svc.channels opt-in`).
    whatsapp_opt_in_on_first_message: bool = False

    # --- e-mail (SendGrid Inbound Parse in, SendGrid mail send out) ---
    # The secret in the Inbound Parse URL: https://inbound:<secret>@host/webhooks/email
    # (HTTP Basic) or ...?token=<secret>. Without one, inbound e-mail is refused.
    email_webhook_secret: SecretStr | None = None
    # The address customers write to and replies come from, and the name shown.
    email_address: str = "atendimento@example.com"
    email_name: str = "atende"
    # Senders with no earlier thread: "accept" starts a conversation, "refuse" stores
    # the message and answers nothing.
    email_unknown_senders: Literal["accept", "refuse"] = "accept"
    # Replies an hour to one address, at most (a loop breaker).
    email_replies_per_hour: int = Field(default=10, ge=1)
