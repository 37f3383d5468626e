"""The hot cache's JSON: a conversation's row and a lead, compact, times as
microseconds since the epoch."""

from __future__ import annotations

import json
from typing import Any

from memory_svc.models import OWNER_AGENT, Bant, ConversationInfo, Lead, from_micros, micros
from memory_svc.storage import CachedLead


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def info_json(info: ConversationInfo) -> str:
    return _dumps(
        {
            "u": info.user_id,
            "c": info.channel,
            "a": info.agent,
            "ct": micros(info.create_time),
            "ut": micros(info.update_time),
            "ok": info.owner_kind,
            "oi": info.owner_id,
            "os": micros(info.owner_since) if info.owner_since is not None else None,
            "h": info.handoff,
        }
    )


def info_from_json(conversation_id: str, count: int, raw: bytes) -> ConversationInfo:
    d = json.loads(raw)
    return ConversationInfo(
        conversation_id=conversation_id,
        user_id=d["u"],
        channel=d["c"],
        agent=d["a"],
        message_count=count,
        create_time=from_micros(d["ct"]),
        update_time=from_micros(d["ut"]),
        # Entries cached before ownership existed have no owner: an agent's.
        owner_kind=d.get("ok", OWNER_AGENT),
        owner_id=d.get("oi", ""),
        owner_since=from_micros(d["os"]) if d.get("os") is not None else None,
        handoff=d.get("h"),
    )


def lead_json(lead: Lead) -> str:
    q = lead.qualification
    return _dumps(
        {
            "id": lead.lead_id,
            "u": lead.user_id,
            "f": [lead.name, lead.email, lead.phone, lead.company],
            "s": lead.score,
            "q": [q.budget, q.authority, q.need, q.timeline],
            "src": lead.source,
            "st": lead.crm_status,
            "crm": lead.crm_id,
            "err": lead.crm_error,
            "cid": lead.conversation_id,
            "ct": micros(lead.create_time),
            "ut": micros(lead.update_time),
            "v": lead.version,
        }
    )


def lead_from_json(raw: bytes) -> Lead:
    d = json.loads(raw)
    name, email, phone, company = d["f"]
    return Lead(
        lead_id=d["id"],
        user_id=d["u"],
        name=name,
        email=email,
        phone=phone,
        company=company,
        score=d["s"],
        qualification=Bant(*d["q"]),
        source=d["src"],
        # Entries cached before v1 may still say "queued", now "pending".
        crm_status="pending" if d["st"] == "queued" else d["st"],
        crm_id=d["crm"],
        crm_error=d.get("err", ""),
        conversation_id=d["cid"],
        create_time=from_micros(d["ct"]),
        update_time=from_micros(d["ut"]),
        version=d["v"],
    )


def cached_lead(raw: bytes | None) -> CachedLead | None:
    if raw is None:
        return None
    _, _, body = raw.partition(b"|")
    return CachedLead(lead_from_json(body) if body else None)
