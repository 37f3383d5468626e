"""A small prompt-injection classifier: logistic regression over the local
encoder's sentence vector plus hashed word and character n-grams, trained
offline (python -m atende_guardrails.eval.train_injection) and loaded from a JSON file
(rules/injection_model.json); nothing is fetched at run time.

A message is read as windows: each sentence (long ones cut into overlapping runs
of words), and the whole message when it is short. Every window gets a cheap
lexical score (word and character n-grams only; O(words) for the whole text,
because per-word feature weights are memoized and windows are prefix sums). The
encoder then sees only a bounded number of windows: the whole short message and
the windows the lexical score finds most suspicious, deduplicated, each cut to a
bounded length, in one call. So an attack hidden at the end of a long benign
message is still embedded, and a 4 KB flood costs the same as a short message.

Windows are built on the canonical view (see text.fold): accents, look-alike
letters, zero-width characters and punctuation do not change what the model sees."""

from __future__ import annotations

import base64
import itertools
import json
import math
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from atende_guardrails.concepts import concept_of, concept_pairs
from atende_guardrails.decoding import joined_pieces, payloads, turned, upside_down
from atende_guardrails.normalize import Folded, deobfuscated, normalize
from atende_guardrails.third_party import full_names

Vectors = NDArray[np.float32]

# A sentence ends at terminal punctuation or a line break (on the folded text); a dot
# between letters or digits ("carlos.m@empresa.com.br", "3.3 kWp") ends nothing.
# A run of ordinary characters is one step of the repeat (not one step a character): the same matches, and a
# 4 KB sentence costs the engine a few steps instead of four thousand.
_SENTENCE = re.compile(r"(?:[^.!?;\n…]+|\.(?=\w))+")
_WORD_RUN = re.compile(r"[^\W_]+")
# The words of a sentence and what lies between them, alternately ([between, word, between, ..., word, after]).
_WORDS_AND_GAPS = re.compile(r"([^\W_]+)")



@dataclass(frozen=True)
class Window:
    start: int  # in the folded text (see span)
    end: int
    words: tuple[str, ...]
    folded: Folded | None = field(default=None, compare=False, repr=False)
    # A reading of hidden words (hidden_readings), not the visible text.
    reading: bool = field(default=False, compare=False)
    # The whole message, or the first window of a reading short enough to be read whole (a message of
    # one sentence has no whole window: its sentence is the message).
    whole: bool = field(default=False, compare=False)
    # The full names the text writes (third_party.full_names), each read as "fulano" in `words`.
    names: tuple[tuple[str, ...], ...] = field(default=(), compare=False, repr=False)

    @property
    def text(self) -> str:
        return " ".join(self.words)

    def span(self) -> tuple[int, int]:
        """Where the window is in the original text (mapped only when asked: it costs a pass)."""
        if self.folded is None:
            return self.start, self.end
        return self.folded.folded_span(self.start, self.end)


def _features(word: str, previous: str | None, concepts: bool = False) -> list[str]:
    padded = f" {word} "
    grams = [padded[i : i + 4] for i in range(len(padded) - 3)] if len(padded) > 4 else [padded]
    out = ["w" + word, *("c" + g for g in grams)]
    if previous is not None:
        out.append("b" + previous + " " + word)
    if concepts:
        concept = concept_of(word)
        if concept is not None:
            out.append("k" + concept)
    return out


def _pair_features(words: Sequence[str]) -> list[str]:
    """Window-level structure (concepts.py): which concepts the window holds, in order."""
    return ["q" + pair for pair in concept_pairs(words)]


def feature_indices(words: Sequence[str], bits: int, concepts: bool = False) -> list[int]:
    """Hashed feature indices (with repeats) of a run of words; the training script uses
    the same function, so training and service see identical features. With `concepts`,
    each word's concept class and the window's ordered concept pairs are features too."""
    mask = (1 << bits) - 1
    out: list[int] = []
    previous: str | None = None
    for word in words:
        out.extend(zlib.crc32(f.encode("utf-8")) & mask for f in _features(word, previous, concepts))
        previous = word
    if concepts:
        out.extend(zlib.crc32(f.encode("utf-8")) & mask for f in _pair_features(words))
    return out


def masked(words: Sequence[str], names: Sequence[tuple[str, ...]]) -> tuple[str, ...]:
    """The words with each run that spells one of `names` read as the single word "fulano"."""
    if not names:
        return tuple(words)
    out: list[str] = []
    index = 0
    while index < len(words):
        name = next((n for n in names if tuple(words[index:index + len(n)]) == n), None)
        if name is None:
            out.append(words[index])
            index += 1
        else:
            out.append("fulano")
            index += len(name)
    return tuple(out)


def windows(text: str, max_words: int = 30, stride: int = 20, whole_words: int = 60,
            max_windows: int = 400, names: tuple[tuple[str, ...], ...] = ()) -> list[Window]:
    """The windows of a text (see the module docstring), deduplicated by their words; each of `names` (the full
    names third_party.full_names finds in the text, or in the text a reading came from) is read as "fulano"."""
    folded = normalize(text)
    found: list[Window] = []
    seen: set[tuple[str, ...]] = set()
    all_words: list[str] = []

    def add(words: tuple[str, ...], start: int, end: int) -> None:
        words = masked(words, names)
        if len(words) >= 2 and words not in seen and len(found) < max_windows:
            seen.add(words)
            found.append(Window(start, end, words, folded, names=names))

    for sentence in _SENTENCE.finditer(folded.folded):
        # Words and their offsets without a match object a word (a 4 KB message has a thousand words, and
        # as many tracked objects would wake the garbage collector): piece 2i+1 is word i, and the running
        # sum of the pieces' lengths gives where each piece ends.
        pieces = _WORDS_AND_GAPS.split(sentence.group(0))
        words = pieces[1::2]
        if not words:
            continue
        base = sentence.start()
        ends = list(itertools.accumulate(map(len, pieces)))
        all_words.extend(words)
        first = 0
        while True:
            last = min(first + max_words, len(words))
            add(tuple(words[first:last]), base + ends[2 * first], base + ends[2 * last - 1])
            if last >= len(words) or len(found) >= max_windows:
                break
            first += stride
    if 2 <= len(all_words) <= whole_words:
        whole = masked(all_words, names)
        if len(whole) >= 2 and whole not in seen:
            seen.add(whole)
            found.insert(0, Window(0, len(text), whole, None, whole=True, names=names))
    return found


def widened(window: Window, max_words: int) -> Window | None:
    """The window of a longer text widened, on both sides and across sentences, by the words
    around it, up to `max_words`: a few words cut out of a long message ("contact your
    administrator", "o endereco e rua professor ...") read differently with what the customer
    wrote around them. None when the window is not a piece of a text, or nothing is around it."""
    folded = window.folded
    if folded is None:
        return None
    spans = [(m.start(), m.end(), m.group(0)) for m in _WORD_RUN.finditer(folded.folded)]
    first = next((i for i, span in enumerate(spans) if span[0] >= window.start), len(spans))
    last = min(first + len(window.words), len(spans))
    grown = False
    while last - first < max_words and (first > 0 or last < len(spans)):
        if first > 0:
            first -= 1
            grown = True
        if last - first < max_words and last < len(spans):
            last += 1
            grown = True
    if not grown or first >= last:
        return None
    return Window(spans[first][0], spans[last - 1][1], masked([span[2] for span in spans[first:last]], window.names),
                  folded, names=window.names)


def hidden_readings(text: str, max_payloads: int = 4) -> list[str]:
    """What the text says once its leetspeak or spaced letters are read (normalize.deobfuscated),
    its Base64, hex or URL-escaped runs decoded, or its ROT13, reversed or upside-down writing turned back
    (decoding.py): the classifier judges these as well as the visible words."""
    # Decoded payloads first: when a text carries one, it is what the text is for (and the
    # letter-digit soup of the encoding would otherwise get a leetspeak reading first).
    found = [payload for _, _, _, payload in payloads(text, max_payloads)]
    folded = normalize(text)
    reading = deobfuscated(folded.folded)
    if reading is not None:
        found.append(reading)
    found.extend(turned(folded.folded))
    righted = upside_down(text)
    if righted is not None:
        found.append(righted)
    joined = joined_pieces(text)
    if joined is not None:
        found.append(joined)
    return found


def reading_windows(text: str, max_words: int = 30, stride: int = 20, whole_words: int = 60,
                    max_windows: int = 400, mask_names: bool = False) -> list[Window]:
    """The windows of the text and, when it hides words (hidden_readings: "1gn0r3 y0ur ru13s"
    is read as "ignore your rules", a Base64 run as what it decodes to), of those readings
    first. Windows of a reading span the whole text; the whole messages (a reading's, then
    the text's) come first. With `mask_names`, the text's full names are read as "fulano" in every window."""
    names = full_names(text) if mask_names else ()
    found = windows(text, max_words, stride, whole_words, max_windows, names)
    readings = hidden_readings(text)
    if not readings:
        return found
    seen = {window.words for window in found}
    heads: list[Window] = []
    extra: list[Window] = []
    for reading in readings:
        # The first window of a reading stands for the whole message only when the reading is short
        # enough to be read whole: the first 30 words of a long one are a piece like any other.
        short = len(_WORD_RUN.findall(normalize(reading).folded)) <= whole_words
        for index, window in enumerate(windows(reading, max_words, stride, whole_words, max_windows, names)):
            if window.words not in seen and len(found) + len(heads) + len(extra) < max_windows:
                seen.add(window.words)
                (heads if index == 0 else extra).append(
                    Window(0, len(text), window.words, None, reading=True, whole=index == 0 and short))
    # Letters written one by one are judged by the words they spell (the reading above): "s o r r y
    # w r o n g" is an apology, and its one-letter "words" would otherwise look like every spaced attack.
    found = [window for window in found if not _letter_soup(window.words)]
    wholes = [w for w in found[:1] if w.whole]
    return [*heads, *wholes, *extra, *found[len(wholes):]]


_LEET_MIX = re.compile(r"[a-z][0-9]|[0-9][a-z]")


def leet_soup(words: Sequence[str]) -> bool:
    """Words with digits standing for letters ("t0", "int3rn3t") in at least a third of a window: once
    the text's reading is judged, the encoder reads such a window by its look, not by what it says."""
    return 3 * sum(bool(_LEET_MIX.search(word)) for word in words) >= len(words)


def _letter_soup(words: Sequence[str]) -> bool:
    """Mostly one-letter words: a text spelled out a letter at a time."""
    return len(words) >= 4 and 2 * sum(len(word) == 1 for word in words) > len(words)


def _decode(blob: dict[str, Any]) -> NDArray[np.float32]:
    raw = base64.b64decode(str(blob["data"]))
    return np.frombuffer(raw, dtype=np.float16).astype(np.float32) * np.float32(blob["scale"])


def encode_weights(values: NDArray[np.float32]) -> dict[str, Any]:
    scale = float(np.max(np.abs(values))) or 1.0
    data = (values / scale).astype(np.float16).tobytes()
    return {"scale": scale, "data": base64.b64encode(data).decode("ascii")}


class InjectionModel:
    """Two logistic regressions sharing the lexical features: `lexical` (n-grams only:
    ranks windows, and decides alone when there is no encoder) and `full` (the
    encoder's vector plus the n-grams)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.bits = int(data["hash_bits"])
        self.max_words = int(data.get("max_words", 30))
        self.stride = int(data.get("stride", 20))
        self.whole_words = int(data.get("whole_words", 60))
        self.embedding_scale = float(data.get("embedding_scale", 1.0))
        # Feature set 2 adds the concept features (concepts.py); set 1 is n-grams only.
        self.concepts = int(data.get("features", 1)) >= 2
        # Trained with full names read as "fulano" (classifier.masked): read them the same way.
        self.mask_names = bool(data.get("mask_names", False))
        self.lexical_weights = _decode(data["lexical"]["weights"])
        self.lexical_bias = float(data["lexical"]["bias"])
        self.lexical_threshold = float(data["lexical"]["threshold"])
        # Below this n-gram score, a window of a long text is not worth the encoder's time.
        self.encoder_gate = float(data["lexical"].get("encoder_gate", float("-inf")))
        self.full_lexical = _decode(data["full"]["lexical_weights"])
        self.full_embedding = _decode(data["full"]["embedding_weights"])
        self.full_bias = float(data["full"]["bias"])
        self.full_threshold = float(data["full"]["threshold"])
        self.meta = {k: v for k, v in data.items() if k not in ("lexical", "full")}

    @classmethod
    def load(cls, path: Path) -> InjectionModel:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def windows(self, text: str, max_windows: int = 400) -> list[Window]:
        return reading_windows(text, self.max_words, self.stride, self.whole_words, max_windows, self.mask_names)

    def lexical_scores(self, items: Sequence[Window]) -> tuple[list[float], list[float]]:
        """(lexical model logit, full model's lexical part) of each window. Per-word
        feature weights are memoized, so repeated words cost one dictionary lookup."""
        memo: dict[tuple[str | None, str], tuple[float, float, int]] = {}
        lexical: list[float] = []
        partial: list[float] = []
        mask = (1 << self.bits) - 1
        for window in items:
            total_lexical = total_full = 0.0
            count = 0
            previous: str | None = None
            for word in window.words:
                key = (previous, word)
                cached = memo.get(key)
                if cached is None:
                    indices = [zlib.crc32(f.encode("utf-8")) & mask for f in _features(word, previous, self.concepts)]
                    cached = (float(self.lexical_weights[indices].sum()), float(self.full_lexical[indices].sum()),
                              len(indices))
                    memo[key] = cached
                total_lexical += cached[0]
                total_full += cached[1]
                count += cached[2]
                previous = word
            if self.concepts:
                pairs = [zlib.crc32(f.encode("utf-8")) & mask for f in _pair_features(window.words)]
                if pairs:
                    total_lexical += float(self.lexical_weights[pairs].sum())
                    total_full += float(self.full_lexical[pairs].sum())
                    count += len(pairs)
            norm = 1.0 / math.sqrt(count) if count else 0.0
            lexical.append(total_lexical * norm + self.lexical_bias)
            partial.append(total_full * norm)
        return lexical, partial

    def full_scores(self, partial: Sequence[float], vectors: Vectors) -> NDArray[np.float32]:
        embedded = (vectors @ self.full_embedding) * np.float32(self.embedding_scale)
        return (embedded + np.asarray(partial, dtype=np.float32) + np.float32(self.full_bias)).astype(np.float32)
