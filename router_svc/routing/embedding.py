"""The embedding strategy: nearest labelled examples (rules/examples.toml, a file
a business edits) in the multilingual encoder's space."""

from __future__ import annotations

import asyncio
import tomllib
from pathlib import Path

import numpy as np

from atende_guardrails import kept_vectors
from atende_guardrails.encoder import TextEncoder, Vectors
from router_svc.routing.base import UNCLEAR, IntentSpec, Prediction, intent_from


class ExampleSet:
    def __init__(self, intents: dict[str, IntentSpec], examples: list[tuple[str, str]],
                 vocabulary: tuple[str, ...] = (), written: int | None = None) -> None:
        self.intents = intents
        self.examples = examples
        # The first `written` examples are the file's own; the rest come from its `include`s.
        self.written = len(examples) if written is None else written
        # Words of the business's trade beyond those its examples use (`[vocabulary] words`):
        # a message with none of them and no request cue may be out of scope.
        self.vocabulary = vocabulary

    @classmethod
    def load(cls, path: Path) -> ExampleSet:
        """The intents and examples of `path`, then the examples of the files its top-level `include` names
        (paths relative to it): more examples of the same intents, kept apart so the hand-written file stays short."""
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        intents: dict[str, IntentSpec] = {}
        examples: list[tuple[str, str]] = []
        for name, spec in data.get("intents", {}).items():
            intents[name] = intent_from(name, spec)
            examples.extend((name, str(text)) for text in spec.get("examples", []) if str(text).strip())
        if not examples:
            raise ValueError(f"{path}: no examples")
        written = len(examples)
        for included in data.get("include", []):
            examples.extend(_included_examples(path.parent / str(included), intents))
        vocabulary = tuple(str(w) for w in data.get("vocabulary", {}).get("words", []))
        return cls(intents, examples, vocabulary, written)


def top_k(rows: np.ndarray, k: int) -> np.ndarray:
    """The `k` largest values of each row, in no order: a partition, not a sort (an intent may have hundreds of
    examples, and a turn asks this of every intent)."""
    if rows.shape[1] <= k:
        return rows
    return np.partition(rows, rows.shape[1] - k, axis=1)[:, -k:]


def _included_examples(path: Path, intents: dict[str, IntentSpec]) -> list[tuple[str, str]]:
    """`[intents.<name>] examples = [...]` of an included file; every intent must be one the including file defines."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    found: list[tuple[str, str]] = []
    for name, spec in data.get("intents", {}).items():
        if name not in intents:
            raise ValueError(f"{path}: intent {name!r} is not defined by the file that includes it")
        found.extend((name, str(text)) for text in spec.get("examples", []) if str(text).strip())
    return found


class EmbeddingClassifier:
    """Scores each intent by the mean similarity of its `k` nearest examples and
    turns the scores into a distribution (softmax at `temperature`); the
    confidence is the share of the winner's destination (see predict_vector). Below `min_similarity` nothing is close
    enough and the answer is "unclear"."""

    name = "embedding"

    def __init__(
        self,
        encoder: TextEncoder,
        examples: ExampleSet,
        k: int = 3,
        temperature: float = 0.04,
        min_similarity: float = 0.3,
        context_weight: float = 0.5,
        short_words: int = 5,
        vector_folder: Path | None = None,
    ) -> None:
        self.vector_folder = vector_folder  # where the examples' vectors are kept between starts
        self.context_weight = context_weight
        self.short_words = short_words
        self.encoder = encoder
        self.examples = examples
        self.intents = examples.intents
        self.k = k
        self.temperature = temperature
        self.min_similarity = min_similarity
        self.names = list(examples.intents)
        self._rows = {name: np.array([i for i, (n, _) in enumerate(examples.examples) if n == name]) for name in self.names}
        self._rows = {name: rows for name, rows in self._rows.items() if rows.size}
        # The example rows of every intent as one padded index matrix, so a turn's
        # scores take a handful of numpy calls instead of two per intent.
        self._names = list(self._rows)
        widest = max((rows.size for rows in self._rows.values()), default=0)
        self._index = np.zeros((len(self._names), widest), dtype=np.intp)
        self._present = np.zeros((len(self._names), widest), dtype=bool)
        for i, name in enumerate(self._names):
            rows = self._rows[name]
            self._index[i, : rows.size] = rows
            self._present[i, : rows.size] = True
        self._unclear = np.array([self.examples.intents[n].kind == UNCLEAR for n in self._names])
        self._matrix: Vectors | None = None
        self._ready = asyncio.Lock()

    async def start(self) -> None:
        async with self._ready:
            if self._matrix is None:
                self._matrix = await kept_vectors.aencode(self.encoder, [text for _, text in self.examples.examples],
                                                          self.vector_folder)

    def start_sync(self) -> None:
        if self._matrix is None:
            self._matrix = kept_vectors.encode(self.encoder, [text for _, text in self.examples.examples],
                                               self.vector_folder)

    async def predict(self, text: str, history: tuple[str, ...] = ()) -> Prediction:
        if self._matrix is None:
            await self.start()
        previous = history[-1:] if self.context_weight and history and len(text.split()) <= self.short_words else ()
        vectors = await self.encoder.aencode([text, *previous])
        return self.predict_vector(self.with_context(vectors[0], vectors[1] if previous else None), len(text.split()))

    def with_context(self, vector: Vectors, previous: Vectors | None) -> Vectors:
        """A short follow-up ("and the cables?") borrows meaning from the
        customer's previous message: their vectors are blended."""
        if previous is None:
            return vector
        blended = vector + self.context_weight * previous
        return np.asarray(blended / max(float(np.linalg.norm(blended)), 1e-12), dtype=np.float32)

    def predict_vector(self, vector: Vectors, words: int = 1) -> Prediction:
        assert self._matrix is not None, "call start() first"
        similarities = (self._matrix @ vector).astype(np.float64)
        names = self._names
        # Each intent's score: the mean of its k most similar examples (fewer when
        # it has fewer).
        padded = np.where(self._present, similarities[self._index], -np.inf)
        top = top_k(padded, self.k)
        counted = np.isfinite(top)
        scores = np.where(counted, top, 0.0).sum(axis=1) / counted.sum(axis=1)
        if words > self.short_words:
            # "Unclear" describes messages that say nothing; a longer one says something.
            scores = np.where(self._unclear, -1.0, scores)
        best = int(np.argmax(scores))
        weights = np.exp((scores - scores[best]) / self.temperature)
        shares = weights / weights.sum()
        ranked = {names[i]: round(float(scores[i]), 3) for i in np.argsort(-scores)[:4]}
        if scores[best] < self.min_similarity:
            return Prediction.unclear(self.name, round(float(scores[best]), 3))
        spec = self.examples.intents[names[best]]
        if spec.kind == UNCLEAR:
            return Prediction.unclear(self.name, round(float(shares[best]), 3))
        # Routing needs the agent, not the exact intent: the confidence is the
        # share of every intent that leads to the same place (an agent, small
        # talk, or out of scope).
        group = self._group(spec)
        destinations: dict[str, float] = {}
        for index, name in enumerate(names):
            key = self._group(self.examples.intents[name])
            destinations[key] = destinations.get(key, 0.0) + float(shares[index])
        return Prediction(spec.name, spec.agent, spec.kind, round(destinations[group], 3), self.name, ranked,
                          {k: round(v, 3) for k, v in destinations.items()})

    @staticmethod
    def _group(spec: IntentSpec) -> str:
        return spec.agent if spec.agent else spec.kind
