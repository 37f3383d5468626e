"""What every parser produces: titled, sectioned blocks of text, the structure the
chunker cuts along; and the helpers the parsers share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Joins the headings a block sits under: "Garantia > Inversores".
SECTION_SEPARATOR = " > "

_WS = re.compile(r"[ \t\f\v\u00a0]+")


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


def clean_line(line: str) -> str:
    return _WS.sub(" ", line).strip()


class Headings:
    """The headings the text being read sits under, outermost first."""

    def __init__(self) -> None:
        self._stack: list[tuple[int, str]] = []

    def __bool__(self) -> bool:
        return bool(self._stack)

    def close(self, level: int) -> None:
        """Closes the open headings of `level` or deeper (a new one of `level` starts)."""
        while self._stack and self._stack[-1][0] >= level:
            self._stack.pop()

    def enter(self, level: int, name: str) -> None:
        self.close(level)
        self._stack.append((level, name))

    @property
    def section(self) -> str:
        return SECTION_SEPARATOR.join(name for _, name in self._stack)
