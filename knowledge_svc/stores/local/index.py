"""The search index knowledge_svc keeps beside Milvus Lite, for one collection.

Why: Milvus Lite 3.x is a pure-Python engine. Every search, dense or BM25, first
walks every stored row in Python (a cross-segment version map and a validity
mask), its BM25 walks posting lists in Python, and a metadata filter evaluates the
expression row by row: measured here, a hybrid search took 18 ms at 10,000 chunks
and about 1.5 s at 100,000, and 0.8 s with a filter at 10,000. So with Lite the
service searches its own index and uses Milvus as the store of record (rows are
written there first and the passages are read back from there by id).

The index, in `<folder>/`: `rows.sqlite` (rows.py, the durable truth), `lexical/`
(lexical.py, Tantivy BM25) and the HNSW checkpoint (dense.py). A `dirty` mark in
SQLite is set before a write reaches Milvus and cleared once the index committed
it: an index found dirty, or holding another number of chunks than Milvus, is
rebuilt from Milvus when the collection is opened (stores/lite.py). No grpc here;
methods are synchronous and thread-safe (callers run them in worker threads)."""

from __future__ import annotations

import logging
import shutil
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from knowledge_svc.stores.local.dense import DenseGraph, unit
from knowledge_svc.stores.local.lexical import LexicalIndex
from knowledge_svc.stores.local.rows import RowLog

log = logging.getLogger("atende.knowledge.index")

FORMAT = 1
# Rows added since the last checkpoint that trigger a new one: at least this many
# and at least a tenth of the graph (so the total written stays linear).
_CHECKPOINT_ROWS = 2000
# HNSW vectors added per lock hold while writing, so searches are not held up
# for a whole batch.
_ADD_BATCH = 64
_REPLAY_BATCH = 1024


@dataclass(frozen=True)
class IndexedChunk:
    chunk_id: str
    search_text: str
    tags: Sequence[str]
    vector: npt.NDArray[np.float32]


class LocalIndex:
    """Dense (HNSW) and lexical (BM25) index of one collection."""

    def __init__(self, folder: Path, *, dimension: int, hnsw_m: int = 16, hnsw_ef_construction: int = 200) -> None:
        self.folder = folder
        self.dimension = dimension
        self._lock = threading.RLock()
        folder.mkdir(parents=True, exist_ok=True)
        self._rows = RowLog(folder / "rows.sqlite")
        if self._rows.meta("format") is None:
            self._rows.set_meta("format", str(FORMAT))
            self._rows.set_meta("dimension", str(dimension))
        self._lexical = LexicalIndex(folder / "lexical")
        self._graph = DenseGraph(dimension, hnsw_m, hnsw_ef_construction)
        # Live chunks by row and back.
        self._row_of: dict[str, int] = {}
        self._chunk_of: dict[int, str] = {}
        self._load()

    @property
    def usable(self) -> bool:
        """False when the index may have missed a write (a crash between Milvus and
        here) or was built for another format or dimension: rebuild it."""
        return (
            self._rows.meta("dirty") != "1"
            and self._rows.meta("format") == str(FORMAT)
            and self._rows.meta("dimension") == str(self.dimension)
        )

    def __len__(self) -> int:
        with self._lock:
            return len(self._row_of)

    def _load(self) -> None:
        """Live rows from SQLite, the HNSW checkpoint, then the rows after it."""
        started = time.perf_counter()
        tags_by_row: dict[int, list[str]] = {}
        for row, chunk_id, tags in self._rows.live():
            self._row_of[chunk_id] = row
            self._chunk_of[row] = chunk_id
            tags_by_row[row] = tags
        self._graph.load(self.folder, tags_by_row)
        replay = self._rows.vectors_after(self._graph.checkpoint_rows)
        for start in range(0, len(replay), _REPLAY_BATCH):
            part = replay[start : start + _REPLAY_BATCH]
            rows = [row for row, _ in part]
            self._graph.add(rows, np.vstack([vector for _, vector in part]), [tags_by_row[row] for row in rows])
        self._graph.unsaved = len(replay)
        log.info(
            "search index opened",
            extra={
                "folder": str(self.folder),
                "chunks": len(self._row_of),
                "graph": self._graph.total,
                "replayed": len(replay),
                "seconds": round(time.perf_counter() - started, 2),
            },
        )

    # -- writes ----------------------------------------------------------------

    def begin_write(self) -> None:
        """Marks the index dirty (durably) before the caller writes to Milvus."""
        with self._lock:
            self._rows.set_meta("dirty", "1")

    def end_write(self) -> None:
        """Commits the lexical index, then clears the dirty mark."""
        with self._lock:
            self._lexical.commit()
            self._rows.set_meta("dirty", "0")
            if self._graph.should_rebuild():
                self._rebuild_graph()
            elif self._graph.unsaved >= max(_CHECKPOINT_ROWS, self._graph.total // 10):
                self.checkpoint()

    def upsert(self, chunks: Sequence[IndexedChunk]) -> None:
        """Adds chunks, replacing any stored chunk of the same id."""
        if not chunks:
            return
        self.remove([c.chunk_id for c in chunks if c.chunk_id in self._row_of])
        with self._lock:
            rows = self._rows.insert([(c.chunk_id, c.tags, unit(c.vector)) for c in chunks])
            for chunk, row in zip(chunks, rows, strict=True):
                self._row_of[chunk.chunk_id] = row
                self._chunk_of[row] = chunk.chunk_id
                self._lexical.add(chunk.chunk_id, chunk.search_text, chunk.tags)
        for start in range(0, len(chunks), _ADD_BATCH):
            part = chunks[start : start + _ADD_BATCH]
            with self._lock:
                self._graph.add(
                    [self._row_of[c.chunk_id] for c in part],
                    np.vstack([unit(c.vector) for c in part]),
                    [list(c.tags) for c in part],
                )
                self._graph.unsaved += len(part)

    def remove(self, chunk_ids: Iterable[str]) -> None:
        with self._lock:
            rows = [(cid, self._row_of[cid]) for cid in chunk_ids if cid in self._row_of]
            if not rows:
                return
            self._rows.delete([row for _, row in rows])
            for chunk_id, row in rows:
                del self._row_of[chunk_id]
                del self._chunk_of[row]
                self._graph.kill(row)
                self._lexical.delete(chunk_id)

    def _rebuild_graph(self) -> None:
        """A new graph of the live rows only (called with the lock held, inside a
        write: searches wait; it is rare, see DenseGraph.should_rebuild)."""
        started = time.perf_counter()
        dead = self._graph.total - self._graph.live_count
        self._graph.reset()
        for part in self._rows.parts():
            self._graph.add([row for row, _, _ in part], np.vstack([v for _, _, v in part]), [t for _, t, _ in part])
        self.checkpoint()
        log.info(
            "HNSW graph rebuilt without its deleted rows",
            extra={"folder": str(self.folder), "dead": dead, "seconds": round(time.perf_counter() - started, 2)},
        )

    def checkpoint(self) -> None:
        """Writes the HNSW graph and its row numbers."""
        with self._lock:
            self._graph.save(self.folder)

    # -- reads -----------------------------------------------------------------

    def dense(self, vector: npt.NDArray[np.float32], limit: int, ef: int, tags: Sequence[str]) -> list[str]:
        """Chunk ids of the nearest chunks carrying every tag, nearest first."""
        with self._lock:
            return [self._chunk_of[row] for row in self._graph.search(vector, limit, ef, tags)]

    def similarity(self, vector: npt.NDArray[np.float32], chunk_ids: Sequence[str]) -> list[float]:
        """Exact cosine of the query and each chunk (0.0 for an unknown chunk)."""
        with self._lock:
            return self._graph.similarity(vector, [self._row_of.get(c, -1) for c in chunk_ids])

    def lexical_scored(self, text: str, limit: int, tags: Sequence[str]) -> list[tuple[str, float]]:
        """(chunk id, BM25 score) of the best matches carrying every tag, best first."""
        query = self._lexical.query(text, tags)
        if query is None:
            return []
        with self._lock:
            searcher = self._lexical.searcher
        return LexicalIndex.search_scored(searcher, query, limit)

    def lexical(self, text: str, limit: int, tags: Sequence[str]) -> list[str]:
        """Chunk ids of the best BM25 matches carrying every tag, best first."""
        query = self._lexical.query(text, tags)
        if query is None:
            return []
        with self._lock:
            searcher = self._lexical.searcher
        return LexicalIndex.search(searcher, query, limit)

    # -- lifecycle -------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._lexical.close()
            if self._graph.unsaved:
                self.checkpoint()
            self._rows.close()

    @staticmethod
    def destroy(folder: Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)


# One LocalIndex a folder in this process, shared by every store that opens it (as
# pymilvus shares one Lite server a folder): Tantivy allows one writer a folder.
_shared_lock = threading.Lock()
_shared: dict[Path, tuple[LocalIndex, int]] = {}


def acquire(folder: Path, **options: Any) -> tuple[LocalIndex, bool]:
    """The folder's index, opened now or shared; True when this call opened it."""
    key = folder.resolve()
    with _shared_lock:
        entry = _shared.get(key)
        if entry is not None:
            _shared[key] = (entry[0], entry[1] + 1)
            return entry[0], False
        index = LocalIndex(key, **options)
        _shared[key] = (index, 1)
        return index, True


def release(index: LocalIndex) -> None:
    """Closes the index once the last store that acquired it lets it go."""
    with _shared_lock:
        entry = _shared.get(index.folder)
        if entry is None or entry[0] is not index:
            return
        if entry[1] > 1:
            _shared[index.folder] = (index, entry[1] - 1)
            return
        del _shared[index.folder]
    index.close()
