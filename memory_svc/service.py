"""What memory_svc does, independent of gRPC: PostgreSQL first for every write, Redis
first for every read of an active conversation, PostgreSQL whenever Redis cannot
answer."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator, Callable, Coroutine
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

from atende_runtime.errors import InvalidArgument, NotFound, Unavailable
from atende_runtime.telemetry import annotate
from memory_svc import metrics, validation
from memory_svc.codec import serialize
from memory_svc.erasure import Erasure, identifiers
from memory_svc.models import (
    AppendRequest,
    AppendResult,
    Context,
    Conversation,
    ConversationInfo,
    Erased,
    Interaction,
    InteractionInput,
    Lead,
    LeadFilter,
    LeadInput,
    Owner,
    Page,
    StoredMessage,
    SubjectExport,
    from_micros,
    micros,
)
from memory_svc.paging import PageTokens
from memory_svc.storage import CachedLead, HotCache, MemoryStore, OwnerNotices
from memory_svc.summary import RECENT_ITEMS, summarize

log = logging.getLogger("memory_svc")
T = TypeVar("T")

# After an erase, Redis is swept once more this much later: a read that loaded the
# subject from PostgreSQL just before the erase committed may write it back meanwhile.
ERASE_SWEEP_DELAY_SECONDS = 1.0


class SubjectRecords(Protocol):
    """What an export needs from integrations_svc."""

    async def export_subject(self, user_id: str, emails: list[str], phones: list[str]) -> list[bytes]:
        """The person's jobs and local adapter rows (serialized
        atende.common.v1.SubjectRecord). Raises Unavailable when integrations_svc
        cannot answer."""


class Memory:
    def __init__(
        self,
        store: MemoryStore,
        cache: HotCache,
        tokens: PageTokens,
        *,
        context_messages: int,
        context_messages_max: int,
        summary_max_chars: int,
        on_actions: Callable[[], None] = lambda: None,
        owners: OwnerNotices | None = None,
        integrations: SubjectRecords | None = None,
    ) -> None:
        self.store = store
        # integrations_svc, for what an LGPD export lists from its stores.
        self.integrations = integrations
        # Tells WatchOwner's watchers, on every replica, that an owner changed.
        self.owners = owners
        # Told when an append committed outbox rows: the relay then delivers them at
        # once instead of at its next poll.
        self.on_actions = on_actions
        self.cache = cache
        self.tokens = tokens
        self.context_messages = context_messages
        self.context_messages_max = context_messages_max
        self.summary_max_chars = summary_max_chars
        self._tasks: set[asyncio.Task[Any]] = set()

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    def _detach(self, coro: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _to_the_end(self, coro: Coroutine[Any, Any, T]) -> T:
        """Runs a write, its PostgreSQL commit and the Redis write that follows it, to
        the end even if the RPC is cancelled meanwhile (a deadline, a client gone). A
        cancellation that lands while PostgreSQL commits does not undo the commit
        (psycopg cancels the statement, maybe too late); Redis must follow all the same,
        or it keeps a window that looks complete without the new messages and the next
        turn is answered from that stale context."""
        task = self._detach(coro)
        task.add_done_callback(_retrieved)
        return await asyncio.shield(task)

    # Conversations

    async def append(self, request: AppendRequest) -> AppendResult:
        validation.append_request(request)
        return await self._to_the_end(self._append(request))

    async def _append(self, request: AppendRequest) -> AppendResult:
        token = await self.cache.mark_pending(request.conversation_id)
        try:
            result, info = await self.store.append(request)
        except Unavailable:
            # The connection broke mid-statement (PostgreSQL crashed, a network cut): the
            # turn may have committed all the same, so Redis must not keep a window that
            # looks complete without it. The next read rebuilds it from PostgreSQL.
            await self.cache.forget([request.conversation_id])
            raise
        result.info = info
        if info is not None:
            if result.actions_stored:
                self.on_actions()
            result.encoded = [serialize(m) for m in result.messages]
            await self._cache_append(info, result, token)
            if request.new_owner_kind and self.owners is not None:
                await self.owners.publish(request.conversation_id)
        else:
            await self.cache.clear_pending(request.conversation_id, token)
        return result

    async def watch_owner(self, conversation_id: str) -> AsyncIterator[Owner]:
        """The conversation's owner now, then after each change, read from PostgreSQL."""
        validation.conversation_lookup(conversation_id)
        if self.owners is None:
            raise Unavailable("owner changes are not followed by this replica")
        async with self.owners.watch(conversation_id) as changed:
            last: Owner | None = None
            while True:
                owner = await self.store.owner(conversation_id)
                if owner != last:
                    yield owner
                    last = owner
                await changed()

    async def _cache_append(self, info: ConversationInfo, result: AppendResult, token: str = "") -> None:
        # One Redis round trip: the messages, the lifted mark and the turn's lead.
        await self.cache.append(info, result.messages[0].seq, result.encoded, token, result.lead)

    async def get_conversation(self, conversation_id: str) -> Conversation:
        validation.conversation_lookup(conversation_id)
        window = await self.cache.read(conversation_id, self.cache.window)
        metrics.hit("conversation", window is not None and window.complete)
        if window is not None and window.complete:
            return Conversation(window.info, [], window.messages)
        conversation = await self.store.conversation(conversation_id)
        if conversation is None:
            raise NotFound(f"conversation {conversation_id!r} does not exist")
        if window is None:
            await self.cache.rebuild(conversation.info, conversation.messages)
        return conversation

    async def get_context(self, conversation_id: str, max_messages: int, client_message_id: str = "") -> Context:
        """The context of the conversation's next turn. With a client_message_id, first
        the turn stored under it: when there is one, only it comes back (the caller
        replays it), so a retried turn costs the caller one call, not two."""
        validation.conversation_lookup(conversation_id, client_message_id or None)
        last = validation.context_size(max_messages, self.context_messages, self.context_messages_max)
        if not client_message_id:
            return await self._context(conversation_id, last)
        # PostgreSQL answers: idempotency must not depend on what Redis still holds.
        stored = await self.store.lookup_turn(conversation_id, client_message_id)
        if stored:
            return Context(found=True, turn=stored)
        context = await self._context(conversation_id, last)
        context.turn = []
        return context

    async def _context(self, conversation_id: str, last: int) -> Context:
        window = await self.cache.read(conversation_id, last) if last <= self.cache.window else None
        metrics.hit("context", window is not None)
        annotate(conversation_id=conversation_id, **{"atende.cache": "hit" if window is not None else "miss"})
        info: ConversationInfo
        stored_lead: Lead | None = None
        recent: list[StoredMessage] = []
        encoded: list[bytes] = []
        if window is not None:
            info, encoded = window.info, window.messages
            shown = len(encoded)
        else:
            loaded = await self.store.window(conversation_id, max(last, self.cache.window))
            if loaded is None:
                return Context(found=False)
            conversation, stored_lead = loaded
            if last <= self.cache.window:
                await self.cache.rebuild(conversation.info, conversation.messages, CachedLead(stored_lead))
            info, recent = conversation.info, conversation.messages[-last:]
            shown = len(recent)
        summary = ""
        if shown and info.message_count > shown:
            cached = window.summary if window is not None else None
            if cached is not None:
                summary = cached
            else:
                # The shown messages are the last ones, so everything up to here is older.
                summary = await self._summary(conversation_id, info.message_count - shown)
                await self.cache.put_summary(conversation_id, last, info.message_count, summary)
        if window is None:
            lead = stored_lead
        elif window.lead is not None:
            lead = window.lead.lead
        else:  # the read already found no cached lead: go straight to PostgreSQL
            lead = await self._lead_of(info.user_id, cached=False)
        return Context(
            found=True,
            user_id=info.user_id,
            agent=info.agent,
            messages=recent,
            encoded=encoded,
            summary=summary,
            message_count=info.message_count,
            lead=lead,
            owner_kind=info.owner_kind,
            owner_id=info.owner_id,
            owner_since=info.owner_since,
        )

    async def _summary(self, conversation_id: str, upto: int) -> str:
        texts, truncated = await self.store.summary_sources(conversation_id, upto, RECENT_ITEMS)
        return summarize(texts, truncated, self.summary_max_chars)

    async def lookup_turn(self, conversation_id: str, client_message_id: str) -> list[StoredMessage]:
        # PostgreSQL answers: idempotency must not depend on what Redis still holds.
        validation.conversation_lookup(conversation_id, client_message_id)
        return await self.store.lookup_turn(conversation_id, client_message_id)

    async def list_conversations(self, user_id: str, page_size: int, page_token: str) -> Page[ConversationInfo]:
        validation.user_id(user_id)
        size = validation.page_size(page_size)
        position = self.tokens.decode("conversations", page_token, {"u": user_id})
        after: tuple[datetime, str] | None = None
        if position is not None:
            try:
                after = (from_micros(int(position["t"])), str(position["c"]))
            except (KeyError, TypeError, ValueError, OverflowError):
                raise InvalidArgument.single("page_token", "is not a token this service issued") from None
        rows = await self.store.list_conversations(user_id, size + 1, after)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            last = rows[-1]
            token = self.tokens.encode(
                "conversations", {"u": user_id}, {"t": micros(last.create_time), "c": last.conversation_id}
            )
        return Page(rows, token)

    # Interactions

    async def record_interaction(self, item: InteractionInput) -> Interaction:
        validation.interaction(item)
        return await self.store.record_interaction(item)

    # Leads

    async def upsert_lead(self, lead: LeadInput) -> tuple[Lead, bool]:
        validation.lead_input(lead)
        return await self._to_the_end(self._upsert_lead(lead))

    async def _upsert_lead(self, lead: LeadInput) -> tuple[Lead, bool]:
        stored, created = await self.store.upsert_lead(lead)
        await self.cache.put_lead(stored.user_id, stored)
        return stored, created

    async def get_lead(self, lead_id: str) -> Lead:
        canonical = validation.lead_id(lead_id)
        lead = await self.store.lead(canonical) if canonical else None
        if lead is None:
            raise NotFound(f"lead {lead_id!r} does not exist")
        return lead

    async def list_leads(self, page_size: int, page_token: str, f: LeadFilter) -> Page[Lead]:
        validation.lead_filter(f)
        size = validation.page_size(page_size)
        scope = {"min": f.min_score, "max": f.max_score, "st": f.crm_status}
        position = self.tokens.decode("leads", page_token, scope)
        after: tuple[int, str] | None = None
        if position is not None:
            try:
                score, lead_id = int(position["s"]), validation.lead_id(str(position["id"]))
            except (KeyError, TypeError, ValueError, InvalidArgument):
                score, lead_id = -1, None
            if lead_id is None or not 0 <= score <= 100:
                raise InvalidArgument.single("page_token", "is not a token this service issued")
            after = (score, lead_id)
        rows = await self.store.list_leads(f, size + 1, after)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.tokens.encode("leads", scope, {"s": rows[-1].score, "id": rows[-1].lead_id})
        return Page(rows, token)

    async def _lead_of(self, user_id: str, *, cached: bool = True) -> Lead | None:
        if cached:
            hit = await self.cache.lead(user_id)
            metrics.hit("lead", hit is not None)
            if hit is not None:
                return hit.lead
        lead = await self.store.lead_of_user(user_id)
        await self.cache.put_lead(user_id, lead)
        return lead

    # LGPD

    async def erase_subject(self, user_id: str) -> Erased:
        """Erases the person from PostgreSQL (one transaction, with the receipt and the
        outbox row that owes the rest), then from Redis; the relay carries the
        erasure to integrations_svc and the vendors."""
        validation.user_id(user_id)
        erased = await self._to_the_end(self._erase(user_id))
        log.info(
            "subject erased",
            extra={
                "erasure_id": erased.erasure.erasure_id if erased.erasure else "",
                "conversations": erased.conversations,
                "messages": erased.messages,
                "leads": erased.leads,
                "interactions": erased.interactions,
                "actions": erased.actions,
            },
        )
        return erased

    async def _erase(self, user_id: str) -> Erased:
        erasure_id = str(uuid.uuid4())
        erased = await self.store.erase_subject(
            user_id, erasure_id, lambda ids: self.cache.keys_of(ids, [user_id])
        )
        await self._sweep(erasure_id, erased.cache_keys)
        self._detach(self._sweep_later(erased.conversation_ids, user_id))
        self.on_actions()
        erased.erasure = await self.store.erasure(erasure_id) or erased.erasure
        return erased

    async def _sweep(self, erasure_id: str, keys: list[str]) -> None:
        deleted = await self.cache.delete_keys(keys)
        if deleted is not None:  # else the relay deletes them when Redis is back
            await self.store.erasure_cache_swept(erasure_id, deleted)

    async def _sweep_later(self, conversation_ids: list[str], user_id: str) -> None:
        await asyncio.sleep(ERASE_SWEEP_DELAY_SECONDS)
        await self.cache.forget(conversation_ids, [user_id])

    async def get_erasure(self, user_id: str, erasure_id: str) -> Erasure:
        validation.user_id(user_id)
        canonical = validation.erasure_id(erasure_id)
        erasure = await self.store.erasure(canonical) if canonical else None
        if erasure is None or erasure.user_id != user_id:
            raise NotFound(f"user {user_id!r} has no erasure {erasure_id!r}")
        return erasure

    async def export_subject(self, user_id: str) -> SubjectExport:
        validation.user_id(user_id)
        data = await self.store.export_subject(user_id)
        emails, phones = identifiers(data.leads, data.actions)
        if self.integrations is None:
            raise Unavailable("integrations_svc is not reachable from this replica: the export would be incomplete")
        records = await self.integrations.export_subject(user_id, emails, phones)
        return SubjectExport(
            user_id, data.conversations, data.leads, data.interactions, datetime.now(UTC),
            actions=data.actions, integration_records=records, erasures=data.erasures,
        )


def _retrieved(task: asyncio.Task[Any]) -> None:
    """Marks a write's error as seen: a caller still waiting gets it from the shield; one
    that left has no one to tell (asyncio would log it as never retrieved)."""
    if not task.cancelled():
        task.exception()
