"""The routing step's latency, as a turn runs it (Router.route: normalise, encode
the text, and the previous message for a follow-up, score, decide), over the
messages of evals/solar, one at a time on the event loop like the service.

    python -m router_svc.eval.routing_bench [--strategy cascade|hybrid|embedding|keywords] [--cold|--warm]

By default the encoder's cache holds the conversation's earlier messages (the
previous turn encoded them) but not the message being routed, as in a live
turn; --cold empties the cache before every message; --warm keeps the message's
vector too, which leaves the strategy's own cost (the encoding, about 3 ms of a
short message on one core, is shared with the agent's retrieval vector)."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import time

from atende_runtime.main import limit_blas_threads


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--strategy", default="")
    parser.add_argument("--cold", action="store_true")
    parser.add_argument("--warm", action="store_true", help="the message's vector is cached: the strategy's own cost")
    args = parser.parse_args()
    if args.strategy:
        os.environ["ROUTER_ROUTING_STRATEGY"] = args.strategy
    limit_blas_threads()
    from atende_guardrails.encoder import UsemEncoder
    from router_svc.eval.evalsets import EVALS
    from router_svc.routing.factory import build_router
    from router_svc.routing.normalize import plain
    from router_svc.settings import Settings

    encoder = UsemEncoder()
    encoder.load()
    settings = Settings()
    router = build_router(settings, encoder, None)
    router.start_sync()
    rows = [json.loads(x) for x in (EVALS / "solar" / "conversations.jsonl").read_text(encoding="utf-8").splitlines()]
    turns = [(t["text"], tuple(x["text"] for x in r["turns"][:i])[-3:]) for r in rows for i, t in enumerate(r["turns"])]
    singles = [json.loads(x)["text"] for x in (EVALS / "solar" / "routing.jsonl").read_text(encoding="utf-8").splitlines()]
    cases = [(text, ()) for text in singles] + turns

    async def run() -> list[float]:
        times: list[float] = []
        current = ""
        for text, history in cases:
            if args.cold:
                encoder._cache.clear()
            elif not args.warm:
                for key in (text, plain(text)):
                    encoder._cache.pop(key[: encoder.max_chars], None)
            started = time.perf_counter()
            decision = await router.route(text, current if history else "", history)
            times.append((time.perf_counter() - started) * 1000)
            current = decision.agent
        return times

    asyncio.run(run())  # warm up (code paths, numpy)
    times = sorted(asyncio.run(run()))
    def p(q: float) -> float:
        return times[min(len(times) - 1, int(q * len(times)))]

    mode = "cold cache" if args.cold else "warm cache" if args.warm else "live"
    print(f"routing step ({router.strategy.name}, {mode}): {len(times)} messages"
          f"  p50 {p(0.50):.2f} ms  p95 {p(0.95):.2f} ms  p99 {p(0.99):.2f} ms  mean {statistics.mean(times):.2f} ms")
    encoder.close()


if __name__ == "__main__":
    main()
