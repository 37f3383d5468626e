"""Plain text: paragraphs separated by blank lines or by a rule line ("-----", "====="), a
short line alone between them taken for a heading, a table typed in them read as rows
(plain_tables.py). PDF pages are read the same way (pdf.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from atende_guardrails.text import join_lines
from knowledge_svc.documents.blocks import SECTION_SEPARATOR, Block, ParsedDocument, clean_line
from knowledge_svc.documents.plain_tables import segments

_TERMINAL = tuple(".:;,!?)…\"'”»")
# A heading may end in one word in parentheses, an acronym most often: "8. ENCARREGADO DE DADOS (DPO)".
_PARENTHESISED_WORD = re.compile(r"\s\(\w{1,12}\)$")
# A line of one drawing character, framing or underlining a heading ("----", "====", "****").
_RULE = re.compile(r"^([-=_*~#])\1{2,}$")
_FRAMED_HEADING_CHARS = 100


@dataclass
class _Paragraph:
    text: str
    framed: bool = False  # a line alone between two rule lines ("=====" over and under it): a heading
    table: bool = False


def _split_paragraphs(text: str) -> list[_Paragraph]:
    """Paragraphs of raw lines, split at blank and rule lines; a table in one (plain_tables.py) is a paragraph of
    its own, one row a line."""
    paragraphs: list[_Paragraph] = []
    current: list[str] = []
    ruled_before = False

    def flush(ruled_after: bool) -> None:
        for is_table, lines in segments(current):
            cleaned = [line for line in (clean_line(raw) for raw in lines) if line]
            if cleaned:
                body = "\n".join(cleaned) if is_table else join_lines(cleaned)
                paragraphs.append(_Paragraph(body, table=is_table))
        # (a sentence framed as a notice, "Atenção: nunca suba no telhado.", stays text; a question is a heading)
        if (len(current) == 1 and ruled_before and ruled_after and paragraphs
                and len(paragraphs[-1].text) <= _FRAMED_HEADING_CHARS and not paragraphs[-1].text.endswith((".", "!", ":"))):
            paragraphs[-1].framed = True
        current.clear()

    for raw in text.splitlines():
        line = clean_line(raw)
        if line and not _RULE.match(line):
            current.append(raw.expandtabs().rstrip())
            continue
        if current:
            flush(bool(line))
        ruled_before = bool(line)
    if current:
        flush(False)
    return paragraphs


def _looks_like_heading(paragraph: str) -> bool:
    """A one-line paragraph, short, with no closing punctuation but a word in
    parentheses, starting with a capital or a digit: "Política de devolução", "3.
    Installation", "WARRANTY", "Encarregado de dados (DPO)"."""
    if "\n" in paragraph or len(paragraph) > 80 or len(paragraph) < 3 or len(paragraph.split()) > 10:
        return False
    if paragraph.startswith(("-", "*", "•")):
        return False
    if paragraph.endswith(_TERMINAL) and not _PARENTHESISED_WORD.search(paragraph):
        return False
    first = paragraph[0]
    return first.isupper() or first.isdigit()


def parse_plain(text: str, base_section: str = "") -> ParsedDocument:
    """Paragraphs separated by blank lines or rule lines; a short line alone between
    them is taken for a heading: "5) CENTRO DE DISTRIBUIÇÃO — VÁRZEA GRANDE/MT" between two
    lines of dashes is the section of the lines under it."""
    blocks: list[Block] = []
    section = base_section
    title = ""
    paragraphs = _split_paragraphs(text)
    for index, paragraph in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        has_body_after = following is not None and not _heading(following)
        # The document's first line is its title even when a heading comes next ("LOJAS", then "1) MATRIZ").
        if _heading(paragraph) and (has_body_after or paragraph.framed or (not title and not blocks)):
            if not title and not blocks:
                title = paragraph.text
            heading = paragraph.text
            section = f"{base_section}{SECTION_SEPARATOR}{heading}" if base_section else heading
            continue
        blocks.append(Block(section, paragraph.text))
    return ParsedDocument(title=title, blocks=blocks)


def _heading(paragraph: _Paragraph) -> bool:
    return not paragraph.table and (paragraph.framed or _looks_like_heading(paragraph.text))
