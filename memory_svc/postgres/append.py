"""The turn's append: its parameters, the statement (append_sql.py) sent with
PostgreSQL's own placeholders, and what to answer when it stored nothing."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from typing import Any

from psycopg import AsyncConnection, AsyncRawCursor
from psycopg.errors import UniqueViolation
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from atende_runtime import fastjson
from atende_runtime.errors import InvalidArgument, NotFound
from atende_runtime.postgres import Pool
from atende_runtime.storage_spans import client_span, untraced_execute
from atende_runtime.telemetry import traceparent
from memory_svc.models import (
    OWNER_AGENT,
    AppendRequest,
    AppendResult,
    CitationData,
    ConversationInfo,
    GuardrailData,
    IntentData,
    InteractionInput,
    LeadInput,
    NewMessage,
    StoredMessage,
)
from memory_svc.outbox import ACTION_SYNC_LEAD
from memory_svc.postgres.base import PgBase, all_rows, one_row
from memory_svc.postgres.rows import to_conversation, to_lead, to_message
from memory_svc.storage import OwnerMismatch

# The queries of the turn's hot path, sent with PostgreSQL's own $n placeholders.
# psycopg converts %(name)s placeholders on every call for a query longer than 4 KB
# (or with more than 50 parameters), which the append with its lead and outbox
# parts is: half a millisecond of CPU a turn. Converted once here instead.
NATIVE = ("append", "append_existing")
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


class NativeQuery:
    """A query with $n placeholders and the parameter name each number stands for."""

    def __init__(self, text: str) -> None:
        names: list[str] = []

        def number(match: re.Match[str]) -> str:
            if match.group(1) not in names:
                names.append(match.group(1))
            return f"${names.index(match.group(1)) + 1}"

        if "%%" in text or _PLACEHOLDER.sub("", text).count("%s"):
            raise ValueError("a native query takes named placeholders only")
        self.text = _PLACEHOLDER.sub(number, text).encode()
        self.names = tuple(names)

    def params(self, values: dict[str, Any]) -> list[Any]:
        return [values[name] for name in self.names]


def _json(value: Any) -> bytes:
    """A turn's JSON parameters (its messages, the interaction's metadata, the hand-off
    packet), about 15 times quicker than json.dumps on a turn's messages. Confidences
    are checked finite before (validation.py), so no NaN reaches the encoder."""
    return fastjson.dumps(value)


class PgAppends(PgBase):
    def __init__(self, pool: Pool, schema: str, queries: Mapping[str, str]) -> None:
        super().__init__(pool, schema, queries)
        self._native = {name: NativeQuery(self.q[name]) for name in NATIVE}
        self._span_attributes = {"db.system": "postgresql", "db.operation.name": "INSERT", "db.namespace": schema}

    async def append(self, request: AppendRequest) -> tuple[AppendResult, ConversationInfo | None]:
        """Commits the turn and returns it with the conversation as it is after it; a
        turn already stored comes back with replayed=True and no conversation."""
        ids = [str(uuid.uuid4()) for _ in request.messages]
        params = _params(request, ids)
        # Only an agent may own a conversation that does not exist yet, so a turn that
        # requires another owner can only extend an existing one.
        creates = bool(request.user_id) and (
            not request.required_owner_kinds or OWNER_AGENT in request.required_owner_kinds
        )
        query = self._native["append" if creates else "append_existing"]
        async with self._connection() as conn:
            try:
                raw = AsyncRawCursor(conn, row_factory=dict_row)
                # A cursor of its own (server-side $n parameters). Its span is made
                # here, with a name that says what the statement does; the raw cursor
                # inherits the traced execute (storage_spans), so the untraced one is
                # called, or every turn recorded the statement twice.
                with client_span("INSERT append_turn", self._span_attributes):
                    row = await one_row(await untraced_execute(raw, query.text, query.params(params)))
            except UniqueViolation:
                row = None  # the same turn committed meanwhile; found below
            if row is None:
                return await self._not_stored(conn, request, creates), None
        info = to_conversation(row)
        result = AppendResult(_stored(request, info, ids), replayed=False, actions_stored=int(row["actions_stored"]))
        if row["l_lead_id"] is not None:
            result.lead = to_lead(row, "l_")
        return result, info

    async def _not_stored(self, conn: AsyncConnection[Any], request: AppendRequest, creates: bool) -> AppendResult:
        """Nothing was written: the turn is already stored (returned, replayed), or the
        conversation is missing (no user_id given) or someone else's (raised)."""
        if request.client_message_id:
            cursor = await conn.execute(self.q["turn"], (request.conversation_id, request.client_message_id))
            stored = [to_message(r) for r in await all_rows(cursor)]
            if stored:
                return AppendResult(stored, replayed=True)
        owner = await one_row(await conn.execute(self.q["owner"], (request.conversation_id,)))
        if owner is None:
            if request.required_owner_kinds and not creates:
                raise NotFound(f"conversation {request.conversation_id!r} does not exist")
            raise InvalidArgument.single("user_id", "is required to start a conversation")
        if request.user_id and owner["user_id"] != request.user_id:
            raise InvalidArgument.single("user_id", "does not match the customer of this conversation")
        raise OwnerMismatch(owner["owner_kind"], owner["owner_id"])


def _params(request: AppendRequest, ids: list[str]) -> dict[str, Any]:
    """The statement's parameters; `ids` are the new messages' ids."""
    interaction = request.interaction or InteractionInput(request.conversation_id, request.user_id, "", "", "")
    action_ids = [str(uuid.uuid4()) for _ in request.actions]
    # The newest sync asked for: the one whose outcome the lead will show.
    sync_action = next(
        (aid for aid, a in zip(reversed(action_ids), reversed(request.actions), strict=True)
         if a.kind == ACTION_SYNC_LEAD),
        None,
    )
    lead = request.lead or LeadInput(user_id="")
    return {
        "cid": request.conversation_id,
        "user_id": request.user_id,
        "channel": request.channel,
        "agent": request.agent,
        "cmid": request.client_message_id,
        "n": len(request.messages),
        "req_kinds": list(request.required_owner_kinds),
        "req_id": request.required_owner_id,
        "new_kind": request.new_owner_kind,
        "new_id": request.new_owner_id,
        "packet": Jsonb(request.handoff, _json) if request.handoff is not None else None,
        "i_on": request.interaction is not None,
        "i_id": str(uuid.uuid4()),
        "i_input": interaction.user_input,
        "i_response": interaction.agent_response,
        "i_agent": interaction.agent,
        "i_metadata": Jsonb(interaction.metadata, _json),
        "rows": Jsonb([_message_json(ids[pos], pos, new) for pos, new in enumerate(request.messages)], _json),
        "l_on": request.lead is not None or sync_action is not None,
        "l_id": str(uuid.uuid4()),
        "l_name": lead.name,
        "l_email": lead.email,
        "l_phone": lead.phone,
        "l_company": lead.company,
        "l_score": lead.score,
        "l_budget": lead.qualification.budget,
        "l_authority": lead.qualification.authority,
        "l_need": lead.qualification.need,
        "l_timeline": lead.qualification.timeline,
        "l_sync": sync_action,
        "a_ids": action_ids,
        # The key is derived from what the turn stored, so it is the same for
        # every delivery attempt and never collides with another turn's.
        "a_keys": [f"{ids[-1]}:{index}" for index in range(len(request.actions))],
        "a_kinds": [a.kind for a in request.actions],
        "a_payloads": [a.payload for a in request.actions],
        # The turn's span (memory_svc's AppendMessages): the relay's delivery links to it.
        "a_trace": traceparent() if request.actions else "",
    }


def _stored(request: AppendRequest, info: ConversationInfo, ids: list[str]) -> list[StoredMessage]:
    """The turn's messages as the statement stored them, numbered after the ones before."""
    first = info.message_count - len(request.messages) + 1
    channel = request.channel or info.channel
    return [
        StoredMessage(
            message_id=ids[pos],
            conversation_id=request.conversation_id,
            seq=first + pos,
            role=new.role,
            text=new.text,
            agent=new.agent,
            channel=channel,
            intent=new.intent,
            create_time=info.update_time,
            client_message_id=request.client_message_id,
            metadata=new.metadata,
            citations=new.citations,
            guardrails=new.guardrails,
        )
        for pos, new in enumerate(request.messages)
    ]


def _message_json(message_id: str, pos: int, new: NewMessage) -> dict[str, Any]:
    return {
        "message_id": message_id,
        "role": new.role,
        "text": new.text,
        "agent": new.agent,
        "intent": _intent_json(new.intent),
        "metadata": new.metadata,
        "citations": [_citation_json(c) for c in new.citations],
        "guardrails": [_guardrail_json(g) for g in new.guardrails],
        "pos": pos,
    }


def _guardrail_json(g: GuardrailData) -> dict[str, str]:
    return {"check": g.check, "action": g.action, "detail": g.detail}


def _intent_json(intent: IntentData | None) -> dict[str, Any] | None:
    if intent is None:
        return None
    return {"name": intent.name, "confidence": intent.confidence, "agent": intent.agent, "strategy": intent.strategy}


def _citation_json(c: CitationData) -> dict[str, str]:
    return {"source": c.source, "title": c.title, "snippet": c.snippet, "document_id": c.document_id}

