"""Plain text: paragraphs separated by blank lines, a short line alone between blank
lines taken for a heading. PDF pages are read the same way (pdf.py)."""

from __future__ import annotations

from atende_guardrails.text import join_lines
from knowledge_svc.documents.blocks import SECTION_SEPARATOR, Block, ParsedDocument, clean_line

_TERMINAL = tuple(".:;,!?)…\"'”»")


def _split_paragraphs(text: str) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    for raw in text.splitlines():
        line = clean_line(raw)
        if line:
            current.append(line)
        elif current:
            paragraphs.append(join_lines(current))
            current = []
    if current:
        paragraphs.append(join_lines(current))
    return paragraphs


def _looks_like_heading(paragraph: str) -> bool:
    """A one-line paragraph, short, with no closing punctuation, starting with a
    capital or a digit: "Política de devolução", "3. Installation", "WARRANTY"."""
    if "\n" in paragraph or len(paragraph) > 80 or len(paragraph) < 3 or len(paragraph.split()) > 10:
        return False
    if paragraph.endswith(_TERMINAL) or paragraph.startswith(("-", "*", "•")):
        return False
    first = paragraph[0]
    return first.isupper() or first.isdigit()


def parse_plain(text: str, base_section: str = "") -> ParsedDocument:
    """Paragraphs separated by blank lines; a short line alone between blank lines
    is taken for a heading."""
    blocks: list[Block] = []
    section = base_section
    title = ""
    paragraphs = _split_paragraphs(text)
    for index, paragraph in enumerate(paragraphs):
        has_body_after = index + 1 < len(paragraphs) and not _looks_like_heading(paragraphs[index + 1])
        if _looks_like_heading(paragraph) and has_body_after:
            if not title and not blocks:
                title = paragraph
            heading = paragraph
            section = f"{base_section}{SECTION_SEPARATOR}{heading}" if base_section else heading
            continue
        blocks.append(Block(section, paragraph))
    return ParsedDocument(title=title, blocks=blocks)
