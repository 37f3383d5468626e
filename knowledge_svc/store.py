"""What the knowledge base needs from a vector store, whatever serves it. The Milvus
implementation is in milvus_store.py. Methods are synchronous (pymilvus is);
callers run them in a worker thread. No grpc here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True)
class ChunkRecord:
    """One chunk as stored: its text, its citation fields and its dense vector."""

    chunk_id: str
    document_id: str
    chunk_index: int
    title: str
    source: str
    section: str
    text: str
    # What BM25 indexes: the title and section with the text, so a product name in
    # a heading matches the passages under it (lowercased, accents folded).
    search_text: str
    metadata: Mapping[str, str]
    vector: npt.NDArray[np.float32]


@dataclass(frozen=True)
class StoredHit:
    chunk_id: str
    document_id: str
    title: str
    source: str
    section: str
    text: str
    score: float
    metadata: Mapping[str, str] = field(default_factory=dict)


class StoreError(Exception):
    """The store failed in a way the caller cannot fix (a bug, a corrupt file)."""


class StoreUnavailable(StoreError):
    """The store did not answer; the caller may retry."""


class IncompatibleCollection(StoreError):
    """The collection exists with another embedding model or dimension."""


class Store(Protocol):
    def ping(self) -> bool:
        """True when the store answers."""
        ...

    def has_collection(self, name: str) -> bool: ...

    def ensure_collection(self, name: str) -> None:
        """Creates the collection (schema, indexes) unless it exists; raises
        IncompatibleCollection when it exists for another embedding model."""
        ...

    def count(self, name: str) -> int:
        """Chunks stored in the collection."""
        ...

    def replace_documents(self, name: str, documents: Mapping[str, Sequence[ChunkRecord]]) -> int:
        """Makes each document's chunks (document id -> chunks) its only chunks;
        returns how many stale chunks it removed."""
        ...

    def write_done(self, name: str) -> None:
        """Called after a batch of writes (Milvus Lite seals its memtable here)."""
        ...

    def delete_document(self, name: str, document_id: str) -> int:
        """Deletes the document's chunks; returns how many there were."""
        ...

    def search(
        self,
        name: str,
        vector: npt.NDArray[np.float32],
        text: str,
        top_k: int,
        metadata_filter: Mapping[str, str],
    ) -> list[StoredHit]:
        """Hybrid search: dense similarity to `vector` and BM25 on `text`, fused
        with reciprocal rank fusion; best first. An empty `text` searches dense
        only."""
        ...

    def prepare_search(self) -> list[str]:
        """Makes every existing collection ready to search (a store with a search
        index of its own builds or loads it now, not on the first query); returns
        the collections prepared."""
        ...

    def close(self) -> None: ...
