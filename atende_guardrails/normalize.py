# ruff: noqa: RUF001, RUF003  (the confusables table is made of look-alike letters on purpose)
"""Text normalization for detection, and sentence splitting.

Detection runs on a *folded* copy of the text, so that tricks which fool a
regular expression but not a reader change nothing: accents and other combining
marks are removed, compatibility forms (fullwidth, mathematical bold, circled
letters, ligatures) become their plain letters, Cyrillic and Greek look-alikes
become Latin letters, invisible characters (zero-width spaces and joiners, soft
hyphens, bidi controls, variation selectors) disappear, and Unicode "tag"
characters, which render as nothing and are used to smuggle ASCII text, become
the ASCII they encode. Everything is done with one `str.translate` (C speed);
offsets of a finding are mapped back to the original text only when a check
needs them.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import ParamSpec, TypeVar, cast

_P = ParamSpec("_P")
_R = TypeVar("_R")

# The readings of one chain run's text, shared by its checks: the rule check, the classifier and the
# content filter each normalize the message, read its floods and its spaced letters; within a run
# (base.GuardrailChain.run opens one_run()) the second asks for free. Outside a run (a check called on
# its own, the evaluation scripts) nothing is kept, and no run sees another's readings.
_RUN_MEMO: ContextVar[dict[tuple[object, ...], object] | None] = ContextVar("atende_guardrails_run_memo", default=None)


@contextmanager
def one_run() -> Iterator[None]:
    """The readings computed within this block are shared by everything in it, then dropped."""
    token = _RUN_MEMO.set({})
    try:
        yield
    finally:
        _RUN_MEMO.reset(token)


def per_run(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """`function` computed once per argument within one_run(); a pure function of its (hashable)
    arguments only, whose result its callers never change."""

    @functools.wraps(function)
    def shared(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        memo = _RUN_MEMO.get()
        if memo is None:
            return function(*args, **kwargs)
        key = (function, args, *kwargs.items())
        if key in memo:
            return memo[key]  # type: ignore[return-value]
        value = memo[key] = function(*args, **kwargs)
        return value

    return shared

# Look-alike letters that NFKD does not fold (Cyrillic, Greek, a few IPA letters).
_CONFUSABLES = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "һ": "h", "ӏ": "l", "ү": "y", "ɡ": "g", "ɑ": "a", "ο": "o", "α": "a", "ε": "e", "ι": "i", "κ": "k",
    "ν": "v", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ϲ": "c", "ϳ": "j", "β": "b", "η": "n", "μ": "u",
    "А": "a", "В": "b", "Е": "e", "К": "k", "М": "m", "Н": "h", "О": "o", "Р": "p", "С": "c", "Т": "t",
    "Х": "x", "І": "i", "Ј": "j", "Ѕ": "s", "Α": "a", "Β": "b", "Ε": "e", "Ζ": "z", "Η": "h", "Ι": "i",
    "Κ": "k", "Μ": "m", "Ν": "n", "Ο": "o", "Ρ": "p", "Τ": "t", "Υ": "y", "Χ": "x", "ß": "ss", "ı": "i",
    "ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ɪ": "i", "ʀ": "r", "ᴀ": "a",
    # More Greek and Cyrillic look-alikes, Armenian, small capitals and Latin variants.
    "ω": "w", "γ": "y", "ς": "c", "σ": "o", "ϐ": "b", "ϑ": "o", "ϰ": "k", "ϱ": "p", "ϕ": "o", "Ϲ": "c", "Ϻ": "m",
    "п": "n", "г": "r", "ш": "w", "ь": "b", "ԍ": "g", "ԗ": "r", "Ԁ": "d", "Ү": "y", "Ԝ": "w", "Ԛ": "q",
    "Ӏ": "l", "Һ": "h", "Ь": "b", "П": "n", "Г": "r", "Ш": "w", "Ꙇ": "i",
    "օ": "o", "ս": "u", "ց": "g", "հ": "h", "ո": "n", "ա": "w", "ք": "p", "Տ": "s", "Օ": "o", "Ս": "u",
    "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m",
    "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ꞯ": "q", "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z",
    "ɩ": "i", "ɾ": "r", "ʋ": "u", "ɐ": "a", "ǝ": "e", "ƅ": "b", "ƃ": "b", "ɓ": "b", "ɗ": "d", "ƒ": "f", "ɦ": "h",
    "ɱ": "m", "ɲ": "n", "ȿ": "s", "ʂ": "s", "ƭ": "t", "ʈ": "t", "ʐ": "z", "ȥ": "z", "ꓲ": "i", "ꓳ": "o",
}
# Look-alike capitals of scripts no customer of these businesses writes in (Unicode's confusables):
# Lisu and Cherokee (whose small letters, U+AB70.., fold with them), Coptic small letters, and a few
# single letters that pass for Latin ones.
_LOOKALIKE_LETTERS = {
    "ꓮꓐꓚꓓꓰꓝꓖꓧꓙꓗꓡꓟꓠꓑꓣꓢꓔꓴꓦꓪꓫꓬꓜ": "abcdefghjklmnprstuvwxyz",
    "ᎪᏴᏟᎠᎬᏀᎻᎥᎫᏦᏞᎷᏢᎡᏚᎢᏙᎳᏃ": "abcdeghijklmprstvwz",
    "ⲁⲉⲓⲕⲟⲣⲥⲧⲭⲩⲛ": "aeikopctxyn",
    "ҽѵഠժ": "evod",
}
# Latin letters NFKD leaves alone (with a stroke, hook, bar or descender; small capitals; dotless):
# read as their base letter, from the Unicode name ("LATIN SMALL LETTER I WITH STROKE" is "i").
_LATIN_VARIANT_RANGES = ((0x180, 0x2B0), (0x1D00, 0x1DC0), (0x2C60, 0x2C80), (0xA720, 0xA800), (0xAB30, 0xAB70))
_LATIN_VARIANT = re.compile(r"LATIN (?:SMALL |CAPITAL )?LETTER (?:SMALL CAPITAL |DOTLESS )?([A-Z])(?: WITH(?:OUT)? .*)?")
# Ranges whose characters are folded by NFKD or are invisible formatting.
_RANGES = ((0x80, 0x3400), (0xA640, 0xA6A0), (0xA700, 0xA800), (0xFB00, 0x10000), (0x1D400, 0x1D800),
           (0x1F100, 0x1F200), (0xE0100, 0xE01F0))
# Unicode tag characters: U+E0020..U+E007E mirror ASCII 0x20..0x7E and render as nothing.
TAG_FIRST, TAG_LAST = 0xE0000, 0xE007F
# Invisible characters that do not count as letters: removed from the folded text.
INVISIBLE = frozenset(
    [0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x3164, 0xFEFF, 0xFFA0,
     *range(0x180B, 0x1810), *range(0x200B, 0x2010), *range(0x202A, 0x202F),
     *range(0x2060, 0x2070), *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)]
)


def _decomposed(code: int) -> str | None:
    """The table's entry for a character NFKD folds or that formats invisibly; "" when it
    maps to itself."""
    char = chr(code)
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf"):
        return None
    if category == "Cc":
        return " "
    decomposed = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return decomposed if decomposed != char and decomposed and len(decomposed) <= 4 else ""


# Letters drawn as symbols, which NFKD leaves alone or wraps: parenthesized ("⒤" is "(i)", whose
# brackets would split a word into letters), negative circled and squared ("🅸"), regional indicators ("🇮").
_LETTER_SYMBOLS = {first + offset: chr(ord("a") + offset)
                   for first in (0x249C, 0x1F150, 0x1F170, 0x1F1E6) for offset in range(26)}


def _latin_variants(table: dict[int, str | None]) -> dict[int, str]:
    found: dict[int, str] = {}
    for first, last in _LATIN_VARIANT_RANGES:
        for code in range(first, last):
            match = _LATIN_VARIANT.fullmatch(unicodedata.name(chr(code), ""))
            if match and code not in table:
                found[code] = match.group(1).lower()
    return found


@functools.cache
def fold_table() -> dict[int, str | None]:
    """The translate table, built once (about 30 ms)."""
    table: dict[int, str | None] = {}
    for first, last in _RANGES:
        for code in range(first, last):
            entry = _decomposed(code)
            if entry != "":
                table[code] = entry
    table.update(_latin_variants(table))
    for capitals, plain in _LOOKALIKE_LETTERS.items():
        for capital, letter in zip(capitals, plain, strict=True):
            table[ord(capital)] = table[ord(capital.lower())] = letter
    table.update({ord(char): plain for char, plain in _CONFUSABLES.items()})
    table.update(_LETTER_SYMBOLS)
    # A fold that lands on a look-alike ("ᶦ" is a small-capital "ɪ") is folded once more.
    for code, entry in table.items():
        if entry and any(ord(char) in table for char in entry):
            table[code] = "".join(table.get(ord(char), char) or "" for char in entry)
    table.update(dict.fromkeys(INVISIBLE))
    for code in range(TAG_FIRST, TAG_LAST + 1):
        table[code] = chr(code - TAG_FIRST) if 0x20 <= code - TAG_FIRST <= 0x7E else None
    for code in (0x09, 0x0A, 0x0D):
        table.pop(code, None)
    table.update(dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F], " "))
    return table


_WORD_RUN = re.compile(r"[^\W_]+")


@dataclass
class Folded:
    """The original text, its folded form and its canonical form (folded, words
    separated by single spaces, with a leading and trailing space)."""

    original: str
    folded: str
    _identity: bool

    @functools.cached_property
    def canonical(self) -> str:
        return " " + " ".join(_WORD_RUN.findall(self.folded)) + " "

    def canonical_span(self, start: int, end: int) -> tuple[int, int]:
        """Maps a span of `canonical` back to the original text."""
        first = self._canonical_to_folded(start, end=False)
        last = self._canonical_to_folded(max(start, end - 1), end=True)
        return self.folded_span(first, last + 1)

    def folded_span(self, start: int, end: int) -> tuple[int, int]:
        return self.folded_to_original(start), self.folded_to_original(max(start, end - 1)) + 1

    @functools.cached_property
    def _words(self) -> tuple[list[int], list[int], list[int]]:
        # Where each word starts in `canonical` and in `folded`, and its length.
        canonical_at: list[int] = []
        folded_at: list[int] = []
        lengths: list[int] = []
        position = 1
        for match in _WORD_RUN.finditer(self.folded):
            canonical_at.append(position)
            folded_at.append(match.start())
            lengths.append(match.end() - match.start())
            position += match.end() - match.start() + 1
        return canonical_at, folded_at, lengths

    def _canonical_to_folded(self, index: int, end: bool) -> int:
        canonical_at, folded_at, lengths = self._words
        word = bisect.bisect_right(canonical_at, index) - 1
        if word < 0:
            return 0
        inside = min(max(index - canonical_at[word], 0), lengths[word] - 1 if end else lengths[word])
        return folded_at[word] + inside

    @functools.cached_property
    def _chunk_origins(self) -> dict[int, list[int]]:
        return {}

    @functools.cached_property
    def _chunk_starts(self) -> list[int]:
        # Where each _CHUNK-character piece of the original starts in `folded` (translate runs at C speed).
        table = fold_table()
        starts = [0]
        for first in range(0, len(self.original), _CHUNK):
            starts.append(starts[-1] + len(self.original[first : first + _CHUNK].translate(table).lower()))
        return starts

    def folded_to_original(self, index: int) -> int:
        """The original index of the character that produced folded[index]: only the piece
        that holds it is walked character by character."""
        if self._identity:
            return min(index, len(self.original))
        starts = self._chunk_starts
        if index >= starts[-1]:
            return len(self.original)
        chunk = bisect.bisect_right(starts, index) - 1
        origin = self._chunk_origins.get(chunk)
        if origin is None:
            # Original index of each folded character of the piece, built once per piece.
            table = fold_table()
            first = chunk * _CHUNK
            origin = []
            for offset, char in enumerate(self.original[first : first + _CHUNK]):
                mapped = table.get(ord(char), char)
                if mapped is not None:
                    origin.extend([first + offset] * len(mapped.lower()))
            self._chunk_origins[chunk] = origin
        return origin[index - starts[chunk]]


_CHUNK = 256


@per_run
def normalize(text: str) -> Folded:
    if text.isascii() and not _has_controls(text):
        folded = text.lower()
        identity = True
    else:
        folded = text.translate(fold_table()).lower()
        identity = len(folded) == len(text) and folded == text.lower()
    return Folded(text, folded, identity)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _has_controls(text: str) -> bool:
    return _CONTROL.search(text) is not None


_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "l"})


def deleet(text: str) -> str:
    """Leetspeak back to letters ("1gn0r3" -> "ignore"); only used as an extra view."""
    return text.translate(_LEET)


_SPACED = re.compile(r"(?<=\b\w)[ .\-_*](?=\w\b)")
# One letter, a separator (spaces, dots, dashes, slashes... with spaces around), one letter,
# at least three times: "f . o . r . g . e . t", "b-y-p-a-s-s", "c/h/a/v/e".
_LETTER_RUN = re.compile(r"(?<![^\W_])[^\W_](?:(?:[ \t]*[.\-_*/\\|·•,+~:][ \t]*|[ \t]+)[^\W_](?![^\W_])){2,}")
_RUN_SEPARATOR = re.compile(r"[ \t]*[.\-_*/\\|·•,+~:][ \t]*|[ \t]+")


def despace(text: str) -> str:
    """Joins letters written one by one ("i g n o r e  a l l" -> "ignore all"): a
    single separator between two one-letter words goes, a double one stays."""
    return _SPACED.sub("", text)


def _join_run(match: re.Match[str]) -> str:
    run = match.group(0)
    letters = _RUN_SEPARATOR.split(run)
    raw = _RUN_SEPARATOR.findall(run)
    # Whitespace separators keep their width: "s  t  o  p   t  h  e" joins at two spaces, ends words at three.
    # Each distinct separator is read once: a 4 KB run of "a a a ..." has one, not two thousand.
    shape = {sep: " ".join(sep.split()) or " " * min(len(sep), 8) for sep in set(raw)}
    counts: Counter[str] = Counter()
    for sep, count in Counter(raw).items():
        counts[shape[sep]] += count
    if len(counts) == 1:
        return " " + "".join(letters) + " "
    # The commonest separator joins letters of a word; any other (a wider gap) ends the word.
    common = max(counts, key=lambda sep: (counts[sep], -len(sep)))
    out = [letters[0]]
    for separator, letter in zip(raw, letters[1:], strict=True):
        out.append(letter if shape[separator] == common else " " + letter)
    return " " + "".join(out) + " "


@per_run
def unspace(text: str) -> str:
    """Joins words written a letter at a time with any separator ("f . o . r . g . e . t   y . o . u",
    "b-y-p-a-s-s   t-h-e", "c/h/a/v/e"): the commonest separator of a run joins, a different or
    wider one ends the word. Only used as an extra view for detection."""
    return _LETTER_RUN.sub(_join_run, text)


_WIDE_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "@": "a",
                            "$": "s", "!": "i", "|": "i", "€": "e", "+": "t", "£": "l", "¡": "i"})
_LEET_O = re.compile(r"\(\)|\[\]|<>|\{\}")


# Letters drawn with several strokes: "y0|_|r", "\\/0c3", "|\\|ao", "|)4n". Longest first.
_LEET_STROKES = {"|_|": "u", "(_)": "u", "\\/\\/": "w", "\\/": "v", "|\\|": "n", "/\\": "a", "|-|": "h", "|)": "d",
                 "|<": "k"}
_LEET_STROKE = re.compile("|".join(re.escape(k) for k in sorted(_LEET_STROKES, key=len, reverse=True)))
_STROKE_HINT = re.compile(r"\|_\||\(_\)|\\/|/\\|\|\\\||\|-\||\|\)|\|<")


def _strokes(text: str) -> str:
    return _LEET_STROKE.sub(lambda m: _LEET_STROKES[m.group(0)], text) if _STROKE_HINT.search(text) else text


def unleet(text: str) -> str:
    """A wider leetspeak view than deleet ("5€nd", "w|+h", "cu5+()m€r", "y0|_|r"), for injection
    detection only (the content filter keeps deleet)."""
    return _LEET_O.sub("o", _strokes(text)).translate(_WIDE_LEET)


# Leetspeak characters and what they may stand for; the first reading is the default, the others
# are tried against the vocabulary ("1ist" is "list", "1gnore" is "ignore").
_LEET_READINGS = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "6": "g", "7": "t", "8": "b", "9": "g", "@": "a",
                  "$": "s", "!": "il", "|": "il", "€": "e", "+": "t", "£": "l", "¡": "i", "2": "z"}
_LEET_TOKEN = re.compile(r"(?:[^\W_]|[@$!|€+£¡]|\(\)|\[\]|<>|\{\})+")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_HAS_LEET = re.compile(r"[0-9@$!|€+£¡]|\(\)|\[\]")
_LEET_HINT = re.compile(r"[a-z][0-9@$|!€+(]|[0-9@$|!€+)][a-z]|\\/")
_SPACING_HINT = re.compile(r"(?<![^\W_])[^\W_](?:[ \t]*[.\-_*/\\|·•,+~:][ \t]*|[ \t]+)[^\W_](?![^\W_])")


@functools.cache
def vocabulary() -> frozenset[str]:
    """Words customers and attackers write (rules/injection_words.txt, written by the
    classifier's training script): which reading of a leetspeak word is a word."""
    from pathlib import Path

    path = Path(__file__).parent / "rules" / "injection_words.txt"
    try:
        return frozenset(path.read_text(encoding="utf-8").split())
    except OSError:
        return frozenset()


def _read_leet_word(token: str, words: frozenset[str]) -> str:
    if token in ("@", "€"):
        return _LEET_READINGS[token]
    if not _HAS_LETTER.search(token) or not _HAS_LEET.search(token):
        return token
    core = _LEET_O.sub("o", token)
    trailing = ""
    while core and core[-1] in "!|" and len(core) > 1 and core[-2].isalpha() and core[:-1].isalpha():
        core, trailing = core[:-1], trailing + " "  # "help!" is an exclamation, not "helpi"
    if core.isalpha():
        return core + trailing
    options = [_LEET_READINGS.get(char, char) for char in core]
    readings = [""]
    for choices in options:
        readings = [r + c for r in readings for c in choices][:32]
    for reading in readings:
        if reading in words or (reading.endswith("s") and reading[:-1] in words):
            return reading + trailing
    return readings[0] + trailing


# A number with its unit is a quantity, not leetspeak: hours ("6h", "18h30", "8hs"), times ("12x"
# installments, "3x" a week), sizes and rates ("2km", "5g", "300mbps", "5kwp"), clock times ("6pm").
# Read as leetspeak they become words ("6h" "gh", "22h" "zzh", "12x" "izx") that nobody wrote.
# Not "m", "s", "a", "o" or ordinals: "53m" is "sem", "1s" is "is", "1a" is "la", "4nd" is "and" in real leetspeak.
_QUANTITY = re.compile(
    r"\d+(?:h(?:\d\d)?|hs|hrs?|min|x|k|km|kg|g|gb|mb|kb|tb|ghz|mhz|mbps|gbps|kw|kwp|kwh|w|wh|v|mah|ml|cm|mm|"
    r"am|pm)"
)


# A hexadecimal identifier (a hash, a transaction or device id: "5d41402abc4b2a76b971"): no leetspeak word is written
# in the letters a-f and digits alone at this length, and read as one it becomes a made-up word nobody wrote.
_HEX_ID = re.compile(r"(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{12,}")
# A technical name with its number ("base64", "utf8", "ipv6", "mp4", "sha256", "oauth2", "wifi6", "usb3"), or a word
# followed by a number of two digits or more ("plano500"): a name and a number, not letters written as digits.
_VERSIONED = re.compile(r"(?:base|utf|ipv|mp|md|sha|oauth|wifi|win|windows|iphone|ipad|usb|hdmi|cat|rj|covid|ddr|wpa|iso|"
                        r"android|ios|python|php|html|css|http|tls|ssl|ps|xbox|galaxy|pixel)\d{1,4}")
_WORD_AND_NUMBER = re.compile(r"([a-z]{3,})\d{2,}")


def unleet_words(text: str) -> str:
    """Leetspeak read word by word against the vocabulary ("1ist y0ur ru13s" -> "list your
    rules", "r€p1+4" -> "repita"); numbers without letters, or with their unit ("6h", "12x"),
    stay numbers, and hexadecimal ids and versioned names ("base64") stay what they are. Detection only."""
    words = vocabulary()
    cache: dict[str, str] = {}

    def read(match: re.Match[str]) -> str:
        token = match.group(0)
        # A quantity glued to a hyphenated word ("3x-wif3") is leetspeak for a prefix ("ex-wife").
        if (_QUANTITY.fullmatch(token) and not text.startswith("-", match.end())) or _HEX_ID.fullmatch(token):
            return token
        if _VERSIONED.fullmatch(token) or ((named := _WORD_AND_NUMBER.fullmatch(token)) and named.group(1) in words):
            return token
        found = cache.get(token)
        if found is None:
            found = cache[token] = _read_leet_word(token, words)
        return found

    return _LEET_TOKEN.sub(read, _strokes(text))


def deobfuscated(folded_text: str, unspaced: str | None = None) -> str | None:
    """Letters written one by one joined, and leetspeak read, on the folded text; None when
    the text shows neither (the common case: nothing to do). `unspaced`: unspace(folded_text)
    when the caller has it already."""
    if _RUN_MEMO.get() is not None:
        # Within a chain run the reading is one per text, whoever asks (unspace is shared as well).
        return _shared_deobfuscated(folded_text)
    return _deobfuscated(folded_text, unspaced)


@per_run
def _shared_deobfuscated(folded_text: str) -> str | None:
    return _deobfuscated(folded_text, None)


def _deobfuscated(folded_text: str, unspaced: str | None) -> str | None:
    out = folded_text
    if unspaced is not None:
        out = unspaced
    elif _SPACING_HINT.search(out):
        out = unspace(out)
    if _LEET_HINT.search(out):
        out = unleet_words(out)
    return out if out != folded_text else None


# A flood: many words, few of them distinct ("que que que ...", "ab s ab s ..."). The injection rules' gaps ("que (?: \w+){0,4}?
# ...") try every start of such a text, and a 4 KB flood costs them tens of milliseconds while saying nothing.
_FLOOD_WORDS = 40
_FLOOD_DISTINCT = 6
# A group of one to three letters (each a distinct word of the flood) repeated back to back more than twice.
_REPEATED_GROUP = re.compile(r"(.{1,3}?)\1{2,}", re.S)


def without_floods(view: str) -> str:
    """The view with a word or a group of up to three words repeated back to back more than twice kept twice
    ("que que que que" -> "que que"), when the view is a flood; the view itself (the same object) otherwise."""
    memo = _RUN_MEMO.get()
    if memo is None:
        return _without_floods(view)
    key = (without_floods, view)
    kept = memo.get(key)
    if kept is None:
        found = _without_floods(view)
        # "Not a flood" is remembered as such: a caller tells a flood by identity (the view itself comes
        # back), and the next caller's view may be an equal string, not the same object.
        kept = memo[key] = _NOT_A_FLOOD if found is view else found
    return view if kept is _NOT_A_FLOOD else cast(str, kept)


_NOT_A_FLOOD = object()


def _without_floods(view: str) -> str:
    words = view.split()
    if len(words) < _FLOOD_WORDS:
        return view
    distinct = dict.fromkeys(words)
    if len(distinct) > _FLOOD_DISTINCT:
        return view
    # Each distinct word one letter, so the repeats are found by one regex over a short string.
    letter = {word: chr(ord("a") + index) for index, word in enumerate(distinct)}
    word_of = {code: word for word, code in letter.items()}
    kept = _REPEATED_GROUP.sub(r"\1\1", "".join(map(letter.__getitem__, words)))
    return " " + " ".join(map(word_of.__getitem__, kept)) + " "
