"""Adapters per kind, and the registry that builds them from the settings.

Each job records the adapter chosen when it was accepted. A replica delivers the jobs
of every adapter it can build: local always, a vendor whenever its credentials are
in the environment, so jobs accepted before a configuration change still go out."""

from __future__ import annotations

from collections.abc import Awaitable, Mapping
from dataclasses import dataclass, field

import httpx

from integrations_svc.adapters.base import (
    Adapter,
    AnalyticsAdapter,
    CalendarAdapter,
    ChannelAdapter,
    CrmAdapter,
    DeliveryError,
    EmailAdapter,
    InDoubtError,
    PermanentError,
    RetryableError,
)
from integrations_svc.adapters.google_calendar import GoogleCalendar
from integrations_svc.adapters.http import OAuthToken, VendorHttp
from integrations_svc.adapters.hubspot import HubSpotCrm
from integrations_svc.adapters.local import LocalAnalytics, LocalCalendar, LocalCrm, LocalEmail
from integrations_svc.adapters.mixpanel import MixpanelAnalytics
from integrations_svc.adapters.salesforce import SalesforceCrm
from integrations_svc.adapters.sendgrid import SendGridEmail
from integrations_svc.domain import (
    ChannelMessage,
    DeliveryContext,
    EmailData,
    EventData,
    Kind,
    LeadData,
    MeetingData,
    Operation,
    SubjectKeys,
)
from integrations_svc.settings import Settings
from integrations_svc.store import LocalRecords

__all__ = [
    "Adapter",
    "Adapters",
    "ConfigurationError",
    "DeliveryError",
    "InDoubtError",
    "PermanentError",
    "RetryableError",
    "build_adapters",
]


class ConfigurationError(ValueError):
    """A vendor is selected but its credentials or URL are missing."""


@dataclass
class Adapters:
    crm: dict[str, CrmAdapter] = field(default_factory=dict)
    email: dict[str, EmailAdapter] = field(default_factory=dict)
    calendar: dict[str, CalendarAdapter] = field(default_factory=dict)
    analytics: dict[str, AnalyticsAdapter] = field(default_factory=dict)
    # Customer channels: filled only in the channels process (integrations_svc/channels),
    # so integrations_svc's own workers never claim these jobs.
    whatsapp: dict[str, ChannelAdapter] = field(default_factory=dict)
    email_replies: dict[str, ChannelAdapter] = field(default_factory=dict)
    # The adapter each kind's new jobs use.
    selected: dict[Kind, str] = field(default_factory=dict)

    def _table(self, kind: str) -> Mapping[str, Adapter]:
        if kind in (Kind.SYNC_LEAD, Kind.ERASE_CRM):
            return self.crm
        if kind == Kind.SEND_EMAIL:
            return self.email
        if kind == Kind.BOOK_MEETING:
            return self.calendar
        if kind in (Kind.TRACK_EVENT, Kind.ERASE_ANALYTICS):
            return self.analytics
        if kind == Kind.SEND_WHATSAPP:
            return self.whatsapp
        if kind == Kind.SEND_EMAIL_REPLY:
            return self.email_replies
        raise ValueError(f"unknown job kind {kind!r}")

    def routes(self) -> list[str]:
        """Every "kind:adapter" this replica can deliver."""
        return [f"{kind.value}:{name}" for kind in Kind for name in self._table(kind)]

    def get(self, kind: str, name: str) -> Adapter | None:
        return self._table(kind).get(name)

    def deliver(self, kind: str, name: str, operation: Operation, ctx: DeliveryContext) -> Awaitable[str]:
        if kind == Kind.SYNC_LEAD and isinstance(operation, LeadData):
            return self.crm[name].upsert_lead(operation, ctx)
        if kind == Kind.SEND_EMAIL and isinstance(operation, EmailData):
            return self.email[name].send(operation, ctx)
        if kind == Kind.BOOK_MEETING and isinstance(operation, MeetingData):
            return self.calendar[name].book(operation, ctx)
        if kind == Kind.TRACK_EVENT and isinstance(operation, EventData):
            return self.analytics[name].track(operation, ctx)
        if kind == Kind.ERASE_CRM and isinstance(operation, SubjectKeys):
            return self.crm[name].erase_contact(operation, ctx)
        if kind == Kind.ERASE_ANALYTICS and isinstance(operation, SubjectKeys):
            return self.analytics[name].erase_profile(operation, ctx)
        if kind == Kind.SEND_WHATSAPP and isinstance(operation, ChannelMessage):
            return self.whatsapp[name].send_message(operation, ctx)
        if kind == Kind.SEND_EMAIL_REPLY and isinstance(operation, ChannelMessage):
            return self.email_replies[name].send_message(operation, ctx)
        raise PermanentError(f"no {kind} adapter {name!r} for {type(operation).__name__}")

    async def aclose(self) -> None:
        seen: set[int] = set()
        for table in (self.crm, self.email, self.calendar, self.analytics, self.whatsapp, self.email_replies):
            for adapter in table.values():
                if id(adapter) not in seen:
                    seen.add(id(adapter))
                    await adapter.aclose()


def build_adapters(
    settings: Settings, records: LocalRecords, *, transport: httpx.AsyncBaseTransport | None = None
) -> Adapters:
    """transport: only for tests that want to intercept HTTP below httpx."""
    timeout = settings.http_timeout_seconds
    adapters = Adapters(
        crm={"local": LocalCrm(records)},
        email={"local": LocalEmail(records)},
        calendar={"local": LocalCalendar(records)},
        analytics={"local": LocalAnalytics(records)},
    )

    if settings.hubspot_access_token is not None:
        adapters.crm["hubspot"] = HubSpotCrm(
            VendorHttp("hubspot", settings.hubspot_base_url, timeout, transport=transport),
            settings.hubspot_access_token.get_secret_value(),
            deal_min_score=settings.hubspot_deal_min_score,
            deal_pipeline=settings.hubspot_deal_pipeline,
            deal_stage=settings.hubspot_deal_stage,
        )

    sf_refresh = bool(settings.salesforce_refresh_token and settings.salesforce_client_id)
    # A fixed token needs the instance URL; the refresh-token answer carries it.
    if (settings.salesforce_access_token and settings.salesforce_instance_url) or sf_refresh:
        sf_http = VendorHttp("salesforce", settings.salesforce_instance_url or "http://unset", timeout, transport=transport)
        sf_token = OAuthToken(
            sf_http,
            settings.salesforce_token_url,
            access_token=settings.salesforce_access_token,
            client_id=settings.salesforce_client_id,
            client_secret=settings.salesforce_client_secret,
            refresh_token=settings.salesforce_refresh_token,
        )
        adapters.crm["salesforce"] = SalesforceCrm(
            sf_http, sf_token, settings.salesforce_instance_url, settings.salesforce_api_version
        )

    if settings.sendgrid_api_key is not None:
        adapters.email["sendgrid"] = SendGridEmail(
            VendorHttp("sendgrid", settings.sendgrid_base_url, timeout, transport=transport),
            settings.sendgrid_api_key.get_secret_value(),
            settings.email_from,
            settings.email_from_name,
            sandbox=settings.sendgrid_sandbox,
        )

    if settings.google_access_token or (settings.google_refresh_token and settings.google_client_id):
        google_http = VendorHttp("google", settings.google_calendar_base_url, timeout, transport=transport)
        google_token = OAuthToken(
            google_http,
            settings.google_token_url,
            access_token=settings.google_access_token,
            client_id=settings.google_client_id,
            client_secret=settings.google_client_secret,
            refresh_token=settings.google_refresh_token,
        )
        adapters.calendar["google"] = GoogleCalendar(
            google_http, google_token, settings.google_calendar_id, settings.google_send_updates
        )

    basic: tuple[str, str] | None = None
    if settings.mixpanel_service_account_username and settings.mixpanel_service_account_secret:
        basic = (
            settings.mixpanel_service_account_username.get_secret_value(),
            settings.mixpanel_service_account_secret.get_secret_value(),
        )
    elif settings.mixpanel_api_secret:
        basic = (settings.mixpanel_api_secret.get_secret_value(), "")
    token = settings.mixpanel_project_token.get_secret_value() if settings.mixpanel_project_token else ""
    if basic is not None or token:
        adapters.analytics["mixpanel"] = MixpanelAnalytics(
            VendorHttp("mixpanel", settings.mixpanel_base_url, timeout, transport=transport),
            project_token=token,
            basic_auth=basic,
            project_id=settings.mixpanel_project_id,
            gdpr_http=VendorHttp("mixpanel", settings.mixpanel_gdpr_base_url, timeout, transport=transport),
            gdpr_token=settings.mixpanel_gdpr_token.get_secret_value() if settings.mixpanel_gdpr_token else "",
            compliance_type=settings.mixpanel_compliance_type,
        )

    selected: dict[Kind, str] = {
        Kind.SYNC_LEAD: settings.crm_adapter,
        Kind.SEND_EMAIL: settings.email_adapter,
        Kind.BOOK_MEETING: settings.calendar_adapter,
        Kind.TRACK_EVENT: settings.analytics_adapter,
    }
    for kind, name in selected.items():
        if name not in adapters._table(kind):
            raise ConfigurationError(
                f"{kind.value} is set to use {name!r} but its credentials are not in the environment"
                f" (see the INTEGRATIONS_{name.upper()}_* settings)"
            )
        adapters.selected[kind] = name
    return adapters
