"""A general Portuguese (Brazil) <-> English word list (rules/pt_en_words.txt): the
words of one language a word of the other may be written as. For matching across
languages where only words are compared (a keyword search, a lexical overlap), not
for translating text: a word's translations are alternatives, unranked."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from atende_guardrails.text import fold

PT = "pt"
EN = "en"
WORDS_FILE = Path(__file__).parent / "rules" / "pt_en_words.txt"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Bilingual:
    """Folded phrases (words joined by one space) to the folded phrases of the other
    language that translate them, each direction separately."""

    into_en: dict[str, tuple[str, ...]]
    into_pt: dict[str, tuple[str, ...]]

    def translations(self, phrase: str, into: str) -> tuple[str, ...]:
        """What the folded `phrase` may be in language `into` (PT or EN); () when unknown."""
        return (self.into_en if into == EN else self.into_pt).get(phrase, ())

    def knows(self, phrase: str, language: str) -> bool:
        """Whether the folded `phrase` is a word of `language` in the list."""
        return phrase in (self.into_en if language == PT else self.into_pt)

    def __len__(self) -> int:
        """How many (Portuguese, English) pairs the list holds."""
        return sum(len(targets) for targets in self.into_en.values())


def phrase(text: str) -> str:
    """`text` as the list keys it: folded, its words joined by one space."""
    return " ".join(_WORD.findall(fold(text)))


def parse(lines: list[str]) -> Bilingual:
    """The list from lines "pt, pt = en, en" ("#" starts a comment)."""
    into_en: dict[str, dict[str, None]] = {}
    into_pt: dict[str, dict[str, None]] = {}
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        left, sep, right = line.partition("=")
        portuguese = [p for p in (phrase(word) for word in left.split(",")) if p]
        english = [p for p in (phrase(word) for word in right.split(",")) if p]
        if not sep or not portuguese or not english:
            raise ValueError(f"{WORDS_FILE.name}:{number}: expected 'pt words = en words', got {raw!r}")
        for pt in portuguese:
            for en in english:
                if pt != en:  # the same word in both languages needs no translating
                    into_en.setdefault(pt, {})[en] = None
                    into_pt.setdefault(en, {})[pt] = None
    return Bilingual({k: tuple(v) for k, v in into_en.items()}, {k: tuple(v) for k, v in into_pt.items()})


@functools.cache
def bilingual() -> Bilingual:
    """The shipped list, read once a process."""
    return parse(WORDS_FILE.read_text(encoding="utf-8").splitlines())
