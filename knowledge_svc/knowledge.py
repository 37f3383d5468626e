"""The knowledge base: validates what callers send and parses and chunks documents
(validation.py), embeds chunks and queries, and keeps them in a Store (stores/). Blocking work (parsing,
the encoder, pymilvus) runs in worker threads so one search never holds up the
other RPCs of the process; a search that needs none of it (the caller gave the
vector, the index and the passages are in memory) runs on the event loop. No grpc here: errors are atende_runtime.errors."""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

import numpy as np
import numpy.typing as npt
from opentelemetry.trace import SpanKind

from atende_guardrails.asking import named_kinds
from atende_guardrails.informal import spell_out
from atende_guardrails.text import fold, table_cells
from atende_runtime.errors import FailedPrecondition, NotFound, Unavailable, Validator
from atende_runtime.telemetry import span
from knowledge_svc.chunking import TABLE_TITLE_CHARS
from knowledge_svc.embedding import Embedder
from knowledge_svc.lexical import bilingual_query, lexical_text
from knowledge_svc.metrics import EMPTY_SEARCHES, SEARCH_SECONDS, SEARCHES
from knowledge_svc.ranking import named_codes, pool_size, prefer_codes, prefer_matches, prefer_values
from knowledge_svc.stores import ChunkRecord, IncompatibleCollection, Store, StoredHit, StoreUnavailable, prepare
from knowledge_svc.stores.cached import CachedStore
from knowledge_svc.stores.protocol import NotInMemory
from knowledge_svc.validation import Checks, DocumentInput, Limits, QueryEmbedding

log = logging.getLogger("atende.knowledge")

# DocumentInput, Limits and QueryEmbedding live in validation.py; callers import them here.
__all__ = ["DocumentInput", "IngestResult", "KnowledgeBase", "Limits", "Passage", "QueryEmbedding"]

_HAS_WORD = re.compile(r"[^\W_]")  # a letter or a digit, in any script
# A search runs on the event loop only while such searches take less than this:
# longer would hold up the process's other RPCs.
INLINE_SECONDS = 0.002
Vector = npt.NDArray[np.float32]
_P = ParamSpec("_P")
_T = TypeVar("_T")


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


_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")


def _table_prose(text: str) -> str:
    """A chunk's table rows as the sentences they stand for ("Kit Brisa 3.3: Só o kit
    R$ 13.490; Kit instalado R$ 16.990."), each under its header: the sentence
    encoder reads a row of cells split by pipes poorly, and a price asked about is
    in a row."""
    out: list[str] = []
    header: list[str] | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if "|" not in stripped or stripped.startswith(("-", "*")):
            # A short title across a table ("DC input") keeps its header; anything else ends the table.
            if not stripped or len(stripped) > TABLE_TITLE_CHARS or stripped.startswith(("-", "*")):
                header = None
            out.append(line)
            continue
        if _TABLE_RULE.match(stripped):
            continue
        cells = table_cells(stripped)
        if cells == header:
            continue  # the header again, after such a title
        if header is None:
            header = cells
            continue
        if len(cells) == len(header) and len(cells) > 1:
            pairs = "; ".join(f"{h} {c}" for h, c in zip(header[1:], cells[1:], strict=True) if c)
            out.append(f"{cells[0]}: {pairs}.")
        else:
            out.append(" ".join(cells))
    return "\n".join(out)


def embedding_text(title: str, section: str, text: str) -> str:
    """What the dense vector of a chunk encodes: where it sits, then what it says
    (table rows as sentences)."""
    head = " — ".join(part for part in (title, section) if part)
    body = f"{text}\n{_table_prose(text)}" if "|" in text else text
    return f"{head}\n{body}" if head else body


def chunk_id(document_id: str, index: int) -> str:
    return f"{document_id}#{index}"


class KnowledgeBase:
    def __init__(self, store: Store, embedder: Embedder, limits: Limits | None = None) -> None:
        self.store = store
        self.embedder = embedder
        self.limits = limits or Limits()
        self.checks = Checks(self.limits)
        self._write_locks: dict[str, asyncio.Lock] = {}
        # How long recent in-memory searches took on the event loop, by collection.
        self._inline_seconds: dict[str, deque[float]] = {}
        self._skipped: dict[str, int] = {}

    def collection_name(self, value: str, field_name: str = "collection") -> str:
        return self.checks.collection_name(value, field_name)

    def top_k(self, value: int) -> int:
        return self.checks.top_k(value)

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
        prepared = await asyncio.to_thread(self.checks.prepare, documents, field_prefix)
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
        self.checks.check_metadata(validator, "metadata_filter", metadata_filter or {})
        given = self.checks.given_vector(validator, query_embedding, self.embedder.name, self.embedder.dimension)
        validator.check()
        k = self.checks.top_k(top_k)
        filters = dict(metadata_filter or {})

        def find(search: Callable[[str, Vector, str, int, Mapping[str, str]], list[StoredHit]]) -> list[StoredHit]:
            if not _HAS_WORD.search(query):
                return []  # only punctuation or symbols: nothing to look for
            # Chat spelling ("qto", "vcs", "pra") spelled out for both routes.
            spelled = spell_out(query) or query.strip()
            vector = given if given is not None else self.embedder.embed_query(spelled)
            codes = named_codes(spelled)
            if not codes:
                hits = search(name, vector, bilingual_query(spelled), k, filters)
            else:
                # A code in the query: a wider pool, and the chunks that hold it move up.
                pool = search(name, vector, bilingual_query(spelled), max(k, pool_size(k)), filters)
                hits = [hit.with_score(value) for hit, value in prefer_codes(
                    pool, codes, k, lambda hit: f"{hit.title} {hit.section} {hit.text}", lambda hit: hit.score)]
            kinds = named_kinds(fold(spelled))
            if kinds:
                hits = [hit.with_score(value) for hit, value in prefer_values(
                    hits, kinds, lambda hit: hit.text, lambda hit: hit.score)]
            # The first passages, by how much of the question they hold and in which language.
            return [hit.with_score(value) for hit, value in prefer_matches(
                hits, spelled, lambda hit: (hit.title, hit.section, hit.text), lambda hit: hit.score)]

        def blocking() -> list[StoredHit]:
            """One worker-thread hop for the whole search (each hop costs a wake-up
            of a busy event loop)."""
            if not self.store.has_collection(name):
                raise NotFound(f"collection {name!r} does not exist")
            return find(self.store.search)

        embedding = "given" if given is not None else "computed"
        started = time.perf_counter()
        with span("knowledge.search", SpanKind.INTERNAL, collection=name, top_k=k, embedding=embedding,
                  filters=sorted(filters), store=type(self.store).__name__) as current:
            hits = self._search_in_memory(name, given, find)
            current.set_attribute("atende.inline", hits is not None)
            if hits is None:
                hits = await self._call(blocking)
            current.set_attribute("atende.results", len(hits))
        SEARCHES.labels(name, embedding).inc()
        SEARCH_SECONDS.labels(name).observe(time.perf_counter() - started)
        if not hits:
            EMPTY_SEARCHES.labels(name).inc()
        return [
            Passage(h.document_id, h.chunk_id, h.title, h.source, h.section, h.text, h.score, h.metadata) for h in hits
        ]

    def _search_in_memory(
        self, name: str, given: Vector | None,
        find: Callable[[Callable[[str, Vector, str, int, Mapping[str, str]], list[StoredHit]]], list[StoredHit]],
    ) -> list[StoredHit] | None:
        """The search on the event loop, when it is cheap: the caller gave the query's
        vector (no model), the store ranks from memory (the Lite store's local index)
        and holds the passages in its row cache, no write to the collection is under
        way (its index lock would make the loop wait), and such searches of this
        collection take under INLINE_SECONDS. None: search in a worker thread.
        A thread hand-off costs more CPU than a small collection's search."""
        store = self.store
        if given is None or not isinstance(store, CachedStore) or self._lock(name).locked():
            return None
        # The quickest of the recent inline searches: on a busy machine the clock also
        # counts other processes' turns (it only ever adds), so the minimum is the cost.
        recent = self._inline_seconds.setdefault(name, deque(maxlen=8))
        if len(recent) == recent.maxlen and min(recent) > INLINE_SECONDS:
            self._skipped[name] = skipped = self._skipped.get(name, 0) + 1
            if skipped % 64:
                return None  # too slow: the thread, and once in a while a new measure
        if not store.in_memory(name):
            return None
        started = time.perf_counter()
        try:
            hits = find(store.search_in_memory)
        except NotInMemory:
            return None
        recent.append(time.perf_counter() - started)
        return hits

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
