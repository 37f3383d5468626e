"""The local engine's answer selection with the real sentence encoder: it quotes the
sentence that holds what the question asks about, across languages, and says it
does not know (quoting nothing) when the passages name the product but not the
detail asked. The passages are an invented dehumidifier maker's, not an eval set's."""

from __future__ import annotations

import dataclasses

from agent_svc.domain import Passage
from agent_svc.evidence import Selector, by_rarity
from agent_svc.llm.base import Guidance
from agent_svc.llm.local import LocalEngine
from agent_svc.prompts import from_mapping
from atende_guardrails.encoder import UsemEncoder

PASSAGES = [
    Passage("dh-200", "DH-200 dehumidifier", "dh-200.md",
            "The DH-200 is a compact dehumidifier for bedrooms and small offices. "
            "It removes up to 12 litres of moisture a day. "
            "Its water tank holds 2.5 litres and it stops by itself when the tank is full. "
            "The DH-200 costs R$ 1.290 and comes with a two-year warranty.", 0.62),
    Passage("entrega", "Entrega e frete", "entrega.md",
            "Enviamos para todo o Brasil. O frete é grátis nas compras acima de R$ 800. "
            "A entrega nas capitais leva de 3 a 5 dias úteis.", 0.31),
]


def quoted(selector: Selector, question: str) -> str:
    return " ".join(item.unit.text for item in selector.answer(selector.rank(question, PASSAGES)))


def test_the_sentence_that_holds_the_detail_is_quoted(selector: Selector) -> None:
    assert "2.5 litres" in quoted(selector, "What is the capacity of the DH-200's water tank?")
    assert "R$ 1.290" in quoted(selector, "How much does the DH-200 cost?")


def test_a_portuguese_question_is_answered_from_the_english_passage(selector: Selector) -> None:
    assert "2.5 litres" in quoted(selector, "qual a capacidade do tanque de agua do DH-200?")
    assert "two-year warranty" in quoted(selector, "o DH-200 tem garantia de quanto tempo?")


def test_a_detail_the_passages_do_not_hold_is_not_answered(selector: Selector) -> None:
    # The product is there; its noise level, its colour and its energy use are not.
    for question in ("How loud is the DH-200 in decibels?", "qual a cor do DH-200?",
                     "quantos watts o DH-200 consome?"):
        selection = selector.rank(question, PASSAGES)
        assert selector.answer(selection) == [], (question, selection.ranked[0].unit.text)
        assert selection.gap(selection.ranked[:1]) >= selector.max_gap


def test_an_unknown_code_is_not_answered(selector: Selector) -> None:
    assert quoted(selector, "How much does the DH-900 cost?") == ""


def test_withheld_by_names_the_rules_exactly_when_nothing_is_quoted(selector: Selector) -> None:
    # tools/answer_losses.py counts answers lost by rule: the names must agree with `answer`.
    questions = ("What is the capacity of the DH-200's water tank?", "How much does the DH-200 cost?",
                 "o DH-200 tem garantia de quanto tempo?", "How loud is the DH-200 in decibels?",
                 "qual a cor do DH-200?", "How much does the DH-900 cost?", "vocês entregam em Manaus?")
    for question in questions:
        selection = selector.rank(question, PASSAGES)
        assert (selector.withheld_by(selection) == []) == bool(selector.answer(selection)), question
    assert selector.withheld_by(selector.rank("How loud is the DH-200 in decibels?", PASSAGES)) == ["gap"]
    assert "unknown_code" in selector.withheld_by(selector.rank("How much does the DH-900 cost?", PASSAGES))


def test_the_engine_says_it_does_not_know_and_offers_a_person(encoder: UsemEncoder) -> None:
    book = from_mapping("product", {
        "en": {"no_answer": "I could not find that detail in our catalogue.", "based_on": "According to our catalogue"},
    })
    guidance = Guidance(language="en", playbook=book, agent_kind="product", passages=tuple(PASSAGES))
    engine = LocalEngine(Selector(encoder))
    unknown = engine.compose(guidance, "How loud is the DH-200 in decibels?", list(PASSAGES))
    assert unknown.startswith("I could not find that detail in our catalogue.")
    assert "person" in unknown and "DH-200" not in unknown
    # "A or B?" reads as a comparison (one passage for each side when both score
    # well); what it asks is not in the passages either.
    both = [PASSAGES[0], dataclasses.replace(PASSAGES[1], score=0.5)]
    either = engine.compose(guidance, "Is the DH-200 white or black?", both)
    assert either.startswith("I could not find that detail in our catalogue."), either
    known = engine.compose(guidance, "How much does the DH-200 cost?", list(PASSAGES))
    assert "R$ 1.290" in known and "DH-200 dehumidifier" in known


def test_without_the_encoder_the_words_still_choose(selector: Selector) -> None:
    lexical = Selector(None)
    chosen = lexical.answer(lexical.rank("How much does the DH-200 cost?", PASSAGES), 0.15)
    assert chosen and "R$ 1.290" in chosen[0].unit.text


def test_a_word_every_retrieved_passage_holds_weighs_little_in_coverage() -> None:
    # Three passages (two units each); term 0 is in every passage (the business's own
    # domain word), term 1 in one, term 2 in none.
    held = [frozenset({0}), frozenset({0, 1}), frozenset({0}), frozenset(), frozenset({0}), frozenset()]
    shares = by_rarity([1 / 3, 1 / 3, 1 / 3], held, [0, 0, 1, 1, 2, 2])
    assert abs(sum(shares) - 1.0) < 1e-9
    assert shares[0] < shares[1] < shares[2]
    assert shares[0] > 0  # still counts a little
    # One passage: nothing to compare against, the shares stay.
    assert by_rarity([0.5, 0.5], [frozenset({0})], [0]) == [0.5, 0.5]


def test_the_question_frame_is_not_what_must_be_covered(selector: Selector) -> None:
    # "posso" / "significa" are in no passage; they must not make the engine give up.
    assert "R$ 1.290" in quoted(selector, "Posso saber quanto custa o DH-200?")


KITS = [Passage("kits", "Kits prontos", "kits.md",
                "Kit | Código | Geração média\nCurió | KC-2 | ~250 kWh/mês\nBem-te-vi | KB-4 | ~510 kWh/mês\n"
                "Canário | KN-6 | ~780 kWh/mês", 0.6)]


def test_a_third_row_that_reads_as_close_is_quoted_too(selector: Selector) -> None:
    # Up to three units are quoted; with two, the third kit's figure was cut from the reply.
    selection = selector.rank("quanto gera por mês cada kit: Curió, Bem-te-vi e Canário?", KITS)
    reply = " ".join(item.unit.text for item in selector.answer(selection))
    assert all(figure in reply for figure in ("~250", "~510", "~780")), reply


def test_the_abstention_rules_judge_the_first_two_units_only(selector: Selector) -> None:
    # What they were calibrated on: a third unit quoted for its detail never turns a withheld answer
    # into one given.
    selection = selector.rank("quanto gera por mês cada kit: Curió, Bem-te-vi e Canário?", KITS)
    quoted_units = selector.quoted(selection)
    assert len(quoted_units) == 3
    first_two = dataclasses.replace(selection, ranked=selection.ranked[:2])
    assert selector.withheld_by(selection) == selector.withheld_by(first_two)


def test_a_record_after_a_drawn_line_is_a_unit() -> None:
    # Plain-text documents draw a line between records; a chunk that starts with one is not mid-sentence.
    from agent_svc.evidence import units

    texts = [unit.text for unit in units("------------------------------ CURITIBA (PR) Endereço: Rua das Flores, 90\n"
                                         "Telefone: (41) 3030-1234\n==========\nHorário: segunda a sexta, das 8h às 18h")]
    assert texts[0].startswith("CURITIBA (PR) Endereço: Rua das Flores, 90"), texts
    assert any("(41) 3030-1234" in text for text in texts)
    assert not any(text.startswith(("-", "=")) for text in texts)
