"""Retries with exponential backoff and jitter for 429, 5xx and lost connections.
The SDKs' own retries are turned off so that one policy, with our limits, applies
to every provider and to the start of a stream."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from agent_svc.llm.base import ProviderError, StreamEvent

log = logging.getLogger("atende.agent.llm")
T = TypeVar("T")

RETRYABLE_STATUS = frozenset({408, 409, 429, 500, 502, 503, 504, 529})


def aiohttp_available() -> bool:
    try:
        import aiohttp  # noqa: F401
    except ImportError:
        return False
    return True


def use_aiohttp(choice: str) -> bool:
    """Whether a provider's SDK client should use the aiohttp transport."""
    if choice == "aiohttp":
        return True
    return choice == "auto" and aiohttp_available()


def retry_after(headers: Any) -> float | None:
    """A Retry-After header in seconds (the HTTP-date form is ignored)."""
    value = headers.get("retry-after") if headers is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int = 2
    backoff_seconds: float = 0.5
    max_backoff_seconds: float = 4.0

    def delay(self, attempt: int, retry_after: float | None) -> float:
        """Full jitter on an exponential backoff; a server's Retry-After wins when it
        is within our ceiling."""
        if retry_after is not None and 0 <= retry_after <= self.max_backoff_seconds:
            return retry_after
        ceiling = min(self.max_backoff_seconds, self.backoff_seconds * (2**attempt))
        return random.uniform(ceiling / 2, ceiling)


async def with_retries(call: Callable[[], Awaitable[T]], policy: RetryPolicy, provider: str) -> T:
    attempt = 0
    while True:
        try:
            return await call()
        except ProviderError as error:
            if not error.retryable or attempt >= policy.max_retries:
                raise
            delay = policy.delay(attempt, error.retry_after)
            log.info("llm call retried", extra={"provider": provider, "status": error.status, "delay_s": round(delay, 3)})
            attempt += 1
            await asyncio.sleep(delay)


async def stream_with_retries(
    open_stream: Callable[[], AsyncIterator[StreamEvent]], policy: RetryPolicy, provider: str
) -> AsyncIterator[StreamEvent]:
    """Retries a stream that fails before its first event; once text has been handed
    on, a failure is final (the text cannot be taken back)."""
    attempt = 0
    while True:
        started = False
        try:
            async for event in open_stream():
                started = True
                yield event
            return
        except ProviderError as error:
            if started or not error.retryable or attempt >= policy.max_retries:
                raise
            delay = policy.delay(attempt, error.retry_after)
            log.info("llm stream retried", extra={"provider": provider, "status": error.status, "delay_s": round(delay, 3)})
            attempt += 1
            await asyncio.sleep(delay)
