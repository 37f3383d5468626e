"""The knowledge base: validates what callers send, parses and chunks documents,
embeds chunks and queries, and keeps them in a Store. Blocking work (parsing,
the encoder, pymilvus) runs in worker threads so one search never holds up the
other RPCs of the process. No grpc here: errors are atende_runtime.errors."""

from __future__ import annotations

import asyncio
import logging
import math
import re
import time
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import ParamSpec, TypeVar

import numpy as np
import numpy.typing as npt

from atende_runtime.errors import FailedPrecondition, InvalidArgument, NotFound, Unavailable, Validator
from knowledge_svc.chunking import chunk_document
from knowledge_svc.documents import PDF, ParseError, normalize_content_type, parse
from knowledge_svc.embedding import Embedder
from knowledge_svc.lexical import lexical_text
from knowledge_svc.stores import ChunkRecord, IncompatibleCollection, Store, StoredHit, StoreUnavailable, prepare

log = logging.getLogger("atende.knowledge")

_COLLECTION = re.compile(r"[A-Za-z0-9_]+")
_METADATA_KEY = re.compile(r"[A-Za-z0-9_.\-]+")
_HAS_WORD = re.compile(r"[^\W_]")  # a letter or a digit, in any script
_P = ParamSpec("_P")
_T = TypeVar("_T")


@dataclass(frozen=True)
class Limits:
    """Bounds on what one request may carry, and the search defaults."""

    default_collection: str = "default"
    max_collection_chars: int = 64
    max_documents: int = 1000
    max_document_chars: int = 2_000_000
    max_id_chars: int = 256
    max_title_chars: int = 500
    max_source_chars: int = 1000
    max_metadata_entries: int = 32
    max_metadata_key_chars: int = 64
    max_metadata_value_chars: int = 256
    max_query_chars: int = 2000
    default_top_k: int = 5
    max_top_k: int = 50
    chunk_chars: int = 400
    chunk_overlap: int = 60


@dataclass(frozen=True)
class DocumentInput:
    id: str
    text: str
    title: str = ""
    source: str = ""
    metadata: Mapping[str, str] = field(default_factory=dict)
    content_type: str = ""


@dataclass(frozen=True)
class IngestResult:
    document_ids: list[str]
    chunk_count: int


@dataclass(frozen=True)
class Passage:
    document_id: str
    chunk_id: str
    title: str
    source: str
    section: str
    text: str
    score: float
    metadata: Mapping[str, str]


@dataclass(frozen=True)
class QueryEmbedding:
    """A query vector the caller computed, and the model that computed it."""

    model: str
    values: Sequence[float]


@dataclass(frozen=True)
class _Prepared:
    document: DocumentInput
    title: str
    chunks: list[tuple[str, str]]  # (section, text)


def embedding_text(title: str, section: str, text: str) -> str:
    """What the dense vector of a chunk encodes: where it sits, then what it says."""
    head = " — ".join(part for part in (title, section) if part)
    return f"{head}\n{text}" if head else text


def chunk_id(document_id: str, index: int) -> str:
    return f"{document_id}#{index}"


class KnowledgeBase:
    def __init__(self, store: Store, embedder: Embedder, limits: Limits | None = None) -> None:
        self.store = store
        self.embedder = embedder
        self.limits = limits or Limits()
        self._write_locks: dict[str, asyncio.Lock] = {}

    # -- validation ------------------------------------------------------------

    def collection_name(self, value: str, field_name: str = "collection") -> str:
        name = value.strip() if value else ""
        if not name:
            return self.limits.default_collection
        if len(name) > self.limits.max_collection_chars or not _COLLECTION.fullmatch(name):
            raise InvalidArgument.single(
                field_name,
                f"must be 1 to {self.limits.max_collection_chars} letters, digits or '_' (got {name[:80]!r})",
            )
        return name

    def top_k(self, value: int) -> int:
        """0 means the default (5); above the maximum (50) is coerced down to it, as
        AIP-158 does for page sizes; negative is invalid."""
        if value < 0:
            raise InvalidArgument.single("top_k", f"must not be negative (got {value})")
        if value == 0:
            return self.limits.default_top_k
        return min(value, self.limits.max_top_k)

    def _check_metadata(self, validator: Validator, prefix: str, metadata: Mapping[str, str]) -> None:
        limits = self.limits
        if len(metadata) > limits.max_metadata_entries:
            validator.add(prefix, f"has {len(metadata)} entries; the limit is {limits.max_metadata_entries}")
            return
        for key, value in metadata.items():
            if not (0 < len(key) <= limits.max_metadata_key_chars) or not _METADATA_KEY.fullmatch(key):
                validator.add(
                    f"{prefix}[{key[:40]!r}]",
                    f"keys are 1 to {limits.max_metadata_key_chars} letters, digits, '_', '.' or '-'",
                )
            if len(value) > limits.max_metadata_value_chars:
                validator.add(f"{prefix}[{key[:40]!r}]", f"values are at most {limits.max_metadata_value_chars} characters")
            validator.clean_text(f"{prefix}[{key[:40]!r}]", value)

    def _validate_document(self, validator: Validator, prefix: str, document: DocumentInput) -> str | None:
        """Checks one document; returns its normalized content type."""
        limits = self.limits
        validator.require(f"{prefix}.id", document.id)
        if len(document.id) > limits.max_id_chars:
            validator.add(f"{prefix}.id", f"is {len(document.id)} characters long; the limit is {limits.max_id_chars}")
        if any(unicodedata.category(ch) == "Cc" for ch in document.id):
            validator.add(f"{prefix}.id", "contains a control character")
        validator.clean_text(f"{prefix}.id", document.id)
        if not document.text or not document.text.strip():
            validator.add(f"{prefix}.text", "is required (the document is empty)")
        elif len(document.text) > limits.max_document_chars:
            validator.add(
                f"{prefix}.text",
                f"is {len(document.text)} characters long; the limit is {limits.max_document_chars}: "
                "split the document into parts",
            )
        validator.clean_text(f"{prefix}.text", document.text)
        validator.max_length(f"{prefix}.title", document.title, limits.max_title_chars)
        validator.clean_text(f"{prefix}.title", document.title)
        validator.max_length(f"{prefix}.source", document.source, limits.max_source_chars)
        validator.clean_text(f"{prefix}.source", document.source)
        self._check_metadata(validator, f"{prefix}.metadata", document.metadata)
        content_type = normalize_content_type(document.content_type)
        if content_type is None:
            validator.add(
                f"{prefix}.content_type",
                f"{document.content_type[:60]!r} is not one of text/plain, text/markdown, text/html, application/pdf",
            )
        return content_type

    def _prepare(self, documents: Sequence[DocumentInput], prefix: str) -> list[_Prepared]:
        """Validates every document, then parses and chunks them (CPU work: runs in
        a worker thread). Reports every problem at once."""
        if not documents:
            raise InvalidArgument.single(prefix, "at least one document is required")
        if len(documents) > self.limits.max_documents:
            raise InvalidArgument.single(
                prefix, f"has {len(documents)} documents; the limit is {self.limits.max_documents} a request"
            )
        validator = Validator()
        types: list[str | None] = []
        seen: dict[str, int] = {}
        for index, document in enumerate(documents):
            types.append(self._validate_document(validator, f"{prefix}[{index}]", document))
            if document.id in seen:
                validator.add(f"{prefix}[{index}].id", f"{document.id!r} is also documents[{seen[document.id]}]")
            seen.setdefault(document.id, index)
        validator.check()

        prepared: list[_Prepared] = []
        for index, (document, content_type) in enumerate(zip(documents, types, strict=True)):
            assert content_type is not None
            try:
                parsed = parse(document.text, content_type)
            except ParseError as error:
                validator.add(f"{prefix}[{index}].text", str(error))
                continue
            pieces = chunk_document(parsed, self.limits.chunk_chars, self.limits.chunk_overlap)
            if not pieces:
                what = "PDF has no extractable text (a scan?)" if content_type == PDF else "has no text once parsed"
                validator.add(f"{prefix}[{index}].text", what)
                continue
            title = document.title.strip() or parsed.title or document.id
            prepared.append(
                _Prepared(document, title[: self.limits.max_title_chars], [(c.section[:500], c.text) for c in pieces])
            )
        validator.check()
        return prepared

    # -- operations ------------------------------------------------------------

    def _lock(self, collection: str) -> asyncio.Lock:
        lock = self._write_locks.get(collection)
        if lock is None:
            lock = self._write_locks[collection] = asyncio.Lock()
        return lock

    async def ingest(
        self, collection: str, documents: Sequence[DocumentInput], *, field_prefix: str = "documents"
    ) -> IngestResult:
        """Stores the documents, each replacing any earlier version of the same id."""
        name = self.collection_name(collection)
        started = time.perf_counter()
        prepared = await asyncio.to_thread(self._prepare, documents, field_prefix)
        texts = [embedding_text(p.title, section, text) for p in prepared for section, text in p.chunks]
        vectors = await asyncio.to_thread(self.embedder.embed_documents, texts)
        records: dict[str, list[ChunkRecord]] = {}
        row = 0
        for item in prepared:
            document = item.document
            chunks: list[ChunkRecord] = []
            for index, (section, text) in enumerate(item.chunks):
                chunks.append(
                    ChunkRecord(
                        chunk_id=chunk_id(document.id, index),
                        document_id=document.id,
                        chunk_index=index,
                        title=item.title,
                        source=document.source,
                        section=section,
                        text=text,
                        search_text=lexical_text(f"{item.title}\n{section}\n{text}"),
                        metadata=dict(document.metadata),
                        vector=vectors[row],
                    )
                )
                row += 1
            records[document.id] = chunks
        async with self._lock(name):
            await self._call(self.store.ensure_collection, name)
            stale = await self._call(self.store.replace_documents, name, records)
        log.info(
            "documents ingested",
            extra={
                "collection": name,
                "documents": len(records),
                "chunks": row,
                "stale_chunks_removed": stale,
                "seconds": round(time.perf_counter() - started, 3),
            },
        )
        return IngestResult(document_ids=list(records), chunk_count=row)

    def _given_vector(self, validator: Validator, given: QueryEmbedding | None) -> npt.NDArray[np.float32] | None:
        """The caller's query vector when it comes from our model (None: embed the
        query here); reports a vector our model cannot have produced."""
        if given is None or not given.values:
            return None
        if given.model != self.embedder.name:
            log.debug(
                "query embedding from another model ignored",
                extra={"model": given.model[:80], "expected": self.embedder.name},
            )
            return None
        field_name = "query_embedding.values"
        if len(given.values) != self.embedder.dimension:
            validator.add(
                field_name,
                f"has {len(given.values)} values; {self.embedder.name} vectors have {self.embedder.dimension}",
            )
            return None
        vector = np.asarray(given.values, dtype=np.float32)
        if not np.isfinite(vector).all():
            validator.add(field_name, "contains a value that is not a finite number (NaN or infinity)")
            return None
        norm = float(np.linalg.norm(vector))
        if norm == 0.0 or not math.isfinite(norm):
            validator.add(field_name, "is all zeros (or too large to normalise)")
            return None
        normalised: npt.NDArray[np.float32] = (vector / norm).astype(np.float32)
        return normalised

    async def search(
        self,
        collection: str,
        query: str,
        top_k: int = 0,
        metadata_filter: Mapping[str, str] | None = None,
        query_embedding: QueryEmbedding | None = None,
    ) -> list[Passage]:
        """The best passages for `query`. `query_embedding`, when it comes from the
        service's model, replaces embedding the query here (see the proto)."""
        name = self.collection_name(collection)
        validator = Validator()
        validator.require("query", query)
        validator.max_length("query", query, self.limits.max_query_chars)
        validator.clean_text("query", query)
        self._check_metadata(validator, "metadata_filter", metadata_filter or {})
        given = self._given_vector(validator, query_embedding)
        validator.check()
        k = self.top_k(top_k)
        filters = dict(metadata_filter or {})

        def blocking() -> list[StoredHit]:
            """One worker-thread hop for the whole search (each hop costs a wake-up
            of a busy event loop)."""
            if not self.store.has_collection(name):
                raise NotFound(f"collection {name!r} does not exist")
            if not _HAS_WORD.search(query):
                return []  # only punctuation or symbols: nothing to look for
            vector = given if given is not None else self.embedder.embed_query(query.strip())
            return self.store.search(name, vector, lexical_text(query), k, filters)

        hits = await self._call(blocking)
        return [
            Passage(h.document_id, h.chunk_id, h.title, h.source, h.section, h.text, h.score, h.metadata) for h in hits
        ]

    async def delete(self, collection: str, document_id: str) -> int:
        name = self.collection_name(collection)
        validator = Validator()
        validator.require("document_id", document_id)
        validator.max_length("document_id", document_id, self.limits.max_id_chars)
        validator.clean_text("document_id", document_id)
        validator.check()
        async with self._lock(name):
            deleted = await self._call(self.store.delete_document, name, document_id)
        log.info("document deleted", extra={"collection": name, "document_id": document_id, "chunks": deleted})
        return deleted

    async def count(self, collection: str) -> int:
        return await self._call(self.store.count, self.collection_name(collection))

    async def ensure_collection(self, collection: str) -> None:
        await self._call(self.store.ensure_collection, self.collection_name(collection))

    async def prepare_search(self) -> list[str]:
        """The store's start-up work (Lite: open or build the local indexes)."""
        return await asyncio.to_thread(prepare, self.store)

    async def healthy(self) -> bool:
        return bool(await asyncio.to_thread(self.store.ping))

    @staticmethod
    async def _call(function: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
        """Runs a store call in a worker thread, turning store failures into the
        domain errors a client can act on."""
        try:
            return await asyncio.to_thread(function, *args, **kwargs)
        except StoreUnavailable as error:
            raise Unavailable(str(error)) from error
        except IncompatibleCollection as error:
            raise FailedPrecondition(str(error)) from error
