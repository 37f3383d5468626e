"""Learns the local engine's unit weights (agent_svc/evidence.py WEIGHTS) from the probe KBs' questions.

    PYTHONPATH=.:gen/python .venv/bin/python tools/unit_weights.py [--step 0.5] [--fresh jabuticaba]

Every question of every probe KB and the dev splits of the two blind KBs is answered as `knowledge_svc.eval.answers`
answers it (the product agent, the local engine); the signals of each unit the engine read for its last ranking are
kept, with whether the unit holds one of the question's key facts. The fit is listwise: over the answerable questions
of halves a and the dev splits, the probability a softmax of the units' scores gives the units holding a fact, with a
pull towards the current weights. The result is scaled so the median best score of those questions is unchanged (the
answer floor and the abstention rules read that scale) and applied by `--step` of the way from the current weights.
Printed: the weights, and on halves b and the `--fresh` KBs (never fitted on) how often the first unit and one of the
first three hold a fact, for the current weights and the new ones. No question or unit is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from agent_svc import evidence
from agent_svc.evidence import Selector, Unit
from atende_guardrails.text import fold

# The signals a ranking computes for every unit ("passage" is computed only when it weighs, so it is not learnt).
KEYS = ("cosine", "window", "number", "overlap", "code", "code_missing", "cue", "rank", "cover")
TEMPERATURE = 10.0


@dataclass(frozen=True)
class Ranked:
    """One question's units as the engine read them: their signals and whether each holds a fact."""

    kb: str
    part: str  # "dev", "a" or "b"
    signals: NDArray[np.float64]
    holds: NDArray[np.bool_]
    answerable: bool


def _signed(weights: dict[str, float]) -> NDArray[np.float64]:
    # `score` subtracts code_missing; here every weight adds.
    return np.array([-weights[k] if k == "code_missing" else weights[k] for k in KEYS])


async def collect(kbs: Sequence[tuple[str, str]]) -> list[Ranked]:
    """Each question's last ranking of (kb, split)."""
    from agent_svc.domain import TurnInput
    from atende_guardrails.encoder import UsemEncoder
    from knowledge_svc.eval import answers

    encoder = UsemEncoder(cache_size=50_000)
    await encoder.start()
    last: list[list[tuple[Unit, dict[str, float]]]] = []
    original = Selector._analyse

    def analyse(self: Selector, question: str, passages: Sequence[evidence.Passage],
                reading: evidence._Reading | None = None) -> tuple:  # type: ignore[type-arg]
        found = original(self, question, passages, reading)
        last.append(found[0])
        return found

    Selector._analyse = analyse  # type: ignore[assignment,method-assign]
    rows: list[Ranked] = []
    try:
        for kb, split in kbs:
            async with answers.local_runtime(kb, encoder) as runtime:
                for question in answers.questions_for(kb, (split,), ""):
                    last.clear()
                    await runtime.reply(TurnInput("product", f"weights-{question.id}", "eval", question.text, "web", ""))
                    units = last[-1] if last else []
                    facts = [fold(f) for f in question.facts]
                    rows.append(Ranked(
                        kb, question.half if split == "probe" else split,
                        np.array([[values[k] for k in KEYS] for _, values in units], dtype=np.float64),
                        np.array([any(f in fold(unit.text) for f in facts) for unit, _ in units], dtype=bool),
                        question.answerable))
    finally:
        Selector._analyse = original  # type: ignore[method-assign]
        encoder.close()
    return rows


def fit(rows: Sequence[Ranked], start: NDArray[np.float64], pull: float = 0.1, steps: int = 600,
        rate: float = 0.05) -> NDArray[np.float64]:
    """Adam on the listwise loss (minus the log of the softmax mass of the fact-holding units), pulled to `start`."""
    usable = [(r.signals, r.holds) for r in rows if r.answerable and r.holds.any()]
    weights, first, second = start.copy(), np.zeros_like(start), np.zeros_like(start)
    for step in range(1, steps + 1):
        gradient = np.zeros_like(weights)
        for signals, holds in usable:
            logits = signals @ weights * TEMPERATURE
            shares = np.exp(logits - logits.max())
            shares /= shares.sum()
            target = np.where(holds, shares / shares[holds].sum(), 0.0)
            gradient += TEMPERATURE * (signals.T @ (shares - target))
        gradient = gradient / len(usable) + pull * (weights - start)
        first = 0.9 * first + 0.1 * gradient
        second = 0.999 * second + 0.001 * gradient * gradient
        weights -= rate * (first / (1 - 0.9**step)) / (np.sqrt(second / (1 - 0.999**step)) + 1e-8)
    return weights


def best_scores(rows: Sequence[Ranked], weights: NDArray[np.float64]) -> NDArray[np.float64]:
    return np.array([float((r.signals @ weights).max()) for r in rows if r.signals.size])


def found(rows: Sequence[Ranked], weights: NDArray[np.float64]) -> str:
    first = three = total = 0
    for r in rows:
        if not r.answerable or not r.signals.size:
            continue
        order = np.argsort(-(r.signals @ weights), kind="stable")
        total += 1
        first += bool(r.holds[order[0]])
        three += bool(r.holds[order[:3]].any())
    return f"first unit {first}/{total} ({first / max(total, 1):.3f}), first three {three}/{total} ({three / max(total, 1):.3f})"


def main(argv: Sequence[str]) -> int:
    from knowledge_svc.eval.answers import PROBE_KBS

    parser = argparse.ArgumentParser(prog="tools/unit_weights.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--step", type=float, default=0.5, help="how far to move from the current weights (0-1)")
    parser.add_argument("--fresh", default="jabuticaba", help="probe KBs left out of the fit, comma-separated")
    args = parser.parse_args(argv)
    fresh = {k for k in args.fresh.split(",") if k}
    kbs = [(kb, "probe") for kb in PROBE_KBS] + [("solar", "dev"), ("vetorfibra", "dev")]
    rows = asyncio.run(collect(kbs))
    fitted_on = [r for r in rows if r.kb not in fresh and r.part in ("a", "dev")]
    current = _signed(evidence.WEIGHTS)
    learnt = fit(fitted_on, current)
    learnt *= float(np.median(best_scores(fitted_on, current)) / np.median(best_scores(fitted_on, learnt)))
    new = current + args.step * (learnt - current)
    print("WEIGHTS:", {k: round(float(abs(w) if k == "code_missing" else w), 3) for k, w in zip(KEYS, new, strict=True)})
    for title, part in (("fitted on (halves a, dev)", fitted_on),
                        ("halves b", [r for r in rows if r.kb not in fresh and r.part == "b"]),
                        (f"fresh ({', '.join(sorted(fresh))})", [r for r in rows if r.kb in fresh])):
        print(f"{title}: current {found(part, current)}; new {found(part, new)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
