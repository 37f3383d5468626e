"""What the turn needs from memory_svc and agent_svc. The gRPC adapters in
clients.py implement these; the domain never sees a channel. The turn never calls
integrations_svc: its actions are stored with it and memory_svc's relay delivers
them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Protocol

from atende.agent.v1 import agent_service_pb2 as apb
from atende.common.v1 import types_pb2
from atende.memory.v1 import memory_service_pb2 as mpb


class MemoryPort(Protocol):
    async def lookup_turn(self, conversation_id: str, client_message_id: str) -> mpb.LookupTurnResponse: ...

    async def get_context(
        self, conversation_id: str, max_messages: int, client_message_id: str = ""
    ) -> mpb.GetContextResponse:
        """With a client_message_id, the response's `turn` also says whether that turn
        is already stored (with its messages; the context is then left empty)."""
        ...

    async def append(self, request: mpb.AppendMessagesRequest) -> mpb.AppendMessagesResponse: ...

    async def get_conversation(self, conversation_id: str) -> mpb.GetConversationResponse: ...

    def watch_owner(self, conversation_id: str) -> AsyncIterator[types_pb2.ConversationOwner]:
        """The conversation's owner now, then after each change, until cancelled."""
        ...


class AgentPort(Protocol):
    async def generate(self, request: apb.GenerateReplyRequest) -> apb.GenerateReplyResponse: ...

    def stream(self, request: apb.GenerateReplyRequest) -> AsyncIterator[apb.StreamReplyResponse]: ...
