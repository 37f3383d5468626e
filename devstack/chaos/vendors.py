"""The vendors the chaos run delivers to, on loopback: a CRM that speaks HubSpot's v3
objects API (contacts and deals: search, create, update) and an e-mail service that
speaks SendGrid's v3 mail/send, on one port. integrations_svc is configured with its
real hubspot and sendgrid adapters pointed here, so side effects travel the
production path (relay, job queue, worker, HTTP) and are counted where they land.

What is counted is what the audit needs: contacts created per e-mail address (HubSpot
keeps one contact per address; a second create would be a duplicate lead), writes per
address, and e-mails sent per idempotency key (mail/send has no idempotency of its
own: two sends with one key are two e-mails in a customer's inbox)."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import uuid
from collections import Counter
from typing import Any

_REASONS = {
    200: "OK", 201: "Created", 202: "Accepted", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 409: "Conflict",
}
_OBJECTS = re.compile(r"/crm/v3/objects/(contacts|deals)(?:/(search|[^/]+))?")
CRM_TOKEN = "pat-chaos-00000000-0000-0000-0000-000000000000"
MAIL_KEY = "SG.chaos-key"


class FakeVendors:
    """HubSpot (CRM) and SendGrid (e-mail) on 127.0.0.1, HTTP/1.1 with keep-alive."""

    def __init__(self) -> None:
        self.port = 0
        self.contacts: dict[str, dict[str, Any]] = {}
        self.deals: dict[str, dict[str, Any]] = {}
        self.contact_creates: Counter[str] = Counter()
        self.contact_writes: Counter[str] = Counter()
        self.mails_by_key: Counter[str] = Counter()
        self.mails_to: Counter[str] = Counter()
        self.requests = 0
        self._ids = itertools.count(7001)
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def integrations_env(self) -> dict[str, str]:
        """What integrations_svc needs to deliver here with its real adapters."""
        return {
            "INTEGRATIONS_CRM_ADAPTER": "hubspot",
            "INTEGRATIONS_HUBSPOT_BASE_URL": self.url,
            "INTEGRATIONS_HUBSPOT_ACCESS_TOKEN": CRM_TOKEN,
            "INTEGRATIONS_EMAIL_ADAPTER": "sendgrid",
            "INTEGRATIONS_SENDGRID_BASE_URL": self.url,
            "INTEGRATIONS_SENDGRID_API_KEY": MAIL_KEY,
        }

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._connection, "127.0.0.1", 0, backlog=256)
        self.port = int(self._server.sockets[0].getsockname()[1])

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            for writer in list(self._writers):
                writer.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), timeout=2)
            self._server = None

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ", 2)
                headers = {k.strip().lower(): v.strip() for k, v in (ln.split(":", 1) for ln in lines[1:] if ":" in ln)}
                length = int(headers.get("content-length", "0") or 0)
                raw = await reader.readexactly(length) if length else b""
                self.requests += 1
                status, body, extra = self._route(method, target.split("?")[0], headers, raw)
                data = json.dumps(body).encode() if body is not None else b""
                more = "".join(f"{k}: {v}\r\n" for k, v in extra.items())
                writer.write(
                    f"HTTP/1.1 {status} {_REASONS.get(status, 'Status')}\r\ncontent-type: application/json\r\n"
                    f"content-length: {len(data)}\r\n{more}\r\n".encode()
                    + data
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError, ValueError):
            pass
        finally:
            self._writers.discard(writer)
            writer.close()

    def _route(self, method: str, path: str, headers: dict[str, str], raw: bytes) -> tuple[int, Any, dict[str, str]]:
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            return 400, {"message": "Invalid input JSON"}, {}
        if path == "/v3/mail/send" and method == "POST":
            if headers.get("authorization") != f"Bearer {MAIL_KEY}":
                return 401, {"errors": [{"message": "The provided authorization grant is invalid"}]}, {}
            return self._mail(body)
        if headers.get("authorization") != f"Bearer {CRM_TOKEN}":
            return 401, {"status": "error", "message": "Authentication credentials not found."}, {}
        match = _OBJECTS.fullmatch(path)
        if match is None or not isinstance(body, dict):
            return 404, {"status": "error", "message": f"Unable to route {method} {path}"}, {}
        kind, tail = match.groups()
        store = self.contacts if kind == "contacts" else self.deals
        if method == "POST" and tail == "search":
            return self._search(store, body)
        if method == "POST" and tail is None:
            return self._create(kind, store, body)
        if method == "PATCH" and tail is not None:
            return self._update(kind, store, tail, body)
        return 404, {"status": "error", "message": "Method not allowed"}, {}

    def _mail(self, body: Any) -> tuple[int, Any, dict[str, str]]:
        try:
            key = str(body["custom_args"]["atende_idempotency_key"])
            to = str(body["personalizations"][0]["to"][0]["email"]).lower()
        except (KeyError, IndexError, TypeError):
            return 400, {"errors": [{"message": "personalizations and custom_args are required"}]}, {}
        self.mails_by_key[key] += 1
        self.mails_to[to] += 1
        return 202, None, {"x-message-id": uuid.uuid4().hex}

    @staticmethod
    def _find(store: dict[str, dict[str, Any]], prop: str, value: str) -> str | None:
        wanted = value.lower() if prop == "email" else value
        for object_id, properties in store.items():
            have = str(properties.get(prop, ""))
            if (have.lower() if prop == "email" else have) == wanted:
                return object_id
        return None

    def _search(self, store: dict[str, dict[str, Any]], body: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        try:
            condition = body["filterGroups"][0]["filters"][0]
            prop, value = str(condition["propertyName"]), str(condition["value"])
        except (KeyError, IndexError, TypeError):
            return 400, {"status": "error", "message": "Invalid search request"}, {}
        found = self._find(store, prop, value)
        results = [{"id": found, "properties": {prop: store[found].get(prop)}}] if found else []
        return 200, {"total": len(results), "results": results}, {}

    def _create(self, kind: str, store: dict[str, dict[str, Any]], body: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        properties = body.get("properties")
        if not isinstance(properties, dict):
            return 400, {"status": "error", "message": "properties is required"}, {}
        email = str(properties.get("email", "")).lower()
        if kind == "contacts" and email:
            existing = self._find(store, "email", email)
            if existing is not None:
                return 409, {"status": "error", "message": f"Contact already exists. Existing ID: {existing}"}, {}
            self.contact_creates[email] += 1
            self.contact_writes[email] += 1
        object_id = str(next(self._ids))
        store[object_id] = dict(properties)
        return 201, {"id": object_id, "properties": properties}, {}

    def _update(
        self, kind: str, store: dict[str, dict[str, Any]], object_id: str, body: dict[str, Any]
    ) -> tuple[int, Any, dict[str, str]]:
        properties = body.get("properties")
        if object_id not in store or not isinstance(properties, dict):
            return 404, {"status": "error", "message": "resource not found"}, {}
        store[object_id].update(properties)
        if kind == "contacts":
            self.contact_writes[str(store[object_id].get("email", "")).lower()] += 1
        return 200, {"id": object_id, "properties": store[object_id]}, {}
