"""Input checks: what a customer message must pass before any agent sees it."""

from __future__ import annotations

import codecs
import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from atende_guardrails import injection_rules as rules
from atende_guardrails import other_scripts
from atende_guardrails.base import Finding, GuardContext
from atende_guardrails.decoding import joined_pieces, payloads, reads_better, upside_down
from atende_guardrails.glued import read_apart
from atende_guardrails.lexicon import Lexicon
from atende_guardrails.normalize import (
    Folded,
    deleet,
    deobfuscated,
    despace,
    normalize,
    unleet,
    unspace,
    without_floods,
)
from atende_guardrails.third_party import asks_for_someone_elses_data, names_marked, with_names_marked
from atende_guardrails.typos import read_slips

# An emoji between two letters of a word ("ig🙃no🙃ra"): no letter of it.
_EMOJI_INSIDE_WORD = re.compile(r"(?<=\w)[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]+(?=\w)")


class LengthCheck:
    """Too long, too many lines: refused before anything else looks at it."""

    name = "length"

    def __init__(self, max_chars: int = 4000, max_lines: int = 200) -> None:
        self.max_chars = max_chars
        self.max_lines = max_lines

    def scan(self, text: str, context: GuardContext) -> list[Finding]:
        if len(text) > self.max_chars:
            return [Finding(self.name, "too_long", 0, len(text), blocks=True, redact=False,
                            detail=f"{len(text)} characters; the limit is {self.max_chars}")]
        if text.count("\n", 0, self.max_chars + 1) >= self.max_lines:
            return [Finding(self.name, "too_many_lines", 0, len(text), blocks=True, redact=False,
                            detail=f"more than {self.max_lines} lines")]
        return []


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# Tag characters are legitimate only inside an emoji flag sequence (U+1F3F4 ... U+E007F).
_TAGS = re.compile(r"(?<![\U0001F3F4\U000E0020-\U000E007E])[\U000E0020-\U000E007E]+|[\U000E0020-\U000E007E]{8,}")
_COMBINING_RUN = re.compile(r"[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{%d,}")
_INVISIBLE = re.compile(r"[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2060-\u2064\u3164\ufeff\uffa0]")
_MIXED_WORD = re.compile(r"\b(?=\w*[a-zA-Z])(?=\w*[\u0370-\u03ff\u0400-\u04ff])\w{2,}\b")
_GREEK_OR_CYRILLIC = re.compile(r"[\u0370-\u04ff]")
_NONCHARACTERS = re.compile(r"[\ufdd0-\ufdef\ufffe\uffff]")


class EncodingCheck:
    """Characters that only an attack needs: control characters, bidi overrides
    ("Trojan Source"), invisible tag text, floods of combining marks ("Zalgo") or
    of zero-width characters, noncharacters. Words that mix Latin with Cyrillic or
    Greek look-alikes are reported (the folding defeats them), not blocked."""

    name = "encoding"

    def __init__(self, max_combining_run: int = 8, max_invisible: int = 24, max_scan_chars: int = 20_000) -> None:
        self._combining = re.compile(_COMBINING_RUN.pattern % (max_combining_run + 1))
        self.max_invisible = max_invisible
        self.max_scan_chars = max_scan_chars

    def scan(self, text: str, context: GuardContext) -> list[Finding]:
        if len(text) > self.max_scan_chars:
            return [Finding(self.name, "unscanned_overflow", 0, len(text), blocks=True, redact=False)]
        findings: list[Finding] = []

        def first(kind: str, pattern: re.Pattern[str], blocks: bool = True) -> bool:
            match = pattern.search(text)
            if match:
                findings.append(Finding(self.name, kind, match.start(), match.end(), blocks=blocks, redact=False))
            return match is not None

        # One blocking reason is enough: the text is refused, and hostile text stops costing here.
        if first("control_characters", _CONTROLS) or text.isascii():
            return findings
        highest = max(text)
        for kind, pattern in (("bidi_override", _BIDI), ("unicode_tags", _TAGS), ("combining_flood", self._combining),
                              ("noncharacter", _NONCHARACTERS)):
            if kind == "unicode_tags" and highest < "\U000E0000":
                continue
            if first(kind, pattern):
                return findings
        invisible = list(itertools.islice(_INVISIBLE.finditer(text), self.max_invisible + 1))
        if len(invisible) > self.max_invisible:
            findings.append(Finding(self.name, "invisible_flood", invisible[0].start(), invisible[-1].end(),
                                    blocks=True, redact=False, detail=f"more than {self.max_invisible} invisible characters"))
            return findings
        if _GREEK_OR_CYRILLIC.search(text):
            first("mixed_scripts", _MIXED_WORD, blocks=False)
        return findings


@dataclass(frozen=True)
class _Rule:
    kind: str
    pattern: re.Pattern[str]
    anchors: tuple[frozenset[str], ...]
    unless: re.Pattern[str] | None = None


class _AnchorGate:
    """Which rules may match a view: those whose every anchor group (words a match must contain: the first
    words of a vocabulary, injection_vocabulary.need) has a word in the view. The same test as
    `all(group & words for group in rule.anchors)`, read from the rules' own anchors when the check is
    built (a new rule is gated by what it declares, with nothing to register here), and asked once per
    view for all rules: each word of the view tells which groups it meets, and a rule is kept when its
    groups are all met, in the rules' order."""

    def __init__(self, rules: Sequence[_Rule]) -> None:
        self.rules = tuple(rules)
        group_ids: dict[frozenset[str], int] = {}
        self._needs = [frozenset(group_ids.setdefault(group, len(group_ids)) for group in rule.anchors)
                       for rule in self.rules]
        self._groups_of: dict[str, list[int]] = {}
        for group, index in group_ids.items():
            for word in group:
                self._groups_of.setdefault(word, []).append(index)
        self._words = frozenset(self._groups_of)

    def eligible(self, words: set[str]) -> Iterator[_Rule]:
        met: set[int] = set()
        for word in self._words.intersection(words):
            met.update(self._groups_of[word])
        return (rule for rule, needs in zip(self.rules, self._needs, strict=True) if needs <= met)


_TAG_RUN = re.compile(r"[\U000E0020-\U000E007E]+")
_LEET_HINT = re.compile(r"[a-z][0-9@$|!]|[0-9@$|!][a-z]")
_SPACED_HINT = re.compile(r"(?:\b\w\b[\s.\-_*]+){5,}")
_WIDE_LEET_HINT = re.compile(r"[a-z][0-9@$|!€+(]|[0-9@$|!€+)][a-z]|\\/")
_LETTER_RUN_HINT = re.compile(r"(?<![^\W_])[^\W_](?:[ \t]*[.\-_*/\\|·•,+~:][ \t]*|[ \t]+)[^\W_](?![^\W_])")
_WORD_SPLIT = re.compile(r"[^\W_]+")
# Chat spelling of Portuguese (and a little English) customers, for the rules' view.
_SLANG = {
    "vc": "voce", "vcs": "voces", "voc": "voce", "ce": "voce", "cê": "voce", "q": "que", "oq": "o que", "pq": "porque",
    "n": "nao", "ñ": "nao", "eh": "e", "naum": "nao", "td": "tudo", "tds": "todos", "tb": "tambem", "tbm": "tambem",
    "msm": "mesmo", "pra": "para", "pro": "para o", "pros": "para os", "p": "para", "qdo": "quando", "qnd": "quando",
    "agr": "agora", "hj": "hoje", "mt": "muito", "mto": "muito", "vlw": "valeu", "blz": "beleza", "sla": "sei la",
    "u": "you", "ur": "your", "r": "are", "pls": "please", "plz": "please", "ppl": "people", "msg": "mensagem",
    "msgs": "mensagens", "pras": "para as",
    "info": "informacoes", "infos": "informacoes", "regra": "regra", "instrucao": "instrucao",
}


def _with_slang(canonical: str) -> str | None:
    """Chat spelling ("vc", "q", "n", "pra", "ur") in full, so the rules read "voce", "que", "nao",
    "para", "your"; None when the text has none."""
    words = canonical.split()
    if _SLANG.keys().isdisjoint(words):
        return None
    return " " + " ".join(_SLANG.get(word, word) for word in words) + " "


@functools.cache
def _compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A rule's pattern compiled once per process: the rules outnumber `re`'s own cache of 512 patterns, so every chain
    built (one per test, per configuration reload) would otherwise compile them all again (0.6 s)."""
    return re.compile(pattern, flags)


class PromptInjectionCheck:
    """Instructions to ignore the rules, role-play as the system, prompt
    extraction, jailbreak personas, spoofed chat-template markers, requests for
    other people's data or for secrets, and the same smuggled in Base64, hex,
    URL escapes, ROT13, reversed text, Unicode tag characters, leetspeak,
    spaced-out letters or other languages. A text longer than the scan budget is
    refused rather than partly scanned."""

    name = "prompt_injection"

    def __init__(self, max_scan_chars: int = 8000, max_decoded: int = 8,
                 extra_patterns: Sequence[tuple[str, str]] = (), kinds: frozenset[str] | None = None) -> None:
        self.max_scan_chars = max_scan_chars
        self.max_decoded = max_decoded
        word_rules = [_Rule(kind, _compiled(pattern), anchors) for kind, pattern, anchors in rules.WORD_RULES]
        word_rules += [_Rule(kind, _compiled(pattern), anchors, _compiled(unless))
                       for kind, pattern, anchors, unless in rules.CONTEXT_RULES]
        word_rules += [_Rule(kind, _compiled(pattern), anchors, _compiled(unless) if unless else None)
                       for kind, pattern, anchors, unless in rules.STRUCTURAL_RULES]
        self.marker_rules = [_Rule(kind, _compiled(pattern, re.S), ()) for kind, pattern in rules.MARKER_RULES]
        self.marker_rules += [_Rule(kind, _compiled(pattern, re.S), anchors)
                              for kind, pattern, anchors in rules.ANCHORED_MARKER_RULES]
        self.extra_rules = [_Rule(kind, _compiled(pattern, re.I), ()) for kind, pattern in extra_patterns]
        # Someone else's data asked for by its structure (third_party.py), unless the caller wants other kinds only.
        self.structural_exfiltration = kinds is None or "data_exfiltration" in kinds
        self.kinds = kinds
        if kinds is not None:
            # Only these kinds of attack (retrieved passages: instructions addressed to the assistant).
            word_rules = [rule for rule in word_rules if rule.kind in kinds]
            self.marker_rules = [rule for rule in self.marker_rules if rule.kind in kinds]
        self.word_rules = word_rules

    @property
    def word_rules(self) -> tuple[_Rule, ...]:
        """The word rules, in the order they are tried (read-only: assign a new sequence to change them)."""
        return self._word_gate.rules

    @word_rules.setter
    def word_rules(self, word_rules: Sequence[_Rule]) -> None:
        # The gate is rebuilt from the rules whenever they change: a rule is gated by its own anchors only.
        self._word_gate = _AnchorGate(word_rules)

    def scan(self, text: str, context: GuardContext) -> list[Finding]:
        if len(text) > self.max_scan_chars:
            return [Finding(self.name, "unscanned_overflow", 0, len(text), blocks=True, redact=False,
                            detail=f"longer than the {self.max_scan_chars}-character scan budget")]
        folded = normalize(text)
        found = self._read(folded)
        if found is not None:
            kind, start, end = found
            return [Finding(self.name, kind, start, end, blocks=True, redact=False)]
        for encoding, start, end, payload in self._payloads(text, folded):
            inner = self._read(normalize(payload))
            if inner is not None:
                return [Finding(self.name, f"smuggled_{encoding}", start, end, blocks=True, redact=False,
                                detail=f"{encoding} payload: {inner[0]}")]
        return []

    def detect(self, text: str) -> str | None:
        """The kind of the first attack found, or None (for evaluation and tests)."""
        findings = self.scan(text, GuardContext())
        return findings[0].kind if findings else None

    def _scan_views(self, folded: Folded) -> tuple[str, int, int] | None:
        """Returns (kind, start, end) in the original text, or None."""
        canonical = folded.canonical
        read = without_floods(canonical)
        # A person named in full ("the number you have for Gregory Sands") is someone else, and a name given is data
        # given ("o nome dela é Lúcia Ferreira"): the structure is read with full names marked.
        named = names_marked(folded.original) if self.structural_exfiltration else None
        hit = self._match_words(read, named if read is canonical else None)
        if hit is not None:
            if read is not canonical:
                return hit[0], 0, len(folded.original)
            return hit[0], *folded.canonical_span(hit[1], hit[2])
        if named is not None and read is not canonical and asks_for_someone_elses_data(named):
            return "data_exfiltration", 0, len(folded.original)
        present = set(canonical.split())
        for rule in (*self.marker_rules, *self.extra_rules):
            if rule.anchors and not all(anchor & present for anchor in rule.anchors):
                continue
            match = rule.pattern.search(folded.folded)
            if match:
                return rule.kind, *folded.folded_span(match.start(), match.end())
        whole = (0, len(folded.original))
        # Several rewritings often give the same text ("a a a" joined by despace and by unspace): read it once.
        seen = {read}
        for view in map(without_floods, self._extra_views(folded)):
            if view in seen:
                continue
            seen.add(view)
            hit = self._match_words(view, with_names_marked(view, folded.original) if named is not None else None)
            if hit is not None:
                return hit[0], *whole
        return None

    def _read(self, folded: Folded) -> tuple[str, int, int] | None:
        """`_scan_views`, after an attack written in a script the word rules do not read (other_scripts.py), of a kind
        this check looks for."""
        kind = other_scripts.attack_kind(folded.original)
        if kind is not None and (self.kinds is None or kind in self.kinds):
            return kind, 0, len(folded.original)
        return self._scan_views(folded)

    def _extra_views(self, folded: Folded) -> Iterable[str]:
        text = folded.folded
        if not folded.original.isascii():
            # Unicode tag text, on its own (it may be glued to the visible words).
            hidden = " ".join(_TAG_RUN.findall(folded.original))
            if hidden:
                yield normalize("".join(chr(ord(c) - 0xE0000) for c in hidden if c != " ")).canonical
        leet = _WIDE_LEET_HINT.search(text) is not None
        if leet:
            yield normalize(deleet(text)).canonical
            yield normalize(unleet(text)).canonical
        if _SPACED_HINT.search(text):
            yield normalize(despace(text)).canonical
        spaced = unspace(text) if _LETTER_RUN_HINT.search(text) is not None else None
        if spaced is not None:
            yield normalize(spaced).canonical
            if leet:
                yield normalize(unleet(spaced)).canonical
        reading = deobfuscated(text, spaced) if (leet or spaced is not None) else None
        if reading is not None:
            # Spaced letters and leetspeak read word by word against the vocabulary ("1ist" is "list").
            read = normalize(reading).canonical
            yield read
            # Leetspeak writers write chat spelling too: "ign0re ur ru1es" is "ignore your rules".
            slang = _with_slang(read)
            if slang is not None:
                yield slang
        yield from self._rewritten_views(folded)

    def _rewritten_views(self, folded: Folded) -> Iterable[str]:
        """Chat spelling in full, ROT13, reversed and upside-down text, words split by punctuation joined."""
        text = folded.folded
        canonical = folded.canonical
        slang = _with_slang(canonical)
        if slang is not None:
            yield slang
        rot13 = codecs.encode(folded.original, "rot13")
        if (" rot13 " in canonical or " rot 13 " in canonical or " rot " in canonical or " cesar " in canonical
                or reads_better(rot13, canonical)):
            yield normalize(rot13).canonical
        reverse_words = (" revers", " invert", " backwards ", " tras para frente ", " al reves ", " ruckwarts ", " envers ",
                         " contrario ")
        if any(word in canonical for word in reverse_words) or reads_better(text[::-1], canonical):
            yield normalize(text[::-1]).canonical
        righted = upside_down(folded.original)
        if righted is not None:
            yield normalize(righted).canonical
        # Words run together ("ignoreyourrules", "IgnoreYourRules", "ig no re yo ur ru les") read apart.
        apart = read_apart(folded.original, canonical)
        if apart is not None:
            yield apart
        # Typing slips in the trigger words ("igonre all previus instrucions") read back.
        slips = read_slips(slang if slang is not None else canonical)
        if slips is not None:
            yield slips
        # A payload split into quoted pieces glued by "+" joined back.
        joined = joined_pieces(folded.original)
        if joined is not None:
            yield normalize(joined).canonical
        # Words split by punctuation ("ig.nore", "in-struc-tions") joined back.
        if re.search(r"\w[.\-_*·•]\w", text):
            yield normalize(re.sub(r"(?<=\w)[.\-_*·•](?=\w)", "", text)).canonical
        # Words split by emoji ("ig🙃no🙃ra 🙃 as 🙃 re🙃gras") joined back: an emoji inside a word is no letter.
        original = folded.original
        if not original.isascii() and _EMOJI_INSIDE_WORD.search(original):
            yield normalize(_EMOJI_INSIDE_WORD.sub("", original)).canonical

    def _match_words(self, canonical: str, named: str | None = None) -> tuple[str, int, int] | None:
        """The first phrase rule that matches, then the structure of a request for someone else's data (read on
        `named`, the text with full names marked, when given)."""
        for rule in self._word_gate.eligible(set(canonical.split())):
            match = rule.pattern.search(canonical)
            if match and not (rule.unless is not None and rule.unless.search(canonical)):
                return rule.kind, match.start() + 1, max(match.start() + 1, match.end() - 1)
        # The structure the phrase rules above spell out one wording at a time.
        if self.structural_exfiltration and asks_for_someone_elses_data(named if named is not None else canonical):
            return "data_exfiltration", 1, max(1, len(canonical) - 1)
        return None

    def _payloads(self, text: str, folded: Folded) -> Iterable[tuple[str, int, int, str]]:
        """Decoded Base64, hex and URL-escaped runs that read as text."""
        return payloads(text, self.max_decoded)


class ContentFilterCheck:
    """Content a business does not serve, by category from the lexicon: threats,
    hate speech and sexual content block; profanity and insults are only reported,
    because an angry customer with a broken product still deserves help."""

    name = "content_filter"

    def __init__(self, lexicon: Lexicon, blocking: Sequence[str] = ("threat", "hate", "sexual"),
                 max_scan_chars: int = 8000) -> None:
        self.lexicon = lexicon
        self.blocking = frozenset(blocking)
        self.max_scan_chars = max_scan_chars

    def scan(self, text: str, context: GuardContext) -> list[Finding]:
        if len(text) > self.max_scan_chars:
            return [Finding(self.name, "unscanned_overflow", 0, len(text), blocks=True, redact=False)]
        return [
            Finding(self.name, category, start, end, blocks=category in self.blocking, redact=False)
            for category, start, end in self.lexicon.find(text)
        ]
