"""Thin gRPC servicers: protobuf in, domain call, protobuf out (the translation
lives in convert.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import grpc
from atende.common.v1 import types_pb2
from atende.memory.v1 import memory_service_pb2 as pb
from atende.memory.v1 import memory_service_pb2_grpc as pb_grpc

from atende_runtime.identity import Caller
from memory_svc.codec import message_pb
from memory_svc.convert import (
    _fill,
    _lead_input,
    _summary_pb,
    append_request,
    conversation_pb,
    crm_status_name,
    handoff_pb,
    interaction_input,
    interaction_pb,
    lead_pb,
    owner_pb,
)
from memory_svc.convert_subjects import delete_response, erasure_pb, export_response
from memory_svc.handoffs import Handoffs
from memory_svc.models import LeadFilter
from memory_svc.service import Memory

Ctx = grpc.aio.ServicerContext[Any, Any]


class MemoryServicer(pb_grpc.MemoryServiceServicer):
    def __init__(self, memory: Memory) -> None:
        self.memory = memory

    async def AppendMessages(self, request: pb.AppendMessagesRequest, context: Ctx) -> pb.AppendMessagesResponse:
        result = await self.memory.append(append_request(request))
        response = pb.AppendMessagesResponse(replayed=result.replayed)
        if result.info is not None:
            response.owner.CopyFrom(owner_pb(result.info.owner_kind, result.info.owner_id, result.info.owner_since))
        if result.lead is not None:
            response.lead.CopyFrom(lead_pb(result.lead))
        if result.encoded:
            _fill(response.messages, [], result.encoded)
        else:
            _fill(response.messages, result.messages, [])
        return response

    async def GetConversation(self, request: pb.GetConversationRequest, context: Ctx) -> pb.GetConversationResponse:
        conversation = await self.memory.get_conversation(request.conversation_id)
        return pb.GetConversationResponse(conversation=conversation_pb(conversation))

    async def GetContext(self, request: pb.GetContextRequest, context: Ctx) -> pb.GetContextResponse:
        ctx = await self.memory.get_context(request.conversation_id, request.max_messages, request.client_message_id)
        if ctx.turn:
            return pb.GetContextResponse(
                turn=pb.LookupTurnResponse(found=True, messages=[message_pb(m) for m in ctx.turn])
            )
        if not ctx.found:
            return pb.GetContextResponse(found=False, turn=None if ctx.turn is None else pb.LookupTurnResponse())
        response = pb.GetContextResponse(
            found=True,
            user_id=ctx.user_id,
            agent=ctx.agent,
            summary=ctx.summary,
            message_count=ctx.message_count,
            lead=lead_pb(ctx.lead) if ctx.lead else None,
            owner=owner_pb(ctx.owner_kind, ctx.owner_id, ctx.owner_since),
            turn=None if ctx.turn is None else pb.LookupTurnResponse(),
        )
        _fill(response.messages, ctx.messages, ctx.encoded)
        return response

    async def WatchOwner(self, request: pb.WatchOwnerRequest, context: Ctx) -> AsyncIterator[pb.WatchOwnerResponse]:
        async for owner in self.memory.watch_owner(request.conversation_id):
            yield pb.WatchOwnerResponse(owner=owner_pb(owner.kind, owner.owner_id, owner.since))

    async def LookupTurn(self, request: pb.LookupTurnRequest, context: Ctx) -> pb.LookupTurnResponse:
        messages = await self.memory.lookup_turn(request.conversation_id, request.client_message_id)
        return pb.LookupTurnResponse(found=bool(messages), messages=[message_pb(m) for m in messages])

    async def ListConversations(
        self, request: pb.ListConversationsRequest, context: Ctx
    ) -> pb.ListConversationsResponse:
        page = await self.memory.list_conversations(request.user_id, request.page_size, request.page_token)
        return pb.ListConversationsResponse(
            conversations=[_summary_pb(c) for c in page.items], next_page_token=page.next_page_token
        )

    async def RecordInteraction(
        self, request: pb.RecordInteractionRequest, context: Ctx
    ) -> pb.RecordInteractionResponse:
        stored = await self.memory.record_interaction(interaction_input(request.interaction))
        return pb.RecordInteractionResponse(interaction=interaction_pb(stored))


class LeadServicer(pb_grpc.LeadServiceServicer):
    def __init__(self, memory: Memory) -> None:
        self.memory = memory

    async def UpsertLead(self, request: pb.UpsertLeadRequest, context: Ctx) -> pb.UpsertLeadResponse:
        lead = request.lead
        stored, created = await self.memory.upsert_lead(
            _lead_input(
                lead,
                user_id=lead.user_id,
                source=lead.source,
                crm_status=crm_status_name(lead.crm_status),
                crm_id=lead.crm_id,
                crm_error=lead.crm_error,
                conversation_id=lead.conversation_id,
            )
        )
        return pb.UpsertLeadResponse(lead=lead_pb(stored), created=created)

    async def GetLead(self, request: pb.GetLeadRequest, context: Ctx) -> types_pb2.Lead:
        return lead_pb(await self.memory.get_lead(request.lead_id))

    async def ListLeads(self, request: pb.ListLeadsRequest, context: Ctx) -> pb.ListLeadsResponse:
        page = await self.memory.list_leads(
            request.page_size,
            request.page_token,
            LeadFilter(
                min_score=request.min_score,
                max_score=request.max_score,
                crm_status=crm_status_name(request.crm_status),
            ),
        )
        return pb.ListLeadsResponse(leads=[lead_pb(lead) for lead in page.items], next_page_token=page.next_page_token)


class SubjectServicer(pb_grpc.SubjectServiceServicer):
    def __init__(self, memory: Memory) -> None:
        self.memory = memory

    async def DeleteSubject(self, request: pb.DeleteSubjectRequest, context: Ctx) -> pb.DeleteSubjectResponse:
        return delete_response(await self.memory.erase_subject(request.user_id))

    async def ExportSubject(self, request: pb.ExportSubjectRequest, context: Ctx) -> pb.ExportSubjectResponse:
        return export_response(await self.memory.export_subject(request.user_id))

    async def GetErasure(self, request: pb.GetErasureRequest, context: Ctx) -> pb.Erasure:
        return erasure_pb(await self.memory.get_erasure(request.user_id, request.erasure_id))


def _human_id(claimed: str, context: Ctx) -> str:
    # A person answers as the identity in their credential, never as a body field says.
    return Caller.from_metadata(context.invocation_metadata()).acting_as(claimed, "human_id")


class HandoffServicer(pb_grpc.HandoffServiceServicer):
    def __init__(self, handoffs: Handoffs) -> None:
        self.handoffs = handoffs

    async def ListHandoffs(self, request: pb.ListHandoffsRequest, context: Ctx) -> pb.ListHandoffsResponse:
        page = await self.handoffs.list(request.queue, request.include_claimed, request.page_size, request.page_token)
        return pb.ListHandoffsResponse(handoffs=[handoff_pb(i) for i in page.items], next_page_token=page.next_page_token)

    async def ClaimConversation(
        self, request: pb.ClaimConversationRequest, context: Ctx
    ) -> pb.ClaimConversationResponse:
        info = await self.handoffs.claim(request.conversation_id, _human_id(request.human_id, context), request.force)
        return pb.ClaimConversationResponse(handoff=handoff_pb(info))

    async def SendHumanMessage(self, request: pb.SendHumanMessageRequest, context: Ctx) -> pb.SendHumanMessageResponse:
        message = await self.handoffs.reply(
            request.conversation_id, _human_id(request.human_id, context), request.text, request.client_message_id
        )
        return pb.SendHumanMessageResponse(message=message_pb(message))

    async def ReturnConversation(
        self, request: pb.ReturnConversationRequest, context: Ctx
    ) -> pb.ReturnConversationResponse:
        info = await self.handoffs.hand_back(
            request.conversation_id, _human_id(request.human_id, context), request.agent, request.note
        )
        return pb.ReturnConversationResponse(handoff=handoff_pb(info))


# protobuf -> domain
