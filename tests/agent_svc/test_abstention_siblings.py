"""A question about a sibling of something the knowledge base describes (a plan the
documents name with another qualifier, a service whose price is not among the passages)
gets "I don't know", not the sibling's value; a question that names the value it asks
for without a question word is answered. The passages are documents of
the invented solar company of evals/probes/kb_mandacaru, whole; the questions are
written for these tests (no probe row)."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent_svc.domain import Passage
from agent_svc.evidence import Selector
from knowledge_svc.documents.markdown import split_front_matter

KB = Path(__file__).resolve().parents[2] / "evals" / "probes" / "kb_mandacaru"


def _passage(name: str) -> Passage:
    fields, text = split_front_matter((KB / f"{name}.md").read_text(encoding="utf-8"))
    return Passage(name, fields.get("title", name), f"{name}.md", text, 0.5)


PASSAGES = [_passage(name) for name in ("planos-de-manutencao", "financiamento-e-pagamento", "unidades-e-horarios")]


def quoted(selector: Selector, question: str) -> str:
    return " ".join(item.unit.text for item in selector.answer(selector.rank(question, PASSAGES)))


@pytest.mark.parametrize(
    "question",
    [
        "quanto custa o plano ouro de limpeza?",  # the documents price the "Plano Limpo" and the "Plano Cuidado"
        "qual o preco da limpeza avulsa?",  # its price is in a document not given, the plans' prices are
    ],
)
def test_a_sibling_of_what_the_documents_describe_is_not_answered(selector: Selector, question: str) -> None:
    assert quoted(selector, question) == ""


def test_an_address_asked_without_a_question_word_is_answered(selector: Selector) -> None:
    # "loja" where the table says "unidade": it asks for the address, not whether there is a store.
    assert "14 de Julho" in quoted(selector, "endereco da loja matriz")
