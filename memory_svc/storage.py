"""The storage interfaces memory_svc's domain code uses. PostgreSQL implements the
stores (store.py and postgres/), Redis the hot cache (cache.py) and the owner-change
notices (owners.py); nothing above this line knows SQL or Redis.

Each consumer asks for the smallest interface it needs: Memory for MemoryStore and
HotCache, the hand-off desk for HandoffStore, the relay for OutboxStore and
LeadCache, the retention job for RetentionStore and HotCache."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from atende_runtime.errors import FailedPrecondition
from memory_svc.erasure import Erasure, ErasureStep
from memory_svc.models import (
    AppendRequest,
    AppendResult,
    Conversation,
    ConversationInfo,
    Erased,
    Interaction,
    InteractionInput,
    Lead,
    LeadFilter,
    LeadInput,
    Owner,
    StoredMessage,
    SubjectData,
)
from memory_svc.outbox import OutboxAction


class OwnerMismatch(FailedPrecondition):
    """The conversation is not owned as the request required: nothing was stored."""

    def __init__(self, kind: str, owner_id: str) -> None:
        holder = {"agent": "an AI agent", "human_queue": "the human queue", "human": "a person"}.get(kind, kind)
        super().__init__(f"the conversation is held by {holder} ({owner_id or 'default'}); nothing was stored")
        self.kind = kind
        self.owner_id = owner_id


# The durable store: every write commits here first.


class ConversationStore(Protocol):
    async def append(self, request: AppendRequest) -> tuple[AppendResult, ConversationInfo | None]:
        """Commits the turn (messages, interaction, lead merge, outbox rows) at once and
        returns it with the conversation as it is after it; a turn already stored comes
        back with replayed=True and no conversation. Raises OwnerMismatch, NotFound or
        InvalidArgument when nothing could be stored."""

    async def owner(self, conversation_id: str) -> Owner:
        """Who owns the conversation now; an agent for one that does not exist yet."""

    async def lookup_turn(self, conversation_id: str, client_message_id: str) -> list[StoredMessage]: ...

    async def conversation(self, conversation_id: str) -> Conversation | None: ...

    async def window(self, conversation_id: str, last: int) -> tuple[Conversation, Lead | None] | None:
        """The conversation with its last `last` messages (oldest first), and its
        customer's lead, from one snapshot."""

    async def summary_sources(self, conversation_id: str, upto: int, recent: int) -> tuple[list[str], bool]:
        """Customer messages with seq <= upto to summarize, oldest first, and whether
        some in the middle were left out."""

    async def list_conversations(
        self, user_id: str, limit: int, after: tuple[datetime, str] | None
    ) -> list[ConversationInfo]:
        """Newest first; `after` is the (create_time, conversation_id) of the last row seen."""

    async def record_interaction(self, item: InteractionInput) -> Interaction: ...


class LeadStore(Protocol):
    async def upsert_lead(self, lead: LeadInput) -> tuple[Lead, bool]:
        """Merges non-empty fields into the person's lead; True when it was created."""

    async def lead(self, lead_id: str) -> Lead | None: ...

    async def lead_of_user(self, user_id: str) -> Lead | None: ...

    async def list_leads(self, f: LeadFilter, limit: int, after: tuple[int, str] | None) -> list[Lead]:
        """Highest score first; `after` is the (score, lead_id) of the last row seen."""


class SubjectStore(Protocol):
    """LGPD: everything stored about one person."""

    async def erase_subject(
        self, user_id: str, erasure_id: str, cache_keys: Callable[[list[str]], list[str]]
    ) -> Erased:
        """Deletes the person from every table and, in the same transaction, opens
        the erasure's receipt and commits the outbox row that carries the rest of it
        (integrations_svc, and the Redis keys cache_keys(conversation_ids) names)."""

    async def export_subject(self, user_id: str) -> SubjectData:
        """From one snapshot, so the parts agree with each other."""

    async def erasure(self, erasure_id: str) -> Erasure | None:
        """The receipt, with its steps in their fixed order."""

    async def erasure_cache_swept(self, erasure_id: str, deleted: int) -> None:
        """The erasure's Redis keys are gone (`deleted` of them existed)."""


class MemoryStore(ConversationStore, LeadStore, SubjectStore, Protocol):
    """What the Memory service needs from the durable store."""


class HandoffStore(Protocol):
    async def list_handoffs(
        self, queue: str, include_claimed: bool, limit: int, after: tuple[datetime, str] | None
    ) -> list[ConversationInfo]:
        """Conversations in people's hands, oldest hand-off first; `after` is the
        (owner_since, conversation_id) of the last row seen."""


class ErasureLedger(Protocol):
    """The receipt's steps, as the relay learns how integrations_svc and Redis fared."""

    async def record_erasure(self, erasure_id: str, steps: list[ErasureStep]) -> None:
        """integrations_svc's steps; they replace the "crm" and "analytics" stand-ins
        with the vendors it named. A final step never goes back to pending."""

    async def note_erasure(self, erasure_id: str, detail: str, *, outcome: str = ...) -> None:
        """What the relay met instead of an answer, on every step integrations_svc owes."""

    async def erasure_cache_swept(self, erasure_id: str, deleted: int) -> None:
        """The erasure's Redis keys are gone."""


class OutboxStore(ErasureLedger, Protocol):
    """The outbox rows the relay delivers; every outcome is fenced by the claim's lease."""

    async def claim_actions(self, now: datetime, lease_until: datetime, limit: int) -> list[OutboxAction]:
        """Leases up to `limit` rows due at `now` until `lease_until`."""

    async def update_action(
        self, action: OutboxAction, *, status: str, job_id: str, attempted: bool, error: str, next_attempt_at: datetime
    ) -> bool:
        """Records an outcome that leaves the lead alone; False when the claim had
        lost the row."""

    async def finish_action(
        self,
        action: OutboxAction,
        *,
        status: str,
        job_id: str,
        attempted: bool,
        error: str,
        crm_status: str,
        crm_id: str = "",
        crm_error: str = "",
    ) -> tuple[bool, Lead | None]:
        """Records a final outcome and, for the newest sync of a lead, moves the lead
        with it. Returns whether the claim still held the row, and the lead when it
        changed."""


class RetentionStore(Protocol):
    async def expire(self, cutoff: datetime, batch: int = 500) -> tuple[list[str], int, int] | None:
        """Deletes conversations idle since before `cutoff`, interactions older than it
        and outbox rows finished before it; returns the conversation ids and the
        interaction and action counts. None when another replica is doing it."""

    async def expire_audit(self, cutoff: datetime, batch: int = 500) -> int | None:
        """Deletes audit events older than `cutoff`; returns how many. None when
        another replica is doing it."""


# The hot cache: only ever a copy of the durable store. Every read may miss and every
# write may be skipped (Redis away); a miss is answered from the durable store.


@dataclass(slots=True)
class CachedLead:
    lead: Lead | None


@dataclass(slots=True)
class Window:
    """What the cache holds of a conversation: its row, its message count and the last
    messages (oldest first); `complete` when they are the whole conversation."""

    info: ConversationInfo
    # Serialized atende.common.v1.Message, oldest first.
    messages: list[bytes]
    complete: bool
    # The cached summary of the messages before these, when still current.
    summary: str | None
    # The person's lead as cached (CachedLead(None): known to have none); None: not cached.
    lead: CachedLead | None


class LeadCache(Protocol):
    async def lead(self, user_id: str) -> CachedLead | None:
        """The cached lead of a person (CachedLead(None): known to have none); None on a miss."""

    async def put_lead(self, user_id: str, lead: Lead | None) -> None:
        """Stores a lead read or written at `lead.version` (None: the person has no
        lead), unless a newer version is already there."""


class KeyCache(Protocol):
    def keys_of(self, conversation_ids: Iterable[str], user_ids: Iterable[str] = ()) -> list[str]:
        """Every key that may hold these conversations or these people's leads."""

    async def delete_keys(self, keys: list[str]) -> int | None:
        """Deletes the keys; how many existed, or None when Redis could not be asked
        (the keys are then deleted before the cache is used again)."""


class RelayCache(LeadCache, KeyCache, Protocol):
    """What the relay writes to Redis: leads it moved, keys an erasure still owes."""


class HotCache(LeadCache, KeyCache, Protocol):
    @property
    def window(self) -> int:
        """How many of a conversation's last messages are kept."""

    async def read(self, conversation_id: str, last: int) -> Window | None:
        """The cached conversation with up to its `last` messages; None on a miss or
        when the entry is not trustworthy."""

    async def mark_pending(self, conversation_id: str) -> str:
        """Before a write commits: reads miss until append() lands with the returned
        token (or the mark expires), so a writer that dies between its commit and its
        cache write leaves no window that looks complete without its messages."""

    async def clear_pending(self, conversation_id: str, token: str) -> None:
        """Lifts the mark of a write that stored nothing."""

    async def append(
        self, info: ConversationInfo, first_seq: int, encoded: list[bytes], token: str = "", lead: Lead | None = None
    ) -> None:
        """Adds freshly committed messages (serialized, numbered from first_seq) and
        lifts the writer's mark; a gap with what is cached invalidates the entry instead.
        With `lead` (the lead the same commit wrote), stores it as put_lead would, in
        the same round trip."""

    async def rebuild(
        self, info: ConversationInfo, messages: list[StoredMessage], lead: CachedLead | None = None
    ) -> None:
        """Loads what was read from the durable store (and the customer's lead, when
        given), unless a newer write got there first."""

    async def put_summary(self, conversation_id: str, last: int, count: int, summary: str) -> None:
        """Keeps the summary for a context of `last` messages made at `count` messages."""

    async def forget(self, conversation_ids: Iterable[str], user_ids: Iterable[str] = ()) -> None: ...


class OwnerNotices(Protocol):
    """Tells watchers on every replica that a conversation's owner changed."""

    async def publish(self, conversation_id: str) -> None: ...

    def watch(self, conversation_id: str) -> AbstractAsyncContextManager[Callable[[], Awaitable[None]]]:
        """Registers a watcher before the caller reads the owner; yields a function
        that waits for the next change (or a fallback poll)."""

