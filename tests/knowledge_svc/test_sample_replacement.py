"""The sample knowledge base is a demo: the business's own documents, ingested into the
default collection, replace it, and no restart brings it back (KNOWLEDGE_KEEP_SAMPLE_KB
keeps it). Real model, real Milvus Lite; a two-document invented sample."""

from __future__ import annotations

from pathlib import Path

import grpc
import pytest
from atende.knowledge.v1 import knowledge_service_pb2 as pb
from knowledge_helpers import close_service, document_ids, knowledge_settings, open_service

from knowledge_svc.embedding import UseEmbedder

SAMPLE = {
    "garantia-demo.md": "# Garantia DemoSol\n\nOs painéis DemoSol têm 12 anos de garantia.\n",
    "precos-demo.md": "# Preços DemoSol\n\nO kit DemoSol custa R$ 9.900 à vista.\n",
}


def _sample_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "sample"
    folder.mkdir()
    for name, text in SAMPLE.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


OWN = pb.Document(id="garantia-bike", title="Garantia", text="As bicicletas Pedal+ têm 2 anos de garantia no quadro.")


async def test_the_business_documents_replace_the_sample_for_good(tmp_path: Path, embedder: UseEmbedder) -> None:
    settings = knowledge_settings(str(tmp_path / "kb.db"), load_sample_kb=True, sample_kb_dir=_sample_folder(tmp_path))
    service = await open_service(settings, embedder)
    try:
        assert service.mounted.sample_task is not None and await service.mounted.sample_task > 0
        assert "garantia-demo" in await document_ids(service, "default", "qual a garantia?")
        # a refused ingest deletes nothing
        with pytest.raises(grpc.aio.AioRpcError):
            await service.stub.IngestDocuments(pb.IngestDocumentsRequest(documents=[pb.Document(id="x")]), timeout=30)
        assert "garantia-demo" in await document_ids(service, "default", "qual a garantia?")
        await service.stub.IngestDocuments(pb.IngestDocumentsRequest(documents=[OWN]), timeout=60)
        assert await document_ids(service, "default", "qual a garantia?", top_k=10) == ["garantia-bike"]
        # only the business's document is left
        assert await service.knowledge.count("default") == 1
    finally:
        await close_service(service)
    again = await open_service(settings, embedder)
    try:
        assert again.mounted.sample_task is not None and await again.mounted.sample_task == 0
        assert await document_ids(again, "default", "qual a garantia?", top_k=10) == ["garantia-bike"]
        # the business empties its collection: the demo does not come back either
        await again.stub.DeleteDocument(pb.DeleteDocumentRequest(document_id="garantia-bike"), timeout=30)
    finally:
        await close_service(again)
    emptied = await open_service(settings, embedder)
    try:
        assert emptied.mounted.sample_task is not None and await emptied.mounted.sample_task == 0
        assert await emptied.knowledge.count("default") == 0
    finally:
        await close_service(emptied)


async def test_the_sample_can_be_kept_and_other_collections_leave_it_alone(tmp_path: Path, embedder: UseEmbedder) -> None:
    settings = knowledge_settings(str(tmp_path / "kb.db"), load_sample_kb=True, sample_kb_dir=_sample_folder(tmp_path),
                                  keep_sample_kb=True)
    service = await open_service(settings, embedder)
    try:
        assert service.mounted.sample_task is not None
        await service.mounted.sample_task
        await service.stub.IngestDocuments(pb.IngestDocumentsRequest(collection="faq", documents=[OWN]), timeout=60)
        await service.stub.IngestDocuments(pb.IngestDocumentsRequest(documents=[OWN]), timeout=60)
        assert set(await document_ids(service, "default", "qual a garantia?", top_k=10)) == {
            "garantia-bike", "garantia-demo", "precos-demo"}
    finally:
        await close_service(service)
