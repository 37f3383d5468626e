"""knowledge_svc over gRPC with the real model and real Milvus Lite: ingest in every
format, search with citations, replace, delete, filters, streaming, the sample
knowledge base, and searches that do not wait for ingests."""

from __future__ import annotations

import asyncio
import base64
import time
from collections.abc import AsyncIterator

import pytest
from atende.knowledge.v1 import knowledge_service_pb2 as pb
from grpc_health.v1 import health_pb2, health_pb2_grpc
from knowledge_helpers import Service, close_service, knowledge_settings, open_service
from knowledge_pdfgen import make_pdf

from knowledge_svc.embedding import UseEmbedder
from knowledge_svc.eval.run import DEFAULT_QUESTIONS, evaluate, load_questions, metrics
from knowledge_svc.stores import StoreUnavailable

GARANTIA_MD = """# Garantia SolarTeste

## Painéis

Os painéis ZX-550 têm 12 anos de garantia contra defeitos e 25 anos de desempenho.

## Inversores

O inversor QV-7K tem garantia de 10 anos. Para acionar, envie o número de série e a nota fiscal.
"""

SHIPPING_HTML = """<html><head><title>Shipping policy</title></head><body>
<h1>Shipping policy</h1><h2>Delivery times</h2>
<p>We deliver to every Brazilian state in 7 to 15 business days after payment.</p>
<h2>Free shipping</h2><p>Orders above R$ 5,000 ship for free.</p></body></html>"""

HOURS_TXT = "Horário de atendimento\n\nAtendemos de segunda a sexta, das 8h às 18h, e aos sábados até o meio-dia."


async def ingest(service: Service, collection: str, *documents: pb.Document) -> pb.IngestDocumentsResponse:
    response: pb.IngestDocumentsResponse = await service.stub.IngestDocuments(
        pb.IngestDocumentsRequest(collection=collection, documents=documents), timeout=60
    )
    return response


async def search(service: Service, collection: str, query: str, top_k: int = 5, **filters: str) -> list[pb.SearchResult]:
    response = await service.stub.SearchKnowledge(
        pb.SearchKnowledgeRequest(collection=collection, query=query, top_k=top_k, metadata_filter=filters),
        timeout=30,
    )
    return list(response.results)


async def test_health_serving(service: Service) -> None:
    health = health_pb2_grpc.HealthStub(service.channel)
    for _ in range(50):
        reply = await health.Check(health_pb2.HealthCheckRequest(service="atende.knowledge.v1.KnowledgeService"))
        if reply.status == health_pb2.HealthCheckResponse.SERVING:
            return
        await asyncio.sleep(0.1)
    raise AssertionError("knowledge_svc never became SERVING")


async def test_ingest_every_format_and_search_with_citations(service: Service, unique_name: str) -> None:
    pdf = make_pdf([["Brisa Care", "", "The Brisa Care plan costs R$ 39 a month and can be cancelled at any time."]],
                   title="Brisa Care plan")
    response = await ingest(
        service,
        unique_name,
        pb.Document(id="garantia", text=GARANTIA_MD, content_type="text/markdown", source="kb/garantia.md",
                    metadata={"lang": "pt", "kind": "policy"}),
        pb.Document(id="shipping", text=SHIPPING_HTML, content_type="text/html", source="https://example.com/ship",
                    metadata={"lang": "en"}),
        pb.Document(id="horario", title="Horário", text=HOURS_TXT, source="horario.txt"),
        pb.Document(id="care", text=base64.b64encode(pdf).decode(), content_type="application/pdf", source="care.pdf"),
    )
    assert list(response.document_ids) == ["garantia", "shipping", "horario", "care"]
    assert response.chunk_count >= 6

    results = await search(service, unique_name, "Qual é a garantia do inversor QV-7K?")
    top = results[0]
    assert top.document_id == "garantia"
    assert top.title == "Garantia SolarTeste"
    assert top.section == "Inversores"
    assert top.source == "kb/garantia.md"
    assert top.chunk_id == "garantia#1"
    assert "10 anos" in top.text
    assert dict(top.metadata) == {"lang": "pt", "kind": "policy"}
    assert top.score > 0
    assert [r.score for r in results] == sorted((r.score for r in results), reverse=True)

    # a Portuguese question answered by an English document, and the reverse
    assert (await search(service, unique_name, "quanto tempo demora a entrega?"))[0].document_id == "shipping"
    assert (await search(service, unique_name, "what are your opening hours?"))[0].document_id == "horario"
    pdf_hit = (await search(service, unique_name, "quanto custa o plano Brisa Care?"))[0]
    assert pdf_hit.document_id == "care" and pdf_hit.title == "Brisa Care plan" and pdf_hit.section.startswith("page 1")


async def test_unlabelled_documents_are_read_in_the_format_they_show(service: Service, unique_name: str) -> None:
    """A caller that posts a file's contents with no content_type gets the same
    sections, titles and table rows as one that labels it."""
    pdf = make_pdf([["Brisa Care", "", "The Brisa Care plan costs R$ 39 a month."]], title="Brisa Care plan")
    table_md = "# Preços\n\n| modelo | preço |\n|---|---|\n| ZX-550 | R$ 1.200 |\n| QV-7K | R$ 6.900 |\n"
    await ingest(
        service,
        unique_name,
        pb.Document(id="garantia", text=GARANTIA_MD),
        pb.Document(id="shipping", text=SHIPPING_HTML),
        pb.Document(id="precos", text=table_md),
        pb.Document(id="care", text=base64.b64encode(pdf).decode()),
    )
    top = (await search(service, unique_name, "Qual é a garantia do inversor QV-7K?"))[0]
    assert (top.document_id, top.title, top.section) == ("garantia", "Garantia SolarTeste", "Inversores")
    assert "#" not in top.text
    shipping = (await search(service, unique_name, "how long does delivery take?"))[0]
    assert (shipping.document_id, shipping.title, shipping.section) == ("shipping", "Shipping policy", "Delivery times")
    assert "<" not in shipping.text
    prices = (await search(service, unique_name, "preço do QV-7K"))[0]
    assert prices.document_id == "precos" and "---" not in prices.text and "QV-7K" in prices.text
    care = (await search(service, unique_name, "quanto custa o plano Brisa Care?"))[0]
    assert care.document_id == "care" and care.title == "Brisa Care plan"


async def test_product_codes_found_by_the_lexical_route(service: Service, unique_name: str) -> None:
    documents = [
        pb.Document(id=f"p{i}", text=f"Modelo de inversor com potência de {i} kW e garantia de fábrica.")
        for i in range(2, 9)
    ]
    documents.append(pb.Document(id="code", text="O conector MC4-EVO2 acompanha o kit; peça de reposição QX-118."))
    await ingest(service, unique_name, *documents)
    assert (await search(service, unique_name, "QX-118"))[0].document_id == "code"
    assert (await search(service, unique_name, "mc4-evo2", top_k=1))[0].document_id == "code"


async def test_reingest_replaces_chunks_and_delete_removes_them(service: Service, unique_name: str) -> None:
    long_text = "\n\n".join(f"## Seção {i}\n\nConteúdo da seção {i} sobre baterias de lítio." for i in range(6))
    first = await ingest(service, unique_name, pb.Document(id="doc", text=long_text, content_type="text/markdown"))
    assert first.chunk_count == 6
    # Read once before the replacement: a search must never answer with the old text.
    assert "baterias" in (await search(service, unique_name, "baterias de lítio"))[0].text
    again = await ingest(service, unique_name, pb.Document(id="doc", text=long_text, content_type="text/markdown"))
    assert again.chunk_count == 6
    assert await service.knowledge.count(unique_name) == 6

    shorter = await ingest(service, unique_name, pb.Document(id="doc", text="Agora só um parágrafo sobre inversores."))
    assert shorter.chunk_count == 1
    assert await service.knowledge.count(unique_name) == 1
    results = await search(service, unique_name, "baterias de lítio", top_k=10)
    assert [r.chunk_id for r in results] == ["doc#0"]
    assert "inversores" in results[0].text

    deleted = await service.stub.DeleteDocument(pb.DeleteDocumentRequest(collection=unique_name, document_id="doc"))
    assert deleted.chunks_deleted == 1
    assert await search(service, unique_name, "inversores") == []
    again_deleted = await service.stub.DeleteDocument(pb.DeleteDocumentRequest(collection=unique_name, document_id="doc"))
    assert again_deleted.chunks_deleted == 0
    unknown = await service.stub.DeleteDocument(pb.DeleteDocumentRequest(collection="never_created", document_id="x"))
    assert unknown.chunks_deleted == 0


async def test_metadata_filter(service: Service, unique_name: str) -> None:
    await ingest(
        service,
        unique_name,
        pb.Document(id="pt", text="A garantia do inversor é de 10 anos.", metadata={"lang": "pt", "brand": "x"}),
        pb.Document(id="en", text="The inverter warranty is 10 years.", metadata={"lang": "en", "brand": "x"}),
    )
    assert {r.document_id for r in await search(service, unique_name, "garantia do inversor")} == {"pt", "en"}
    assert [r.document_id for r in await search(service, unique_name, "garantia do inversor", lang="en")] == ["en"]
    assert [r.document_id for r in await search(service, unique_name, "warranty", lang="pt", brand="x")] == ["pt"]
    assert await search(service, unique_name, "warranty", lang="es") == []


async def test_stream_ingest(service: Service, unique_name: str) -> None:
    async def requests() -> AsyncIterator[pb.StreamIngestDocumentsRequest]:
        for part in range(4):
            yield pb.StreamIngestDocumentsRequest(
                collection=unique_name if part == 0 else "ignored",
                documents=[pb.Document(id=f"d{part}-{i}", text=f"Documento {part}-{i} sobre energia solar.")
                           for i in range(5)],
            )

    response = await service.stub.StreamIngestDocuments(requests(), timeout=120)
    assert (response.document_count, response.chunk_count) == (20, 20)
    assert await service.knowledge.count(unique_name) == 20
    assert not await asyncio.to_thread(service.knowledge.store.has_collection, "ignored")


async def test_search_does_not_wait_for_an_ingest(service: Service, unique_name: str) -> None:
    """The encoder and pymilvus run in worker threads: a search answers while a
    large ingest is still embedding."""
    await ingest(service, unique_name, pb.Document(id="seed", text="O kit solar residencial tem 10 painéis."))
    big = "\n\n".join(f"Parágrafo {i}: " + "texto sobre instalação de energia solar fotovoltaica. " * 6 for i in range(250))
    ingest_task = asyncio.create_task(ingest(service, unique_name, pb.Document(id="big", text=big)))
    await asyncio.sleep(0.3)
    started = time.perf_counter()
    results = await search(service, unique_name, "quantos painéis tem o kit?")
    search_seconds = time.perf_counter() - started
    assert not ingest_task.done(), "the ingest finished too soon to show anything; make it bigger"
    assert results and results[0].document_id == "seed"
    response = await ingest_task
    assert response.chunk_count > 200
    assert search_seconds < 2.0


async def test_sample_knowledge_base_answers_out_of_the_box(service: Service, sample_loaded: int) -> None:
    assert sample_loaded > 50
    results = await search(service, "", "Meu inversor mostra o erro E-104, o que faço?")
    assert results[0].document_id == "inverter-error-codes"
    assert results[0].source == "sample_kb/inverter-error-codes.md"
    # The chunk that explains the code named is near the top, not its document's
    # other error codes only.
    assert any("E-104" in r.text for r in results[:3])
    english = await search(service, "", "My inverter shows error E-104, what should I do?")
    assert any("E-104" in r.text for r in english[:3])
    results = await search(service, "default", "Can I return the kit if I change my mind?")
    assert "politica-de-trocas-e-devolucoes" in [r.document_id for r in results[:3]]
    assert "Direito de arrependimento" in [r.section for r in results]


async def test_sample_recall_at_5(service: Service, sample_loaded: int) -> None:
    """The labelled questions against the sample knowledge base the service loaded."""

    async def run(query: str) -> list[str]:
        return [p.document_id for p in await service.knowledge.search("default", query, 10)]

    outcomes = await evaluate(load_questions(DEFAULT_QUESTIONS), run)
    assert len(outcomes) >= 60
    assert metrics(outcomes)["recall@5"] >= 0.9


async def test_sample_is_loaded_once(service: Service, sample_loaded: int, embedder: UseEmbedder) -> None:
    """A restart on the same data finds the default collection filled and loads nothing."""
    count = await service.knowledge.count("default")
    assert count == sample_loaded
    # A second server may not open the same Lite folder (one process per folder; here
    # one process, so the same in-process Lite server is reused): it sees the data.
    other = await open_service(
        knowledge_settings(service.settings.milvus_uri, load_sample_kb=True), embedder
    )
    try:
        assert other.mounted.sample_task is not None
        assert await other.mounted.sample_task == 0
        assert await other.knowledge.count("default") == count
    finally:
        await close_service(other)


async def test_sample_built_by_an_older_chunker_is_rebuilt(
    service: Service, sample_loaded: int, embedder: UseEmbedder
) -> None:
    """A store whose sample KB another chunker version built (or one from before the
    label existed) gets the sample re-ingested at start-up, each document replacing
    its old chunks; the next start finds it current."""
    from knowledge_svc.app import SAMPLE_LABEL
    from knowledge_svc.chunking import CHUNKER_VERSION
    from knowledge_svc.stores import read_label, write_label

    store = service.knowledge.store
    name = service.knowledge.collection_name("default")
    assert read_label(store, name, SAMPLE_LABEL) == CHUNKER_VERSION
    write_label(store, name, SAMPLE_LABEL, "")  # as a store from before the label
    other = await open_service(knowledge_settings(service.settings.milvus_uri, load_sample_kb=True), embedder)
    try:
        assert other.mounted.sample_task is not None
        assert await other.mounted.sample_task == sample_loaded
        assert await other.knowledge.count("default") == sample_loaded
        assert read_label(other.knowledge.store, name, SAMPLE_LABEL) == CHUNKER_VERSION
    finally:
        await close_service(other)
    again = await open_service(knowledge_settings(service.settings.milvus_uri, load_sample_kb=True), embedder)
    try:
        assert again.mounted.sample_task is not None
        assert await again.mounted.sample_task == 0
    finally:
        await close_service(again)


async def test_reflection_lists_the_service(service: Service) -> None:
    from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

    stub = reflection_pb2_grpc.ServerReflectionStub(service.channel)

    async def one() -> AsyncIterator[reflection_pb2.ServerReflectionRequest]:
        yield reflection_pb2.ServerReflectionRequest(list_services="")

    names: list[str] = []
    async for reply in stub.ServerReflectionInfo(one()):
        names = [s.name for s in reply.list_services_response.service]
    assert "atende.knowledge.v1.KnowledgeService" in names


async def test_missing_milvus_server_fails_start_up(embedder: UseEmbedder) -> None:
    """A Milvus server that never answers: start-up retries for
    milvus_connect_seconds, then fails loudly instead of serving."""
    settings = knowledge_settings("http://127.0.0.1:9", milvus_timeout_seconds=1.0, milvus_connect_seconds=1.0)
    started = time.perf_counter()
    with pytest.raises(StoreUnavailable):
        await open_service(settings, embedder)
    assert time.perf_counter() - started < 10
