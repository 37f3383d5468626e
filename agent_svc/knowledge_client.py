"""knowledge_svc over gRPC, as the agents' KnowledgePort. Retrieval failing must not
fail the turn: the agent answers without passages and says so. After a failure the
client skips knowledge_svc for a short cool-down instead of making every turn wait
for the same error."""

from __future__ import annotations

import logging
import time

import grpc
from atende.knowledge.v1 import knowledge_service_pb2 as kpb
from atende.knowledge.v1 import knowledge_service_pb2_grpc as kgrpc

from agent_svc.domain import Embedding, Passage
from atende_guardrails.passages import screen_passage

log = logging.getLogger("atende.agent.knowledge")


class GrpcKnowledge:
    def __init__(self, channel: grpc.aio.Channel | None, timeout: float, cooldown_seconds: float = 2.0) -> None:
        self.stub: kgrpc.KnowledgeServiceAsyncStub | None = None
        if channel is not None:
            self.stub = kgrpc.KnowledgeServiceStub(channel)
        self.timeout = timeout
        self.cooldown = cooldown_seconds
        self._open_until = 0.0

    async def search(
        self, query: str, collection: str, top_k: int, embedding: Embedding | None = None
    ) -> list[Passage]:
        if self.stub is None or time.monotonic() < self._open_until:
            return []
        request = kpb.SearchKnowledgeRequest(collection=collection, query=query[:2000], top_k=top_k)
        if embedding is not None:
            request.query_embedding.model = embedding.model
            request.query_embedding.values.extend(embedding.values)
        try:
            response = await self.stub.SearchKnowledge(
                request,
                timeout=self.timeout,
                wait_for_ready=False,
            )
        except grpc.aio.AioRpcError as error:
            if error.code() in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED):
                self._open_until = time.monotonic() + self.cooldown
            log.warning("knowledge search failed", extra={"code": error.code().name, "collection": collection})
            return []
        passages = []
        for r in response.results:
            # Retrieved text is data: sentences that instruct the assistant are dropped (indirect injection).
            text, kinds = screen_passage(r.text)
            if kinds:
                log.warning("instructions removed from a retrieved passage",
                            extra={"document_id": r.document_id, "kinds": sorted(set(kinds))})
            if text:
                passages.append(Passage(r.document_id, r.title, r.source, text, r.score, r.section))
        return passages
