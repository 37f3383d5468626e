"""Fakes of the channels tests: Meta's Graph API (messages and message_templates
endpoints) on a loopback HTTP server, signed webhook deliveries as Meta sends them,
SendGrid Inbound Parse forms, and scripted stand-ins for router_svc's turns and
memory_svc's live messages (the whole-stack test uses the real ones)."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from integrations_fakehttp import Request, Response
from integrations_vendors import FakeVendor

from integrations_svc.channels.engine import LiveMessage, TurnError, TurnResult
from integrations_svc.channels.whatsapp import sign

APP_SECRET = "meta-app-secret-for-tests"
VERIFY_TOKEN = "verify-me-please"
PHONE_NUMBER_ID = "106540352242922"
WABA_ID = "102290129340398"


class FakeGraph(FakeVendor):
    """POST /{version}/{phone_number_id}/messages and GET /{version}/{waba_id}/message_templates,
    with Graph's error shape ({"error": {"message", "type", "code", "fbtrace_id"}})."""

    token = "EAAG-fake-graph-token"

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[dict[str, Any]] = []
        self.templates = {("atende_resposta", "pt_BR"), ("atende_atendente", "pt_BR"), ("atende_aviso", "pt_BR")}
        # Answer the next N sends with Graph's throughput error (code 130429).
        self.throttle_next = 0

    def _error(self, status: int, code: int, message: str) -> Response:
        return Response(status, {"error": {"message": message, "type": "OAuthException", "code": code,
                                           "fbtrace_id": uuid.uuid4().hex[:20]}})

    def unauthorized(self) -> Response:
        return self._error(401, 190, "Invalid OAuth access token.")

    async def route(self, request: Request) -> Response:
        parts = request.path.strip("/").split("/")
        if request.method == "GET" and len(parts) == 3 and parts[1] == WABA_ID and parts[2] == "message_templates":
            data = [{"name": n, "language": lang, "status": "APPROVED", "category": "UTILITY", "id": str(i)}
                    for i, (n, lang) in enumerate(sorted(self.templates))]
            return Response(200, {"data": data, "paging": {"cursors": {}}})
        if request.method != "POST" or len(parts) != 3 or parts[1] != PHONE_NUMBER_ID or parts[2] != "messages":
            return self._error(404, 803, "Unknown path components")
        body = request.json()
        if body.get("messaging_product") != "whatsapp" or not str(body.get("to", "")).isdigit():
            return self._error(400, 100, "Invalid parameter")
        kind = body.get("type")
        if kind == "text" and not (body.get("text") or {}).get("body"):
            return self._error(400, 100, "(#100) The parameter text['body'] is required.")
        if kind == "template":
            template = body.get("template") or {}
            if (template.get("name"), (template.get("language") or {}).get("code")) not in self.templates:
                return self._error(404, 132001, "Template name does not exist in the translation")
        elif kind != "text":
            return self._error(400, 100, "Invalid parameter type")
        if self.throttle_next > 0:
            self.throttle_next -= 1
            return self._error(400, 130429, "Rate limit hit")
        wamid = "wamid.HBgN" + uuid.uuid4().hex.upper()
        self.sent.append(dict(body, id=wamid))
        return Response(200, {"messaging_product": "whatsapp", "contacts": [{"input": body["to"], "wa_id": body["to"]}],
                              "messages": [{"id": wamid}]})

    def texts(self, to: str | None = None) -> list[str]:
        return [m["text"]["body"] if m["type"] == "text" else "TEMPLATE:" + m["template"]["name"]
                for m in self.sent if to is None or m["to"] == to]


_counter = iter(range(1, 10**9))


def text_message(wa_id: str, text: str, *, message_id: str | None = None, at: datetime | None = None,
                 kind: str = "text", extra: dict[str, Any] | None = None) -> dict[str, Any]:
    message: dict[str, Any] = {
        "from": wa_id, "id": message_id or f"wamid.IN{next(_counter):08d}{uuid.uuid4().hex[:8]}",
        "timestamp": str(int((at or datetime.now(UTC)).timestamp())), "type": kind,
    }
    if kind == "text":
        message["text"] = {"body": text}
    message.update(extra or {})
    return message


def delivery(*messages: dict[str, Any], statuses: list[dict[str, Any]] | None = None,
             name: str = "Maria") -> dict[str, Any]:
    value: dict[str, Any] = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "5511400000000", "phone_number_id": PHONE_NUMBER_ID},
    }
    if messages:
        value["contacts"] = [{"profile": {"name": name}, "wa_id": messages[0]["from"]}]
        value["messages"] = list(messages)
    if statuses:
        value["statuses"] = statuses
    return {"object": "whatsapp_business_account",
            "entry": [{"id": WABA_ID, "changes": [{"value": value, "field": "messages"}]}]}


def status(wamid: str, state: str, recipient: str) -> dict[str, Any]:
    return {"id": wamid, "status": state, "timestamp": str(int(time.time())), "recipient_id": recipient}


def signed(payload: dict[str, Any], secret: str = APP_SECRET) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(payload).encode()
    return body, {"content-type": "application/json", "x-hub-signature-256": sign(secret, body)}


def inbound_form(sender: str, text: str, *, subject: str = "Kit solar", message_id: str | None = None,
                 in_reply_to: str = "", references: str = "", extra_headers: str = "") -> dict[str, str]:
    """An Inbound Parse delivery's fields (SendGrid posts them as multipart/form-data)."""
    message_id = message_id or f"<{uuid.uuid4().hex}@mail.example.org>"
    headers = (f"Received: by mx.sendgrid.net\nFrom: {sender}\nTo: atendimento@solforte.com.br\n"
               f"Subject: {subject}\nMessage-ID: {message_id}\nDate: Mon, 3 Mar 2025 10:00:00 -0300\n")
    if in_reply_to:
        headers += f"In-Reply-To: {in_reply_to}\n"
    if references:
        headers += f"References: {references}\n"
    headers += extra_headers
    return {"headers": headers, "from": sender, "to": "atendimento@solforte.com.br", "subject": subject,
            "text": text, "html": "", "envelope": json.dumps({"to": ["atendimento@solforte.com.br"], "from": sender}),
            "charsets": json.dumps({"text": "UTF-8"}), "SPF": "pass"}


@dataclass
class ScriptedTurns:
    """router_svc's SendMessage, scripted: asking for a person hands off."""

    calls: list[dict[str, Any]] = field(default_factory=list)
    fail_next: int = 0
    owners: dict[str, str] = field(default_factory=dict)

    async def send(self, *, conversation_id: str, user_id: str, text: str, channel: str, client_message_id: str,
                   metadata: dict[str, str]) -> TurnResult:
        if self.fail_next > 0:
            self.fail_next -= 1
            raise TurnError("UNAVAILABLE: router_svc is restarting", permanent=False)
        self.calls.append({"conversation_id": conversation_id, "user_id": user_id, "text": text, "channel": channel,
                           "client_message_id": client_message_id})
        owner = self.owners.get(conversation_id, "agent")
        if owner != "agent":
            return TurnResult("", owner)
        if "pessoa" in text.lower():
            self.owners[conversation_id] = "human_queue"
            return TurnResult("Vou chamar uma pessoa da equipe.", "human_queue")
        return TurnResult(f"Resposta do agente: {text}", "agent")

    def texts(self) -> list[str]:
        return [c["text"] for c in self.calls]


@dataclass
class ScriptedLive:
    """memory_svc's WatchConversation: messages pushed by the test, in order."""

    queues: dict[str, asyncio.Queue[LiveMessage]] = field(default_factory=dict)
    watching: list[tuple[str, str]] = field(default_factory=list)

    def push(self, conversation_id: str, role: str, text: str, **metadata: str) -> LiveMessage:
        message = LiveMessage(str(uuid.uuid4()), role, text, metadata)
        self.queues.setdefault(conversation_id, asyncio.Queue()).put_nowait(message)
        return message

    async def watch(self, conversation_id: str, after_message_id: str) -> AsyncIterator[LiveMessage]:
        self.watching.append((conversation_id, after_message_id))
        queue = self.queues.setdefault(conversation_id, asyncio.Queue())
        while True:
            yield await queue.get()


class Clock:
    """The wall clock, moved forward by advance() (hours pass in a test)."""

    def __init__(self) -> None:
        self.offset = timedelta()

    @property
    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def __call__(self) -> datetime:
        return self.now

    def advance(self, hours: float) -> None:
        self.offset += timedelta(hours=hours)


@dataclass
class Harness:
    """The channels server on a loopback port, with its fakes."""

    url: str
    channels: Any
    graph: FakeGraph
    sendgrid: Any
    turns: ScriptedTurns
    live: ScriptedLive
    clock: Clock
    db: Any

    @property
    def engine(self) -> Any:
        return self.channels.engine

    async def rows(self, query: str, *params: Any) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = await self.db.rows(query, *params)
        return rows


async def start_harness(database_url: str, schema: str, **overrides: Any) -> tuple[Harness, Any]:
    """Returns the harness and its close()."""
    from aiohttp import web
    from integrations_support import FAST, Db
    from integrations_vendors import FakeSendGrid

    from integrations_svc.channels.app import open_channels
    from integrations_svc.channels.settings import ChannelSettings
    from integrations_svc.settings import Settings as IntegrationsSettings

    graph, sendgrid = FakeGraph(), FakeSendGrid()
    graph_url, sendgrid_url = await graph.start(), await sendgrid.start()
    values: dict[str, Any] = {
        "database_url": database_url, "db_schema": schema, "whatsapp_app_secret": APP_SECRET,
        "whatsapp_verify_token": VERIFY_TOKEN, "whatsapp_access_token": graph.token,
        "whatsapp_phone_number_id": PHONE_NUMBER_ID, "whatsapp_business_account_id": WABA_ID,
        "graph_base_url": graph_url, "email_webhook_secret": "parse-secret", "email_address": "atendimento@solforte.com.br",
        "retry_base_seconds": 0.05, "sweep_interval_seconds": 0.2, "router_addr": "", "memory_addr": "",
        **overrides,
    }
    settings = ChannelSettings(**values)
    integrations = IntegrationsSettings(
        database_url=database_url, db_schema=schema, sendgrid_api_key=sendgrid.token, sendgrid_base_url=sendgrid_url,
        # The channel tests time no vendor out: a roomier HTTP timeout than FAST's keeps a slow machine's pause from
        # turning a Graph call into an in-doubt (dead) delivery.
        **(FAST | {"http_timeout_seconds": 5.0, "delivery_timeout_seconds": 8.0, "lease_seconds": 12.0}),
    )
    turns, live, clock = ScriptedTurns(), ScriptedLive(), Clock()
    channels = await open_channels(settings, turns, live, integrations=integrations, clock=clock)
    runner = web.AppRunner(channels.app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    harness = Harness(f"http://127.0.0.1:{port}", channels, graph, sendgrid, turns, live, clock, Db(database_url, schema))

    async def close() -> None:
        await runner.cleanup()
        await channels.close()
        await graph.close()
        await sendgrid.close()

    return harness, close
