"""The gRPC face of the knowledge base: protobuf in and out, nothing else.
atende_runtime.service.register decodes requests leniently and maps errors."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any

import grpc
from atende.knowledge.v1 import knowledge_service_pb2 as pb

from atende_runtime.errors import InvalidArgument
from knowledge_svc.knowledge import DocumentInput, KnowledgeBase, Passage, QueryEmbedding

SERVICE_NAME = "atende.knowledge.v1.KnowledgeService"

def _document(message: pb.Document) -> DocumentInput:
    return DocumentInput(
        id=message.id,
        text=message.text,
        title=message.title,
        source=message.source,
        metadata=dict(message.metadata),
        content_type=message.content_type,
    )


def _result(passage: Passage) -> pb.SearchResult:
    return pb.SearchResult(
        document_id=passage.document_id,
        text=passage.text,
        score=passage.score,
        source=passage.source,
        title=passage.title,
        section=passage.section,
        metadata=dict(passage.metadata),
        chunk_id=passage.chunk_id,
    )


# Called after documents were stored: (collection, their ids).
AfterIngest = Callable[[str, Sequence[str]], Awaitable[object]]


async def _nothing_after(collection: str, ids: Sequence[str]) -> None:
    return None


class KnowledgeServicer:
    def __init__(self, knowledge: KnowledgeBase, after_ingest: AfterIngest = _nothing_after) -> None:
        self.knowledge = knowledge
        self.after_ingest = after_ingest

    async def IngestDocuments(
        self, message: pb.IngestDocumentsRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> pb.IngestDocumentsResponse:
        result = await self.knowledge.ingest(message.collection, [_document(d) for d in message.documents])
        await self.after_ingest(message.collection, result.document_ids)
        return pb.IngestDocumentsResponse(document_ids=result.document_ids, chunk_count=result.chunk_count)

    async def StreamIngestDocuments(
        self,
        requests: AsyncIterator[pb.StreamIngestDocumentsRequest],
        context: grpc.aio.ServicerContext[Any, Any],
    ) -> pb.StreamIngestDocumentsResponse:
        """Stores each message's documents as it arrives, so memory stays bounded
        by one message. A bad message stops the stream with INVALID_ARGUMENT naming
        it (`messages[3].documents[0].text`); earlier messages stay stored."""
        collection: str | None = None
        documents = chunks = 0
        number = 0
        async for message in requests:
            prefix = f"messages[{number}]."
            if collection is None:
                collection = self.knowledge.collection_name(message.collection, prefix + "collection")
            if message.documents:
                result = await self.knowledge.ingest(
                    collection, [_document(d) for d in message.documents], field_prefix=prefix + "documents"
                )
                await self.after_ingest(collection, result.document_ids)
                documents += len(result.document_ids)
                chunks += result.chunk_count
            number += 1
        if documents == 0:
            raise InvalidArgument.single("messages", "the stream carried no document")
        return pb.StreamIngestDocumentsResponse(document_count=documents, chunk_count=chunks)

    async def SearchKnowledge(
        self, message: pb.SearchKnowledgeRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> pb.SearchKnowledgeResponse:
        given = None
        if message.HasField("query_embedding"):
            given = QueryEmbedding(message.query_embedding.model, list(message.query_embedding.values))
        passages = await self.knowledge.search(
            message.collection, message.query, message.top_k, dict(message.metadata_filter), given
        )
        return pb.SearchKnowledgeResponse(results=[_result(p) for p in passages])

    async def DeleteDocument(
        self, message: pb.DeleteDocumentRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> pb.DeleteDocumentResponse:
        deleted = await self.knowledge.delete(message.collection, message.document_id)
        return pb.DeleteDocumentResponse(chunks_deleted=deleted)
