"""Turns a document's content (plain text, Markdown, HTML or PDF) into titled,
sectioned blocks of text: the structure the chunker cuts along. One module a format;
blocks.py holds what they produce. No grpc here."""

from __future__ import annotations

import base64
import binascii

from knowledge_svc.documents.blocks import SECTION_SEPARATOR, Block, ParsedDocument, ParseError
from knowledge_svc.documents.html_text import parse_html
from knowledge_svc.documents.markdown import parse_markdown, split_front_matter
from knowledge_svc.documents.pdf import parse_pdf, pdf_to_markdown
from knowledge_svc.documents.plain import parse_plain
from knowledge_svc.documents.sniff import detect_content_type

__all__ = [
    "CONTENT_TYPES",
    "HTML",
    "MARKDOWN",
    "PDF",
    "PLAIN",
    "SECTION_SEPARATOR",
    "Block",
    "ParseError",
    "ParsedDocument",
    "detect_content_type",
    "normalize_content_type",
    "parse",
    "parse_html",
    "parse_markdown",
    "parse_pdf",
    "parse_plain",
    "pdf_to_markdown",
    "split_front_matter",
]

PLAIN = "text/plain"
MARKDOWN = "text/markdown"
HTML = "text/html"
PDF = "application/pdf"
CONTENT_TYPES = (PLAIN, MARKDOWN, HTML, PDF)

_ALIASES = {
    "text": PLAIN,
    "plain": PLAIN,
    "txt": PLAIN,
    "md": MARKDOWN,
    "markdown": MARKDOWN,
    "text/x-markdown": MARKDOWN,
    "html": HTML,
    "htm": HTML,
    "application/xhtml+xml": HTML,
    "pdf": PDF,
}


def normalize_content_type(value: str, content: str = "") -> str | None:
    """Maps what callers send ("markdown", "text/html; charset=utf-8") to one of
    CONTENT_TYPES, or None when it is none of them; an empty value is the format
    `content` shows (sniff.detect_content_type)."""
    kind = value.split(";", 1)[0].strip().lower()
    if not kind:
        return detect_content_type(content)
    kind = _ALIASES.get(kind, kind)
    return kind if kind in CONTENT_TYPES else None


def parse(content: str, content_type: str) -> ParsedDocument:
    """Parses `content` of a normalized content type. PDF content is base64 text
    (what a proto `bytes` field is in JSON), since Document.text is a string."""
    if content_type == MARKDOWN:
        return parse_markdown(content)
    if content_type == HTML:
        return parse_html(content)
    if content_type == PDF:
        try:
            data = base64.b64decode(content.strip(), validate=True)
        except (binascii.Error, ValueError) as error:
            raise ParseError("is not base64-encoded PDF data") from error
        return parse_pdf(data)
    return parse_plain(content)
