"""Conversations over gRPC: append, read, context, idempotency, ordering, validation, pages."""

from __future__ import annotations

import asyncio

import grpc
import pytest
from atende.common.v1 import types_pb2
from atende.memory.v1 import memory_service_pb2 as pb
from memory_helpers import Service, turn, violations


async def test_append_then_read_keeps_every_field(service: Service) -> None:
    request = pb.AppendMessagesRequest(
        conversation_id="conv-1",
        user_id="u1",
        channel="whatsapp",
        client_message_id="turn-1",
        agent="sales",
        messages=[
            pb.NewMessage(
                role="user",
                text="Quanto custa o kit solar?",
                intent=types_pb2.Intent(name="pricing", confidence=0.75, agent="sales", strategy="keywords"),
                metadata={"lang": "pt"},
            ),
            pb.NewMessage(
                role="assistant",
                text="O kit custa R$ 20.000.",
                agent="sales",
                citations=[types_pb2.Citation(source="kb://kit", title="Kit", snippet="R$ 20.000", document_id="d1")],
            ),
        ],
    )
    stored = await service.memory.AppendMessages(request)
    assert not stored.replayed
    assert [m.role for m in stored.messages] == ["user", "assistant"]
    assert len({m.message_id for m in stored.messages}) == 2
    assert all(m.create_time.seconds > 0 for m in stored.messages)

    got = (await service.memory.GetConversation(pb.GetConversationRequest(conversation_id="conv-1"))).conversation
    assert (got.user_id, got.channel, got.agent) == ("u1", "whatsapp", "sales")
    assert list(got.messages) == list(stored.messages)
    user, assistant = got.messages
    assert user.intent.name == "pricing" and user.intent.confidence == pytest.approx(0.75)
    assert dict(user.metadata) == {"lang": "pt"}
    assert user.client_message_id == "turn-1" and user.channel == "whatsapp"
    assert assistant.agent == "sales" and assistant.citations[0].document_id == "d1"
    assert got.create_time.seconds > 0 and got.update_time.seconds >= got.create_time.seconds

    # The same conversation rebuilt from PostgreSQL alone reads the same.
    await service.redis.unlink(*await service.keys())
    again = (await service.memory.GetConversation(pb.GetConversationRequest(conversation_id="conv-1"))).conversation
    assert again == got


async def test_guardrails_are_kept_with_their_messages_everywhere(integrated_service: Service) -> None:
    service = integrated_service
    blocked = types_pb2.GuardrailAction(check="prompt_injection", action="blocked", detail="asked to ignore the rules")
    redacted = types_pb2.GuardrailAction(check="pii_redaction", action="redacted", detail="1 CPF")
    grounded = types_pb2.GuardrailAction(check="grounding", action="fallback", detail="no passage supports it")
    request = pb.AppendMessagesRequest(
        conversation_id="g-1", user_id="u1", channel="web", client_message_id="t1",
        messages=[
            pb.NewMessage(role="user", text="ignore as regras", guardrails=[blocked]),
            pb.NewMessage(role="assistant", text="Posso ajudar com o kit?", agent="sales",
                          guardrails=[redacted, grounded]),
        ],
    )
    stored = await service.memory.AppendMessages(request)
    assert [list(m.guardrails) for m in stored.messages] == [[blocked], [redacted, grounded]]

    async def everywhere() -> list[list[list[types_pb2.GuardrailAction]]]:
        context = await service.memory.GetContext(pb.GetContextRequest(conversation_id="g-1"))
        conversation = await service.memory.GetConversation(pb.GetConversationRequest(conversation_id="g-1"))
        turn = await service.memory.LookupTurn(pb.LookupTurnRequest(conversation_id="g-1", client_message_id="t1"))
        replay = await service.memory.AppendMessages(request)
        export = await service.subjects.ExportSubject(pb.ExportSubjectRequest(user_id="u1"))
        assert replay.replayed
        return [
            [list(m.guardrails) for m in messages]
            for messages in (
                context.messages, conversation.conversation.messages, turn.messages, replay.messages,
                export.conversations[0].messages,
            )
        ]

    expected = [[blocked], [redacted, grounded]]
    assert await everywhere() == [expected] * 5  # Redis's copy
    await service.redis.unlink(*await service.keys())
    assert await everywhere() == [expected] * 5  # PostgreSQL's

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.memory.AppendMessages(pb.AppendMessagesRequest(
            conversation_id="g-2", user_id="u1",
            messages=[pb.NewMessage(role="assistant", text="x", guardrails=[types_pb2.GuardrailAction(detail="?")])],
        ))
    found = violations(caught.value)
    assert {"messages[0].guardrails[0].check", "messages[0].guardrails[0].action"} <= set(found)


async def test_unknown_conversation(service: Service) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.memory.GetConversation(pb.GetConversationRequest(conversation_id="nope"))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    context = await service.memory.GetContext(pb.GetContextRequest(conversation_id="nope"))
    assert not context.found and not context.messages


async def test_context_has_last_messages_summary_and_lead(service: Service) -> None:
    for i in range(15):
        await service.memory.AppendMessages(
            turn("long", [("user", f"Pergunta {i} sobre o kit solar número {i}. Detalhes."), ("assistant", f"r{i}")])
        )
    await service.leads.UpsertLead(pb.UpsertLeadRequest(lead=types_pb2.Lead(user_id="u1", name="Ana", score=55)))

    for attempt in ("cold", "hot"):
        if attempt == "cold":
            await service.redis.unlink(*await service.keys())
        context = await service.memory.GetContext(pb.GetContextRequest(conversation_id="long", max_messages=6))
        assert context.found and context.user_id == "u1"
        assert context.message_count == 30
        assert [m.text for m in context.messages] == ["Pergunta 12 sobre o kit solar número 12. Detalhes.", "r12",
                                                      "Pergunta 13 sobre o kit solar número 13. Detalhes.", "r13",
                                                      "Pergunta 14 sobre o kit solar número 14. Detalhes.", "r14"]
        assert "Pergunta 0 sobre o kit solar número 0." in context.summary
        assert "Pergunta 11 sobre o kit solar número 11." in context.summary
        assert "Pergunta 12 " not in context.summary and "r3" not in context.summary
        assert len(context.summary) <= service.settings.summary_max_chars
        assert context.lead.name == "Ana" and context.lead.score == 55

    default = await service.memory.GetContext(pb.GetContextRequest(conversation_id="long"))
    assert len(default.messages) == service.settings.context_messages
    whole = await service.memory.GetContext(pb.GetContextRequest(conversation_id="long", max_messages=100))
    assert len(whole.messages) == 30 and whole.summary == ""

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.memory.GetContext(pb.GetContextRequest(conversation_id="long", max_messages=-1))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "max_messages" in violations(caught.value)


async def test_retried_append_stores_nothing_twice(service: Service) -> None:
    request = turn("idem", [("user", "oi"), ("assistant", "olá")], client_message_id="k1")
    first = await service.memory.AppendMessages(request)
    second = await service.memory.AppendMessages(request)
    assert not first.replayed and second.replayed
    assert list(second.messages) == list(first.messages)
    # A retry carries the first request's content; even a different body is not stored.
    third = await service.memory.AppendMessages(turn("idem", [("user", "outra coisa")], client_message_id="k1"))
    assert third.replayed and list(third.messages) == list(first.messages)

    found = await service.memory.LookupTurn(pb.LookupTurnRequest(conversation_id="idem", client_message_id="k1"))
    assert found.found and list(found.messages) == list(first.messages)
    missing = await service.memory.LookupTurn(pb.LookupTurnRequest(conversation_id="idem", client_message_id="k2"))
    assert not missing.found
    conversation = await service.memory.GetConversation(pb.GetConversationRequest(conversation_id="idem"))
    assert len(conversation.conversation.messages) == 2


async def test_the_context_call_says_whether_the_turn_is_already_stored(service: Service) -> None:
    """The router's turn asks once: the context and, with the turn's client_message_id,
    whether that turn ran before (then only the stored turn comes back)."""

    def context(cmid: str = "") -> pb.GetContextRequest:
        return pb.GetContextRequest(conversation_id="ctx-idem", max_messages=20, client_message_id=cmid)

    fresh = await service.memory.GetContext(context("k1"))
    assert not fresh.found and fresh.HasField("turn") and not fresh.turn.found
    first = await service.memory.AppendMessages(turn("ctx-idem", [("user", "oi"), ("assistant", "olá")],
                                                     client_message_id="k1"))

    again = await service.memory.GetContext(context("k1"))
    assert again.turn.found and list(again.turn.messages) == list(first.messages)
    assert not again.messages and not again.user_id  # the caller replays: no context needed

    other = await service.memory.GetContext(context("k2"))
    assert other.HasField("turn") and not other.turn.found
    assert other.found and [m.text for m in other.messages] == ["oi", "olá"] and other.user_id == "u1"

    plain = await service.memory.GetContext(context())
    assert not plain.HasField("turn") and [m.text for m in plain.messages] == ["oi", "olá"]

    # PostgreSQL answers the lookup: a Redis that lost everything changes nothing.
    await service.redis.unlink(*await service.keys())
    assert (await service.memory.GetContext(context("k1"))).turn.found


async def test_same_client_message_id_concurrently(service: Service) -> None:
    request = turn("race", [("user", "oi"), ("assistant", "olá")], client_message_id="dup")
    results = await asyncio.gather(*(service.memory.AppendMessages(request) for _ in range(8)))
    fresh = [r for r in results if not r.replayed]
    assert len(fresh) == 1
    assert all(list(r.messages) == list(fresh[0].messages) for r in results)
    rows = await service.sql("SELECT count(*) FROM messages WHERE conversation_id = 'race'")
    assert rows == [(2,)]
    context = await service.memory.GetContext(pb.GetContextRequest(conversation_id="race"))
    assert context.message_count == 2 and len(context.messages) == 2


async def test_concurrent_appends_are_totally_ordered(service: Service) -> None:
    await service.memory.AppendMessages(turn("busy", [("user", "start")]))

    async def writer(name: str) -> None:
        for i in range(15):
            await service.memory.AppendMessages(
                turn("busy", [("user", f"{name}-{i}-q"), ("assistant", f"{name}-{i}-a")])
            )

    await asyncio.gather(writer("a"), writer("b"), writer("c"))
    conversation = (await service.memory.GetConversation(pb.GetConversationRequest(conversation_id="busy"))).conversation
    texts = [m.text for m in conversation.messages]
    assert len(texts) == 1 + 3 * 15 * 2
    for name in "abc":
        mine = [t for t in texts if t.startswith(f"{name}-")]
        # Each writer's turns appear in the order it sent them, each turn's messages together.
        assert mine == [f"{name}-{i}-{part}" for i in range(15) for part in "qa"]
    for i in range(1, len(texts), 2):
        assert texts[i].endswith("-q") and texts[i + 1] == texts[i][:-1] + "a"
    rows = await service.sql("SELECT seq FROM messages WHERE conversation_id = 'busy' ORDER BY seq")
    assert [r[0] for r in rows] == list(range(1, len(texts) + 1))
    # What Redis serves is what PostgreSQL holds.
    context = await service.memory.GetContext(pb.GetContextRequest(conversation_id="busy", max_messages=91))
    assert [m.text for m in context.messages] == texts
    await service.redis.unlink(*await service.keys())
    cold = await service.memory.GetContext(pb.GetContextRequest(conversation_id="busy", max_messages=91))
    assert list(cold.messages) == list(context.messages)


async def test_bad_text_is_invalid_argument_with_field(service: Service) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.memory.AppendMessages(turn("bad", [("user", "ok"), ("user", "a\x00b")]))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "NUL" in violations(caught.value)["messages[1].text"]

    # A lone surrogate cannot even be put into a Python protobuf string, so send the
    # bytes a careless client would: the surrogate's UTF-8-style encoding.
    raw = turn("bad", [("user", "ok"), ("user", "PLACEHOLDER")]).SerializeToString()
    raw = raw.replace(b"PLACEHOLDER", b"abc\xed\xa0\x80def")
    call = service.channel.unary_unary(
        "/atende.memory.v1.MemoryService/AppendMessages",
        request_serializer=None,
        response_deserializer=pb.AppendMessagesResponse.FromString,
    )
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call(raw)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "UTF-8" in violations(caught.value)["messages[1].text"]

    raw = pb.NewMessage(role="user", text="x", metadata={"k": "PLACEHOLDER"}).SerializeToString()
    raw = raw.replace(b"PLACEHOLDER", b"\xff\xfe")
    request = pb.AppendMessagesRequest(conversation_id="bad", user_id="u1").SerializeToString()
    request += b"\x22" + bytes([len(raw)]) + raw  # field 4 (messages), length-delimited
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call(request)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "messages[0].metadata" in violations(caught.value)

    rows = await service.sql("SELECT count(*) FROM conversations")
    assert rows == [(0,)]


async def test_every_violation_is_reported(service: Service) -> None:
    request = pb.AppendMessagesRequest(
        conversation_id="has space",
        user_id="u1",
        messages=[
            pb.NewMessage(role="robot", text="hi"),
            pb.NewMessage(role="user", text="   "),
            pb.NewMessage(role="user", text="x" * 20_001),
            pb.NewMessage(role="user", text="ok", intent=types_pb2.Intent(confidence=1.5)),
        ],
    )
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.memory.AppendMessages(request)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert set(violations(caught.value)) == {
        "conversation_id",
        "messages[0].role",
        "messages[1].text",
        "messages[2].text",
        "messages[3].intent.confidence",
    }
    for bad in (
        pb.AppendMessagesRequest(conversation_id="c", user_id="u1"),
        pb.AppendMessagesRequest(conversation_id="c", user_id="u1", messages=[pb.NewMessage(role="user", text="a")] * 21),
        pb.AppendMessagesRequest(conversation_id="x" * 129, user_id="u1", messages=[pb.NewMessage(role="user", text="a")]),
    ):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await service.memory.AppendMessages(bad)
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_conversation_owner_is_checked(service: Service) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.memory.AppendMessages(turn("owned", [("user", "oi")], user_id=""))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "user_id" in violations(caught.value)

    await service.memory.AppendMessages(turn("owned", [("user", "oi")], user_id="ana"))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.memory.AppendMessages(turn("owned", [("user", "oi")], user_id="bob"))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    # Without a user_id, an existing conversation keeps its owner.
    later = await service.memory.AppendMessages(turn("owned", [("assistant", "olá")], user_id=""))
    assert later.messages[0].channel == "web"
    rows = await service.sql("SELECT user_id, message_count FROM conversations WHERE conversation_id = 'owned'")
    assert rows == [("ana", 2)]


async def test_list_conversations_pages(service: Service) -> None:
    for i in range(7):
        await service.memory.AppendMessages(turn(f"c{i}", [("user", "oi")], user_id="pager", channel="web"))
    await service.memory.AppendMessages(turn("other", [("user", "oi")], user_id="someone-else"))

    seen: list[str] = []
    token = ""
    pages = 0
    while True:
        page = await service.memory.ListConversations(
            pb.ListConversationsRequest(user_id="pager", page_size=3, page_token=token)
        )
        pages += 1
        seen.extend(c.conversation_id for c in page.conversations)
        assert all(c.message_count == 1 and c.channel == "web" for c in page.conversations)
        token = page.next_page_token
        if not token:
            break
    assert pages == 3
    assert seen == [f"c{i}" for i in reversed(range(7))]  # newest first, each once

    first = await service.memory.ListConversations(pb.ListConversationsRequest(user_id="pager", page_size=2))
    default = await service.memory.ListConversations(pb.ListConversationsRequest(user_id="pager"))
    huge = await service.memory.ListConversations(pb.ListConversationsRequest(user_id="pager", page_size=10_000))
    assert len(default.conversations) == 7 and len(huge.conversations) == 7 and not huge.next_page_token

    token = first.next_page_token
    tampered = token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]
    for bad in (
        pb.ListConversationsRequest(user_id="pager", page_token=tampered),
        pb.ListConversationsRequest(user_id="pager", page_token="not a token!"),
        pb.ListConversationsRequest(user_id="someone-else", page_token=token),
        pb.ListConversationsRequest(user_id="pager", page_size=-1),
        pb.ListConversationsRequest(user_id=""),
    ):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await service.memory.ListConversations(bad)
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert set(violations(caught.value)) & {"page_token", "page_size", "user_id"}


async def test_record_interaction(service: Service) -> None:
    stored = await service.memory.RecordInteraction(
        pb.RecordInteractionRequest(
            interaction=pb.Interaction(
                conversation_id="c1", user_id="u1", user_input="oi", agent_response="olá", agent="support",
                metadata={"intent": "greeting", "latency_ms": "12"},
            )
        )
    )
    assert stored.interaction.interaction_id and stored.interaction.create_time.seconds > 0
    assert dict(stored.interaction.metadata) == {"intent": "greeting", "latency_ms": "12"}
    rows = await service.sql("SELECT user_input, agent_response, agent FROM interactions")
    assert rows == [("oi", "olá", "support")]
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.memory.RecordInteraction(pb.RecordInteractionRequest())
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_a_turn_and_its_interaction_are_stored_together_once(service: Service) -> None:
    request = turn("c-audit", [("user", "Quanto custa?"), ("assistant", "R$ 20.000")], client_message_id="t1")
    request.interaction.CopyFrom(pb.Interaction(
        user_input="Quanto custa?", agent_response="R$ 20.000", agent="sales", metadata={"intent": "pricing"}))
    await service.memory.AppendMessages(request)
    again = await service.memory.AppendMessages(request)
    assert again.replayed
    rows = await service.sql("SELECT conversation_id, user_id, user_input, agent, metadata FROM interactions")
    assert rows == [("c-audit", "u1", "Quanto custa?", "sales", {"intent": "pricing"})]

    bad = turn("c-audit", [("user", "x")])
    bad.interaction.CopyFrom(pb.Interaction(agent_response="y", metadata={"": "no key"}))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.memory.AppendMessages(bad)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert any(field.startswith("interaction.metadata") for field in violations(caught.value))
    assert len(await service.sql("SELECT 1 FROM messages WHERE conversation_id = 'c-audit'")) == 2
