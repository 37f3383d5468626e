"""tools/answer_losses.py: where answers are lost, counted without printing a row."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from answer_losses import Decision, Losses


def test_each_question_counts_where_its_answer_was_lost() -> None:
    losses = Losses()
    ranked = ("O kit custa R$ 13.490.", "A garantia é de 10 anos.", "Entregamos em 5 dias.")
    # answered with the fact
    losses.add(("13.490",), True, Decision(ranked[:1], ranked, ()))
    # the fact was quoted, a rule withheld it
    losses.add(("10 anos",), True, Decision(ranked[1:2], ranked, ("gap", "name")))
    # the fact was in the third unit, not among the quoted ones
    losses.add(("5 dias",), True, Decision(ranked[:2], ranked, ()))
    # no unit holds the fact
    losses.add(("R$ 99",), True, Decision(ranked[:1], ranked, ()))
    # the KB cannot answer: one abstention, one answer
    losses.add((), False, Decision(ranked[:1], ranked, ("absent_word",)))
    losses.add((), False, Decision(ranked[:1], ranked, ()))
    assert (losses.answerable, losses.fact_quoted, losses.answered_with_fact) == (4, 2, 1)
    assert losses.withheld == {"gap": 1, "name": 1}
    assert losses.fact_rank == {1: 1, 2: 1, 3: 1, 0: 1}
    assert (losses.unanswerable, losses.answered_anyway, losses.abstained) == (2, 1, {"absent_word": 1})
    text = "\n".join(losses.lines("kb dev"))
    assert "fact in the quoted units 2 (0.500)" in text and "top 1 1, top 3 3, top 5 3, in no unit 1" in text
    assert "kit custa" not in text  # counts only, never a row
