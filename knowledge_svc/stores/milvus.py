"""The Milvus collections both stores keep, through pymilvus: one collection per
knowledge collection (`<prefix><name>`), its schema and indexes, and the row reads
and writes Lite and a server answer alike.

Each chunk row holds its citation fields, its metadata twice (as JSON to return it,
and as "key=value" strings in an array to filter on it), a dense vector, and a BM25
sparse vector that a Milvus function computes from `search_text`. Import this module
through stores.open_store (see stores/__init__.py: pymilvus reads MILVUS_URI when it
is imported)."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np
from pymilvus import MilvusClient
from pymilvus.exceptions import MilvusException, MilvusUnavailableException

from knowledge_svc.stores.expressions import document_filter, metadata_tags
from knowledge_svc.stores.protocol import ChunkRecord, IncompatibleCollection, StoredHit, StoreError, StoreUnavailable
from knowledge_svc.stores.schema import chunk_schema

log = logging.getLogger("atende.knowledge.milvus")

OUTPUT_FIELDS = ["chunk_id", "document_id", "title", "source", "section", "text", "metadata"]
# Rows per insert call: a bounded message for the server.
_WRITE_BATCH = 512
_QUERY_LIMIT = 16_384
_IDS_PER_QUERY = 200
# The collection property naming the embedding model that built it.
_MODEL_PROPERTY = "atende.embedding_model"


class MilvusCollections:
    """The knowledge collections in one Milvus (Lite or server). `dense_index` is the
    Milvus index of the dense field: (index type, build parameters)."""

    def __init__(
        self,
        uri: str,
        *,
        token: str = "",
        embedding_name: str,
        dimension: int,
        prefix: str,
        dense_index: tuple[str, Mapping[str, Any]],
        timeout: float,
        grpc_options: Mapping[str, Any] | None = None,
    ) -> None:
        self.uri = uri
        self.embedding_name = embedding_name
        self.dimension = dimension
        self.prefix = prefix
        self.dense_index = dense_index
        self._known: set[str] = set()
        self._create_lock = threading.Lock()
        kwargs: dict[str, Any] = {"grpc_options": dict(grpc_options)} if grpc_options else {}
        try:
            self.client = MilvusClient(uri=uri, token=token, timeout=timeout, **kwargs)
        except MilvusException as error:
            raise StoreUnavailable(f"cannot open Milvus at {uri}: {error}") from error

    def milvus_name(self, name: str) -> str:
        return f"{self.prefix}{name}"

    @property
    def description(self) -> str:
        return f"atende knowledge chunks; embedding={self.embedding_name}; dim={self.dimension}"

    # -- lifecycle -------------------------------------------------------------

    def ping(self) -> bool:
        try:
            self.client.list_collections(timeout=5)
            return True
        except Exception:
            return False

    def close(self) -> None:
        try:
            self.client.close()
        except Exception:  # closing is best effort
            log.debug("closing the Milvus client failed", exc_info=True)

    def names(self) -> list[str]:
        """The knowledge collections stored (without the prefix)."""
        try:
            listed = self.client.list_collections()
        except MilvusException as error:
            raise translate(error) from error
        return [str(n)[len(self.prefix) :] for n in listed if str(n).startswith(self.prefix)]

    def known(self, name: str) -> bool:
        """True when this process has seen the collection exist (no round trip)."""
        return name in self._known

    def exists(self, name: str) -> bool:
        """True when the collection exists; checks it matches the embedder and loads it
        the first time this process sees it."""
        if name in self._known:
            return True
        try:
            if not self.client.has_collection(self.milvus_name(name)):
                return False
            self._check_compatible(name)
            # A collection from an earlier run is on disk but released; search and
            # query need it loaded (a no-op when it already is).
            self.client.load_collection(self.milvus_name(name))
        except MilvusException as error:
            raise translate(error) from error
        self._known.add(name)
        return True

    def ensure(self, name: str, created: Callable[[str], None] | None = None) -> None:
        """Creates the collection unless it exists, then calls `created` (before any
        other thread sees the collection)."""
        if name in self._known:
            return
        with self._create_lock:
            if self.exists(name):
                return
            try:
                self._create(name)
            except MilvusException as error:
                raise translate(error) from error
            if created is not None:
                created(name)
            self._known.add(name)

    def label(self, name: str, key: str) -> str:
        """A collection property ("" when unset)."""
        try:
            info = self.client.describe_collection(self.milvus_name(name))
        except MilvusException as error:
            raise translate(error) from error
        return str((info.get("properties") or {}).get(key, ""))

    def set_label(self, name: str, key: str, value: str) -> None:
        try:
            self.client.alter_collection_properties(self.milvus_name(name), properties={key: value})
        except MilvusException as error:
            raise translate(error) from error

    def drop(self, name: str) -> None:
        try:
            self.client.drop_collection(self.milvus_name(name))
        except MilvusException as error:
            raise translate(error) from error
        self._known.discard(name)

    def _check_compatible(self, name: str) -> None:
        info = self.client.describe_collection(self.milvus_name(name))
        dense = next((f for f in info.get("fields", []) if f.get("name") == "dense"), None)
        dim = int((dense or {}).get("params", {}).get("dim", 0))
        if dense is None or dim != self.dimension:
            raise IncompatibleCollection(
                f"collection {name!r} holds {dim}-dimensional vectors (or none); the service embeds with "
                f"{self.embedding_name} ({self.dimension} dimensions): re-ingest it into a new collection"
            )
        # The model is in the description (what Milvus servers keep) and, since Milvus
        # Lite 3.2 keeps no description (it answers ""), in a collection property too.
        # A collection with neither predates both: only its dimension is checked.
        description = str(info.get("description", ""))
        model = str((info.get("properties") or {}).get(_MODEL_PROPERTY, ""))
        if "embedding=" in description and f"embedding={self.embedding_name};" not in description:
            model = description
        if model and model != self.embedding_name:
            raise IncompatibleCollection(
                f"collection {name!r} was built with another embedding model ({model}); the service "
                f"embeds with {self.embedding_name}: re-ingest it into a new collection"
            )

    def _create(self, name: str) -> None:
        self.client.create_collection(
            self.milvus_name(name),
            schema=chunk_schema(self.dimension, self.description),
            consistency_level="Bounded",
            properties={_MODEL_PROPERTY: self.embedding_name},
        )
        index = self.client.prepare_index_params()
        index_type, params = self.dense_index
        index.add_index(field_name="dense", index_type=index_type, metric_type="COSINE", params=dict(params))
        index.add_index(field_name="sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25", params={})
        index.add_index(field_name="document_id", index_type="INVERTED")
        # sync=False: the collection is empty, so the index is ready at once; waiting
        # would poll for 0.5 s an index through an RPC Milvus Lite does not implement.
        self.client.create_index(self.milvus_name(name), index, sync=False)
        self.client.load_collection(self.milvus_name(name))
        log.info("collection created", extra={"collection": name, "milvus_collection": self.milvus_name(name)})

    # -- reads -----------------------------------------------------------------

    def count(self, name: str) -> int:
        try:
            rows = self.client.query(self.milvus_name(name), filter="", output_fields=["count(*)"], consistency_level="Strong")
        except MilvusException as error:
            raise translate(error) from error
        return int(rows[0]["count(*)"]) if rows else 0

    def chunk_ids(self, name: str, document_ids: Sequence[str]) -> dict[str, list[str]]:
        """Stored chunk ids of each document."""
        found: dict[str, list[str]] = {}
        for start in range(0, len(document_ids), _IDS_PER_QUERY):
            try:
                rows = self.client.query(
                    self.milvus_name(name),
                    filter=document_filter(list(document_ids[start : start + _IDS_PER_QUERY])),
                    output_fields=["chunk_id", "document_id"],
                    limit=_QUERY_LIMIT,
                    consistency_level="Strong",
                )
            except MilvusException as error:
                raise translate(error) from error
            for row in rows:
                found.setdefault(str(row["document_id"]), []).append(str(row["chunk_id"]))
        return found

    def read(self, name: str, chunk_ids: Sequence[str]) -> dict[str, StoredHit]:
        try:
            rows = self.client.get(self.milvus_name(name), ids=list(chunk_ids), output_fields=OUTPUT_FIELDS)
        except MilvusException as error:
            raise translate(error) from error
        hits = (to_hit(row, str(row.get("chunk_id", "")), 0.0) for row in rows)
        return {hit.chunk_id: hit for hit in hits}

    def scan(self, name: str, fields: list[str], batch: int = 1000) -> Iterator[list[dict[str, Any]]]:
        """Every row of the collection, a batch at a time."""
        try:
            iterator = self.client.query_iterator(self.milvus_name(name), batch_size=batch, filter="", output_fields=fields)
            while rows := iterator.next():
                yield rows
            iterator.close()
        except MilvusException as error:
            raise translate(error) from error

    # -- writes ----------------------------------------------------------------

    def replace(self, name: str, documents: Mapping[str, Sequence[ChunkRecord]]) -> list[str]:
        """Upserts every document's chunks (stable ids: document id and position), then
        deletes the chunks an older, longer version left behind; returns their ids."""
        existing = self.chunk_ids(name, list(documents))
        rows = [to_row(chunk) for chunks in documents.values() for chunk in chunks]
        new_ids = {chunk.chunk_id for chunks in documents.values() for chunk in chunks}
        stale = [cid for ids in existing.values() for cid in ids if cid not in new_ids]
        try:
            for start in range(0, len(rows), _WRITE_BATCH):
                self.client.upsert(self.milvus_name(name), rows[start : start + _WRITE_BATCH])
        except MilvusException as error:
            raise translate(error) from error
        self.delete(name, stale)
        return stale

    def delete(self, name: str, chunk_ids: Sequence[str]) -> None:
        try:
            for start in range(0, len(chunk_ids), _WRITE_BATCH):
                self.client.delete(self.milvus_name(name), ids=list(chunk_ids[start : start + _WRITE_BATCH]))
        except MilvusException as error:
            raise translate(error) from error

    def flush(self, name: str) -> None:
        try:
            self.client.flush(self.milvus_name(name))
        except MilvusException as error:
            raise translate(error) from error


def to_row(chunk: ChunkRecord) -> dict[str, Any]:
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


def to_hit(entity: Mapping[str, Any], chunk_id: str, score: float) -> StoredHit:
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


def translate(error: MilvusException) -> StoreError:
    if isinstance(error, MilvusUnavailableException) or "unavailable" in str(error).lower():
        return StoreUnavailable(f"Milvus did not answer: {error}")
    return StoreError(f"Milvus failed: {error}")
