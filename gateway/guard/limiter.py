"""Requests a minute per credential, counted in Redis so that every gateway replica
shares one count (a fixed one-minute window: INCR, and EXPIRE on the first hit)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import redis.asyncio as redis
from redis.exceptions import RedisError

log = logging.getLogger("atende.guard.limiter")

_HIT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count
"""


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    # Seconds until the window ends, when not allowed.
    retry_after: int = 0
    # False when Redis did not answer: the gateway's own bucket is then the only limit.
    counted: bool = True


class Limiter:
    def __init__(self, client: Any, prefix: str, clock: Callable[[], float] = time.time) -> None:
        self.client = client
        self.prefix = prefix
        self.clock = clock
        self._hit = client.register_script(_HIT)
        self._failing = False

    @classmethod
    def from_url(cls, url: str, prefix: str) -> Limiter:
        return cls(redis.Redis.from_url(url, socket_timeout=0.2, socket_connect_timeout=0.2), prefix)

    async def hit(self, credential: str, per_minute: int) -> Verdict:
        now = self.clock()
        window = int(now // 60)
        try:
            count = int(await self._hit(keys=[f"{self.prefix}rl:{credential}:{window}"], args=[61]))
        except (RedisError, OSError) as error:
            if not self._failing:
                log.warning("redis unreachable: only the gateway's local limit applies", extra={"error": type(error).__name__})
            self._failing = True
            return Verdict(True, counted=False)
        if self._failing:
            log.warning("redis back: the shared limit applies again")
            self._failing = False
        if count <= per_minute:
            return Verdict(True)
        return Verdict(False, retry_after=max(1, 60 - int(now % 60)))

    async def close(self) -> None:
        await self.client.aclose()
