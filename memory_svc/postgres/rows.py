"""Columns and rows: what the queries select, and each row as a domain record."""

from __future__ import annotations

from typing import Any

from memory_svc.models import (
    Bant,
    CitationData,
    Conversation,
    ConversationInfo,
    GuardrailData,
    IntentData,
    Interaction,
    Lead,
    StoredMessage,
)
from memory_svc.outbox import OutboxAction
from memory_svc.postgres.base import Row

CONVERSATION_COLUMNS = (
    "conversation_id, user_id, channel, agent, message_count, create_time, update_time,"
    " owner_kind, owner_id, owner_since, handoff"
)
C_CONVERSATION_COLUMNS = ", ".join(f"c.{c.strip()}" for c in CONVERSATION_COLUMNS.split(","))
MESSAGE_COLUMNS = (
    "conversation_id, seq, message_id, role, text, agent, channel, intent, metadata, citations, guardrails,"
    " client_message_id, create_time"
)
M_MESSAGE_COLUMNS = ", ".join(f"m.{c.strip()} AS m_{c.strip()}" for c in MESSAGE_COLUMNS.split(","))
LEAD_COLUMNS = (
    "lead_id, user_id, name, email, phone, company, score, budget, authority, need, timeline, source,"
    " crm_status, crm_id, crm_error, conversation_id, version, create_time, update_time"
)
L_LEAD_COLUMNS = ", ".join(f"l.{c.strip()} AS l_{c.strip()}" for c in LEAD_COLUMNS.split(","))
R_CONVERSATION_COLUMNS = ", ".join(f"r.{c.strip()}" for c in CONVERSATION_COLUMNS.split(","))
ACTION_COLUMNS = (
    "action_id, idempotency_key, kind, user_id, conversation_id, payload, lead, status, attempts, job_id, lease_token,"
    " erasure_id, subject, cache_keys, trace_parent"
)
A_ACTION_COLUMNS = ", ".join(f"a.{c.strip()}" for c in ACTION_COLUMNS.split(","))
INTERACTION_COLUMNS = "interaction_id, conversation_id, user_id, user_input, agent_response, agent, metadata, create_time"


def to_conversation(row: Row) -> ConversationInfo:
    return ConversationInfo(
        conversation_id=row["conversation_id"],
        user_id=row["user_id"],
        channel=row["channel"],
        agent=row["agent"],
        message_count=row["message_count"],
        create_time=row["create_time"],
        update_time=row["update_time"],
        owner_kind=row["owner_kind"],
        owner_id=row["owner_id"],
        owner_since=row["owner_since"],
        handoff=row["handoff"],
    )


def to_message(row: Row, prefix: str = "") -> StoredMessage:
    intent = row[prefix + "intent"]
    return StoredMessage(
        message_id=str(row[prefix + "message_id"]),
        conversation_id=row[prefix + "conversation_id"],
        seq=row[prefix + "seq"],
        role=row[prefix + "role"],
        text=row[prefix + "text"],
        agent=row[prefix + "agent"],
        channel=row[prefix + "channel"],
        intent=IntentData(**intent) if intent else None,
        create_time=row[prefix + "create_time"],
        client_message_id=row[prefix + "client_message_id"],
        metadata=row[prefix + "metadata"] or {},
        citations=[CitationData(**c) for c in row[prefix + "citations"] or []],
        guardrails=[GuardrailData(**g) for g in row[prefix + "guardrails"] or []],
    )


def to_joined(rows: list[Row]) -> Conversation | None:
    """A conversation row joined with its messages (columns prefixed m_; none: NULLs)."""
    if not rows:
        return None
    return Conversation(
        to_conversation(rows[0]), [to_message(r, "m_") for r in rows if r["m_seq"] is not None]
    )


def to_lead(row: Row, prefix: str = "") -> Lead:
    def get(name: str) -> Any:
        return row[prefix + name]

    return Lead(
        lead_id=str(get("lead_id")),
        user_id=get("user_id"),
        name=get("name"),
        email=get("email"),
        phone=get("phone"),
        company=get("company"),
        score=get("score"),
        qualification=Bant(get("budget"), get("authority"), get("need"), get("timeline")),
        source=get("source"),
        crm_status=get("crm_status"),
        crm_id=get("crm_id"),
        crm_error=get("crm_error"),
        conversation_id=get("conversation_id"),
        create_time=get("create_time"),
        update_time=get("update_time"),
        version=get("version"),
    )


def to_interaction(row: Row) -> Interaction:
    return Interaction(
        interaction_id=str(row["interaction_id"]),
        conversation_id=row["conversation_id"],
        user_id=row["user_id"],
        user_input=row["user_input"],
        agent_response=row["agent_response"],
        agent=row["agent"],
        create_time=row["create_time"],
        metadata=row["metadata"] or {},
    )


def to_action(row: Row) -> OutboxAction:
    return OutboxAction(
        action_id=str(row["action_id"]),
        idempotency_key=row["idempotency_key"],
        kind=row["kind"],
        user_id=row["user_id"],
        conversation_id=row["conversation_id"],
        payload=bytes(row["payload"]),
        lead=row["lead"],
        status=row["status"],
        attempts=row["attempts"],
        job_id=row["job_id"],
        lease_token=str(row["lease_token"]),
        erasure_id=str(row["erasure_id"] or ""),
        subject=row["subject"],
        cache_keys=list(row["cache_keys"] or []),
        trace_parent=row["trace_parent"],
    )
