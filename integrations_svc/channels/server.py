"""The webhooks' HTTP server (behind the gateway's /webhooks/ routes, which skip the
gateway's credential check: the vendor's own signature or secret is checked here).

GET  /healthz             the process answers (liveness); GET /readyz: PostgreSQL answers (readiness)
(/metrics is served on its own port, CHANNELS_METRICS_PORT, like the services': the
webhooks answered by route and HTTP status, and the time to acknowledge them)
GET  /webhooks/whatsapp   Meta's verification handshake (hub.mode, hub.verify_token, hub.challenge)
POST /webhooks/whatsapp   deliveries, signed with X-Hub-Signature-256 (HMAC-SHA256 of the raw body)
POST /webhooks/email      SendGrid Inbound Parse (multipart form), with the secret of the Parse URL

A delivery is stored (deduplicated by the vendor's message id) before it is
acknowledged; the turns and the replies happen after, in the engine. A bad or missing
signature is 401 and stores nothing; a body that is not the vendor's format is 400."""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import psycopg
from aiohttp import web
from prometheus_client import Counter, Histogram

from atende_runtime.metrics import LATENCY_BUCKETS
from atende_runtime.postgres import ping
from integrations_svc.channels import mail, whatsapp
from integrations_svc.channels.engine import Engine
from integrations_svc.channels.settings import ChannelSettings

log = logging.getLogger("integrations.channels.webhooks")

WEBHOOKS_HANDLED = Counter(
    "atende_webhooks_handled_total", "Webhook requests answered, by route and HTTP status.", ["route", "status"]
)
WEBHOOK_SECONDS = Histogram(
    "atende_webhook_ack_seconds",
    "Time from a webhook request to its answer (a delivery is stored first), by route.",
    ["route"],
    buckets=LATENCY_BUCKETS,
)

MAX_WHATSAPP_BODY = 1024 * 1024
# Inbound Parse posts attachments too (SendGrid's limit is 30 MB a message).
MAX_EMAIL_BODY = 32 * 1024 * 1024


def _error(status: int, message: str) -> web.Response:
    code = {400: 3, 401: 16, 403: 7, 413: 8, 503: 14}.get(status, 2)
    return web.json_response({"code": code, "message": message, "details": []}, status=status)


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


def _not_stored(error: Exception) -> web.Response:
    # Not acknowledged, so the vendor delivers it again later: nothing is lost.
    log.warning("a delivery could not be stored", extra={"error": type(error).__name__})
    return _error(503, "the delivery could not be stored now; deliver it again later")


class Webhooks:
    def __init__(self, engine: Engine, settings: ChannelSettings) -> None:
        self.engine = engine
        self.settings = settings

    async def verify(self, request: web.Request) -> web.Response:
        token = self.settings.whatsapp_verify_token
        if token is None:
            return _error(403, "no verify token configured (CHANNELS_WHATSAPP_VERIFY_TOKEN)")
        mode = request.query.get("hub.mode", "")
        given = request.query.get("hub.verify_token", "")
        challenge = request.query.get("hub.challenge", "")
        if mode != "subscribe" or not challenge:
            return _error(400, "expected hub.mode=subscribe with hub.challenge")
        if not hmac.compare_digest(given.encode(), token.get_secret_value().encode()):
            return _error(403, "hub.verify_token does not match")
        return web.Response(text=challenge, content_type="text/plain")

    async def whatsapp(self, request: web.Request) -> web.Response:
        secret = self.settings.whatsapp_app_secret
        if secret is None:
            return _error(401, "WhatsApp is not configured here (CHANNELS_WHATSAPP_APP_SECRET): delivery refused")
        if request.content_length is not None and request.content_length > MAX_WHATSAPP_BODY:
            return _error(413, "the body is larger than 1 MB")
        body = await request.read()
        if not whatsapp.signature_ok(secret.get_secret_value(), body, request.headers.get("X-Hub-Signature-256")):
            log.warning("whatsapp delivery with a bad or missing signature refused")
            return _error(401, "X-Hub-Signature-256 is missing or does not match the body")
        try:
            payload: Any = json.loads(body)
            messages, statuses = whatsapp.parse(payload)
        except (ValueError, UnicodeDecodeError) as error:
            message = str(error) if isinstance(error, whatsapp.BadPayload) else "the body is not JSON"
            return _error(400, message)
        if b"u0000" in body and _has_nul(payload):
            # PostgreSQL's text and jsonb cannot hold it: refused here, not failed there.
            return _error(400, "the body contains a NUL character (\\u0000), which cannot be stored")
        try:
            new = await self.engine.receive_whatsapp(messages, statuses)
        except psycopg.Error as error:
            return _not_stored(error)
        return web.json_response({"received": len(messages) + len(statuses), "new": new})

    def _email_authorized(self, request: web.Request) -> bool:
        secret = self.settings.email_webhook_secret
        if secret is None:
            return False
        expected = secret.get_secret_value().encode()
        given = request.query.get("token", "").encode()
        header = request.headers.get("Authorization", "")
        if header.lower().startswith("basic "):
            try:
                given = base64.b64decode(header[6:].strip(), validate=True).partition(b":")[2]
            except (binascii.Error, ValueError):
                return False
        return bool(given) and hmac.compare_digest(given, expected)

    async def email(self, request: web.Request) -> web.Response:
        if not self._email_authorized(request):
            return _error(401, "the Inbound Parse URL's secret is missing or wrong (CHANNELS_EMAIL_WEBHOOK_SECRET)")
        if request.content_length is not None and request.content_length > MAX_EMAIL_BODY:
            return _error(413, "the body is larger than 32 MB")
        if not request.content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
            return _error(400, "expected an Inbound Parse form (multipart/form-data)")
        try:
            form = await request.post()
        except (ValueError, UnicodeDecodeError):
            return _error(400, "the form cannot be read")
        # NUL characters (which PostgreSQL cannot store) are dropped from a mail's fields.
        fields = {name: value.replace("\x00", "") for name, value in form.items() if isinstance(value, str)}
        try:
            parsed = mail.parse(fields)
        except mail.BadEmail as error:
            return _error(400, str(error))
        try:
            new = await self.engine.receive_email(parsed)
        except psycopg.Error as error:
            return _not_stored(error)
        return web.json_response({"received": 1, "new": int(new)})


async def _healthz(request: web.Request) -> web.Response:
    """The process answers (liveness)."""
    return web.Response(text="ok")


def _readyz(engine: Engine) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def readyz(request: web.Request) -> web.Response:
        """PostgreSQL answers, so a delivery can be stored and acknowledged (readiness)."""
        if await ping(engine.store.pool):
            return web.Response(text="ready")
        return _error(503, "PostgreSQL does not answer: deliveries cannot be stored")

    return readyz


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def _measured(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Counts and times the webhooks (not the probes). The route label is the route's
    path, never the request's, so a probe of random paths adds no series."""
    resource = request.match_info.route.resource
    route = resource.canonical if resource is not None else "unmatched"
    if not route.startswith("/webhooks/"):
        return await handler(request)
    started = time.perf_counter()
    status = 500
    try:
        response = await handler(request)
        status = response.status
        return response
    except web.HTTPException as error:
        status = error.status
        raise
    finally:
        WEBHOOKS_HANDLED.labels(route, str(status)).inc()
        WEBHOOK_SECONDS.labels(route).observe(time.perf_counter() - started)


def build(engine: Engine, settings: ChannelSettings) -> web.Application:
    app = web.Application(client_max_size=MAX_EMAIL_BODY, middlewares=[_measured])
    hooks = Webhooks(engine, settings)
    app.router.add_get("/healthz", _healthz)
    app.router.add_get("/readyz", _readyz(engine))
    app.router.add_get("/webhooks/whatsapp", hooks.verify)
    app.router.add_post("/webhooks/whatsapp", hooks.whatsapp)
    app.router.add_post("/webhooks/email", hooks.email)
    return app
