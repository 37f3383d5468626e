"""One chaos run: a stack of its own (embedded PostgreSQL and Redis in a temporary
folder, the five services and Envoy on free ports, supervised as under `make run`),
integrations_svc delivering to loopback fake vendors, the customers' load, the faults
one after the other, then the audit and the table."""

from __future__ import annotations

import asyncio
import dataclasses
import shutil
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from devstack.chaos.audit import Audit, audit_effects, audit_turns, drain, released_actions
from devstack.chaos.faults import ALL, FAULTS, Target, title
from devstack.chaos.load import Conversation, Failure, Load, LoadOptions
from devstack.chaos.vendors import FakeVendors
from devstack.embedded import EmbeddedPostgres, EmbeddedRedis
from devstack.stack import Stack, StackConfig
from devstack.supervisor import Supervisor

API_KEY = "chaos-key"
# Relay and delivery timings shortened as an operator may set them, so the queues
# drain in seconds after the load; the faults themselves are untouched.
FAST_QUEUES = {
    "MEMORY_RELAY_CALL_TIMEOUT_SECONDS": "1",
    "MEMORY_RELAY_LEASE_SECONDS": "3",
    "MEMORY_RELAY_BACKOFF_BASE_SECONDS": "0.2",
    "MEMORY_RELAY_BACKOFF_MAX_SECONDS": "1",
    "INTEGRATIONS_WORKER_POLL_INTERVAL_SECONDS": "0.2",
    "INTEGRATIONS_DELIVERY_TIMEOUT_SECONDS": "10",
    "INTEGRATIONS_LEASE_SECONDS": "15",
    "INTEGRATIONS_BACKOFF_BASE_SECONDS": "0.5",
    "INTEGRATIONS_BACKOFF_MAX_SECONDS": "5",
    "INTEGRATIONS_BREAKER_RESET_SECONDS": "5",
}


@dataclass
class ChaosOptions:
    clients: int = 24
    faults: tuple[str, ...] = ALL
    # Seconds of load before the first fault, and after the stack serves again from one.
    warmup: float = 5.0
    settle: float = 3.0
    # Seconds PostgreSQL and Redis stay down; seconds integrations_svc stays frozen.
    down: float = 4.0
    freeze: float = 5.0
    replicas: int = 1
    # Bounds: the stack serving again after a fault, the queues draining after the load.
    recover_within: float = 60.0
    drain_within: float = 90.0
    # Where the stack keeps its data and logs; a temporary folder, removed after a
    # clean run (kept after a failed one, for its logs), when None.
    data_dir: Path | None = None
    log: Callable[[str], None] = field(default=lambda line: print(line, file=sys.stderr, flush=True))


@dataclass
class Row:
    title: str
    start: float
    # When the fault was over (process killed, server back, process thawed).
    over: float
    # Seconds from then until a probe turn was answered; None if it never was.
    served_again: float | None = None
    failures: list[Failure] = field(default_factory=list)
    lost: int = 0
    duplicated: int = 0
    held: int = 0

    @property
    def window(self) -> float:
        if not self.failures:
            return 0.0
        return max(f.end for f in self.failures) - min(f.start for f in self.failures)

    def statuses(self) -> str:
        counts = Counter(f.status for f in self.failures)
        return ", ".join(f"{status} x{n}" for status, n in counts.most_common()) or "-"


@dataclass
class ChaosResult:
    rows: list[Row]
    audit: Audit
    seconds: float
    clients: int
    data_dir: Path

    @property
    def ok(self) -> bool:
        return self.audit.clean and all(row.served_again is not None for row in self.rows[1:])


def _stack_config(data_dir: Path, database_url: str, redis_url: str, vendors: FakeVendors, replicas: int) -> StackConfig:
    config = StackConfig.on_free_ports(
        data_dir,
        database_url=database_url,
        redis_url=redis_url,
        api_keys=(API_KEY,),
        rate_limit_per_minute=10_000_000,
        extra_env={**FAST_QUEUES, **vendors.integrations_env()},
    )
    if replicas > 1:
        if "replicas" not in {f.name for f in dataclasses.fields(StackConfig)}:
            raise SystemExit("this stack has no replicas yet (StackConfig.replicas)")
        setattr(config, "replicas", replicas)  # noqa: B010 - a field of newer stacks only
    return config


async def _supervise(stack: Stack, log: Callable[[str], None], stopping: asyncio.Event) -> None:
    supervisor = Supervisor(stack, log=log)
    while not stopping.is_set():
        supervisor.check()
        await asyncio.sleep(0.1)


async def _all_serving(stack: Stack, within: float) -> None:
    """Every process is back and answering (the supervisor restarts the dead ones)."""
    deadline = time.monotonic() + within
    for name in list(stack.processes):
        while True:
            try:
                await asyncio.to_thread(stack.wait_ready, name)
                break
            except (RuntimeError, TimeoutError):  # exited: the supervisor is on it
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.2)


class Chaos:
    def __init__(self, options: ChaosOptions, stack: Stack, target: Target, load: Load) -> None:
        self.options = options
        self.stack = stack
        self.target = target
        self.load = load
        self.began = time.monotonic()

    def say(self, line: str) -> None:
        self.options.log(f"{time.monotonic() - self.began:7.1f} s  {line}")

    async def faults(self, supervision: asyncio.Task[None]) -> list[Row]:
        rows = [Row(f"no fault (warm-up, {self.options.warmup:g} s)", time.monotonic(), time.monotonic(), 0.0)]
        await asyncio.sleep(self.options.warmup)
        for n, key in enumerate(self.options.faults):
            fault = FAULTS[key]
            row = Row(title(fault, self.target), time.monotonic(), 0.0)
            rows.append(row)
            self.say(f"{row.title}…")
            await fault.inject(self.target)
            row.over = time.monotonic()
            probe = Conversation(f"chaos-{self.load.run_id}-probe-{n}", f"user-chaos-probe-{n}", "")
            answered = await self.load.probe(probe, self.options.recover_within)
            if supervision.done():
                supervision.result()  # the supervisor gave up: raise it
            if answered is None:
                self.say(f"  the stack did not serve again within {self.options.recover_within:g} s")
                continue
            row.served_again = answered - row.over
            await _all_serving(self.stack, self.options.recover_within)
            self.say(f"  served again {row.served_again:.1f} s after the fault; every process serving")
            await asyncio.sleep(self.options.settle)
        return rows


def _attribute(rows: list[Row], failures: list[Failure], audit: Audit) -> None:
    """Each failure to the fault whose window it ended in; each finding to the window its turn was sent in."""
    starts = [row.start for row in rows]

    def row_at(t: float) -> Row:
        index = max((i for i, start in enumerate(starts) if start <= t), default=0)
        return rows[index]

    for failure in failures:
        row_at(failure.end).failures.append(failure)
    for finding in audit.findings:
        row = row_at(finding.at)
        row.lost += finding.lost
        row.duplicated += finding.duplicated
        row.held += finding.kind == "held effect"


async def _audit(options: ChaosOptions, stack: Stack, load: Load, vendors: FakeVendors, say: Callable[[str], None]) -> Audit:
    audit = Audit()
    audit.drained_in = await drain(stack.database_url, options.drain_within)
    say("queues drained" if audit.drained_in is not None else f"queues not drained within {options.drain_within:g} s")
    async with httpx.AsyncClient(base_url=stack.gateway_url, headers={"x-api-key": API_KEY}, timeout=30) as http:
        await audit_turns(audit, http, load.conversations)
    audit_effects(audit, load.conversations, await released_actions(stack.database_url), vendors)
    return audit


async def _run_on(options: ChaosOptions, data_dir: Path, postgres: EmbeddedPostgres, redis: EmbeddedRedis,
                  vendors: FakeVendors) -> ChaosResult:
    started = time.monotonic()
    database_url = await asyncio.to_thread(postgres.start)
    redis_url = await asyncio.to_thread(redis.start)
    await vendors.start()
    stack = Stack(_stack_config(data_dir, database_url, redis_url, vendors, options.replicas))
    options.log(f"starting the stack in {data_dir} …")
    await asyncio.to_thread(stack.start)
    stopping = asyncio.Event()
    supervision = asyncio.create_task(_supervise(stack, options.log, stopping))
    try:
        target = Target(stack, postgres, redis, redis_url, options.down, options.freeze, options.replicas)
        load = Load(stack.gateway_url, API_KEY, uuid.uuid4().hex[:6], LoadOptions(clients=options.clients))
        chaos = Chaos(options, stack, target, load)
        chaos.say(f"stack up in {time.monotonic() - started:.1f} s; {options.clients} customers start")
        load.start()
        try:
            rows = await chaos.faults(supervision)
        finally:
            await load.stop()
        chaos.say("load stopped; auditing")
        audit = await _audit(options, stack, load, vendors, chaos.say)
        _attribute(rows, load.failures, audit)
        return ChaosResult(rows, audit, time.monotonic() - started, options.clients, data_dir)
    finally:
        stopping.set()
        await asyncio.gather(supervision, return_exceptions=True)
        stopped = time.monotonic()
        await asyncio.to_thread(stack.stop)
        options.log(f"stack stopped in {time.monotonic() - stopped:.1f} s")


async def run(options: ChaosOptions) -> ChaosResult:
    data_dir = options.data_dir or Path(tempfile.mkdtemp(prefix="atende-chaos-"))
    postgres = EmbeddedPostgres(data_dir / "postgres")
    redis = EmbeddedRedis(data_dir / "redis")
    vendors = FakeVendors()
    keep = True
    try:
        result = await _run_on(options, data_dir, postgres, redis, vendors)
        keep = not result.ok
        return result
    finally:
        await vendors.stop()
        redis.stop()
        await asyncio.to_thread(postgres.stop)
        if options.data_dir is None:
            if keep:
                options.log(f"logs kept in {data_dir / 'logs'}")
            else:
                shutil.rmtree(data_dir, ignore_errors=True)


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} s"


def table(result: ChaosResult) -> str:
    header = ("fault", "client errors", "statuses", "error window", "served again", "lost", "duplicated", "held")
    lines = [header] + [
        (row.title, str(len(row.failures)), row.statuses(), _seconds(row.window),
         "-" if row is result.rows[0] else _seconds(row.served_again), str(row.lost), str(row.duplicated), str(row.held))
        for row in result.rows
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = [
        "  ".join(cell.ljust(w) if i in (0, 2) else cell.rjust(w) for i, (cell, w) in enumerate(zip(line, widths, strict=True)))
        for line in lines
    ]
    text.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(text) + "\n\n" + summary(result)


def summary(result: ChaosResult) -> str:
    audit = result.audit
    lines = [
        f"{audit.turns_acked} turns acknowledged ({audit.turns_replayed} answered by a replay) in "
        f"{audit.conversations} conversations by {result.clients} concurrent customers; "
        f"{audit.turns_abandoned} turns given up by their client ({audit.abandoned_stored} of them stored, once)",
        f"{audit.effects_released} side effects released, {audit.effects_delivered} delivered exactly once, "
        f"{audit.effects_held} held for an operator (delivery in doubt); queues drained in {_seconds(audit.drained_in)}",
        f"lost {audit.lost}, duplicated {audit.duplicated}; run took {result.seconds:.0f} s",
    ]
    lines += [f"  {finding.kind}: {finding.what}" for finding in audit.findings[:50]]
    if len(audit.findings) > 50:
        lines.append(f"  … and {len(audit.findings) - 50} more")
    lines.append("OK: nothing lost, nothing duplicated" if result.ok else "FAILED")
    return "\n".join(lines)
