"""PDF (pypdf, page by page): each page's text read as plain text under "page N"."""

from __future__ import annotations

import io

from knowledge_svc.documents.blocks import SECTION_SEPARATOR, Block, ParsedDocument, ParseError, clean_line
from knowledge_svc.documents.plain import parse_plain


def parse_pdf(data: bytes) -> ParsedDocument:
    """Text of each page (pypdf), paragraphs within a page; the section is the page's
    heading when one is detected, else "page N"."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ParseError("is an encrypted PDF")
        title = ""
        try:
            meta = reader.metadata
            if meta is not None and meta.title:
                title = clean_line(str(meta.title))
        except PyPdfError:
            pass
        blocks: list[Block] = []
        for number, page in enumerate(reader.pages, start=1):
            try:  # the layout mode keeps the blank lines between paragraphs
                page_text = page.extract_text(extraction_mode="layout") or ""
            except Exception:
                page_text = page.extract_text() or ""
            parsed = parse_plain(page_text, base_section=f"page {number}")
            if not title and parsed.title:
                title = parsed.title
            blocks.extend(parsed.blocks)
    except ParseError:
        raise
    except Exception as error:  # pypdf raises many kinds on corrupt files
        raise ParseError(f"is not a readable PDF ({type(error).__name__})") from error
    return ParsedDocument(title=title, blocks=blocks)


def pdf_to_markdown(data: bytes) -> tuple[str, str]:
    """(title, Markdown text with a "## page N" heading a page): what the CLI sends
    for a PDF, so the server chunks it along its pages."""
    parsed = parse_pdf(data)
    lines: list[str] = []
    last_section: str | None = None
    for block in parsed.blocks:
        if block.section != last_section:
            parts = block.section.split(SECTION_SEPARATOR)
            lines.append("## " + parts[0])
            if len(parts) > 1:
                lines.append("### " + SECTION_SEPARATOR.join(parts[1:]))
            lines.append("")
            last_section = block.section
        lines.append(block.text)
        lines.append("")
    return parsed.title, "\n".join(lines)
