"""What the orchestrator needs from memory_svc, agent_svc and integrations_svc.
The gRPC adapters in clients.py implement these; the domain never sees a channel."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Protocol

from atende.agent.v1 import agent_service_pb2 as apb
from atende.common.v1 import types_pb2
from atende.integrations.v1 import integrations_service_pb2 as ipb
from atende.memory.v1 import memory_service_pb2 as mpb


class MemoryPort(Protocol):
    async def lookup_turn(self, conversation_id: str, client_message_id: str) -> mpb.LookupTurnResponse: ...

    async def get_context(self, conversation_id: str, max_messages: int) -> mpb.GetContextResponse: ...

    async def append(self, request: mpb.AppendMessagesRequest) -> mpb.AppendMessagesResponse: ...

    async def get_conversation(self, conversation_id: str) -> mpb.GetConversationResponse: ...

    async def record_interaction(self, interaction: mpb.Interaction) -> None: ...


class LeadPort(Protocol):
    async def upsert_lead(self, lead: types_pb2.Lead) -> types_pb2.Lead: ...


class AgentPort(Protocol):
    async def generate(self, request: apb.GenerateReplyRequest) -> apb.GenerateReplyResponse: ...

    def stream(self, request: apb.GenerateReplyRequest) -> AsyncIterator[apb.StreamReplyResponse]: ...


class IntegrationsPort(Protocol):
    async def sync_lead(self, request: ipb.SyncLeadRequest) -> None: ...

    async def send_email(self, request: ipb.SendEmailRequest) -> None: ...

    async def book_meeting(self, request: ipb.BookMeetingRequest) -> None: ...
