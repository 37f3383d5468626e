"""knowledge_svc over gRPC, as the agents' KnowledgePort. Retrieval failing must not
fail the turn: the agent answers without passages and says so."""

from __future__ import annotations

import logging

import grpc
from atende.knowledge.v1 import knowledge_service_pb2 as kpb
from atende.knowledge.v1 import knowledge_service_pb2_grpc as kgrpc

from agent_svc.domain import Passage

log = logging.getLogger("atende.agent.knowledge")


class GrpcKnowledge:
    def __init__(self, channel: grpc.aio.Channel, timeout: float) -> None:
        self.stub = kgrpc.KnowledgeServiceStub(channel)
        self.timeout = timeout

    async def search(self, query: str, collection: str, top_k: int) -> list[Passage]:
        try:
            response = await self.stub.SearchKnowledge(
                kpb.SearchKnowledgeRequest(collection=collection, query=query, top_k=top_k), timeout=self.timeout
            )
        except grpc.aio.AioRpcError as error:
            log.warning("knowledge search failed", extra={"code": error.code().name})
            return []
        return [
            Passage(r.document_id, r.title, r.source, r.text, r.score) for r in response.results
        ]
