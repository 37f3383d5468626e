"""Ordinary questions the input chain refuses: every question of the answer sets
(knowledge_svc.eval.answers), run through the input chain as router_svc runs it (with the
encoder, stop at the first block), counted by side. An input guardrail that refuses a
customer's question loses its answer whatever the engine knows, and through REST such a
refusal looks like a wrong answer.

Only rows a session may read are printed (dev splits, probe halves a of the tuning KBs); the
rest (test splits, probe halves b, the KBs nobody tunes for: Carnaúba, Sabiá half b) are
counted, never shown.

    PYTHONPATH=.:gen/python .venv/bin/python tools/answer_refusals.py
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

# KBs whose every row is a blind check, whatever its half.
UNREAD_KBS = frozenset({"carnauba"})


@dataclass(frozen=True)
class Row:
    kb: str
    split: str
    half: str
    id: str
    text: str

    @property
    def side(self) -> str:
        return f"{self.kb} {self.split}" + (f" half {self.half}" if self.split == "probe" and self.half else "")

    @property
    def readable(self) -> bool:
        """Whether a session may read the row: a dev row, or a tuning half's row of a KB that is tuned."""
        if self.kb in UNREAD_KBS:
            return False
        return self.split == "dev" or (self.split == "probe" and self.half == "a")


def count(rows: Iterable[Row], refuses: Callable[[str], tuple[bool, list[str]]]) -> tuple[Counter[str], Counter[str],
                                                                                          list[str]]:
    """(questions by side, refused by side, the lines that show the readable refusals)."""
    asked: Counter[str] = Counter()
    refused: Counter[str] = Counter()
    shown: list[str] = []
    for row in rows:
        asked[row.side] += 1
        blocked, why = refuses(row.text)
        if not blocked:
            continue
        refused[row.side] += 1
        if row.readable:
            shown.append(f"  {row.side} {row.id} {', '.join(why)}: {row.text!r}")
    return asked, refused, shown


def report(asked: Counter[str], refused: Counter[str], shown: Sequence[str]) -> list[str]:
    total_asked, total_refused = sum(asked.values()), sum(refused.values())
    lines = [f"{side}: refused {refused[side]} of {asked[side]}" for side in sorted(asked)]
    lines.append(f"all: refused {total_refused} of {total_asked}")
    if shown:
        lines.append("readable refusals:")
        lines.extend(shown)
    return lines


def rows() -> list[Row]:
    from knowledge_svc.eval.answers import KBS, PROBE_KBS, questions_for

    return [Row(kb, q.split, q.half, q.id, q.text)
            for kb in [*KBS, *PROBE_KBS] for q in questions_for(kb, ("dev", "test", "probe"))]


def main() -> int:
    from atende_guardrails.config import load_guardrails
    from atende_guardrails.encoder import UsemEncoder
    from atende_guardrails.eval.blind_eval import refuses

    encoder = UsemEncoder()
    encoder.load()
    chain = load_guardrails(encoder=encoder).input
    try:
        print("\n".join(report(*count(rows(), lambda text: refuses(chain, text)))))
    finally:
        encoder.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
