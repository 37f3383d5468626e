"""tools/ordinary_refusals.py reads every customer message of the routing and KB probes: single messages,
conversation turns and KB questions, each once."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("ordinary_refusals", ROOT / "tools" / "ordinary_refusals.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_kind_of_probe_message_is_read_once() -> None:
    texts = _tool().probe_messages()
    conversation = json.loads(next(line for line in (ROOT / "evals/probes/routing_probe_qroute24.jsonl")
                                   .read_text(encoding="utf-8").splitlines() if '"conversation"' in line))
    question = json.loads((ROOT / "evals/probes/tangara_questions.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert all(turn["text"] in texts for turn in conversation["turns"])
    assert question["question"] in texts
    assert len(texts) > 8000 and len(set(texts)) == len(texts)
