"""In-test implementations of router_svc's ports (memory, leads, integrations, a
scripted agent), so the orchestrator's own logic is tested without the databases
other services own. They keep what they were given, for assertions."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from atende.agent.v1 import agent_service_pb2 as apb
from atende.common.v1 import types_pb2
from atende.integrations.v1 import integrations_service_pb2 as ipb
from atende.memory.v1 import memory_service_pb2 as mpb

from atende_runtime.errors import FailedPrecondition, NotFound, Unavailable


@dataclass
class MemoryStore:
    conversations: dict[str, mpb.Conversation] = field(default_factory=dict)
    turns: dict[tuple[str, str], list[types_pb2.Message]] = field(default_factory=dict)
    interactions: list[mpb.Interaction] = field(default_factory=list)
    leads: dict[str, types_pb2.Lead] = field(default_factory=dict)
    upserts: list[types_pb2.Lead] = field(default_factory=list)
    fail_leads: bool = False
    # Who owns each conversation (absent: an agent), as memory_svc keeps it.
    owners: dict[str, types_pb2.ConversationOwner] = field(default_factory=dict)

    def owner(self, conversation_id: str) -> types_pb2.ConversationOwner:
        return self.owners.get(conversation_id, types_pb2.ConversationOwner(kind=types_pb2.OWNER_KIND_AGENT))

    async def lookup_turn(self, conversation_id: str, client_message_id: str) -> mpb.LookupTurnResponse:
        found = self.turns.get((conversation_id, client_message_id))
        return mpb.LookupTurnResponse(found=found is not None, messages=found or [])

    async def get_context(self, conversation_id: str, max_messages: int) -> mpb.GetContextResponse:
        stored = self.conversations.get(conversation_id)
        if stored is None:
            return mpb.GetContextResponse(found=False)
        lead = self.leads.get(stored.user_id)
        return mpb.GetContextResponse(
            found=True, user_id=stored.user_id, agent=stored.agent, messages=list(stored.messages)[-max_messages:],
            message_count=len(stored.messages), lead=lead, owner=self.owner(conversation_id),
        )

    async def append(self, request: mpb.AppendMessagesRequest) -> mpb.AppendMessagesResponse:
        key = (request.conversation_id, request.client_message_id)
        if request.client_message_id and key in self.turns:
            return mpb.AppendMessagesResponse(messages=self.turns[key], replayed=True)
        owner = self.owner(request.conversation_id)
        if request.required_owner_kinds and owner.kind not in request.required_owner_kinds:
            raise FailedPrecondition("the conversation is held by people; nothing was stored")
        if request.HasField("new_owner"):
            self.owners[request.conversation_id] = request.new_owner
        if request.HasField("interaction"):
            self.interactions.append(mpb.Interaction(
                conversation_id=request.conversation_id, user_id=request.user_id,
                user_input=request.interaction.user_input, agent_response=request.interaction.agent_response,
                agent=request.interaction.agent, metadata=request.interaction.metadata,
            ))
        stored = self.conversations.setdefault(
            request.conversation_id,
            mpb.Conversation(conversation_id=request.conversation_id, user_id=request.user_id, channel=request.channel),
        )
        stored.agent = request.agent
        messages = []
        for new in request.messages:
            message = types_pb2.Message(
                message_id=uuid.uuid4().hex, conversation_id=request.conversation_id, role=new.role, text=new.text,
                agent=new.agent, channel=request.channel, intent=new.intent, metadata=dict(new.metadata),
                citations=new.citations, client_message_id=request.client_message_id,
            )
            message.create_time.GetCurrentTime()
            messages.append(message)
        stored.messages.extend(messages)
        if request.client_message_id:
            self.turns[key] = messages
        return mpb.AppendMessagesResponse(messages=messages, owner=self.owner(request.conversation_id))

    async def get_conversation(self, conversation_id: str) -> mpb.GetConversationResponse:
        if conversation_id not in self.conversations:
            raise NotFound(f"conversation {conversation_id} not found")
        return mpb.GetConversationResponse(conversation=self.conversations[conversation_id])

    async def record_interaction(self, interaction: mpb.Interaction) -> None:
        self.interactions.append(interaction)

    async def upsert_lead(self, lead: types_pb2.Lead) -> types_pb2.Lead:
        if self.fail_leads:
            raise Unavailable("memory_svc is unavailable")
        self.upserts.append(lead)
        stored = self.leads.setdefault(lead.user_id, types_pb2.Lead(lead_id=uuid.uuid4().hex, user_id=lead.user_id))
        for name in ("name", "email", "phone", "company", "source", "conversation_id"):
            if getattr(lead, name):
                setattr(stored, name, getattr(lead, name))
        if lead.score:
            stored.score = lead.score
        stored.crm_status = stored.crm_status or "new"
        return stored


@dataclass
class Integrations:
    calls: list[tuple[str, object]] = field(default_factory=list)
    fail: bool = False

    async def _record(self, kind: str, request: object) -> None:
        if self.fail:
            raise Unavailable("integrations_svc is unavailable")
        self.calls.append((kind, request))

    async def sync_lead(self, request: ipb.SyncLeadRequest) -> None:
        await self._record("sync_lead", request)

    async def send_email(self, request: ipb.SendEmailRequest) -> None:
        await self._record("send_email", request)

    async def book_meeting(self, request: ipb.BookMeetingRequest) -> None:
        await self._record("book_meeting", request)


@dataclass
class ScriptedAgents:
    """An agent port that answers with a fixed reply (to drive the output checks)."""

    reply: apb.GenerateReplyResponse
    requests: list[apb.GenerateReplyRequest] = field(default_factory=list)
    chunk_sentences: bool = True

    async def generate(self, request: apb.GenerateReplyRequest) -> apb.GenerateReplyResponse:
        self.requests.append(request)
        return self.reply

    async def stream(self, request: apb.GenerateReplyRequest) -> AsyncIterator[apb.StreamReplyResponse]:
        self.requests.append(request)
        text = self.reply.text
        step = 7
        for start in range(0, len(text), step):
            yield apb.StreamReplyResponse(delta=text[start : start + step])
        yield apb.StreamReplyResponse(final=self.reply)
