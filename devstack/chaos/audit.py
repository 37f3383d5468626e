"""After the load stops: what the clients were told against what the stack kept.

Turns, read back through GET /v1/conversations/{id} (the path a client uses, through
Redis or PostgreSQL): every acknowledged turn is there exactly once, its user message
followed by the reply whose id the client was given, in the order the client sent
them; no client_message_id is stored twice; nothing is stored that was never sent.
A turn the client gave up on may be stored (the stack may have committed it before
failing to answer), but at most once.

Side effects, once the outbox relay and integrations_svc's queue have drained: every
action a turn released (the memory_svc outbox, committed with the turn) reached its
vendor exactly once: one CRM contact created per lead, one e-mail sent per
idempotency key; every acknowledged consent turn released its lead sync and e-mail."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx
import psycopg

from devstack.chaos.load import CONSENT_TURN, Conversation, Turn
from devstack.chaos.vendors import FakeVendors


@dataclass
class Finding:
    """One thing wrong, with the time it is attributed to (the turn's sending)."""

    kind: str  # "lost turn", "duplicated turn", "out of order", "lost effect", "duplicated effect", ...
    at: float
    what: str

    @property
    def lost(self) -> bool:
        return self.kind.startswith("lost")

    @property
    def duplicated(self) -> bool:
        return self.kind.startswith("duplicated") or self.kind == "unexpected"

    @property
    def failed(self) -> bool:
        """Held effects are the documented answer to a delivery in doubt, not a failure."""
        return self.kind != "held effect"


@dataclass
class Audit:
    findings: list[Finding] = field(default_factory=list)
    turns_acked: int = 0
    turns_replayed: int = 0
    turns_abandoned: int = 0
    # Abandoned turns the stack had stored anyway (committed, answer lost).
    abandoned_stored: int = 0
    conversations: int = 0
    effects_released: int = 0
    effects_delivered: int = 0
    # Jobs integrations_svc holds for an operator ("delivery in doubt", dead).
    effects_held: int = 0
    effects_pending: int = 0
    drained_in: float | None = None

    def add(self, kind: str, at: float, what: str) -> None:
        self.findings.append(Finding(kind, at, what))

    @property
    def lost(self) -> int:
        return sum(f.lost for f in self.findings)

    @property
    def duplicated(self) -> int:
        return sum(f.duplicated for f in self.findings)

    @property
    def clean(self) -> bool:
        return not any(f.failed for f in self.findings)


# ----------------------------------------------------------------------------- turns


async def read_conversation(http: httpx.AsyncClient, conversation_id: str, within: float = 30.0) -> list[dict[str, Any]]:
    deadline = time.monotonic() + within
    while True:
        try:
            response = await http.get(f"/v1/conversations/{conversation_id}")
            if response.status_code == 404:
                return []
            if response.status_code == 200:
                messages: list[dict[str, Any]] = response.json().get("messages", [])
                return messages
            problem = f"HTTP {response.status_code}: {response.text[:200]}"
        except httpx.HTTPError as error:
            problem = f"{type(error).__name__}: {error}"
        if time.monotonic() > deadline:
            raise RuntimeError(f"cannot read conversation {conversation_id}: {problem}")
        await asyncio.sleep(0.5)


def check_conversation(audit: Audit, conversation: Conversation, messages: list[dict[str, Any]]) -> None:
    talk = [m for m in messages if m.get("role") in ("user", "assistant")]
    sent = {turn.client_message_id: turn for turn in conversation.turns}
    users = Counter(str(m.get("client_message_id", "")) for m in talk if m["role"] == "user")
    replies = Counter(str(m.get("message_id", "")) for m in talk if m["role"] == "assistant")
    # Where each turn's user message and each reply first appear.
    where_user: dict[str, int] = {}
    where_reply: dict[str, int] = {}
    for i, m in enumerate(talk):
        if m["role"] == "user":
            where_user.setdefault(str(m.get("client_message_id", "")), i)
        else:
            where_reply.setdefault(str(m.get("message_id", "")), i)
    for cmid in users.keys() - sent.keys():
        audit.add("unexpected", conversation.turns[0].sent, f"{conversation.conversation_id}: stored {cmid!r}, never sent")
    for turn in conversation.turns:
        _check_turn(audit, turn, users[turn.client_message_id], replies, where_user, where_reply)
    stored_order = [sent[cmid].index for cmid in sorted(where_user, key=where_user.__getitem__) if cmid in sent]
    if stored_order != sorted(stored_order):
        audit.add("out of order", conversation.turns[0].sent, f"{conversation.conversation_id}: turns stored as {stored_order}")


def _check_turn(audit: Audit, turn: Turn, stored: int, replies: Counter[str],
                where_user: dict[str, int], where_reply: dict[str, int]) -> None:
    name = f"{turn.conversation_id} turn {turn.index} ({turn.client_message_id})"
    if stored > 1:
        audit.add("duplicated turn", turn.sent, f"{name}: user message stored {stored} times")
    if turn.acked is None:
        audit.turns_abandoned += 1
        audit.abandoned_stored += stored > 0
        return
    audit.turns_acked += 1
    audit.turns_replayed += turn.replayed
    if stored == 0:
        audit.add("lost turn", turn.sent, f"{name}: acknowledged, not stored")
        return
    reply = turn.reply_message_id
    if not reply:
        return
    if replies[reply] == 0:
        audit.add("lost turn", turn.sent, f"{name}: reply {reply} acknowledged, not stored")
    elif replies[reply] > 1:
        audit.add("duplicated turn", turn.sent, f"{name}: reply stored {replies[reply]} times")
    elif where_reply[reply] != where_user[turn.client_message_id] + 1:
        audit.add("out of order", turn.sent, f"{name}: the reply does not follow its message")


async def audit_turns(audit: Audit, http: httpx.AsyncClient, conversations: list[Conversation], parallel: int = 8) -> None:
    gate = asyncio.Semaphore(parallel)

    async def one(conversation: Conversation) -> None:
        async with gate:
            messages = await read_conversation(http, conversation.conversation_id)
        check_conversation(audit, conversation, messages)

    started = [c for c in conversations if c.turns]
    audit.conversations = len(started)
    await asyncio.gather(*(one(c) for c in started))


# ----------------------------------------------------------------------------- side effects

_PENDING_ACTIONS = "SELECT count(*) FROM memory.actions WHERE status IN ('pending', 'accepted')"
_PENDING_JOBS = "SELECT count(*) FROM integrations.jobs WHERE status = 'queued'"


async def drain(database_url: str, within: float) -> float | None:
    """Waits until the outbox relay and the delivery queue are empty: the seconds it took, or None."""
    started = time.monotonic()
    while time.monotonic() - started < within:
        try:
            async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as db:
                actions = await (await db.execute(_PENDING_ACTIONS)).fetchone()
                jobs = await (await db.execute(_PENDING_JOBS)).fetchone()
            if actions == (0,) and jobs == (0,):
                return time.monotonic() - started
        except psycopg.Error:
            pass
        await asyncio.sleep(0.5)
    return None


@dataclass
class Released:
    key: str
    kind: str
    conversation_id: str
    status: str
    job_status: str
    job_error: str


async def released_actions(database_url: str) -> list[Released]:
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as db:
        cursor = await db.execute(
            "SELECT a.idempotency_key, a.kind, a.conversation_id, a.status,"
            " coalesce(j.status, ''), coalesce(j.last_error, '')"
            " FROM memory.actions a LEFT JOIN integrations.jobs j USING (idempotency_key) ORDER BY a.seq"
        )
        rows = await cursor.fetchall()
    return [Released(*(str(v) for v in row)) for row in rows]


def audit_effects(audit: Audit, conversations: list[Conversation], actions: list[Released], vendors: FakeVendors) -> None:
    by_id = {c.conversation_id: c for c in conversations}
    keys = {a.key for a in actions}
    audit.effects_released = len(actions)
    for conversation in conversations:
        consent = conversation.consent
        if consent is None or consent.acked is None or not consent.reply_message_id:
            continue
        for n, kind in enumerate(("sync_lead", "send_email")):
            if f"{consent.reply_message_id}:{n}" not in keys:
                what = (f"{conversation.conversation_id}: consent acknowledged, no {kind} released; "
                        f"the agent answered {_clip(consent.reply_text)!r} to it, {_clip(_before(conversation))!r} before")
                audit.add("lost effect", consent.sent, what)
    synced: set[str] = set()
    for action in actions:
        found = by_id.get(action.conversation_id)
        if found is None:
            audit.add("unexpected", 0.0, f"action {action.key} for unknown conversation {action.conversation_id}")
            continue
        at = found.consent.sent if found.consent else found.turns[-1].sent
        delivered = _delivered(action, found, vendors, first=action.conversation_id not in synced)
        if action.kind == "sync_lead":
            synced.add(action.conversation_id)
        _judge(audit, action, at, delivered)


def _clip(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _before(conversation: Conversation) -> str:
    """The agent's answer to the turn before consent: what the customer said yes to."""
    return conversation.turns[CONSENT_TURN - 1].reply_text if len(conversation.turns) >= CONSENT_TURN else ""


def _delivered(action: Released, conversation: Conversation, vendors: FakeVendors, first: bool) -> int:
    if action.kind == "send_email":
        return vendors.mails_by_key[action.key]
    if action.kind == "sync_lead":
        # One contact per person, however many syncs the lead had: the first sync
        # answers for the contacts created, a later one only for its existence.
        creates = vendors.contact_creates[conversation.email.lower()]
        return creates if first else min(creates, 1)
    return 1  # no other kind is released by the script


def _judge(audit: Audit, action: Released, at: float, delivered: int) -> None:
    what = f"{action.kind} {action.key} ({action.conversation_id}): delivered {delivered} times"
    if delivered == 1:
        audit.effects_delivered += 1
    elif delivered > 1:
        audit.add("duplicated effect", at, f"{what}; job {action.job_status or 'missing'}")
    elif action.job_status == "dead":
        audit.effects_held += 1
        audit.add("held effect", at, f"{what}; job dead for an operator: {action.job_error[:160]}")
    elif action.status in ("pending", "accepted") or action.job_status == "queued":
        audit.effects_pending += 1
        audit.add("lost effect", at, f"{what}; still {action.status}/{action.job_status or 'no job'} after the drain")
    else:
        audit.add("lost effect", at, f"{what}; action {action.status}, job {action.job_status or 'missing'}")
