"""Webhook ingestion benchmark: the channels server behind the gateway, on a whole local
stack (devstack: the five services with the local engine, Envoy, the channels server).

1. Acknowledged deliveries: `--deliveries` signed WhatsApp deliveries posted to the
   gateway's /webhooks/whatsapp by `--senders` concurrent senders (default 50), each
   verified (HMAC), stored (deduplicated by message id) and acknowledged; deliveries a
   second and p50/p95/p99 of the acknowledgement. Two mixes: `statuses` (delivery
   statuses: stored only) and `messages` (customer messages from `--customers`
   customers, 10 % of them Meta's redeliveries of an earlier one: each new message also
   becomes a turn with the local engine and a reply, in the background, on the same
   2 cores as everything else).
2. End to end: `--e2e` messages from new customers, one at a time, once the messages
   mix's backlog is answered (no reply for 3 s, at most `--settle` s): from the
   webhook's POST to the reply's arrival at a loopback fake of the Graph API (the
   production adapter sends it), p50/p95/max.

The senders are aiohttp on uvloop, each body signed before the clock starts: on 2
shared cores the load generator's own CPU is part of every latency it measures
(with httpx's client the load generator used more CPU than the channels server).

    .venv/bin/python benchmarks/webhook_bench.py
    .venv/bin/python benchmarks/webhook_bench.py --deliveries 3000 --senders 50 --e2e 30

Uses DATABASE_URL / REDIS_URL when set (fresh schemas), else the embedded servers.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import os
import random
import statistics
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

import aiohttp  # noqa: E402
import httpx  # noqa: E402
import uvloop  # noqa: E402
from aiohttp import web  # noqa: E402

from devstack.embedded import free_port  # noqa: E402
from devstack.stack import Stack, StackConfig  # noqa: E402

SECRET = "bench-app-secret"
PHONE = "1000200030004"


def _sign(body: bytes) -> str:
    return "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()


def _delivery(wa_id: str, message_id: str, text: str) -> dict[str, Any]:
    message = {"from": wa_id, "id": message_id, "timestamp": str(int(time.time())), "type": "text",
               "text": {"body": text}}
    value = {"messaging_product": "whatsapp", "metadata": {"phone_number_id": PHONE},
             "contacts": [{"profile": {"name": "Cliente"}, "wa_id": wa_id}], "messages": [message]}
    return {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages", "value": value}]}]}


def _status(wa_id: str) -> dict[str, Any]:
    value = {"messaging_product": "whatsapp", "metadata": {"phone_number_id": PHONE}, "statuses": [
        {"id": "wamid." + uuid.uuid4().hex, "status": "delivered", "timestamp": str(int(time.time())), "recipient_id": wa_id}]}
    return {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages", "value": value}]}]}


class FakeGraph:
    def __init__(self) -> None:
        self.arrivals: dict[str, float] = {}
        self.calls = 0

    async def messages(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.calls += 1
        self.arrivals.setdefault(body["to"], time.perf_counter())
        return web.json_response({"messaging_product": "whatsapp", "contacts": [{"input": body["to"], "wa_id": body["to"]}],
                                  "messages": [{"id": "wamid." + uuid.uuid4().hex}]})

    async def start(self, port: int) -> web.AppRunner:
        app = web.Application()
        app.router.add_post(f"/v21.0/{PHONE}/messages", self.messages)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        return runner


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def ack_run(url: str, mix: str, deliveries: int, senders: int, customers: int) -> None:
    bodies: list[bytes] = []
    seen: list[bytes] = []
    for i in range(deliveries):
        wa_id = f"55119{random.randrange(customers):08d}"
        if mix == "statuses":
            body = json.dumps(_status(wa_id)).encode()
        elif seen and random.random() < 0.1:
            body = random.choice(seen)  # Meta redelivers
        else:
            body = json.dumps(_delivery(wa_id, f"wamid.bench{i}{uuid.uuid4().hex[:6]}", f"Oi, mensagem {i}")).encode()
            seen.append(body)
        bodies.append(body)
    latencies: list[float] = []
    errors = 0
    # Signed before the clock starts; aiohttp's client, which costs the sending side
    # a fraction of httpx's CPU: on 2 shared cores the senders' own work would
    # otherwise be most of what the latencies measure.
    queue: asyncio.Queue[tuple[bytes, str]] = asyncio.Queue()
    for body in bodies:
        queue.put_nowait((body, _sign(body)))

    async def sender(session: aiohttp.ClientSession) -> None:
        nonlocal errors
        while not queue.empty():
            body, signature = queue.get_nowait()
            started = time.perf_counter()
            async with session.post(url, data=body, headers={"content-type": "application/json",
                                                             "x-hub-signature-256": signature}) as answer:
                await answer.read()
            latencies.append(time.perf_counter() - started)
            errors += answer.status != 200

    connector = aiohttp.TCPConnector(limit=senders)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=30)) as session:
        started = time.perf_counter()
        await asyncio.gather(*(sender(session) for _ in range(senders)))
        elapsed = time.perf_counter() - started
    ms = [x * 1000 for x in latencies]
    print(f"{mix:9s} {deliveries} deliveries, {senders} senders: {deliveries / elapsed:7.1f} acknowledged/s  "
          f"p50 {_pct(ms, 50):6.1f} ms  p95 {_pct(ms, 95):6.1f} ms  p99 {_pct(ms, 99):6.1f} ms  "
          f"max {max(ms):6.1f} ms  non-200 {errors}")


async def e2e_run(url: str, graph: FakeGraph, count: int) -> None:
    times: list[float] = []
    async with httpx.AsyncClient(timeout=30) as client:
        for i in range(count):
            wa_id = f"55219{i:08d}"
            body = json.dumps(_delivery(wa_id, f"wamid.e2e{i}{uuid.uuid4().hex[:6]}",
                                        "Quanto custa o kit solar para minha casa?")).encode()
            started = time.perf_counter()
            answer = await client.post(url, content=body, headers={"content-type": "application/json",
                                                                   "x-hub-signature-256": _sign(body)})
            assert answer.status_code == 200, answer.text
            deadline = started + 30
            while wa_id not in graph.arrivals:
                if time.perf_counter() > deadline:
                    raise SystemExit(f"no reply for {wa_id} within 30 s")
                await asyncio.sleep(0.002)
            times.append((graph.arrivals[wa_id] - started) * 1000)
    print(f"end to end (webhook POST -> reply at the Graph API, local engine), {count} messages: "
          f"p50 {statistics.median(times):6.1f} ms  p95 {_pct(times, 95):6.1f} ms  max {max(times):6.1f} ms")


async def main_async(args: argparse.Namespace, stack: Stack, graph: FakeGraph, graph_port: int) -> None:
    runner = await graph.start(graph_port)
    url = f"{stack.gateway_url}/webhooks/whatsapp"
    if args.direct:  # the channels server itself, without Envoy
        url = f"http://{stack.channels_addr}/webhooks/whatsapp"
    try:
        await ack_run(url, "statuses", args.deliveries, args.senders, args.customers)
        await ack_run(url, "messages", args.deliveries, args.senders, args.customers)
        # Let the turns of the messages mix finish: until no reply has reached the
        # Graph API for 3 s (at most --settle seconds).
        deadline = time.perf_counter() + args.settle
        last, quiet_since = -1, time.perf_counter()
        while time.perf_counter() < deadline and time.perf_counter() - quiet_since < 3:
            if graph.calls != last:
                last, quiet_since = graph.calls, time.perf_counter()
            await asyncio.sleep(0.2)
        await e2e_run(url, graph, args.e2e)
    finally:
        await runner.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--deliveries", type=int, default=2000)
    parser.add_argument("--senders", type=int, default=50)
    parser.add_argument("--customers", type=int, default=200)
    parser.add_argument("--e2e", type=int, default=20)
    parser.add_argument("--direct", action="store_true", help="post to the channels server, not through the gateway")
    parser.add_argument("--settle", type=float, default=180.0,
                        help="at most this many seconds for the background turns before the e2e part")
    args = parser.parse_args()
    graph_port = free_port()
    suffix = uuid.uuid4().hex[:8]
    data = Path(tempfile.mkdtemp(prefix="webhook-bench-"))
    config = StackConfig.on_free_ports(
        data, database_url=os.environ.get("DATABASE_URL", ""), redis_url=os.environ.get("REDIS_URL", ""),
        rate_limit_per_minute=100000, tracing=False,
        extra_env={
            "MEMORY_DB_SCHEMA": f"bench_wh_memory_{suffix}", "MEMORY_REDIS_PREFIX": f"bench-wh:{suffix}:",
            "INTEGRATIONS_DB_SCHEMA": f"bench_wh_integrations_{suffix}",
            "CHANNELS_WHATSAPP_APP_SECRET": SECRET, "CHANNELS_WHATSAPP_ACCESS_TOKEN": "bench-token",
            "CHANNELS_WHATSAPP_PHONE_NUMBER_ID": PHONE, "CHANNELS_GRAPH_BASE_URL": f"http://127.0.0.1:{graph_port}",
            "ATENDE_LOG_LEVEL": "WARNING", "CHANNELS_LOG_LEVEL": "WARNING",
        },
        log_dir=data / "logs",
    )
    stack = Stack(config)
    stack.start()
    try:
        # uvloop: the senders' own CPU is less of what the latencies measure.
        uvloop.run(main_async(args, stack, FakeGraph(), graph_port))
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
