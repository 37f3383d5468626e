"""What every HTTP adapter shares: one httpx.AsyncClient per vendor, the mapping of
transport failures and HTTP statuses to Retryable / InDoubt / Permanent errors,
Retry-After parsing, and OAuth 2.0 access tokens from a refresh token.

Error texts name the method, the path template and the vendor's short message; they
never carry request headers, so credentials cannot leak into a job's last_error."""

from __future__ import annotations

import asyncio
import email.utils
import json
import time
from collections.abc import Callable, Collection
from typing import Any

import httpx
from pydantic import SecretStr

from integrations_svc.adapters.base import InDoubtError, PermanentError, RetryableError

ERROR_BODY_LIMIT = 300
# Statuses after which the vendor certainly did nothing, and repeating is safe.
_RETRY_STATUSES = {408, 425, 500, 502, 503}
# Statuses that may hide a request the vendor carried out (a gateway gave up waiting).
_IN_DOUBT_STATUSES = {504}
# The longest wait honoured from a vendor's Retry-After.
MAX_RETRY_AFTER = 3600.0


def parse_retry_after(headers: httpx.Headers, now: float | None = None) -> float | None:
    """Seconds to wait from Retry-After (seconds or an HTTP date) or X-RateLimit-Reset (epoch)."""
    now = time.time() if now is None else now
    value = headers.get("retry-after")
    if value:
        value = value.strip()
        try:
            return min(max(float(value), 0.0), MAX_RETRY_AFTER)
        except ValueError:
            try:
                when = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError):
                return None
            return min(max(when.timestamp() - now, 0.0), MAX_RETRY_AFTER)
    reset = headers.get("x-ratelimit-reset")
    if reset:
        try:
            seconds = float(reset)
        except ValueError:
            return None
        # SendGrid sends an epoch; some vendors send seconds from now.
        wait = seconds - now if seconds > 1_000_000_000 else seconds
        return min(max(wait, 0.0), MAX_RETRY_AFTER)
    return None


def vendor_message(response: httpx.Response) -> str:
    """The vendor's own short explanation, from the usual JSON error shapes."""
    text = response.text
    try:
        body: Any = json.loads(text)
    except ValueError:
        return " ".join(text.split())[:ERROR_BODY_LIMIT]
    message: Any = None
    if isinstance(body, list) and body and isinstance(body[0], dict):  # Salesforce
        message = "; ".join(f"{item.get('errorCode', '')}: {item.get('message', '')}" for item in body[:3])
    elif isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict):  # Google
            message = error.get("message")
        elif isinstance(body.get("errors"), list) and body["errors"]:  # SendGrid
            message = "; ".join(str(e.get("message", e)) if isinstance(e, dict) else str(e) for e in body["errors"][:3])
        else:  # HubSpot ("message"), Mixpanel ("error")
            message = body.get("message") or error or body.get("status")
    return " ".join(str(message if message is not None else text).split())[:ERROR_BODY_LIMIT]


class VendorHttp:
    """A vendor's HTTP client. request() returns a response with an expected status
    or raises the adapter error that says what the worker should do."""

    def __init__(
        self,
        vendor: str,
        base_url: str,
        timeout: float,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.vendor = vendor
        self.client = httpx.AsyncClient(
            base_url=base_url.rstrip("/"),
            timeout=httpx.Timeout(timeout),
            limits=httpx.Limits(max_connections=20, max_keepalive_connections=10),
            headers={"User-Agent": "atende-integrations/0.1", "Accept": "application/json"},
            transport=transport,
            follow_redirects=False,
        )

    async def aclose(self) -> None:
        await self.client.aclose()

    async def request(
        self,
        method: str,
        path: str,
        *,
        label: str | None = None,
        expect: Collection[int] = (200, 201, 202, 204),
        on_auth_failure: Callable[[], None] | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        """label names the call in errors (a path template: no ids, e-mails or queries)."""
        what = f"{self.vendor} {method} {label or path}"
        try:
            response = await self.client.request(method, path, **kwargs)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as error:
            raise RetryableError(f"{what}: cannot connect ({type(error).__name__})") from None
        except httpx.TimeoutException as error:
            raise InDoubtError(f"{what}: no answer in time ({type(error).__name__})") from None
        except httpx.TransportError as error:
            raise InDoubtError(f"{what}: connection failed ({type(error).__name__})") from None
        status = response.status_code
        if status in expect:
            return response
        detail = f"{what}: HTTP {status}: {vendor_message(response)}"
        if status == 429:
            raise RetryableError(detail, parse_retry_after(response.headers), rate_limited=True)
        if status in (401, 403):
            if on_auth_failure is not None:
                on_auth_failure()
            # Credentials get fixed by an operator: keep the job, let the attempts count.
            raise RetryableError(detail)
        if status in _IN_DOUBT_STATUSES:
            raise InDoubtError(detail, parse_retry_after(response.headers))
        if status in _RETRY_STATUSES or status >= 500:
            raise RetryableError(detail, parse_retry_after(response.headers))
        raise PermanentError(detail)


class OAuthToken:
    """An access token: a fixed one, or one obtained (and renewed before it expires)
    from a refresh token at the vendor's OAuth 2.0 token endpoint."""

    def __init__(
        self,
        http: VendorHttp,
        token_url: str,
        *,
        access_token: SecretStr | None = None,
        client_id: SecretStr | None = None,
        client_secret: SecretStr | None = None,
        refresh_token: SecretStr | None = None,
    ) -> None:
        self._http = http
        self._token_url = token_url
        self._static = access_token.get_secret_value() if access_token else ""
        self._client_id = client_id
        self._client_secret = client_secret
        self._refresh_token = refresh_token
        self._current = ""
        self._expires_at = 0.0
        self._lock = asyncio.Lock()
        # Extra fields of the last token answer (Salesforce sends instance_url).
        self.extra: dict[str, Any] = {}

    @property
    def can_refresh(self) -> bool:
        return bool(self._refresh_token and self._client_id)

    def invalidate(self) -> None:
        """After a 401: the next call fetches a fresh token."""
        self._current = ""
        self._expires_at = 0.0

    async def get(self) -> str:
        if not self.can_refresh:
            return self._static
        async with self._lock:
            if self._current and time.monotonic() < self._expires_at:
                return self._current
            assert self._refresh_token is not None and self._client_id is not None
            form = {
                "grant_type": "refresh_token",
                "refresh_token": self._refresh_token.get_secret_value(),
                "client_id": self._client_id.get_secret_value(),
            }
            if self._client_secret is not None:
                form["client_secret"] = self._client_secret.get_secret_value()
            response = await self._http.request("POST", self._token_url, label="oauth token", data=form, expect=(200,))
            try:
                body = response.json()
                token = str(body["access_token"])
            except (ValueError, KeyError, TypeError):
                raise RetryableError(f"{self._http.vendor} oauth token: answer without access_token") from None
            self.extra = {k: v for k, v in body.items() if k not in ("access_token", "refresh_token", "id_token")}
            expires_in = float(body.get("expires_in") or 3600)
            self._current = token
            self._expires_at = time.monotonic() + max(expires_in - 60, expires_in / 2)
            return token


def redact(text: str, secrets: Collection[str]) -> str:
    """Belt and braces: removes any credential value that found its way into a text."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "[redacted]")
    return text
