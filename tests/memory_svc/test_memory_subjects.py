"""LGPD: export everything about a person; erase it, leaving no row and no key."""

from __future__ import annotations

import asyncio

import grpc
import pytest
from atende.common.v1 import types_pb2
from atende.memory.v1 import memory_service_pb2 as pb
from memory_helpers import Service, turn, violations


async def _populate(service: Service, user_id: str, conversations: int) -> None:
    for c in range(conversations):
        cid = f"{user_id}-c{c}"
        for i in range(3):
            await service.memory.AppendMessages(
                turn(cid, [("user", f"{user_id} pergunta {i}"), ("assistant", f"resposta {i}")], user_id=user_id,
                     client_message_id=f"k{i}")
            )
        await service.memory.RecordInteraction(
            pb.RecordInteractionRequest(
                interaction=pb.Interaction(conversation_id=cid, user_id=user_id, user_input="q", agent_response="a")
            )
        )
        await service.memory.GetContext(pb.GetContextRequest(conversation_id=cid))
    await service.leads.UpsertLead(
        pb.UpsertLeadRequest(lead=types_pb2.Lead(user_id=user_id, name=user_id.title(), score=50))
    )


async def test_export_contains_everything(service: Service) -> None:
    await _populate(service, "ana", 2)
    await _populate(service, "bob", 1)
    export = await service.subjects.ExportSubject(pb.ExportSubjectRequest(user_id="ana"))
    assert export.user_id == "ana" and export.export_time.seconds > 0
    assert sorted(c.conversation_id for c in export.conversations) == ["ana-c0", "ana-c1"]
    for conversation in export.conversations:
        assert conversation.user_id == "ana"
        full = await service.memory.GetConversation(
            pb.GetConversationRequest(conversation_id=conversation.conversation_id)
        )
        assert conversation == full.conversation  # every message, every field
    assert [lead.name for lead in export.leads] == ["Ana"]
    assert len(export.interactions) == 2 and {i.user_id for i in export.interactions} == {"ana"}

    nobody = await service.subjects.ExportSubject(pb.ExportSubjectRequest(user_id="nobody"))
    assert not nobody.conversations and not nobody.leads and not nobody.interactions


async def test_erase_leaves_no_row_and_no_key(service: Service) -> None:
    await _populate(service, "ana", 2)
    await _populate(service, "bob", 1)
    # An interaction filed under another id for one of Ana's conversations goes too.
    await service.memory.RecordInteraction(
        pb.RecordInteractionRequest(
            interaction=pb.Interaction(conversation_id="ana-c0", user_id="anonymous", user_input="q")
        )
    )
    prefix = service.settings.redis_prefix.encode()
    assert any(b"ana" in key for key in await service.keys())

    erased = await service.subjects.DeleteSubject(pb.DeleteSubjectRequest(user_id="ana"))
    assert (erased.conversations_deleted, erased.messages_deleted) == (2, 12)
    assert (erased.leads_deleted, erased.interactions_deleted) == (1, 3)

    for table, column in (("conversations", "user_id"), ("leads", "user_id"), ("interactions", "user_id")):
        assert await service.sql(f"SELECT count(*) FROM {table} WHERE {column} = 'ana'") == [(0,)]
    assert await service.sql("SELECT count(*) FROM messages WHERE conversation_id LIKE 'ana-%%'") == [(0,)]
    assert await service.sql("SELECT count(*) FROM interactions WHERE conversation_id LIKE 'ana-%%'") == [(0,)]
    assert not [key for key in await service.keys() if b"ana" in key]
    # Bob is untouched, in PostgreSQL and in Redis.
    assert await service.sql("SELECT count(*) FROM messages WHERE conversation_id = 'bob-c0'") == [(6,)]
    assert prefix + b"c2:bob-c0:m" in await service.keys()

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.memory.GetConversation(pb.GetConversationRequest(conversation_id="ana-c0"))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    context = await service.memory.GetContext(pb.GetContextRequest(conversation_id="ana-c0"))
    assert not context.found
    export = await service.subjects.ExportSubject(pb.ExportSubjectRequest(user_id="ana"))
    assert not export.conversations and not export.leads and not export.interactions
    # The delayed second sweep finds nothing to bring back either.
    await asyncio.sleep(1.2)
    assert not [key for key in await service.keys() if b"ana" in key]

    again = await service.subjects.DeleteSubject(pb.DeleteSubjectRequest(user_id="ana"))
    assert again == pb.DeleteSubjectResponse()
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.subjects.DeleteSubject(pb.DeleteSubjectRequest(user_id=""))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "user_id" in violations(caught.value)
