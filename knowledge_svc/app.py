"""knowledge_svc's start-up: loads the embedding model, opens Milvus, registers
atende.knowledge.v1.KnowledgeService, and loads the sample knowledge base into the
default collection on the first start (in the background: the service answers
while it loads)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc
from atende.knowledge.v1 import knowledge_service_pb2

from atende_runtime.audit import AuditRule, ship_to_memory
from atende_runtime.server import Mounted
from atende_runtime.service import register
from knowledge_svc.chunking import CHUNKER_VERSION
from knowledge_svc.embedding import Embedder, OpenAIEmbedder, UseEmbedder
from knowledge_svc.files import FileDocument, read_folder
from knowledge_svc.knowledge import DocumentInput, KnowledgeBase
from knowledge_svc.sample import REPLACED, SAMPLE_LABEL, SampleReplacement
from knowledge_svc.servicer import SERVICE_NAME, KnowledgeServicer
from knowledge_svc.settings import Settings
from knowledge_svc.stores import Store, StoreOptions, StoreUnavailable, is_lite_uri, open_store, read_label, write_label

log = logging.getLogger("atende.knowledge.app")
# Knowledge changes are audited (atende_runtime.audit); searches are not (every turn searches).
AUDITED = {
    "IngestDocuments": AuditRule(lambda r: r.collection or "default", lambda r: f"documents={len(r.documents)}"),
    "StreamIngestDocuments": AuditRule(lambda r: r.collection or "default"),
    "DeleteDocument": AuditRule("document_id", lambda r: f"collection={r.collection or 'default'}"),
}
# faiss (inside Milvus Lite) logs at INFO which CPU kernel it tried and failed to load.
logging.getLogger("faiss.loader").setLevel(logging.WARNING)


def build_embedder(settings: Settings) -> Embedder:
    if settings.embedding_provider == "openai":
        return OpenAIEmbedder(
            model=settings.openai_embedding_model,
            api_key=settings.openai_api_key,
            base_url=settings.openai_base_url or None,
            dimension=settings.openai_dimensions or None,
            query_cache_size=settings.query_cache_size,
        )
    return UseEmbedder(batch_size=settings.embedding_batch_size, query_cache_size=settings.query_cache_size)


def build_store(settings: Settings, embedder: Embedder) -> Store:
    """Milvus Lite with the local index, or a Milvus server, as the URI says (stores/)."""
    return open_store(
        StoreOptions(
            uri=settings.resolved_milvus_uri(),
            token=settings.milvus_token,
            embedding_name=embedder.name,
            dimension=embedder.dimension,
            collection_prefix=settings.collection_prefix,
            hnsw_m=settings.hnsw_m,
            hnsw_ef_construction=settings.hnsw_ef_construction,
            search_ef=settings.hnsw_ef,
            candidates=settings.search_candidates,
            ranker=settings.ranker,
            rrf_k=settings.rrf_k,
            dense_weight=settings.dense_weight,
            timeout=settings.milvus_timeout_seconds,
            cache_rows=settings.row_cache_rows,
            cache_on_server=settings.row_cache_on_server,
        )
    )


async def load_folder(knowledge: KnowledgeBase, collection: str, folder: Path, batch: int = 16) -> int:
    """Ingests every readable file of `folder`; returns the number of chunks."""
    documents: list[FileDocument] = []
    for item in await asyncio.to_thread(lambda: list(read_folder(folder, source_prefix="sample_kb/"))):
        if isinstance(item, FileDocument):
            documents.append(item)
        else:
            path, error = item
            log.warning("sample file skipped", extra={"path": str(path), "reason": str(error)})
    chunks = 0
    for start in range(0, len(documents), batch):
        result = await knowledge.ingest(
            collection,
            [
                DocumentInput(d.id, d.text, d.title, d.source, d.metadata, d.content_type)
                for d in documents[start : start + batch]
            ],
        )
        chunks += result.chunk_count
    return chunks


async def load_sample_if_empty(knowledge: KnowledgeBase, settings: Settings) -> int:
    """Loads the sample KB into an empty default collection, and loads it again
    (each document replacing its older chunks) into one whose sample was built by
    another chunker version (a store from before a chunking change)."""
    collection = settings.default_collection
    name = knowledge.collection_name(collection)
    label = await asyncio.to_thread(read_label, knowledge.store, name, SAMPLE_LABEL)
    if label == REPLACED:
        return 0  # the business's own documents replaced it (sample.py), even if it later deleted them all
    if await knowledge.count(collection) == 0:
        label = ""
    if label is None or label == CHUNKER_VERSION:
        return 0  # a store without labels keeps what it has; or the sample is current
    if not settings.sample_kb_dir.is_dir():
        log.warning("sample knowledge base folder missing", extra={"path": str(settings.sample_kb_dir)})
        return 0
    started = time.perf_counter()
    chunks = await load_folder(knowledge, collection, settings.sample_kb_dir)
    await asyncio.to_thread(write_label, knowledge.store, name, SAMPLE_LABEL, CHUNKER_VERSION)
    log.info(
        "sample knowledge base loaded",
        extra={"collection": collection, "chunks": chunks, "seconds": round(time.perf_counter() - started, 2),
               "rebuilt_from_chunker": label or None},
    )
    return chunks


async def _open_store(settings: Settings, embedder: Embedder) -> Store:
    """Opens Milvus, retrying a server that is not up yet (pods start together) for
    milvus_connect_seconds before giving up."""
    deadline = time.monotonic() + settings.milvus_connect_seconds
    delay = 0.5
    while True:
        try:
            return await asyncio.to_thread(build_store, settings, embedder)
        except StoreUnavailable as error:
            if time.monotonic() + delay > deadline:
                raise
            log.warning("Milvus not reachable yet; retrying", extra={"error": str(error), "retry_in": delay})
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)


def _log_ready(settings: Settings, embedder: Embedder, started: float) -> None:
    uri = settings.resolved_milvus_uri()
    log.info(
        "knowledge base ready",
        extra={
            "milvus": "lite" if is_lite_uri(uri) else "server",
            "uri": uri.split("@")[-1],  # no credentials in logs
            "embedding": embedder.name,
            "seconds": round(time.perf_counter() - started, 2),
        },
    )


async def _cancel(task: asyncio.Task[Any] | None) -> None:
    if task is not None and not task.done():
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


@dataclass
class KnowledgeMounted(Mounted):
    """Mounted, plus what tests and tools reach for: the knowledge base and the
    sample-loading task (None when disabled or not needed)."""

    knowledge: KnowledgeBase | None = None
    sample_task: asyncio.Task[int] | None = field(default=None)
    # Builds or loads the search indexes of existing collections (Lite), in the background.
    prepare_task: asyncio.Task[None] | None = field(default=None)


async def setup(server: grpc.aio.Server, settings: Settings, embedder: Embedder | None = None) -> KnowledgeMounted:
    """Registers the service on `server`. `embedder` lets tests share one loaded model
    between servers; by default the settings choose and load it."""
    started = time.perf_counter()
    if embedder is None:
        embedder = await asyncio.to_thread(build_embedder, settings)
    store = await _open_store(settings, embedder)
    knowledge = KnowledgeBase(store, embedder, settings.limits())
    await knowledge.ensure_collection(settings.default_collection)
    audit = ship_to_memory(settings.memory_addr, name="knowledge_svc", capacity=settings.audit_queue_capacity)
    _log_ready(settings, embedder, started)

    async def prepare_search() -> None:
        # Collections on disk from a version before the search index existed get it
        # built now, in the background, rather than in the first customer's query.
        try:
            prepared = await knowledge.prepare_search()
            log.info("search indexes ready", extra={"collections": len(prepared)})
        except Exception:
            log.exception("preparing the search indexes failed; they will be built on first use")

    prepare_task = asyncio.create_task(prepare_search())

    sample_task: asyncio.Task[int] | None = None
    if settings.load_sample_kb:

        async def load_sample() -> int:
            try:
                return await load_sample_if_empty(knowledge, settings)
            except Exception:
                log.exception("loading the sample knowledge base failed")
                return 0

        sample_task = asyncio.create_task(load_sample())

    replacement = SampleReplacement(knowledge, settings.default_collection, settings.sample_kb_dir, sample_task,
                                    enabled=settings.load_sample_kb and not settings.keep_sample_kb)
    register(server, knowledge_service_pb2.DESCRIPTOR.services_by_name["KnowledgeService"],
             KnowledgeServicer(knowledge, replacement.after_ingest), auditor=audit.auditor, audited=AUDITED)

    async def health_check() -> bool:
        return await knowledge.healthy()

    async def close() -> None:
        await _cancel(prepare_task)
        await _cancel(sample_task)
        await audit.close(settings.shutdown_grace_seconds)
        await asyncio.to_thread(store.close)

    return KnowledgeMounted(
        service_names=[SERVICE_NAME],
        health_check=health_check,
        close=close,
        knowledge=knowledge,
        sample_task=sample_task,
        prepare_task=prepare_task,
    )
