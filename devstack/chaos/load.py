"""The chaos run's load: N customers in a closed loop, each holding one conversation
after another through the gateway's REST API, as careful clients do: every turn has a
unique client_message_id, and a turn that fails is sent again with the same id (a few
times, with backoff), so a turn the stack stored but could not answer is replayed,
never stored twice. Every attempt that failed is recorded with its time and status;
every answered (acknowledged) turn with the reply's message id.

A conversation is the sales flow that releases side effects: greeting, pricing
question, contact details and budget, authority and timeline (the lead qualifies and
the agent asks for consent), consent (sync_lead to the CRM and a follow-up e-mail are
released with the turn), then two more turns."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

CONSENT_TURN = 4


def script(email: str) -> tuple[str, ...]:
    return (
        "Oi, bom dia!",
        "Quanto custa o kit solar para minha casa?",
        f"Meu nome é Maria Souza, email {email}. Orçamento de uns 20 mil reais.",
        "Eu decido sozinha, quero instalar no próximo mês.",
        "Sim, pode passar meus dados para o consultor.",
        "Qual a garantia do painel solar?",
        "Obrigada!",
    )


@dataclass
class Failure:
    """One attempt that did not get a 2xx answer."""

    start: float
    end: float
    status: str  # the HTTP status, or the transport error's kind
    conversation_id: str
    client_message_id: str
    attempt: int
    detail: str = ""


@dataclass
class Turn:
    conversation_id: str
    client_message_id: str
    index: int
    text: str
    sent: float
    attempts: int = 0
    # Set when an attempt got a 2xx answer.
    acked: float | None = None
    reply_message_id: str = ""
    reply_text: str = ""
    replayed: bool = False
    # A 4xx other than 429 (or too many failures): the client gave up on it.
    abandoned: bool = False


@dataclass
class Conversation:
    conversation_id: str
    user_id: str
    email: str
    turns: list[Turn] = field(default_factory=list)

    @property
    def consent(self) -> Turn | None:
        return self.turns[CONSENT_TURN] if len(self.turns) > CONSENT_TURN else None


@dataclass
class LoadOptions:
    clients: int = 24
    # Attempts of one turn before the client gives up on it.
    max_attempts: int = 8
    # Backoff between attempts: first, doubling, capped.
    backoff_first: float = 0.25
    backoff_max: float = 2.0
    # Seconds an attempt may take.
    timeout: float = 15.0


def _status_of(error: httpx.HTTPError) -> str:
    if isinstance(error, httpx.TimeoutException):
        return "timeout"
    if isinstance(error, httpx.ConnectError):
        return "connect"
    return type(error).__name__


def _answered(turn: Turn, answer: dict[str, Any]) -> None:
    reply = answer.get("reply") or {}
    turn.reply_message_id = str(reply.get("message_id", ""))
    turn.reply_text = str(reply.get("text", ""))
    turn.replayed = bool(answer.get("replayed", False))


def _retryable(status: int) -> bool:
    return status == 429 or status >= 500


class Load:
    """Runs the customers until stop(); conversations and failures are kept for the audit."""

    def __init__(self, base_url: str, api_key: str, run_id: str, options: LoadOptions,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.options = options
        self.run_id = run_id
        self.clock = clock
        self.conversations: list[Conversation] = []
        self.failures: list[Failure] = []
        self.http = httpx.AsyncClient(
            base_url=base_url,
            headers={"x-api-key": api_key},
            timeout=options.timeout,
            limits=httpx.Limits(max_connections=options.clients + 8, max_keepalive_connections=options.clients + 8),
        )
        self._stopping = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    def start(self) -> None:
        self._tasks = [asyncio.create_task(self._customer(n)) for n in range(self.options.clients)]

    async def stop(self) -> None:
        """Lets every customer finish the turn it is sending (retries included), then returns."""
        self._stopping.set()
        await asyncio.gather(*self._tasks)
        await self.http.aclose()

    async def _customer(self, n: int) -> None:
        for k in range(1_000_000):
            if self._stopping.is_set():
                return
            name = f"chaos-{self.run_id}-{n}-{k}"
            conversation = Conversation(name, f"user-{name}", f"cliente.{self.run_id}.{n}.{k}@exemplo.com.br")
            self.conversations.append(conversation)
            await self.converse(conversation)

    async def converse(self, conversation: Conversation) -> None:
        for index, text in enumerate(script(conversation.email)):
            if self._stopping.is_set():
                return
            turn = Turn(conversation.conversation_id, f"{conversation.conversation_id}-t{index}", index, text, self.clock())
            conversation.turns.append(turn)
            await self.send(conversation, turn)
            if turn.acked is None:
                return  # the script cannot go on from an unknown state: a new conversation

    async def send(self, conversation: Conversation, turn: Turn, record: bool = True) -> None:
        """Sends one turn until it is answered, refused, or max_attempts failed."""
        body = {"user_id": conversation.user_id, "text": turn.text, "channel": "web",
                "client_message_id": turn.client_message_id}
        delay = self.options.backoff_first
        path = f"/v1/conversations/{conversation.conversation_id}/messages"
        while turn.attempts < self.options.max_attempts:
            turn.attempts += 1
            started = self.clock()
            status, detail, answer = await self._post(path, body)
            if answer is not None:
                turn.acked = self.clock()
                _answered(turn, answer)
                return
            if record:
                self.failures.append(Failure(started, self.clock(), status, conversation.conversation_id,
                                             turn.client_message_id, turn.attempts, detail))
            if status.isdigit() and not _retryable(int(status)):
                break
            await asyncio.sleep(delay)
            delay = min(self.options.backoff_max, delay * 2)
        turn.abandoned = True

    async def probe(self, conversation: Conversation, within: float, every: float = 0.2) -> float | None:
        """One turn sent again and again (same client_message_id) until it is answered:
        the time it was answered, or None if not within `within` seconds. Not a
        customer: its failures are not counted, but the turn is audited like theirs."""
        turn = Turn(conversation.conversation_id, f"{conversation.conversation_id}-t0", 0, "Oi, tudo bem?", self.clock())
        conversation.turns.append(turn)
        self.conversations.append(conversation)
        body = {"user_id": conversation.user_id, "text": turn.text, "channel": "web",
                "client_message_id": turn.client_message_id}
        deadline = self.clock() + within
        while self.clock() < deadline:
            turn.attempts += 1
            _, _, answer = await self._post(f"/v1/conversations/{conversation.conversation_id}/messages", body)
            if answer is not None:
                turn.acked = self.clock()
                _answered(turn, answer)
                return turn.acked
            await asyncio.sleep(every)
        turn.abandoned = True
        return None

    async def _post(self, path: str, body: dict[str, str]) -> tuple[str, str, dict[str, Any] | None]:
        try:
            response = await self.http.post(path, json=body)
        except httpx.HTTPError as error:
            return _status_of(error), str(error)[:200], None
        if 200 <= response.status_code < 300:
            return str(response.status_code), "", response.json()
        try:
            detail = str(response.json().get("message", ""))[:200]
        except ValueError:
            detail = response.text[:200]
        return str(response.status_code), detail, None
