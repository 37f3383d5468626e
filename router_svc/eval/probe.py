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


def load(path: Path, halves: Sequence[str]) -> tuple[list[Case], list[list[Case]]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get("half", "a") in halves]
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
        single, conversations = load(args.file, (half,))
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
