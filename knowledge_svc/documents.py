"""Turns a document's content (plain text, Markdown, HTML or PDF) into titled,
sectioned blocks of text: the structure the chunker cuts along. No grpc here."""

from __future__ import annotations

import base64
import binascii
import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

PLAIN = "text/plain"
MARKDOWN = "text/markdown"
HTML = "text/html"
PDF = "application/pdf"
CONTENT_TYPES = (PLAIN, MARKDOWN, HTML, PDF)

# Joins the headings a block sits under: "Garantia > Inversores".
SECTION_SEPARATOR = " > "


class ParseError(ValueError):
    """The content cannot be read as the declared type (a broken PDF, bad base64)."""


@dataclass(frozen=True)
class Block:
    """A unit the chunker keeps whole when it can: a paragraph, a list, a table."""

    section: str
    text: str


@dataclass
class ParsedDocument:
    title: str
    blocks: list[Block] = field(default_factory=list)


def normalize_content_type(value: str) -> str | None:
    """Maps what callers send ("", "markdown", "text/html; charset=utf-8") to one of
    CONTENT_TYPES, or None when it is none of them."""
    kind = value.split(";", 1)[0].strip().lower()
    aliases = {
        "": PLAIN,
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
    kind = aliases.get(kind, kind)
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


_WS = re.compile(r"[ \t\f\v\u00a0]+")


def _clean_line(line: str) -> str:
    return _WS.sub(" ", line).strip()


_BULLET = re.compile(r"^(?:[-*•▪◦]|\d{1,3}[.)])\s+")


def _join_lines(lines: list[str]) -> str:
    """Soft-wrapped lines become one line; list items keep their own lines."""
    out = lines[0]
    for line in lines[1:]:
        out += ("\n" if _BULLET.match(line) else " ") + line
    return out


def _split_paragraphs(text: str) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    for raw in text.splitlines():
        line = _clean_line(raw)
        if line:
            current.append(line)
        elif current:
            paragraphs.append(_join_lines(current))
            current = []
    if current:
        paragraphs.append(_join_lines(current))
    return paragraphs


_TERMINAL = tuple(".:;,!?)…\"'”»")


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


# --- Markdown ---------------------------------------------------------------

_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_FENCE = re.compile(r"^(```|~~~)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_RULE = re.compile(r"^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")  # a thematic break
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def _inline_markdown(text: str) -> str:
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    return _HTML_TAG.sub("", text)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """`---`-fenced `key: value` lines at the top of a Markdown file (a YAML subset:
    flat string values only). Returns (fields, the rest of the text)."""
    stripped = text.lstrip("\ufeff")
    if not stripped.startswith("---"):
        return {}, text
    lines = stripped.splitlines()
    if lines[0].strip() != "---":
        return {}, text
    fields: dict[str, str] = {}
    for index in range(1, len(lines)):
        line = lines[index]
        if line.strip() in ("---", "..."):
            return fields, "\n".join(lines[index + 1 :])
        if ":" in line and not line.startswith((" ", "\t", "#")):
            key, value = line.split(":", 1)
            fields[key.strip()] = value.strip().strip("\"'")
    return {}, text


def parse_markdown(text: str) -> ParsedDocument:
    _, text = split_front_matter(text)
    headings: list[tuple[int, str]] = []
    blocks: list[Block] = []
    title = ""
    current: list[str] = []
    current_kind = ""  # "para", "list", "table", "code"

    def section() -> str:
        return SECTION_SEPARATOR.join(h for _, h in headings)

    def flush() -> None:
        nonlocal current, current_kind
        if current:
            body = (" " if current_kind == "para" else "\n").join(current).strip()
            if body:
                blocks.append(Block(section(), body))
        current, current_kind = [], ""

    def heading(level: int, name: str) -> None:
        nonlocal title
        flush()
        name = _clean_line(_inline_markdown(name))
        if not name:
            return
        if level == 1 and not title:
            title = name
        while headings and headings[-1][0] >= level:
            headings.pop()
        if not (level == 1 and name == title and not headings):
            headings.append((level, name))

    lines = text.splitlines()
    index = 0
    while index < len(lines):
        raw = lines[index]
        line = raw.rstrip()
        index += 1
        if current_kind == "code":
            if _FENCE.match(line.strip()):
                flush()
            else:
                current.append(raw.rstrip())
            continue
        if _FENCE.match(line.strip()):
            flush()
            current_kind = "code"
            continue
        match = _ATX.match(line)
        if match:
            heading(len(match.group(1)), match.group(2))
            continue
        if (
            current_kind == "para"
            and len(current) == 1
            and _SETEXT.match(line.strip())
            and line.strip()
        ):
            name = current[0]
            current, current_kind = [], ""
            heading(1 if line.strip().startswith("=") else 2, name)
            continue
        stripped = line.strip()
        if not stripped:
            if current_kind != "list":
                flush()
            continue
        if _RULE.match(stripped):
            flush()
            continue
        if stripped.startswith("|"):
            if current_kind != "table":
                flush()
                current_kind = "table"
            cells = [_clean_line(_inline_markdown(cell)) for cell in stripped.strip("|").split("|")]
            if all(re.fullmatch(r":?-{2,}:?", cell) for cell in cells if cell):
                continue  # the header separator row
            current.append(" | ".join(cells))
            continue
        if _LIST_ITEM.match(line):
            if current_kind != "list":
                flush()
                current_kind = "list"
            item = _LIST_ITEM.sub("", line, count=1)
            current.append("- " + _clean_line(_inline_markdown(item)))
            continue
        if current_kind == "list" and (raw.startswith((" ", "\t"))) and current:
            current[-1] += " " + _clean_line(_inline_markdown(stripped))
            continue
        if current_kind in ("list", "table"):
            flush()
        if stripped.startswith(">"):
            stripped = stripped.lstrip("> ").strip()
        current_kind = "para"
        current.append(_clean_line(_inline_markdown(stripped)))
    flush()
    return ParsedDocument(title=title, blocks=blocks)


# --- HTML --------------------------------------------------------------------

# Not content: code, styles, embedded objects, and the site's navigation and footer.
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "nav", "footer"}
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "blockquote",
    "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "form", "fieldset", "figure",
    "figcaption", "address", "details", "summary", "body", "html",
}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}


class _HtmlExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.blocks: list[Block] = []
        self._headings: list[tuple[int, str]] = []
        self._skip_depth = 0
        self._in_title = False
        self._heading_level = 0
        self._heading_text: list[str] = []
        self._text: list[str] = []
        self._item_prefix = ""
        self._in_pre = False
        self._row: list[str] = []
        self._cell_start = 0

    # text accumulation
    def _section(self) -> str:
        return SECTION_SEPARATOR.join(h for _, h in self._headings)

    def _flush(self) -> None:
        raw = "".join(self._text)
        self._text = []
        if self._in_pre:
            body = "\n".join(line.rstrip() for line in raw.splitlines()).strip("\n")
        else:
            body = "\n".join(_clean_line(line) for line in raw.splitlines() if _clean_line(line))
        if body.strip():
            self.blocks.append(Block(self._section(), self._item_prefix + body))
        self._item_prefix = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            if tag == "head":
                return  # <title> lives in <head>; nothing else there is text
            self._skip_depth += 1
            return
        if self._skip_depth:
            return
        if tag == "title":
            self._in_title = True
            return
        if tag in _HEADINGS:
            self._flush()
            self._heading_level = _HEADINGS[tag]
            self._heading_text = []
            return
        if tag == "br":
            self._text.append("\n")
            return
        if tag in ("td", "th"):
            self._cell_start = len(self._text)
            return
        if tag in _BLOCK_TAGS:
            self._flush()
            if tag == "li":
                self._item_prefix = "- "
            if tag == "pre":
                self._in_pre = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self._skip_depth:
            self._text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            if tag != "head" and self._skip_depth:
                self._skip_depth -= 1
            return
        if self._skip_depth:
            return
        if tag == "title":
            self._in_title = False
            return
        if tag in _HEADINGS and self._heading_level:
            name = _clean_line("".join(self._heading_text))
            level = self._heading_level
            self._heading_level = 0
            if not name:
                return
            if level == 1 and (not self.title or (name == self.title and not self._headings)):
                self.title = name
                if not self._headings:
                    return  # the document's title is not a section of it
            while self._headings and self._headings[-1][0] >= level:
                self._headings.pop()
            self._headings.append((level, name))
            return
        if tag in ("td", "th"):
            cell = _clean_line("".join(self._text[self._cell_start :]))
            del self._text[self._cell_start :]
            self._row.append(cell)
            return
        if tag == "tr":
            cells = [cell for cell in self._row if cell]
            if cells:
                self.blocks.append(Block(self._section(), " | ".join(cells)))
            self._row = []
            return
        if tag in _BLOCK_TAGS:
            self._flush()
            if tag == "pre":
                self._in_pre = False

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        if self._in_title:
            self.title += data
        elif self._heading_level:
            self._heading_text.append(data)
        else:
            self._text.append(data if self._in_pre else data.replace("\n", " "))

    def close(self) -> None:
        super().close()
        self._flush()
        self.title = _clean_line(self.title)


def parse_html(text: str) -> ParsedDocument:
    extractor = _HtmlExtractor()
    extractor.feed(text)
    extractor.close()
    return ParsedDocument(title=extractor.title, blocks=extractor.blocks)


# --- PDF ---------------------------------------------------------------------


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
                title = _clean_line(str(meta.title))
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
