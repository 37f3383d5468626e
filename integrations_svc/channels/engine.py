"""What happens to a channel's messages after the webhook stored them.

Inbound: processed one at a time per customer, in the order they were written
(a per-contact task in this process, and a lease on the contact across replicas).
A message becomes a turn of router_svc (ConversationService.SendMessage with the
channel, and the vendor's message id as client_message_id, so a turn repeated after
a crash is answered from the first one). Opt-out and opt-in words are consent, not
turns. A turn that fails for a transient reason is tried again with a backoff; one
that router_svc refuses (bad input) is stored as skipped, with why.

Outbound: every message for a customer (an agent's reply, a person's message, a
notice) is one channel_outbound row, once per source, and the job that delivers it,
in one transaction; integrations_svc's workers (in this process) deliver it with
retries, rate limits and dead letters. WhatsApp's rules decide its form: free text
inside the 24-hour window, a template outside it (with the customer's opt-in), or it
waits for the customer's next message.

Hand-offs: while people own a conversation, its messages are followed through
memory_svc's LiveService, so a person's messages and the notices of a claim and of the
hand-back reach the customer on their channel."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import secrets
import socket
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from integrations_svc.channels import mail, policy, whatsapp
from integrations_svc.channels.policy import NOTICES, Templates
from integrations_svc.channels.settings import ChannelSettings
from integrations_svc.channels.store import ChannelStore, Contact, Delivery, InboundRow, NewInbound, NewOutbound
from integrations_svc.domain import ChannelMessage, Kind, NewJob

log = logging.getLogger("integrations.channels")

Clock = Callable[[], datetime]
LEASE_SECONDS = 120.0
# How long one inbound message's processing waits for the webhooks' acknowledgements
# in flight to be answered first (a burst of deliveries slows the replies, not the acks).
ACK_PRIORITY_SECONDS = 0.2


def utcnow() -> datetime:
    return datetime.now(UTC)


# --- the ports to router_svc and memory_svc ---


class TurnError(Exception):
    """permanent: router_svc refused the turn itself (it will refuse it again)."""

    def __init__(self, message: str, *, permanent: bool) -> None:
        super().__init__(message)
        self.permanent = permanent


@dataclass(frozen=True)
class TurnResult:
    reply: str
    # "agent", "human_queue" or "human": who owns the conversation after the turn.
    owner_kind: str = "agent"


class Turns(Protocol):
    async def send(
        self, *, conversation_id: str, user_id: str, text: str, channel: str, client_message_id: str,
        metadata: dict[str, str],
    ) -> TurnResult: ...


@dataclass(frozen=True)
class LiveMessage:
    message_id: str
    role: str
    text: str
    metadata: dict[str, str] = field(default_factory=dict)


class Conversations(Protocol):
    def watch(self, conversation_id: str, after_message_id: str) -> AsyncIterator[LiveMessage]: ...


# --- ids ---


def whatsapp_ids(wa_id: str) -> tuple[str, str]:
    """(user_id, conversation_id) of a WhatsApp customer: one conversation per number."""
    return f"whatsapp:{wa_id}", f"whatsapp-{wa_id}"


def email_user(address: str) -> str:
    return f"email:{address}"


class Engine:
    def __init__(
        self,
        store: ChannelStore,
        turns: Turns,
        conversations: Conversations,
        settings: ChannelSettings,
        templates: Templates,
        *,
        adapters: dict[str, str],
        wake: Callable[[], None] = lambda: None,
        clock: Clock = utcnow,
        ingest: Callable[[Delivery], Awaitable[int]] | None = None,
    ) -> None:
        self.store = store
        self.turns = turns
        self.conversations = conversations
        self.settings = settings
        self.templates = templates
        # The adapter that delivers each channel's jobs ("whatsapp": "whatsapp_cloud" or "local").
        self.adapters = adapters
        self.wake = wake
        self.clock = clock
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        self.window = timedelta(hours=settings.whatsapp_window_hours)
        self._dirty: set[tuple[str, str]] = set()
        self._draining: dict[tuple[str, str], asyncio.Task[None]] = {}
        self._followers: dict[tuple[str, str], asyncio.Task[None]] = {}
        self._background: set[asyncio.Task[None]] = set()
        self._stopping = asyncio.Event()
        self.notices = NOTICES[settings.language]
        # Where the webhooks' deliveries are stored (the group commit in the server).
        self.ingest = ingest or self._store_one
        # Customers whose messages are processed at once: the turns run after the
        # acknowledgement, and unbounded they would crowd out the webhooks' own work on
        # this process's event loop and connections.
        self._turn_slots = asyncio.Semaphore(settings.turn_concurrency)
        # Deliveries being stored and not yet acknowledged: the background work gives
        # way to them (see _give_way).
        self._acks_waiting = 0

    # --- lifecycle ---

    async def start(self) -> None:
        for contact in await self.store.following():
            self.follow(contact)
        self._spawn(self._sweep(), "channels-sweep")

    async def stop(self) -> None:
        self._stopping.set()
        tasks = [*self._draining.values(), *self._followers.values(), *self._background]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def _spawn(self, coroutine: Any, name: str) -> None:
        task: asyncio.Task[None] = asyncio.create_task(coroutine, name=name)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _sweep(self) -> None:
        """Inbound messages left pending (a crash, a busy lease, a retry) are looked at again."""
        while not self._stopping.is_set():
            try:
                for key in await self.store.pending_contacts():
                    self.kick(*key)
            except Exception:
                log.exception("sweep failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self.settings.sweep_interval_seconds)

    async def idle(self, seconds: float = 30.0) -> None:
        """Waits until no inbound message is being processed (tests, benchmarks)."""
        async with asyncio.timeout(seconds):
            while self._draining:
                await asyncio.gather(*list(self._draining.values()), return_exceptions=True)

    # --- ingestion (the webhook answers after these return) ---

    async def _store_one(self, delivery: Delivery) -> int:
        return await self.store.store_inbound(delivery.items, delivery.received_at, delivery.names, delivery.statuses)

    async def _store(self, delivery: Delivery) -> int:
        self._acks_waiting += 1
        try:
            return await self.ingest(delivery)
        finally:
            self._acks_waiting -= 1

    async def _give_way(self) -> None:
        """Waits, for at most ACK_PRIORITY_SECONDS, while webhook deliveries wait for
        their acknowledgement: they share this event loop with the turns, and a vendor
        wants its answer fast while a reply may come a moment later."""
        waited = 0.0
        while self._acks_waiting and waited < ACK_PRIORITY_SECONDS:
            await asyncio.sleep(0.01)
            waited += 0.01

    async def receive_whatsapp(self, messages: list[whatsapp.Inbound], statuses: list[whatsapp.Status]) -> int:
        now = self.clock()
        items: list[NewInbound] = []
        names: dict[str, str] = {}
        for message in messages:
            user_id, conversation_id = whatsapp_ids(message.wa_id)
            names[message.wa_id] = message.name
            items.append(NewInbound(
                channel="whatsapp", vendor_message_id=message.message_id, address=message.wa_id, user_id=user_id,
                conversation_id=conversation_id, kind=message.kind, text=message.text, payload=message.raw,
                sent_at=message.sent_at,
            ))
        status_payloads = []
        for status in statuses:
            user_id, conversation_id = whatsapp_ids(status.recipient or "0")
            payload = {"id": status.message_id, "status": status.status, "recipient": status.recipient,
                       "timestamp": status.at.isoformat() if status.at else "", "errors": status.errors}
            status_payloads.append(payload)
            items.append(NewInbound(
                channel="whatsapp", vendor_message_id=f"status:{status.message_id}:{status.status}",
                address=status.recipient, user_id=user_id, conversation_id=conversation_id, kind="status", text="",
                payload=payload, sent_at=status.at, status="done", note="delivery status",
            ))
        new = await self._store(Delivery(items, now, names, status_payloads))
        for wa_id in dict.fromkeys(m.wa_id for m in messages):
            self.kick("whatsapp", wa_id)
        return new

    async def receive_email(self, message: mail.InboundEmail) -> bool:
        """Stores the e-mail in its thread's conversation; False when it was seen before."""
        now = self.clock()
        user_id = email_user(message.sender)
        conversation_id = await self.store.thread_of(message.thread_ids())
        known = conversation_id is not None or await self.store.contact("email", message.sender) is not None
        status, note = "pending", ""
        if message.machine:
            status, note = "skipped", f"not answered: {message.machine}"
        elif message.sender == self.settings.email_address.lower():
            status, note = "skipped", "not answered: sent from our own address"
        elif not known and self.settings.email_unknown_senders == "refuse":
            status, note = "skipped", "not answered: unknown sender (CHANNELS_EMAIL_UNKNOWN_SENDERS=refuse)"
        if conversation_id is None:
            conversation_id = "email-" + uuid.uuid4().hex[:20]
        payload = {"subject": message.subject, "message_id": message.message_id, "references": message.references,
                   "in_reply_to": message.in_reply_to, "sender_name": message.sender_name, "to": message.to,
                   "machine": message.machine}
        item = NewInbound(
            channel="email", vendor_message_id=message.message_id, address=message.sender, user_id=user_id,
            conversation_id=conversation_id, kind="email", text=message.text, payload=payload, sent_at=None,
            status=status, note=note,
        )
        if status == "skipped" and not known:
            # Nothing to thread into and no one to answer: keep the record only.
            return await self._store(Delivery([item], now)) > 0
        new = await self._store(Delivery([item], now, {message.sender: message.sender_name})) > 0
        if new:
            await self.store.record_thread(message.message_id, conversation_id, message.sender, user_id)
            self.kick("email", message.sender)
        return new

    # --- processing, one contact at a time ---

    def kick(self, channel: str, address: str) -> None:
        key = (channel, address)
        self._dirty.add(key)
        if key in self._draining or self._stopping.is_set():
            return
        self._draining[key] = asyncio.create_task(self._drain(key), name=f"channels-drain-{channel}")

    def _kick_later(self, key: tuple[str, str], delay: float) -> None:
        asyncio.get_running_loop().call_later(delay, lambda: None if self._stopping.is_set() else self.kick(*key))

    async def _drain(self, key: tuple[str, str]) -> None:
        try:
            while key in self._dirty and not self._stopping.is_set():
                async with self._turn_slots:
                    self._dirty.discard(key)
                    await self._drain_once(key)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("processing failed", extra={"channel": key[0]})
            self._kick_later(key, self.settings.retry_base_seconds * 4)
        finally:
            self._draining.pop(key, None)

    async def _drain_once(self, key: tuple[str, str]) -> None:
        channel, address = key
        if not await self.store.lease_contact(channel, address, self.owner, LEASE_SECONDS):
            self._kick_later(key, 1.0)  # another replica is on it
            return
        try:
            while not self._stopping.is_set():
                await self._give_way()
                row = await self.store.next_pending(channel, address)
                if row is None:
                    return
                if not await self._process(row):
                    return
        finally:
            await self.store.release_contact(channel, address, self.owner)

    async def _process(self, row: InboundRow) -> bool:
        """One inbound message; False when it must be tried again later."""
        contact = await self.store.contact(row.channel, row.address)
        text, skip = self._turn_text(row)
        if contact is None:  # stored without a contact: a skipped unknown sender
            skip = "no contact"
        if skip or contact is None:
            await self.store.finish_inbound(row.inbound_id, "skipped", skip, self.clock())
            return True
        if await self._consent_words(contact, row, text):
            return True
        if row.channel == "email":
            since = self.clock() - timedelta(hours=1)
            if await self.store.replies_since("email", row.address, since) >= self.settings.email_replies_per_hour:
                await self.store.finish_inbound(
                    row.inbound_id, "skipped", "not answered: reply limit an hour for this address", self.clock())
                return True
        await self._release_waiting(contact)
        try:
            result = await self.turns.send(
                conversation_id=row.conversation_id, user_id=row.user_id, text=text, channel=row.channel,
                client_message_id=f"{row.channel}:{row.vendor_message_id}"[:128],
                metadata={"channel_message_id": row.vendor_message_id[:256], "channel_kind": row.kind},
            )
        except TurnError as error:
            return await self._turn_failed(row, error)
        if result.reply.strip():
            await self._send(contact, f"reply:{row.inbound_id}", result.reply, "reply", inbound=row)
        if result.owner_kind != "agent" and not contact.following:
            await self.store.set_following(row.channel, row.address, True)
            self.follow(await self._contact(contact))
        await self.store.finish_inbound(row.inbound_id, "done", "", self.clock())
        return True

    def _turn_text(self, row: InboundRow) -> tuple[str, str]:
        """The turn's text, or why the message is stored and not answered."""
        text = row.text
        if row.channel == "whatsapp":
            if row.kind in whatsapp.MEDIA_KINDS:
                text = whatsapp.media_placeholder(row.kind, row.payload, self.settings.language)
            elif row.kind not in whatsapp.TEXT_KINDS:
                return "", f"message type {row.kind!r} is stored, not answered"
        return text, "" if text.strip() else "no text"

    async def _consent_words(self, contact: Contact, row: InboundRow, text: str) -> bool:
        """Opt-out and opt-in words are recorded as consent (not turns); True when it was one.
        A first message may count as opt-in (CHANNELS_WHATSAPP_OPT_IN_ON_FIRST_MESSAGE)."""
        source = f"{row.channel}:keyword:{policy.keyword(text)}"
        if policy.is_opt_out(text):
            await self.store.record_consent(row.channel, row.address, "opt_out", source, self.clock())
            await self._send(contact, f"optout:{row.inbound_id}", self.notices["opted_out"], "notice", force=True,
                             inbound=row)
            await self.store.finish_inbound(row.inbound_id, "done", "opt-out recorded", self.clock())
            return True
        if policy.is_opt_in(text):
            await self.store.record_consent(row.channel, row.address, "opt_in", source, self.clock())
            await self._send(contact, f"optin:{row.inbound_id}", self.notices["opted_in"], "notice", inbound=row)
            await self.store.finish_inbound(row.inbound_id, "done", "opt-in recorded", self.clock())
            return True
        if (row.channel == "whatsapp" and self.settings.whatsapp_opt_in_on_first_message
                and contact.opted_in_at is None and contact.opted_out_at is None):
            await self.store.record_consent("whatsapp", row.address, "opt_in", "whatsapp:first_message", self.clock())
        return False

    async def _turn_failed(self, row: InboundRow, error: TurnError) -> bool:
        if error.permanent or row.attempts + 1 >= self.settings.turn_attempts:
            await self.store.finish_inbound(row.inbound_id, "skipped" if error.permanent else "failed",
                                            f"turn refused: {error}", self.clock())
            return True
        await self.store.count_attempt(row.inbound_id, f"turn failed, will retry: {error}")
        delay = self.settings.retry_base_seconds * 2 ** row.attempts * random.uniform(0.8, 1.2)
        self._kick_later((row.channel, row.address), min(delay, 300.0))
        return False

    async def _contact(self, contact: Contact) -> Contact:
        fresh = await self.store.contact(contact.channel, contact.address)
        return fresh if fresh is not None else contact

    # --- outbound ---

    async def _release_waiting(self, contact: Contact) -> None:
        """The customer wrote: the window is open, what waited goes out as free text."""
        for row in await self.store.waiting(contact.channel, contact.address):
            message = ChannelMessage(channel=contact.channel, to=contact.address, outbound_id="", text=row["text"])
            await self.store.release_waiting(str(row["outbound_id"]), "text", "", self._job(contact, row["source_id"],
                                                                                             message), self.clock())
            self.wake()

    def _job(self, contact: Contact, source_id: str, message: ChannelMessage) -> NewJob:
        kind = Kind.SEND_WHATSAPP if contact.channel == "whatsapp" else Kind.SEND_EMAIL_REPLY
        return NewJob(kind=kind, adapter=self.adapters[contact.channel], idempotency_key=f"channel:{source_id}"[:200],
                      payload=message.to_payload(), serial_key=f"{contact.channel}:{contact.address}")

    async def send_to(self, contact: Contact, source_id: str, text: str, purpose: str,
                      values: dict[str, str] | None = None) -> str:
        """A message for the customer from elsewhere (a person, a notice): once per source_id."""
        return await self._send(contact, source_id, text, purpose, values=values)

    async def _send(
        self, contact: Contact, source_id: str, text: str, purpose: str, *, values: dict[str, str] | None = None,
        force: bool = False, inbound: InboundRow | None = None,
    ) -> str:
        contact = await self._contact(contact)
        if contact.channel == "email":
            return await self._send_email(contact, source_id, text, force, inbound)
        decision = policy.decide(
            now=self.clock(), last_inbound_at=contact.last_inbound_at, window=self.window,
            opted_in=contact.opted_in, opted_out=contact.opted_out, purpose=purpose, templates=self.templates,
            values={"text": text, "customer_name": contact.display_name, **(values or {})}, force=force,
        )
        template = decision.template
        queued = decision.mode in ("text", "template")
        item = NewOutbound(
            channel="whatsapp", address=contact.address, user_id=contact.user_id,
            conversation_id=contact.conversation_id, source_id=source_id,
            mode="template" if template else "text", text=text, template=template.name if template else "",
            status="queued" if queued else decision.mode, status_detail=decision.reason,
        )
        job = None
        if queued:
            message = ChannelMessage(
                channel="whatsapp", to=contact.address, outbound_id="", text=text,
                template=template.name if template else "", language=template.language if template else "",
                variables=decision.values, force=force,
            )
            job = self._job(contact, source_id, message)
        outbound_id, created = await self.store.queue_outbound(item, job, self.clock())
        if created and queued:
            self.wake()
        if created:
            log.info("outbound", extra={"channel": "whatsapp", "mode": decision.mode, "purpose": purpose,
                                        "reason": decision.reason})
        return outbound_id

    async def _send_email(
        self, contact: Contact, source_id: str, text: str, force: bool, inbound: InboundRow | None
    ) -> str:
        payload = inbound.payload if inbound is not None else {}
        in_reply_to = str(payload.get("message_id", ""))
        references = [str(r) for r in payload.get("references", [])] + ([in_reply_to] if in_reply_to else [])
        conversation_id = inbound.conversation_id if inbound is not None else contact.conversation_id
        domain = self.settings.email_address.rpartition("@")[2] or "atende.local"
        message_id = f"<{uuid.uuid4().hex}@{domain}>"
        suppressed = contact.opted_out and not force
        message = ChannelMessage(
            channel="email", to=contact.address, outbound_id="", text=text,
            subject=mail.reply_subject(str(payload.get("subject", ""))), message_id=message_id,
            in_reply_to=in_reply_to, references=" ".join(references[-20:]), force=force,
        )
        item = NewOutbound(
            channel="email", address=contact.address, user_id=contact.user_id, conversation_id=conversation_id,
            source_id=source_id, mode="email", text=text, status="suppressed" if suppressed else "queued",
            status_detail="the customer opted out" if suppressed else "",
        )
        job = None if suppressed else self._job(replace_conversation(contact, conversation_id), source_id, message)
        outbound_id, created = await self.store.queue_outbound(item, job, self.clock())
        if created and not suppressed:
            await self.store.record_thread(message_id, conversation_id, contact.address, contact.user_id)
            self.wake()
        return outbound_id

    # --- hand-offs: following a conversation people own ---

    def follow(self, contact: Contact) -> None:
        key = (contact.channel, contact.address)
        if key in self._followers or self._stopping.is_set():
            return
        self._followers[key] = asyncio.create_task(self._follow(contact), name=f"channels-follow-{contact.channel}")

    async def _follow(self, contact: Contact) -> None:
        key = (contact.channel, contact.address)
        after = contact.last_seen_message_id
        failures = 0
        try:
            while not self._stopping.is_set():
                try:
                    async for message in self.conversations.watch(contact.conversation_id, after):
                        failures = 0
                        done = await self._on_message(contact, message)
                        after = message.message_id
                        await self.store.seen(contact.channel, contact.address, after)
                        if done:
                            await self.store.set_following(contact.channel, contact.address, False)
                            return
                except asyncio.CancelledError:
                    raise
                except Exception as error:
                    failures += 1
                    log.warning("watch interrupted", extra={"channel": contact.channel, "error": str(error)[:200]})
                await asyncio.sleep(min(30.0, 0.5 * 2 ** min(failures, 6)))
        finally:
            self._followers.pop(key, None)

    async def _on_message(self, contact: Contact, message: LiveMessage) -> bool:
        """Sends what the customer must see; True when the conversation went back to an agent."""
        event = message.metadata.get("event", "")
        human = message.metadata.get("human_id", "")
        if message.role == "human":
            await self._send(contact, f"msg:{message.message_id}", message.text, "human", values={"human_name": human})
        elif message.role == "system" and event == "claimed":
            await self._send(contact, f"msg:{message.message_id}", self.notices["claimed"].format(human=human or "-"),
                             "notice", values={"human_name": human})
        elif message.role == "system" and event == "returned":
            await self._send(contact, f"msg:{message.message_id}", self.notices["returned"], "notice")
            return True
        return False


def replace_conversation(contact: Contact, conversation_id: str) -> Contact:
    from dataclasses import replace

    return replace(contact, conversation_id=conversation_id)
