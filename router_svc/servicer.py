"""Thin gRPC layer of router_svc: protobuf in, orchestrator call, protobuf out."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import grpc
from atende.conversation.v1 import conversation_service_pb2 as pb
from atende.conversation.v1 import conversation_service_pb2_grpc as pb_grpc

from atende_runtime import grpc_errors
from atende_runtime.errors import DomainError
from router_svc.orchestrator import TURN_USAGE, Orchestrator
from router_svc.validation import TurnRequest

Context = grpc.aio.ServicerContext[Any, Any]


def _turn(request: pb.SendMessageRequest | pb.StreamMessageRequest) -> TurnRequest:
    return TurnRequest(
        conversation_id=request.conversation_id,
        user_id=request.user_id,
        text=request.text,
        channel=request.channel,
        client_message_id=request.client_message_id,
        metadata=dict(request.metadata),
    )


class ConversationServicer(pb_grpc.ConversationServiceServicer):
    def __init__(self, orchestrator: Orchestrator) -> None:
        self.orchestrator = orchestrator

    @grpc_errors.unary
    async def SendMessage(self, request: pb.SendMessageRequest, context: Context) -> pb.SendMessageResponse:
        response = await self.orchestrator.send(_turn(request))
        usage = TURN_USAGE.get()
        if usage is not None:
            # For gRPC callers and benchmarks: the turn's time with LLM providers and its cost.
            context.set_trailing_metadata((
                ("atende-llm-ms", f"{usage.llm_ms:.2f}"),
                ("atende-llm-calls", str(usage.calls)),
                ("atende-cost-usd", f"{usage.cost_usd:.6f}"),
            ))
        return response

    async def StreamMessage(
        self, request: pb.StreamMessageRequest, context: Context
    ) -> AsyncIterator[pb.StreamMessageResponse]:
        try:
            pieces = await self.orchestrator.stream(_turn(request))
            async for piece in pieces:
                yield piece
        except DomainError as error:
            await grpc_errors.abort(context, error)

    @grpc_errors.unary
    async def GetConversation(self, request: pb.GetConversationRequest, context: Context) -> pb.Conversation:
        return await self.orchestrator.get_conversation(request.conversation_id)

    @grpc_errors.unary
    async def ClassifyIntent(self, request: pb.ClassifyIntentRequest, context: Context) -> pb.ClassifyIntentResponse:
        decision = await self.orchestrator.classify(request.text, request.conversation_id)
        return pb.ClassifyIntentResponse(
            agent=decision.agent, intent=decision.intent, confidence=decision.confidence, strategy=decision.strategy
        )

    @grpc_errors.unary
    async def CheckGuardrails(self, request: pb.CheckGuardrailsRequest, context: Context) -> pb.CheckGuardrailsResponse:
        result = await self.orchestrator.check_guardrails(request.text, request.stage)
        return pb.CheckGuardrailsResponse(
            allowed=result.allowed,
            findings=[pb.GuardrailFinding(check=f.check, kind=f.kind, start=f.start, end=f.end) for f in result.findings],
            redacted_text=result.redacted_text,
        )
