"""Tables typed into plain-text documents (issue 16, KB Cupuaçu written blind): read as rows under their header, as a
Markdown or HTML table is, so that an answer quotes the row that holds the fact ("E-410: Meaning: Residual current
...") instead of a run-on paragraph of every row. Documents written for these tests."""

from __future__ import annotations

from agent_svc.evidence import units
from knowledge_svc.chunking import chunk_document
from knowledge_svc.documents import parse_html, parse_plain
from knowledge_svc.documents.blocks import Block

ALIGNED = """\
==============================================
4. INTERNAL CODES (300 and 400 series)
==============================================

Code    Meaning                              Action
------  -----------------------------------  -----------------------
E-301   Internal over-temperature (>75 C)    Improve ventilation
E-410   Residual current (leakage) >300 mA   Switch off, call
                                             support
"""


def test_a_table_aligned_under_dash_groups_is_rows_under_a_framed_heading() -> None:
    parsed = parse_plain(ALIGNED)
    assert parsed.blocks == [Block("4. INTERNAL CODES (300 and 400 series)",
                                   "Code | Meaning | Action\n"
                                   "E-301 | Internal over-temperature (>75 C) | Improve ventilation\n"
                                   "E-410 | Residual current (leakage) >300 mA | Switch off, call support")]
    quoted = [unit.text for unit in units(parsed.blocks[0].text)]
    assert "E-410: Meaning: Residual current (leakage) >300 mA; Action: Switch off, call support." in quoted


def test_a_pipe_table_with_wrapped_cells_joins_them_to_their_row() -> None:
    text = ("CODE  | DESCRIPTION                    | SEVERITY\n"
            "------+--------------------------------+---------\n"
            "E-101 | Grid overvoltage (10-min       | Medium\n"
            "      | average above 253 V)           |\n"
            "E-102 | Grid undervoltage              | Low\n")
    assert parse_plain(f"Codes\n\n{text}").blocks == [
        Block("Codes", "CODE | DESCRIPTION | SEVERITY\nE-101 | Grid overvoltage (10-min average above 253 V) | Medium\n"
                       "E-102 | Grid undervoltage | Low")]


def test_columns_without_a_rule_are_a_table_only_under_a_header_of_names() -> None:
    checklist = ("Task                         Frequency       Who\n"
                 "Check the app                Weekly          Owner\n"
                 "Clean the modules            6 to 12 months  Owner or us\n")
    steps = ("Step 1     Turn OFF the AC breaker.\n"
             "Step 2     Turn OFF the DC switch.\n"
             "Step 3     Wait 5 minutes.\n")
    assert parse_plain(f"Checklist\n\n{checklist}").blocks[0].text == (
        "Task | Frequency | Who\nCheck the app | Weekly | Owner\nClean the modules | 6 to 12 months | Owner or us")
    assert "|" not in parse_plain(f"Reset\n\n{steps}").blocks[0].text


def test_a_dotted_leader_is_a_field() -> None:
    parsed = parse_plain("Support\n\nPhone (toll free) ........ 0800 642 7711\nWhatsApp ................. (62) 99870-4455\n")
    assert parsed.blocks == [Block("Support", "Phone (toll free): 0800 642 7711\nWhatsApp: (62) 99870-4455")]


def test_prose_with_wide_spaces_stays_prose() -> None:
    prose = ("The inverter  restarts by itself.  Wait five minutes\n"
             "before you call.  Most faults  clear on their own\n"
             "within an hour.\n")
    assert parse_plain(f"Faults\n\n{prose}").blocks[0].text == (
        "The inverter restarts by itself. Wait five minutes before you call. Most faults clear on their own within an "
        "hour.")


def test_every_chunk_of_a_long_aligned_table_repeats_its_header() -> None:
    rows = "\n".join(f"E-{100 + n}   Fault number {n} of the grid side       Call support" for n in range(30))
    text = ("Codes\n\nCode    Meaning                                 Action\n"
            f"------  --------------------------------------  ------------\n{rows}\n")
    chunks = chunk_document(parse_plain(text), max_chars=400)
    assert len(chunks) > 2
    assert all(chunk.text.startswith("Code | Meaning | Action") for chunk in chunks)


def test_a_table_under_a_long_caption_keeps_its_header_in_every_chunk() -> None:
    # An HTML table's caption comes out above its header ("Tabela 2 — Taxas e simulação ..."); a chunk of its later
    # rows must still start with the header, or its first row is read as one ("48 meses: 1,59% a.m.: 1,69% a.m.").
    rows = "".join(f"<tr><td>{12 * n} meses</td><td>1,{29 + n}% a.m.</td><td>R$ {900 - 40 * n},00</td></tr>"
                   for n in range(1, 9))
    html = ("<h2>Simulação</h2><table><tr><th colspan='3'>Tabela 2 — Taxas e simulação para R$ 20.000 financiados, "
            f"sem entrada</th></tr><tr><th>Prazo</th><th>Taxa de juros</th><th>Parcela mensal</th></tr>{rows}</table>")
    chunks = chunk_document(parse_html(html), max_chars=200)
    later = next(chunk for chunk in chunks if "96 meses" in chunk.text)
    assert later.text.startswith("Prazo | Taxa de juros | Parcela mensal")
    assert "96 meses: Taxa de juros: 1,37% a.m.; Parcela mensal: R$ 580,00." in [u.text for u in units(later.text)]
    first = next(chunk for chunk in chunks if "12 meses" in chunk.text)
    assert "12 meses: Taxa de juros: 1,30% a.m.; Parcela mensal: R$ 860,00." in [u.text for u in units(first.text)]


def test_a_sentence_framed_as_a_notice_stays_text() -> None:
    parsed = parse_plain("GUIA\n\n-----\nAtenção: nunca suba no telhado.\n-----\n\nLimpeza\n\nUse água.")
    assert Block("GUIA", "Atenção: nunca suba no telhado.") in parsed.blocks
