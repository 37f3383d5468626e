"""Bad input gets a clear answer, never a crash: INVALID_ARGUMENT with google.rpc
BadRequest field violations, NOT_FOUND for an unknown collection, or an empty
result where that is the sensible answer."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator, Awaitable

import grpc
import pytest
from atende.knowledge.v1 import knowledge_service_pb2 as pb
from google.rpc import error_details_pb2
from grpc_status import rpc_status
from knowledge_helpers import Service

from atende_runtime.errors import InvalidArgument
from knowledge_svc.knowledge import DocumentInput

SERVICE = "/atende.knowledge.v1.KnowledgeService/"


async def rpc_error(call: Awaitable[object]) -> grpc.aio.AioRpcError:
    with pytest.raises(grpc.aio.AioRpcError) as info:
        await call
    return info.value


def violations(error: grpc.aio.AioRpcError) -> dict[str, str]:
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT, error.details()
    status = rpc_status.from_call(error)  # type: ignore[arg-type]
    assert status is not None
    found: dict[str, str] = {}
    for detail in status.details:
        bad_request = error_details_pb2.BadRequest()
        assert detail.Unpack(bad_request)
        found.update({v.field: v.description for v in bad_request.field_violations})
    return found


async def test_empty_documents(service: Service, unique_name: str) -> None:
    error = await rpc_error(
        service.stub.IngestDocuments(
            pb.IngestDocumentsRequest(
                collection=unique_name,
                documents=[pb.Document(id="a", text="   \n "), pb.Document(id="", text="ok")],
            )
        )
    )
    found = violations(error)
    assert "documents[0].text" in found and "empty" in found["documents[0].text"]
    assert found["documents[1].id"] == "is required"
    error = await rpc_error(service.stub.IngestDocuments(pb.IngestDocumentsRequest(collection=unique_name)))
    assert "documents" in violations(error)
    error = await rpc_error(
        service.stub.IngestDocuments(
            pb.IngestDocumentsRequest(
                collection=unique_name, documents=[pb.Document(id="b", text="<p> </p>", content_type="text/html")]
            )
        )
    )
    assert "no text" in violations(error)["documents[0].text"]


async def test_bad_fields(service: Service, unique_name: str) -> None:
    error = await rpc_error(
        service.stub.IngestDocuments(
            pb.IngestDocumentsRequest(
                collection=unique_name,
                documents=[
                    pb.Document(id="a", text="x", content_type="image/png"),
                    pb.Document(id="a", text="y", metadata={"bad key!": "v"}),
                    pb.Document(id="c", text="not a pdf", content_type="application/pdf"),
                    pb.Document(id="d", text="z", title="t" * 600),
                ],
            )
        )
    )
    found = violations(error)
    assert "documents[0].content_type" in found
    assert "documents[1].id" in found  # duplicate of documents[0]
    assert any(field.startswith("documents[1].metadata") for field in found)
    assert "documents[3].title" in found
    # documents that pass validation but cannot be parsed are reported the same way
    error = await rpc_error(
        service.stub.IngestDocuments(
            pb.IngestDocumentsRequest(
                collection=unique_name,
                documents=[pb.Document(id="c", text=base64.b64encode(b"%PDF-1.4 junk").decode(), content_type="application/pdf")],
            )
        )
    )
    assert "PDF" in violations(error)["documents[0].text"]


async def test_collection_names(service: Service) -> None:
    error = await rpc_error(
        service.stub.IngestDocuments(
            pb.IngestDocumentsRequest(collection="no spaces-or-dashes", documents=[pb.Document(id="a", text="x")])
        )
    )
    assert "collection" in violations(error)
    error = await rpc_error(service.stub.SearchKnowledge(pb.SearchKnowledgeRequest(collection="x" * 65, query="q")))
    assert "collection" in violations(error)


async def test_unknown_collection_is_not_found(service: Service) -> None:
    error = await rpc_error(
        service.stub.SearchKnowledge(pb.SearchKnowledgeRequest(collection="does_not_exist", query="garantia"))
    )
    assert error.code() == grpc.StatusCode.NOT_FOUND
    assert "does_not_exist" in (error.details() or "")


async def test_top_k_zero_means_five_and_large_is_coerced(service: Service, sample_loaded: int) -> None:
    assert sample_loaded > 50
    zero = await service.stub.SearchKnowledge(pb.SearchKnowledgeRequest(query="garantia do painel", top_k=0))
    assert len(zero.results) == 5
    large = await service.stub.SearchKnowledge(pb.SearchKnowledgeRequest(query="garantia do painel", top_k=10_000))
    assert 5 < len(large.results) <= 50
    error = await rpc_error(service.stub.SearchKnowledge(pb.SearchKnowledgeRequest(query="garantia", top_k=-1)))
    assert "top_k" in violations(error)


async def test_queries(service: Service, sample_loaded: int) -> None:
    for query in ("?!...", "¿¡ — …", "____"):
        response = await service.stub.SearchKnowledge(pb.SearchKnowledgeRequest(query=query))
        assert list(response.results) == []
    for query, field in (("", "query"), ("   ", "query"), ("a" * 2001, "query"), ("nul\x00byte", "query")):
        error = await rpc_error(service.stub.SearchKnowledge(pb.SearchKnowledgeRequest(query=query)))
        assert field in violations(error)
    error = await rpc_error(
        service.stub.SearchKnowledge(pb.SearchKnowledgeRequest(query="ok", metadata_filter={"": "x"}))
    )
    assert any(field.startswith("metadata_filter") for field in violations(error))


async def test_non_utf8_bytes_are_invalid_argument(service: Service, unique_name: str) -> None:
    """A client that sends raw bytes that are not UTF-8 in a string field gets the
    field named, not an INTERNAL error from the protobuf parser."""
    search = service.channel.unary_unary(
        SERVICE + "SearchKnowledge", request_serializer=None, response_deserializer=pb.SearchKnowledgeResponse.FromString
    )
    raw = pb.SearchKnowledgeRequest(query="MARK").SerializeToString().replace(b"MARK", b"\xff\xfe\xfd!")
    assert violations(await rpc_error(search(raw))) == {"query": "is not valid UTF-8 text"}

    ingest = service.channel.unary_unary(
        SERVICE + "IngestDocuments", request_serializer=None, response_deserializer=pb.IngestDocumentsResponse.FromString
    )
    message = pb.IngestDocumentsRequest(
        collection=unique_name,
        documents=[pb.Document(id="ok", text="fine"), pb.Document(id="bad", text="caf\u00e9 MARK", metadata={"k": "v"})],
    )
    raw = message.SerializeToString().replace(b"MARK", b"\xe9t\xe9")  # Latin-1 bytes
    assert violations(await rpc_error(ingest(raw))) == {"documents[1].text": "is not valid UTF-8 text"}
    raw = message.SerializeToString().replace(b"\x01v", b"\x01\xff")  # the metadata value "v"
    assert list(violations(await rpc_error(ingest(raw)))) == ["documents[1].metadata"]
    garbage = await rpc_error(ingest(b"\xff\xff\xff\xff"))
    assert "request" in violations(garbage)


async def test_stream_names_the_bad_message(service: Service, unique_name: str) -> None:
    async def requests() -> AsyncIterator[pb.StreamIngestDocumentsRequest]:
        yield pb.StreamIngestDocumentsRequest(collection=unique_name, documents=[pb.Document(id="a", text="Primeiro.")])
        yield pb.StreamIngestDocumentsRequest(documents=[pb.Document(id="b", text="")])

    found = violations(await rpc_error(service.stub.StreamIngestDocuments(requests())))
    assert "messages[1].documents[0].text" in found
    assert await service.knowledge.count(unique_name) == 1  # the first message stays stored

    async def empty() -> AsyncIterator[pb.StreamIngestDocumentsRequest]:
        yield pb.StreamIngestDocumentsRequest(collection=unique_name)

    assert "messages" in violations(await rpc_error(service.stub.StreamIngestDocuments(empty())))


async def test_large_documents(service: Service, unique_name: str) -> None:
    """Over max_document_chars (2,000,000) a document is INVALID_ARGUMENT, a 10 MB
    one included (the servers accept 32 MB messages so the service can say what is
    wrong), and the service goes on serving."""
    three_mb = "Texto de um manual muito longo. " * 100_000
    error = await rpc_error(
        service.stub.IngestDocuments(
            pb.IngestDocumentsRequest(collection=unique_name, documents=[pb.Document(id="big", text=three_mb)])
        )
    )
    assert "limit is 2000000" in violations(error)["documents[0].text"]

    ten_mb = "x" * (10 * 1024 * 1024)
    error = await rpc_error(
        service.stub.IngestDocuments(
            pb.IngestDocumentsRequest(collection=unique_name, documents=[pb.Document(id="huge", text=ten_mb)])
        )
    )
    assert "limit is 2000000" in violations(error)["documents[0].text"]
    # the domain check holds whatever the transport allows
    with pytest.raises(InvalidArgument) as info:
        await service.knowledge.ingest(unique_name, [DocumentInput("huge", ten_mb)])
    assert info.value.violations[0].field == "documents[0].text"

    response = await service.stub.IngestDocuments(
        pb.IngestDocumentsRequest(collection=unique_name, documents=[pb.Document(id="ok", text="Ainda funciona.")])
    )
    assert response.chunk_count == 1


async def test_too_many_documents(service: Service, unique_name: str) -> None:
    documents = [pb.Document(id=f"d{i}", text="x") for i in range(1001)]
    error = await rpc_error(
        service.stub.IngestDocuments(pb.IngestDocumentsRequest(collection=unique_name, documents=documents))
    )
    assert "limit is 1000" in violations(error)["documents"]


async def test_delete_needs_an_id(service: Service) -> None:
    error = await rpc_error(service.stub.DeleteDocument(pb.DeleteDocumentRequest(document_id="")))
    assert "document_id" in violations(error)
