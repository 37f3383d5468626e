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

_SENTENCE_END = re.compile(r"(?<=[.!?…;:])\s+(?=\S)|\n+")


@dataclass(frozen=True)
class Chunk:
    index: int
    section: str
    text: str


def _split_long(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters, cut at sentence ends, else at spaces,
    else hard."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        sentence = sentence.strip()
        if not sentence:
            continue
        while len(sentence) > limit:
            cut = sentence.rfind(" ", 0, limit + 1)
            if cut < limit // 2:
                cut = limit
            pieces.append(sentence[:cut].strip())
            sentence = sentence[cut:].strip()
        if sentence:
            pieces.append(sentence)
    return pieces


def _tail(text: str, budget: int) -> str:
    """The end of `text` for the next chunk's overlap: whole sentences up to
    `budget` characters, else the last words that fit."""
    if budget <= 0 or not text:
        return ""
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]
    taken: list[str] = []
    size = 0
    for sentence in reversed(sentences):
        if size + len(sentence) + 1 > budget:
            break
        taken.insert(0, sentence)
        size += len(sentence) + 1
    if taken:
        return " ".join(taken)
    words = text[-budget:].split(" ", 1)
    return words[1] if len(words) == 2 else words[0]


def chunk_document(document: ParsedDocument, max_chars: int = 400, overlap: int = 60) -> list[Chunk]:
    """Chunks of at most about `max_chars` characters (an overlap is added on top
    only when it fits), each inside one section."""
    if max_chars < 50:
        raise ValueError("max_chars must be at least 50")
    overlap = max(0, min(overlap, max_chars // 2))
    chunks: list[Chunk] = []
    for section, group in groupby(document.blocks, key=lambda block: block.section):
        pieces: list[tuple[str, bool]] = []  # (text, starts a new block)
        for block in group:
            for position, piece in enumerate(_split_long(block.text, max_chars)):
                pieces.append((piece, position == 0))
        current: list[str] = []
        size = 0
        previous = ""
        for piece, new_block in pieces:
            joiner = "\n\n" if new_block else " "
            added = len(piece) + (len(joiner) if current else 0)
            if current and size + added > max_chars:
                previous = _emit(chunks, section, current)
                current, size = [], 0
                carried = _tail(previous, overlap)
                if carried and len(carried) + 1 + len(piece) <= max_chars + overlap // 2:
                    current, size = [carried], len(carried)
                added = len(piece) + (len(joiner) if current else 0)
            if current:
                current.append(joiner)
            current.append(piece)
            size += added
        if current:
            _emit(chunks, section, current)
    return chunks


def _emit(chunks: list[Chunk], section: str, parts: list[str]) -> str:
    text = "".join(parts).strip()
    if text:
        chunks.append(Chunk(index=len(chunks), section=section, text=text))
    return text
