"""The server store (a Milvus server searching with its own hybrid_search) against a
real Milvus server protocol peer: milvus-lite's server mode, started once a session
(conftest.milvus_server_uri). milvus-lite 3.2.2's server mode has every feature the
server store uses: the BM25 function into a sparse vector, SPARSE_INVERTED_INDEX, an
HNSW dense index, hybrid_search with RRFRanker and WeightedRanker, array_contains_all
filters, upsert, delete, count(*) and get by id. What it lacks: it keeps no collection
description (describe_collection answers ""), where the store names the embedding
model that built a collection; the store writes the model in a collection property
too, which it keeps (test_other_embedding_model_is_refused)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Mapping

import numpy as np
import numpy.typing as npt
import pytest
from atende.knowledge.v1 import knowledge_service_pb2 as pb
from knowledge_helpers import close_service, knowledge_settings, open_service

from knowledge_svc.embedding import UseEmbedder
from knowledge_svc.eval.run import DEFAULT_QUESTIONS, evaluate, load_questions, metrics
from knowledge_svc.lexical import lexical_text
from knowledge_svc.stores import ChunkRecord, IncompatibleCollection, StoreOptions, open_store
from knowledge_svc.stores.cached import CachedStore
from knowledge_svc.stores.server import ServerStore

DIMENSION = 8


def vector(*hot: int) -> npt.NDArray[np.float32]:
    """A unit vector along the given axes: closeness the test controls."""
    values = np.zeros(DIMENSION, dtype=np.float32)
    values[list(hot)] = 1.0
    normalised: npt.NDArray[np.float32] = values / np.linalg.norm(values)
    return normalised


def chunk(document_id: str, index: int, text: str, axes: tuple[int, ...], metadata: Mapping[str, str]) -> ChunkRecord:
    return ChunkRecord(
        chunk_id=f"{document_id}#{index}",
        document_id=document_id,
        chunk_index=index,
        title=document_id.title(),
        source=f"{document_id}.md",
        section="",
        text=text,
        search_text=lexical_text(text),
        metadata=metadata,
        vector=vector(*axes),
    )


DOCUMENTS = {
    "panels": [
        chunk("panels", 0, "The ZX-550 panel makes 550 W.", (0,), {"lang": "en"}),
        chunk("panels", 1, "Panels carry a 12 year warranty.", (0, 1), {"lang": "en"}),
    ],
    "bateria": [chunk("bateria", 0, "A bateria QB-10 guarda 10 kWh.", (2,), {"lang": "pt"})],
    "charger": [chunk("charger", 0, "The EV-7 charger fills a car in six hours.", (3,), {"lang": "en"})],
}


@pytest.fixture
def server_store(milvus_server_uri: str, unique_name: str) -> Iterator[ServerStore]:
    store = ServerStore(milvus_server_uri, embedding_name="test-model", dimension=DIMENSION, collection_prefix=unique_name)
    try:
        yield store
    finally:
        store.close()


def test_a_lite_milvus_uri_survives_import_and_open(tmp_path_factory: pytest.TempPathFactory) -> None:
    """pymilvus raises at import on a MILVUS_URI that is not a server URL; the service
    imports it with such a value hidden, and leaves the environment as it found it."""
    uri = str(tmp_path_factory.mktemp("lite-env") / "k.db")
    script = (
        "import os, sys\n"
        "import knowledge_svc.app, knowledge_svc.stores as stores\n"
        "assert 'pymilvus' not in sys.modules, 'imported at module level'\n"
        "store = stores.open_store(stores.StoreOptions(uri=os.environ['MILVUS_URI'], embedding_name='m', dimension=8))\n"
        "store.close()\n"
        "assert 'pymilvus' in sys.modules and os.environ['MILVUS_URI'] == sys.argv[1]\n"
    )
    env = {**os.environ, "MILVUS_URI": uri}
    done = subprocess.run([sys.executable, "-c", script, uri], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]


def test_open_store_chooses_by_uri(milvus_server_uri: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    """An http URI opens the server store (unwrapped by default), a .db path Lite
    wrapped in the row cache; the server store takes the cache when asked."""
    server = open_store(StoreOptions(uri=milvus_server_uri, embedding_name="m", dimension=DIMENSION))
    cached = open_store(StoreOptions(uri=milvus_server_uri, embedding_name="m", dimension=DIMENSION, cache_on_server=True))
    lite = open_store(StoreOptions(uri=str(tmp_path_factory.mktemp("lite") / "k.db"), embedding_name="m", dimension=DIMENSION))
    try:
        assert isinstance(server, ServerStore)
        assert isinstance(cached, CachedStore) and isinstance(cached.inner, ServerStore)
        assert isinstance(lite, CachedStore) and type(lite.inner).__name__ == "LiteStore"
        assert server.ping() and lite.ping()
    finally:
        for store in (server, cached, lite):
            store.close()


def test_ingest_count_and_replace(server_store: ServerStore) -> None:
    store = server_store
    assert not store.has_collection("c") and store.count("c") == 0
    store.ensure_collection("c")
    store.ensure_collection("c")  # a second call finds it
    assert store.has_collection("c")
    assert store.replace_documents("c", DOCUMENTS) == 0
    assert store.count("c") == 4
    # A shorter new version of "panels" replaces both chunks; the stale one goes.
    assert store.replace_documents("c", {"panels": [chunk("panels", 0, "The ZX-600 panel makes 600 W.", (0,), {})]}) == 1
    assert store.count("c") == 3
    hits = store.search("c", vector(0), lexical_text("ZX-600"), 3, {})
    assert hits[0].chunk_id == "panels#0" and "600 W" in hits[0].text and hits[0].source == "panels.md"


def test_hybrid_search_fuses_dense_and_bm25(server_store: ServerStore) -> None:
    """Dense alone ranks by the vector; with text, BM25 lifts the chunk that names the
    product code, and RRF scores show both routes voted."""
    store = server_store
    store.ensure_collection("c")
    store.replace_documents("c", DOCUMENTS)
    # Closest to the battery, then the charger, orthogonal to the panels.
    query = np.array([0, 0, 0.9, 0.3, 0, 0, 0, 0], dtype=np.float32)
    dense_only = store.search("c", query, "", 4, {})
    assert [h.document_id for h in dense_only[:2]] == ["bateria", "charger"]
    both = store.search("c", query, lexical_text("EV-7 charger"), 4, {})
    ranked = [h.chunk_id for h in both]
    assert ranked[:2] == ["bateria#0", "charger#0"] or ranked[:2] == ["charger#0", "bateria#0"]
    charger = next(h for h in both if h.chunk_id == "charger#0")
    assert charger.score == pytest.approx(1 / 61 + 1 / 62, rel=1e-3)  # BM25 rank 1 + dense rank 2
    assert both[0].metadata in ({"lang": "pt"}, {"lang": "en"})


def test_metadata_filter(server_store: ServerStore) -> None:
    store = server_store
    store.ensure_collection("c")
    store.replace_documents("c", DOCUMENTS)
    only_pt = store.search("c", vector(0), lexical_text("panel warranty"), 5, {"lang": "pt"})
    assert [h.document_id for h in only_pt] == ["bateria"]
    assert store.search("c", vector(0), "panel", 5, {"lang": "de"}) == []
    assert store.search("c", vector(0), "", 5, {"lang": 'x"y\\z'}) == []  # quoting survives


def test_delete_and_drop(server_store: ServerStore) -> None:
    store = server_store
    store.ensure_collection("c")
    store.replace_documents("c", DOCUMENTS)
    assert store.delete_document("c", "panels") == 2
    assert store.delete_document("c", "panels") == 0
    assert store.delete_document("absent", "panels") == 0
    assert store.count("c") == 2
    assert all(h.document_id != "panels" for h in store.search("c", vector(0), "ZX-550", 5, {}))
    store.drop_collection("c")
    assert not store.has_collection("c")


def test_weighted_ranker(milvus_server_uri: str, unique_name: str) -> None:
    store = ServerStore(
        milvus_server_uri, embedding_name="m", dimension=DIMENSION, collection_prefix=unique_name, ranker="weighted",
        dense_weight=1.0,
    )
    try:
        store.ensure_collection("c")
        store.replace_documents("c", DOCUMENTS)
        # All the weight on the dense route: the BM25 match on "charger" does not count.
        hits = store.search("c", vector(2), lexical_text("EV-7 charger"), 2, {})
        assert hits[0].document_id == "bateria"
        # No keywords left (only function words): the dense route alone, one weight.
        alone = store.search("c", vector(2), "", 2, {})
        assert alone[0].document_id == "bateria"
        # Ranked by document: the scores a search returns never rise down the list.
        scores = [h.score for h in store.search("c", vector(0), lexical_text("panel warranty"), 4, {})]
        assert scores == sorted(scores, reverse=True)
    finally:
        store.close()


def test_other_dimension_is_refused(server_store: ServerStore, milvus_server_uri: str, unique_name: str) -> None:
    server_store.ensure_collection("c")
    other = ServerStore(milvus_server_uri, embedding_name="test-model", dimension=16, collection_prefix=unique_name)
    try:
        with pytest.raises(IncompatibleCollection):
            other.has_collection("c")
    finally:
        other.close()


def test_other_embedding_model_is_refused(server_store: ServerStore, milvus_server_uri: str, unique_name: str) -> None:
    """milvus-lite keeps no collection description: the model is checked through the
    collection property the store also writes."""
    server_store.ensure_collection("c")
    other = ServerStore(milvus_server_uri, embedding_name="another-model", dimension=DIMENSION, collection_prefix=unique_name)
    try:
        with pytest.raises(IncompatibleCollection, match="another embedding model"):
            other.ensure_collection("c")
    finally:
        other.close()


def test_lite_store_refuses_another_model_too(tmp_path_factory: pytest.TempPathFactory) -> None:
    uri = str(tmp_path_factory.mktemp("lite-model") / "k.db")
    first = open_store(StoreOptions(uri=uri, embedding_name="model-a", dimension=DIMENSION))
    first.ensure_collection("c")
    first.close()
    second = open_store(StoreOptions(uri=uri, embedding_name="model-b", dimension=DIMENSION))
    try:
        with pytest.raises(IncompatibleCollection, match="model-a"):
            second.has_collection("c")
    finally:
        second.close()


def test_row_cache_around_the_server_store(server_store: ServerStore) -> None:
    """The cache serves passages it holds and drops them on every write through it."""
    store = CachedStore(server_store, rows=100)
    store.ensure_collection("c")
    store.replace_documents("c", DOCUMENTS)
    first = store.search("c", vector(3), "charger", 1, {})
    assert first[0].chunk_id == "charger#0"
    assert store.search("c", vector(3), "charger", 1, {}) == first
    store.replace_documents("c", {"charger": [chunk("charger", 0, "The EV-9 charger is faster.", (3,), {})]})
    assert "EV-9" in store.search("c", vector(3), "charger", 1, {})[0].text
    assert store.delete_document("c", "charger") == 1
    assert all(h.document_id != "charger" for h in store.search("c", vector(3), "charger", 3, {}))


async def test_service_on_a_milvus_server(milvus_server_uri: str, unique_name: str, embedder: UseEmbedder) -> None:
    """knowledge_svc over gRPC on the server store: the sample knowledge base loads on
    the first start, the labelled questions reach the same recall as with Lite, and
    ingest, filtered search and delete answer as they do there."""
    settings = knowledge_settings(milvus_server_uri, collection_prefix=unique_name, load_sample_kb=True)
    service = await open_service(settings, embedder)
    try:
        assert service.mounted.sample_task is not None and await service.mounted.sample_task > 0

        async def run(query: str) -> list[str]:
            return [p.document_id for p in await service.knowledge.search("default", query, 10)]

        outcomes = await evaluate(load_questions(DEFAULT_QUESTIONS), run)
        assert metrics(outcomes)["recall@5"] >= 0.9

        documents = [
            pb.Document(id="paineis", title="Painéis", text="O painel ZX-550 tem 12 anos de garantia.", metadata={"lang": "pt"}),
            pb.Document(id="battery", title="Battery", text="The QB-10 battery stores 10 kWh.", metadata={"lang": "en"}),
        ]
        ingested = await service.stub.IngestDocuments(pb.IngestDocumentsRequest(collection="c", documents=documents))
        assert list(ingested.document_ids) == ["paineis", "battery"]
        found = await service.stub.SearchKnowledge(pb.SearchKnowledgeRequest(collection="c", query="garantia do ZX-550"))
        assert found.results[0].document_id == "paineis" and found.results[0].title == "Painéis"
        english = await service.stub.SearchKnowledge(
            pb.SearchKnowledgeRequest(collection="c", query="garantia", metadata_filter={"lang": "en"})
        )
        assert [r.document_id for r in english.results] == ["battery"]
        deleted = await service.stub.DeleteDocument(pb.DeleteDocumentRequest(collection="c", document_id="paineis"))
        assert deleted.chunks_deleted == 1
        assert await service.knowledge.count("c") == 1
    finally:
        await close_service(service)
