"""The dense half of a local index: a FAISS HNSW graph of unit vectors (inner product
= cosine), with what maps its positions to rows, which positions are live, and the
positions carrying each metadata tag (the filter postings).

On disk, `dense.faiss` + `dense-rows.npy` + `dense.json`: the graph and the row of
each position, checkpointed by the LocalIndex; rows written after a checkpoint are
added again on open from rows.sqlite. Deleted or replaced rows stay in the graph,
masked, until a rebuild once they are a quarter of it. Not thread-safe: the
LocalIndex's lock guards every call."""

from __future__ import annotations

import json
import logging
from array import array
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

import faiss as _faiss
import numpy as np
import numpy.typing as npt

# faiss's bundled stubs miss much of its SWIG surface (HNSW parameters, get_xb).
faiss: Any = _faiss

log = logging.getLogger("atende.knowledge.index")

# Below this many allowed chunks a filtered dense search compares them all exactly
# (a few milliseconds); above it HNSW walks the graph skipping the others.
_EXACT_FILTER_LIMIT = 1024


def unit(vector: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    v = np.asarray(vector, dtype=np.float32).reshape(-1)
    norm = float(np.linalg.norm(v))
    return v / norm if norm > 0 else v


class DenseGraph:
    def __init__(self, dimension: int, hnsw_m: int, hnsw_ef_construction: int) -> None:
        self.dimension = dimension
        self.hnsw_m = hnsw_m
        self.hnsw_ef_construction = hnsw_ef_construction
        self.reset()
        self.checkpoint_rows = 0  # rows up to which the checkpoint on disk holds the graph
        self.unsaved = 0  # rows added since that checkpoint

    def reset(self) -> None:
        """An empty graph."""
        index = faiss.IndexHNSWFlat(self.dimension, self.hnsw_m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = self.hnsw_ef_construction
        self._hnsw = index
        self._rows_at = array("q")  # position -> row
        self._live = bytearray()  # position -> 1 while its row is live
        self._pos_of: dict[int, int] = {}  # live row -> position
        self._tag_positions: dict[str, array[int]] = {}
        self._live_bitmap: npt.NDArray[np.uint8] | None = None

    @property
    def total(self) -> int:
        """Positions in the graph, dead ones included."""
        return int(self._hnsw.ntotal)

    @property
    def live_count(self) -> int:
        return len(self._pos_of)

    def row_at(self, position: int) -> int:
        return self._rows_at[position]

    # -- writes ----------------------------------------------------------------

    def add(self, rows: Sequence[int], vectors: npt.NDArray[np.float32], tags: Sequence[Sequence[str]]) -> None:
        first = self.total
        self._hnsw.add(np.ascontiguousarray(vectors, dtype=np.float32))
        for offset, (row, row_tags) in enumerate(zip(rows, tags, strict=True)):
            self._place(first + offset, row, row_tags)
        self._live_bitmap = None

    def _place(self, position: int, row: int, tags: Sequence[str]) -> None:
        self._rows_at.append(row)
        self._live.append(1)
        self._pos_of[row] = position
        for tag in tags:
            self._tag_positions.setdefault(tag, array("q")).append(position)

    def kill(self, row: int) -> None:
        """Masks a row deleted or replaced."""
        position = self._pos_of.pop(row, None)
        if position is not None:
            self._live[position] = 0
        self._live_bitmap = None

    def should_rebuild(self) -> bool:
        total = self.total
        return total >= 1000 and total - self.live_count > total // 4

    # -- persistence -----------------------------------------------------------

    def save(self, folder: Path) -> None:
        """Writes the graph and its row numbers (new files, then renamed)."""
        rows_upto = max(self._rows_at) if len(self._rows_at) else 0
        tmp = folder / "dense.faiss.tmp"
        faiss.write_index(self._hnsw, str(tmp))
        rows = np.frombuffer(self._rows_at, dtype=np.int64) if len(self._rows_at) else np.zeros(0, np.int64)
        with (folder / "dense-rows.npy.tmp").open("wb") as handle:
            np.save(handle, rows)
        (folder / "dense.json.tmp").write_text(json.dumps({"rows_upto": rows_upto, "ntotal": len(self._rows_at)}))
        # dense.json last: a checkpoint counts once its three files agree.
        (folder / "dense.json").unlink(missing_ok=True)
        tmp.replace(folder / "dense.faiss")
        (folder / "dense-rows.npy.tmp").replace(folder / "dense-rows.npy")
        (folder / "dense.json.tmp").replace(folder / "dense.json")
        self.checkpoint_rows = rows_upto
        self.unsaved = 0

    def load(self, folder: Path, tags_by_row: Mapping[int, Sequence[str]]) -> None:
        """The checkpoint in `folder`, if readable, keeping the rows of `tags_by_row`
        (the live ones) live; rows after `checkpoint_rows` are the caller's to add."""
        checkpoint = self._read(folder)
        if checkpoint is None:
            return
        self._hnsw, rows, self.checkpoint_rows = checkpoint
        for position, row in enumerate(rows.tolist()):
            row_tags = tags_by_row.get(row)
            if row_tags is not None:
                self._place(position, row, row_tags)
            else:
                self._rows_at.append(row)
                self._live.append(0)

    def _read(self, folder: Path) -> tuple[Any, npt.NDArray[np.int64], int] | None:
        meta_path = folder / "dense.json"
        if not meta_path.exists():
            return None
        try:
            meta = json.loads(meta_path.read_text())
            index = faiss.read_index(str(folder / "dense.faiss"))
            rows = np.load(folder / "dense-rows.npy")
        except (OSError, ValueError, RuntimeError):
            log.warning("HNSW checkpoint unreadable; rebuilding the graph from the rows", exc_info=True)
            return None
        if index.ntotal != len(rows) or index.d != self.dimension or meta.get("ntotal") != len(rows):
            log.warning("HNSW checkpoint inconsistent; rebuilding the graph from the rows")
            return None
        index.hnsw.efConstruction = self.hnsw_ef_construction
        return index, rows.astype(np.int64), int(meta["rows_upto"])

    # -- reads -----------------------------------------------------------------

    def search(self, vector: npt.NDArray[np.float32], limit: int, ef: int, tags: Collection[str]) -> list[int]:
        """Rows of the nearest live vectors carrying every tag, nearest first."""
        query = unit(vector).reshape(1, -1)
        if self.total == 0 or not self._pos_of:
            return []
        allowed = self._allowed(tags)
        if allowed is None and self.live_count == self.total:
            params = faiss.SearchParametersHNSW(efSearch=max(ef, limit))
            _, found = self._hnsw.search(query, limit, params=params)
            return self._rows(found[0])
        if allowed is not None:
            count = int(allowed.sum())
            if count <= _EXACT_FILTER_LIMIT:
                return self._exact(query[0], np.flatnonzero(allowed), limit) if count else []
            return self._filtered(query, limit, ef, allowed, np.packbits(allowed, bitorder="little"), count)
        # Deleted rows still in the graph: walk it skipping them.
        if self._live_bitmap is None:
            self._live_bitmap = np.packbits(self._live_mask(), bitorder="little")
        return self._filtered(query, limit, ef, None, self._live_bitmap, self.live_count)

    def _filtered(
        self,
        query: npt.NDArray[np.float32],
        limit: int,
        ef: int,
        allowed: npt.NDArray[np.bool_] | None,
        bitmap: npt.NDArray[np.uint8],
        candidates: int,
    ) -> list[int]:
        wanted = min(limit, candidates)
        selector = faiss.IDSelectorBitmap(self.total, faiss.swig_ptr(bitmap))
        # The walk skips what the filter excludes; when the query's neighbourhood is
        # all excluded (a Portuguese question filtered to English chunks) it can end
        # short: walk wider, then compare exactly.
        for width in (max(ef, limit), max(8 * ef, 512)):
            params = faiss.SearchParametersHNSW(efSearch=width, sel=selector)
            _, found = self._hnsw.search(query, limit, params=params)
            if int((found[0] >= 0).sum()) >= wanted:
                return self._rows(found[0])
        mask = allowed if allowed is not None else self._live_mask()
        return self._exact(query[0], np.flatnonzero(mask), limit)

    def _rows(self, positions: npt.NDArray[np.int64]) -> list[int]:
        return [self._rows_at[int(p)] for p in positions if p >= 0 and self._live[int(p)]]

    def _allowed(self, tags: Collection[str]) -> npt.NDArray[np.bool_] | None:
        """Live positions carrying every tag; None means every live position."""
        if not tags:
            return None
        total = len(self._live)
        mask = self._live_mask()
        for tag in tags:
            positions = self._tag_positions.get(tag)
            if positions is None or not len(positions):
                return np.zeros(total, dtype=bool)
            tagged = np.zeros(total, dtype=bool)
            tagged[np.frombuffer(positions, dtype=np.int64)] = True
            mask &= tagged
        return mask

    def _live_mask(self) -> npt.NDArray[np.bool_]:
        return np.frombuffer(bytes(self._live), dtype=np.uint8).astype(bool)

    def similarity(self, vector: npt.NDArray[np.float32], rows: Sequence[int]) -> list[float]:
        """Exact cosine of the query and each given live row (0.0 for a row not in
        the graph): the dense half of a weighted fusion needs a score for the
        chunks only the lexical route found too."""
        query = unit(vector)
        positions = [self._pos_of.get(row, -1) for row in rows]
        known = [p for p in positions if p >= 0]
        if not known:
            return [0.0] * len(rows)
        storage = faiss.downcast_index(self._hnsw.storage)
        data = faiss.rev_swig_ptr(storage.get_xb(), self.total * self.dimension).reshape(self.total, self.dimension)
        values = data[np.asarray(known, dtype=np.int64)] @ query
        found = iter(float(v) for v in values)
        return [next(found) if p >= 0 else 0.0 for p in positions]

    def _exact(self, query: npt.NDArray[np.float32], positions: npt.NDArray[np.int64], limit: int) -> list[int]:
        """Exact inner product against the given positions."""
        total = self.total
        storage = faiss.downcast_index(self._hnsw.storage)
        data = faiss.rev_swig_ptr(storage.get_xb(), total * self.dimension).reshape(total, self.dimension)
        scores = np.empty(len(positions), dtype=np.float32)
        for start in range(0, len(positions), 8192):  # bounded temporary copies
            part = positions[start : start + 8192]
            scores[start : start + len(part)] = data[part] @ query
        order = np.argsort(-scores, kind="stable")[:limit]
        return [self._rows_at[int(p)] for p in positions[order]]
