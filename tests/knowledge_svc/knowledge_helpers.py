"""Starting and stopping knowledge_svc in-process for the tests, and small invented KBs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import grpc
from atende.knowledge.v1 import knowledge_service_pb2 as pb
from atende.knowledge.v1 import knowledge_service_pb2_grpc as pb_grpc

from atende_runtime.server import RunningServer, start
from knowledge_svc.app import KnowledgeMounted, setup
from knowledge_svc.embedding import Embedder
from knowledge_svc.knowledge import KnowledgeBase
from knowledge_svc.settings import Settings


@dataclass
class Service:
    running: RunningServer
    settings: Settings
    channel: grpc.aio.Channel
    stub: pb_grpc.KnowledgeServiceStub

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.running.port}"

    @property
    def mounted(self) -> KnowledgeMounted:
        assert isinstance(self.running.mounted, KnowledgeMounted)
        return self.running.mounted

    @property
    def knowledge(self) -> KnowledgeBase:
        assert self.mounted.knowledge is not None
        return self.mounted.knowledge


def knowledge_settings(milvus_uri: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "milvus_uri": milvus_uri,
        "port": 0,
        "health_interval_seconds": 0.2,
        "load_sample_kb": False,
        "shutdown_grace_seconds": 1.0,
        # No audit trail: nothing here may reach a memory_svc that happens to run on this machine.
        "memory_addr": "",
    }
    values.update(overrides)
    return Settings(**values)


async def open_service(settings: Settings, embedder: Embedder) -> Service:
    running = await start(settings, lambda server: setup(server, settings, embedder))
    channel = grpc.aio.insecure_channel(f"127.0.0.1:{running.port}")
    return Service(running, settings, channel, pb_grpc.KnowledgeServiceStub(channel))


async def close_service(service: Service) -> None:
    await service.channel.close()
    await service.running.stop(0.5)


async def ingest_plain(service: Service, collection: str, documents: Mapping[str, tuple[str, str]]) -> str:
    """Ingests {id: (title, text)} as plain-text documents into `collection`; returns its name."""
    request = pb.IngestDocumentsRequest(collection=collection, documents=[
        pb.Document(id=key, title=title, text=text, content_type="text/plain") for key, (title, text) in documents.items()])
    response = await service.stub.IngestDocuments(request, timeout=60)
    assert len(response.document_ids) == len(documents)
    return collection


async def document_ids(service: Service, collection: str, query: str, top_k: int = 4) -> list[str]:
    """The document ids of a search's results, best first."""
    response = await service.stub.SearchKnowledge(
        pb.SearchKnowledgeRequest(collection=collection, query=query, top_k=top_k), timeout=30)
    return [result.document_id for result in response.results]
