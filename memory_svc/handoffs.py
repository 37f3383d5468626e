"""The human side of a hand-off: the queue, claiming a conversation, a person's
replies and handing it back to the AI. Every change of owner is an append of a
"system" message with the change, in one PostgreSQL statement: the transcript
records who held the conversation when, and the Redis copy follows ownership like
any other append. No grpc here."""

from __future__ import annotations

from datetime import datetime

from atende_runtime.errors import InvalidArgument, NotFound, Validator
from memory_svc import fields, validation
from memory_svc.models import (
    OWNER_AGENT,
    OWNER_HUMAN,
    OWNER_HUMAN_QUEUE,
    AppendRequest,
    ConversationInfo,
    NewMessage,
    Page,
    StoredMessage,
    from_micros,
    micros,
)
from memory_svc.paging import PageTokens
from memory_svc.service import Memory
from memory_svc.storage import HandoffStore, OwnerMismatch

_TOKEN_KIND = "handoffs"


class Handoffs:
    def __init__(self, memory: Memory, store: HandoffStore, tokens: PageTokens) -> None:
        self.memory = memory
        self.store = store
        self.tokens = tokens

    async def list(self, queue: str, include_claimed: bool, page_size: int, page_token: str) -> Page[ConversationInfo]:
        v = Validator()
        validation.queue(v, queue)
        v.check()
        size = validation.page_size(page_size)
        scope = {"q": queue, "c": include_claimed}
        position = self.tokens.decode(_TOKEN_KIND, page_token, scope)
        after: tuple[datetime, str] | None = None
        if position is not None:
            try:
                after = (from_micros(int(position["t"])), str(position["c"]))
            except (KeyError, TypeError, ValueError, OverflowError):
                raise InvalidArgument.single("page_token", "is not a token this service issued") from None
        rows = await self.store.list_handoffs(queue, include_claimed, size + 1, after)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            last = rows[-1]
            assert last.owner_since is not None  # every conversation in people's hands has one
            token = self.tokens.encode(_TOKEN_KIND, scope, {"t": micros(last.owner_since), "c": last.conversation_id})
        return Page(rows, token)

    async def claim(self, conversation_id: str, human_id: str, force: bool) -> ConversationInfo:
        _check(conversation_id, human_id)
        request = AppendRequest(
            conversation_id=conversation_id,
            user_id="",
            channel="",
            messages=[NewMessage(
                role="system",
                text=f"A person ({human_id}) took over the conversation.",
                metadata={"event": "claimed", "human_id": human_id},
            )],
            # With force a person also takes a conversation from an agent (a supervisor
            # stepping in) or from another person.
            required_owner_kinds=(OWNER_AGENT, OWNER_HUMAN_QUEUE, OWNER_HUMAN) if force else (OWNER_HUMAN_QUEUE,),
            new_owner_kind=OWNER_HUMAN,
            new_owner_id=human_id,
        )
        try:
            result = await self.memory.append(request)
        except OwnerMismatch as error:
            if error.kind == OWNER_HUMAN and error.owner_id == human_id:
                # Claiming twice is not an error: the person has it.
                return (await self.memory.get_conversation(conversation_id)).info
            raise
        assert result.info is not None
        return result.info

    async def reply(self, conversation_id: str, human_id: str, text: str, client_message_id: str) -> StoredMessage:
        v = Validator()
        fields.conversation_id(v, "conversation_id", conversation_id)
        validation.human(v, human_id)
        fields.short_text(v, "text", text, validation.MAX_HUMAN_TEXT, required=True)
        fields.short_text(v, "client_message_id", client_message_id, fields.MAX_ID)
        v.check()
        result = await self.memory.append(AppendRequest(
            conversation_id=conversation_id,
            user_id="",
            channel="",
            messages=[NewMessage(role="human", text=text, metadata={"human_id": human_id})],
            client_message_id=client_message_id,
            required_owner_kinds=(OWNER_HUMAN,),
            required_owner_id=human_id,
        ))
        return result.messages[0]

    async def hand_back(self, conversation_id: str, human_id: str, agent: str, note: str) -> ConversationInfo:
        v = Validator()
        fields.conversation_id(v, "conversation_id", conversation_id)
        validation.human(v, human_id)
        validation.agent_name(v, agent)
        fields.short_text(v, "note", note, fields.MAX_FIELD)
        v.check()
        target = agent
        if not target:
            context = await self.memory.get_context(conversation_id, 1)
            if not context.found:
                raise NotFound(f"conversation {conversation_id!r} does not exist")
            target = context.agent
        if not target:
            raise InvalidArgument.single("agent", "is required: the conversation has no agent to return to")
        metadata = {"event": "returned", "human_id": human_id, "agent": target}
        if note:
            metadata["note"] = note
        result = await self.memory.append(AppendRequest(
            conversation_id=conversation_id,
            user_id="",
            channel="",
            agent=target,
            messages=[NewMessage(
                role="system", text=f"{human_id} handed the conversation back to the {target} agent.", metadata=metadata,
            )],
            # The person holding it, or anyone while it still waits in the queue.
            required_owner_kinds=(OWNER_HUMAN_QUEUE, OWNER_HUMAN),
            required_owner_id=human_id,
            new_owner_kind=OWNER_AGENT,
            new_owner_id=target,
        ))
        assert result.info is not None
        return result.info


def _check(conversation_id: str, human_id: str) -> None:
    v = Validator()
    fields.conversation_id(v, "conversation_id", conversation_id)
    validation.human(v, human_id)
    v.check()
