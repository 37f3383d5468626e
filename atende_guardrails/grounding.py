"""Claim-level grounding of a reply against the passages it was written from."""

from __future__ import annotations

import functools
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import NDArray

from atende_guardrails.base import Finding, GuardContext
from atende_guardrails.claims import WORD, Evidence, evidence_of, figures, is_claim, numbers_in, stems
from atende_guardrails.encoder import SyncEncoder
from atende_guardrails.normalize import normalize
from atende_guardrails.text import split_sentences

_PASSAGE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


class GroundingCheck:
    """Claim-level grounding: each factual sentence of a reply must be supported
    by a retrieved passage. A sentence is a claim unless it is a question, a
    greeting, an offer, an apology, a request to the customer or a statement
    that something was not found. A claim is supported when every number in it
    appears in the evidence and enough of its content words (compared by their
    first five letters, so "instalação" meets "instalar") appear in one passage;
    with a similarity function (the multilingual encoder), a passage sentence
    that says the same in another language also supports it. An unsupported
    sentence is replaced by an honest "I could not find that" (once per reply),
    or removed. A sentence that makes no claim (a question, an offer) may still
    carry a figure: it must come from a passage or from what the customer said
    (GuardContext.trusted), so a model cannot invent a price in a question."""

    name = "grounding"

    def __init__(
        self,
        not_found: dict[str, str],
        min_overlap: float = 0.5,
        mode: str = "replace",
        agents: Sequence[str] = (),
        similarity: Callable[[str, Sequence[str]], float] | None = None,
        min_similarity: float = 0.62,
        max_semantic_sentences: int = 3,
        max_scan_chars: int = 8000,
        encoder: SyncEncoder | None = None,
        semantic_chars: int = 200,
        semantic_budget: int = 400,
    ) -> None:
        self.max_scan_chars = max_scan_chars
        if mode not in ("replace", "remove"):
            raise ValueError("grounding mode must be 'replace' or 'remove'")
        self.not_found = not_found
        self.min_overlap = min_overlap
        self.mode = mode
        self.agents = frozenset(agents)
        self.similarity = similarity
        self.min_similarity = min_similarity
        self.max_semantic_sentences = max_semantic_sentences
        self.semantic = CrossLanguageSupport(encoder, semantic_chars, semantic_budget) if encoder is not None else None

    def applies(self, context: GuardContext) -> bool:
        return context.grounded and context.evidence is not None and (not self.agents or context.agent in self.agents)

    def needs_evidence(self, sentence: str, context: GuardContext) -> bool:
        return context.grounded and (not self.agents or context.agent in self.agents) and (
            is_claim(sentence) or bool(numbers_in(sentence))
        )

    def scan(self, text: str, context: GuardContext) -> list[Finding]:
        if not self.applies(context):
            return []
        if len(text) > self.max_scan_chars:
            return [Finding(self.name, "unscanned_overflow", 0, len(text), blocks=True, redact=False)]
        evidence = context.evidence or ()
        passages = [evidence_of(snippet) for snippet in evidence]
        all_numbers = set().union(*(p.numbers for p in passages)) if passages else set()
        unsupported = self._unsupported(text, context, passages, all_numbers)
        if self.semantic is not None and evidence:
            # One encoder call for the reply's unsupported claims that another language may support.
            candidates = [s for _, s, kind in unsupported if kind == "unsupported_claim"
                          and self._semantic_candidate(s, all_numbers)]
            supported_elsewhere = self.semantic.supported(candidates[: self.max_semantic_sentences * 4], evidence,
                                                          self.min_similarity, self.max_semantic_sentences)
            unsupported = [(start, s, kind) for start, s, kind in unsupported if s not in supported_elsewhere]
        return self._findings(unsupported, context)

    def _unsupported(
        self, text: str, context: GuardContext, passages: list[Evidence], all_numbers: set[str]
    ) -> list[tuple[int, str, str]]:
        """(start, sentence, kind) of each sentence nothing supports: a claim no passage
        supports, or a figure that neither a passage nor the customer gave."""
        trusted = numbers_in(context.trusted) if context.trusted else set()
        own = _canonical(context.own_words) if context.own_words else ""
        unsupported: list[tuple[int, str, str]] = []
        position = 0
        budget = self.max_semantic_sentences
        for sentence in split_sentences(text):
            start = position
            position += len(sentence)
            if own and sentence.strip() and normalize(sentence).canonical in own:
                continue
            if not is_claim(sentence):
                if not figures(sentence) <= all_numbers | trusted:
                    unsupported.append((start, sentence, "unsupported_figure"))
                continue
            supported, used_semantic = self._supported(sentence, passages, all_numbers, context.evidence or (), budget)
            budget -= used_semantic
            if not supported:
                unsupported.append((start, sentence, "unsupported_claim"))
        return unsupported

    def _findings(self, unsupported: list[tuple[int, str, str]], context: GuardContext) -> list[Finding]:
        """The first unsupported sentence becomes an honest note (in "replace" mode, once
        per reply); the others are removed."""
        findings: list[Finding] = []
        noted = context.noted
        note = context.note or self.not_found.get(context.language) or self.not_found.get("en", "")
        for start, sentence, kind in unsupported:
            trailing = sentence[len(sentence.rstrip()) :]
            replacement = note + trailing if self.mode == "replace" and not noted and note else ""
            noted = noted or bool(replacement)
            findings.append(Finding(self.name, kind, start, start + len(sentence), blocks=False, redact=True,
                                    replacement=replacement, detail="no retrieved passage supports the sentence",
                                    fallback=True))
        return findings

    def _supported(
        self, sentence: str, passages: list[Evidence], all_numbers: set[str], evidence: Sequence[str], budget: int
    ) -> tuple[bool, int]:
        if not passages:
            return False, 0
        if not figures(sentence) <= all_numbers:
            return False, 0
        words = stems(sentence)
        if not words:
            return True, 0
        best = max(len(words & p.stems) / len(words) for p in passages)
        if best >= self.min_overlap:
            return True, 0
        if self.similarity is not None and budget > 0 and len(sentence) <= 400 and len(WORD.findall(sentence)) >= 3:
            return self.similarity(sentence, evidence) >= self.min_similarity, 1
        return False, 0

    @staticmethod
    def _semantic_candidate(sentence: str, all_numbers: set[str]) -> bool:
        return len(sentence) <= 400 and len(WORD.findall(sentence)) >= 3 and figures(sentence) <= all_numbers



class CrossLanguageSupport:
    """Whether a passage sentence says the same as a claim in another language, by
    the encoder's cosine. Bounded: distinct claims only, each cut to `chars`, at
    most `budget` characters and a few claims in one encoder call; the passages'
    vectors are computed once per evidence (the gate checks a reply sentence by
    sentence against the same passages)."""

    def __init__(self, encoder: SyncEncoder, chars: int = 200, budget: int = 400, max_pieces: int = 12) -> None:
        self.encoder = encoder
        self.chars = chars
        self.budget = budget
        self.max_pieces = max_pieces
        self._evidence: OrderedDict[tuple[str, ...], NDArray[np.float32] | None] = OrderedDict()
        self._lock = threading.Lock()

    def passages(self, evidence: Sequence[str]) -> NDArray[np.float32] | None:
        key = tuple(evidence)
        with self._lock:  # chains run on worker threads
            if key in self._evidence:
                self._evidence.move_to_end(key)
                return self._evidence[key]
        pieces = list(dict.fromkeys(
            p.strip()[: self.chars] for passage in evidence for p in _PASSAGE_SPLIT.split(passage) if len(p.strip()) > 12
        ))[: self.max_pieces]
        vectors = self.encoder.encode(pieces) if pieces else None
        with self._lock:
            self._evidence[key] = vectors
            if len(self._evidence) > 32:
                self._evidence.popitem(last=False)
        return vectors

    def supported(self, sentences: Sequence[str], evidence: Sequence[str], min_similarity: float,
                  most: int) -> set[str]:
        chosen: list[str] = []
        budget = self.budget
        for sentence in dict.fromkeys(sentences):
            piece = sentence.strip()[: self.chars]
            if len(chosen) >= most or len(piece) > budget:
                break
            chosen.append(sentence)
            budget -= len(piece)
        if not chosen:
            return set()
        passages = self.passages(evidence)
        if passages is None:
            return set()
        vectors = self.encoder.encode([s.strip()[: self.chars] for s in chosen])
        best = (vectors @ passages.T).max(axis=1)
        return {sentence for sentence, score in zip(chosen, best, strict=True) if score >= min_similarity}


@functools.lru_cache(maxsize=256)
def _canonical(own_words: str) -> str:
    """The canonical form of an agent's own words (its playbook's phrases and the turn's
    plan): the same text for every sentence of a reply, and across turns."""
    return normalize(own_words).canonical
