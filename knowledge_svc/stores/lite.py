"""The Store on Milvus Lite (a URI ending in .db: Milvus in this process) with the
service's own search index of each collection beside the Lite folder
("knowledge.db" -> "knowledge.db.search/<milvus collection>/", stores/local/).

Milvus Lite is the store of record; searches run on the local index (HNSW and a BM25
inverted index, fused by a weighted sum of their scores or by RRF as Milvus's RRFRanker
does) and the winners' passages
are read back from Lite by id (stores/cached.py keeps the hot ones). Writes go to
Lite first, then to the index, under the index's `dirty` mark."""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from knowledge_svc.ranking import by_document, document_of, pool_size
from knowledge_svc.stores.expressions import metadata_tags
from knowledge_svc.stores.fusion import fuse, weighted
from knowledge_svc.stores.local.index import IndexedChunk, LocalIndex, acquire, release
from knowledge_svc.stores.milvus import MilvusCollections
from knowledge_svc.stores.protocol import ChunkRecord, StoredHit

log = logging.getLogger("atende.knowledge.lite")

# Serializes opening (and maybe rebuilding) local indexes in this process.
_OPEN_LOCK = threading.Lock()
# The Lite server runs in this process; pymilvus's 10 s keepalive pings make it
# answer GOAWAY too_many_pings and reconnect.
_GRPC_OPTIONS = {"grpc.keepalive_time_ms": 300_000, "grpc.keepalive_permit_without_calls": 0}


class LiteStore:
    def __init__(
        self,
        uri: str,
        *,
        embedding_name: str,
        dimension: int,
        collection_prefix: str = "kb_",
        hnsw_m: int = 16,
        hnsw_ef_construction: int = 200,
        search_ef: int = 64,
        candidates: int = 20,
        ranker: str = "weighted",
        rrf_k: int = 60,
        dense_weight: float = 0.9,
        timeout: float = 30.0,
    ) -> None:
        self.uri = uri
        self.search_ef = search_ef
        self.candidates = candidates
        self.rrf_k = rrf_k
        self.ranker = ranker
        self.dense_weight = dense_weight
        self._index_options = {"dimension": dimension, "hnsw_m": hnsw_m, "hnsw_ef_construction": hnsw_ef_construction}
        self.index_root = Path(uri).with_name(Path(uri).name + ".search")
        self._local: dict[str, LocalIndex] = {}
        Path(uri).parent.mkdir(parents=True, exist_ok=True)
        self.milvus = MilvusCollections(
            uri,
            embedding_name=embedding_name,
            dimension=dimension,
            prefix=collection_prefix,
            # Lite never serves this collection's searches (the local index does): a
            # FLAT index costs nothing to build when Lite seals and merges segments.
            dense_index=("FLAT", {}),
            timeout=timeout,
            grpc_options=_GRPC_OPTIONS,
        )

    @property
    def description(self) -> str:
        return f"Milvus Lite {self.uri} with the local search index"

    # -- lifecycle -------------------------------------------------------------

    def ping(self) -> bool:
        return self.milvus.ping()

    def close(self) -> None:
        for index in list(self._local.values()):
            try:
                release(index)
            except Exception:  # closing is best effort; the next open replays or rebuilds
                log.warning("closing a search index failed", exc_info=True)
        self._local.clear()
        self.milvus.close()

    def has_collection(self, name: str) -> bool:
        if not self.milvus.exists(name):
            return False
        self._open_local(name)
        return True

    def ensure_collection(self, name: str) -> None:
        self.milvus.ensure(name, created=self._new_local)
        self._open_local(name)

    def _new_local(self, name: str) -> None:
        LocalIndex.destroy(self._folder(name))  # left by a dropped namesake
        self._open_local(name)

    def drop_collection(self, name: str) -> None:
        self.milvus.drop(name)
        local = self._local.pop(name, None)
        if local is not None:
            release(local)
        LocalIndex.destroy(self._folder(name))

    def prepare(self) -> list[str]:
        """Opens (builds when missing or out of step) the local index of every stored
        collection now rather than in the first query."""
        return [name for name in self.milvus.names() if self.has_collection(name)]

    # -- the local index -------------------------------------------------------

    def _folder(self, name: str) -> Path:
        return self.index_root / self.milvus.milvus_name(name)

    def _open_local(self, name: str) -> LocalIndex:
        """Opens the collection's local index, rebuilding it from Milvus when it is
        missing (a collection from before it existed), marked dirty (a write that
        reached Milvus and not the index), or holds another number of chunks."""
        index = self._local.get(name)
        if index is not None:
            return index
        folder = self._folder(name)
        with _OPEN_LOCK:
            index, opened = acquire(folder, **self._index_options)
            if opened:
                index = self._check_local(name, index)
            self._local[name] = index
        return index

    def _check_local(self, name: str, index: LocalIndex) -> LocalIndex:
        stored = self.milvus.count(name)
        if index.usable and len(index) == stored:
            return index
        log.warning(
            "search index out of step with Milvus; rebuilding it",
            extra={"collection": name, "indexed": len(index), "stored": stored, "usable": index.usable},
        )
        release(index)
        LocalIndex.destroy(self._folder(name))
        index, _ = acquire(self._folder(name), **self._index_options)
        try:
            self._fill_local(name, index)
        except BaseException:
            release(index)
            raise
        return index

    def _fill_local(self, name: str, index: LocalIndex) -> None:
        index.begin_write()
        for rows in self.milvus.scan(name, ["chunk_id", "search_text", "tags", "dense"]):
            index.upsert(
                [
                    IndexedChunk(
                        chunk_id=str(row["chunk_id"]),
                        search_text=str(row["search_text"]),
                        tags=[str(t) for t in row.get("tags") or []],
                        vector=np.asarray(row["dense"], dtype=np.float32),
                    )
                    for row in rows
                ]
            )
        index.end_write()
        index.checkpoint()

    # -- reads -----------------------------------------------------------------

    def label(self, name: str, key: str) -> str:
        return self.milvus.label(name, key)

    def set_label(self, name: str, key: str, value: str) -> None:
        self.milvus.set_label(name, key, value)

    def count(self, name: str) -> int:
        return self.milvus.count(name) if self.has_collection(name) else 0

    def rank(
        self,
        name: str,
        vector: npt.NDArray[np.float32],
        text: str,
        top_k: int,
        metadata_filter: Mapping[str, str],
    ) -> list[tuple[str, float]]:
        candidates = max(self.candidates, top_k)
        index = self._open_local(name)
        tags = metadata_tags(metadata_filter) if metadata_filter else []
        nearest = index.dense(vector, candidates, max(self.search_ef, candidates), tags)
        if self.ranker == "weighted":
            lexical = index.lexical_scored(text, candidates, tags) if text.strip() else []
            found = list(dict.fromkeys([*nearest, *(chunk_id for chunk_id, _ in lexical)]))
            cosines = dict(zip(found, index.similarity(vector, found), strict=True))
            ranked = weighted(cosines, lexical, self.dense_weight, pool_size(top_k))
            keyed = by_document(ranked, top_k, lambda hit: document_of(hit[0]), lambda hit: hit[1])
            return [(chunk_id, score) for (chunk_id, _), score in keyed]
        routes = [nearest]
        if text.strip():
            routes.append(index.lexical(text, candidates, tags))
        return fuse(routes, self.rrf_k, top_k)

    def ranks_in_memory(self, name: str) -> bool:
        """True when `rank` on this collection touches only this process's memory: its
        local index is open and Milvus was already asked that it exists."""
        return name in self._local and self.milvus.known(name)

    def read(self, name: str, chunk_ids: Sequence[str]) -> dict[str, StoredHit]:
        return self.milvus.read(name, chunk_ids)

    def search(
        self,
        name: str,
        vector: npt.NDArray[np.float32],
        text: str,
        top_k: int,
        metadata_filter: Mapping[str, str],
    ) -> list[StoredHit]:
        ranked = self.rank(name, vector, text, top_k, metadata_filter)
        if not ranked:
            return []
        by_id = self.read(name, [chunk_id for chunk_id, _ in ranked])
        return [by_id[chunk_id].with_score(score) for chunk_id, score in ranked if chunk_id in by_id]

    # -- writes ----------------------------------------------------------------

    def replace_documents(self, name: str, documents: Mapping[str, Sequence[ChunkRecord]]) -> int:
        if not documents:
            return 0
        local = self._open_local(name)
        local.begin_write()
        stale = self.milvus.replace(name, documents)
        local.remove(stale)
        local.upsert(
            [
                IndexedChunk(chunk.chunk_id, chunk.search_text, metadata_tags(chunk.metadata), chunk.vector)
                for chunks in documents.values()
                for chunk in chunks
            ]
        )
        local.end_write()
        self._seal(name)
        return len(stale)

    def delete_document(self, name: str, document_id: str) -> int:
        if not self.has_collection(name):
            return 0
        ids = self.milvus.chunk_ids(name, [document_id]).get(document_id, [])
        if not ids:
            return 0
        local = self._open_local(name)
        local.begin_write()
        self.milvus.delete(name, ids)
        local.remove(ids)
        local.end_write()
        self._seal(name)
        return len(ids)

    def _seal(self, name: str) -> None:
        """Milvus Lite searches its unsealed memtable by brute force and rebuilds its
        BM25 postings on every search (and reads by id go through it): seal it after
        each batch of writes. A Milvus server seals segments itself."""
        self.milvus.flush(name)

