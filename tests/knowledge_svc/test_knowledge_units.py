"""Parsing, chunking and the lexical text: the domain code that needs no model and
no Milvus."""

from __future__ import annotations

import base64
import itertools
from pathlib import Path

import pytest
from knowledge_pdfgen import make_pdf

from agent_svc.evidence import units
from atende_guardrails.text import table_cells
from knowledge_svc.chunking import chunk_document
from knowledge_svc.documents import (
    HTML,
    MARKDOWN,
    PDF,
    PLAIN,
    Block,
    ParsedDocument,
    ParseError,
    detect_content_type,
    normalize_content_type,
    parse,
    parse_html,
    parse_markdown,
    parse_plain,
)
from knowledge_svc.files import decode, document_id
from knowledge_svc.knowledge import _table_prose
from knowledge_svc.lexical import fold, lexical_text
from knowledge_svc.stores.expressions import escape_string, filter_expression


def test_markdown_sections_lists_tables_and_front_matter() -> None:
    text = """---
title: Ignored by the parser
lang: pt
---

# Garantia

Texto de abertura com **negrito** e um [link](https://example.com).

## Inversores

- SB-INV-5K: 10 anos
- X3-8K: 10 anos

| Produto | Prazo |
|---|---|
| Painel | 12 anos |

### Como acionar

```
código não é formatado
```
"""
    parsed = parse_markdown(text)
    assert parsed.title == "Garantia"
    assert [b.section for b in parsed.blocks] == ["", "Inversores", "Inversores", "Inversores > Como acionar"]
    assert parsed.blocks[0].text == "Texto de abertura com negrito e um link."
    assert parsed.blocks[1].text == "- SB-INV-5K: 10 anos\n- X3-8K: 10 anos"
    assert parsed.blocks[2].text == "Produto | Prazo\nPainel | 12 anos"
    assert "código não é formatado" in parsed.blocks[3].text
    assert "lang: pt" not in " ".join(b.text for b in parsed.blocks)


def test_markdown_setext_headings_and_thematic_breaks() -> None:
    parsed = parse_markdown("Intro\n\n---\n\nEntrega\n-------\n\nEm 10 dias.\n\n* * *\n\n- item\n")
    assert parsed.blocks == [Block("", "Intro"), Block("Entrega", "Em 10 dias."), Block("Entrega", "- item")]


def test_html_skips_scripts_navigation_and_keeps_headings() -> None:
    html = """<html><head><title>Sobre nós</title><script>var x = "segredo";</script></head>
    <body><nav><a href="/">Início</a></nav><h1>Sobre nós</h1><p>Fundada em 2014 &amp; sediada em Fortaleza.</p>
    <h2>Contato</h2><table><tr><td>WhatsApp</td><td>(85) 3000-1234</td></tr></table>
    <ul><li>Um</li><li>Dois</li></ul><footer>rodapé</footer></body></html>"""
    parsed = parse_html(html)
    assert parsed.title == "Sobre nós"
    texts = [b.text for b in parsed.blocks]
    assert texts[0] == "Fundada em 2014 & sediada em Fortaleza."
    assert "WhatsApp | (85) 3000-1234" in texts
    assert "- Um" in texts and "- Dois" in texts
    joined = " ".join(texts)
    assert "segredo" not in joined and "Início" not in joined and "rodapé" not in joined
    assert parsed.blocks[1].section == "Contato"


def test_plain_text_paragraphs_and_heading_guess() -> None:
    parsed = parse_plain("Política de frete\n\nEnviamos para todo o Brasil.\nEm até 10 dias.\n\nRetirada\n\nNa loja.")
    assert parsed.title == "Política de frete"
    assert parsed.blocks == [
        Block("Política de frete", "Enviamos para todo o Brasil. Em até 10 dias."),
        Block("Retirada", "Na loja."),
    ]


def test_plain_text_headings_framed_or_underlined_by_rule_lines() -> None:
    # A store's lines sit under the store's heading, drawn between dashes or underlined, as plain-text KBs write them:
    # the answer to "o CD de Várzea Grande abre sábado?" is in a section that names the place.
    parsed = parse_plain("LOJAS\n=====\n\n--------\n2) CENTRO DE DISTRIBUIÇÃO — VÁRZEA GRANDE/MT\n--------\n"
                         "Horário: segunda a sexta, 7h às 16h\nTelefone: (65) 3000-1200\n\n"
                         "Pagamento\n---------\nAceitamos PIX e boleto.")
    assert parsed.title == "LOJAS"
    assert parsed.blocks == [
        Block("2) CENTRO DE DISTRIBUIÇÃO — VÁRZEA GRANDE/MT", "Horário: segunda a sexta, 7h às 16h\nTelefone: (65) 3000-1200"),
        Block("Pagamento", "Aceitamos PIX e boleto."),
    ]


def test_pdf_pages_become_sections() -> None:
    data = make_pdf([["Garantia estendida", "", "O plano custa R$ 39 por mes."], ["Cancelamento", "", "Sem multa."]],
                    title="Plano Brisa Care")
    parsed = parse(base64.b64encode(data).decode(), PDF)
    assert parsed.title == "Plano Brisa Care"
    assert [b.section for b in parsed.blocks] == ["page 1 > Garantia estendida", "page 2 > Cancelamento"]
    assert "R$ 39" in parsed.blocks[0].text


@pytest.mark.parametrize("content", ["not base64 at all!", base64.b64encode(b"%PDF-1.4 broken").decode()])
def test_unreadable_pdf_is_a_parse_error(content: str) -> None:
    with pytest.raises(ParseError):
        parse(content, PDF)


def test_content_type_aliases() -> None:
    assert normalize_content_type("") == PLAIN
    assert normalize_content_type("text/markdown; charset=utf-8") == MARKDOWN
    assert normalize_content_type("HTML") == HTML
    assert normalize_content_type("application/pdf") == PDF
    assert normalize_content_type("image/png") is None


def test_chunks_stay_in_their_section_and_respect_the_size() -> None:
    sentences = " ".join(f"Frase número {i} sobre a garantia dos painéis solares." for i in range(40))
    parsed = ParsedDocument("Doc", [Block("A", sentences), Block("B", "Curto.")])
    chunks = chunk_document(parsed, max_chars=300, overlap=60)
    assert [c.index for c in chunks] == list(range(len(chunks)))
    assert {c.section for c in chunks[:-1]} == {"A"} and chunks[-1].section == "B"
    assert all(len(c.text) <= 300 + 30 for c in chunks)
    # consecutive chunks of a section share their boundary sentence (the overlap)
    for first, second in itertools.pairwise(chunks[:-1]):
        last_sentence = first.text.rsplit(". ", 1)[-1]
        assert second.text.startswith(last_sentence.rstrip("."))
    # every sentence is in some chunk
    for i in range(40):
        assert any(f"Frase número {i} " in c.text for c in chunks)


def test_paragraphs_are_kept_whole_when_they_fit() -> None:
    parsed = ParsedDocument("Doc", [Block("", "Primeiro parágrafo."), Block("", "Segundo parágrafo.")])
    assert [c.text for c in chunk_document(parsed)] == ["Primeiro parágrafo.\n\nSegundo parágrafo."]


def test_a_word_longer_than_a_chunk_is_cut() -> None:
    parsed = ParsedDocument("Doc", [Block("", "x" * 1000)])
    chunks = chunk_document(parsed, max_chars=200, overlap=0)
    assert "".join(c.text for c in chunks) == "x" * 1000


def test_lexical_text_folds_accents_and_drops_function_words() -> None:
    assert fold("Devolução GARANTIA") == "devolucao garantia"
    assert lexical_text("Qual é a garantia do inversor SB-INV-5K?") == "garantia inversor sb-inv-5k"
    assert lexical_text("What is the warranty of the X3-8K?") == "warranty x3-8k"
    assert lexical_text("?!...") == ""


def test_filter_expressions_escape_values() -> None:
    assert escape_string('a"b\\c\nd') == '"a\\"b\\\\c\\nd"'
    assert filter_expression({}) == ""
    assert filter_expression({"lang": "pt", "tipo": 'x"y'}) == 'array_contains_all(tags, ["lang=pt", "tipo=x\\"y"])'


def test_files_decoding_and_ids() -> None:
    assert decode("ação".encode()) == ("ação", "")
    assert decode(b"\xef\xbb\xbfok") == ("ok", "")
    text, warning = decode("promoção".encode("cp1252"))
    assert text == "promoção" and "Windows-1252" in warning
    assert document_id(Path("/kb"), Path("/kb/policies/returns.md")) == "policies.returns"


def test_a_long_table_is_cut_between_rows_and_each_chunk_repeats_its_header() -> None:
    header = "Plano | Velocidade | Preço"
    rows = [f"Plano {i} | {i * 100} Mega | R$ {i * 10},90" for i in range(1, 30)]
    parsed = ParsedDocument("Doc", [Block("Planos", "\n".join([header, *rows])), Block("Planos", "Depois da tabela.")])
    chunks = chunk_document(parsed, max_chars=200, overlap=60)
    assert len(chunks) > 2
    table_chunks = [c for c in chunks if "Mega" in c.text]
    for chunk in table_chunks:
        lines = chunk.text.split("\n")
        assert lines[0] == header
        assert all(line in rows for line in lines[1:] if " | " in line)
    assert sorted(line for c in table_chunks for line in c.text.split("\n")[1:] if " | " in line) == sorted(rows)
    # what follows the table is a paragraph of its own, not glued to a row
    assert chunks[-1].text.endswith("\n\nDepois da tabela.")


def test_a_long_table_after_a_paragraph_keeps_its_header_in_the_chunk_they_share() -> None:
    # The table's first rows fit in the paragraph's chunk: the header goes there too, else the
    # answer engine reads the first row as the header ("Kit 3: R$ 13.900: ...").
    header = "Kit | Potência | Preço"
    rows = [f"Kit {i} | {i},5 kWp | R$ {i}3.900" for i in range(1, 20)]
    intro = Block("Kits", "Os kits residenciais vêm com painéis, inversor e estrutura.")
    parsed = ParsedDocument("Doc", [intro, Block("Kits", "\n".join([header, *rows]))])
    chunks = chunk_document(parsed, max_chars=200, overlap=60)
    with_rows = [c for c in chunks if "kWp" in c.text]
    assert with_rows[0].text.startswith("Os kits residenciais")
    for chunk in with_rows:
        table = [line for line in chunk.text.split("\n") if " | " in line]
        assert table[0] == header
        assert all(line in rows for line in table[1:])
    assert sorted(line for c in with_rows for line in c.text.split("\n") if line in rows) == sorted(rows)
    assert all(len(c.text) <= 200 + 60 for c in chunks)


def test_an_overlap_never_starts_mid_sentence() -> None:
    long = "Esta frase é longa demais para caber inteira na sobreposição entre dois pedaços do mesmo texto."
    parsed = ParsedDocument("Doc", [Block("A", " ".join([long] * 6))])
    for chunk in chunk_document(parsed, max_chars=200, overlap=60):
        assert chunk.text.startswith("Esta frase")


def test_weighted_fusion_puts_bm25_on_the_cosines_scale() -> None:
    from knowledge_svc.stores.fusion import weighted

    cosines = {"a#0": 0.50, "b#0": 0.45, "c#0": 0.30}
    ranked = weighted(cosines, [("b#0", 8.0), ("c#0", 2.0)], 0.9, 3)
    assert [chunk_id for chunk_id, _ in ranked] == ["b#0", "a#0", "c#0"]
    assert ranked[0][1] == pytest.approx(0.9 * 0.45 + 0.1 * 1.0)
    assert ranked[2][1] == pytest.approx(0.9 * 0.30 + 0.1 * 0.25)
    assert weighted(cosines, [], 0.9, 1) == [("a#0", pytest.approx(0.45))]


def test_ranking_by_document_lifts_a_supported_document_and_spreads_the_top() -> None:
    from knowledge_svc.ranking import by_document, document_of

    hits = [("a#0", 0.60), ("a#1", 0.55), ("a#2", 0.50), ("b#0", 0.59), ("c#0", 0.45), ("c#1", 0.39)]
    ranked = by_document(hits, 4, lambda hit: document_of(hit[0]), lambda hit: hit[1])
    # a#1 (0.55 x DECAY) falls behind c#0 (0.45 + its support 0.2 x 0.39)
    assert [hit[0] for hit, _ in ranked] == ["a#0", "b#0", "c#0", "a#1"]
    scores = [score for _, score in ranked]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] == pytest.approx(0.60 + 0.2 * (0.55 + 0.50))
    # ... unless it scores nearly as well as that other document's best
    close = [("a#0", 0.60), ("a#1", 0.58), ("a#2", 0.50), ("b#0", 0.59), ("c#0", 0.45), ("c#1", 0.39)]
    assert [hit[0] for hit, _ in by_document(close, 4, lambda hit: document_of(hit[0]), lambda hit: hit[1])][2] == "a#1"
    assert document_of("policies.returns#12") == "policies.returns"


def test_a_code_the_query_names_lifts_the_chunks_that_hold_it() -> None:
    from knowledge_svc.ranking import CODE_BONUS, named_codes, prefer_codes

    assert named_codes("o erro E-104 voltou") == {"e104"}
    assert named_codes("painel de 550w e roteador VF-AX3000") == {"550w", "vfax3000"}
    assert named_codes("kit 3.3 por 500 reais") == set()  # numbers alone name nothing
    hits = [("a", "E-301 over-temperature", 0.60), ("b", "E-101 overvoltage", 0.50), ("c", "E-104: insulation", 0.25)]
    ranked = prefer_codes(hits, named_codes("error E-104?"), 2, lambda hit: hit[1], lambda hit: hit[2])
    assert [hit[0] for hit, _ in ranked] == ["a", "c"]
    assert ranked[1][1] == pytest.approx(0.25 + CODE_BONUS)
    # "550 W" in a datasheet is the "550w" a customer types.
    ranked = prefer_codes([("x", "module of 450 W", 0.5), ("y", "module of 550 W", 0.4)], {"550w"}, 1,
                          lambda hit: hit[1], lambda hit: hit[2])
    assert ranked[0][0][0] == "y"


def test_a_code_typed_without_its_hyphen_is_also_searched_as_the_written_code() -> None:
    from knowledge_svc.lexical import lexical_query

    assert lexical_query("erro E104 no inversor") == "erro e104 e-104 inversor"
    assert lexical_query("plano de 100mbps") == "plano 100mbps 100-mbps"
    # the written form and plain words are left as they are; documents are not touched
    assert lexical_query("erro E-104 no inversor") == "erro e-104 inversor"
    assert lexical_text("erro E104") == "erro e104"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("<!DOCTYPE html><html><body><p>Oi</p></body></html>", HTML),
        ("  <!-- export -->\n<html lang='pt'><p>Oi</p>", HTML),
        ("<h2>Prazos</h2>\n<p>7 dias</p>\n<p>Frete grátis</p>", HTML),
        ("# Garantia\n\nDoze anos.", MARKDOWN),
        ("Preços\n\n| item | valor |\n| --- | ---: |\n| kit | R$ 10 |", MARKDOWN),
        ("---\ntitle: Garantia\nlang: pt\n---\nDoze anos.", MARKDOWN),
        (base64.b64encode(b"%PDF-1.4 ...").decode(), PDF),
        ("Horário de atendimento\n\nDas 8h às 18h.\n- sábado: até 12h", PLAIN),
        ("O cliente escreveu </p> numa mensagem e #1 no assunto.", PLAIN),
        ("", PLAIN),
    ],
)
def test_an_unlabelled_document_is_read_in_the_format_it_shows(content: str, expected: str) -> None:
    assert detect_content_type(content) == expected
    assert normalize_content_type("", content) == expected
    # a caller's explicit label always wins
    assert normalize_content_type("text/plain", content) == PLAIN


def test_plain_text_field_lines_keep_their_lines_and_wrapped_prose_is_joined() -> None:
    parsed = parse_plain("Ficha técnica\n\nPotência: 550 W\nPeso: 27,5 kg\nCabo: 1,2 m\n\n"
                         "Enviamos para todo o Brasil e entregamos\nem até 10 dias úteis.")
    assert parsed.blocks == [
        Block("Ficha técnica", "Potência: 550 W\nPeso: 27,5 kg\nCabo: 1,2 m"),
        Block("Ficha técnica", "Enviamos para todo o Brasil e entregamos em até 10 dias úteis."),
    ]


def test_markdown_field_lines_without_list_marks_keep_their_lines() -> None:
    parsed = parse_markdown("# Ficha\n\nPotência: 550 W\nPeso: 27,5 kg\n\nUm parágrafo\nquebrado em duas linhas.")
    assert [b.text for b in parsed.blocks] == ["Potência: 550 W\nPeso: 27,5 kg",
                                               "Um parágrafo quebrado em duas linhas."]


def test_html_footer_keeps_its_lines_with_numbers() -> None:
    html = """<html><body><h1>Atendimento</h1><h2>Horários</h2><p>Das 8h às 18h.</p>
    <footer><p>Calor Certo Aquecimento</p><p>CNPJ 12.345.678/0001-90 - Rua das Flores, 120</p></footer>
    </body></html>"""
    texts = [b.text for b in parse_html(html).blocks]
    assert "CNPJ 12.345.678/0001-90 - Rua das Flores, 120" in texts
    # A footer line without a number (the company's name, on every page) draws searches that name
    # the company and answers none.
    assert "Calor Certo Aquecimento" not in " ".join(texts)


def test_an_html_table_is_one_block_and_each_chunk_of_it_repeats_its_header() -> None:
    rows = "".join(f"<tr><td>Plano {i}</td><td>{i * 100} Mega</td><td>R$ {i * 10},90</td></tr>" for i in range(1, 30))
    html = f"""<html><body><h1>Planos</h1><h2>Residencial</h2><p>Todos com Wi-Fi.</p>
    <table><tr><th>Plano</th><th>Velocidade</th><th>Preço</th></tr>{rows}</table><p>Depois da tabela.</p></body></html>"""
    blocks = parse_html(html).blocks
    assert [b.text.split("\n")[0] for b in blocks] == ["Todos com Wi-Fi.", "Plano | Velocidade | Preço", "Depois da tabela."]
    assert blocks[1].text.count("\n") == 29 and blocks[1].section == "Residencial"
    chunks = [c for c in chunk_document(parse_html(html), max_chars=200, overlap=60) if "Mega" in c.text]
    assert len(chunks) > 2
    # the first row of each chunk comes under the header (after the paragraph the first one shares)
    assert all(next(line for line in c.text.split("\n") if " | " in line) == "Plano | Velocidade | Preço" for c in chunks)


def test_an_empty_table_cell_stays_in_its_column() -> None:
    html = """<table><tr><th></th><th>CW-7</th><th>CW-22</th></tr>
    <tr><td>Weight</td><td>3.8 kg</td><td></td></tr><tr><td></td><td></td><td></td></tr></table>"""
    # The empty corner and the empty weight keep their places; a row of empty cells is no row.
    assert [b.text for b in parse_html(html).blocks] == ["| CW-7 | CW-22\nWeight | 3.8 kg |"]
    assert table_cells("| CW-7 | CW-22") == ["", "CW-7", "CW-22"]
    assert table_cells("Weight | 3.8 kg |") == ["Weight", "3.8 kg", ""]
    assert table_cells("| | CW-7 | CW-22 |") == ["", "CW-7", "CW-22"]  # a Markdown row
    assert table_cells("Weight | 3.8 kg") == ["Weight", "3.8 kg"]


def test_a_plain_text_heading_may_end_in_an_acronym_in_parentheses() -> None:
    text = ("7. COOKIES\n\nO site usa cookies essenciais.\n\n8. ENCARREGADO DE DADOS (DPO)\n\n"
            "Encarregada: Renata Lins\nE-mail: dpo@exemplo.com.br\n\nLigue para o suporte (24h) se precisar.")
    blocks = parse_plain(text).blocks
    assert [b.section for b in blocks] == ["7. COOKIES", "8. ENCARREGADO DE DADOS (DPO)", "8. ENCARREGADO DE DADOS (DPO)"]
    # a sentence that ends in a parenthesis and a full stop is no heading
    assert parse_plain("Atendimento\n\nLigue para o suporte (24h).\n\nFim da linha (ok).").blocks[-1].section == "Atendimento"


def test_a_table_split_by_titles_across_it_keeps_its_columns_names() -> None:
    """A datasheet's rows of one cell across the table ("DC input", "General") head the rows under them; those rows
    are still read under the models' names (Guabiroba KB, written blind: "Max. PV input power" read as the header)."""
    header = "<tr><th>Parameter</th><th>GV-3K</th><th>GV-8K</th></tr>"
    html = (f"<h1>Ficha</h1><table><thead>{header}</thead><tbody>"
            '<tr><td colspan="3">DC input</td></tr>'
            "<tr><td>Max. PV input power</td><td>4.5 kWp</td><td>12 kWp</td></tr>"
            "<tr><td>Max. DC input voltage</td><td>600 V</td><td>1100 V</td></tr>"
            '<tr><td colspan="3">General</td></tr>'
            "<tr><td>Weight</td><td>10.5 kg</td><td>11.5 kg</td></tr></tbody></table>")
    parsed = parse_html(html)
    assert [u.text for u in units(parsed.blocks[0].text)] == [
        "Max. PV input power: GV-3K: 4.5 kWp; GV-8K: 12 kWp.",
        "Max. DC input voltage: GV-3K: 600 V; GV-8K: 1100 V.",
        "Weight: GV-3K: 10.5 kg; GV-8K: 11.5 kg.",
    ]
    # Cut into chunks, each starts with the header once, and the embedded text reads each row under it.
    chunks = chunk_document(parsed, max_chars=120, overlap=30)
    assert len(chunks) > 1
    for chunk in chunks:
        assert chunk.text.split("\n")[0] == "Parameter | GV-3K | GV-8K"
        assert chunk.text.count("Parameter | GV-3K | GV-8K") == 1
    prose = " ".join(_table_prose(chunk.text) for chunk in chunks)
    assert "Weight: GV-3K 10.5 kg; GV-8K 11.5 kg." in prose
    assert "Max. DC input voltage: GV-3K 600 V; GV-8K 1100 V." in prose


def test_a_header_of_two_rows_names_each_column_by_both() -> None:
    """A cell spanning two header rows and one spanning two columns ("Cobertura", "Limite de indenização" over "Básico"
    and "Completo"): each row is read under its plan's name, not under the first header row's two cells."""
    html = ("<table><tr><th rowspan=\"2\">Cobertura</th><th colspan=\"2\">Limite de indenização</th></tr>"
            "<tr><th>Básico</th><th>Completo</th></tr>"
            "<tr><td>Roubo</td><td>não coberto</td><td>100% do valor</td></tr>"
            "<tr><td>Perda de geração</td><td>não coberto</td><td>R$ 30 por dia</td></tr></table>")
    assert [u.text for u in units(parse_html(html).blocks[0].text)] == [
        "Roubo: Limite de indenização Básico: não coberto; Limite de indenização Completo: 100% do valor.",
        "Perda de geração: Limite de indenização Básico: não coberto; Limite de indenização Completo: R$ 30 por dia.",
    ]


def test_a_cell_spanning_rows_fills_its_column_below() -> None:
    html = ("<table><tr><th>Plano</th><th>Item</th><th>Preço</th></tr>"
            "<tr><td rowspan=\"2\">Plus</td><td>Limpeza</td><td>R$ 250</td></tr>"
            "<tr><td>Visita</td><td>R$ 320</td></tr></table>")
    assert parse_html(html).blocks[0].text == "Plano | Item | Preço\nPlus | Limpeza | R$ 250\nPlus | Visita | R$ 320"


def test_a_title_cell_over_rows_of_data_heads_them() -> None:
    """One <th> across the table, then rows of two <td> cells: the first row is data, not the columns' names (the
    Cambucá KB, written blind: the theft deductible was read under "sem franquia")."""
    html = ("<table><tr><th colspan=\"2\">Franquia por evento</th></tr>"
            "<tr><td>Incêndio</td><td>sem franquia</td></tr>"
            "<tr><td>Roubo e furto</td><td>R$ 800</td></tr></table>")
    texts = [u.text for u in units(parse_html(html).blocks[0].text)]
    assert "Roubo e furto: Franquia por evento: R$ 800." in texts
    assert "Incêndio: Franquia por evento: sem franquia." in texts
