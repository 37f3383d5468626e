"""The Redis hot tier. It is only ever a copy of PostgreSQL: any entry may vanish
(TTL, FLUSHALL, a restart), and when Redis does not answer the service carries on
from PostgreSQL, reports itself degraded and comes back by itself.

Per conversation two keys: a hash `<prefix>c:<id>:m` with `n` (seq of the last cached
message), `hw` (the highest seq known committed), `j` (the conversation as JSON), `u`
(its user) and summaries `s:<N>` (for a context of N messages, tagged with the message
count they were made at); and a list `<prefix>c:<id>:l` of the last messages as length-prefixed
atende.common.v1.Message protobufs.
The list is valid only when n == hw. Scripts keep that true under concurrent writers:
an append extends the list only when it follows the last cached message, and a
rebuild from PostgreSQL never overwrites a newer high-water mark. A lead is one
string `<prefix>lead:<user_id>` = "<version>|<json>", replaced only by a newer version.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

from memory_svc.codec import frame, serialize, unframe
from memory_svc.models import (
    OWNER_AGENT,
    Bant,
    ConversationInfo,
    Lead,
    StoredMessage,
    from_micros,
    micros,
)

log = logging.getLogger("memory_svc.cache")
T = TypeVar("T")

# KEYS: meta, list. ARGV: -(messages wanted), lead key prefix, summary field. The
# messages (length-prefixed protobufs) come back joined in one string, so the client
# parses one reply element, not N. The lead's key is derived from the conversation's user inside the
# script, so one round trip serves a whole context. (Keys not declared in KEYS work on
# a standalone Redis, not on Redis Cluster.)
_READ = """
local meta = redis.call('HMGET', KEYS[1], 'n', 'hw', 'j', 'u', ARGV[3])
local lead = false
if meta[4] then
  lead = redis.call('GET', ARGV[2] .. meta[4])
end
local messages = table.concat(redis.call('LRANGE', KEYS[2], ARGV[1], -1))
return {meta, redis.call('LLEN', KEYS[2]), messages, lead}
"""

# KEYS: meta, list. ARGV: first seq, last seq, ttl, window, conversation json, user id, messages...
_APPEND = """
local first = tonumber(ARGV[1])
local last = tonumber(ARGV[2])
local n, hw = 0, 0
if redis.call('EXISTS', KEYS[1]) == 1 then
  n = tonumber(redis.call('HGET', KEYS[1], 'n') or '-1')
  hw = tonumber(redis.call('HGET', KEYS[1], 'hw') or '0')
end
if last <= hw then
  return 0
end
local window = tonumber(ARGV[4])
if n == hw and n == first - 1 and redis.call('LLEN', KEYS[2]) == math.min(n, window) then
  redis.call('RPUSH', KEYS[2], unpack(ARGV, 7))
  redis.call('LTRIM', KEYS[2], -window, -1)
  redis.call('HSET', KEYS[1], 'n', last, 'hw', last, 'j', ARGV[5], 'u', ARGV[6])
  redis.call('EXPIRE', KEYS[2], ARGV[3])
  redis.call('EXPIRE', KEYS[1], ARGV[3])
  return 1
end
-- Not contiguous with what is cached: keep only the high-water mark, so a rebuild
-- from an older snapshot cannot bring back a list without these messages.
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('HSET', KEYS[1], 'hw', last)
redis.call('EXPIRE', KEYS[1], ARGV[3])
return -1
"""

# KEYS: meta, list, lead. ARGV: message count, ttl, conversation json, user id, lead
# version ("" to leave the lead alone), lead json, messages (oldest first)...
_REBUILD = """
local count = tonumber(ARGV[1])
if ARGV[5] ~= '' then
  local current = redis.call('GET', KEYS[3])
  local version = current and tonumber(string.match(current, '^(%d+)|'))
  if not version or version < tonumber(ARGV[5]) then
    redis.call('SET', KEYS[3], ARGV[5] .. '|' .. ARGV[6], 'EX', ARGV[2])
  end
end
if tonumber(redis.call('HGET', KEYS[1], 'hw') or '0') > count then
  return 0
end
redis.call('DEL', KEYS[1], KEYS[2])
if #ARGV >= 7 then
  redis.call('RPUSH', KEYS[2], unpack(ARGV, 7))
  redis.call('EXPIRE', KEYS[2], ARGV[2])
end
redis.call('HSET', KEYS[1], 'n', count, 'hw', count, 'j', ARGV[3], 'u', ARGV[4])
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
"""

# KEYS: meta. ARGV: field, message count, summary.
_SUMMARY = """
if redis.call('HGET', KEYS[1], 'n') == ARGV[2] and redis.call('HGET', KEYS[1], 'hw') == ARGV[2] then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '|' .. ARGV[3])
  return 1
end
return 0
"""

# KEYS: lead. ARGV: version, json, ttl.
_LEAD = """
local current = redis.call('GET', KEYS[1])
if current then
  local version = tonumber(string.match(current, '^(%d+)|'))
  if version and version >= tonumber(ARGV[1]) then
    return 0
  end
end
redis.call('SET', KEYS[1], ARGV[1] .. '|' .. ARGV[2], 'EX', ARGV[3])
return 1
"""

_REDIS_ERRORS = (RedisError, OSError, asyncio.TimeoutError)


@dataclass(slots=True)
class CachedLead:
    lead: Lead | None


@dataclass(slots=True)
class Window:
    """What Redis holds of a conversation: its row, its message count and the last
    messages (oldest first); `complete` when they are the whole conversation."""

    info: ConversationInfo
    # Serialized atende.common.v1.Message, oldest first.
    messages: list[bytes]
    complete: bool
    # The cached summary of the messages before these, when still current.
    summary: str | None
    # The person's lead as cached (CachedLead(None): known to have none); None: not cached.
    lead: CachedLead | None


class HotCache:
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
        self.probe_interval = probe_interval_seconds
        self.client = aioredis.Redis.from_url(
            url,
            socket_timeout=timeout_seconds,
            socket_connect_timeout=timeout_seconds,
            # No retries: a slow or absent Redis must cost one timeout, then PostgreSQL.
            retry=Retry(NoBackoff(), 0),
            retry_on_timeout=False,
            max_connections=256,
            health_check_interval=0,
        )
        self._read = self.client.register_script(_READ)
        self._append = self.client.register_script(_APPEND)
        self._rebuild = self.client.register_script(_REBUILD)
        self._summary = self.client.register_script(_SUMMARY)
        self._lead = self.client.register_script(_LEAD)
        self._up = False
        self._run_id: str | None = None
        # Keys that may hold stale data because a write to them failed; deleted before
        # the cache is used again. Past the limit the whole prefix is purged instead.
        self._dirty: set[str] = set()
        self._dirty_limit = 10_000
        self._purge_all = False
        self._probe_task: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()

    # Keys

    def meta_key(self, conversation_id: str) -> str:
        return f"{self.prefix}c:{conversation_id}:m"

    def list_key(self, conversation_id: str) -> str:
        return f"{self.prefix}c:{conversation_id}:l"

    def lead_key(self, user_id: str) -> str:
        return f"{self.prefix}lead:{user_id}"

    def conversation_keys(self, conversation_ids: Iterable[str]) -> list[str]:
        return [key for cid in conversation_ids for key in (self.meta_key(cid), self.list_key(cid))]

    # State

    @property
    def degraded(self) -> bool:
        """True while Redis is not used: every read and write goes to PostgreSQL."""
        return not self._up

    async def start(self) -> None:
        await self._probe()
        if not self._up:
            log.warning("redis unavailable at start; serving from PostgreSQL until it answers")
        self._probe_task = asyncio.create_task(self._probe_loop(), name="memory-redis-probe")

    async def close(self) -> None:
        self._stopping.set()
        if self._probe_task is not None:
            self._probe_task.cancel()
            try:
                await self._probe_task
            except asyncio.CancelledError:
                pass
        await self.client.aclose()

    def _fail(self, error: BaseException, dirty: Iterable[str] = ()) -> None:
        self._mark_dirty(dirty)
        if self._up:
            self._up = False
            log.warning(
                "redis unavailable; degraded: serving from PostgreSQL",
                extra={"error": f"{type(error).__name__}: {error}", "degraded": True},
            )

    def _mark_dirty(self, keys: Iterable[str]) -> None:
        if self._purge_all:
            return
        self._dirty.update(keys)
        if len(self._dirty) > self._dirty_limit:
            self._dirty.clear()
            self._purge_all = True

    async def _guard(self, call: Callable[[], Awaitable[T]], dirty: Iterable[str] = ()) -> T | None:
        """Runs a Redis call; None (and, for a write, its keys marked dirty) when
        Redis is down or fails. A write while down is skipped, but the keys it would
        have changed may hold older data, so they are marked too."""
        if not self._up:
            self._mark_dirty(dirty)
            return None
        try:
            return await call()
        except _REDIS_ERRORS as error:
            self._fail(error, dirty)
            return None

    async def _probe_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                await asyncio.wait_for(self._stopping.wait(), timeout=self.probe_interval)
                return
            except TimeoutError:
                pass
            try:
                await self._probe()
            except Exception:  # the loop must outlive any surprise
                log.exception("redis probe failed")

    async def _probe(self) -> None:
        """Watches Redis: notices a restart (whose data may predate writes made while
        it was away) and brings the cache back once stale keys are gone."""
        try:
            info = await self.client.info("server")
            run_id = str(info.get("run_id", ""))
            restarted = self._run_id is not None and run_id != self._run_id
            if self._up and not restarted:
                return
            if restarted:
                self._up = False
                self._purge_all = True
                log.warning("redis restarted; purging the cache before using it again", extra={"degraded": True})
            if self._purge_all:
                await self._purge_prefix()
                self._purge_all = False
                self._dirty.clear()
            # Writes that fail meanwhile keep adding keys; the loop ends with none left,
            # and nothing runs between the last check and the switch back.
            while self._dirty:
                batch = list(self._dirty)
                self._dirty.clear()
                try:
                    await self.client.unlink(*batch)
                except _REDIS_ERRORS:
                    self._dirty.update(batch)
                    raise
            if self._purge_all:
                return
            self._run_id = run_id
            if not self._up:
                # Pooled sockets may predate the outage (or the restart): drop them
                # rather than fail the first calls on them and fall back again.
                await self.client.connection_pool.disconnect()
                self._up = True
                log.info("redis available; cache in use", extra={"degraded": False})
        except _REDIS_ERRORS as error:
            if self._up:
                self._fail(error)

    async def _purge_prefix(self) -> None:
        pattern = _glob_escape(self.prefix) + "*"
        batch: list[bytes] = []
        async for key in self.client.scan_iter(match=pattern, count=1000):
            batch.append(key)
            if len(batch) >= 1000:
                await self.client.unlink(*batch)
                batch.clear()
        if batch:
            await self.client.unlink(*batch)

    # Conversations

    async def read(self, conversation_id: str, last: int) -> Window | None:
        """The cached conversation with up to its `last` messages; None on a miss,
        when the list is not trustworthy, or when Redis is down."""
        meta_key, list_key = self.meta_key(conversation_id), self.list_key(conversation_id)
        lead_prefix = self.lead_key("")
        result = await self._guard(
            lambda: self._read(keys=[meta_key, list_key], args=[-last, lead_prefix, f"s:{last}"])
        )
        if not result:
            return None
        (n, hw, info_json, _, summary), length, raw, lead = result
        if n is None or info_json is None or n != hw:
            return None
        count = int(n)
        if int(length) != min(count, self.window):
            return None
        info = _info_from_json(conversation_id, count, info_json)
        try:
            messages = unframe(raw)
        except IndexError:  # not what this version writes: treat as a miss
            return None
        if len(messages) != min(last, count, self.window):
            return None
        cached_summary: str | None = None
        if summary is not None:
            at, _, text = summary.partition(b"|")
            if int(at) == count:
                cached_summary = text.decode()
        return Window(info, messages, count <= self.window, cached_summary, _cached_lead(lead))

    async def append(self, info: ConversationInfo, first_seq: int, encoded: list[bytes]) -> None:
        """Adds freshly committed messages (serialized, numbered from first_seq); a gap
        with what is cached invalidates the entry instead."""
        meta_key, list_key = self.meta_key(info.conversation_id), self.list_key(info.conversation_id)
        last = first_seq + len(encoded) - 1
        args: list[Any] = [first_seq, last, self.ttl, self.window, _info_json(info), info.user_id]
        args.extend(frame(body) for body in encoded)
        await self._guard(lambda: self._append(keys=[meta_key, list_key], args=args), dirty=[meta_key, list_key])

    async def rebuild(
        self, info: ConversationInfo, messages: list[StoredMessage], lead: CachedLead | None = None
    ) -> None:
        """Loads what was read from PostgreSQL (and the customer's lead, when given),
        unless a newer write got there first."""
        keys = [self.meta_key(info.conversation_id), self.list_key(info.conversation_id), self.lead_key(info.user_id)]
        args: list[Any] = [info.message_count, self.ttl, _info_json(info), info.user_id]
        if lead is None:
            args.extend(["", ""])
        elif lead.lead is None:
            args.extend([0, ""])
        else:
            args.extend([lead.lead.version, _lead_json(lead.lead)])
        args.extend(frame(serialize(m)) for m in messages[-self.window :])
        await self._guard(lambda: self._rebuild(keys=keys, args=args), dirty=keys if lead else keys[:2])

    async def put_summary(self, conversation_id: str, last: int, count: int, summary: str) -> None:
        meta_key = self.meta_key(conversation_id)
        await self._guard(
            lambda: self._summary(keys=[meta_key], args=[f"s:{last}", str(count), summary]), dirty=[meta_key]
        )

    async def forget(self, conversation_ids: Iterable[str], user_ids: Iterable[str] = ()) -> None:
        keys = self.conversation_keys(conversation_ids) + [self.lead_key(u) for u in user_ids]
        if keys:
            await self._guard(lambda: self.client.unlink(*keys), dirty=keys)

    # Leads

    async def lead(self, user_id: str) -> CachedLead | None:
        """The cached lead of a person (CachedLead(None): known to have none); None on a miss."""
        raw = await self._guard(lambda: self.client.get(self.lead_key(user_id)))
        # The client returns bytes (decode_responses is off).
        return _cached_lead(cast(bytes | None, raw))

    async def put_lead(self, user_id: str, lead: Lead | None) -> None:
        """Stores a lead read or written at `lead.version` (None: the person has no lead),
        unless a newer version is already there."""
        key = self.lead_key(user_id)
        version = lead.version if lead else 0
        body = _lead_json(lead) if lead else ""
        await self._guard(lambda: self._lead(keys=[key], args=[version, body, self.ttl]), dirty=[key])


def _cached_lead(raw: bytes | None) -> CachedLead | None:
    if raw is None:
        return None
    _, _, body = raw.partition(b"|")
    return CachedLead(_lead_from_json(body) if body else None)


def _glob_escape(text: str) -> str:
    return "".join("\\" + c if c in "*?[]\\" else c for c in text)


# Conversation and lead serialization: compact JSON, times as microseconds since the epoch.


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _info_json(info: ConversationInfo) -> str:
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


def _info_from_json(conversation_id: str, count: int, raw: bytes) -> ConversationInfo:
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


def _lead_json(lead: Lead) -> str:
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


def _lead_from_json(raw: bytes) -> Lead:
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
