"""The gRPC face of the knowledge base: protobuf in and out, nothing else.

Request messages are decoded leniently: a string field holding bytes that are not
UTF-8 would make protobuf's parser fail before any handler runs, which gRPC reports
as a bare INTERNAL/UNKNOWN error. Here the handler receives an _Undecodable instead
and answers INVALID_ARGUMENT naming the field, e.g. `documents[2].text`."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

import grpc
from atende.knowledge.v1 import knowledge_service_pb2 as pb
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import DecodeError, Message

from atende_runtime.errors import FieldViolation, InvalidArgument
from atende_runtime.grpc_errors import unary
from knowledge_svc.knowledge import DocumentInput, KnowledgeBase, Passage, QueryEmbedding

SERVICE_NAME = "atende.knowledge.v1.KnowledgeService"

M = TypeVar("M", bound=Message)


@dataclass(frozen=True)
class _Undecodable:
    """A request that protobuf could not parse; `field` names where, when found."""

    field: str
    description: str


def _read_varint(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        if pos >= len(data):
            raise ValueError("truncated varint")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7
        if shift > 63:
            raise ValueError("varint too long")


def find_bad_utf8(descriptor: Descriptor, data: bytes, path: str = "") -> str | None:
    """Walks the wire format of `data` as a `descriptor` message and returns the
    path of the first string field that is not valid UTF-8 (None if none is)."""
    counts: dict[int, int] = {}
    pos = 0
    while pos < len(data):
        key, pos = _read_varint(data, pos)
        number, wire_type = key >> 3, key & 7
        if wire_type == 0:
            _, pos = _read_varint(data, pos)
            continue
        if wire_type == 1:
            pos += 8
            continue
        if wire_type == 5:
            pos += 4
            continue
        if wire_type != 2:
            return None
        length, pos = _read_varint(data, pos)
        value = data[pos : pos + length]
        pos += length
        field = descriptor.fields_by_number.get(number)
        if field is None:
            continue
        index = counts.get(number, 0)
        counts[number] = index + 1
        name = f"{path}{field.name}"
        if field.type == FieldDescriptor.TYPE_STRING:
            try:
                value.decode("utf-8")
            except UnicodeDecodeError:
                return name
        elif field.type == FieldDescriptor.TYPE_MESSAGE and field.message_type is not None:
            message_type = field.message_type
            if message_type.GetOptions().map_entry:
                if find_bad_utf8(message_type, value):
                    return name
                continue
            repeated = bool(field.is_repeated)
            found = find_bad_utf8(message_type, value, f"{name}[{index}]." if repeated else f"{name}.")
            if found:
                return found
    return None


def lenient(message_type: type[M]) -> Callable[[bytes], M | _Undecodable]:
    def deserialize(data: bytes) -> M | _Undecodable:
        try:
            return message_type.FromString(data)
        except DecodeError as error:
            try:
                where = find_bad_utf8(cast(Descriptor, message_type.DESCRIPTOR), data)
            except Exception:  # a corrupt message: say so, whatever tripped the walk
                where = None
            if where:
                return _Undecodable(where, "is not valid UTF-8 text")
            return _Undecodable("request", f"is not a valid {message_type.DESCRIPTOR.name} message ({error})")

    return deserialize


def _checked(request: M | _Undecodable, prefix: str = "") -> M:
    if isinstance(request, _Undecodable):
        raise InvalidArgument([FieldViolation(prefix + request.field, request.description)])
    return request


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


class KnowledgeServicer:
    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.knowledge = knowledge

    @unary
    async def IngestDocuments(
        self, request: pb.IngestDocumentsRequest | _Undecodable, context: grpc.aio.ServicerContext[Any, Any]
    ) -> pb.IngestDocumentsResponse:
        message = _checked(request)
        result = await self.knowledge.ingest(message.collection, [_document(d) for d in message.documents])
        return pb.IngestDocumentsResponse(document_ids=result.document_ids, chunk_count=result.chunk_count)

    @unary
    async def StreamIngestDocuments(
        self,
        requests: AsyncIterator[pb.StreamIngestDocumentsRequest | _Undecodable],
        context: grpc.aio.ServicerContext[Any, Any],
    ) -> pb.StreamIngestDocumentsResponse:
        """Stores each message's documents as it arrives, so memory stays bounded
        by one message. A bad message stops the stream with INVALID_ARGUMENT naming
        it (`messages[3].documents[0].text`); earlier messages stay stored."""
        collection: str | None = None
        documents = chunks = 0
        number = 0
        async for request in requests:
            prefix = f"messages[{number}]."
            message = _checked(request, prefix)
            if collection is None:
                collection = self.knowledge.collection_name(message.collection, prefix + "collection")
            if message.documents:
                result = await self.knowledge.ingest(
                    collection, [_document(d) for d in message.documents], field_prefix=prefix + "documents"
                )
                documents += len(result.document_ids)
                chunks += result.chunk_count
            number += 1
        if documents == 0:
            raise InvalidArgument.single("messages", "the stream carried no document")
        return pb.StreamIngestDocumentsResponse(document_count=documents, chunk_count=chunks)

    @unary
    async def SearchKnowledge(
        self, request: pb.SearchKnowledgeRequest | _Undecodable, context: grpc.aio.ServicerContext[Any, Any]
    ) -> pb.SearchKnowledgeResponse:
        message = _checked(request)
        given = None
        if message.HasField("query_embedding"):
            given = QueryEmbedding(message.query_embedding.model, list(message.query_embedding.values))
        passages = await self.knowledge.search(
            message.collection, message.query, message.top_k, dict(message.metadata_filter), given
        )
        return pb.SearchKnowledgeResponse(results=[_result(p) for p in passages])

    @unary
    async def DeleteDocument(
        self, request: pb.DeleteDocumentRequest | _Undecodable, context: grpc.aio.ServicerContext[Any, Any]
    ) -> pb.DeleteDocumentResponse:
        message = _checked(request)
        deleted = await self.knowledge.delete(message.collection, message.document_id)
        return pb.DeleteDocumentResponse(chunks_deleted=deleted)


def add_to_server(servicer: KnowledgeServicer, server: grpc.aio.Server) -> None:
    """What the generated add_KnowledgeServiceServicer_to_server does, with the
    lenient request decoders."""
    handlers = {
        "IngestDocuments": grpc.unary_unary_rpc_method_handler(
            servicer.IngestDocuments,
            request_deserializer=lenient(pb.IngestDocumentsRequest),
            response_serializer=pb.IngestDocumentsResponse.SerializeToString,
        ),
        "StreamIngestDocuments": grpc.stream_unary_rpc_method_handler(
            servicer.StreamIngestDocuments,
            request_deserializer=lenient(pb.StreamIngestDocumentsRequest),
            response_serializer=pb.StreamIngestDocumentsResponse.SerializeToString,
        ),
        "SearchKnowledge": grpc.unary_unary_rpc_method_handler(
            servicer.SearchKnowledge,
            request_deserializer=lenient(pb.SearchKnowledgeRequest),
            response_serializer=pb.SearchKnowledgeResponse.SerializeToString,
        ),
        "DeleteDocument": grpc.unary_unary_rpc_method_handler(
            servicer.DeleteDocument,
            request_deserializer=lenient(pb.DeleteDocumentRequest),
            response_serializer=pb.DeleteDocumentResponse.SerializeToString,
        ),
    }
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(SERVICE_NAME, handlers),))
    server.add_registered_method_handlers(SERVICE_NAME, handlers)  # type: ignore[attr-defined]
