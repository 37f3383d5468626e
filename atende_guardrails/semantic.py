"""A semantic prompt-injection check: the customer's message (and each of its
sentences) is compared, in the multilingual encoder's space, with a bank of known
attacks and of ordinary customer messages (rules/injection_examples.toml). A text
that sits close to the attacks and clearly closer to them than to ordinary
messages is refused. It catches paraphrases and languages the rules do not
spell out; the rules catch what embeddings blur (encodings, markers, exact
phrases). It needs the local encoder; without it the chain runs without this check.

InjectionClassifierCheck (the default since issue #6) replaces the nearest-neighbour
vote with a trained classifier (classifier.py) and bounds what the encoder sees."""

from __future__ import annotations

import codecs
import tomllib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from atende_guardrails.base import Finding, GuardContext
from atende_guardrails.classifier import InjectionModel, Window, leet_soup, widened
from atende_guardrails.concepts import concept_of
from atende_guardrails.encoder import SyncEncoder
from atende_guardrails.normalize import normalize
from atende_guardrails.other_scripts import written_in_other_script
from atende_guardrails.own_context import aimed_at_assistant, owned_context, without_gift_text
from atende_guardrails.text import split_sentences

Vectors = NDArray[np.float32]



def load_bank(path: Path) -> tuple[list[str], list[str]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [str(t) for t in data.get("attacks", [])], [str(t) for t in data.get("benign", [])]


# The names of a record's fields and the words that join them in a list.
_FIELD_WORDS = frozenset(
    "nome nomes name names cpf rg cnpj endereco enderecos address addresses telefone telefones phone phones celular email "
    "e mail emails cep data de nascimento birth date birthday idade age nombre direccion telefono correo dni "
    "e y and ou or o".split()
)
# Up to this many words, a message with no attack concept in it is not refused on the classifier's score alone.
_FEW_WORDS = 4
# Longer than this, a token may be encoded text (Base64, hex) rather than a word.
_LONGEST_WORD = 15


def _few_plain_words(canonical: str) -> bool:
    """A message of a few short words, none of an attack concept, read plainly or as ROT13."""
    words = canonical.split()
    if not words or len(words) > _FEW_WORDS or any(len(word) > _LONGEST_WORD for word in words):
        return False
    rotated = codecs.encode(canonical, "rot13").split()
    return not any(concept_of(word) for word in (*words, *rotated))

class InjectionSimilarityCheck:
    name = "injection_similarity"

    def __init__(
        self,
        encoder: SyncEncoder,
        attacks: Sequence[str],
        benign: Sequence[str],
        threshold: float = 0.6,
        margin: float = 0.08,
        k: int = 3,
        max_windows: int = 5,
        max_scan_chars: int = 8000,
    ) -> None:
        if not attacks or not benign:
            raise ValueError("the injection bank needs attack and benign examples")
        self.encoder = encoder
        self.threshold = threshold
        self.margin = margin
        self.k = k
        self.max_windows = max_windows
        self.max_scan_chars = max_scan_chars
        self._attacks = encoder.encode(list(attacks))
        self._benign = encoder.encode(list(benign))

    def scores(self, texts: Sequence[str]) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
        """Mean similarity of each text to its k nearest attacks and k nearest ordinary messages."""
        vectors = self.encoder.encode(list(texts))
        near_attack = np.sort(vectors @ self._attacks.T, axis=1)[:, -self.k :].mean(axis=1)
        near_benign = np.sort(vectors @ self._benign.T, axis=1)[:, -self.k :].mean(axis=1)
        return near_attack.astype(np.float32), near_benign.astype(np.float32)

    def scan(self, text: str, context: GuardContext) -> list[Finding]:
        if len(text) > self.max_scan_chars:
            return [Finding(self.name, "unscanned_overflow", 0, len(text), blocks=True, redact=False)]
        windows = self._windows(text)
        if not windows:
            return []
        attack, benign = self.scores([w for _, _, w in windows])
        for (start, end, _), a, b in zip(windows, attack, benign, strict=True):
            if a >= self.threshold and a - b >= self.margin:
                return [Finding(self.name, "semantic_match", start, end, blocks=True, redact=False,
                                detail=f"similarity {a:.2f} to known attacks, {b:.2f} to ordinary messages")]
        return []

    def _windows(self, text: str) -> list[tuple[int, int, str]]:
        """The start of the text and its first sentences, each short and mostly
        letters: the encoder's cost grows with tokens, and junk (control characters,
        digit runs) is the other checks' business."""
        windows: list[tuple[int, int, str]] = []
        if _wordy(text[:400]):
            windows.append((0, len(text), text[:400]))
        sentences = split_sentences(text[:4000])
        if len(sentences) > 1:
            position = 0
            for sentence in sentences:
                if len(windows) >= self.max_windows:
                    break
                if _wordy(sentence[:240]):
                    windows.append((position, position + len(sentence), sentence[:240]))
                position += len(sentence)
        return windows


def _plain(text: str) -> bool:
    """Mostly ASCII letters and spaces, in words that are not letter-digit soup."""
    plain = sum(ch.isascii() and (ch.isalpha() or ch == " ") for ch in text)
    return plain >= 0.9 * len(text) and not any(len(word) > 24 for word in text.split())


def _repetitive(words: tuple[str, ...]) -> bool:
    """A window that is a few words said over and over (a flood, or the leetspeak reading of
    escape codes: "\\x1b[31m" reads "eim"): the encoder learns nothing from its repeats."""
    return len(words) >= 8 and 4 * len(set(words)) <= len(words)


def _wordy(text: str) -> bool:
    stripped = text.strip()
    return len(stripped) >= 12 and sum(ch.isalpha() or ch.isspace() for ch in stripped) >= 0.6 * len(stripped)


class InjectionClassifierCheck:
    """The trained classifier (classifier.py) over the message's windows. With the
    encoder, at most `encoder_windows` windows (the whole short message, then the
    most suspicious by the lexical score; `long_text_windows` for a text too long to
    be read whole), each cut to `encoder_chars` (`junk_chars` when it is not plain
    words), at most `encoder_budget` characters in all, are embedded in one call;
    without the encoder, the lexical model decides alone."""

    name = "injection_classifier"

    def __init__(self, model: InjectionModel, encoder: SyncEncoder | None = None, encoder_windows: int = 3,
                 encoder_chars: int = 160, encoder_budget: int = 256, junk_chars: int = 64, long_text_windows: int = 2,
                 max_windows: int = 400,
                 max_scan_chars: int = 8000, threshold: float | None = None,
                 lexical_threshold: float | None = None, owned_context_margin: float = 2.5,
                 context_words: int = 30, context_margin: float = 0.0, long_text_margin: float = 0.0,
                 plain_request_margin: float = 1.0) -> None:
        self.model = model
        self.encoder = encoder
        self.encoder_windows = encoder_windows
        self.encoder_chars = encoder_chars
        self.encoder_budget = encoder_budget
        self.junk_chars = junk_chars
        self.long_text_windows = long_text_windows
        self.max_windows = max_windows
        self.max_scan_chars = max_scan_chars
        self.threshold = model.full_threshold if threshold is None else threshold
        self.lexical_threshold = model.lexical_threshold if lexical_threshold is None else lexical_threshold
        self.owned_context_margin = owned_context_margin
        self.context_words = context_words
        self.context_margin = context_margin
        self.long_text_margin = long_text_margin
        # A plain request for the customer's own things (own_context.owned_context's `plain`) excuses only a score
        # this near the threshold: such a request is short, and a short attack scores well above.
        self.plain_request_margin = plain_request_margin

    def score(self, text: str) -> tuple[float, float, Window | None]:
        """The highest window score (a logit), the threshold it is held against, and its window."""
        score, limit, window, _ = self._score(text)
        return score, limit, window

    def _score(self, text: str) -> tuple[float, float, Window | None, bool | None]:
        """score(), and for a long message near the threshold whether it is aimed at the assistant
        (own_context.aimed_at_assistant; None when not asked)."""
        found = self.model.windows(text, self.max_windows)
        if not found:
            return float("-inf"), self.threshold, None, None
        lexical, partial = self.model.lexical_scores(found)
        most_lexical = max(range(len(found)), key=lambda i: lexical[i])
        if self.encoder is None:
            return lexical[most_lexical], self.lexical_threshold, found[most_lexical], None
        # The whole message (first when it is short), then the most suspicious windows.
        whole = [i for i in range(min(2, len(found))) if found[i].whole]
        ranked = sorted(range(len(found)), key=lambda i: -lexical[i])
        chosen: list[int] = []
        inputs: list[str] = []
        budget = self.encoder_budget
        read = any(window.reading for window in found)
        for index in [*whole, *ranked]:
            # Leetspeak is judged by its reading ("t0 sem int3rn3t" says "to sem internet"): the encoder
            # would score the raw window by the look of the digits, which every leetspeak attack shares.
            if read and not found[index].reading and leet_soup(found[index].words):
                continue
            if index not in whole and lexical[index] < self.model.encoder_gate:
                break
            # Digit and symbol soup (card numbers, escape codes) carries no instruction for the
            # encoder to read, and makes several tokens a character: the lexical score judges it.
            if index not in whole and not _wordy(found[index].text[:240]):
                continue
            # The encoder's cost grows with its tokens: text that is not plain Latin words (other
            # scripts, Base64, digit soup) makes several tokens a character, so it gets less room.
            window = found[index].text
            roomy = _plain(window) and not _repetitive(found[index].words)
            limit = min(self.encoder_chars if roomy else self.junk_chars, budget)
            key = window[:limit]
            if limit < 12 or key in inputs:
                continue
            chosen.append(index)
            inputs.append(key)
            budget -= len(key)
            if len(chosen) >= (self.encoder_windows if whole else self.long_text_windows):
                break
        if not inputs:
            return lexical[most_lexical], self.lexical_threshold, found[most_lexical], None
        vectors = self.encoder.encode(inputs)
        scores, aimed = self._in_context(text, self.model.full_scores([partial[i] for i in chosen], vectors),
                                         [found[i] for i in chosen], found, long=not whole)
        best = int(np.argmax(scores))
        return float(scores[best]), self.threshold, found[chosen[best]], aimed

    def _in_context(self, text: str, scores: NDArray[np.float32], chosen: Sequence[Window],
                    found: Sequence[Window], long: bool) -> tuple[NDArray[np.float32], bool | None]:
        """A long message (no whole window, more than one piece) is read in pieces, and a piece of a
        few words cut out of it can look like anything to the encoder. When its best piece is scored
        above the threshold but less than `context_margin` or `long_text_margin` above it, whether the
        message is aimed at the assistant is asked, once (scan reuses the answer). When it is not,
        each piece scored less than `context_margin` above the threshold is read again widened by the
        words around it (`context_words` in all) and keeps the lower of its two scores. Only a
        message near refusal pays for this."""
        top = float(np.max(scores))
        margin = max(self.context_margin, self.long_text_margin)
        if (not long or self.encoder is None or not self.threshold <= top < self.threshold + margin
                or sum(not window.reading for window in found) < 2):
            return scores, None
        readings = [window.text for window in found if window.reading]
        if aimed_at_assistant(normalize(text), readings, [window.text for window in chosen]):
            return scores, True
        redo: list[int] = []
        wider: list[Window] = []
        for index, (score, window) in enumerate(zip(scores, chosen, strict=True)):
            if window.reading or not self.threshold <= score < self.threshold + self.context_margin:
                continue
            widened_window = widened(window, self.context_words)
            if widened_window is not None:
                redo.append(index)
                wider.append(widened_window)
        if not wider:
            return scores, False
        _, partial = self.model.lexical_scores(wider)
        again = self.model.full_scores(partial, self.encoder.encode([w.text[: self.encoder_chars] for w in wider]))
        out = scores.copy()
        for index, score in zip(redo, again, strict=True):
            out[index] = min(out[index], score)
        return out, False

    def scan(self, text: str, context: GuardContext) -> list[Finding]:
        if len(text) > self.max_scan_chars:
            return [Finding(self.name, "unscanned_overflow", 0, len(text), blocks=True, redact=False)]
        if written_in_other_script(text):
            # Folding reads a Russian sentence as look-alike Latin letters ("ctoиt yctahobka"), which the model only
            # saw in obfuscated attacks; the rules for these scripts (other_scripts.py) judge it instead.
            return []
        score, limit, window, aimed = self._score(text)
        if window is None or score < limit:
            return []
        # A text dictated for a gift ("coloca no cartão exatamente este texto: 'Para o melhor gerente do mundo'") is
        # for whoever gets the gift: the message is judged by what it asks around that text (the rules read it all).
        rest = without_gift_text(normalize(text))
        if rest is not None and self._score(rest)[0] < limit:
            return []
        start, end = window.span()
        # A score a little above the threshold, on a window about the customer's own context, in a
        # message aimed at nothing of the assistant's (own_context.py), is the words without the attack.
        # Only a refused message pays for this. A hidden reading ("12x" read as "izx") is excused only
        # when what it says is aimed at nothing of the assistant's either.
        if score < limit + self.owned_context_margin:
            whole = normalize(text)
            scored = whole if (start, end) == (0, len(text)) else normalize(text[start:end])
            if owned_context(scored, whole, window.text if window.reading else None,
                             plain=score < limit + self.plain_request_margin):
                return []
            # A window that only lists a record's fields ("nome, cpf, endereço") says nothing of whose they
            # are: the message it comes from does ("meus dados tão certos? nome, cpf, endereço").
            if not window.reading and set(window.words) <= _FIELD_WORDS and owned_context(whole, whole):
                return []
            # A message of a few words with no word of any attack concept (no override, rules, reveal, secret,
            # persona, authority...): "quick question", "e o 8.2?". Its score is the encoder's guess at too
            # little text; the rules still judge it.
            if not window.reading and _few_plain_words(whole.canonical):
                return []
        # A long message (too long to be read whole) is judged by its pieces, and the more pieces, the
        # likelier one of them looks like an attack by chance: a piece scored less than
        # `long_text_margin` above the threshold is refused only when something in the message is aimed
        # at the assistant (its rules, what it was told, a persona, other customers' data).
        if score < limit + self.long_text_margin and aimed is False:
            return []
        return [Finding(self.name, "classified_injection", start, end, blocks=True, redact=False,
                        detail=f"score {score:.2f} (threshold {limit:.2f})")]
