"""A row cache around a store: the passages of recent search results, kept in memory
and served without reading them from the store again.

Why: with Milvus Lite a read by id goes through its in-process gRPC server in Python
(about 0.8 ms for a top-5, most of a search's time), and the same passages answer
turn after turn. The wrapped store ranks (chunk ids and scores), the cache supplies
the passages it holds, and the store reads the rest. Every write through this
wrapper bumps the collection's generation and drops its rows; a read that raced a
write does not fill the cache. It only sees this process's writes: around a Milvus
server that other replicas write to, passages may be stale until evicted."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from knowledge_svc.stores.protocol import (
    ChunkRecord,
    InMemoryRanking,
    NotInMemory,
    Preparable,
    RankingStore,
    StoredHit,
    read_label,
    write_label,
)

DEFAULT_ROWS = 10_000


class CachedStore:
    def __init__(self, inner: RankingStore, rows: int = DEFAULT_ROWS) -> None:
        self.inner = inner
        self.capacity = rows
        self._rows: dict[str, OrderedDict[str, StoredHit]] = {}
        self._generation: dict[str, int] = {}
        self._lock = threading.Lock()

    def ping(self) -> bool:
        return self.inner.ping()

    def close(self) -> None:
        self.inner.close()

    def has_collection(self, name: str) -> bool:
        return self.inner.has_collection(name)

    def ensure_collection(self, name: str) -> None:
        self.inner.ensure_collection(name)

    def count(self, name: str) -> int:
        return self.inner.count(name)

    def label(self, name: str, key: str) -> str:
        return read_label(self.inner, name, key) or ""

    def set_label(self, name: str, key: str, value: str) -> None:
        write_label(self.inner, name, key, value)

    def prepare(self) -> list[str]:
        return self.inner.prepare() if isinstance(self.inner, Preparable) else []

    def search(
        self,
        name: str,
        vector: npt.NDArray[np.float32],
        text: str,
        top_k: int,
        metadata_filter: Mapping[str, str],
    ) -> list[StoredHit]:
        ranked = self.inner.rank(name, vector, text, top_k, metadata_filter)
        if not ranked:
            return []
        by_id = self._read(name, [chunk_id for chunk_id, _ in ranked])
        return [by_id[chunk_id].with_score(score) for chunk_id, score in ranked if chunk_id in by_id]

    def in_memory(self, name: str) -> bool:
        """Whether `search_in_memory` may answer for this collection now."""
        return isinstance(self.inner, InMemoryRanking) and self.inner.ranks_in_memory(name)

    def search_in_memory(
        self,
        name: str,
        vector: npt.NDArray[np.float32],
        text: str,
        top_k: int,
        metadata_filter: Mapping[str, str],
    ) -> list[StoredHit]:
        """`search` from memory only (the local index and the cached rows), for a caller
        on the event loop; raises NotInMemory when a passage must be read from the store
        (call `search` in a thread then). Check `in_memory` first."""
        ranked = self.inner.rank(name, vector, text, top_k, metadata_filter)
        with self._lock:
            cache = self._rows.get(name)
            if cache is None or any(chunk_id not in cache for chunk_id, _ in ranked):
                raise NotInMemory(name)
            for chunk_id, _ in ranked:
                cache.move_to_end(chunk_id)
            return [cache[chunk_id].with_score(score) for chunk_id, score in ranked]

    def _read(self, name: str, chunk_ids: Sequence[str]) -> dict[str, StoredHit]:
        with self._lock:
            cache = self._rows.setdefault(name, OrderedDict())
            generation = self._generation.get(name, 0)
            found = {cid: cache[cid] for cid in chunk_ids if cid in cache}
            for cid in found:
                cache.move_to_end(cid)
        missing = [cid for cid in chunk_ids if cid not in found]
        if not missing:
            return found
        fetched = self.inner.read(name, missing)
        with self._lock:
            if self._generation.get(name, 0) == generation:
                cache = self._rows.setdefault(name, OrderedDict())
                cache.update(fetched)
                while len(cache) > self.capacity:
                    cache.popitem(last=False)
        return found | fetched

    def forget(self, name: str) -> None:
        """Drops the collection's cached rows (a write to it started or ended)."""
        with self._lock:
            self._generation[name] = self._generation.get(name, 0) + 1
            self._rows.pop(name, None)

    def replace_documents(self, name: str, documents: Mapping[str, Sequence[ChunkRecord]]) -> int:
        self.forget(name)
        try:
            return self.inner.replace_documents(name, documents)
        finally:
            self.forget(name)

    def delete_document(self, name: str, document_id: str) -> int:
        self.forget(name)
        try:
            return self.inner.delete_document(name, document_id)
        finally:
            self.forget(name)

