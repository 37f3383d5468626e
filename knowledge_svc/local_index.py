"""The search index knowledge_svc keeps beside Milvus Lite, for one collection.

Why: Milvus Lite 3.x is a pure-Python engine. Every search, dense or BM25, first
walks every stored row in Python (a cross-segment version map and a validity
mask), its BM25 walks posting lists in Python, and a metadata filter evaluates the
expression row by row: measured here, a hybrid search took 18 ms at 10,000 chunks
and about 1.5 s at 100,000, and 0.8 s with a filter at 10,000. So with Lite the
service searches its own index and uses Milvus as the store of record (rows are
written there first and the passages are read back from there by id); a Milvus
server keeps serving hybrid search itself.

The index, in `<folder>/`:
- `rows.sqlite` (SQLite, WAL): one row a live chunk: an increasing row number,
  the chunk id, its metadata tags and its dense vector. The durable truth of
  this index, written in the same call as Milvus.
- `lexical/`: a Tantivy index (Rust, Lucene's design) of the chunks' search text
  and tags: BM25 with collection-wide statistics, deletes, segment merges.
- `dense.faiss` + `dense-rows.npy` + `dense.json`: a FAISS HNSW graph of the
  vectors (inner product on L2-normalised vectors = cosine), checkpointed when
  enough rows were added since the last checkpoint and on close; on open the rows
  SQLite holds beyond the checkpoint are added again (a write-ahead log replay).
  Rows deleted or replaced stay in the graph, masked, until a rebuild once they
  are a quarter of it.

A `dirty` mark in SQLite is set before a write reaches Milvus and cleared once the
index committed it: an index found dirty, or holding another number of chunks
than Milvus, is rebuilt from Milvus when the collection is opened. No grpc here;
methods are synchronous and thread-safe (callers run them in worker threads)."""

from __future__ import annotations

import json
import logging
import re
import shutil
import sqlite3
import threading
import time
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import faiss as _faiss
import numpy as np
import numpy.typing as npt
import tantivy

# faiss's bundled stubs miss much of its SWIG surface (HNSW parameters, get_xb).
faiss: Any = _faiss

log = logging.getLogger("atende.knowledge.index")

FORMAT = 1
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_MAX_TOKEN_CHARS = 40
# Below this many allowed chunks a filtered dense search compares them all exactly
# (a few milliseconds); above it HNSW walks the graph skipping the others.
_EXACT_FILTER_LIMIT = 1024
# Rows added since the last checkpoint that trigger a new one: at least this many
# and at least a tenth of the graph (so the total written stays linear).
_CHECKPOINT_ROWS = 2000
# HNSW vectors added per lock hold while writing, so searches are not held up
# for a whole batch.
_ADD_BATCH = 64


def tokens(text: str) -> list[str]:
    """The lexical terms of a text that lexical.lexical_text already folded:
    runs of letters and digits (a product code "sb-kit-550" gives sb, kit, 550),
    the same at index and query time."""
    return [t for t in _TOKEN.findall(text.lower()) if len(t) <= _MAX_TOKEN_CHARS]


@dataclass(frozen=True)
class IndexedChunk:
    chunk_id: str
    search_text: str
    tags: Sequence[str]
    vector: npt.NDArray[np.float32]


@dataclass(frozen=True)
class Ranked:
    """Chunk ids of one route, best first."""

    chunk_ids: list[str]


def _unit(vector: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    v = np.asarray(vector, dtype=np.float32).reshape(-1)
    norm = float(np.linalg.norm(v))
    return v / norm if norm > 0 else v


class LocalIndex:
    """Dense (HNSW) and lexical (BM25) index of one collection."""

    def __init__(
        self,
        folder: Path,
        *,
        dimension: int,
        hnsw_m: int = 16,
        hnsw_ef_construction: int = 200,
    ) -> None:
        self.folder = folder
        self.dimension = dimension
        self.hnsw_m = hnsw_m
        self.hnsw_ef_construction = hnsw_ef_construction
        self._lock = threading.RLock()
        folder.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(folder / "rows.sqlite", check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA page_size=8192")  # a new file: three 2 KB vectors a page, not one
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(
            """
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS chunks(
                row INTEGER PRIMARY KEY AUTOINCREMENT,
                chunk_id TEXT NOT NULL UNIQUE,
                tags TEXT NOT NULL,
                vector BLOB NOT NULL
            );
            """
        )
        stored = self._meta("format")
        if stored is None:
            self._set_meta("format", str(FORMAT))
            self._set_meta("dimension", str(dimension))
        self._schema = self._lexical_schema()
        (folder / "lexical").mkdir(exist_ok=True)
        self._lexical = tantivy.Index(self._schema, path=str(folder / "lexical"))
        self._writer = self._lexical.writer(heap_size=32_000_000, num_threads=1)
        self._searcher = self._lexical.searcher()
        # In memory: live chunks by row, HNSW position by row and back, tag postings.
        self._row_of: dict[str, int] = {}
        self._chunk_of: dict[int, str] = {}
        self._pos_of: dict[int, int] = {}
        self._rows_at = array("q")  # HNSW position -> row
        self._live = bytearray()  # HNSW position -> 1 while its row is live
        self._tag_positions: dict[str, array[int]] = {}
        self._live_bitmap: npt.NDArray[np.uint8] | None = None
        self._hnsw = self._new_hnsw()
        self._checkpoint_rows = 0  # rows up to which the checkpoint on disk holds the graph
        self._unsaved = 0
        self._load()

    # -- setup -----------------------------------------------------------------

    @staticmethod
    def _lexical_schema() -> tantivy.Schema:
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("chunk_id", stored=True, tokenizer_name="raw")
        builder.add_text_field("text", stored=False, tokenizer_name="whitespace", index_option="freq")
        builder.add_text_field("tag", stored=False, tokenizer_name="raw")
        return builder.build()

    def _new_hnsw(self) -> Any:
        index = faiss.IndexHNSWFlat(self.dimension, self.hnsw_m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = self.hnsw_ef_construction
        return index

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    @property
    def usable(self) -> bool:
        """False when the index may have missed a write (a crash between Milvus and
        here) or was built for another format or dimension: rebuild it."""
        return (
            self._meta("dirty") != "1"
            and self._meta("format") == str(FORMAT)
            and self._meta("dimension") == str(self.dimension)
        )

    def __len__(self) -> int:
        with self._lock:
            return len(self._row_of)

    def _load(self) -> None:
        """Live rows from SQLite, the HNSW checkpoint, then the rows after it."""
        started = time.perf_counter()
        tags_by_row: dict[int, list[str]] = {}
        for row, chunk_id, tags in self._db.execute("SELECT row, chunk_id, tags FROM chunks"):
            self._row_of[chunk_id] = row
            self._chunk_of[row] = chunk_id
            tags_by_row[row] = json.loads(tags)
        checkpoint = self._read_checkpoint()
        if checkpoint is not None:
            self._hnsw, rows, self._checkpoint_rows = checkpoint
            for position, row in enumerate(rows.tolist()):
                self._rows_at.append(row)
                live = row in self._chunk_of
                self._live.append(1 if live else 0)
                if live:
                    self._pos_of[row] = position
                    for tag in tags_by_row[row]:
                        self._tag_positions.setdefault(tag, array("q")).append(position)
        replay = self._db.execute(
            "SELECT row, vector FROM chunks WHERE row > ? ORDER BY row", (self._checkpoint_rows,)
        ).fetchall()
        for start in range(0, len(replay), 1024):
            part = replay[start : start + 1024]
            vectors = np.vstack([np.frombuffer(blob, dtype=np.float32) for _, blob in part])
            self._add_vectors([row for row, _ in part], vectors, [tags_by_row[row] for row, _ in part])
        self._unsaved = len(replay)
        log.info(
            "search index opened",
            extra={
                "folder": str(self.folder),
                "chunks": len(self._row_of),
                "graph": int(self._hnsw.ntotal),
                "replayed": len(replay),
                "seconds": round(time.perf_counter() - started, 2),
            },
        )

    def _read_checkpoint(self) -> tuple[Any, npt.NDArray[np.int64], int] | None:
        meta_path = self.folder / "dense.json"
        if not meta_path.exists():
            return None
        try:
            meta = json.loads(meta_path.read_text())
            index = faiss.read_index(str(self.folder / "dense.faiss"))
            rows = np.load(self.folder / "dense-rows.npy")
        except (OSError, ValueError, RuntimeError):
            log.warning("HNSW checkpoint unreadable; rebuilding the graph from the rows", exc_info=True)
            return None
        if index.ntotal != len(rows) or index.d != self.dimension or meta.get("ntotal") != len(rows):
            log.warning("HNSW checkpoint inconsistent; rebuilding the graph from the rows")
            return None
        index.hnsw.efConstruction = self.hnsw_ef_construction
        return index, rows.astype(np.int64), int(meta["rows_upto"])

    # -- writes ----------------------------------------------------------------

    def begin_write(self) -> None:
        """Marks the index dirty (durably) before the caller writes to Milvus."""
        with self._lock:
            self._set_meta("dirty", "1")

    def end_write(self) -> None:
        """Commits the lexical index, then clears the dirty mark."""
        with self._lock:
            self._writer.commit()
            self._lexical.reload()
            self._searcher = self._lexical.searcher()
            self._set_meta("dirty", "0")
            if self._should_rebuild():
                self._rebuild_graph()
            elif self._unsaved >= max(_CHECKPOINT_ROWS, int(self._hnsw.ntotal) // 10):
                self.checkpoint()

    def upsert(self, chunks: Sequence[IndexedChunk]) -> None:
        """Adds chunks, replacing any stored chunk of the same id."""
        if not chunks:
            return
        self.remove([c.chunk_id for c in chunks if c.chunk_id in self._row_of])
        with self._lock:
            self._db.execute("BEGIN")
            try:
                rows: list[int] = []
                for chunk in chunks:
                    vector = _unit(chunk.vector)
                    cursor = self._db.execute(
                        "INSERT INTO chunks(chunk_id, tags, vector) VALUES (?, ?, ?)",
                        (chunk.chunk_id, json.dumps(list(chunk.tags)), vector.tobytes()),
                    )
                    assert cursor.lastrowid is not None
                    rows.append(cursor.lastrowid)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            for chunk, row in zip(chunks, rows, strict=True):
                self._row_of[chunk.chunk_id] = row
                self._chunk_of[row] = chunk.chunk_id
                document = tantivy.Document()
                document.add_text("chunk_id", chunk.chunk_id)
                document.add_text("text", " ".join(tokens(chunk.search_text)))
                for tag in chunk.tags:
                    document.add_text("tag", tag)
                self._writer.add_document(document)
        for start in range(0, len(chunks), _ADD_BATCH):
            part = chunks[start : start + _ADD_BATCH]
            with self._lock:
                self._add_vectors(
                    [self._row_of[c.chunk_id] for c in part],
                    np.vstack([_unit(c.vector) for c in part]),
                    [list(c.tags) for c in part],
                )
                self._unsaved += len(part)

    def remove(self, chunk_ids: Iterable[str]) -> None:
        with self._lock:
            rows = [(cid, self._row_of[cid]) for cid in chunk_ids if cid in self._row_of]
            if not rows:
                return
            self._db.executemany("DELETE FROM chunks WHERE row = ?", [(row,) for _, row in rows])
            for chunk_id, row in rows:
                del self._row_of[chunk_id]
                del self._chunk_of[row]
                position = self._pos_of.pop(row, None)
                if position is not None:
                    self._live[position] = 0
                self._writer.delete_documents_by_term("chunk_id", chunk_id)
            self._live_bitmap = None

    def _add_vectors(self, rows: Sequence[int], vectors: npt.NDArray[np.float32], tags: Sequence[Sequence[str]]) -> None:
        first = int(self._hnsw.ntotal)
        self._hnsw.add(np.ascontiguousarray(vectors, dtype=np.float32))
        for offset, (row, row_tags) in enumerate(zip(rows, tags, strict=True)):
            position = first + offset
            self._rows_at.append(row)
            self._live.append(1)
            self._pos_of[row] = position
            for tag in row_tags:
                self._tag_positions.setdefault(tag, array("q")).append(position)
        self._live_bitmap = None

    def _should_rebuild(self) -> bool:
        total = int(self._hnsw.ntotal)
        return total >= 1000 and total - len(self._pos_of) > total // 4

    def _rebuild_graph(self) -> None:
        """A new graph of the live rows only (called with the lock held, inside a
        write: searches wait; it is rare, see _should_rebuild)."""
        started = time.perf_counter()
        dead = int(self._hnsw.ntotal) - len(self._pos_of)
        self._hnsw = self._new_hnsw()
        self._rows_at = array("q")
        self._live = bytearray()
        self._pos_of = {}
        self._tag_positions = {}
        cursor = self._db.execute("SELECT row, tags, vector FROM chunks ORDER BY row")
        while part := cursor.fetchmany(1024):
            vectors = np.vstack([np.frombuffer(blob, dtype=np.float32) for _, _, blob in part])
            self._add_vectors([row for row, _, _ in part], vectors, [json.loads(tags) for _, tags, _ in part])
        self.checkpoint()
        log.info(
            "HNSW graph rebuilt without its deleted rows",
            extra={"folder": str(self.folder), "dead": dead, "seconds": round(time.perf_counter() - started, 2)},
        )

    def checkpoint(self) -> None:
        """Writes the HNSW graph and its row numbers (new files, then renamed)."""
        with self._lock:
            rows_upto = max(self._rows_at) if len(self._rows_at) else 0
            tmp = self.folder / "dense.faiss.tmp"
            faiss.write_index(self._hnsw, str(tmp))
            with (self.folder / "dense-rows.npy.tmp").open("wb") as handle:
                np.save(handle, np.frombuffer(self._rows_at, dtype=np.int64) if len(self._rows_at) else np.zeros(0, np.int64))
            (self.folder / "dense.json.tmp").write_text(json.dumps({"rows_upto": rows_upto, "ntotal": len(self._rows_at)}))
            # dense.json last: a checkpoint counts once its three files agree.
            (self.folder / "dense.json").unlink(missing_ok=True)
            tmp.replace(self.folder / "dense.faiss")
            (self.folder / "dense-rows.npy.tmp").replace(self.folder / "dense-rows.npy")
            (self.folder / "dense.json.tmp").replace(self.folder / "dense.json")
            self._checkpoint_rows = rows_upto
            self._unsaved = 0

    # -- reads -----------------------------------------------------------------

    def _allowed(self, tags: Sequence[str]) -> npt.NDArray[np.bool_] | None:
        """Live HNSW positions carrying every tag; None means every live position."""
        total = len(self._live)
        if not tags:
            return None
        mask = self._live_mask()
        for tag in tags:
            positions = self._tag_positions.get(tag)
            if positions is None or not len(positions):
                return np.zeros(total, dtype=bool)
            tagged = np.zeros(total, dtype=bool)
            tagged[np.frombuffer(positions, dtype=np.int64)] = True
            mask &= tagged
        return mask

    def dense(self, vector: npt.NDArray[np.float32], limit: int, ef: int, tags: Sequence[str]) -> Ranked:
        query = _unit(vector).reshape(1, -1)
        with self._lock:
            total = int(self._hnsw.ntotal)
            if total == 0 or not self._pos_of:
                return Ranked([])
            allowed = self._allowed(tags)
            if allowed is not None:
                count = int(allowed.sum())
                if count == 0:
                    return Ranked([])
                if count <= _EXACT_FILTER_LIMIT:
                    return Ranked(self._exact(query[0], np.flatnonzero(allowed), limit))
                bitmap = np.packbits(allowed, bitorder="little")
            elif len(self._pos_of) < total:  # deleted rows still in the graph
                if self._live_bitmap is None:
                    self._live_bitmap = np.packbits(self._live_mask(), bitorder="little")
                bitmap = self._live_bitmap
            else:
                bitmap = None
            if bitmap is None:
                params = faiss.SearchParametersHNSW(efSearch=max(ef, limit))
                _, found = self._hnsw.search(query, limit, params=params)
            else:
                wanted = min(limit, len(self._pos_of) if allowed is None else int(allowed.sum()))
                selector = faiss.IDSelectorBitmap(total, faiss.swig_ptr(bitmap))
                # The walk skips what the filter excludes; when the query's
                # neighbourhood is all excluded (a Portuguese question filtered to
                # English chunks) it can end short: walk wider, then compare exactly.
                for width in (max(ef, limit), max(8 * ef, 512)):
                    params = faiss.SearchParametersHNSW(efSearch=width, sel=selector)
                    _, found = self._hnsw.search(query, limit, params=params)
                    if int((found[0] >= 0).sum()) >= wanted:
                        break
                else:
                    mask = allowed if allowed is not None else self._live_mask()
                    return Ranked(self._exact(query[0], np.flatnonzero(mask), limit))
            return Ranked(
                [self._chunk_of[self._rows_at[int(p)]] for p in found[0] if p >= 0 and self._live[int(p)]]
            )

    def _live_mask(self) -> npt.NDArray[np.bool_]:
        return np.frombuffer(bytes(self._live), dtype=np.uint8).astype(bool)

    def _exact(self, query: npt.NDArray[np.float32], positions: npt.NDArray[np.int64], limit: int) -> list[str]:
        """Exact inner product against the given HNSW positions (lock held)."""
        total = int(self._hnsw.ntotal)
        storage = faiss.downcast_index(self._hnsw.storage)
        data = faiss.rev_swig_ptr(storage.get_xb(), total * self.dimension).reshape(total, self.dimension)
        scores = np.empty(len(positions), dtype=np.float32)
        for start in range(0, len(positions), 8192):  # bounded temporary copies
            part = positions[start : start + 8192]
            scores[start : start + len(part)] = data[part] @ query
        order = np.argsort(-scores, kind="stable")[:limit]
        return [self._chunk_of[self._rows_at[int(p)]] for p in positions[order]]

    def lexical(self, text: str, limit: int, tags: Sequence[str]) -> Ranked:
        terms = list(dict.fromkeys(tokens(text)))
        if not terms:
            return Ranked([])
        schema = self._schema
        words = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "text", term)) for term in terms]
        )
        query = words
        if tags:
            query = tantivy.Query.boolean_query(
                [(tantivy.Occur.Must, words)]
                + [(tantivy.Occur.Must, tantivy.Query.const_score_query(
                    tantivy.Query.term_query(schema, "tag", tag), 0.0)) for tag in tags]
            )
        with self._lock:
            searcher = self._searcher
        result = searcher.search(query, limit)
        return Ranked([str(searcher.doc(address).get_first("chunk_id")) for _, address in result.hits])

    # -- lifecycle -------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            try:
                self._writer.commit()
                self._writer.wait_merging_threads()
            except Exception:  # closing is best effort; the next open replays or rebuilds
                log.warning("closing the lexical index failed", exc_info=True)
            if self._unsaved:
                self.checkpoint()
            self._db.close()

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


def fuse(routes: Sequence[Ranked], k: int, limit: int) -> list[tuple[str, float]]:
    """Reciprocal rank fusion, as Milvus's RRFRanker: each route adds 1/(k + rank)
    (rank from 1) to a chunk's score; best first, ties in first-seen order."""
    scores: dict[str, float] = {}
    for route in routes:
        for rank, chunk_id in enumerate(route.chunk_ids, start=1):
            scores[chunk_id] = scores.get(chunk_id, 0.0) + 1.0 / (k + rank)
    ordered = sorted(scores.items(), key=lambda item: -item[1])
    return ordered[:limit]
