"""The text toolkit every service shares: accent folding, words, sentence
splitting (whole texts and streamed ones), and a small Portuguese/English
detector, enough to answer in the customer's language. The adversarial view
that detection runs on (look-alike letters, invisible characters) is
`normalize` in normalize.py."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator

_PT = frozenset(
    "a o os as um uma de do da dos das em no na nos nas para por com não nao é e que qual quais "
    "quanto quanta como onde quando você voce vocês meu minha seu sua isso este esta olá ola oi "
    "obrigado obrigada preciso quero tem têm está estou são sou bom dia boa tarde noite ajuda sim".split()
)
_EN = frozenset(
    "the a an of in on for to with not is are what which how where when you your my mine this that "
    "hello hi thanks thank need want have has do does can could would please good morning help yes".split()
)
# Whole words only, and no part of a hyphenated one: "E04" and "E-104" are error codes
# and "e-mail" a noun, not the Portuguese "e".
_LETTERS = re.compile(r"(?<![\w-])[a-zà-ÿ]+(?![\w-])", re.I)
_PT_MARKS = re.compile(r"[ãõçáéíóúâêô]", re.I)


class _WithoutMarks(dict[int, int | None]):
    """A str.translate table that drops combining marks, filled as characters are
    first seen (so translate runs at C speed instead of a Python loop per character)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        if len(self) < 65_536:  # hostile text must not grow it without bound
            self[code] = kept
        return kept


_WITHOUT_MARKS = _WithoutMarks()


def fold(text: str) -> str:
    """Lower case without accents, for matching Portuguese typed with or without them."""
    lowered = text.lower()
    if lowered.isascii():  # NFKD leaves ASCII as it is
        return lowered
    return unicodedata.normalize("NFKD", lowered).translate(_WITHOUT_MARKS)


def detect_language(text: str, default: str = "pt") -> str:
    """"pt" or "en": function words of each language, with accents counting for Portuguese."""
    found = [w.lower() for w in _LETTERS.findall(text)]
    pt = sum(w in _PT for w in found) + 2 * len(_PT_MARKS.findall(text))
    en = sum(w in _EN for w in found)
    if pt == en:
        return default
    return "pt" if pt > en else "en"


_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """The folded words of a text."""
    return _WORD.findall(fold(text))


# Sentence boundaries: terminal punctuation followed by white space, or a line break.
_ABBREVIATIONS = frozenset(
    "sr sra srta dr dra prof profa etc ex eg ie vs av no nº n pág pag p tel cel obs aprox min max mr mrs ms st jr inc "
    "ltda cia".split()
)
_BOUNDARY = re.compile(r"(?:[.!?…]+[\"')\]]*|:)(?=\s)|\n")


# A list item written with its mark ("- ", "2) ").
_BULLET = re.compile(r"^(?:[-*•▪◦]|\d{1,3}[.)])\s+")
# A line that states one field: a short label, a colon, its value ("Weight: 27.5 kg",
# "Preço mensal: R$ 89,90"). A run of them is a datasheet's list written without marks.
_FIELD = re.compile(r"^[^\W\d_][^:\n]{0,40}:\s+\S")


def join_lines(lines: list[str]) -> str:
    """A paragraph's lines (stripped) as its text: soft-wrapped lines become one line;
    list items and runs of "Label: value" lines keep their own lines. A datasheet
    pasted as plain lines ("Junction box: IP68", "Cable: 4 mm², 1.2 m") would otherwise
    read as one run-on sentence, which a chunker can only cut mid-sentence."""
    if not lines:
        return ""
    out = lines[0]
    for previous, line in itertools.pairwise(lines):
        apart = _BULLET.match(line) or (_FIELD.match(line) and _FIELD.match(previous))
        out += ("\n" if apart else " ") + line
    return out


def table_cells(line: str) -> list[str]:
    """The cells of a table row: a Markdown row ("| a | b |") or a row as the document
    parsers write it ("a | b", and "| a | b" when its first cell is empty: a comparison
    table's empty corner, "| | SB-EV-7 | SB-EV-22 |"). An empty cell stays a cell, so
    the row's values stay under their column's header."""
    text = line.strip()
    leading = text.startswith("|")
    trailing = len(text) > 1 and text.endswith("|")
    if leading and trailing:
        return [cell.strip() for cell in text[1:-1].split("|")]
    cells = [cell.strip() for cell in text[1 if leading else 0 : -1 if trailing else None].split("|")]
    return [""] * leading + cells + [""] * trailing


def split_sentences(text: str) -> list[str]:
    """Splits a reply into sentences; each keeps its trailing white space, so the
    pieces concatenate back to the text exactly."""
    sentences, rest = split_complete(text)
    if rest:
        sentences.append(rest)
    return sentences


def split_complete(buffer: str) -> tuple[list[str], str]:
    """The complete sentences at the start of `buffer` (a boundary followed by
    white space that is itself followed by more text) and what remains."""
    pieces: list[str] = []
    start = 0
    for end in _boundaries(buffer):
        # Keep the trailing white space with the sentence; wait until something follows it.
        stop = end
        while stop < len(buffer) and buffer[stop] in " \t\r\n":
            stop += 1
        if stop >= len(buffer):
            break
        if buffer[start:end].strip():
            pieces.append(buffer[start:stop])
            start = stop
    return pieces, buffer[start:]


def _boundaries(text: str) -> Iterator[int]:
    for match in _BOUNDARY.finditer(text):
        if match.group(0) == ":":
            continue
        end = match.end()
        # "1." opens a list item and "Sr." is an abbreviation; "[1]." ends a sentence with its citation.
        if match.group(0).startswith(".") and text[match.start() - 1 : match.start()] != "]":
            word = re.search(r"(\w+)\W*$", text[max(0, match.start() - 12) : match.start()])
            if word and (word.group(1).lower() in _ABBREVIATIONS or (word.group(1).isdigit() and len(word.group(1)) <= 2)):
                continue
        yield end
