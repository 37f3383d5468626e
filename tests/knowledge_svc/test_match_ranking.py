"""Among the first passages, the one that holds more of the question's words (in its
text and in its title or section) or that answers from the other language comes
first, ahead of a near passage that shares one rare word or the question's language
(knowledge_svc/ranking.py prefer_matches). With the real encoder and Milvus Lite of
the session's server, on part of Razão Nuvem, the invented accounting SaaS of the
retrieval probe (evals/probes/kb_razaonuvem/, not a blind set): documents that share
their vocabulary ("cancelar" an invoice or the subscription, "guia" of a tax, "dados"
kept for the law or encrypted), some in Portuguese and some in English.

Each question below had the near document first before prefer_matches."""

from __future__ import annotations

from pathlib import Path

import pytest
from atende.knowledge.v1 import knowledge_service_pb2 as pb
from knowledge_helpers import Service, document_ids

from knowledge_svc.files import FileDocument, read_folder
from knowledge_svc.ranking import HEADING_BONUS, MATCH_HEAD, OTHER_LANGUAGE_BONUS, WORDS_BONUS, prefer_matches

KB = Path(__file__).resolve().parents[2] / "evals" / "probes" / "kb_razaonuvem"
PART = {"payroll-module", "migracao-de-dados", "erros-de-emissao", "perguntas-frequentes", "emissao-de-notas-fiscais",
        "cancelamento-e-reembolso", "security-and-backups", "politica-de-privacidade"}


@pytest.fixture
async def saas(service: Service, unique_name: str) -> str:
    documents = [item for item in read_folder(KB) if isinstance(item, FileDocument) and item.id in PART]
    assert {d.id for d in documents} == PART
    response = await service.stub.IngestDocuments(pb.IngestDocumentsRequest(collection=unique_name, documents=[
        pb.Document(id=d.id, title=d.title, text=d.text, content_type=d.content_type) for d in documents]), timeout=60)
    assert len(response.document_ids) == len(PART)
    return unique_name


@pytest.mark.parametrize(
    ("question", "answer", "near"),
    [
        # Portuguese question, English answer holding FGTS and INSS; the Portuguese
        # migration note reads closer to the encoder.
        ("o sistema gera a guia do fgts e do inss?", "payroll-module", "migracao-de-dados"),
        # The section "Cancelar ou corrigir uma nota" against the subscription's "Como cancelar".
        ("prazo pra cancelar nota de servico em sao paulo", "emissao-de-notas-fiscais", "cancelamento-e-reembolso"),
        # Where the data is kept and how it is encrypted (English) against how long it is kept (Portuguese).
        ("meus dados ficam guardados onde? sao criptografados?", "security-and-backups", "politica-de-privacidade"),
    ],
)
async def test_the_passage_holding_more_of_the_question_comes_first(
    service: Service, saas: str, question: str, answer: str, near: str
) -> None:
    found = await document_ids(service, saas, question)
    assert found[0] == answer, found
    assert near in found  # it was found, and came after the answer


async def test_a_question_already_answered_first_keeps_its_document(service: Service, saas: str) -> None:
    found = await document_ids(service, saas, "a folha de pagamento emite a guia do FGTS?")
    assert found[0] == "payroll-module", found


# The rule itself, on passages given as (title, section, text) with their fused score.

Passage = tuple[str, str, str, float]


def _order(hits: list[Passage], query: str) -> list[str]:
    ranked = prefer_matches(hits, query, lambda hit: hit[:3], lambda hit: hit[3])
    return [hit[2] for hit, _ in ranked]


def test_a_heading_that_names_what_is_asked_moves_its_passage_up() -> None:
    hits: list[Passage] = [
        ("Preços", "Tabela", "Curso Regular 4 custa R$ 390 e o Curso Kids 2 custa R$ 290.", 0.40),
        ("Cursos", "Curso Kids 2", "Para crianças de 7 a 11 anos, em turmas de até 8 alunos.", 0.38),
        ("Eventos", "Festa", "Em dezembro há uma festa de fim de ano.", 0.10),
    ]
    assert _order(hits, "quantos alunos no curso kids 2?")[0].startswith("Para crianças")


def test_an_answer_in_the_other_language_gains_a_little() -> None:
    english = ("Security", "Backups", "A full backup runs every night and copies are kept for 35 days.", 0.30)
    portuguese = ("Privacidade", "Prazos", "Os dados de cadastro são apagados em até 90 dias depois do pedido.", 0.30)
    # Same score, neither holds the question's words: the passage in the other language goes first.
    assert _order([portuguese, english], "qual a frequencia?")[0] == english[2]
    # One in the question's language that holds its words stays ahead.
    assert _order([portuguese, english], "dados de cadastro apagados?")[0] == portuguese[2]
    assert 0 < OTHER_LANGUAGE_BONUS < WORDS_BONUS <= HEADING_BONUS + WORDS_BONUS


def test_only_the_first_passages_move() -> None:
    hits: list[Passage] = [(f"Doc {i}", "", f"texto qualquer numero {i}", 0.5 - i / 100) for i in range(MATCH_HEAD)]
    hits.append(("Garantia do inversor", "Garantia", "A garantia do inversor é de 10 anos.", 0.44))
    order = _order(hits, "qual a garantia do inversor?")
    assert order[MATCH_HEAD] == "A garantia do inversor é de 10 anos."  # past the head: stays where it was
