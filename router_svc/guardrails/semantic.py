"""A semantic prompt-injection check: the customer's message (and each of its
sentences) is compared, in the multilingual encoder's space, with a bank of known
attacks and of ordinary customer messages (rules/injection_examples.toml). A text
that sits close to the attacks and clearly closer to them than to ordinary
messages is refused. It catches paraphrases and languages the rules do not
spell out; the rules catch what embeddings blur (encodings, markers, exact
phrases). It needs the local encoder; without it the chain runs without this check."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from router_svc.guardrails.base import Finding, GuardContext
from router_svc.guardrails.text import split_sentences

Vectors = NDArray[np.float32]


class SyncEncoder(Protocol):
    def encode(self, texts: Sequence[str]) -> Vectors: ...


def load_bank(path: Path) -> tuple[list[str], list[str]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [str(t) for t in data.get("attacks", [])], [str(t) for t in data.get("benign", [])]


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


def _wordy(text: str) -> bool:
    stripped = text.strip()
    return len(stripped) >= 12 and sum(ch.isalpha() or ch.isspace() for ch in stripped) >= 0.6 * len(stripped)
