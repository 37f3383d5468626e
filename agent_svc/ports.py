"""What the agents need from outside agent_svc. The gRPC adapters implement these;
the domain never sees a channel."""

from __future__ import annotations

from typing import Protocol

from agent_svc.domain import Embedding, Passage


class KnowledgePort(Protocol):
    async def search(
        self, query: str, collection: str, top_k: int, embedding: Embedding | None = None
    ) -> list[Passage]: ...
