"""The web server behind the gateway's /chat/, /console/, /docs/ and /openapi.json
routes: static files (plain JavaScript, no build step), the chat's session endpoint,
and the REST API's OpenAPI document (gen/openapi.json, generated from the protos) with
its reference page (/docs/, rendered in the browser from the document).

POST /chat/session mints a short-lived customer token (role customer, its own user id
and one fresh conversation id) so a browser chats as a customer channel, never with
an admin key. With {"renew": "<its previous token>"} it mints a new token for the
same user and conversation, if that token was signed here and expired less than
`renew_grace_seconds` ago. Sessions are rate-limited per client address."""

from __future__ import annotations

import json
import logging
import secrets
import time
from collections import deque
from pathlib import Path
from typing import Any

import jwt
from aiohttp import web

from gateway.tokens import TokenKeys
from gateway.web.settings import Settings

log = logging.getLogger("atende.web")

STATIC = Path(__file__).with_name("static")
ADDRESS_HEADER = "x-atende-client-address"
# Scripts only from this origin; no inline script anywhere, so injected markup cannot run.
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
)
_FILES = {
    "/chat/": ("chat/index.html", "'self'"),
    "/chat/frame.html": ("chat/frame.html", "*"),
    "/chat/widget.js": ("chat/widget.js", None),
    "/chat/frame.js": ("chat/frame.js", None),
    "/chat/chat.css": ("chat/chat.css", None),
    "/console/": ("console/index.html", "'none'"),
    "/console/console.js": ("console/console.js", None),
    "/console/console.css": ("console/console.css", None),
    "/console/sse.js": ("console/sse.js", None),
    "/docs/": ("docs/index.html", "'none'"),
    "/docs/docs.js": ("docs/docs.js", None),
    "/docs/docs.css": ("docs/docs.css", None),
}
_TYPES = {".html": "text/html", ".js": "text/javascript", ".css": "text/css"}


class SessionLimiter:
    """A sliding window of sessions per client address (per web server process)."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._seen: dict[str, deque[float]] = {}

    def allow(self, address: str, now: float | None = None) -> bool:
        moment = time.monotonic() if now is None else now
        if len(self._seen) > 10_000:
            self._seen.clear()
        window = self._seen.setdefault(address, deque())
        while window and window[0] <= moment - 60:
            window.popleft()
        if len(window) >= self.per_minute:
            return False
        window.append(moment)
        return True


def _error(status: int, message: str) -> web.Response:
    # The same JSON shape as the API's errors (a google.rpc.Status).
    code = {400: 3, 403: 7, 429: 8, 503: 14}.get(status, 2)
    return web.json_response({"code": code, "message": message, "details": []}, status=status)


class Sessions:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.keys = TokenKeys(settings.jwt_keys)
        self.limiter = SessionLimiter(settings.sessions_per_minute)

    def _verified(self, token: str) -> dict[str, Any] | None:
        """The claims of a customer token signed with this key, expired less than the
        grace ago; None otherwise."""
        try:
            jwks = json.loads(self.keys.jwks_path.read_text())
            key = jwt.PyJWK.from_dict(jwks["keys"][0]).key
            claims: dict[str, Any] = jwt.decode(
                token, key, algorithms=["ES256"], audience=self.settings.audience, issuer=self.settings.issuer,
                options={"verify_exp": False},
            )
        except (jwt.PyJWTError, OSError, ValueError, KeyError, IndexError):
            return None
        expired = time.time() - float(claims.get("exp", 0))
        if claims.get("role") != "customer" or expired > self.settings.renew_grace_seconds:
            return None
        return claims

    async def create(self, request: web.Request) -> web.Response:
        address = request.headers.get(ADDRESS_HEADER) or request.remote or ""
        if not self.limiter.allow(address):
            return web.json_response(
                {"code": 8, "message": "too many chat sessions from this address; wait a minute", "details": []},
                status=429, headers={"retry-after": "60"},
            )
        body: Any = {}
        if request.can_read_body:
            if request.content_length is not None and request.content_length > 16384:
                return _error(400, "the request body is larger than 16 KB")
            try:
                body = json.loads(await request.read() or b"{}")
            except ValueError:
                return _error(400, "the request body is not JSON")
        if not isinstance(body, dict):
            return _error(400, "the request body must be a JSON object")
        renew = body.get("renew", "")
        if not isinstance(renew, str):
            return _error(400, "renew: must be a string (the previous token)")
        if renew:
            claims = self._verified(renew)
            if claims is None:
                return _error(403, "renew: not a chat token of this gateway, or expired too long ago")
            user_id, conversation_id = str(claims["sub"]), str(claims["cid"])
        else:
            user_id = "visitor-" + secrets.token_hex(8)
            conversation_id = "web-" + secrets.token_hex(12)
        if not self.keys.signing_path.exists():
            return _error(503, "no signing key configured for chat tokens")
        ttl = self.settings.token_ttl_seconds
        token = self.keys.mint(
            role="customer", subject=user_id, conversation=conversation_id, ttl_seconds=ttl,
            issuer=self.settings.issuer, audience=self.settings.audience,
        )
        log.info("chat session", extra={"conversation_id": conversation_id, "renewed": bool(renew)})
        return web.json_response(
            {"conversation_id": conversation_id, "user_id": user_id, "token": token, "expires_in": ttl},
            headers={"cache-control": "no-store"},
        )


async def _file(request: web.Request) -> web.StreamResponse:
    name, ancestors = _FILES[request.path]
    path = STATIC / name
    headers = {"cache-control": "no-cache", "x-content-type-options": "nosniff", "referrer-policy": "no-referrer"}
    if ancestors is not None:
        headers["content-security-policy"] = f"{_CSP}; frame-ancestors {ancestors}"
    if name.endswith("widget.js"):
        # Loaded by the business's own pages, from another origin.
        headers["cross-origin-resource-policy"] = "cross-origin"
    return web.Response(
        body=path.read_bytes(), headers=headers, content_type=_TYPES[path.suffix], charset="utf-8"
    )


async def _healthz(request: web.Request) -> web.Response:
    return web.Response(text="ok")


class OpenApi:
    """GET /openapi.json: the document as generated, read once (it changes only with a
    new release, which restarts the server)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._body: bytes | None = None

    async def serve(self, request: web.Request) -> web.Response:
        if self._body is None:
            try:
                self._body = self.path.read_bytes()
            except OSError:
                log.error("no OpenAPI document", extra={"path": str(self.path)})
                return _error(503, f"the OpenAPI document is missing on this server ({self.path.name}): run `make proto`")
        # Public and static: any origin may read it (API tools load it from their own pages).
        headers = {"cache-control": "no-cache", "x-content-type-options": "nosniff", "access-control-allow-origin": "*"}
        return web.Response(body=self._body, headers=headers, content_type="application/json", charset="utf-8")


def build(settings: Settings) -> web.Application:
    app = web.Application(client_max_size=65536)
    sessions = Sessions(settings)
    app.router.add_get("/healthz", _healthz)
    app.router.add_post("/chat/session", sessions.create)
    app.router.add_get("/openapi.json", OpenApi(settings.openapi).serve)
    for path in _FILES:
        app.router.add_get(path, _file)
    return app
