"""Routing on a hand-written probe file (evals/probes/routing_probe_*.jsonl): tuning
data, not a blind set. Each row has a `half` ("a" or "b", by a hash of its id): tune on
one half, check the other.

    python -m router_svc.eval probe [--file PATH] [--half a|b|all] [--business solar] [--errors]
"""

from __future__ import annotations

import argparse
import asyncio
import json
from collections.abc import Sequence
from pathlib import Path

from atende_guardrails.encoder import UsemEncoder
from router_svc.eval.evalsets import BUSINESSES, EVALS, PROBE_BUSINESSES, Case, _conversations, _single, _summary, router_for

DEFAULT = EVALS / "probes" / "routing_probe_qroute.jsonl"


def load(path: Path, halves: Sequence[str], business: str | None = None) -> tuple[list[Case], list[list[Case]]]:
    """The probe's rows of the given halves; a file holding several businesses names each
    row's (`business`), and only `business`'s are kept (rows without the field: all)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get("half", "a") in halves and r.get("business", business) == business]
    single = [Case(r["id"], r["text"], r["agent"]) for r in rows if r["kind"] == "single"]
    conversations = [
        [Case(f"{r['id']}#{i}", t["text"], t["agent"], r["id"], i) for i, t in enumerate(r["turns"])]
        for r in rows
        if r["kind"] == "conversation"
    ]
    return single, conversations


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m router_svc.eval probe")
    parser.add_argument("--file", type=Path, default=DEFAULT)
    parser.add_argument("--half", choices=("a", "b", "all"), default="all")
    parser.add_argument("--business", default="solar", choices=(*BUSINESSES, *PROBE_BUSINESSES))
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args(argv)
    halves = ("a", "b") if args.half == "all" else (args.half,)
    encoder = UsemEncoder(cache_size=20000)
    encoder.load()
    router, kinds = router_for(args.business, encoder)
    for half in halves:
        single, conversations = load(args.file, (half,), args.business)
        print(f"\n== {args.file.name} half {half}")
        if single:
            _summary("single messages", asyncio.run(_single(router, kinds, single)), args.errors)
        if not conversations:
            continue
        _summary(
            f"conversations per turn ({len(conversations)} conv.)",
            asyncio.run(_conversations(router, kinds, conversations)),
            args.errors,
        )
    encoder.close()
    return 0


CONVERSATIONS = EVALS / "probes" / "conversations_probe_qconv8.jsonl"


def load_conversations(path: Path, business: str, halves: Sequence[str]) -> list[list[Case]]:
    """A conversation probe's rows of one business (`{id, business, lang, turns, split, half}`)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [
        [Case(f"{r['id']}#{i}", t["text"], t["agent"], r["id"], i) for i, t in enumerate(r["turns"])]
        for r in rows
        if r.get("kind", "conversation") == "conversation"
        and r.get("business", "solar") == business
        and r.get("half", "a") in halves
    ]


def conversations_main(argv: Sequence[str]) -> int:
    """python -m router_svc.eval probe-conversations [--file PATH] [--half a|b|all] [--business solar,vetorfibra] [--errors]

    Every turn routed with the state evalsets gives it: the conversation's agent as the
    router's own earlier decisions left it, and the customer's last messages."""
    parser = argparse.ArgumentParser(prog="python -m router_svc.eval probe-conversations")
    parser.add_argument("--file", type=Path, default=CONVERSATIONS)
    parser.add_argument("--half", choices=("a", "b", "all"), default="all")
    parser.add_argument("--business", default=",".join(BUSINESSES))
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args(argv)
    halves = ("a", "b") if args.half == "all" else (args.half,)
    businesses = [b for b in args.business.split(",") if b]
    for b in businesses:
        if b not in BUSINESSES and b not in PROBE_BUSINESSES:
            parser.error(f"unknown business {b!r}")
    encoder = UsemEncoder(cache_size=20000)
    encoder.load()
    totals: dict[str, tuple[int, int]] = {}
    for business in businesses:
        router, kinds = router_for(business, encoder)
        for half in halves:
            conversations = load_conversations(args.file, business, (half,))
            if not conversations:
                continue
            print(f"\n== {args.file.name} {business} half {half}")
            results = asyncio.run(_conversations(router, kinds, conversations))
            _summary(f"conversations per turn ({len(conversations)} conv.)", results, args.errors)
            right, seen = totals.get(half, (0, 0))
            totals[half] = (right + sum(got == case.expected for case, got, _ in results), seen + len(results))
    encoder.close()
    print("\nsummary (every business):")
    for half, (right, seen) in totals.items():
        print(f"  half {half}: {right / max(seen, 1):.3f} ({right}/{seen})")
    return 0
