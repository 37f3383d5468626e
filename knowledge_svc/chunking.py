"""Cuts a parsed document into overlapping chunks along its structure: a chunk
never spans two sections, keeps paragraphs, lists and table rows whole when they
fit, and otherwise breaks at sentence, then word, boundaries. Consecutive chunks of
one section share their boundary sentences (the overlap), so an answer that
straddles a cut is whole in at least one chunk. No grpc here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

from knowledge_svc.documents import ParsedDocument

# Changes whenever the chunks of a document change (cuts, overlap, what a chunk's
# text and vector hold): the service re-ingests its sample KB when the collection was
# built by another version (app.load_sample_if_empty).
CHUNKER_VERSION = "9"

_SENTENCE_END = re.compile(r"(?<=[.!?…;:])\s+(?=\S)|\n+")
# A short line ending in a colon introduces what follows ("O financiamento é feito pela X:"
# over its list of terms): a chunk of the intro alone answers nothing, and the list
# without it loses its subject. It goes with what it introduces.
LEAD_IN_CHARS = 160


@dataclass(frozen=True)
class Chunk:
    index: int
    section: str
    text: str


def _split_long(text: str, limit: int) -> list[tuple[str, str]]:
    """Pieces of at most `limit` characters, each with the separator that came
    before it ("\n" at a line break, else " "): cut at line breaks, then at sentence
    ends, then at spaces, else hard."""
    if len(text) <= limit:
        return [(text, " ")]
    pieces: list[tuple[str, str]] = []
    for line in text.split("\n"):
        joiner = "\n"
        for sentence in _SENTENCE_END.split(line) if len(line) > limit else [line]:
            sentence = sentence.strip()
            if not sentence:
                continue
            while len(sentence) > limit:
                cut = sentence.rfind(" ", 0, limit + 1)
                if cut < limit // 2:
                    cut = limit
                pieces.append((sentence[:cut].strip(), joiner))
                joiner = " "
                sentence = sentence[cut:].strip()
            if sentence:
                pieces.append((sentence, joiner))
                joiner = " "
    return pieces


# A line of a table block that is no row: a section's title across the table ("DC input"), this long at most
# (knowledge.py's table prose reads it the same way).
TABLE_TITLE_CHARS = 60


def _table_header(text: str) -> str:
    """The header row of a table block (every line "cell | cell", but for short section titles and a caption of any
    length above the header: "Tabela 2 — Taxas e simulação para R$ 20.000 financiados, sem entrada"), else ""."""
    lines = text.split("\n")
    rows = [index for index, line in enumerate(lines) if " | " in line]
    if len(rows) >= 2 and all(" | " in line or len(line) <= TABLE_TITLE_CHARS or index < rows[0]
                              for index, line in enumerate(lines)):
        return lines[rows[0]]
    return ""


def _tail(text: str, budget: int) -> str:
    """The end of `text` for the next chunk's overlap: whole sentences up to
    `budget` characters, else nothing."""
    if budget <= 0 or not text:
        return ""
    if " | " in text.rsplit("\n\n", 1)[-1]:
        return ""  # the chunk ends in table rows: the next chunk repeats the header, not rows
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]
    taken: list[str] = []
    size = 0
    for sentence in reversed(sentences):
        if size + len(sentence) + 1 > budget:
            break
        taken.insert(0, sentence)
        size += len(sentence) + 1
    # No whole sentence fits: no overlap rather than a fragment that starts mid-sentence.
    return " ".join(taken)


def _block_pieces(text: str, max_chars: int) -> list[tuple[str, str, str]]:
    """A block's pieces: (text, the separator before it, the table header it needs)."""
    pieces: list[tuple[str, str, str]] = []
    header = _table_header(text)
    if header and len(text) > max_chars:
        # Every line but the header (a title across the table may come before it, and the header again after
        # such a title): each chunk of the rows starts with it.
        lines = [line for line in text.split("\n") if line != header]
        for position, row in enumerate(lines):
            for number, (part, joiner) in enumerate(_split_long(row, max(50, max_chars - len(header) - 1))):
                if number == 0:
                    joiner = "\n\n" if position == 0 else "\n"
                pieces.append((part, joiner, header))
        return pieces
    for position, (piece, joiner) in enumerate(_split_long(text, max_chars)):
        pieces.append((piece, "\n\n" if position == 0 else joiner, ""))
    return pieces


def chunk_document(document: ParsedDocument, max_chars: int = 400, overlap: int = 60) -> list[Chunk]:
    """Chunks of at most about `max_chars` characters (an overlap is added on top
    only when it fits), each inside one section. A table too long for one chunk is
    cut between rows, and every chunk of its rows starts with its header row (a row
    means nothing without it); lists keep one item a line."""
    if max_chars < 50:
        raise ValueError("max_chars must be at least 50")
    overlap = max(0, min(overlap, max_chars // 2))
    chunks: list[Chunk] = []
    for section, group in groupby(document.blocks, key=lambda block: block.section):
        pieces = [piece for block in group for piece in _block_pieces(block.text, max_chars)]
        _chunk_section(chunks, section, pieces, max_chars, overlap)
    return chunks


def _chunk_section(chunks: list[Chunk], section: str, pieces: list[tuple[str, str, str]], max_chars: int,
                   overlap: int) -> None:
    """Appends one section's chunks, built from its pieces (text, separator, table header)."""
    current: list[str] = []
    size = opened = 0
    previous = ""
    headed = ""  # the table header the chunk being built holds
    for piece, joiner, header in pieces:
        # A table's first row joins a chunk that holds other text: its header goes first.
        heading = bool(current) and bool(header) and header != headed
        added = len(piece) + (len(joiner) if current else 0) + (len(header) + 1 if heading else 0)
        if current and size + added > max_chars:
            lead = _lead_in(current)
            # Its own pieces (not the header or overlap it opened with; separators between).
            own = (len(current) - 1) // 2 + (0 if opened else 1)
            if lead and own <= 1 and size + added <= max_chars + overlap:
                # the intro alone would be a chunk of nothing
                current.extend((joiner, header, "\n", piece) if heading else (joiner, piece))
                size += added
                headed = header
                continue
            if lead and own > 1:
                del current[-2:]  # the intro and its separator open the next chunk
            previous = _emit(chunks, section, current)
            current, opened = _opening(header, lead if own > 1 else "", previous, piece, max_chars, overlap)
            size = len(current[0]) if current else 0
            joiner = "\n" if header else joiner
            added = len(piece) + (len(joiner) if current else 0)
        elif not current and header:
            current, size, opened = [header], len(header), 1
            joiner = "\n"
            added = len(piece) + 1
        elif heading:
            current.extend((joiner, header))
            joiner = "\n"
        if current:
            current.append(joiner)
        current.append(piece)
        size += added
        headed = header
    if current:
        _emit(chunks, section, current)


def _opening(header: str, lead: str, previous: str, piece: str, max_chars: int, overlap: int
             ) -> tuple[list[str], int]:
    """What a new chunk starts with before `piece`, and whether it is carried (1) or
    its own (0): the table header, the intro the last chunk ended with, or the
    overlap of the last chunk's end."""
    if header:
        return [header], 1
    if lead and len(lead) + 1 + len(piece) <= max_chars + overlap:
        return [lead], 0
    carried = _tail(previous, overlap)
    if carried and len(carried) + 1 + len(piece) <= max_chars + overlap // 2:
        return [carried], 1
    return [], 0


def _lead_in(parts: list[str]) -> str:
    """The last piece of a chunk being built when it introduces what follows (a short
    line ending in a colon), else ""."""
    last = parts[-1].strip() if parts else ""
    return last if last.endswith(":") and len(last) <= LEAD_IN_CHARS and "\n" not in last else ""


def _emit(chunks: list[Chunk], section: str, parts: list[str]) -> str:
    text = "".join(parts).strip()
    if text:
        chunks.append(Chunk(index=len(chunks), section=section, text=text))
    return text
