"""Tables typed into plain text, read as rows: a pipe table ("CODE | DESCRIPTION", its "----+----" rule), a table
aligned with spaces under a rule of dash groups ("Code    Meaning" over "------  -------"), or aligned with no rule
when every line's columns start at the same places. A cell wrapped onto the next line (the row's first cell empty
there) is joined to its row. Each table comes out as "cell | cell" lines, the form the Markdown and HTML parsers
give a table, so a row is quoted with its header (agent_svc/evidence.py) and a chunk of rows repeats it
(chunking.py); read as prose, the rows ran together into one sentence nobody could quote.

A dotted leader ("Phone (toll free) ........ 0800 642 7711") is a field: "Phone (toll free): 0800 642 7711"."""

from __future__ import annotations

import itertools
import re

_PIPE_RULE = re.compile(r"^\s*\|?[\s:+|=-]*-{3,}[\s:+|=-]*$")
_DASH_GROUPS = re.compile(r"^\s*-{2,}(?:\s+-{2,})+\s*$")
_GROUP = re.compile(r"-{2,}")
_LEADER = re.compile(r"^(\S.*?\S)\s*\.{4,}\s*(\S.*)$")
# Where a cell starts in a line aligned with spaces: after two spaces or more.
_ALIGNED_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
MIN_ALIGNED_ROWS = 3
HEADER_CELL_CHARS = 40


def with_leaders_as_fields(line: str) -> str:
    match = _LEADER.match(line.strip())
    return f"{match.group(1)}: {match.group(2)}" if match else line


def _joined(rows: list[list[str]], cells: list[str]) -> None:
    """Adds a row, or joins a wrapped one (first cell empty, no wider) to the row above."""
    if rows and len(cells) <= len(rows[-1]) and not cells[0] and any(cells):
        cells = cells + [""] * (len(rows[-1]) - len(cells))
        rows[-1] = [f"{above} {cell}".strip() if cell else above for above, cell in zip(rows[-1], cells, strict=True)]
    elif any(cells):
        rows.append(cells)


def _pipe_cells(line: str, framed: bool = True) -> list[str]:
    """A row's cells. In a table whose rows are not framed by pipes ("CODE  | DESCRIPTION"), what comes before a
    row's first pipe is its first cell, empty on a wrapped line ("      | 253 V)")."""
    text = line.strip() if framed else line.rstrip()
    text = text[1:] if framed and text.startswith("|") else text
    text = text[:-1] if framed and text.endswith("|") else text
    return [cell.strip() for cell in text.split("|")]


def _sliced(line: str, starts: list[int]) -> list[str]:
    """The line's cells at the columns' start positions, a cut inside a word moved back to that word's start."""
    bounds = []
    for start in starts[1:]:
        while 0 < start < len(line) and line[start - 1] != " " and line[start] != " ":
            start -= 1
        bounds.append(start)
    edges = [0, *bounds, max(len(line), 1)]
    return [line[a:b].strip() for a, b in itertools.pairwise(edges)]


def _starts(line: str) -> list[int]:
    return [match.end() for match in _ALIGNED_GAP.finditer(line)]


def _pipe_table(lines: list[str], at: int) -> tuple[list[str], int]:
    rows: list[list[str]] = []
    framed = lines[at].strip().startswith("|")
    index = at
    while index < len(lines) and ("|" in lines[index] or _PIPE_RULE.match(lines[index])):
        if not _PIPE_RULE.match(lines[index]):
            _joined(rows, _pipe_cells(lines[index], framed))
        index += 1
    return [" | ".join(row) for row in rows], index


def _aligned_table(lines: list[str], at: int, starts: list[int]) -> tuple[list[str], int]:
    """Rows from line `at` (the header) on, at the columns' `starts`; a rule of dash groups under the header is
    skipped."""
    rows: list[list[str]] = []
    index = at
    while index < len(lines):
        if not _DASH_GROUPS.match(lines[index]):
            _joined(rows, _sliced(lines[index], starts))
        index += 1
    return [" | ".join(row) for row in rows], index


def _aligned_without_rule(lines: list[str], at: int) -> list[int]:
    """The columns' starts when every line from `at` on starts its cells at the header's places (a wrapped line may
    leave its first cells empty), else []."""
    header = _starts(lines[at])
    if not header or len(lines) - at < MIN_ALIGNED_ROWS:
        return []
    # A header names its columns in a few words each; a first line of sentences ("Step 1    Turn OFF the breaker.")
    # is a list written in columns.
    names = _sliced(lines[at], [0, *header])
    if any(len(name) > HEADER_CELL_CHARS or name.endswith(".") for name in names):
        return []
    for line in lines[at + 1:]:
        starts = _starts(line)
        first_empty = line[: header[0]].strip() == ""
        if not starts and not first_empty:
            return []
        if not set(starts) <= set(header) or (not first_empty and starts != header):
            return []
    return [0, *header]


def segments(lines: list[str]) -> list[tuple[bool, list[str]]]:
    """A paragraph's raw lines (tabs expanded) as runs of prose lines and of table rows: (is_table, lines)."""
    out: list[tuple[bool, list[str]]] = []
    prose: list[str] = []

    def flush() -> None:
        if prose:
            out.append((False, prose.copy()))
            prose.clear()

    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if "|" in line and ("|" in following or _PIPE_RULE.match(following)) and len(_pipe_cells(line)) > 1:
            rows, index = _pipe_table(lines, index)
            flush()
            out.append((True, rows))
            continue
        if following and _DASH_GROUPS.match(following):
            rows, index = _aligned_table(lines, index, [m.start() for m in _GROUP.finditer(following)])
            flush()
            out.append((True, rows))
            continue
        if not prose and (starts := _aligned_without_rule(lines, index)):
            rows, index = _aligned_table(lines, index, starts)
            out.append((True, rows))
            continue
        prose.append(with_leaders_as_fields(line))
        index += 1
    flush()
    return out
