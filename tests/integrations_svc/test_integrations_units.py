"""Backoff, circuit breaker, Retry-After parsing, templates, settings and redaction."""

from __future__ import annotations

import email.utils
from pathlib import Path

import httpx
import pytest
from pydantic import ValidationError

from integrations_svc.adapters import ConfigurationError, build_adapters
from integrations_svc.adapters.http import parse_retry_after, redact
from integrations_svc.domain import CHANNEL_KINDS, OPERATION_KINDS, Kind
from integrations_svc.resilience import BreakerState, CircuitBreaker, backoff_delay
from integrations_svc.settings import Settings
from integrations_svc.templates import MissingVariables, TemplateStore, UnknownTemplate


def test_backoff_grows_exponentially_with_jitter_and_a_cap() -> None:
    low = [backoff_delay(n, 1.0, 60.0, rng=lambda a, b: a) for n in range(1, 10)]
    high = [backoff_delay(n, 1.0, 60.0, rng=lambda a, b: b) for n in range(1, 10)]
    assert high == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert low == [h / 2 for h in high]
    samples = {backoff_delay(4, 1.0, 60.0) for _ in range(50)}
    assert len(samples) > 40 and all(4 <= s <= 8 for s in samples)
    assert backoff_delay(1, 1.0, 60.0, retry_after=30) >= 30
    assert backoff_delay(10**6, 1.0, 60.0) <= 60


def test_breaker_opens_probes_and_closes() -> None:
    now = [0.0]
    breaker = CircuitBreaker(threshold=3, reset_seconds=10, clock=lambda: now[0])
    for _ in range(2):
        assert breaker.begin()
        breaker.failure()
    assert breaker.state == BreakerState.CLOSED
    assert breaker.begin()
    breaker.failure()
    assert breaker.state == BreakerState.OPEN and not breaker.available() and not breaker.begin()
    now[0] = 10.0
    assert breaker.state == BreakerState.HALF_OPEN and breaker.begin()
    assert not breaker.begin()  # one probe at a time
    breaker.failure()  # the probe failed: open again
    assert breaker.state == BreakerState.OPEN
    now[0] = 20.0
    assert breaker.begin()
    breaker.success()
    assert breaker.state == BreakerState.CLOSED and breaker.available()


def test_breaker_holds_calls_for_retry_after() -> None:
    now = [0.0]
    breaker = CircuitBreaker(threshold=3, reset_seconds=10, clock=lambda: now[0])
    breaker.rate_limited(5.0)
    assert not breaker.available() and breaker.state == BreakerState.CLOSED
    now[0] = 5.0
    assert breaker.available()


def test_retry_after_forms() -> None:
    assert parse_retry_after(httpx.Headers({"Retry-After": "12"})) == 12.0
    date = email.utils.formatdate(1_000_030, usegmt=True)
    assert parse_retry_after(httpx.Headers({"Retry-After": date}), now=1_000_000) == pytest.approx(30, abs=1)
    assert parse_retry_after(httpx.Headers({"X-RateLimit-Reset": "1700000060"}), now=1_700_000_000) == 60
    assert parse_retry_after(httpx.Headers({"Retry-After": "999999"})) == 3600
    assert parse_retry_after(httpx.Headers({"Retry-After": "soon"})) is None
    assert parse_retry_after(httpx.Headers({})) is None


def test_templates_render_both_languages(tmp_path: Path) -> None:
    store = TemplateStore()
    assert {"lead_follow_up", "escalation_notice"} <= store.names()
    variables = {"lead_name": "Ana\nBcc: x@evil.com", "business_name": "Sol", "summary": "<b>kit</b>"}
    rendered = store.render("lead_follow_up", "en", variables)
    assert "\n" not in rendered.subject and "<b>kit</b>" in rendered.text and "&lt;b&gt;" in rendered.html
    with pytest.raises(MissingVariables) as missing:
        store.render("escalation_notice", "pt", {"reason": "x"})
    assert missing.value.names == ["conversation_id", "customer_name", "summary"]
    with pytest.raises(UnknownTemplate):
        store.render("lead_follow_up", "fr", variables)
    (tmp_path / "welcome.en.txt").write_text("Subject: Welcome ${name}\n\nHello ${name}.\n")
    assert TemplateStore(tmp_path).render("welcome", "en", {"name": "Ana"}).subject == "Welcome Ana"


def test_settings_guard_rails_and_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValidationError):
        Settings(database_url="postgresql://x", lease_seconds=5, delivery_timeout_seconds=10)
    monkeypatch.setenv("DATABASE_URL", "postgresql://from-env/db")
    monkeypatch.setenv("INTEGRATIONS_HUBSPOT_ACCESS_TOKEN", "pat-secret-value")
    monkeypatch.setenv("INTEGRATIONS_CRM_ADAPTER", "hubspot")
    settings = Settings()
    assert settings.database_url == "postgresql://from-env/db" and settings.port == 50055
    assert settings.db_schema == "integrations" and settings.crm_adapter == "hubspot"
    assert "pat-secret-value" not in repr(settings) and settings.secrets() == ["pat-secret-value"]
    assert redact("error: Bearer pat-secret-value rejected", settings.secrets()) == "error: Bearer [redacted] rejected"


async def test_a_vendor_without_credentials_is_a_configuration_error() -> None:
    settings = Settings(database_url="postgresql://x", email_adapter="sendgrid")
    with pytest.raises(ConfigurationError) as error:
        build_adapters(settings, records=None)  # type: ignore[arg-type]
    assert "send_email" in str(error.value) and "sendgrid" in str(error.value)
    adapters = build_adapters(Settings(database_url="postgresql://x"), records=None)  # type: ignore[arg-type]
    assert adapters.selected == {kind: "local" for kind in OPERATION_KINDS}
    # The channels' kinds are delivered by the channels server alone (integrations_svc/channels).
    assert sorted(adapters.routes()) == sorted(f"{kind.value}:local" for kind in Kind if kind not in CHANNEL_KINDS)
