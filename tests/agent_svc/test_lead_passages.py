"""With more than four passages retrieved (AGENT_KNOWLEDGE_TOP_K=8, or an agent's top_k), the
local engine ranks the first four, the ones the knowledge service ranked best, and reads the
later ones only when one of their sentences reads closer to the question than the first four's
best. It then answers only when the first four would answer on their own ("lead" in
agent_svc/evidence.py ABSTENTION_RULES). A sentence that only a far passage holds is a near
miss as often as an answer: the engine says it does not know instead of quoting it. The
passages are an invented dehumidifier maker's, not an eval set's."""

from __future__ import annotations

import pytest

from agent_svc.domain import Passage
from agent_svc.evidence import Selector
from agent_svc.llm.base import Guidance
from agent_svc.llm.local import LocalEngine
from agent_svc.prompts import from_mapping

TANK = Passage("dh-200", "DH-200 dehumidifier", "dh-200.md",
               "The DH-200 is a compact dehumidifier for bedrooms and small offices. "
               "Its water tank holds 2.5 litres and it stops by itself when the tank is full.", 0.40)
OTHERS = [
    Passage("entrega", "Entrega e frete", "entrega.md",
            "Enviamos para todo o Brasil. O frete é grátis nas compras acima de R$ 800.", 0.62),
    Passage("garantia", "Garantia", "garantia.md",
            "Todos os aparelhos têm dois anos de garantia contra defeitos de fabricação.", 0.58),
    Passage("pagamento", "Pagamento", "pagamento.md",
            "Aceitamos Pix, boleto e cartão de crédito em até 10 parcelas sem juros.", 0.55),
    Passage("loja", "Nossa loja", "loja.md",
            "A loja fica na Rua das Flores, 120, e abre de segunda a sábado, das 9h às 18h.", 0.50),
    Passage("trocas", "Trocas", "trocas.md",
            "Você pode devolver o aparelho em até 7 dias depois de recebê-lo.", 0.45),
]
QUESTION = "How many litres does the DH-200's water tank hold?"


def test_an_answer_among_the_first_four_passages_is_quoted_without_reading_the_rest(selector: Selector) -> None:
    passages = [*OTHERS[:3], TANK, *OTHERS[3:]]
    selection = selector.rank(QUESTION, passages)
    # The shop's hours and the returns policy read further from the question than the tank's sentence.
    assert selection.unread == 2 and selection.lead is None
    assert "2.5 litres" in " ".join(item.unit.text for item in selector.answer(selection))
    assert selector.withheld_by(selection) == []


def test_a_later_passage_that_reads_closer_is_ranked_with_the_first_four(selector: Selector) -> None:
    manual = Passage("dh-200-manual", "DH-200 manual", "dh-200-manual.md",
                     "How many litres does the DH-200 water tank hold? The DH-200 water tank holds 2.5 litres.", 0.30)
    passages = [TANK, *OTHERS[:4], manual]
    selection = selector.rank(QUESTION, passages)
    assert selection.unread == 0 and selection.lead is not None
    assert {item.unit.passage for item in selection.ranked} == set(range(6))  # every passage's units ranked
    assert "2.5 litres" in " ".join(item.unit.text for item in selector.answer(selection))
    assert selector.withheld_by(selection) == []


def test_an_answer_only_a_passage_after_the_fourth_holds_is_withheld_by_the_lead_rule(
        selector: Selector) -> None:
    passages = [*OTHERS, TANK]
    selection = selector.rank(QUESTION, passages)
    assert selection.unread == 0  # the tank's sentence reads closer than any of the first four's
    assert selector.answer(selection) == []
    assert selector.withheld_by(selection) == ["lead"]
    # The same passages with no lead ranking quote the tank's sentence: the lead rule alone withholds it.
    alone = selector.rank(QUESTION, passages, lead_passages=0)
    assert selection.lead is not None and alone.lead is None
    # The later passages read after the first four rank as all of them read at once.
    assert [(item.unit.passage, item.unit.position) for item in selection.ranked] == [
        (item.unit.passage, item.unit.position) for item in alone.ranked]
    assert [item.score for item in selection.ranked] == pytest.approx([item.score for item in alone.ranked])
    assert "2.5 litres" in " ".join(item.unit.text for item in selector.answer(alone))


def test_the_engine_then_says_it_does_not_know_and_offers_a_person(selector: Selector) -> None:
    book = from_mapping("product", {
        "en": {"no_answer": "I could not find that detail in our catalogue.", "based_on": "According to our catalogue"},
    })
    engine = LocalEngine(selector)
    far = [*OTHERS, TANK]
    reply = engine.compose(Guidance(language="en", playbook=book, agent_kind="product", passages=tuple(far)),
                           QUESTION, far)
    assert reply.startswith("I could not find that detail in our catalogue.") and "person" in reply
    near = [TANK, *OTHERS]
    reply = engine.compose(Guidance(language="en", playbook=book, agent_kind="product", passages=tuple(near)),
                           QUESTION, near)
    assert "2.5 litres" in reply and "DH-200 dehumidifier" in reply


def test_four_passages_or_fewer_have_no_lead_ranking(selector: Selector) -> None:
    selection = selector.rank(QUESTION, [TANK, *OTHERS[:3]])
    assert selection.lead is None and selection.unread == 0
