"""The search index knowledge_svc keeps beside Milvus Lite (HNSW + BM25, persisted),
and the precomputed query embedding a caller may send: real model, real Milvus
Lite, over gRPC. What a user notices: results survive a restart, replaced and
deleted documents stay gone after it, a lost or half-written index is rebuilt
from Milvus, and a vector from the router is used (or refused) as the proto says."""

from __future__ import annotations

import math
import shutil
from pathlib import Path
from typing import Any

import grpc
import pytest
from atende.knowledge.v1 import knowledge_service_pb2 as pb
from knowledge_helpers import Service, close_service, knowledge_settings, open_service
from test_knowledge_errors import rpc_error, violations

from knowledge_svc.embedding import UseEmbedder
from knowledge_svc.knowledge import KnowledgeBase

PANELS = pb.Document(
    id="paineis",
    title="Painéis solares",
    text="O painel ZX-550 gera 550 W e tem 12 anos de garantia contra defeitos de fabricação.",
    metadata={"lang": "pt"},
)
BATTERY = pb.Document(
    id="battery",
    title="Home battery",
    text="The QB-10 battery stores 10 kWh and keeps the lights on during a blackout.",
    metadata={"lang": "en"},
)
CHARGER = pb.Document(
    id="charger",
    title="Carregador veicular",
    text="O carregador EV-7 carrega um carro elétrico em seis horas numa tomada de 32 A.",
    metadata={"lang": "pt"},
)


async def search(service: Service, collection: str, query: str, **kwargs: object) -> list[pb.SearchResult]:
    response = await service.stub.SearchKnowledge(
        pb.SearchKnowledgeRequest(collection=collection, query=query, top_k=3, **kwargs),  # type: ignore[arg-type]
        timeout=30,
    )
    return list(response.results)


@pytest.fixture
async def own_service(tmp_path: Path, embedder: UseEmbedder) -> Service:
    """A server on a Milvus Lite folder of its own (restarted by the tests)."""
    return await open_service(knowledge_settings(str(tmp_path / "kb.db")), embedder)


async def test_index_survives_restarts_with_replacements_and_deletions(
    own_service: Service, tmp_path: Path, embedder: UseEmbedder
) -> None:
    service = own_service
    await service.stub.IngestDocuments(pb.IngestDocumentsRequest(collection="c", documents=[PANELS, BATTERY, CHARGER]))
    # A new version of the panel sheet replaces the old words; the charger goes away.
    new_panels = pb.Document(id="paineis", title="Painéis solares", text="O painel ZX-600 gera 600 W.", metadata={"lang": "pt"})
    await service.stub.IngestDocuments(pb.IngestDocumentsRequest(collection="c", documents=[new_panels]))
    await service.stub.DeleteDocument(pb.DeleteDocumentRequest(collection="c", document_id="charger"))
    await close_service(service)

    index_folder = tmp_path / "kb.db.search"
    assert index_folder.is_dir(), "the index lives beside the Lite folder"
    service = await open_service(knowledge_settings(str(tmp_path / "kb.db")), embedder)
    try:
        results = await search(service, "c", "ZX-600")
        assert results[0].document_id == "paineis" and "600 W" in results[0].text
        assert all("ZX-550" not in r.text for r in await search(service, "c", "ZX-550 garantia 12 anos"))
        assert all(r.document_id != "charger" for r in await search(service, "c", "carregador EV-7 carro elétrico"))
        battery = await search(service, "c", "how much energy does the home battery store?")
        assert battery[0].document_id == "battery" and battery[0].metadata["lang"] == "en"
        only_en = await search(service, "c", "painel solar garantia", metadata_filter={"lang": "en"})
        assert [r.document_id for r in only_en] == ["battery"]
    finally:
        await close_service(service)


async def test_lost_or_half_written_index_is_rebuilt_from_milvus(
    own_service: Service, tmp_path: Path, embedder: UseEmbedder
) -> None:
    await own_service.stub.IngestDocuments(pb.IngestDocumentsRequest(collection="c", documents=[PANELS, BATTERY]))
    await close_service(own_service)
    folder = tmp_path / "kb.db.search"

    # Lost: the whole folder (or a collection that predates the index). It is built
    # again at start-up, in the background, not by the first customer's search.
    shutil.rmtree(folder)
    service = await open_service(knowledge_settings(str(tmp_path / "kb.db")), embedder)
    try:
        assert service.mounted.prepare_task is not None
        await service.mounted.prepare_task
        assert any(p.name.endswith("_c") for p in folder.iterdir())
        assert (await search(service, "c", "ZX-550"))[0].document_id == "paineis"
    finally:
        await close_service(service)

    # Half-written: a crash after Milvus took a write and before the index did
    # leaves the mark set; the next start rebuilds rather than trusting it.
    import sqlite3

    rows = next(folder.glob("*/rows.sqlite"))
    with sqlite3.connect(rows) as db:
        db.execute("UPDATE meta SET value = '1' WHERE key = 'dirty'")
        db.execute("DELETE FROM chunks WHERE chunk_id LIKE 'battery#%'")
    service = await open_service(knowledge_settings(str(tmp_path / "kb.db")), embedder)
    try:
        # Dense route only (words that match nothing): the battery is back in the graph.
        vector = embedder.embed_query("home battery for blackouts")
        given = pb.QueryEmbedding(model=embedder.name, values=[float(v) for v in vector])
        assert (await search(service, "c", "xyzzy", query_embedding=given))[0].document_id == "battery"
    finally:
        await close_service(service)


async def test_precomputed_query_embedding(service: Service, unique_name: str, embedder: UseEmbedder) -> None:
    await service.stub.IngestDocuments(
        pb.IngestDocumentsRequest(collection=unique_name, documents=[PANELS, BATTERY, CHARGER])
    )
    # The router's vector of the turn is used: with a query whose words match
    # nothing, the dense route alone finds the battery sheet from the vector.
    vector = embedder.embed_query("quanto de energia a bateria guarda para um apagão?")
    given = pb.QueryEmbedding(model=embedder.name, values=[float(v) for v in vector])
    results = await search(service, unique_name, "xyzzy", query_embedding=given)
    assert results[0].document_id == "battery"

    # Another model's vector is ignored: the service embeds the query itself.
    other = pb.QueryEmbedding(model="some-other-model", values=[0.1] * 7)
    results = await search(service, unique_name, "carregador do carro elétrico", query_embedding=other)
    assert results[0].document_id == "charger"

    # Our model's name with a vector it cannot have produced is the caller's bug.
    short = pb.QueryEmbedding(model=embedder.name, values=[0.1] * 10)
    error = await rpc_error(
        service.stub.SearchKnowledge(
            pb.SearchKnowledgeRequest(collection=unique_name, query="bateria", query_embedding=short)
        )
    )
    assert "512" in violations(error)["query_embedding.values"]
    nan = pb.QueryEmbedding(model=embedder.name, values=[math.nan] + [0.1] * 511)
    error = await rpc_error(
        service.stub.SearchKnowledge(pb.SearchKnowledgeRequest(collection=unique_name, query="bateria", query_embedding=nan))
    )
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "finite" in violations(error)["query_embedding.values"]


async def test_a_search_served_from_memory_matches_and_never_serves_a_replaced_passage(
    service: Service, unique_name: str, embedder: UseEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the caller's vector, a search of passages the service already holds runs
    on the event loop (no worker thread): the same results as the first search, and
    a replaced document's old text is never served from memory."""
    await service.stub.IngestDocuments(
        pb.IngestDocumentsRequest(collection=unique_name, documents=[PANELS, BATTERY, CHARGER])
    )
    vector = embedder.embed_query("quanto tempo leva para carregar o carro elétrico?")
    given = pb.QueryEmbedding(model=embedder.name, values=[float(v) for v in vector])
    query = "carregador do carro elétrico"
    first = await search(service, unique_name, query, query_embedding=given)
    assert first[0].document_id == "charger"

    hops: list[str] = []
    call = KnowledgeBase._call

    async def counted(function: Any, *args: Any, **kwargs: Any) -> Any:
        hops.append(getattr(function, "__name__", "?"))
        return await call(function, *args, **kwargs)

    monkeypatch.setattr(KnowledgeBase, "_call", staticmethod(counted))
    again = await search(service, unique_name, query, query_embedding=given)
    assert [(r.chunk_id, r.text, r.score) for r in again] == [(r.chunk_id, r.text, r.score) for r in first]
    assert hops == []  # served from memory, on the event loop

    newer = pb.Document(id="charger", title="Carregador veicular",
                        text="O carregador EV-9 carrega um carro elétrico em quatro horas numa tomada de 32 A.")
    await service.stub.IngestDocuments(pb.IngestDocumentsRequest(collection=unique_name, documents=[newer]))
    replaced = await search(service, unique_name, query, query_embedding=given)
    assert replaced[0].document_id == "charger" and "EV-9" in replaced[0].text
    assert all("EV-7" not in r.text for r in replaced)
