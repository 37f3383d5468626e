"""The selector's caches change nothing a customer sees: the same units are chosen,
with the same scores, whether the vectors come from the encoder or from the
selector's table, and whether the ranking ran on the event loop or in a thread. The
output gate likewise releases the same text inline as on a worker thread, also when
the grounding check must ask the encoder halfway through. Invented passages."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from agent_svc.agents.reply_gate import ReplyGate, guard_context
from agent_svc.domain import Passage
from agent_svc.evidence import Selection, Selector
from agent_svc.prompts import from_mapping
from agent_svc.vectors import VectorTable
from atende_guardrails.config import load_guardrails
from atende_guardrails.encoder import NotCached, UsemEncoder, Vectors, cached_only

PASSAGES = [
    Passage("k-10", "K-10 kettle", "k-10.md",
            "The K-10 is an electric kettle with a 1.7 litre jug. It boils a full jug in four minutes. "
            "It switches itself off when the water boils or the jug is empty. "
            "The K-10 costs R$ 249 and has a one-year warranty.", 0.58),
    Passage("troca", "Trocas e devoluções", "troca.md",
            "Você pode trocar um produto em até 30 dias após o recebimento. "
            "A devolução é gratuita pelos Correios; o reembolso sai em até 10 dias úteis.", 0.41),
    Passage("k-20", "K-20 kettle", "k-20.md",
            "| Model | Jug | Power |\n|---|---|---|\n| K-20 | 1.2 litres | 2200 W |\n| K-20 Max | 2 litres | 2400 W |",
            0.35),
]
QUESTIONS = [
    "How long does the K-10 take to boil?",
    "quanto custa a chaleira K-10?",
    "em quantos dias sai o reembolso?",
    "What is the power of the K-20 Max?",
    "qual a cor da K-10?",
]


def outcome(selection: Selection) -> tuple[object, ...]:
    return (tuple((s.unit, s.score, s.covered) for s in selection.ranked), selection.passage_order,
            selection.names_unknown, selection.shares)


class Uncached:
    """The encoder, asked every time (what the selector did before its table)."""

    def __init__(self, encoder: UsemEncoder) -> None:
        self.encoder = encoder

    def encode(self, texts: Sequence[str]) -> Vectors:
        return self.encoder.encode(texts)


def test_the_selection_is_the_same_with_and_without_the_cache(encoder: UsemEncoder) -> None:
    cached = Selector(encoder)
    plain = Selector(encoder)
    plain.vectors = VectorTable(Uncached(encoder), rows=16)  # a tiny table: rows evicted all the time
    for question in QUESTIONS:
        first = cached.rank(question, PASSAGES)
        again = cached.rank_now(question, PASSAGES)  # every vector now in the table: on the event loop
        assert again is not None
        reference = plain.rank(question, PASSAGES)
        assert outcome(first) == outcome(again) == outcome(reference), question
        assert [s.unit.text for s in cached.answer(again)] == [s.unit.text for s in plain.answer(reference)]


def test_a_new_question_is_ranked_in_a_thread_not_on_the_event_loop() -> None:
    fresh = UsemEncoder()  # an empty cache: the model would have to run
    try:
        selector = Selector(fresh)
        assert selector.rank_now("Does the K-10 switch itself off?", PASSAGES) is None
        ranked = selector.rank("Does the K-10 switch itself off?", PASSAGES)
        inline = selector.rank_now("Does the K-10 switch itself off?", PASSAGES)
        assert inline is not None and outcome(inline) == outcome(ranked)
        with cached_only(), pytest.raises(NotCached):
            fresh.encode(["a sentence nobody encoded yet"])
    finally:
        fresh.close()


class Counting:
    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.calls += 1
        out = np.zeros((len(texts), 4), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row, len(text) % 4] = 1.0
        return out


def test_the_vector_table_keeps_the_most_recent_rows_within_its_bound() -> None:
    counting = Counting()
    table = VectorTable(counting, rows=16)
    words = [f"word{i:03d}" for i in range(40)]
    for start in range(0, 40, 8):
        assert table.encode(words[start : start + 8]).shape == (8, 4)
    assert len(table) == 16 and counting.calls == 5
    assert table.encode(words[-8:]).tolist() == counting.encode(words[-8:]).tolist()  # from the table
    assert counting.calls == 6  # (the line above asked the encoder once to compare)
    table.encode(words[:2])  # evicted long ago: the encoder again
    assert counting.calls == 7 and len(table) == 16


async def test_the_gate_releases_the_same_text_inline_and_in_a_thread() -> None:
    fresh = UsemEncoder()  # empty cache: the cross-language grounding must run the model
    try:
        guardrails = load_guardrails(encoder=fresh)
        book = from_mapping("support", {"pt": {"safe_fallback": "Não encontrei isso na nossa documentação."}})
        reply = ("Segundo nossa documentação (K-10 kettle): A K-10 desliga sozinha quando a água ferve. "
                 "Ela custa R$ 249 e tem garantia de um ano.")

        def gate() -> ReplyGate:
            context = guard_context("support", "pt", book, PASSAGES, "quanto custa a chaleira?", [], True)
            return ReplyGate(guardrails, context, book, list(PASSAGES))

        first = gate()
        released = await first.check_all(reply)  # a miss inside: back to the start, then the thread
        assert fresh._cache, "the grounding check did not need the encoder: this test checks nothing"
        reference = gate()
        expected = "".join(reference._check_all(reply))  # the checks as they ran before, in one go
        assert released == expected == first.text
        assert [t.check for t in first.trips()] == [t.check for t in reference.trips()]
        again = gate()
        assert await again.check_all(reply) == expected  # now every vector is cached: inline
    finally:
        fresh.close()
