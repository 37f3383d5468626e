"""What the knowledge base needs from a vector store, whatever serves it (stores/lite.py:
Milvus Lite with the service's own index; stores/server.py: a Milvus server), and the
records that cross the interface. Methods are synchronous (pymilvus is); callers run
them in a worker thread. No grpc here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

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

    def with_score(self, score: float) -> StoredHit:
        return StoredHit(self.chunk_id, self.document_id, self.title, self.source, self.section, self.text, score, self.metadata)


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
        """Chunks stored in the collection (0 when it does not exist)."""
        ...

    def replace_documents(self, name: str, documents: Mapping[str, Sequence[ChunkRecord]]) -> int:
        """Makes each document's chunks (document id -> chunks) its only chunks (seen by
        the next search with Lite; a server's collections are "Bounded": within its
        staleness window); returns how many stale chunks it removed."""
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

    def close(self) -> None: ...


class RankingStore(Store, Protocol):
    """A store that can rank without reading the passages, and read passages by chunk
    id: what the row cache (stores/cached.py) wraps."""

    def rank(
        self,
        name: str,
        vector: npt.NDArray[np.float32],
        text: str,
        top_k: int,
        metadata_filter: Mapping[str, str],
    ) -> list[tuple[str, float]]:
        """(chunk id, fused score) of `search`, best first."""
        ...

    def read(self, name: str, chunk_ids: Sequence[str]) -> dict[str, StoredHit]:
        """The stored chunks of these ids (scores 0), by id; ids not stored are left out."""
        ...


@runtime_checkable
class InMemoryRanking(Protocol):
    """A ranking store whose `rank` may need no I/O (the Lite store's local index)."""

    def ranks_in_memory(self, name: str) -> bool:
        """True when ranking this collection now would touch only this process's memory."""
        ...


class NotInMemory(Exception):
    """A search asked to answer from memory would have to read the store."""


@runtime_checkable
class Preparable(Protocol):
    """A store with start-up work that should not land on the first query."""

    def prepare(self) -> list[str]:
        """Makes every existing collection ready to search; returns those prepared."""
        ...


@runtime_checkable
class Labelled(Protocol):
    """A store that keeps small labels on a collection (Milvus collection properties):
    what built its chunks, so a start-up can tell a collection built by an older
    chunker."""

    def label(self, name: str, key: str) -> str:
        """The collection's label `key`, "" when unset."""
        ...

    def set_label(self, name: str, key: str, value: str) -> None: ...


def read_label(store: Store, name: str, key: str) -> str | None:
    """The collection's label, "" when unset, None when the store keeps none."""
    return store.label(name, key) if isinstance(store, Labelled) else None


def write_label(store: Store, name: str, key: str, value: str) -> None:
    if isinstance(store, Labelled):
        store.set_label(name, key, value)


def prepare(store: Store) -> list[str]:
    """Runs the store's start-up work, if it has any."""
    return store.prepare() if isinstance(store, Preparable) else []
