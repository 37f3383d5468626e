"""Thin gRPC layer of router_svc: protobuf in, turn or query call, protobuf out. The
turn's LLM time and cost leave as trailing metadata (atende-llm-ms,
atende-llm-calls, atende-cost-usd) for callers and benchmarks."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import grpc
from atende.common.v1 import types_pb2
from atende.conversation.v1 import conversation_service_pb2 as pb
from atende.conversation.v1 import conversation_service_pb2_grpc as pb_grpc

from atende_runtime.identity import Caller, Role
from router_svc.queries import Queries
from router_svc.turn import TurnService
from router_svc.validation import TurnRequest

Context = grpc.aio.ServicerContext[Any, Any]


def _turn(request: pb.SendMessageRequest | pb.StreamMessageRequest, context: Context) -> TurnRequest:
    caller = Caller.from_metadata(context.invocation_metadata())
    user_id = request.user_id
    if caller.role is Role.CUSTOMER:
        # A customer channel speaks for its own user in its own conversation.
        caller.check_conversation(request.conversation_id)
        user_id = caller.acting_as(user_id, "user_id")
    return TurnRequest(
        conversation_id=request.conversation_id,
        user_id=user_id,
        text=request.text,
        channel=request.channel,
        client_message_id=request.client_message_id,
        metadata=dict(request.metadata),
    )


class ConversationServicer(pb_grpc.ConversationServiceServicer):
    def __init__(self, turns: TurnService, queries: Queries) -> None:
        self.turns = turns
        self.queries = queries

    async def SendMessage(self, request: pb.SendMessageRequest, context: Context) -> pb.SendMessageResponse:
        outcome = await self.turns.send(_turn(request, context))
        usage = outcome.usage
        if usage is not None and usage.calls:
            # For gRPC callers and benchmarks: the turn's time with LLM providers and its cost.
            context.set_trailing_metadata((
                ("atende-llm-ms", f"{usage.llm_ms:.2f}"),
                ("atende-llm-calls", str(usage.calls)),
                ("atende-cost-usd", f"{usage.cost_usd:.6f}"),
            ))
        return outcome.response

    async def StreamMessage(
        self, request: pb.StreamMessageRequest, context: Context
    ) -> AsyncIterator[pb.StreamMessageResponse]:
        pieces = await self.turns.stream(_turn(request, context))
        async for piece in pieces:
            yield piece

    async def GetConversation(self, request: pb.GetConversationRequest, context: Context) -> types_pb2.Conversation:
        Caller.from_metadata(context.invocation_metadata()).check_conversation(request.conversation_id)
        return await self.queries.get_conversation(request.conversation_id)

    async def ClassifyIntent(self, request: pb.ClassifyIntentRequest, context: Context) -> pb.ClassifyIntentResponse:
        decision = await self.queries.classify(request.text, request.conversation_id)
        return pb.ClassifyIntentResponse(
            agent=decision.agent, intent=decision.intent, confidence=decision.confidence, strategy=decision.strategy
        )

    async def CheckGuardrails(self, request: pb.CheckGuardrailsRequest, context: Context) -> pb.CheckGuardrailsResponse:
        result = await self.queries.check_guardrails(request.text, request.stage)
        return pb.CheckGuardrailsResponse(
            allowed=result.allowed,
            findings=[pb.GuardrailFinding(check=f.check, kind=f.kind, start=f.start, end=f.end) for f in result.findings],
            redacted_text=result.redacted_text,
        )
