"""The evidence selector's vectors, kept in one matrix (agent_svc/evidence.py).

The same passages come back turn after turn, so the selector asks for the same
sentences' and words' vectors again and again. The encoder's own cache hands them
out one array at a time, and stacking a hundred of them costs more than the
arithmetic it feeds (docs/performance.md). Here every vector the selector has seen
is a row of one matrix, found by its text: a turn whose texts are all known gathers
its rows with one numpy call, and computes nothing.

The rows are the encoder's own vectors (a miss asks the encoder for the same list
the selector would have), so selections do not depend on the cache. Least recently
used rows go when the table is full. A miss goes to the encoder, which inside
atende_guardrails.encoder.cached_only() raises NotCached rather than run the model:
the caller then knows the work is cheap enough for the event loop, or hands it to a
thread."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from atende_guardrails.encoder import SyncEncoder, Vectors

DEFAULT_ROWS = 16_384  # 32 MiB of 512-d float32 rows


class VectorTable:
    """Thread-safe: the selector runs on the event loop and on worker threads."""

    def __init__(self, encoder: SyncEncoder, rows: int = DEFAULT_ROWS) -> None:
        self.encoder = encoder
        self.capacity = max(rows, 16)
        self._row: OrderedDict[str, int] = OrderedDict()  # text -> row, least recently used first
        self._matrix: Vectors | None = None
        self._next = 0  # rows below it hold a text (or did, before eviction)
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._row)

    def encode(self, texts: Sequence[str]) -> Vectors:
        """The texts' vectors, one row each, as `encoder.encode(texts)` returns them."""
        found = self._gather(texts)
        if found is not None:
            return found
        vectors = np.asarray(self.encoder.encode(texts), dtype=np.float32)
        self._store(texts, vectors)
        return vectors

    def _gather(self, texts: Sequence[str]) -> Vectors | None:
        with self._lock:
            if self._matrix is None:
                return None
            rows = self._row
            try:
                index = [rows[text] for text in texts]
            except KeyError:
                return None
            for text in texts:
                rows.move_to_end(text)
            return self._matrix[np.asarray(index, dtype=np.intp)]

    def _store(self, texts: Sequence[str], vectors: Vectors) -> None:
        with self._lock:
            for text, vector in zip(texts, vectors, strict=True):
                row = self._row.get(text)
                if row is None:
                    row = self._allocate(vector.shape[0])
                    self._row[text] = row
                else:
                    self._row.move_to_end(text)
                assert self._matrix is not None  # _allocate made it
                self._matrix[row] = vector

    def _allocate(self, dimension: int) -> int:
        """A row for a new text (called with the lock held): the next unused one, the
        matrix doubling up to `capacity`, then the least recently used text's."""
        size = 0 if self._matrix is None else self._matrix.shape[0]
        if self._next >= size:
            if size >= self.capacity:
                _, row = self._row.popitem(last=False)
                return row
            grown = np.zeros((min(self.capacity, max(256, 2 * size)), dimension), dtype=np.float32)
            if self._matrix is not None:
                grown[:size] = self._matrix
            self._matrix = grown
        row = self._next
        self._next += 1
        return row
