"""WhatsApp Cloud API webhooks: the signature, the verification handshake, and the
payload read into inbound messages and delivery statuses.

Meta signs every delivery with the app secret: X-Hub-Signature-256 is
"sha256=" + hex(HMAC-SHA256(app_secret, raw body)). A payload is
{"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages",
"value": {"contacts": [...], "messages": [...], "statuses": [...]}}]}]}."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

# Kinds turned into a turn's text; other known kinds are media (a placeholder the
# agent acknowledges); anything else is stored as it came and not answered.
TEXT_KINDS = ("text", "interactive", "button")
MEDIA_KINDS = {
    "image": ("uma imagem", "an image"),
    "audio": ("um áudio", "an audio message"),
    "video": ("um vídeo", "a video"),
    "document": ("um documento", "a document"),
    "sticker": ("uma figurinha", "a sticker"),
    "location": ("uma localização", "a location"),
    "contacts": ("um contato", "a contact card"),
}
STATUS_ORDER = {"sent": 1, "delivered": 2, "read": 3, "failed": 4}
MAX_TEXT = 4000


class BadPayload(ValueError):
    """The body is not a WhatsApp webhook payload (answered 400)."""


def signature_ok(app_secret: str, body: bytes, header: str | None) -> bool:
    if not header or not header.startswith("sha256="):
        return False
    expected = hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header[len("sha256="):].strip().lower())


def sign(app_secret: str, body: bytes) -> str:
    """The header Meta would send (tests, benchmarks)."""
    return "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Inbound:
    message_id: str
    wa_id: str
    kind: str
    text: str
    sent_at: datetime | None
    name: str = ""
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Status:
    message_id: str
    status: str
    recipient: str
    at: datetime | None
    errors: list[dict[str, Any]] = field(default_factory=list)


def _timestamp(value: Any) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(str(value)), UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _wa_id(value: Any) -> str:
    text = str(value or "")
    if not text or len(text) > 32 or not text.isdigit():
        raise BadPayload("a message's 'from' must be the customer's WhatsApp id (digits)")
    return text


def message_text(kind: str, message: dict[str, Any]) -> str:
    """The text a turn gets from one message ("" for kinds not answered)."""
    if kind == "text":
        body = message.get("text")
        return str(body.get("body", "")) if isinstance(body, dict) else ""
    if kind == "interactive":
        reply = message.get("interactive") or {}
        if isinstance(reply, dict):
            for key in ("button_reply", "list_reply"):
                chosen = reply.get(key)
                if isinstance(chosen, dict):
                    return str(chosen.get("title") or chosen.get("id") or "")
        return ""
    if kind == "button":
        button = message.get("button")
        return str(button.get("text") or button.get("payload") or "") if isinstance(button, dict) else ""
    return ""


def _messages(value: dict[str, Any]) -> list[Inbound]:
    names: dict[str, str] = {}
    for contact in value.get("contacts") or []:
        if isinstance(contact, dict) and isinstance(contact.get("profile"), dict):
            names[str(contact.get("wa_id", ""))] = str(contact["profile"].get("name", ""))[:200]
    messages = value.get("messages") or []
    if not isinstance(messages, list):
        raise BadPayload("value.messages must be a list")
    found: list[Inbound] = []
    for message in messages:
        if not isinstance(message, dict) or not isinstance(message.get("id"), str) or not message["id"]:
            raise BadPayload("each message must have an id")
        if len(message["id"]) > 256:
            raise BadPayload("a message id is longer than 256 characters")
        wa_id = _wa_id(message.get("from"))
        kind = str(message.get("type") or "unknown")[:40]
        found.append(Inbound(
            message_id=message["id"], wa_id=wa_id, kind=kind, text=message_text(kind, message)[:MAX_TEXT],
            sent_at=_timestamp(message.get("timestamp")), name=names.get(wa_id, ""), raw=message,
        ))
    return found


def _statuses(value: dict[str, Any]) -> list[Status]:
    statuses = value.get("statuses") or []
    if not isinstance(statuses, list):
        raise BadPayload("value.statuses must be a list")
    found: list[Status] = []
    for status in statuses:
        if not isinstance(status, dict) or not isinstance(status.get("id"), str):
            raise BadPayload("each status must have an id")
        state = str(status.get("status", ""))
        if state not in STATUS_ORDER:
            continue
        errors = status.get("errors") if isinstance(status.get("errors"), list) else []
        found.append(Status(
            message_id=status["id"][:256], status=state, recipient=str(status.get("recipient_id", ""))[:32],
            at=_timestamp(status.get("timestamp")), errors=[e for e in errors or [] if isinstance(e, dict)][:5],
        ))
    return found


def parse(payload: Any) -> tuple[list[Inbound], list[Status]]:
    """Raises BadPayload for a body that is not a WhatsApp webhook."""
    if not isinstance(payload, dict) or payload.get("object") != "whatsapp_business_account":
        raise BadPayload("object must be 'whatsapp_business_account'")
    entries = payload.get("entry")
    if not isinstance(entries, list):
        raise BadPayload("entry must be a list")
    inbound: list[Inbound] = []
    statuses: list[Status] = []
    for entry in entries:
        changes = entry.get("changes", []) if isinstance(entry, dict) else None
        if not isinstance(changes, list):
            raise BadPayload("each entry must be an object with a list of changes")
        for change in changes:
            if not isinstance(change, dict):
                raise BadPayload("each change must be an object")
            value = change.get("value")
            if change.get("field") != "messages" or not isinstance(value, dict):
                continue  # other fields (account updates) are not conversations
            inbound.extend(_messages(value))
            statuses.extend(_statuses(value))
    return inbound, statuses


def media_placeholder(kind: str, message: dict[str, Any], language: str) -> str:
    """The turn's text for a media message: what arrived, and its caption."""
    label = MEDIA_KINDS[kind][0 if language == "pt" else 1]
    body = message.get(kind)
    caption = str(body.get("caption", "")) if isinstance(body, dict) else ""
    text = f"[O cliente enviou {label}]" if language == "pt" else f"[The customer sent {label}]"
    return f"{text} {caption}".strip()[:MAX_TEXT]
