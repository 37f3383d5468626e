"""Routing on the blind evaluation sets (evals/<business>/routing.jsonl and
conversations.jsonl), scored the way a REST client sees a turn.

    python -m router_svc.eval evalsets [--split dev|test|both] [--business solar,vetorfibra] [--errors]

Each business is the router the service would build from configuration alone:
the default rules for SolarBrisa, and for Vetor Fibra the same code with
ROUTER_ROUTING_EXAMPLES pointing at evals/vetorfibra/routing_examples.toml.

What a REST client sees of a turn (SendMessageResponse): `reply.agent` is
"router" when the router answered itself (a clarifying question, or the
out-of-scope answer, told apart by `intent.name == "out_of_scope"`), and
otherwise the agent that answered; `intent.name` names the intent, and the
intents of kind small_talk are the label `small_talk` (the conversation keeps
its agent). A request is right only when it names the expected agent.

Conversations run turn by turn with the state the live router would have: the
customer's earlier messages of the conversation and the conversation's current
agent, which is the agent the router itself chose on the earlier turns (what
memory_svc stores), so a mistake can carry over, as it would in production.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from atende_guardrails.encoder import UsemEncoder
from router_svc.routing import OUT_OF_SCOPE, SMALL_TALK, Decision, Router
from router_svc.routing.factory import build_router
from router_svc.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
EVALS = ROOT / "evals"
# The examples file each business is configured with (None: the service's default).
BUSINESSES: dict[str, Path | None] = {"solar": None, "vetorfibra": EVALS / "vetorfibra" / "routing_examples.toml"}
# Invented businesses configured only for the hand-written probes (no blind set of their own).
PROBE_BUSINESSES: dict[str, Path] = {
    "pulsofit": EVALS / "probes" / "pulsofit_routing_examples.toml",
    "sorrisovivo": EVALS / "probes" / "sorrisovivo_routing_examples.toml",
}
LABELS = ("sales", "support", "product", "small_talk", "out_of_scope", "clarify")
ROUTER_AGENT = "router"

# Thresholds (accuracy on the split) below which the run fails; set from dev, a
# little below what the router reaches there.
THRESHOLDS: dict[tuple[str, str], float] = {
    ("solar", "single"): 0.92,
    ("solar", "conversations"): 0.89,
    ("vetorfibra", "single"): 0.91,
    ("vetorfibra", "conversations"): 0.91,
}


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    expected: str
    conversation: str = ""
    index: int = 0


def load_single(business: str, splits: Sequence[str]) -> list[Case]:
    text = (EVALS / business / "routing.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [Case(r["id"], r["text"], r["agent"]) for r in rows if r["split"] in splits]


def load_conversations(business: str, splits: Sequence[str]) -> list[list[Case]]:
    path = EVALS / business / "conversations.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [
        [Case(f"{r['id']}#{i}", t["text"], t["agent"], r["id"], i) for i, t in enumerate(r["turns"])]
        for r in rows if r["split"] in splits
    ]


def rest_label(decision: Decision, kinds: dict[str, str]) -> str:
    """The label a REST client reads off a turn's response (see the module docstring)."""
    if decision.clarify:
        return OUT_OF_SCOPE if decision.intent == OUT_OF_SCOPE else "clarify"
    if kinds.get(decision.intent) == SMALL_TALK:
        return SMALL_TALK
    return decision.agent or ROUTER_AGENT


def stored_agent(decision: Decision, current: str) -> str:
    """The conversation's agent after the turn, as memory_svc stores it."""
    return current if decision.clarify else decision.agent


def router_for(business: str, encoder: UsemEncoder) -> tuple[Router, dict[str, str]]:
    examples = BUSINESSES[business] if business in BUSINESSES else PROBE_BUSINESSES[business]
    env = {"ROUTER_ROUTING_EXAMPLES": str(examples)} if examples else {}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        settings = Settings()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    router = build_router(settings, encoder, None)
    router.start_sync()
    return router, router.kinds()


async def routed_label(routed: tuple[Router, dict[str, str]], text: str, current: str = "",
                       history: tuple[str, ...] = ()) -> str:
    """One turn routed by `router_for`'s router, labelled as a REST client reads it."""
    router, kinds = routed
    return rest_label(await router.route(text, current, history), kinds)


async def routed_conversation(routed: tuple[Router, dict[str, str]], texts: Sequence[str]) -> list[str]:
    """Each turn of one conversation routed by `router_for`'s router with the state a live turn has (the agent the
    router's own decisions left it with, the customer's last messages), labelled as a REST client reads it."""
    router, kinds = routed
    return [label for _, label, _ in await _conversations(router, kinds, [[Case("", text, "") for text in texts]])]


async def _single(router: Router, kinds: dict[str, str], cases: Sequence[Case]) -> list[tuple[Case, str, Decision]]:
    out = []
    for case in cases:
        decision = await router.route(case.text, "", ())
        out.append((case, rest_label(decision, kinds), decision))
    return out


async def _conversations(router: Router, kinds: dict[str, str],
                         conversations: Sequence[Sequence[Case]]) -> list[tuple[Case, str, Decision]]:
    out = []
    for turns in conversations:
        current, history = "", list[str]()
        for case in turns:
            decision = await router.route(case.text, current, tuple(history[-3:]))
            out.append((case, rest_label(decision, kinds), decision))
            current = stored_agent(decision, current)
            history.append(case.text)
    return out


class Decided(Protocol):
    """What a miss prints of the router's answer: a Decision, or what a REST response shows."""

    @property
    def intent(self) -> str: ...
    @property
    def confidence(self) -> float: ...
    @property
    def strategy(self) -> str: ...


def _summary(name: str, results: Sequence[tuple[Case, str, Decided]], show_errors: bool) -> float:
    total = len(results)
    correct = sum(got == case.expected for case, got, _ in results)
    accuracy = correct / max(total, 1)
    print(f"  {name:<28} accuracy {accuracy:.3f} ({correct}/{total})")
    matrix = Counter((case.expected, got) for case, got, _ in results)
    columns = [*LABELS, *sorted({g for _, g in matrix} - set(LABELS))]
    print("     expected \\ got  " + "".join(f"{c[:8]:>9}" for c in columns))
    for row in LABELS:
        if any(matrix.get((row, c)) for c in columns):
            print(f"     {row:<15}" + "".join(f"{matrix.get((row, c), 0):>9}" for c in columns))
    if show_errors:
        for case, got, decision in results:
            if got != case.expected:
                print(f"       x {case.id} expected {case.expected} got {got} ({decision.intent} {decision.confidence:.2f}"
                      f" {decision.strategy}): {case.text}")
    return accuracy


def evaluate(businesses: Sequence[str], splits: Sequence[str], show_errors: bool = False,
             encoder: UsemEncoder | None = None) -> dict[tuple[str, str, str], float]:
    """Accuracy per (business, set, split)."""
    own = encoder is None
    encoder = encoder or UsemEncoder(cache_size=20000)
    encoder.load()
    scores: dict[tuple[str, str, str], float] = {}
    for business in businesses:
        router, kinds = router_for(business, encoder)
        for split in splits:
            single = load_single(business, (split,))
            conversations = load_conversations(business, (split,))
            # One batch fills the encoder's cache: the routing below reads it.
            encoder.encode([c.text for c in single] + [c.text for turns in conversations for c in turns])
            print(f"\n== {business} / {split}")
            started = time.perf_counter()
            results = asyncio.run(_single(router, kinds, single))
            scores[(business, "single", split)] = _summary("single messages", results, show_errors)
            results = asyncio.run(_conversations(router, kinds, conversations))
            turns = sum(len(t) for t in conversations)
            scores[(business, "conversations", split)] = _summary(
                f"conversations per turn ({len(conversations)} conv.)", results, show_errors)
            print(f"  ({(time.perf_counter() - started) * 1000 / max(len(single) + turns, 1):.2f} ms a message)")
    if own:
        encoder.close()
    return scores


def below_thresholds(scores: dict[tuple[str, str, str], float]) -> list[str]:
    return [f"{b} {s} {split}: {v:.3f} < {THRESHOLDS[(b, s)]}" for (b, s, split), v in scores.items()
            if (b, s) in THRESHOLDS and v < THRESHOLDS[(b, s)]]


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m router_svc.eval evalsets")
    parser.add_argument("--split", choices=("dev", "test", "both"), default="dev")
    parser.add_argument("--business", default=",".join(BUSINESSES))
    parser.add_argument("--errors", action="store_true", help="print every miss (dev only: never tune on test)")
    args = parser.parse_args(argv)
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    businesses = [b for b in args.business.split(",") if b]
    for b in businesses:
        if b not in BUSINESSES:
            parser.error(f"unknown business {b!r}; known: {', '.join(BUSINESSES)}")
    scores = evaluate(businesses, splits, show_errors=args.errors)
    print("\nsummary (accuracy, as a REST client sees the turn):")
    for (business, kind, split), value in scores.items():
        threshold = THRESHOLDS.get((business, kind))
        print(f"  {business:<11} {kind:<14} {split:<5} {value:.3f}" + (f"  (threshold {threshold})" if threshold else ""))
    failed = below_thresholds(scores)
    for line in failed:
        print("BELOW THRESHOLD:", line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
