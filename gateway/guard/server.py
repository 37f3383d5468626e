"""The guard's HTTP server: Envoy's ext_authz HTTP service. For every request it
gets the request's headers (the path under /check); it answers 200 with the
credential's identity headers, or the refusal Envoy passes to the client."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime

from aiohttp import web

from gateway.guard.keys import ApiKey, KeyStore, digest, parse
from gateway.guard.limiter import Limiter
from gateway.guard.settings import Settings

log = logging.getLogger("atende.guard")

# What the guard tells Envoy (and Envoy's authz filter) about a verified key.
KEY_ROLE_HEADER = "x-atende-key-role"
KEY_SUBJECT_HEADER = "x-atende-key-subject"
KEY_ID_HEADER = "x-atende-key-id"
# Set by jwt_authn from a verified token's claims, for the rate limit.
JWT_SUBJECT_HEADER = "x-atende-jwt-sub"
JWT_ROLE_HEADER = "x-atende-jwt-role"
ADDRESS_HEADER = "x-atende-client-address"


def _refusal(status: int, message: str, headers: dict[str, str] | None = None) -> web.Response:
    """Plain text: Envoy's local_reply_config makes a refusal a JSON google.rpc.Status
    with the status's code, as it does Envoy's own answers."""
    return web.Response(status=status, text=message, content_type="text/plain", headers=headers)


class KeyCache:
    """Every key's hash in memory, reloaded from PostgreSQL every few seconds (a key
    revoked there stops working within that time). Keys from the environment are
    admin keys named api-key-1, api-key-2…"""

    def __init__(self, store: KeyStore, static_keys: list[str]) -> None:
        self.store = store
        self._by_id: dict[str, ApiKey] = {}
        self._static = {
            digest(raw): ApiKey(f"static-{i + 1}", f"api-key-{i + 1}", "admin", digest(raw)) for i, raw in enumerate(static_keys)
        }

    async def reload(self) -> None:
        self._by_id = {key.key_id: key for key in await self.store.all()}

    def find(self, raw: str) -> ApiKey | None:
        parsed = parse(raw)
        if parsed is not None:
            key = self._by_id.get(parsed[0])
            return key if key is not None and key.matches(parsed[1]) else None
        return self._static.get(digest(raw))


class Guard:
    def __init__(self, settings: Settings, keys: KeyCache, limiter: Limiter) -> None:
        self.settings = settings
        self.keys = keys
        self.limiter = limiter

    async def check(self, request: web.Request) -> web.Response:
        headers = request.headers
        address = headers.get(ADDRESS_HEADER, "")
        raw = headers.get("x-api-key")
        identity: dict[str, str] = {}
        if raw is not None:
            key = self.keys.find(raw)
            if key is None:
                return _refusal(401, "unknown API key", {"www-authenticate": "ApiKey"})
            if not key.usable(datetime.now(UTC)):
                state = "revoked" if key.revoked_at else "expired"
                return _refusal(401, f"this API key was {state}", {"www-authenticate": "ApiKey"})
            if not key.admits(address):
                return _refusal(403, f"this API key may not be used from {address or 'an unknown address'}")
            identity = {KEY_ROLE_HEADER: key.role, KEY_SUBJECT_HEADER: key.name, KEY_ID_HEADER: key.key_id}
            credential = f"key:{key.key_id}"
            limit = key.rate_limit_per_minute or self.settings.per_minute(key.role)
        elif JWT_SUBJECT_HEADER in headers:
            role = headers.get(JWT_ROLE_HEADER, "")
            credential = f"{role}:{headers[JWT_SUBJECT_HEADER]}"
            limit = self.settings.per_minute(role)
        else:
            credential = f"ip:{address}"
            limit = self.settings.anonymous_per_minute
        verdict = await self.limiter.hit(credential, limit)
        if not verdict.allowed:
            return _refusal(
                429, f"over the limit of {limit} requests a minute for this credential; retry in {verdict.retry_after} s",
                {"retry-after": str(verdict.retry_after), "x-ratelimit-limit": str(limit)},
            )
        return web.Response(status=200, headers=identity)


async def _reload_forever(keys: KeyCache, every: float) -> None:
    while True:
        await asyncio.sleep(every)
        try:
            await keys.reload()
        except Exception as error:  # keep serving with the keys last read
            log.warning("key reload failed; keeping the last keys", extra={"error": type(error).__name__})


async def _healthy(request: web.Request) -> web.Response:
    return web.Response(text="ok")


async def build(settings: Settings) -> web.Application:
    from atende_runtime.postgres import open_pool

    pool = await open_pool(settings.database_url, min_size=1, max_size=4, name="guard")
    store = KeyStore(pool, settings.db_schema)
    await store.migrate()
    static = [k.strip() for k in settings.static_keys.split(",") if k.strip()]
    keys = KeyCache(store, static)
    await keys.reload()
    limiter = Limiter.from_url(settings.redis_url, settings.redis_prefix)
    guard = Guard(settings, keys, limiter)
    app = web.Application()
    app.router.add_get("/healthz", _healthy)
    app.router.add_route("*", "/check{path:.*}", guard.check)

    async def background(app: web.Application) -> AsyncIterator[None]:
        task = asyncio.create_task(_reload_forever(keys, settings.reload_seconds))
        yield
        task.cancel()
        await limiter.close()
        await pool.close()

    app.cleanup_ctx.append(background)
    return app
