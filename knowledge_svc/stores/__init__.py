"""knowledge_svc's stores behind one Protocol (protocol.py), chosen at start-up by
the Milvus URI: a path ending in .db is Milvus Lite in this process with the local
search index (lite.py), an http(s)://, tcp:// or unix: URI a Milvus server searched
with its own hybrid_search (server.py); cached.py wraps either with a row cache.

pymilvus reads MILVUS_URI when it is first imported (its Config and default
connection, orm/connections.py) and raises on anything but a server URL, such as
the Lite path this service accepts in the same variable. So nothing here imports
pymilvus at module level: open_store imports it with such a value hidden."""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from knowledge_svc.stores.protocol import (
    ChunkRecord,
    IncompatibleCollection,
    Store,
    StoredHit,
    StoreError,
    StoreUnavailable,
    prepare,
    read_label,
    write_label,
)

if TYPE_CHECKING:
    from knowledge_svc.stores.lite import LiteStore

__all__ = [
    "ChunkRecord",
    "IncompatibleCollection",
    "Store",
    "StoreError",
    "StoreOptions",
    "StoreUnavailable",
    "StoredHit",
    "import_pymilvus",
    "is_lite_uri",
    "open_store",
    "prepare",
    "read_label",
    "write_label",
]

_SERVER_SCHEMES = ("http://", "https://", "tcp://", "unix:")


def is_lite_uri(uri: str) -> bool:
    return uri.endswith(".db") and "://" not in uri


@dataclass(frozen=True)
class StoreOptions:
    """What either store is built from (Settings gives these, see app.build_store)."""

    uri: str
    embedding_name: str
    dimension: int
    token: str = ""
    collection_prefix: str = "kb_"
    hnsw_m: int = 16
    hnsw_ef_construction: int = 200
    search_ef: int = 64
    candidates: int = 20
    ranker: Literal["rrf", "weighted"] = "weighted"
    rrf_k: int = 60
    dense_weight: float = 0.9
    timeout: float = 30.0
    # Passages kept in memory by the row cache; 0 leaves the store unwrapped.
    cache_rows: int = 10_000
    # Around a server the cache only sees this replica's writes: off unless asked.
    cache_on_server: bool = False


def import_pymilvus() -> None:
    """Imports pymilvus with a MILVUS_URI that is not a server URL hidden from it (see
    the module docstring), and puts the variable back."""
    uri = os.environ.get("MILVUS_URI")
    hide = uri is not None and not uri.startswith(_SERVER_SCHEMES)
    if hide:
        del os.environ["MILVUS_URI"]
    try:
        importlib.import_module("pymilvus")
    finally:
        if hide and uri is not None:
            os.environ["MILVUS_URI"] = uri


def open_store(options: StoreOptions) -> Store:
    """The store the URI names, wrapped in the row cache when configured."""
    import_pymilvus()
    from knowledge_svc.stores.cached import CachedStore
    from knowledge_svc.stores.server import ServerStore

    store: LiteStore | ServerStore
    if is_lite_uri(options.uri):
        # Milvus Lite and the local index (faiss, tantivy) are the extra `local`, which
        # the image leaves out: import them only for a Lite path.
        from knowledge_svc.stores.lite import LiteStore

        store = LiteStore(
            options.uri,
            embedding_name=options.embedding_name,
            dimension=options.dimension,
            collection_prefix=options.collection_prefix,
            hnsw_m=options.hnsw_m,
            hnsw_ef_construction=options.hnsw_ef_construction,
            search_ef=options.search_ef,
            candidates=options.candidates,
            ranker=options.ranker,
            rrf_k=options.rrf_k,
            dense_weight=options.dense_weight,
            timeout=options.timeout,
        )
        cached = options.cache_rows > 0
    else:
        store = ServerStore(
            options.uri,
            token=options.token,
            embedding_name=options.embedding_name,
            dimension=options.dimension,
            collection_prefix=options.collection_prefix,
            hnsw_m=options.hnsw_m,
            hnsw_ef_construction=options.hnsw_ef_construction,
            search_ef=options.search_ef,
            candidates=options.candidates,
            ranker=options.ranker,
            rrf_k=options.rrf_k,
            dense_weight=options.dense_weight,
            timeout=options.timeout,
        )
        cached = options.cache_rows > 0 and options.cache_on_server
    return CachedStore(store, options.cache_rows) if cached else store
