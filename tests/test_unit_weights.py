"""tools/unit_weights.py learns the local engine's unit weights from which units hold a question's key fact."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("unit_weights", ROOT / "tools" / "unit_weights.py")
assert _spec is not None and _spec.loader is not None
unit_weights = importlib.util.module_from_spec(_spec)
sys.modules["unit_weights"] = unit_weights  # its dataclass looks its module up
_spec.loader.exec_module(unit_weights)


def _questions(count: int, seed: int) -> list:  # type: ignore[type-arg]
    """Questions whose fact-holding unit is the one with the most word overlap, not the closest cosine."""
    rng = np.random.default_rng(seed)
    keys = unit_weights.KEYS
    rows = []
    for _ in range(count):
        signals = rng.uniform(0.0, 1.0, size=(6, len(keys)))
        fact = int(np.argmax(signals[:, keys.index("overlap")]))
        signals[fact, keys.index("cosine")] = min(signals[:, keys.index("cosine")].min(), 0.2)
        holds = np.zeros(6, dtype=bool)
        holds[fact] = True
        rows.append(unit_weights.Ranked("kb", "a", signals, holds, True))
    return rows


def test_the_fit_moves_weight_to_the_signal_that_finds_the_facts() -> None:
    start = unit_weights._signed({"cosine": 0.5, "window": 0.5, "number": 0.0, "overlap": 0.1, "code": 0.3,
                                  "code_missing": 0.2, "cue": 0.3, "rank": 0.1, "cover": 0.4})
    learnt = unit_weights.fit(_questions(60, 1), start, steps=200)
    keys = unit_weights.KEYS
    assert learnt[keys.index("overlap")] > start[keys.index("overlap")] + 0.1
    assert learnt[keys.index("cosine")] < start[keys.index("cosine")]
    unseen = _questions(40, 2)
    assert _first_units(unit_weights.found(unseen, start)) < 10
    assert _first_units(unit_weights.found(unseen, learnt)) > 30


def _first_units(printed: str) -> int:
    """"first unit 12/40 (0.300), ..." -> 12"""
    return int(printed.split()[2].split("/")[0])


def test_a_question_without_units_or_answer_is_not_counted() -> None:
    empty = unit_weights.Ranked("kb", "b", np.zeros((0, len(unit_weights.KEYS))), np.zeros(0, dtype=bool), True)
    unanswerable = _questions(1, 3)[0]
    unanswerable = unit_weights.Ranked("kb", "b", unanswerable.signals, unanswerable.holds, False)
    assert unit_weights.found([empty, unanswerable], np.ones(len(unit_weights.KEYS))).startswith("first unit 0/0")
