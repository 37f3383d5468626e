"""Conversation ownership over gRPC: one owner at a time, an AI reply refused while
people hold the conversation, the queue, claim, a person's replies, hand-back, and
the record each change leaves, with Redis and without it."""

from __future__ import annotations

import asyncio

import grpc
import pytest
from atende.common.v1 import types_pb2
from atende.memory.v1 import memory_service_pb2 as pb
from memory_helpers import Service, turn, violations

AGENT_ONLY = [types_pb2.OWNER_KIND_AGENT]


def packet(reason: str = "the customer asked for a person", queue: str = "") -> types_pb2.HandoffPacket:
    return types_pb2.HandoffPacket(
        reason=reason,
        summary="Inverter shows E-104 since yesterday.",
        sentiment="angry",
        qualification=types_pb2.BantQualification(need="inverter repair"),
        citations=[types_pb2.Citation(title="Warranty", source="kb://warranty", document_id="warranty-en")],
        transcript=[types_pb2.TranscriptLine(role="user", text="my e-mail is [EMAIL]")],
        from_agent="support",
        language="en",
        queue=queue,
    )


async def escalate(service: Service, conversation_id: str, *, queue: str = "", user_id: str = "u1") -> pb.AppendMessagesResponse:
    """An AI turn that hands the conversation to the human queue, as the router sends it."""
    request = turn(conversation_id, [("user", "I want to talk to a person!"), ("assistant", "A person will take over.")],
                   user_id=user_id, agent="support")
    request.required_owner_kinds.extend(AGENT_ONLY)
    request.new_owner.CopyFrom(types_pb2.ConversationOwner(kind=types_pb2.OWNER_KIND_HUMAN_QUEUE, id=queue or "default"))
    request.handoff.CopyFrom(packet(queue=queue))
    return await service.memory.AppendMessages(request)


def ai_turn(conversation_id: str, text: str = "Hello?") -> pb.AppendMessagesRequest:
    request = turn(conversation_id, [("user", text), ("assistant", "AI answer")], agent="support")
    request.required_owner_kinds.extend(AGENT_ONLY)
    return request


async def test_new_conversation_is_owned_by_its_agent(service: Service) -> None:
    stored = await service.memory.AppendMessages(ai_turn("c-new"))
    assert stored.owner.kind == types_pb2.OWNER_KIND_AGENT
    context = await service.memory.GetContext(pb.GetContextRequest(conversation_id="c-new"))
    assert context.owner.kind == types_pb2.OWNER_KIND_AGENT


async def test_escalation_puts_the_conversation_in_the_queue_with_its_packet(service: Service) -> None:
    await service.memory.AppendMessages(ai_turn("c-esc"))
    stored = await escalate(service, "c-esc")
    assert stored.owner.kind == types_pb2.OWNER_KIND_HUMAN_QUEUE and stored.owner.since.seconds > 0

    context = await service.memory.GetContext(pb.GetContextRequest(conversation_id="c-esc"))
    assert context.owner.kind == types_pb2.OWNER_KIND_HUMAN_QUEUE
    listed = await service.handoffs.ListHandoffs(pb.ListHandoffsRequest())
    assert [h.conversation_id for h in listed.handoffs] == ["c-esc"]
    handoff = listed.handoffs[0]
    assert handoff.agent == "support" and handoff.user_id == "u1"
    assert handoff.packet.reason == "the customer asked for a person"
    assert handoff.packet.qualification.need == "inverter repair"
    assert handoff.packet.citations[0].document_id == "warranty-en"
    conversation = (await service.memory.GetConversation(pb.GetConversationRequest(conversation_id="c-esc"))).conversation
    assert conversation.handoff.sentiment == "angry"


async def test_ai_reply_is_refused_while_people_own_the_conversation(service: Service) -> None:
    await escalate(service, "c-quiet")
    before = (await service.memory.GetConversation(pb.GetConversationRequest(conversation_id="c-quiet"))).conversation
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.memory.AppendMessages(ai_turn("c-quiet", "still there?"))
    assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert "human queue" in (caught.value.details() or "")
    # Nothing of the refused turn was stored, in PostgreSQL or in what reads return.
    after = (await service.memory.GetConversation(pb.GetConversationRequest(conversation_id="c-quiet"))).conversation
    assert len(after.messages) == len(before.messages)
    rows = await service.sql("SELECT count(*) FROM messages WHERE conversation_id = %s", "c-quiet")
    assert rows[0][0] == len(before.messages)
    # The customer's own message is still taken (no owner required).
    await service.memory.AppendMessages(turn("c-quiet", [("user", "still there?")]))
    latest = (await service.memory.GetConversation(pb.GetConversationRequest(conversation_id="c-quiet"))).conversation
    assert latest.messages[-1].text == "still there?"


async def test_claim_reply_and_hand_back(service: Service) -> None:
    await service.memory.AppendMessages(ai_turn("c-life"))
    await escalate(service, "c-life")

    claim = pb.ClaimConversationRequest(conversation_id="c-life", human_id="ana")
    claimed = (await service.handoffs.ClaimConversation(claim)).handoff
    assert (claimed.owner.kind, claimed.owner.id) == (types_pb2.OWNER_KIND_HUMAN, "ana")
    assert claimed.packet.reason  # the packet stays while a person holds it
    # Claiming twice is harmless; someone else needs force.
    again = await service.handoffs.ClaimConversation(pb.ClaimConversationRequest(conversation_id="c-life", human_id="ana"))
    assert again.handoff.owner.id == "ana"
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.handoffs.ClaimConversation(pb.ClaimConversationRequest(conversation_id="c-life", human_id="bruno"))
    assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION

    # Only the holder replies; a retried reply is stored once.
    sent = await service.handoffs.SendHumanMessage(
        pb.SendHumanMessageRequest(conversation_id="c-life", human_id="ana", text="Hi, Ana here.", client_message_id="h1")
    )
    assert sent.message.role == "human" and sent.message.metadata["human_id"] == "ana"
    await service.handoffs.SendHumanMessage(
        pb.SendHumanMessageRequest(conversation_id="c-life", human_id="ana", text="Hi, Ana here.", client_message_id="h1")
    )
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.handoffs.SendHumanMessage(
            pb.SendHumanMessageRequest(conversation_id="c-life", human_id="bruno", text="Bruno here")
        )
    assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.memory.AppendMessages(ai_turn("c-life"))
    assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION

    # A claimed conversation is listed only on request.
    assert not (await service.handoffs.ListHandoffs(pb.ListHandoffsRequest())).handoffs
    assert len((await service.handoffs.ListHandoffs(pb.ListHandoffsRequest(include_claimed=True))).handoffs) == 1

    returned = (await service.handoffs.ReturnConversation(
        pb.ReturnConversationRequest(conversation_id="c-life", human_id="ana", note="refund approved")
    )).handoff
    assert (returned.owner.kind, returned.owner.id) == (types_pb2.OWNER_KIND_AGENT, "support")
    assert not returned.HasField("packet")
    stored = await service.memory.AppendMessages(ai_turn("c-life", "thanks!"))
    assert stored.owner.kind == types_pb2.OWNER_KIND_AGENT

    conversation = (await service.memory.GetConversation(pb.GetConversationRequest(conversation_id="c-life"))).conversation
    events = [(m.role, m.metadata.get("event", "")) for m in conversation.messages if m.role in ("system", "human")]
    assert events == [("system", "claimed"), ("human", ""), ("system", "returned")]
    assert conversation.messages[-3].metadata["note"] == "refund approved"


async def test_ownership_survives_a_flushed_redis(service: Service) -> None:
    await escalate(service, "c-flush")
    await service.handoffs.ClaimConversation(pb.ClaimConversationRequest(conversation_id="c-flush", human_id="ana"))
    await service.redis.unlink(*await service.keys())
    context = await service.memory.GetContext(pb.GetContextRequest(conversation_id="c-flush"))
    assert (context.owner.kind, context.owner.id) == (types_pb2.OWNER_KIND_HUMAN, "ana")
    # And the cached copy, rebuilt from PostgreSQL, reads the same.
    cached = await service.memory.GetContext(pb.GetContextRequest(conversation_id="c-flush"))
    assert cached.owner == context.owner


async def test_concurrent_ai_replies_and_claims_keep_one_owner(service: Service) -> None:
    # A supervisor forces a claim while the agent's reply is being stored: whichever
    # commits first, no AI message lands after the claim.
    for i in range(6):
        cid = f"c-race-{i}"
        await service.memory.AppendMessages(ai_turn(cid))
        claim = service.handoffs.ClaimConversation(pb.ClaimConversationRequest(conversation_id=cid, human_id="ana", force=True))
        outcomes = await asyncio.gather(claim, service.memory.AppendMessages(ai_turn(cid, "race")), return_exceptions=True)
        assert not isinstance(outcomes[0], BaseException)
        conversation = (await service.memory.GetConversation(pb.GetConversationRequest(conversation_id=cid))).conversation
        roles = [m.role for m in conversation.messages]
        if isinstance(outcomes[1], BaseException):
            assert isinstance(outcomes[1], grpc.aio.AioRpcError)
            assert outcomes[1].code() == grpc.StatusCode.FAILED_PRECONDITION
            assert roles == ["user", "assistant", "system"]
        else:
            assert roles == ["user", "assistant", "user", "assistant", "system"]
        assert conversation.owner.kind == types_pb2.OWNER_KIND_HUMAN
    # In the queue, concurrent AI replies all lose while a claim wins.
    await escalate(service, "c-race-q")
    results = await asyncio.gather(
        service.handoffs.ClaimConversation(pb.ClaimConversationRequest(conversation_id="c-race-q", human_id="ana")),
        *(service.memory.AppendMessages(ai_turn("c-race-q", f"m{i}")) for i in range(5)),
        return_exceptions=True,
    )
    assert not isinstance(results[0], BaseException)
    assert all(isinstance(r, grpc.aio.AioRpcError) and r.code() == grpc.StatusCode.FAILED_PRECONDITION for r in results[1:])
    conversation = (await service.memory.GetConversation(pb.GetConversationRequest(conversation_id="c-race-q"))).conversation
    assert [m.role for m in conversation.messages] == ["user", "assistant", "system"]


async def test_handoff_pages_and_queues(service: Service) -> None:
    for i in range(5):
        await escalate(service, f"c-page-{i}", queue="billing" if i % 2 else "", user_id=f"u{i}")
    seen: list[str] = []
    token = ""
    while True:
        page = await service.handoffs.ListHandoffs(pb.ListHandoffsRequest(page_size=2, page_token=token))
        seen += [h.conversation_id for h in page.handoffs]
        token = page.next_page_token
        if not token:
            break
    assert seen == [f"c-page-{i}" for i in range(5)]  # oldest hand-off first
    billing = await service.handoffs.ListHandoffs(pb.ListHandoffsRequest(queue="billing"))
    assert [h.conversation_id for h in billing.handoffs] == ["c-page-1", "c-page-3"]
    default = await service.handoffs.ListHandoffs(pb.ListHandoffsRequest(queue="default"))
    assert len(default.handoffs) == 3
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.handoffs.ListHandoffs(pb.ListHandoffsRequest(queue="billing", page_token=token or "forged"))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_bad_handoff_requests(service: Service) -> None:
    await escalate(service, "c-bad")
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.handoffs.ClaimConversation(pb.ClaimConversationRequest(conversation_id="c-bad", human_id=""))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT and "human_id" in violations(caught.value)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.handoffs.ClaimConversation(pb.ClaimConversationRequest(conversation_id="missing", human_id="ana"))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.handoffs.ReturnConversation(pb.ReturnConversationRequest(conversation_id="missing", human_id="ana"))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    await service.handoffs.ClaimConversation(pb.ClaimConversationRequest(conversation_id="c-bad", human_id="ana"))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.handoffs.SendHumanMessage(
            pb.SendHumanMessageRequest(conversation_id="c-bad", human_id="ana", text="x" * 4001)
        )
    assert "text" in violations(caught.value)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.handoffs.ReturnConversation(
            pb.ReturnConversationRequest(conversation_id="c-bad", human_id="ana", agent="Not An Agent!")
        )
    assert "agent" in violations(caught.value)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.handoffs.ReturnConversation(pb.ReturnConversationRequest(conversation_id="c-bad", human_id="bruno"))
    assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    bad_owner = turn("c-bad", [("user", "hi")])
    bad_owner.new_owner.CopyFrom(types_pb2.ConversationOwner(kind=types_pb2.OWNER_KIND_HUMAN))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.memory.AppendMessages(bad_owner)
    assert "new_owner.id" in violations(caught.value)
    # None of this changed who holds the conversation.
    context = await service.memory.GetContext(pb.GetContextRequest(conversation_id="c-bad"))
    assert (context.owner.kind, context.owner.id) == (types_pb2.OWNER_KIND_HUMAN, "ana")


async def test_export_and_erase_include_ownership(integrated_service: Service) -> None:
    service = integrated_service
    await escalate(service, "c-lgpd", user_id="subject-1")
    exported = await service.subjects.ExportSubject(pb.ExportSubjectRequest(user_id="subject-1"))
    assert exported.conversations[0].owner.kind == types_pb2.OWNER_KIND_HUMAN_QUEUE
    assert exported.conversations[0].handoff.reason
    await service.subjects.DeleteSubject(pb.DeleteSubjectRequest(user_id="subject-1"))
    assert not (await service.handoffs.ListHandoffs(pb.ListHandoffsRequest())).handoffs
