"""Markdown: front matter, ATX and setext headings, paragraphs, lists, tables, code
fences, block quotes; inline markup (links, images, emphasis, HTML tags) reduced to
its text."""

from __future__ import annotations

import re

from atende_guardrails.text import join_lines
from knowledge_svc.documents.blocks import Block, Headings, ParsedDocument, clean_line

_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_FENCE = re.compile(r"^(```|~~~)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_RULE = re.compile(r"^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")  # a thematic break
_TABLE_SEPARATOR = re.compile(r":?-{2,}:?")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def _inline(text: str) -> str:
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    return clean_line(_HTML_TAG.sub("", text))


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


class _Reader:
    """Reads line by line, gathering the lines of the open block (`kind`: "para",
    "list", "table", "code" or "" for none) until something closes it."""

    def __init__(self) -> None:
        self.headings = Headings()
        self.blocks: list[Block] = []
        self.title = ""
        self.current: list[str] = []
        self.kind = ""

    def read(self, text: str) -> ParsedDocument:
        for raw in text.splitlines():
            self._line(raw)
        self._flush()
        return ParsedDocument(title=self.title, blocks=self.blocks)

    def _flush(self) -> None:
        if self.current:
            body = (join_lines(self.current) if self.kind == "para" else "\n".join(self.current)).strip()
            if body:
                self.blocks.append(Block(self.headings.section, body))
        self.current, self.kind = [], ""

    def _start(self, kind: str) -> None:
        """Closes the open block unless it is of `kind` already."""
        if self.kind != kind:
            self._flush()
            self.kind = kind

    def _line(self, raw: str) -> None:
        line = raw.rstrip()
        stripped = line.strip()
        if self.kind == "code":
            if _FENCE.match(stripped):
                self._flush()
            else:
                self.current.append(line)
        elif _FENCE.match(stripped):
            self._flush()
            self.kind = "code"
        elif self._heading(line, stripped):
            pass
        elif not stripped or _RULE.match(stripped):
            # Items of one list may be separated by blank lines.
            if stripped or self.kind != "list":
                self._flush()
        elif stripped.startswith("|"):
            self._table_row(stripped)
        elif _LIST_ITEM.match(line):
            self._start("list")
            self.current.append("- " + _inline(_LIST_ITEM.sub("", line, count=1)))
        elif self.kind == "list" and raw.startswith((" ", "\t")) and self.current:
            self.current[-1] += " " + _inline(stripped)  # a list item's continuation line
        else:
            self._paragraph_line(stripped)

    def _heading(self, line: str, stripped: str) -> bool:
        """Takes an ATX heading, or the underline of a setext heading; True if it did."""
        match = _ATX.match(line)
        if match:
            self._enter_heading(len(match.group(1)), match.group(2))
            return True
        if self.kind == "para" and len(self.current) == 1 and stripped and _SETEXT.match(stripped):
            name = self.current[0]
            self.current, self.kind = [], ""
            self._enter_heading(1 if stripped.startswith("=") else 2, name)
            return True
        return False

    def _enter_heading(self, level: int, name: str) -> None:
        self._flush()
        name = _inline(name)
        if not name:
            return
        if level == 1 and not self.title:
            self.title = name
        self.headings.close(level)
        if not (level == 1 and name == self.title and not self.headings):  # the title is no section
            self.headings.enter(level, name)

    def _table_row(self, stripped: str) -> None:
        self._start("table")
        cells = [_inline(cell) for cell in stripped.strip("|").split("|")]
        if not all(_TABLE_SEPARATOR.fullmatch(cell) for cell in cells if cell):  # not the header separator row
            self.current.append(" | ".join(cells))

    def _paragraph_line(self, stripped: str) -> None:
        if self.kind in ("list", "table"):
            self._flush()
        if stripped.startswith(">"):
            stripped = stripped.lstrip("> ").strip()
        self.kind = "para"
        self.current.append(_inline(stripped))


def parse_markdown(text: str) -> ParsedDocument:
    _, body = split_front_matter(text)
    return _Reader().read(body)
