"""Writes router_svc/rules/examples_customers.toml: the solar routing probes' customer messages of halves a, as more
examples of the default business's intents (examples.toml includes it).

    python -m tools.customer_examples [--leave-out qroute37,qroute38] [--out PATH] [--check]

Which messages: every single message and every conversation's opening turn of half a of the solar routing probes
(evals/probes/routing_probe_q*.jsonl, the other businesses' probes left out). A later turn is left out: its label
depends on the turns before it, which an example does not carry. Left out too, compared folded (case, accents,
spacing): any text of a probe's half b, of the blind sets (evals/solar, evals/vetorfibra, router_svc/eval's TSVs), and
of the hand-written examples. Each message joins the intent of its label (agent, small talk, out of scope, unclear)
whose hand-written example is nearest in the encoder's space. --leave-out drops whole probes (to measure them fresh);
--check exits non-zero when the file differs from what this would write.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from atende_guardrails.encoder import UsemEncoder
from atende_guardrails.text import fold as text_fold
from atende_runtime.main import limit_blas_threads

ROOT = Path(__file__).resolve().parents[1]
PROBES = ROOT / "evals" / "probes"
EXAMPLES = ROOT / "router_svc" / "rules" / "examples.toml"
OUT = ROOT / "router_svc" / "rules" / "examples_customers.toml"
OTHER_BUSINESSES = ("pulsofit", "vetorfibra", "sorrisovivo")
# A probe label -> the `kind` (or agent) of the intents it may join.
LABEL_GROUP = {"sales": "sales", "support": "support", "product": "product", "small_talk": "small_talk",
               "out_of_scope": "out_of_scope", "clarify": "unclear"}
HEADER = """\
# More examples of examples.toml's intents: customers' messages of the solar routing probes' halves a, written blind
# by people who never saw the router (evals/probes/README.md). Generated: do not edit; run
# `python -m tools.customer_examples`, which says which messages are taken and which are left out.
"""


def fold(text: str) -> str:
    """atende_guardrails.text.fold with the spacing collapsed: the key two texts are compared by."""
    return " ".join(text_fold(text).split())


def solar_probes() -> list[Path]:
    return [p for p in sorted(PROBES.glob("routing_probe_q*.jsonl")) if not any(b in p.name for b in OTHER_BUSINESSES)]


def _rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _texts_of(row: dict[str, object]) -> Iterable[str]:
    if row.get("kind") == "conversation":
        yield from (str(turn["text"]) for turn in row["turns"])  # type: ignore[attr-defined]
    else:
        yield str(row.get("text", ""))


def held_out_texts() -> set[str]:
    """Folded texts no example may be: halves b and the blind sets."""
    held: set[str] = set()
    for path in PROBES.glob("*.jsonl"):
        for row in _rows(path):
            if row.get("half", "a") != "a" or "half" not in row:
                held.update(fold(t) for t in _texts_of(row))
    for folder in ("solar", "vetorfibra"):
        for path in (ROOT / "evals" / folder).glob("*.jsonl"):
            for row in _rows(path):
                held.update(fold(t) for t in _texts_of(row))
                held.add(fold(str(row.get("question", ""))))
    for path in (ROOT / "router_svc" / "eval").glob("*.tsv"):
        held.update(fold(line.split("\t")[-1]) for line in path.read_text(encoding="utf-8").splitlines()
                    if line.strip() and not line.startswith("#"))
    return held


def candidates(leave_out: Sequence[str]) -> list[tuple[str, str]]:
    """(label, text) of half a of every solar probe not left out, in file order."""
    found: list[tuple[str, str]] = []
    for path in solar_probes():
        if path.stem.removeprefix("routing_probe_") in leave_out:
            continue
        for row in _rows(path):
            if row.get("half") != "a" or row.get("business", "solar") != "solar":
                continue
            if row.get("kind") == "conversation":
                first = row["turns"][0]  # type: ignore[index]
                found.append((str(first["agent"]), str(first["text"])))
            else:
                found.append((str(row["agent"]), str(row["text"])))
    return found


def assign(encoder: UsemEncoder, leave_out: Sequence[str]) -> dict[str, list[str]]:
    """Intent -> the new examples it gets."""
    data = tomllib.loads(EXAMPLES.read_text(encoding="utf-8"))
    own: list[tuple[str, str]] = []
    group_of: dict[str, str] = {}
    for name, spec in data["intents"].items():
        group_of[name] = str(spec.get("agent") or spec.get("kind") or "out_of_scope")
        own.extend((name, str(text)) for text in spec.get("examples", []))
    skip = held_out_texts() | {fold(text) for _, text in own}
    chosen: list[tuple[str, str]] = []
    for label, text in candidates(leave_out):
        key = fold(text)
        if key and key not in skip:
            skip.add(key)
            chosen.append((label, text))
    own_matrix = np.asarray(encoder.encode([text for _, text in own]))
    new_matrix = np.asarray(encoder.encode([text for _, text in chosen]))
    by_intent: dict[str, list[str]] = {name: [] for name in data["intents"]}
    for (label, text), vector in zip(chosen, new_matrix, strict=True):
        allowed = np.array([group_of[name] == LABEL_GROUP[label] for name, _ in own])
        nearest = int(np.argmax(np.where(allowed, own_matrix @ vector, -np.inf)))
        by_intent[own[nearest][0]].append(text)
    return by_intent


def render(by_intent: dict[str, list[str]]) -> str:
    parts = [HEADER]
    for name, texts in by_intent.items():
        if not texts:
            continue
        parts.append(f"\n[intents.{name}]\nexamples = [\n")
        parts.extend(f"  {json.dumps(text, ensure_ascii=False)},\n" for text in texts)
        parts.append("]\n")
    return "".join(parts)


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.customer_examples")
    parser.add_argument("--leave-out", default="", help="probes to leave out, e.g. qroute37,qroute38")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    limit_blas_threads()
    encoder = UsemEncoder(cache_size=0)
    encoder.load()
    try:
        text = render(assign(encoder, [p for p in args.leave_out.split(",") if p]))
    finally:
        encoder.close()
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'up to date' if same else 'differs from the probes; run python -m tools.customer_examples'}")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {text.count(chr(10) + '  ')} examples")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
