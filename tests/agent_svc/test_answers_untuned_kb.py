"""Answers a knowledge base nobody tuned the engine for should give, not "I don't know":
a bare error code the customer read on a display ("deu F07, e agora?"), a phone the
passages name by its system ("iPhone" over "iOS"), and a list's terms cut from the
sentence that introduces them. The passages are an invented heat-pump installer's; the
questions are written for these tests."""

from __future__ import annotations

from agent_svc.domain import Passage
from agent_svc.evidence import Selector
from knowledge_svc.chunking import chunk_document
from knowledge_svc.documents import parse

CODES = Passage(
    "codigos",
    "Heat pump fault codes",
    "codigos.md",
    "Code | Meaning | What to do\n"
    "F03 | Water flow too low | Clean the strainer and check the circulation pump.\n"
    "F07 | Refrigerant pressure high | Switch the unit off at the breaker and call a technician.\n"
    "F12 | Outdoor sensor fault | Open a support ticket with a photo of the display.",
    0.62,
    "Fault codes",
)
APP = Passage(
    "aplicativo",
    "Aplicativo Calor Certo",
    "aplicativo.md",
    "O aplicativo Calor Certo mostra a temperatura da água e o consumo do mês. "
    "Ele é gratuito e funciona em celulares Android e iOS. "
    "Pelo aplicativo dá para programar o horário de aquecimento.",
    0.58,
)
PRICES = Passage(
    "precos",
    "Preços",
    "precos.md",
    "A bomba de calor BC-9 custa R$ 11.900 instalada. A BC-15 custa R$ 16.400 instalada.",
    0.40,
)


def quoted(selector: Selector, question: str, passages: list[Passage]) -> str:
    return " ".join(item.unit.text for item in selector.answer(selector.rank(question, passages)))


def test_a_bare_code_from_the_display_is_answered_by_its_row(selector: Selector) -> None:
    # Besides the code, the question says only that it appeared on the screen.
    answer = quoted(selector, "apareceu F07 na tela, e agora?", [CODES, PRICES])
    assert "Refrigerant pressure high" in answer, answer
    # A known code does not answer a detail the passages lack: its colour is not given.
    assert quoted(selector, "a BC-9 é azul?", [PRICES, APP]) == ""


def test_the_phone_is_answered_by_the_system_the_passage_names(selector: Selector) -> None:
    answer = quoted(selector, "o aplicativo funciona no iphone?", [APP, PRICES])
    assert "iOS" in answer, answer


def test_a_list_is_chunked_with_the_sentence_that_introduces_it() -> None:
    text = (
        "# Financiamento\n\n"
        "Outros bancos também financiam, com condições próprias de cada um, analisadas caso a caso pela "
        "nossa equipe comercial e pelo banco escolhido.\n\n"
        "O financiamento é feito pela cooperativa parceira Crédito Sertão:\n\n"
        "- prazo de 12 a 72 meses;\n"
        "- juros a partir de 1,49% ao mês;\n"
        "- primeira parcela em até 90 dias;\n"
        "- sem entrada para sistemas de até R$ 20.000;\n"
        "- aprovação em até 3 dias úteis com CPF e comprovante de renda.\n"
    )
    chunks = [chunk.text for chunk in chunk_document(parse(text, "text/markdown"), max_chars=300, overlap=60)]
    terms = next(chunk for chunk in chunks if "1,49%" in chunk)
    assert "Crédito Sertão" in terms, chunks
    assert not any(chunk.endswith("Sertão:") for chunk in chunks), chunks
