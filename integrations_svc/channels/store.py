"""The channels' PostgreSQL tables (migration 0003_channels.sql, in integrations_svc's
schema beside its jobs): contacts and consent, inbound deliveries, outbound messages
with their statuses, and e-mail threads. An outbound message and the job that
delivers it are written in one transaction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, LiteralString

from psycopg import AsyncConnection, sql
from psycopg.rows import DictRow, dict_row
from psycopg.types.json import Jsonb

from atende_runtime.postgres import Pool
from integrations_svc.domain import NewJob

# The order of a message's statuses: a later status never goes back.
STATUS_RANK = {"waiting": 0, "queued": 1, "recorded": 2, "sent": 2, "delivered": 3, "read": 4, "failed": 5}


@dataclass(frozen=True)
class Contact:
    channel: str
    address: str
    user_id: str
    conversation_id: str
    display_name: str
    last_inbound_at: datetime | None
    opted_in_at: datetime | None
    opted_out_at: datetime | None
    following: bool
    last_seen_message_id: str

    @property
    def opted_in(self) -> bool:
        return self.opted_in_at is not None and (self.opted_out_at is None or self.opted_in_at > self.opted_out_at)

    @property
    def opted_out(self) -> bool:
        return self.opted_out_at is not None and (self.opted_in_at is None or self.opted_out_at >= self.opted_in_at)


@dataclass(frozen=True)
class InboundRow:
    inbound_id: str
    channel: str
    vendor_message_id: str
    address: str
    user_id: str
    conversation_id: str
    kind: str
    text: str
    payload: dict[str, Any]
    attempts: int


@dataclass(frozen=True)
class NewInbound:
    channel: str
    vendor_message_id: str
    address: str
    user_id: str
    conversation_id: str
    kind: str
    text: str
    payload: dict[str, Any]
    sent_at: datetime | None
    status: str = "pending"
    note: str = ""


@dataclass(frozen=True)
class Delivery:
    """One webhook delivery: its inbound items, when it arrived, the customers'
    profile names, and the delivery statuses it carried."""

    items: list[NewInbound]
    received_at: datetime
    names: dict[str, str] = field(default_factory=dict)
    statuses: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class NewOutbound:
    channel: str
    address: str
    user_id: str
    conversation_id: str
    source_id: str
    mode: str
    text: str
    status: str
    template: str = ""
    status_detail: str = ""


def _contact(row: DictRow) -> Contact:
    return Contact(
        channel=row["channel"], address=row["address"], user_id=row["user_id"],
        conversation_id=row["conversation_id"], display_name=row["display_name"],
        last_inbound_at=row["last_inbound_at"], opted_in_at=row["opted_in_at"], opted_out_at=row["opted_out_at"],
        following=row["following"], last_seen_message_id=row["last_seen_message_id"],
    )


def _inbound(row: DictRow) -> InboundRow:
    return InboundRow(
        inbound_id=str(row["inbound_id"]), channel=row["channel"], vendor_message_id=row["vendor_message_id"],
        address=row["address"], user_id=row["user_id"], conversation_id=row["conversation_id"], kind=row["kind"],
        text=row["text"], payload=row["payload"], attempts=row["attempts"],
    )


def _contact_updates(deliveries: list[Delivery]) -> dict[tuple[str, str], tuple[str, str, str, datetime]]:
    """Per contact of the batch's messages (not statuses): user id, conversation, profile
    name and the latest time it wrote (its 24-hour window), at most one row a contact
    (an upsert may not touch one row twice)."""
    contacts: dict[tuple[str, str], tuple[str, str, str, datetime]] = {}
    for delivery in deliveries:
        for item in delivery.items:
            if item.kind == "status":
                continue
            at = min(item.sent_at or delivery.received_at, delivery.received_at)
            earlier = contacts.get((item.channel, item.address))
            name = delivery.names.get(item.address, "") or (earlier[2] if earlier else "")
            if earlier is not None:
                at = max(at, earlier[3])
            contacts[(item.channel, item.address)] = (item.user_id, item.conversation_id, name, at)
    return contacts


class ChannelStore:
    def __init__(self, pool: Pool, schema: str) -> None:
        self.pool = pool
        self.schema = schema
        self._sql: dict[str, sql.Composed] = {}

    def _q(self, text: LiteralString) -> sql.Composed:
        composed = self._sql.get(text)
        if composed is None:
            composed = self._sql[text] = sql.SQL(text).format(s=sql.Identifier(self.schema))
        return composed

    async def _rows(self, conn: AsyncConnection[Any], query: LiteralString, params: Any = None) -> list[DictRow]:
        cursor = await conn.cursor(row_factory=dict_row).execute(self._q(query), params)
        return await cursor.fetchall()

    # --- contacts and consent ---

    async def contact(self, channel: str, address: str) -> Contact | None:
        async with self.pool.connection() as conn:
            rows = await self._rows(conn, "SELECT * FROM {s}.channel_contacts WHERE channel = %s AND address = %s",
                                    (channel, address))
        return _contact(rows[0]) if rows else None

    async def ensure_contact(self, channel: str, address: str, user_id: str, conversation_id: str, now: datetime) -> None:
        async with self.pool.connection() as conn:
            await conn.execute(self._q(
                "INSERT INTO {s}.channel_contacts (channel, address, user_id, conversation_id, created_at, updated_at)"
                " VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (channel, address) DO NOTHING"
            ), (channel, address, user_id, conversation_id, now, now))

    async def record_consent(self, channel: str, address: str, kind: str, source: str, now: datetime) -> None:
        column: LiteralString = "opted_in_at = %s, opt_in_source = %s" if kind == "opt_in" else (
            "opted_out_at = %s, opt_out_source = %s")
        async with self.pool.connection() as conn, conn.transaction():
            rows = await self._rows(
                conn,
                "UPDATE {s}.channel_contacts SET " + column + ", updated_at = %s"
                " WHERE channel = %s AND address = %s RETURNING user_id",
                (now, source, now, channel, address),
            )
            if not rows:
                raise LookupError(f"no {channel} contact {address!r}")
            await conn.execute(self._q(
                "INSERT INTO {s}.channel_consent (consent_id, channel, address, user_id, kind, source, created_at)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s)"
            ), (uuid.uuid4(), channel, address, rows[0]["user_id"], kind, source, now))
            if kind == "opt_out":
                # Honoured at once: nothing held for the customer goes out any more.
                await conn.execute(self._q(
                    "UPDATE {s}.channel_outbound SET status = 'suppressed', status_detail = 'the customer opted out',"
                    " updated_at = %s WHERE channel = %s AND address = %s AND status = 'waiting'"
                ), (now, channel, address))

    # --- inbound ---

    async def store_inbound(
        self, items: list[NewInbound], now: datetime, names: dict[str, str] | None = None,
        statuses: list[dict[str, Any]] | None = None,
    ) -> int:
        """Stores one delivery in its own transaction (see store_deliveries)."""
        delivery = Delivery(items, now, names or {}, statuses or [])
        async with self.pool.connection() as conn, conn.transaction():
            return (await self.store_deliveries(conn, [delivery]))[0]

    async def store_deliveries(self, conn: AsyncConnection[Any], deliveries: list[Delivery]) -> list[int]:
        """Stores the items not seen before (one INSERT ... ON CONFLICT DO NOTHING for
        all the deliveries: deduplication by the vendor's message id, within the batch
        too) and moves the window of each contact with a new message, in one statement
        (one round trip: atomic on its own); delivery statuses, when there are any, are
        applied first (call it in a transaction then). Returns how many of each
        delivery's items were new (a message repeated in the batch counts for its first
        delivery)."""
        await self._apply_statuses(conn, [s for d in deliveries for s in d.statuses])
        rows: list[tuple[NewInbound, datetime]] = [(i, d.received_at) for d in deliveries for i in d.items]
        if not rows:
            return [0] * len(deliveries)
        # A stable order of keys across concurrent batches (no lock-order deadlock).
        rows.sort(key=lambda r: (r[0].channel, r[0].vendor_message_id))
        params: list[Any] = [
            [uuid.uuid4() for _ in rows], [i.channel for i, _ in rows], [i.vendor_message_id for i, _ in rows],
            [i.address for i, _ in rows], [i.user_id for i, _ in rows], [i.conversation_id for i, _ in rows],
            [i.kind for i, _ in rows], [i.text for i, _ in rows], [Jsonb(i.payload) for i, _ in rows],
            [i.sent_at for i, _ in rows], [i.status for i, _ in rows], [i.note for i, _ in rows],
            [at for _, at in rows], [None if i.status == "pending" else at for i, at in rows],
        ]
        insert: LiteralString = (
            "INSERT INTO {s}.channel_inbound (inbound_id, channel, vendor_message_id, address, user_id,"
            " conversation_id, kind, text, payload, sent_at, status, note, received_at, processed_at)"
            " SELECT * FROM unnest(%s::uuid[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[],"
            " %s::text[], %s::text[], %s::jsonb[], %s::timestamptz[], %s::text[], %s::text[],"
            " %s::timestamptz[], %s::timestamptz[])"
            " ON CONFLICT (channel, vendor_message_id) DO NOTHING RETURNING channel, vendor_message_id, address"
        )
        contacts = _contact_updates(deliveries)
        if contacts:
            # Only the contacts with a new message in the batch: a redelivery moves nothing.
            keys = sorted(contacts)
            params += [max(d.received_at for d in deliveries)] * 2 + [
                [k[0] for k in keys], [k[1] for k in keys], [contacts[k][0] for k in keys],
                [contacts[k][1] for k in keys], [contacts[k][2] for k in keys], [contacts[k][3] for k in keys],
            ]
            statement: LiteralString = (
                "WITH new AS (" + insert + "), moved AS ("
                "INSERT INTO {s}.channel_contacts AS c (channel, address, user_id, conversation_id, display_name,"
                " last_inbound_at, created_at, updated_at)"
                " SELECT n.channel, n.address, n.user_id, n.conversation_id, n.display_name, n.last_inbound_at,"
                " %s::timestamptz, %s::timestamptz"
                " FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::timestamptz[])"
                " AS n (channel, address, user_id, conversation_id, display_name, last_inbound_at)"
                " WHERE EXISTS (SELECT 1 FROM new WHERE new.channel = n.channel AND new.address = n.address)"
                " ON CONFLICT (channel, address) DO UPDATE SET"
                " last_inbound_at = greatest(c.last_inbound_at, excluded.last_inbound_at),"
                " display_name = CASE WHEN excluded.display_name <> '' THEN excluded.display_name"
                " ELSE c.display_name END, conversation_id = excluded.conversation_id,"
                " updated_at = excluded.updated_at)"
                " SELECT channel, vendor_message_id FROM new"
            )
        else:
            statement = insert
        inserted = await self._rows(conn, statement, params)
        new_keys = {(row["channel"], row["vendor_message_id"]) for row in inserted}
        counts: list[int] = []
        for delivery in deliveries:
            count = 0
            for item in delivery.items:
                key = (item.channel, item.vendor_message_id)
                if key in new_keys:
                    new_keys.discard(key)  # a repeat later in the batch is not new
                    count += 1
            counts.append(count)
        return counts

    async def pending_contacts(self) -> list[tuple[str, str]]:
        async with self.pool.connection() as conn:
            rows = await self._rows(
                conn, "SELECT DISTINCT channel, address FROM {s}.channel_inbound WHERE status = 'pending'")
        return [(row["channel"], row["address"]) for row in rows]

    async def lease_contact(self, channel: str, address: str, owner: str, seconds: float) -> bool:
        async with self.pool.connection() as conn:
            rows = await self._rows(
                conn,
                "UPDATE {s}.channel_contacts SET lease_owner = %s, lease_until = now() + make_interval(secs => %s)"
                " WHERE channel = %s AND address = %s AND (lease_until IS NULL OR lease_until < now()"
                " OR lease_owner = %s) RETURNING 1",
                (owner, seconds, channel, address, owner),
            )
        return bool(rows)

    async def release_contact(self, channel: str, address: str, owner: str) -> None:
        async with self.pool.connection() as conn:
            await conn.execute(self._q(
                "UPDATE {s}.channel_contacts SET lease_owner = NULL, lease_until = NULL"
                " WHERE channel = %s AND address = %s AND lease_owner = %s"
            ), (channel, address, owner))

    async def next_pending(self, channel: str, address: str) -> InboundRow | None:
        async with self.pool.connection() as conn:
            rows = await self._rows(
                conn,
                "SELECT * FROM {s}.channel_inbound WHERE channel = %s AND address = %s AND status = 'pending'"
                " ORDER BY coalesce(sent_at, received_at), received_at LIMIT 1",
                (channel, address),
            )
        return _inbound(rows[0]) if rows else None

    async def finish_inbound(self, inbound_id: str, status: str, note: str, now: datetime) -> None:
        async with self.pool.connection() as conn:
            await conn.execute(self._q(
                "UPDATE {s}.channel_inbound SET status = %s, note = %s, processed_at = %s,"
                " attempts = attempts + 1 WHERE inbound_id = %s"
            ), (status, note[:1000], now, uuid.UUID(inbound_id)))

    async def count_attempt(self, inbound_id: str, note: str) -> None:
        async with self.pool.connection() as conn:
            await conn.execute(self._q(
                "UPDATE {s}.channel_inbound SET attempts = attempts + 1, note = %s WHERE inbound_id = %s"
            ), (note[:1000], uuid.UUID(inbound_id)))

    # --- outbound ---

    async def queue_outbound(self, item: NewOutbound, job: NewJob | None, now: datetime) -> tuple[str, bool]:
        """The message (once per source_id) and, unless it waits, the job that
        delivers it, in one transaction. Returns its id and whether it is new."""
        async with self.pool.connection() as conn, conn.transaction():
            outbound_id = uuid.uuid4()
            rows = await self._rows(
                conn,
                "INSERT INTO {s}.channel_outbound (outbound_id, channel, address, user_id, conversation_id, source_id,"
                " mode, template, text, status, status_detail, created_at, updated_at)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
                " ON CONFLICT (source_id) DO NOTHING RETURNING outbound_id",
                (outbound_id, item.channel, item.address, item.user_id, item.conversation_id, item.source_id,
                 item.mode, item.template, item.text, item.status, item.status_detail, now, now),
            )
            if not rows:
                existing = await self._rows(
                    conn, "SELECT outbound_id FROM {s}.channel_outbound WHERE source_id = %s", (item.source_id,))
                return str(existing[0]["outbound_id"]), False
            if job is not None:
                await self._insert_job(conn, outbound_id, job)
        return str(outbound_id), True

    async def _insert_job(self, conn: AsyncConnection[Any], outbound_id: uuid.UUID, job: NewJob) -> None:
        payload = dict(job.payload, outbound_id=str(outbound_id))
        job_id = uuid.uuid4()
        await conn.execute(self._q(
            "INSERT INTO {s}.jobs (job_id, kind, adapter, idempotency_key, request_hash, payload, serial_key)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (idempotency_key) DO NOTHING"
        ), (job_id, job.kind.value, job.adapter, job.idempotency_key, job.request_hash(), Jsonb(payload),
            job.serial_key))
        await conn.execute(self._q(
            "UPDATE {s}.channel_outbound SET job_id = %s, status = 'queued' WHERE outbound_id = %s"
        ), (job_id, outbound_id))

    async def waiting(self, channel: str, address: str) -> list[DictRow]:
        async with self.pool.connection() as conn:
            return await self._rows(
                conn,
                "SELECT * FROM {s}.channel_outbound WHERE channel = %s AND address = %s AND status = 'waiting'"
                " ORDER BY created_at",
                (channel, address),
            )

    async def release_waiting(self, outbound_id: str, mode: str, template: str, job: NewJob, now: datetime) -> None:
        async with self.pool.connection() as conn, conn.transaction():
            rows = await self._rows(
                conn,
                "UPDATE {s}.channel_outbound SET mode = %s, template = %s, status_detail = '', updated_at = %s"
                " WHERE outbound_id = %s AND status = 'waiting' RETURNING outbound_id",
                (mode, template, now, uuid.UUID(outbound_id)),
            )
            if rows:
                await self._insert_job(conn, uuid.UUID(outbound_id), job)

    async def mark_sent(self, outbound_id: str, vendor_message_id: str, status: str = "sent") -> None:
        """The vendor took the message; statuses that arrived before this are applied."""
        async with self.pool.connection() as conn, conn.transaction():
            await conn.execute(self._q(
                "UPDATE {s}.channel_outbound SET vendor_message_id = %s, status = %s, updated_at = now()"
                " WHERE outbound_id = %s AND status IN ('queued', 'waiting')"
            ), (vendor_message_id, status, uuid.UUID(outbound_id)))
            early = await self._rows(
                conn,
                "SELECT payload FROM {s}.channel_inbound WHERE channel = 'whatsapp' AND kind = 'status'"
                " AND vendor_message_id LIKE %s ORDER BY received_at",
                (f"status:{vendor_message_id}:%",),
            )
            await self._apply_statuses(conn, [row["payload"] for row in early])

    async def mark_failed(self, outbound_id: str, status: str, detail: str) -> None:
        async with self.pool.connection() as conn:
            await conn.execute(self._q(
                "UPDATE {s}.channel_outbound SET status = %s, status_detail = %s, updated_at = now()"
                " WHERE outbound_id = %s"
            ), (status, detail[:1000], uuid.UUID(outbound_id)))

    async def apply_statuses(self, statuses: list[dict[str, Any]]) -> None:
        async with self.pool.connection() as conn, conn.transaction():
            await self._apply_statuses(conn, statuses)

    async def _apply_statuses(self, conn: AsyncConnection[Any], statuses: list[dict[str, Any]]) -> None:
        """Each status onto its message (one locking read for all of them): the list of
        statuses seen, and the message's status, which never goes back."""
        if not statuses:
            return
        rows = await self._rows(
            conn,
            "SELECT outbound_id, vendor_message_id, status, statuses, status_detail FROM {s}.channel_outbound"
            " WHERE vendor_message_id = ANY(%s) ORDER BY outbound_id FOR UPDATE",
            (sorted({str(s["id"]) for s in statuses}),),
        )
        by_vendor = {row["vendor_message_id"]: row for row in rows}
        changed: dict[Any, DictRow] = {}
        for status in statuses:
            row = by_vendor.get(status["id"])
            if row is None:
                continue
            seen = list(row["statuses"] or [])
            if any(s.get("status") == status["status"] for s in seen):
                continue
            row["statuses"] = [*seen, status]
            if STATUS_RANK.get(status["status"], 0) > STATUS_RANK.get(row["status"], 0):
                row["status"] = status["status"]
            detail = "; ".join(str(e.get("title") or e.get("message") or e.get("code"))
                               for e in status.get("errors", []))
            if detail:
                row["status_detail"] = detail[:1000]
            changed[row["outbound_id"]] = row
        for row in changed.values():
            await conn.execute(self._q(
                "UPDATE {s}.channel_outbound SET statuses = %s, status = %s, status_detail = %s, updated_at = now()"
                " WHERE outbound_id = %s"
            ), (Jsonb(row["statuses"]), row["status"], row["status_detail"], row["outbound_id"]))

    async def outbound(self, conversation_id: str) -> list[DictRow]:
        async with self.pool.connection() as conn:
            return await self._rows(
                conn, "SELECT * FROM {s}.channel_outbound WHERE conversation_id = %s ORDER BY created_at",
                (conversation_id,))

    async def replies_since(self, channel: str, address: str, since: datetime) -> int:
        async with self.pool.connection() as conn:
            rows = await self._rows(
                conn,
                "SELECT count(*) AS n FROM {s}.channel_outbound WHERE channel = %s AND address = %s"
                " AND created_at >= %s",
                (channel, address, since),
            )
        return int(rows[0]["n"])

    # --- following hand-offs ---

    async def set_following(self, channel: str, address: str, following: bool) -> None:
        async with self.pool.connection() as conn:
            await conn.execute(self._q(
                "UPDATE {s}.channel_contacts SET following = %s, updated_at = now() WHERE channel = %s AND address = %s"
            ), (following, channel, address))

    async def seen(self, channel: str, address: str, message_id: str) -> None:
        async with self.pool.connection() as conn:
            await conn.execute(self._q(
                "UPDATE {s}.channel_contacts SET last_seen_message_id = %s WHERE channel = %s AND address = %s"
            ), (message_id, channel, address))

    async def following(self) -> list[Contact]:
        async with self.pool.connection() as conn:
            rows = await self._rows(conn, "SELECT * FROM {s}.channel_contacts WHERE following")
        return [_contact(row) for row in rows]

    # --- e-mail threads ---

    async def thread_of(self, message_ids: list[str]) -> str | None:
        if not message_ids:
            return None
        async with self.pool.connection() as conn:
            rows = await self._rows(
                conn, "SELECT message_id, conversation_id FROM {s}.email_threads WHERE message_id = ANY(%s)",
                (message_ids,))
        found = {row["message_id"]: row["conversation_id"] for row in rows}
        for message_id in message_ids:
            if message_id in found:
                return str(found[message_id])
        return None

    async def record_thread(self, message_id: str, conversation_id: str, address: str, user_id: str) -> None:
        async with self.pool.connection() as conn:
            await conn.execute(self._q(
                "INSERT INTO {s}.email_threads (message_id, conversation_id, address, user_id)"
                " VALUES (%s, %s, %s, %s) ON CONFLICT (message_id) DO NOTHING"
            ), (message_id, conversation_id, address, user_id))
