"""LiveService's engine: conversations and the hand-off queue pushed to watchers.

Every replica keeps one PostgreSQL connection that LISTENs on "<schema>.live". A
trigger on the conversations table (migration 0006) NOTIFYs it in the transaction
that appends messages or changes an owner, so the notice reaches every replica when,
and only when, the change has committed. A notice only says "look": each watcher
reads what it has not seen from the messages table (the truth), by position, so it
gets every message once, in order, whatever notices were lost. While the listening
connection is down, watchers look every `fallback_poll_seconds` instead. Typing
notices are NOTIFYs with nothing stored.

Watchers of one conversation on one replica share their reads: after a notice, the
first to look fetches the new messages and the others take them from it."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, Protocol

import psycopg
from psycopg import sql

from atende_runtime.errors import InvalidArgument, PermissionDenied, Validator
from memory_svc import validation
from memory_svc.models import ConversationInfo, Owner, StoredMessage

log = logging.getLogger("memory_svc.live")

# Messages read at a time; a longer backlog is read in several rounds.
BATCH = 200
# The most conversations a queue snapshot lists.
QUEUE_MAX = 100
_CLOSE_SECONDS = 1.0
# How long one wait for notices lasts before the listener looks at its stop flag.
_READ_SECONDS = 0.5
TYPING_ROLES = ("customer", "human")


class LiveStore(Protocol):
    async def seq_of(self, conversation_id: str, message_id: str) -> int | None: ...

    async def messages_after(self, conversation_id: str, seq: int, limit: int) -> list[StoredMessage]: ...

    async def owner(self, conversation_id: str) -> Owner: ...

    async def notify(self, channel: str, payload: str) -> None: ...

    async def list_handoffs(
        self, queue: str, include_claimed: bool, limit: int, after: Any
    ) -> list[ConversationInfo]: ...


@dataclass
class TypingNotice:
    role: str
    name: str
    active: bool


@dataclass(eq=False)
class _Waiter:
    event: asyncio.Event = field(default_factory=asyncio.Event)
    kinds: set[str] = field(default_factory=set)
    typing: list[TypingNotice] = field(default_factory=list)

    def push(self, kinds: str, typing: TypingNotice | None = None) -> None:
        self.kinds.update(kinds)
        if typing is not None and len(self.typing) < 20:
            self.typing.append(typing)
        self.event.set()

    def take(self) -> tuple[set[str], list[TypingNotice]]:
        kinds, typing = self.kinds, self.typing
        self.kinds, self.typing = set(), []
        self.event.clear()
        return kinds, typing


@dataclass
class _Tail:
    """The last read of a conversation's new messages, shared by its watchers."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    generation: int = -1
    after: int = 0
    messages: list[StoredMessage] = field(default_factory=list)
    complete: bool = False


@dataclass
class _Watch:
    """Where one watcher of a conversation stands."""

    # The position of the last message it was sent.
    after: int = 0
    owner: Owner | None = None
    # False until its first read: that one is its own (a shared read may predate it).
    shared: bool = False


@dataclass
class ConversationEvent:
    """One event of a watched conversation: exactly one field is set."""

    message: StoredMessage | None = None
    owner: Owner | None = None
    typing: TypingNotice | None = None
    heartbeat: bool = False


class Live:
    def __init__(
        self,
        store: LiveStore,
        database_url: str,
        schema: str,
        *,
        fallback_poll_seconds: float = 1.0,
        heartbeat_seconds: float = 15.0,
    ) -> None:
        self.store = store
        self.database_url = database_url
        self.channel = f"{schema}.live"
        self.fallback_poll_seconds = fallback_poll_seconds
        self.heartbeat_seconds = heartbeat_seconds
        self._watchers: dict[str, set[_Waiter]] = {}
        self._tails: dict[str, _Tail] = {}
        self._generations: dict[str, int] = {}
        self._queue_watchers: set[_Waiter] = set()
        self._listening = False
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    @property
    def listening(self) -> bool:
        return self._listening

    def start(self) -> None:
        self._task = asyncio.create_task(self._listen(), name="memory-live-listener")

    async def close(self) -> None:
        self._stopping.set()
        if self._task is not None:
            await asyncio.wait({self._task}, timeout=_CLOSE_SECONDS + _READ_SECONDS)
            if not self._task.done():
                self._task.cancel()
                await asyncio.gather(self._task, return_exceptions=True)
        self._wake_all()

    # The listener

    async def _listen(self) -> None:
        delay = 0.1
        while not self._stopping.is_set():
            conn: psycopg.AsyncConnection[Any] | None = None
            try:
                conn = await psycopg.AsyncConnection.connect(self.database_url, autocommit=True, connect_timeout=5)
                await conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self.channel)))
                self._listening, delay = True, 0.1
                # Whatever committed while nobody listened is unknown: everyone looks again.
                self._wake_all()
                while not self._stopping.is_set():
                    async for notice in conn.notifies(timeout=_READ_SECONDS):
                        self._dispatch(notice.payload)
            except asyncio.CancelledError:
                raise
            except (psycopg.Error, OSError) as error:
                if self._listening:
                    log.warning("live listener lost; watchers poll", extra={"error": str(error)})
            finally:
                self._listening = False
                self._wake_all()
                if conn is not None:
                    with contextlib.suppress(Exception):
                        await asyncio.wait_for(conn.close(), _CLOSE_SECONDS)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), delay)
            delay = min(delay * 2, 5.0)

    def _dispatch(self, payload: str) -> None:
        kinds, _, rest = payload.partition(" ")
        if kinds == "t":
            try:
                data = json.loads(rest)
                conversation_id = str(data["c"])
                typing = TypingNotice(str(data["r"]), str(data["n"]), bool(data["a"]))
            except (ValueError, KeyError, TypeError):
                return
            for waiter in self._watchers.get(conversation_id, ()):
                waiter.push("t", typing)
            return
        if "m" in kinds:
            self._generations[rest] = self._generations.get(rest, 0) + 1
        for waiter in self._watchers.get(rest, ()):
            waiter.push(kinds)
        if "o" in kinds:
            for waiter in self._queue_watchers:
                waiter.push(kinds)

    def _wake_all(self) -> None:
        for conversation_id, waiters in self._watchers.items():
            self._generations[conversation_id] = self._generations.get(conversation_id, 0) + 1
            for waiter in waiters:
                waiter.push("mo")
        for waiter in self._queue_watchers:
            waiter.push("o")

    async def _wait(self, waiter: _Waiter) -> tuple[set[str], list[TypingNotice]] | None:
        """The next notices; None after a heartbeat's time without any. While nobody
        listens, a poll's time without notices counts as a change to look for."""
        polling = not self._listening
        timeout = min(self.fallback_poll_seconds, self.heartbeat_seconds) if polling else self.heartbeat_seconds
        try:
            await asyncio.wait_for(waiter.event.wait(), timeout)
        except TimeoutError:
            if polling:
                # "p": nobody was told; reads must not be shared with an older look.
                return {"m", "o", "p"}, []
            return None
        return waiter.take()

    # Conversations

    async def watch_conversation(self, conversation_id: str, after_message_id: str) -> AsyncIterator[ConversationEvent]:
        """The messages after `after_message_id` and the owner, then every change.
        Raises before the first event for bad input, so REST clients get a 4xx."""
        validation.conversation_lookup(conversation_id)
        state = _Watch(after=await self._resume_point(conversation_id, after_message_id))
        waiter = _Waiter()
        self._watchers.setdefault(conversation_id, set()).add(waiter)
        self._tails.setdefault(conversation_id, _Tail())
        try:
            kinds: set[str] = {"m", "o"}
            typing: list[TypingNotice] = []
            while True:
                async for event in self._look(conversation_id, state, kinds, typing):
                    yield event
                news = await self._wait(waiter)
                if news is None:
                    kinds, typing = set(), []
                    yield ConversationEvent(heartbeat=True)
                    continue
                kinds, typing = news
                if "p" in kinds:
                    self._generations[conversation_id] = self._generations.get(conversation_id, 0) + 1
        finally:
            self._forget(conversation_id, waiter)

    async def _resume_point(self, conversation_id: str, after_message_id: str) -> int:
        if not after_message_id:
            return 0
        try:
            canonical = str(uuid.UUID(after_message_id))
        except ValueError:
            raise InvalidArgument.single("after_message_id", "is not a message id") from None
        seq = await self.store.seq_of(conversation_id, canonical)
        if seq is None:
            raise InvalidArgument.single("after_message_id", "is not a message of this conversation")
        return seq

    async def _look(
        self, conversation_id: str, state: _Watch, kinds: set[str], typing: list[TypingNotice]
    ) -> AsyncIterator[ConversationEvent]:
        """The events one look finds: a new owner, the new messages, typing notices."""
        if "o" in kinds:
            owner = await self.store.owner(conversation_id)
            if owner != state.owner:
                state.owner = owner
                yield ConversationEvent(owner=owner)
        if "m" in kinds:
            while True:
                messages = await self._after(conversation_id, state.after, state.shared)
                for message in messages:
                    yield ConversationEvent(message=message)
                    state.after = message.seq
                if len(messages) < BATCH:
                    break
            state.shared = True
        for notice in typing:
            yield ConversationEvent(typing=notice)

    def _forget(self, conversation_id: str, waiter: _Waiter) -> None:
        waiters = self._watchers.get(conversation_id)
        if waiters is not None:
            waiters.discard(waiter)
            if not waiters:
                del self._watchers[conversation_id]
                self._tails.pop(conversation_id, None)
                self._generations.pop(conversation_id, None)

    async def _after(self, conversation_id: str, seq: int, shared: bool) -> list[StoredMessage]:
        tail = self._tails.get(conversation_id)
        if tail is None or not shared:
            return await self.store.messages_after(conversation_id, seq, BATCH)
        generation = self._generations.get(conversation_id, 0)
        async with tail.lock:
            # A read made after this generation's notice arrived has every message it
            # announced: a watcher that knows no later notice may take its rows.
            if tail.generation == generation and tail.after <= seq and tail.complete:
                return [m for m in tail.messages if m.seq > seq]
            messages = await self.store.messages_after(conversation_id, seq, BATCH)
            tail.generation, tail.after, tail.messages = generation, seq, messages
            tail.complete = len(messages) < BATCH
            return messages

    async def typing(self, conversation_id: str, role: str, name: str, active: bool) -> None:
        validation.conversation_lookup(conversation_id)
        if role not in TYPING_ROLES:
            raise PermissionDenied("only a customer or a person answering may signal typing")
        payload = json.dumps({"c": conversation_id, "r": role, "n": name[:128], "a": active}, separators=(",", ":"))
        await self.store.notify(self.channel, "t " + payload)

    # The hand-off queue

    async def watch_queue(self, queue: str, include_claimed: bool) -> AsyncIterator[list[ConversationInfo] | None]:
        """The queue now, then again after each change (None: a heartbeat)."""
        v = Validator()
        validation.queue(v, queue)
        v.check()
        waiter = _Waiter()
        self._queue_watchers.add(waiter)
        try:
            last: list[tuple[Any, ...]] | None = None
            look = True
            while True:
                if look:
                    rows = await self.store.list_handoffs(queue, include_claimed, QUEUE_MAX, None)
                    shape = [(r.conversation_id, r.owner_kind, r.owner_id, r.owner_since, r.message_count) for r in rows]
                    if shape != last:
                        last = shape
                        yield rows
                news = await self._wait(waiter)
                if news is None:
                    look = False
                    yield None
                else:
                    look = "o" in news[0]
        finally:
            self._queue_watchers.discard(waiter)

    def watcher_count(self) -> int:
        return sum(len(w) for w in self._watchers.values()) + len(self._queue_watchers)
