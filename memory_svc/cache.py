"""The Redis hot tier. It is only ever a copy of PostgreSQL: any entry may vanish
(TTL, FLUSHALL, a restart), and when Redis does not answer the service carries on
from PostgreSQL, reports itself degraded and comes back by itself (redis_link.py).

Per conversation two keys: a hash `<prefix>c2:<id>:m` with `n` (seq of the last cached
message), `hw` (the highest seq known committed), `j` (the conversation as JSON), `u`
(its user) and summaries `s:<N>` (for a context of N messages, tagged with the message
count they were made at); and a list `<prefix>c2:<id>:l` of the last messages as
length-prefixed atende.common.v1.Message protobufs (codec.frame).
The list is valid only when n == hw. Scripts (cache_scripts.py) keep that true under
concurrent writers: an append extends the list only when it follows the last cached
message, and a rebuild from PostgreSQL never overwrites a newer high-water mark. A
lead is one string `<prefix>lead:<user_id>` = "<version>|<json>", replaced only by a
newer version.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any, cast

from memory_svc import cache_scripts
from memory_svc.cache_json import cached_lead, info_from_json, info_json, lead_json
from memory_svc.codec import frame, serialize, unframe
from memory_svc.models import ConversationInfo, Lead, StoredMessage
from memory_svc.redis_link import RedisLink
from memory_svc.storage import CachedLead, Window

# The conversation keys' segment names the list's frame format, so that replicas of
# two versions (a rolling deploy) never read each other's lists: "c2" holds frames
# with a 4-byte length, "c" held varint lengths.
_CONVERSATIONS = "c2"
# Entries of earlier formats, left to their TTL but erased with a subject's data.
_EARLIER_CONVERSATIONS = ("c",)
# How long a write's pending mark can outlive a writer that died between its
# PostgreSQL commit and its cache write; meanwhile the conversation is read from
# PostgreSQL (and its window rebuilt from there).
PENDING_SECONDS = 60


class RedisCache:
    """The HotCache of storage.py on Redis."""

    def __init__(
        self,
        url: str,
        prefix: str,
        *,
        ttl_seconds: int,
        window: int,
        timeout_seconds: float,
        probe_interval_seconds: float,
    ) -> None:
        self.prefix = prefix
        self.ttl = ttl_seconds
        self.window = window
        self.link = RedisLink(url, prefix, timeout_seconds=timeout_seconds, probe_interval_seconds=probe_interval_seconds)
        client = self.link.client
        self._read = client.register_script(cache_scripts.READ)
        self._append = client.register_script(cache_scripts.APPEND)
        self._rebuild = client.register_script(cache_scripts.REBUILD)
        self._summary = client.register_script(cache_scripts.SUMMARY)
        self._lead = client.register_script(cache_scripts.LEAD)
        self._clear = client.register_script(cache_scripts.CLEAR_PENDING)

    @property
    def degraded(self) -> bool:
        """True while Redis is not used: every read and write goes to PostgreSQL."""
        return self.link.degraded

    async def start(self) -> None:
        await self.link.start()

    async def close(self) -> None:
        await self.link.close()

    # Keys

    def meta_key(self, conversation_id: str) -> str:
        return f"{self.prefix}{_CONVERSATIONS}:{conversation_id}:m"

    def list_key(self, conversation_id: str) -> str:
        return f"{self.prefix}{_CONVERSATIONS}:{conversation_id}:l"

    def pending_key(self, conversation_id: str) -> str:
        return f"{self.prefix}{_CONVERSATIONS}:{conversation_id}:p"

    def lead_key(self, user_id: str) -> str:
        return f"{self.prefix}lead:{user_id}"

    def conversation_keys(self, conversation_ids: Iterable[str]) -> list[str]:
        return [
            f"{self.prefix}{segment}:{cid}:{kind}"
            for cid in conversation_ids
            for segment in (_CONVERSATIONS, *_EARLIER_CONVERSATIONS)
            for kind in ("m", "l", "p")
        ]

    # Conversations

    async def read(self, conversation_id: str, last: int) -> Window | None:
        """The cached conversation with up to its `last` messages; None on a miss,
        when the list is not trustworthy, or when Redis is down."""
        keys = [self.meta_key(conversation_id), self.list_key(conversation_id), self.pending_key(conversation_id)]
        lead_prefix = self.lead_key("")
        result = await self.link.guard(lambda: self._read(keys=keys, args=[-last, lead_prefix, f"s:{last}"]))
        if not result:
            return None
        (n, hw, info_raw, _, summary), length, raw, lead = result
        if n is None or info_raw is None or n != hw:
            return None
        count = int(n)
        if int(length) != min(count, self.window):
            return None
        info = info_from_json(conversation_id, count, info_raw)
        try:
            messages = unframe(raw)
        except ValueError:  # not what this version writes: treat as a miss
            return None
        if len(messages) != min(last, count, self.window):
            return None
        cached_summary: str | None = None
        if summary is not None:
            at, _, text = summary.partition(b"|")
            if int(at) == count:
                cached_summary = text.decode()
        return Window(info, messages, count <= self.window, cached_summary, cached_lead(lead))

    async def mark_pending(self, conversation_id: str) -> str:
        """Before a write commits to PostgreSQL: reads of the conversation miss (and
        go to PostgreSQL) until append() lands with the same token, or for
        PENDING_SECONDS. A process killed between its commit and its cache write would
        otherwise leave a window that looks complete without the committed messages.
        Returns the token ("" when Redis is away: its writes are then marked dirty)."""
        token = uuid.uuid4().hex[:16]
        key = self.pending_key(conversation_id)
        done = await self.link.guard(lambda: self.link.client.set(key, token, ex=PENDING_SECONDS))
        return token if done else ""

    async def clear_pending(self, conversation_id: str, token: str) -> None:
        """A write that stored nothing (a replay, a refusal) lifts its mark."""
        if token:
            key = self.pending_key(conversation_id)
            await self.link.guard(lambda: self._clear(keys=[key], args=[token]))

    async def append(
        self, info: ConversationInfo, first_seq: int, encoded: list[bytes], token: str = "", lead: Lead | None = None
    ) -> None:
        """Adds freshly committed messages (serialized, numbered from first_seq) and lifts
        the writer's pending mark; a gap with what is cached invalidates the entry instead.
        The lead the turn wrote, when given, is stored in the same round trip (as
        put_lead does it)."""
        lead_key = self.lead_key(lead.user_id if lead is not None else info.user_id)
        keys = [self.meta_key(info.conversation_id), self.list_key(info.conversation_id),
                self.pending_key(info.conversation_id), lead_key]
        last = first_seq + len(encoded) - 1
        args: list[Any] = [first_seq, last, self.ttl, self.window, info_json(info), info.user_id, token]
        args.extend([lead.version, lead_json(lead)] if lead is not None else ["", ""])
        args.extend(frame(body) for body in encoded)
        dirty = [keys[0], keys[1], lead_key] if lead is not None else keys[:2]
        await self.link.guard(lambda: self._append(keys=keys, args=args), dirty=dirty)

    async def rebuild(
        self, info: ConversationInfo, messages: list[StoredMessage], lead: CachedLead | None = None
    ) -> None:
        """Loads what was read from PostgreSQL (and the customer's lead, when given),
        unless a newer write got there first."""
        keys = [self.meta_key(info.conversation_id), self.list_key(info.conversation_id), self.lead_key(info.user_id)]
        args: list[Any] = [info.message_count, self.ttl, info_json(info), info.user_id]
        if lead is None:
            args.extend(["", ""])
        elif lead.lead is None:
            args.extend([0, ""])
        else:
            args.extend([lead.lead.version, lead_json(lead.lead)])
        args.extend(frame(serialize(m)) for m in messages[-self.window :])
        await self.link.guard(lambda: self._rebuild(keys=keys, args=args), dirty=keys if lead else keys[:2])

    async def put_summary(self, conversation_id: str, last: int, count: int, summary: str) -> None:
        meta_key = self.meta_key(conversation_id)
        await self.link.guard(
            lambda: self._summary(keys=[meta_key], args=[f"s:{last}", str(count), summary]), dirty=[meta_key]
        )

    def keys_of(self, conversation_ids: Iterable[str], user_ids: Iterable[str] = ()) -> list[str]:
        return self.conversation_keys(conversation_ids) + [self.lead_key(u) for u in user_ids]

    async def forget(self, conversation_ids: Iterable[str], user_ids: Iterable[str] = ()) -> None:
        await self.delete_keys(self.keys_of(conversation_ids, user_ids))

    async def delete_keys(self, keys: list[str]) -> int | None:
        """How many of the keys existed; None when Redis could not be asked (they
        are then deleted before the cache is used again)."""
        if not keys:
            return 0
        deleted = await self.link.guard(lambda: self.link.client.unlink(*keys), dirty=keys)
        return None if deleted is None else int(deleted)

    # Leads

    async def lead(self, user_id: str) -> CachedLead | None:
        """The cached lead of a person (CachedLead(None): known to have none); None on a miss."""
        raw = await self.link.guard(lambda: self.link.client.get(self.lead_key(user_id)))
        # The client returns bytes (decode_responses is off).
        return cached_lead(cast(bytes | None, raw))

    async def put_lead(self, user_id: str, lead: Lead | None) -> None:
        """Stores a lead read or written at `lead.version` (None: the person has no lead),
        unless a newer version is already there."""
        key = self.lead_key(user_id)
        version = lead.version if lead else 0
        body = lead_json(lead) if lead else ""
        await self.link.guard(lambda: self._lead(keys=[key], args=[version, body, self.ttl]), dirty=[key])
