"""The faults, each one thing that goes wrong in production, done for real to the
running stack: SIGKILL of one process (the supervisor starts it again, as under
`make run`), Redis emptied or killed, PostgreSQL crash-stopped, integrations_svc
frozen. inject() returns when the fault is over (the process killed, the server back
up, the frozen process thawed); recovering from it is the stack's job."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import redis.asyncio as aioredis

from devstack.embedded import EmbeddedPostgres, EmbeddedRedis
from devstack.stack import Stack


@dataclass
class Target:
    """What the faults act on."""

    stack: Stack
    postgres: EmbeddedPostgres
    redis: EmbeddedRedis
    redis_url: str
    # Seconds PostgreSQL and Redis stay down, and integrations_svc stays frozen.
    down_seconds: float = 4.0
    freeze_seconds: float = 5.0
    replicas: int = 1


@dataclass(frozen=True)
class Fault:
    key: str
    title: str
    inject: Callable[[Target], Awaitable[None]]


def _kill(name: str) -> Callable[[Target], Awaitable[None]]:
    async def inject(target: Target) -> None:
        target.stack.kill(name)

    return inject


async def _redis_flush(target: Target) -> None:
    client = aioredis.Redis.from_url(target.redis_url)
    try:
        await client.flushall()
    finally:
        await client.aclose()


async def _redis_kill(target: Target) -> None:
    target.redis.kill()
    await asyncio.sleep(target.down_seconds)
    await asyncio.to_thread(target.redis.start)


async def _postgres_crash(target: Target) -> None:
    await asyncio.to_thread(target.postgres.crash)
    await asyncio.sleep(target.down_seconds)
    await asyncio.to_thread(target.postgres.resume)


async def _freeze_integrations(target: Target) -> None:
    pid = target.stack.processes["integrations_svc"].pid
    os.kill(pid, signal.SIGSTOP)
    try:
        await asyncio.sleep(target.freeze_seconds)
    finally:
        os.kill(pid, signal.SIGCONT)


KILLED = ("memory_svc", "router_svc", "agent_svc", "knowledge_svc", "integrations_svc", "envoy")

FAULTS: dict[str, Fault] = {
    **{name: Fault(name, f"SIGKILL {name}", _kill(name)) for name in KILLED},
    "redis-flush": Fault("redis-flush", "Redis FLUSHALL", _redis_flush),
    "redis-kill": Fault("redis-kill", "Redis SIGKILL, down {down}", _redis_kill),
    "postgres-crash": Fault("postgres-crash", "PostgreSQL crash-stop, down {down}", _postgres_crash),
    "integrations-freeze": Fault("integrations-freeze", "SIGSTOP integrations_svc {freeze}", _freeze_integrations),
}
ALL = tuple(FAULTS)
# What `make test` runs (tests/test_chaos.py).
LIGHT = ("memory_svc", "router_svc", "redis-flush")


def title(fault: Fault, target: Target) -> str:
    text = fault.title.format(down=f"{target.down_seconds:g} s", freeze=f"{target.freeze_seconds:g} s")
    if target.replicas > 1 and fault.key in KILLED and fault.key != "envoy":
        text += f" (1 of {target.replicas})"
    return text
