"""Where the local engine's answers are lost, per knowledge base and split, in counts only.

For each answerable question: do the units the answer would quote hold one of its facts (else
the sentence selection lost it: where the first unit holding it ranked), and if they do, did an
abstention rule withhold them (which: agent_svc/evidence.py ABSTENTION_RULES). For each question
the KB cannot answer: did the engine abstain, and by which rule. The questions are those of
`knowledge_svc.eval.answers`, answered the same way (the product agent, the local engine); no
row is ever printed, so a blind test split or a KB nobody tunes for can be measured without
being read.

    PYTHONPATH=.:gen/python .venv/bin/python tools/answer_losses.py --kb carnauba --split probe
    PYTHONPATH=.:gen/python .venv/bin/python tools/answer_losses.py --kb mandacaru --split probe --half b
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from agent_svc.evidence import Selection, Selector
from atende_guardrails.text import fold

TOP = (1, 3, 5)


@dataclass(frozen=True)
class Decision:
    """The engine's last answer decision on one question."""

    quoted: tuple[str, ...]  # the units it would quote (before any rule withholds them)
    ranked: tuple[str, ...]  # every unit, best first
    withheld_by: tuple[str, ...]  # the abstention rules tripped ([] when it answered)


@dataclass
class Losses:
    answerable: int = 0
    fact_quoted: int = 0
    answered_with_fact: int = 0
    withheld: Counter[str] = field(default_factory=Counter)
    fact_rank: Counter[int] = field(default_factory=Counter)  # the rank of the first unit holding a fact; 0: none
    unanswerable: int = 0
    abstained: Counter[str] = field(default_factory=Counter)  # by rule
    answered_anyway: int = 0

    def add(self, facts: Sequence[str], answerable: bool, decision: Decision | None) -> None:
        if not answerable:
            self.unanswerable += 1
            if decision is None or decision.withheld_by:
                self.abstained.update(decision.withheld_by if decision else ("no decision",))
            else:
                self.answered_anyway += 1
            return
        self.answerable += 1
        if decision is None:
            self.fact_rank[0] += 1
            return
        folded = [fold(fact) for fact in facts]

        def holds(text: str) -> bool:
            return any(fact in fold(text) for fact in folded)

        self.fact_rank[next((i for i, text in enumerate(decision.ranked, 1) if holds(text)), 0)] += 1
        if any(holds(text) for text in decision.quoted):
            self.fact_quoted += 1
            if decision.withheld_by:
                self.withheld.update(decision.withheld_by)
            else:
                self.answered_with_fact += 1

    def lines(self, title: str) -> list[str]:
        def share(n: int, of: int) -> str:
            return f"{n} ({n / of:.3f})" if of else str(n)

        def rules(counts: Counter[str]) -> str:
            return ", ".join(f"{rule} {n}" for rule, n in counts.most_common()) or "-"

        found = [sum(n for rank, n in self.fact_rank.items() if 0 < rank <= k) for k in TOP]
        return [
            f"{title}: {self.answerable} answerable, {self.unanswerable} unanswerable",
            f"  answerable: fact in the quoted units {share(self.fact_quoted, self.answerable)}; "
            f"answered with it {share(self.answered_with_fact, self.answerable)}; "
            f"withheld {self.fact_quoted - self.answered_with_fact}, by rule (one question may trip several): "
            f"{rules(self.withheld)}",
            "  the first unit holding a fact: " + ", ".join(f"top {k} {n}" for k, n in zip(TOP, found, strict=True))
            + f", in no unit {self.fact_rank[0]}",
            f"  unanswerable: abstained {self.unanswerable - self.answered_anyway}, answered "
            f"{self.answered_anyway}; abstained by rule: {rules(self.abstained)}",
        ]


@contextmanager
def recording() -> Iterator[list[Decision]]:
    """Records each `Selector.answer` decision (the engine's last one per question is the
    one that answered it), with the rules `withheld_by` names."""
    decisions: list[Decision] = []
    original = Selector.answer

    def answer(self: Selector, selection: Selection, floor: float | None = None) -> list[Any]:
        decisions.append(Decision(tuple(item.unit.text for item in self.quoted(selection)),
                                  tuple(item.unit.text for item in selection.ranked),
                                  tuple(self.withheld_by(selection, floor))))
        return original(self, selection, floor)

    Selector.answer = answer  # type: ignore[method-assign]
    try:
        yield decisions
    finally:
        Selector.answer = original  # type: ignore[method-assign]


async def measure(kb: str, splits: Sequence[str], half: str = "") -> dict[str, Losses]:
    """The losses of each split (each half of a probe split when `half` is not given)."""
    from agent_svc.domain import TurnInput
    from atende_guardrails.encoder import UsemEncoder
    from knowledge_svc.eval import answers

    encoder = UsemEncoder()
    await encoder.start()
    results: dict[str, Losses] = {}
    try:
        async with answers.local_runtime(kb, encoder) as runtime:
            for question in answers.questions_for(kb, splits, half):
                with recording() as decisions:
                    await runtime.reply(TurnInput("product", f"losses-{question.id}", "eval", question.text, "web", ""))
                key = question.split + (f" half {question.half}" if question.split == "probe" else "")
                results.setdefault(key, Losses()).add(question.facts, question.answerable,
                                                      decisions[-1] if decisions else None)
    finally:
        encoder.close()
    return results


def main(argv: Sequence[str] | None = None) -> int:
    from knowledge_svc.eval.answers import KBS, PROBE_KBS

    parser = argparse.ArgumentParser(prog="tools/answer_losses.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb", choices=[*KBS, *PROBE_KBS], required=True)
    parser.add_argument("--split", choices=["dev", "test", "probe"], default="dev")
    parser.add_argument("--half", choices=["a", "b"], default="")
    args = parser.parse_args(argv)
    for split, losses in sorted(asyncio.run(measure(args.kb, (args.split,), args.half)).items()):
        print("\n".join(losses.lines(f"{args.kb} {split}")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
