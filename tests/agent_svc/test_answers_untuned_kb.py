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


# An invented dehumidifier's datasheet pasted as plain "Label: value" lines, no list marks,
# longer than one chunk.
DATASHEET = (
    "DH-300 dehumidifier - technical datasheet\n\n"
    "Extraction capacity: 30 litres a day at 30 °C and 80% humidity\n"
    "Water tank: 6.5 litres, with a full-tank shut-off\n"
    "Continuous drainage: 12 mm hose outlet, hose not included\n"
    "Noise level: 42 dB in night mode, 49 dB at full speed\n"
    "Rated power: 520 W\n"
    "Refrigerant: R290, 95 g\n"
    "Working temperature: 5 °C to 35 °C\n"
    "Dimensions: 390 x 280 x 620 mm\n"
    "Weight: 17.8 kg\n"
    "Casters: four, two with brakes\n"
    "Filter: washable mesh, replace every 2 years\n"
    "Power cable: 1.8 m, Brazilian standard plug\n"
    "Warranty: 2 years. Compressor warranty: 5 years.\n"
)


def test_a_datasheet_of_plain_lines_is_answered_by_its_line(selector: Selector) -> None:
    chunks = chunk_document(parse(DATASHEET, "text/plain"), max_chars=400, overlap=60)
    assert len(chunks) > 1  # the answer below sits in a later chunk, after a cut
    passages = [Passage("dh-300", "DH-300 datasheet", "dh-300.txt", chunk.text, 0.6 - 0.1 * chunk.index, chunk.section)
                for chunk in chunks]
    answer = quoted(selector, "How long is the power cable of the DH-300?", passages)
    # The line that answers, not the datasheet run together into one sentence.
    assert "1.8 m" in answer and "Weight" not in answer and "Casters" not in answer, answer
    assert "17.8 kg" in quoted(selector, "quanto pesa o DH-300?", passages)


# A comparison table whose corner cell is empty, as spec sheets are written.
COMPARISON = """# Wall chargers

## Models

| | CW-7 | CW-22 |
|---|---|---|
| Maximum power | 7.4 kW | 22 kW |
| Supply | Single-phase, 220 V | Three-phase, 380 V |
| Cable length | 5 m | 5 m |
| Price | R$ 4.690 | R$ 8.990 |
"""
# An HTML price table: its rows say what each column's price is.
PRICE_PAGE = """<html><body><h1>Tabela de preços</h1><h2>Bombas de calor</h2>
<p>Preço de tabela e preço com 5% de desconto no PIX.</p>
<table><tr><th>Código</th><th>Potência</th><th>Preço de tabela</th><th>À vista no PIX</th></tr>
<tr><td>BC-9</td><td>9 kW</td><td>R$ 11.900</td><td>R$ 11.305</td></tr>
<tr><td>BC-15</td><td>15 kW</td><td>R$ 16.400</td><td>R$ 15.580</td></tr></table></body></html>"""


def passages_of(document: str, content_type: str, doc_id: str) -> list[Passage]:
    chunks = chunk_document(parse(document, content_type), max_chars=900, overlap=60)
    return [Passage(doc_id, doc_id, f"{doc_id}.x", chunk.text, 0.6 - 0.05 * chunk.index, chunk.section)
            for chunk in chunks]


def test_a_comparison_table_with_an_empty_corner_answers_by_its_columns(selector: Selector) -> None:
    passages = passages_of(COMPARISON, "text/markdown", "chargers")
    answer = quoted(selector, "what supply does the CW-22 need?", passages)
    # The row read with its columns' names, not "Supply | Single-phase, 220 V | Three-phase, 380 V".
    assert "CW-22: Three-phase, 380 V" in answer, answer


def test_an_html_table_row_is_read_under_its_columns(selector: Selector) -> None:
    passages = passages_of(PRICE_PAGE, "text/html", "precos")
    answer = quoted(selector, "quanto sai a BC-15 à vista no pix?", passages)
    assert "À vista no PIX: R$ 15.580" in answer, answer

INSTALLATION = Passage(
    "instalacao",
    "Instalação da bomba de calor",
    "instalacao.md",
    "A bomba de calor fica presa à parede ou apoiada em base própria, a pelo menos 30 cm do chão. "
    "O técnico instala um disjuntor dedicado no quadro. A ligação hidráulica leva cerca de 4 horas.",
    0.55,
)
FAULTS_PT = Passage(
    "erros",
    "Códigos de erro",
    "erros.md",
    "Código | O que significa | O que fazer\n"
    "F09 | Superaquecimento do compressor (acima de 85 °C) | Desligue a bomba e limpe a grade de ventilação.\n"
    "F11 | Pressão de água baixa | Verifique o registro de entrada.",
    0.5,
)


def test_a_height_or_a_temperature_asked_by_name_is_held_by_its_measure(selector: Selector) -> None:
    # The sentence gives the height as a length ("30 cm do chão") and the error row the
    # temperature in degrees, in the other language than the question's word for them.
    answer = quoted(selector, "what's the minimum height off the floor for mounting the heat pump?",
                    [INSTALLATION, PRICES, APP])
    assert "30 cm" in answer, answer
    answer = quoted(selector, "At what temperature does the heat pump throw the overheating error?",
                    [FAULTS_PT, INSTALLATION, APP])
    assert "85 °C" in answer, answer
