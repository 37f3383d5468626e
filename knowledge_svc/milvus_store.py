"""The Store on Milvus through pymilvus: Milvus Lite in-process for a URI ending in
.db (the local default), a Milvus server or cluster for http(s)://, with the same
code.

One Milvus collection per knowledge collection (`kb_<name>`). Each chunk row holds
its citation fields, its metadata twice (as JSON to return it, and as "key=value"
strings in an array to filter on it), a dense vector with an HNSW index, and a
BM25 sparse vector that a Milvus function computes from `search_text`. On a Milvus
server a search is Milvus's hybrid search: the dense route and the BM25 route,
fused by RRF. With Milvus Lite, whose pure-Python search costs time in proportion
to the whole collection, the same two routes run on the service's own index
(local_index.py: HNSW and a BM25 inverted index, persisted beside the Lite
folder), fused the same way, and the passages are read back from Milvus by id."""

from __future__ import annotations

import json
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any


def _shield_pymilvus() -> None:
    """pymilvus parses the MILVUS_URI environment variable when it is imported and
    raises on anything but a server URL, such as the Milvus Lite path the stack
    launcher sets. Move such a value to KNOWLEDGE_MILVUS_URI, which Settings reads
    just the same, before pymilvus is imported."""
    uri = os.environ.get("MILVUS_URI")
    if uri is not None and not uri.startswith(("http://", "https://", "tcp://", "unix:")):
        os.environ.setdefault("KNOWLEDGE_MILVUS_URI", uri)
        del os.environ["MILVUS_URI"]


_shield_pymilvus()

import numpy as np  # noqa: E402
import numpy.typing as npt  # noqa: E402
from pymilvus import AnnSearchRequest, DataType, Function, FunctionType, MilvusClient, RRFRanker  # noqa: E402
from pymilvus.exceptions import MilvusException, MilvusUnavailableException  # noqa: E402

from knowledge_svc.local_index import IndexedChunk, LocalIndex, acquire, fuse, release  # noqa: E402
from knowledge_svc.store import (  # noqa: E402
    ChunkRecord,
    IncompatibleCollection,
    StoredHit,
    StoreError,
    StoreUnavailable,
)

log = logging.getLogger("atende.knowledge.milvus")

# Field sizes: Milvus counts VARCHAR lengths in bytes; the service validates
# characters well under these (a character is at most 4 bytes).
_ID_BYTES = 1024
_CHUNK_ID_BYTES = 1100
_TITLE_BYTES = 2048
_SOURCE_BYTES = 4096
_SECTION_BYTES = 2048
_TEXT_BYTES = 65535
_TAG_BYTES = 1300
_MAX_TAGS = 64
_OUTPUT_FIELDS = ["chunk_id", "document_id", "title", "source", "section", "text", "metadata"]
# Rows per insert call: a bounded message for the server.
_WRITE_BATCH = 512
_QUERY_LIMIT = 16_384
# Rows kept for reading search results back without asking Milvus Lite (per store).
_CACHED_ROWS = 10_000
# Serializes opening (and maybe rebuilding) local indexes in this process.
_OPEN_LOCK = threading.Lock()


def escape_string(value: str) -> str:
    """A Milvus filter string literal: double-quoted with C escapes."""
    escaped = (
        value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    )
    return f'"{escaped}"'


def metadata_tags(metadata: Mapping[str, str]) -> list[str]:
    return [f"{key}={value}" for key, value in sorted(metadata.items())][:_MAX_TAGS]


def filter_expression(metadata_filter: Mapping[str, str]) -> str:
    if not metadata_filter:
        return ""
    tags = ", ".join(escape_string(tag) for tag in metadata_tags(metadata_filter))
    return f"array_contains_all(tags, [{tags}])"


def is_lite_uri(uri: str) -> bool:
    return uri.endswith(".db") and "://" not in uri


class MilvusStore:
    def __init__(
        self,
        uri: str,
        *,
        token: str = "",
        embedding_name: str,
        dimension: int,
        collection_prefix: str = "kb_",
        hnsw_m: int = 16,
        hnsw_ef_construction: int = 200,
        search_ef: int = 64,
        candidates: int = 10,
        rrf_k: int = 60,
        timeout: float = 30.0,
    ) -> None:
        self.uri = uri
        self.lite = is_lite_uri(uri)
        self.embedding_name = embedding_name
        self.dimension = dimension
        self.prefix = collection_prefix
        self.hnsw_m = hnsw_m
        self.hnsw_ef_construction = hnsw_ef_construction
        self.search_ef = search_ef
        self.candidates = candidates
        self.rrf_k = rrf_k
        self.timeout = timeout
        self._known: set[str] = set()
        self._create_lock = threading.Lock()
        # Lite only: the service's own search index of each collection, beside the
        # Lite folder ("knowledge.db" -> "knowledge.db.search/<milvus collection>/").
        self._local: dict[str, LocalIndex] = {}
        # Lite only: the rows search results are read back from, by collection. A read
        # from Milvus Lite goes through its in-process gRPC server in Python (about
        # 0.8 ms for a top-5, most of a search's time), and the same passages answer
        # turn after turn. Every write to a collection bumps its generation and drops
        # its cache; a read that raced a write does not fill it.
        self._rows: dict[str, OrderedDict[str, dict[str, Any]]] = {}
        self._generation: dict[str, int] = {}
        self._rows_lock = threading.Lock()
        self.index_root = Path(uri).with_name(Path(uri).name + ".search") if self.lite else None
        kwargs: dict[str, Any] = {}
        if self.lite:
            Path(uri).parent.mkdir(parents=True, exist_ok=True)
            # The Lite server runs in this process; pymilvus's 10 s keepalive pings
            # make it answer GOAWAY too_many_pings and reconnect.
            kwargs["grpc_options"] = {"grpc.keepalive_time_ms": 300_000, "grpc.keepalive_permit_without_calls": 0}
        try:
            self._client = MilvusClient(uri=uri, token=token, timeout=timeout, **kwargs)
        except MilvusException as error:
            raise StoreUnavailable(f"cannot open Milvus at {uri}: {error}") from error

    # -- names -----------------------------------------------------------------

    def milvus_name(self, name: str) -> str:
        return f"{self.prefix}{name}"

    @property
    def description(self) -> str:
        return f"atende knowledge chunks; embedding={self.embedding_name}; dim={self.dimension}"

    # -- lifecycle -------------------------------------------------------------

    def ping(self) -> bool:
        try:
            self._client.list_collections(timeout=5)
            return True
        except Exception:
            return False

    def close(self) -> None:
        for index in list(self._local.values()):
            try:
                release(index)
            except Exception:  # closing is best effort; the next open replays or rebuilds
                log.warning("closing a search index failed", exc_info=True)
        self._local.clear()
        try:
            self._client.close()
        except Exception:  # closing is best effort
            log.debug("closing the Milvus client failed", exc_info=True)

    def has_collection(self, name: str) -> bool:
        if name in self._known:
            return True
        try:
            exists = bool(self._client.has_collection(self.milvus_name(name)))
        except MilvusException as error:
            raise _translate(error) from error
        if exists:
            self._check_compatible(name)
            # A collection from an earlier run is on disk but released; search and
            # query need it loaded (a no-op when it already is).
            try:
                self._client.load_collection(self.milvus_name(name))
            except MilvusException as error:
                raise _translate(error) from error
            if self.lite:
                self._open_local(name)
            self._known.add(name)
        return exists

    def ensure_collection(self, name: str) -> None:
        if name in self._known:
            return
        with self._create_lock:
            if self.has_collection(name):
                return
            try:
                self._create(name)
            except MilvusException as error:
                raise _translate(error) from error
            self._known.add(name)

    def _check_compatible(self, name: str) -> None:
        try:
            info = self._client.describe_collection(self.milvus_name(name))
        except MilvusException as error:
            raise _translate(error) from error
        dense = next((f for f in info.get("fields", []) if f.get("name") == "dense"), None)
        dim = int((dense or {}).get("params", {}).get("dim", 0))
        if dense is None or dim != self.dimension:
            raise IncompatibleCollection(
                f"collection {name!r} holds {dim}-dimensional vectors (or none); the service embeds with "
                f"{self.embedding_name} ({self.dimension} dimensions): re-ingest it into a new collection"
            )
        description = str(info.get("description", ""))
        if "embedding=" in description and f"embedding={self.embedding_name};" not in description:
            raise IncompatibleCollection(
                f"collection {name!r} was built with another embedding model ({description}); the service "
                f"embeds with {self.embedding_name}: re-ingest it into a new collection"
            )

    def _create(self, name: str) -> None:
        schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False, description=self.description)
        schema.add_field("chunk_id", DataType.VARCHAR, is_primary=True, max_length=_CHUNK_ID_BYTES)
        schema.add_field("document_id", DataType.VARCHAR, max_length=_ID_BYTES)
        schema.add_field("chunk_index", DataType.INT32)
        schema.add_field("title", DataType.VARCHAR, max_length=_TITLE_BYTES)
        schema.add_field("source", DataType.VARCHAR, max_length=_SOURCE_BYTES)
        schema.add_field("section", DataType.VARCHAR, max_length=_SECTION_BYTES)
        schema.add_field("text", DataType.VARCHAR, max_length=_TEXT_BYTES)
        schema.add_field(
            "search_text",
            DataType.VARCHAR,
            max_length=_TEXT_BYTES,
            enable_analyzer=True,
            analyzer_params={"tokenizer": "standard", "filter": ["lowercase"]},
        )
        schema.add_field("metadata", DataType.JSON)
        schema.add_field(
            "tags", DataType.ARRAY, element_type=DataType.VARCHAR, max_capacity=_MAX_TAGS, max_length=_TAG_BYTES
        )
        schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
        schema.add_field("dense", DataType.FLOAT_VECTOR, dim=self.dimension)
        schema.add_function(
            Function(
                name="search_text_bm25",
                function_type=FunctionType.BM25,
                input_field_names=["search_text"],
                output_field_names=["sparse"],
            )
        )
        index = self._client.prepare_index_params()
        if self.lite:
            # Lite never serves this collection's searches (the local index does):
            # a FLAT index costs nothing to build when Lite seals and merges segments.
            index.add_index(field_name="dense", index_type="FLAT", metric_type="COSINE", params={})
        else:
            index.add_index(
                field_name="dense",
                index_type="HNSW",
                metric_type="COSINE",
                params={"M": self.hnsw_m, "efConstruction": self.hnsw_ef_construction},
            )
        index.add_index(field_name="sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25", params={})
        index.add_index(field_name="document_id", index_type="INVERTED")
        self._client.create_collection(self.milvus_name(name), schema=schema, consistency_level="Bounded")
        # sync=False: the collection is empty, so the index is ready at once; waiting
        # would poll for 0.5 s an index through an RPC Milvus Lite does not implement.
        self._client.create_index(self.milvus_name(name), index, sync=False)
        self._client.load_collection(self.milvus_name(name))
        if self.lite:
            assert self.index_root is not None
            LocalIndex.destroy(self.index_root / self.milvus_name(name))  # left by a dropped namesake
            self._open_local(name)
        log.info("collection created", extra={"collection": name, "milvus_collection": self.milvus_name(name)})

    # -- the local index (Lite) ---------------------------------------------------

    def prepare_search(self) -> list[str]:
        if not self.lite:
            return []  # a Milvus server serves searches itself
        try:
            names = [str(n)[len(self.prefix) :] for n in self._client.list_collections() if str(n).startswith(self.prefix)]
        except MilvusException as error:
            raise _translate(error) from error
        prepared = []
        for name in names:
            if self.has_collection(name):
                self._open_local(name)
                prepared.append(name)
        return prepared

    def _open_local(self, name: str) -> LocalIndex:
        """Opens the collection's local index, rebuilding it from Milvus when it is
        missing (a collection from before it existed), marked dirty (a write that
        reached Milvus and not the index), or holds another number of chunks."""
        index = self._local.get(name)
        if index is not None:
            return index
        assert self.index_root is not None
        folder = self.index_root / self.milvus_name(name)
        options = {"dimension": self.dimension, "hnsw_m": self.hnsw_m, "hnsw_ef_construction": self.hnsw_ef_construction}
        with _OPEN_LOCK:
            index, opened = acquire(folder, **options)
            if opened:
                stored = self._milvus_count(name)
                if not index.usable or len(index) != stored:
                    log.warning(
                        "search index out of step with Milvus; rebuilding it",
                        extra={"collection": name, "indexed": len(index), "stored": stored, "usable": index.usable},
                    )
                    release(index)
                    LocalIndex.destroy(folder)
                    index, _ = acquire(folder, **options)
                    try:
                        self._fill_local(name, index)
                    except BaseException:
                        release(index)
                        raise
            self._local[name] = index
        return index

    def _fill_local(self, name: str, index: LocalIndex) -> None:
        index.begin_write()
        try:
            iterator = self._client.query_iterator(
                self.milvus_name(name),
                batch_size=1000,
                filter="",
                output_fields=["chunk_id", "search_text", "tags", "dense"],
            )
            while rows := iterator.next():
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
            iterator.close()
        except MilvusException as error:
            raise _translate(error) from error
        index.end_write()
        index.checkpoint()

    def _milvus_count(self, name: str) -> int:
        try:
            rows = self._client.query(
                self.milvus_name(name), filter="", output_fields=["count(*)"], consistency_level="Strong"
            )
        except MilvusException as error:
            raise _translate(error) from error
        return int(rows[0]["count(*)"]) if rows else 0

    # -- reads -----------------------------------------------------------------

    def count(self, name: str) -> int:
        if not self.has_collection(name):
            return 0
        return self._milvus_count(name)

    def _chunk_ids(self, name: str, document_ids: Sequence[str]) -> dict[str, list[str]]:
        """Stored chunk ids of each document."""
        found: dict[str, list[str]] = {}
        for start in range(0, len(document_ids), 200):
            part = document_ids[start : start + 200]
            expression = f"document_id in [{', '.join(escape_string(d) for d in part)}]"
            try:
                rows = self._client.query(
                    self.milvus_name(name),
                    filter=expression,
                    output_fields=["chunk_id", "document_id"],
                    limit=_QUERY_LIMIT,
                    consistency_level="Strong",
                )
            except MilvusException as error:
                raise _translate(error) from error
            for row in rows:
                found.setdefault(str(row["document_id"]), []).append(str(row["chunk_id"]))
        return found

    def search(
        self,
        name: str,
        vector: npt.NDArray[np.float32],
        text: str,
        top_k: int,
        metadata_filter: Mapping[str, str],
    ) -> list[StoredHit]:
        candidates = max(self.candidates, top_k)
        if self.lite:
            return self._search_local(name, vector, text, top_k, candidates, metadata_filter)
        expression = filter_expression(metadata_filter)
        dense = AnnSearchRequest(
            data=[np.asarray(vector, dtype=np.float32).tolist()],
            anns_field="dense",
            param={"metric_type": "COSINE", "params": {"ef": max(self.search_ef, candidates)}},
            limit=candidates,
            expr=expression or None,
        )
        requests = [dense]
        if text.strip():
            requests.append(
                AnnSearchRequest(
                    data=[text],
                    anns_field="sparse",
                    param={"metric_type": "BM25"},
                    limit=candidates,
                    expr=expression or None,
                )
            )
        try:
            result = self._client.hybrid_search(
                self.milvus_name(name),
                requests,
                RRFRanker(self.rrf_k),
                limit=top_k,
                output_fields=_OUTPUT_FIELDS,
            )
        except MilvusException as error:
            raise _translate(error) from error
        return [
            _hit(hit.get("entity", {}), str(hit.get("id", "")), float(hit.get("distance", 0.0)))
            for hit in (result[0] if result else [])
        ]

    def _search_local(
        self,
        name: str,
        vector: npt.NDArray[np.float32],
        text: str,
        top_k: int,
        candidates: int,
        metadata_filter: Mapping[str, str],
    ) -> list[StoredHit]:
        index = self._open_local(name)
        tags = metadata_tags(metadata_filter) if metadata_filter else []
        routes = [index.dense(vector, candidates, max(self.search_ef, candidates), tags)]
        if text.strip():
            routes.append(index.lexical(text, candidates, tags))
        ranked = fuse(routes, self.rrf_k, top_k)
        if not ranked:
            return []
        by_id = self._read_rows(name, [chunk_id for chunk_id, _ in ranked])
        return [_hit(by_id[chunk_id], chunk_id, score) for chunk_id, score in ranked if chunk_id in by_id]

    def _read_rows(self, name: str, chunk_ids: list[str]) -> dict[str, dict[str, Any]]:
        with self._rows_lock:
            cache = self._rows.setdefault(name, OrderedDict())
            generation = self._generation.get(name, 0)
            found = {cid: cache[cid] for cid in chunk_ids if cid in cache}
            for cid in found:
                cache.move_to_end(cid)
        missing = [cid for cid in chunk_ids if cid not in found]
        if not missing:
            return found
        try:
            rows = self._client.get(self.milvus_name(name), ids=missing, output_fields=_OUTPUT_FIELDS)
        except MilvusException as error:
            raise _translate(error) from error
        fetched = {str(row.get("chunk_id")): row for row in rows}
        with self._rows_lock:
            if self._generation.get(name, 0) == generation:
                cache = self._rows.setdefault(name, OrderedDict())
                cache.update(fetched)
                while len(cache) > _CACHED_ROWS:
                    cache.popitem(last=False)
        return found | fetched

    def _forget_rows(self, name: str) -> None:
        with self._rows_lock:
            self._generation[name] = self._generation.get(name, 0) + 1
            self._rows.pop(name, None)

    # -- writes ----------------------------------------------------------------

    def replace_documents(self, name: str, documents: Mapping[str, Sequence[ChunkRecord]]) -> int:
        """Upserts every document's chunks (stable ids: document id and position),
        then deletes the chunks an older, longer version left behind."""
        if not documents:
            return 0
        existing = self._chunk_ids(name, list(documents))
        rows = [_row(chunk) for chunks in documents.values() for chunk in chunks]
        local = self._open_local(name) if self.lite else None
        if local is not None:
            local.begin_write()
        self._forget_rows(name)
        try:
            for start in range(0, len(rows), _WRITE_BATCH):
                self._client.upsert(self.milvus_name(name), rows[start : start + _WRITE_BATCH])
            new_ids = {chunk.chunk_id for chunks in documents.values() for chunk in chunks}
            stale = [cid for ids in existing.values() for cid in ids if cid not in new_ids]
            for start in range(0, len(stale), _WRITE_BATCH):
                self._client.delete(self.milvus_name(name), ids=stale[start : start + _WRITE_BATCH])
        except MilvusException as error:
            raise _translate(error) from error
        if local is not None:
            local.remove(stale)
            local.upsert(
                [
                    IndexedChunk(chunk.chunk_id, chunk.search_text, metadata_tags(chunk.metadata), chunk.vector)
                    for chunks in documents.values()
                    for chunk in chunks
                ]
            )
            local.end_write()
        self._forget_rows(name)
        return len(stale)

    def write_done(self, name: str) -> None:
        """Milvus Lite searches its unsealed memtable by brute force and rebuilds
        its BM25 postings on every search: seal it after each batch of writes. A
        Milvus server seals segments itself (and rate-limits flush)."""
        if not self.lite:
            return
        try:
            self._client.flush(self.milvus_name(name))
        except MilvusException as error:
            raise _translate(error) from error

    def delete_document(self, name: str, document_id: str) -> int:
        if not self.has_collection(name):
            return 0
        ids = self._chunk_ids(name, [document_id]).get(document_id, [])
        if not ids:
            return 0
        local = self._open_local(name) if self.lite else None
        if local is not None:
            local.begin_write()
        self._forget_rows(name)
        try:
            for start in range(0, len(ids), _WRITE_BATCH):
                self._client.delete(self.milvus_name(name), ids=ids[start : start + _WRITE_BATCH])
        except MilvusException as error:
            raise _translate(error) from error
        if local is not None:
            local.remove(ids)
            local.end_write()
        self._forget_rows(name)
        return len(ids)

    def drop_collection(self, name: str) -> None:
        self._forget_rows(name)
        try:
            self._client.drop_collection(self.milvus_name(name))
        except MilvusException as error:
            raise _translate(error) from error
        self._known.discard(name)
        local = self._local.pop(name, None)
        if local is not None:
            release(local)
        if self.index_root is not None:
            LocalIndex.destroy(self.index_root / self.milvus_name(name))


def _row(chunk: ChunkRecord) -> dict[str, Any]:
    return {
        "chunk_id": chunk.chunk_id,
        "document_id": chunk.document_id,
        "chunk_index": chunk.chunk_index,
        "title": chunk.title,
        "source": chunk.source,
        "section": chunk.section,
        "text": chunk.text,
        "search_text": chunk.search_text,
        "metadata": dict(chunk.metadata),
        "tags": metadata_tags(chunk.metadata),
        "dense": np.asarray(chunk.vector, dtype=np.float32).tolist(),
    }


def _hit(entity: Mapping[str, Any], chunk_id: str, score: float) -> StoredHit:
    metadata = entity.get("metadata") or {}
    if isinstance(metadata, str):
        metadata = json.loads(metadata)
    return StoredHit(
        chunk_id=str(entity.get("chunk_id", chunk_id)),
        document_id=str(entity.get("document_id", "")),
        title=str(entity.get("title", "")),
        source=str(entity.get("source", "")),
        section=str(entity.get("section", "")),
        text=str(entity.get("text", "")),
        score=score,
        metadata={str(k): str(v) for k, v in metadata.items()},
    )


def _translate(error: MilvusException) -> StoreError:
    if isinstance(error, MilvusUnavailableException) or "unavailable" in str(error).lower():
        return StoreUnavailable(f"Milvus did not answer: {error}")
    return StoreError(f"Milvus failed: {error}")
