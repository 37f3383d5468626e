"""A categorized word list matched on folded text (see text.fold)."""

from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path

from atende_guardrails.normalize import deleet, normalize


@functools.lru_cache(maxsize=64)
def _compile(entries: tuple[str, ...]) -> re.Pattern[str]:
    phrases = sorted({_phrase(e) for e in entries}, key=len, reverse=True)
    return re.compile(" (?:" + "|".join(phrases) + ")(?= )")


def _phrase(entry: str) -> str:
    words = normalize(entry).folded.split()
    parts = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in words]
    return " ".join(parts)


def _first(entry: str) -> str:
    return entry.lower().split()[0]


class Lexicon:
    """Phrases are indexed by their first word (or stem), so a text is matched only
    against the phrases whose first word it contains: ordinary text costs a set
    lookup per word, not a large alternation per position."""

    def __init__(self, categories: dict[str, list[str]]) -> None:
        self.categories = {name: [e for e in entries if e.strip()] for name, entries in categories.items()}
        self._patterns = {name: _compile(tuple(entries)) for name, entries in self.categories.items() if entries}
        self._exact: dict[str, set[str]] = {}
        self._stems: dict[str, set[str]] = {}
        for name, entries in self.categories.items():
            for entry in entries:
                first = _first(normalize(entry).folded)
                if first.endswith("*"):
                    self._stems.setdefault(first[:-1], set()).add(name)
                else:
                    self._exact.setdefault(first, set()).add(name)
        self._stem_lengths = sorted({len(stem) for stem in self._stems})

    def _candidates(self, canonical: str) -> set[str]:
        words = set(canonical.split())
        found = {name for word in words & self._exact.keys() for name in self._exact[word]}
        for length in self._stem_lengths:
            for prefix in {w[:length] for w in words if len(w) >= length} & self._stems.keys():
                found |= self._stems[prefix]
        return found

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return cls({str(k): [str(e) for e in v] for k, v in data.get("categories", {}).items()})

    def find(self, text: str, limit: int = 20) -> list[tuple[str, int, int]]:
        """(category, start, end) of matches in the original text, at most `limit`."""
        folded = normalize(text)
        found: list[tuple[str, int, int]] = []
        candidates = self._candidates(folded.canonical)
        for name, pattern in self._patterns.items():
            if name not in candidates:
                continue
            for match in pattern.finditer(folded.canonical):
                start, end = folded.canonical_span(match.start() + 1, match.end())
                found.append((name, start, end))
                if len(found) >= limit:
                    return found
        if not found and re.search(r"[a-z][0-9@$]|[0-9@$][a-z]", folded.folded):
            # Leetspeak ("1d10t"): report the category over the whole text.
            leet = normalize(deleet(folded.folded)).canonical
            candidates = self._candidates(leet)
            for name, pattern in self._patterns.items():
                if name in candidates and pattern.search(leet):
                    found.append((name, 0, len(text)))
        return found
