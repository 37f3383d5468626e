"""Exponential backoff with jitter, and a circuit breaker per vendor."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol


def backoff_delay(
    attempt: int,
    base: float,
    cap: float,
    retry_after: float | None = None,
    rng: Callable[[float, float], float] = random.uniform,
) -> float:
    """Seconds before attempt `attempt + 1`: base * 2^(attempt-1) capped at `cap`, with
    "equal jitter" (a random point in the upper half, so replicas that failed together
    spread out and the delay still grows). The vendor's Retry-After is a floor."""
    exponent = min(max(attempt - 1, 0), 60)
    ceiling = min(cap, base * (2.0**exponent))
    delay = rng(ceiling / 2, ceiling)
    if retry_after is not None:
        delay = max(delay, retry_after)
    return delay


class BreakerState(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


@dataclass
class CircuitBreaker:
    """Opens after `threshold` consecutive failures; while open the vendor gets no
    calls (its jobs wait in the queue without spending attempts); after `reset_seconds`
    one probe goes through (half-open) and its outcome closes or reopens the breaker.
    A rate limit with Retry-After holds every call to the vendor for that long."""

    threshold: int
    reset_seconds: float
    clock: Callable[[], float] = time.monotonic
    failures: int = 0
    opened_at: float | None = None
    hold_until: float = 0.0
    probing: bool = False

    @property
    def state(self) -> BreakerState:
        if self.opened_at is None:
            return BreakerState.CLOSED
        if self.clock() - self.opened_at >= self.reset_seconds:
            return BreakerState.HALF_OPEN
        return BreakerState.OPEN

    def available(self) -> bool:
        """Whether a job for this vendor may be claimed now."""
        if self.clock() < self.hold_until:
            return False
        state = self.state
        return state == BreakerState.CLOSED or (state == BreakerState.HALF_OPEN and not self.probing)

    def begin(self) -> bool:
        """Called before a call; False means do not call (another probe is running)."""
        if not self.available():
            return False
        if self.state == BreakerState.HALF_OPEN:
            self.probing = True
        return True

    def success(self) -> None:
        self.failures = 0
        self.opened_at = None
        self.probing = False

    def failure(self) -> None:
        self.failures += 1
        if self.probing or self.failures >= self.threshold:
            self.opened_at = self.clock()
        self.probing = False

    def rate_limited(self, retry_after: float | None) -> None:
        if retry_after:
            self.hold_until = max(self.hold_until, self.clock() + retry_after)
        self.probing = False

    def cancelled(self) -> None:
        """The call never happened (the job was given back)."""
        self.probing = False


# The local adapters write to our own database: nothing to protect.
LOCAL = "local"


class Breaker(Protocol):
    """What a delivery tells the breaker of its vendor: before the call, and its outcome."""

    def begin(self) -> bool: ...

    def success(self) -> None: ...

    def failure(self) -> None: ...

    def rate_limited(self, retry_after: float | None) -> None: ...

    def cancelled(self) -> None: ...


class _Unguarded:
    """A breaker that never opens, for the local adapters."""

    def begin(self) -> bool:
        return True

    def success(self) -> None:
        pass

    def failure(self) -> None:
        pass

    def rate_limited(self, retry_after: float | None) -> None:
        pass

    def cancelled(self) -> None:
        pass


UNGUARDED: Breaker = _Unguarded()


@dataclass
class Breakers:
    """One breaker per adapter name, all local to this replica."""

    threshold: int
    reset_seconds: float
    clock: Callable[[], float] = time.monotonic
    by_name: dict[str, CircuitBreaker] = field(default_factory=dict)

    def get(self, name: str) -> CircuitBreaker:
        breaker = self.by_name.get(name)
        if breaker is None:
            breaker = CircuitBreaker(self.threshold, self.reset_seconds, self.clock)
            self.by_name[name] = breaker
        return breaker

    def available(self, name: str) -> bool:
        return name == LOCAL or self.get(name).available()

    def for_adapter(self, name: str) -> Breaker:
        """The breaker that guards calls to this adapter."""
        return UNGUARDED if name == LOCAL else self.get(name)

