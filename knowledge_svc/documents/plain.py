"""Plain text: paragraphs separated by blank lines or by a rule line ("-----", "====="), a
short line alone between them taken for a heading. PDF pages are read the same way (pdf.py)."""

from __future__ import annotations

import re

from atende_guardrails.text import join_lines
from knowledge_svc.documents.blocks import SECTION_SEPARATOR, Block, ParsedDocument, clean_line

_TERMINAL = tuple(".:;,!?)…\"'”»")
# A heading may end in one word in parentheses, an acronym most often: "8. ENCARREGADO DE DADOS (DPO)".
_PARENTHESISED_WORD = re.compile(r"\s\(\w{1,12}\)$")
# A line of one drawing character, framing or underlining a heading ("----", "====", "****").
_RULE = re.compile(r"^([-=_*~#])\1{2,}$")


def _split_paragraphs(text: str) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    for raw in text.splitlines():
        line = clean_line(raw)
        if line and not _RULE.match(line):
            current.append(line)
        elif current:
            paragraphs.append(join_lines(current))
            current = []
    if current:
        paragraphs.append(join_lines(current))
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
        has_body_after = index + 1 < len(paragraphs) and not _looks_like_heading(paragraphs[index + 1])
        # The document's first line is its title even when a heading comes next ("LOJAS", then "1) MATRIZ").
        if _looks_like_heading(paragraph) and (has_body_after or (not title and not blocks)):
            if not title and not blocks:
                title = paragraph
            heading = paragraph
            section = f"{base_section}{SECTION_SEPARATOR}{heading}" if base_section else heading
            continue
        blocks.append(Block(section, paragraph))
    return ParsedDocument(title=title, blocks=blocks)
