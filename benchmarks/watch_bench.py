"""LiveService benchmark: many open watch streams on one memory_svc process.

Opens N WatchConversation streams (default 500) and measures
  - memory per stream: the server process's RSS with the streams open, minus before,
    divided by N;
  - delivery: a person's message is stored (SendHumanMessage, on a second memory_svc
    replica, so the notice crosses PostgreSQL's NOTIFY), and each watcher records when
    it arrives; latency = arrival minus the message's create_time (the storing
    transaction's clock, same machine). p50/p99 over every (message, watcher) pair, and
    p50/p99 of the time until the LAST watcher has it.

Two layouts: `one` (all N watch one conversation: the worst fan-out) and `many` (N
conversations, one watcher each; each message goes to one of them).

    .venv/bin/python benchmarks/watch_bench.py                        # 500 streams, both layouts
    .venv/bin/python benchmarks/watch_bench.py --streams 500 --messages 20 --layout one

Uses DATABASE_URL / REDIS_URL when set (fresh schema and key prefix, dropped at the
end), else starts the embedded PostgreSQL and Redis in a temporary folder.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for entry in (str(ROOT / "gen" / "python"), str(ROOT)):
    if entry not in sys.path:
        sys.path.insert(0, entry)

import grpc  # noqa: E402
import psycopg  # noqa: E402
from atende.common.v1 import types_pb2  # noqa: E402
from atende.memory.v1 import live_service_pb2 as live_pb  # noqa: E402
from atende.memory.v1 import live_service_pb2_grpc as live_grpc  # noqa: E402
from atende.memory.v1 import memory_service_pb2 as pb  # noqa: E402
from atende.memory.v1 import memory_service_pb2_grpc as pb_grpc  # noqa: E402
from grpc_health.v1 import health_pb2, health_pb2_grpc  # noqa: E402

from devstack.embedded import EmbeddedPostgres, EmbeddedRedis, free_port  # noqa: E402


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def spawn(env: dict[str, str], port: int) -> asyncio.subprocess.Process:
    child = dict(os.environ)
    child.update(env)
    child.update({"MEMORY_PORT": str(port), "MEMORY_HOST": "127.0.0.1"})
    child["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "gen" / "python"), child.get("PYTHONPATH", "")])
    process = await asyncio.create_subprocess_exec(sys.executable, "-m", "memory_svc", cwd=ROOT, env=child)
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.returncode is not None:
                raise RuntimeError("memory_svc exited during start-up")
            try:
                reply = await stub.Check(health_pb2.HealthCheckRequest(service=""), timeout=1)
                if reply.status == health_pb2.HealthCheckResponse.SERVING:
                    return process
            except grpc.aio.AioRpcError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError("memory_svc did not become SERVING")


async def escalate(memory: pb_grpc.MemoryServiceStub, handoffs: pb_grpc.HandoffServiceStub, cid: str) -> None:
    await memory.AppendMessages(pb.AppendMessagesRequest(
        conversation_id=cid, user_id=f"u-{cid}", channel="web", agent="support",
        messages=[pb.NewMessage(role="user", text="Quero falar com uma pessoa.")],
        new_owner=types_pb2.ConversationOwner(kind=types_pb2.OWNER_KIND_HUMAN_QUEUE, id="default"),
        handoff=types_pb2.HandoffPacket(reason="bench"),
    ))
    await handoffs.ClaimConversation(pb.ClaimConversationRequest(conversation_id=cid, human_id="ana"))


async def layout(  # noqa: C901 - one measurement, read top to bottom
    args: argparse.Namespace, name: str, watched_port: int, writer_port: int, pid: int
) -> dict[str, Any]:
    n = args.streams
    tag = uuid.uuid4().hex[:6]
    conversations = [f"{name}-{tag}"] if name == "one" else [f"{name}-{i}-{tag}" for i in range(n)]
    async with grpc.aio.insecure_channel(f"127.0.0.1:{writer_port}") as wchannel:
        memory, handoffs = pb_grpc.MemoryServiceStub(wchannel), pb_grpc.HandoffServiceStub(wchannel)
        for cid in conversations:
            await escalate(memory, handoffs, cid)
        await asyncio.sleep(0.5)
        before = rss_kib(pid)
        # Several HTTP/2 connections, as many browsers behind a gateway would use.
        channels = [grpc.aio.insecure_channel(f"127.0.0.1:{watched_port}", options=[("grpc.use_local_subchannel_pool", 1)])
                    for _ in range(args.connections)]
        arrivals: dict[str, list[float]] = {}
        ready = asyncio.Semaphore(0)
        targets = [conversations[i % len(conversations)] for i in range(n)]

        async def watcher(index: int) -> None:
            stub = live_grpc.LiveServiceStub(channels[index % len(channels)])
            stream = stub.WatchConversation(live_pb.WatchConversationRequest(conversation_id=targets[index]))
            history = True
            async for event in stream:
                now = time.time()
                if event.WhichOneof("event") == "message":
                    if history and event.message.role != "human":
                        continue
                    m = event.message
                    if m.text.startswith("bench "):
                        created = m.create_time.seconds + m.create_time.nanos / 1e9
                        arrivals.setdefault(m.message_id, []).append(now - created)
                elif event.WhichOneof("event") == "owner" and history:
                    history = False
                    ready.release()

        tasks = [asyncio.create_task(watcher(i)) for i in range(n)]
        for _ in range(n):
            await asyncio.wait_for(ready.acquire(), 60)
        await asyncio.sleep(1.0)
        after = rss_kib(pid)
        expected: dict[str, int] = {}
        for k in range(args.messages):
            cid = conversations[k % len(conversations)]
            sent = await handoffs.SendHumanMessage(
                pb.SendHumanMessageRequest(conversation_id=cid, human_id="ana", text=f"bench {k}"))
            expected[sent.message.message_id] = targets.count(cid)
            await asyncio.sleep(args.pause)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(  # noqa: ASYNC110 - polls counters the watchers fill
            len(arrivals.get(m, [])) < c for m, c in expected.items()
        ):
            await asyncio.sleep(0.05)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for channel in channels:
            await channel.close()
    every = [x * 1000 for m in expected for x in arrivals.get(m, [])]
    last = [max(arrivals[m]) * 1000 for m in expected if len(arrivals.get(m, [])) >= expected[m]]
    missing = sum(max(0, c - len(arrivals.get(m, []))) for m, c in expected.items())
    return {
        "layout": name, "streams": n, "conversations": len(conversations), "messages": args.messages,
        "rss_before_mib": before / 1024, "rss_after_mib": after / 1024, "kib_per_stream": (after - before) / n,
        "p50_ms": pct(every, 50) if every else float("nan"), "p99_ms": pct(every, 99) if every else float("nan"),
        "last_p50_ms": pct(last, 50) if last else float("nan"), "last_p99_ms": pct(last, 99) if last else float("nan"),
        "deliveries": len(every), "missing": missing,
    }


async def run(args: argparse.Namespace, database_url: str, redis_url: str) -> list[dict[str, Any]]:
    suffix = uuid.uuid4().hex[:8]
    schema = f"bench_watch_{suffix}"
    env = {"DATABASE_URL": database_url, "REDIS_URL": redis_url, "MEMORY_DB_SCHEMA": schema,
           "MEMORY_REDIS_PREFIX": f"bench:watch:{suffix}:", "MEMORY_LOG_LEVEL": "WARNING", "MEMORY_RELAY_ENABLED": "false",
           "OTEL_SDK_DISABLED": "true"}
    watched_port, writer_port = free_port(), free_port()
    watched = await spawn(env, watched_port)
    writer = await spawn(env, writer_port)
    results = []
    try:
        for name in args.layout.split(","):
            results.append(await layout(args, name, watched_port, writer_port, watched.pid))
    finally:
        for process in (watched, writer):
            process.terminate()
            await process.wait()
        async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
            await conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE".encode())
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--streams", type=int, default=500)
    parser.add_argument("--messages", type=int, default=20)
    parser.add_argument("--connections", type=int, default=10, help="HTTP/2 connections the watchers share")
    parser.add_argument("--pause", type=float, default=0.2, help="seconds between messages")
    parser.add_argument("--layout", default="one,many", help="one, many or both (comma-separated)")
    args = parser.parse_args()
    database_url, redis_url = os.environ.get("DATABASE_URL", ""), os.environ.get("REDIS_URL", "")
    postgres = redis = None
    if not database_url or not redis_url:
        folder = Path(tempfile.mkdtemp(prefix="watch-bench-"))
        if not database_url:
            postgres = EmbeddedPostgres(folder / "pg")
            database_url = postgres.start()
        if not redis_url:
            redis = EmbeddedRedis(folder / "redis")
            redis_url = redis.start()
    try:
        results = asyncio.run(run(args, database_url, redis_url))
    finally:
        if redis is not None:
            redis.stop()
        if postgres is not None:
            postgres.stop()
    print(f"{'layout':8} {'streams':>7} {'convs':>6} {'KiB/stream':>10} {'RSS MiB':>15} "
          f"{'p50 ms':>7} {'p99 ms':>7} {'last p50':>8} {'last p99':>8} {'missing':>7}")
    for r in results:
        print(f"{r['layout']:8} {r['streams']:>7} {r['conversations']:>6} {r['kib_per_stream']:>10.1f} "
              f"{r['rss_before_mib']:>6.1f}->{r['rss_after_mib']:<7.1f} {r['p50_ms']:>7.1f} {r['p99_ms']:>7.1f} "
              f"{r['last_p50_ms']:>8.1f} {r['last_p99_ms']:>8.1f} {r['missing']:>7}")
    print("latency: from the message's create_time (stored) to its arrival at a watcher; 'last': until every watcher had it")
    return 1 if any(r["missing"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
