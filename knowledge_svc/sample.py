"""The sample knowledge base is a demo: the business's own documents replace it.

knowledge_svc loads the sample (a fictional solar-kit company) into an empty default
collection so that a fresh `make run` answers real questions. Once the business
ingests its own documents there, the sample's would answer beside them (another
company's prices and warranty), so after the first ingest into the default collection
that succeeds, the sample's documents are deleted and the collection is labelled so
that no restart loads them again. `KNOWLEDGE_KEEP_SAMPLE_KB=true` keeps them. No grpc here."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from pathlib import Path

from knowledge_svc.chunking import CHUNKER_VERSION
from knowledge_svc.files import FileDocument, read_folder
from knowledge_svc.knowledge import KnowledgeBase
from knowledge_svc.stores import read_label, write_label

log = logging.getLogger("atende.knowledge.sample")

# The collection label saying which chunker built the sample KB in it, or REPLACED.
SAMPLE_LABEL = "atende.sample_kb.chunker"
# The label's value once the business's own documents replaced the sample.
REPLACED = "replaced"


def sample_document_ids(folder: Path) -> list[str]:
    return [item.id for item in read_folder(folder) if isinstance(item, FileDocument)]


class SampleReplacement:
    """Deletes the sample's documents from the default collection after the first
    successful ingest of other documents into it."""

    def __init__(self, knowledge: KnowledgeBase, collection: str, folder: Path,
                 loading: asyncio.Task[int] | None, enabled: bool = True) -> None:
        self.knowledge = knowledge
        self.collection = knowledge.collection_name(collection)
        self.folder = folder
        self.loading = loading
        self._settled = not enabled
        self._lock = asyncio.Lock()

    async def after_ingest(self, collection: str, ingested: Sequence[str]) -> int:
        """Called with the ids of documents just stored; returns the number of sample
        documents deleted (0 almost always: only the first ingest finds any)."""
        if self._settled or self.knowledge.collection_name(collection) != self.collection:
            return 0
        async with self._lock:
            if self._settled:
                return 0
            if self.loading is not None:
                # The sample may still be loading in the background: let it finish, or
                # it would land after the business's documents.
                await asyncio.wait([self.loading])
            try:
                deleted = await self._replace(set(ingested))
            except Exception:
                # The business's documents are stored; the sample goes at the next ingest.
                log.exception("replacing the sample knowledge base failed")
                return 0
            self._settled = True
            return deleted

    async def _replace(self, keep: set[str]) -> int:
        store = self.knowledge.store
        label = await asyncio.to_thread(read_label, store, self.collection, SAMPLE_LABEL)
        if label != CHUNKER_VERSION:
            return 0  # no sample here, or a store that keeps no labels
        deleted = 0
        for document_id in await asyncio.to_thread(sample_document_ids, self.folder):
            if document_id not in keep:
                deleted += await self.knowledge.delete(self.collection, document_id) > 0
        await asyncio.to_thread(write_label, store, self.collection, SAMPLE_LABEL, REPLACED)
        log.info("sample knowledge base replaced by the business's own documents",
                 extra={"collection": self.collection, "sample_documents_deleted": deleted})
        return deleted
