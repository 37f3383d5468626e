"""integrations_svc settings, read from INTEGRATIONS_* environment variables.

Vendor credentials are SecretStr: they come only from the environment (or from the
code that builds Settings in tests), never appear in a repr, a log line or a job's
last_error."""

from __future__ import annotations

from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from atende_runtime.settings import ServiceSettings

CrmAdapterName = Literal["local", "hubspot", "salesforce"]
EmailAdapterName = Literal["local", "sendgrid"]
CalendarAdapterName = Literal["local", "google"]
AnalyticsAdapterName = Literal["local", "mixpanel"]


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="INTEGRATIONS_", extra="ignore", populate_by_name=True)

    # gRPC port (INTEGRATIONS_PORT).
    port: int = 50055

    # --- storage ---
    # PostgreSQL URL (plain DATABASE_URL), required; `make run` starts a local one.
    database_url: str = Field(default="", validation_alias=AliasChoices("DATABASE_URL", "database_url"))
    # The schema this service owns (tests use a fresh one).
    db_schema: str = "integrations"
    # Connection pool bounds; the workers hold at most one connection each at a time.
    db_pool_min_size: int = 2
    db_pool_max_size: int = 12

    # --- audit trail ---
    # memory_svc, which keeps the audit trail: dead-letter retries (RetryJob) are sent
    # there in batches, in the background. Empty: not recorded.
    memory_addr: str = Field(default="127.0.0.1:50053",
                             validation_alias=AliasChoices("MEMORY_ADDR", "INTEGRATIONS_MEMORY_ADDR", "memory_addr"))
    # Audit events waiting for memory_svc; past it, new ones are dropped with a warning.
    audit_queue_capacity: int = Field(default=10_000, ge=1)

    # --- workers ---
    # Delivery worker tasks in this replica (0 disables delivery: accept only).
    worker_concurrency: int = 4
    # Seconds an idle worker waits before looking for due jobs again.
    worker_poll_interval_seconds: float = 0.5
    # Seconds a claimed job stays leased to its worker; a crashed worker's jobs are
    # picked up by another one after this. Must exceed delivery_timeout_seconds.
    lease_seconds: float = 60.0
    # Hard limit for one delivery (all the vendor calls of one attempt).
    delivery_timeout_seconds: float = 30.0
    # Timeout of one HTTP request to a vendor.
    http_timeout_seconds: float = 10.0
    # Attempts before a job goes to JOB_STATUS_DEAD.
    max_attempts: int = 10
    # Seconds between samples of the job queue for /metrics (with INTEGRATIONS_METRICS_PORT set).
    metrics_sample_seconds: float = 15.0
    # Exponential backoff: base * 2^(attempt-1), jittered, capped at backoff_max_seconds.
    backoff_base_seconds: float = 2.0
    backoff_max_seconds: float = 900.0
    # Consecutive failures of one vendor that open its circuit breaker.
    breaker_failure_threshold: int = 5
    # Seconds an open breaker waits before letting one probe delivery through.
    breaker_reset_seconds: float = 30.0

    # Delivered jobs older than this many days are deleted (their idempotency keys
    # with them); dead jobs are kept for an operator. 0 keeps everything.
    retention_days: float = 30.0
    # Seconds between two purges.
    janitor_interval_seconds: float = 3600.0

    # --- which adapter each kind uses ("local" records in PostgreSQL, offline) ---
    crm_adapter: CrmAdapterName = "local"
    email_adapter: EmailAdapterName = "local"
    calendar_adapter: CalendarAdapterName = "local"
    analytics_adapter: AnalyticsAdapterName = "local"

    # --- HubSpot (CRM: contacts and deals, v3 objects API) ---
    # API root; tests point it at a fake server.
    hubspot_base_url: str = "https://api.hubapi.com"
    # Private app access token (INTEGRATIONS_HUBSPOT_ACCESS_TOKEN).
    hubspot_access_token: SecretStr | None = None
    # Leads scoring at least this get a deal associated with their contact (101: never).
    hubspot_deal_min_score: int = 60
    # Pipeline and stage of the deals created.
    hubspot_deal_pipeline: str = "default"
    hubspot_deal_stage: str = "appointmentscheduled"

    # --- Salesforce (CRM: Lead object, REST API) ---
    # Instance URL, e.g. https://yourorg.my.salesforce.com (the token answer may set it).
    salesforce_instance_url: str = ""
    # REST API version.
    salesforce_api_version: str = "v60.0"
    # A static access token, or the refresh-token flow below.
    salesforce_access_token: SecretStr | None = None
    # OAuth 2.0 token endpoint for the refresh-token flow.
    salesforce_token_url: str = "https://login.salesforce.com/services/oauth2/token"
    salesforce_client_id: SecretStr | None = None
    salesforce_client_secret: SecretStr | None = None
    salesforce_refresh_token: SecretStr | None = None

    # --- SendGrid (e-mail: v3 mail/send) ---
    sendgrid_base_url: str = "https://api.sendgrid.com"
    # API key with Mail Send permission (INTEGRATIONS_SENDGRID_API_KEY).
    sendgrid_api_key: SecretStr | None = None
    # SendGrid's sandbox mode: validates and answers without sending.
    sendgrid_sandbox: bool = False
    # Sender of every transactional e-mail (a verified sender in SendGrid).
    email_from: str = "no-reply@example.com"
    email_from_name: str = "atende"
    # Language of an e-mail whose request names none ("pt" or "en").
    default_language: Literal["pt", "en"] = "pt"
    # Folder of extra or overriding templates (<name>.<lang>.txt); empty: the built-in ones.
    templates_dir: str = ""

    # --- Google Calendar (events insert, freeBusy) ---
    google_calendar_base_url: str = "https://www.googleapis.com/calendar/v3"
    # OAuth 2.0 token endpoint for the refresh-token flow.
    google_token_url: str = "https://oauth2.googleapis.com/token"
    # The calendar that receives the bookings.
    google_calendar_id: str = "primary"
    # A static access token, or the refresh-token flow below.
    google_access_token: SecretStr | None = None
    google_client_id: SecretStr | None = None
    google_client_secret: SecretStr | None = None
    google_refresh_token: SecretStr | None = None
    # "all": Google e-mails the invitation to the attendee; "none": it does not.
    google_send_updates: Literal["all", "externalOnly", "none"] = "all"

    # --- Mixpanel (analytics: /import, or /track with only a project token) ---
    mixpanel_base_url: str = "https://api.mixpanel.com"
    # Project token (needed by /track).
    mixpanel_project_token: SecretStr | None = None
    # Project API secret for /import (Basic auth), or a service account below.
    mixpanel_api_secret: SecretStr | None = None
    mixpanel_service_account_username: SecretStr | None = None
    mixpanel_service_account_secret: SecretStr | None = None
    # Project id, required by /import with a service account.
    mixpanel_project_id: str = ""
    # The GDPR API (LGPD deletions): its root (eu.mixpanel.com/api/app for EU
    # residency), the project's OAuth token for it, and the regulation named in
    # each request (Mixpanel offers GDPR and CCPA; GDPR's deletion is LGPD's).
    mixpanel_gdpr_base_url: str = "https://mixpanel.com/api/app"
    mixpanel_gdpr_token: SecretStr | None = None
    mixpanel_compliance_type: Literal["GDPR", "CCPA"] = "GDPR"

    @model_validator(mode="after")
    def _check(self) -> Settings:
        if self.lease_seconds <= self.delivery_timeout_seconds:
            raise ValueError("lease_seconds must be greater than delivery_timeout_seconds")
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.worker_concurrency < 0:
            raise ValueError("worker_concurrency must not be negative")
        if not self.db_schema.isidentifier():
            raise ValueError("db_schema must be a plain identifier")
        return self

    def secrets(self) -> list[str]:
        """Every credential value, so error texts can be scrubbed of them."""
        values: list[str] = []
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, SecretStr):
                secret = value.get_secret_value()
                if secret:
                    values.append(secret)
        return values
