"""A question in one language finds first the document in the other language that
answers it, ahead of a document in its own language that shares one of its words:
the keyword route also searches the translations of the question's words (a general
pt-en word list, atende_guardrails.bilingual), weighted below the words themselves.
An invented furniture shop, with the real encoder and Milvus Lite of the session's
server; the word list knows none of its product names."""

from __future__ import annotations

from pathlib import Path

import pytest
from knowledge_helpers import Service, document_ids, ingest_plain

from atende_guardrails.bilingual import EN, PT, bilingual, parse
from knowledge_svc.lexical import bilingual_query, lexical_query, query_parts
from knowledge_svc.stores.local.lexical import LexicalIndex

SHOP = {
    "assembly": ("Assembly service",
                 "Our fitters assemble wardrobes, beds and desks at your home. Assembly costs R$ 150 per item and "
                 "is booked for a day within five business days after the delivery."),
    "guarda-roupas": ("Guarda-roupas Serra",
                      "O guarda-roupa Serra tem seis portas de correr, espelho central e gavetas com trilho "
                      "telescópico, em carvalho claro ou nogueira."),
    "pagamento": ("Formas de pagamento",
                  "Parcelamos em até 10 vezes sem juros no cartão de crédito; no Pix ou boleto à vista há 5% de "
                  "desconto sobre o preço da loja."),
    "gift-card": ("Gift card",
                  "The Lume gift card comes in a printed envelope with a handwritten note, for birthdays and "
                  "housewarmings, and never expires."),
    "sofas": ("Sofás Lume",
              "Os sofás Lume têm espuma D33, tecido impermeável e pés de madeira; o sofá retrátil abre até 1,9 m."),
    "returns": ("Returns",
                "You may return any piece within 7 days of delivery for a full refund; we collect it at your door "
                "at no charge."),
    "mattress": ("Mattresses",
                 "Our pocket-spring mattresses come rolled in a box and reach their full height within 48 hours."),
    "entrega": ("Entrega",
                "Entregamos em toda a Grande São Paulo em até 5 dias úteis; o frete é grátis acima de R$ 1.500."),
}


@pytest.fixture
async def shop(service: Service, unique_name: str) -> str:
    return await ingest_plain(service, unique_name, SHOP)


@pytest.mark.parametrize(
    ("question", "answer", "look_alike"),
    [
        # Before: the sofa passage first, on "sofá" alone; the price of assembly is in English.
        ("qual o valor da montagem de um sofá?", "assembly", "sofas"),
        # Before: the mattress passage first, on "mattress" alone; delivery fees are in Portuguese.
        ("is there a fee to deliver a mattress?", "entrega", "mattress"),
        ("how many days does it take to deliver a sofa?", "entrega", "returns"),
    ],
)
async def test_the_answer_in_the_other_language_beats_a_shared_word(
    service: Service, shop: str, question: str, answer: str, look_alike: str
) -> None:
    found = await document_ids(service, shop, question)
    assert found[0] == answer, found
    assert look_alike in found  # it was a candidate, and lost to the answer


def test_the_word_list_is_general_and_goes_both_ways() -> None:
    words = bilingual()
    assert len(words) >= 1500
    assert "warranty" in words.translations("garantia", EN)
    assert "garantia" in words.translations("warranty", PT)
    # Accents are optional on either side; "devolução" is listed folded.
    assert "refund" in words.translations("devolucao", EN)
    assert words.knows("entrega", PT) and not words.knows("entrega", EN)



def test_the_word_list_knows_how_customers_ask_about_the_company_and_its_branches() -> None:
    # (Juriti probe, written blind: "qndo a juriti foi fundada?" against an English "About us"; a branch, a
    # job opening, a partner's tier and the grid approval asked in Portuguese about English pages, and back.)
    words = bilingual()
    assert "founded" in words.translations("fundada", EN)
    assert "founders" in words.translations("fundadores", EN)
    assert "branch" in words.translations("filial", EN)
    assert "filiais" in words.translations("branches", PT)
    assert "tier" in words.translations("nivel", EN)
    assert "approval" in words.translations("homologacao", EN)
    assert "power of attorney" in words.translations("procuracao", EN)


def test_a_malformed_line_names_its_place() -> None:
    with pytest.raises(ValueError, match=":2:"):
        parse(["garantia = warranty", "no equals sign here"])
    assert parse(["# comment", "internet = internet"]).translations("internet", EN) == ()


def test_the_query_keeps_its_words_and_adds_translations_in_groups() -> None:
    query = bilingual_query("Qual a garantia das placas instaladas?")
    words, groups = query_parts(query)
    assert words.split() == lexical_query("Qual a garantia das placas instaladas?").split()
    assert any("warranty" in group.split() for group in groups)
    assert any("panels" in group.split() for group in groups)  # a plural the list holds
    assert any("installed" in group.split() for group in groups)  # "instaladas" read as "instalada"
    # A query with no listed word is the plain lexical query.
    assert bilingual_query("SB-KIT-550 caiaque") == lexical_query("SB-KIT-550 caiaque")


def test_the_phrase_of_the_list_is_found_across_function_words() -> None:
    # "conta de luz" is an electricity bill, not an account of light.
    _, groups = query_parts(bilingual_query("a conta de luz veio alta"))
    assert any({"electricity", "bill"} <= set(group.split()) for group in groups)


def test_a_word_written_by_the_customer_outweighs_its_translation(tmp_path: Path) -> None:
    index = LexicalIndex(tmp_path / "lexical")
    index.add("pt#0", "garantia de dois anos contra defeitos", [])
    index.add("en#0", "two year warranty against defects", [])
    index.add("other#0", "entrega em cinco dias", [])
    index.commit()
    query = index.query(bilingual_query("qual a garantia?"), [])
    assert query is not None
    scored = dict(LexicalIndex.search_scored(index.searcher, query, 10))
    assert set(scored) == {"pt#0", "en#0"}
    assert scored["pt#0"] > scored["en#0"] > 0
    index.close()
