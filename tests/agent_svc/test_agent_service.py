"""agent_svc over real gRPC, in-process, with the local engine and no knowledge_svc
(retrieval then finds nothing and the agents say so instead of inventing)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import grpc
import pytest
from agent_helpers import AGENTS_D, DOCS, KnowledgeOverGrpc, MemoryKnowledge
from atende.agent.v1 import agent_service_pb2 as pb
from atende.agent.v1 import agent_service_pb2_grpc as pb_grpc
from atende.common.v1 import types_pb2
from atende.knowledge.v1 import knowledge_service_pb2_grpc as kgrpc
from google.protobuf.message import Message

from agent_svc.app import setup
from agent_svc.settings import Settings
from atende_runtime.server import start
from devstack.embedded import free_port


@pytest.fixture(scope="module")
async def agents() -> AsyncIterator[pb_grpc.AgentServiceStub]:
    settings = Settings(port=0, knowledge_addr=f"127.0.0.1:{free_port()}", knowledge_timeout_seconds=0.3, agents_dir=AGENTS_D)
    # No provider keys whatever the machine's environment: the local engine answers.
    server = await start(settings, lambda s: setup(s, settings, environ={}))
    async with grpc.aio.insecure_channel(f"127.0.0.1:{server.port}") as channel:
        yield pb_grpc.AgentServiceStub(channel)
    await server.stop(0)


@pytest.fixture(scope="module")
async def knowing_agents() -> AsyncIterator[pb_grpc.AgentServiceStub]:
    """The agent service with a knowledge service that finds the DOCS passages."""
    knowledge = grpc.aio.server()
    kgrpc.add_KnowledgeServiceServicer_to_server(KnowledgeOverGrpc(MemoryKnowledge()), knowledge)
    knowledge_port = knowledge.add_insecure_port("127.0.0.1:0")
    await knowledge.start()
    settings = Settings(port=0, knowledge_addr=f"127.0.0.1:{knowledge_port}", knowledge_timeout_seconds=2.0)
    server = await start(settings, lambda s: setup(s, settings, environ={}))
    async with grpc.aio.insecure_channel(f"127.0.0.1:{server.port}") as channel:
        yield pb_grpc.AgentServiceStub(channel)
    await server.stop(0)
    await knowledge.stop(0)


def _strings(message: Message) -> list[str]:
    """Every string anywhere in a message: scalar fields, repeated fields and map values."""
    found: list[str] = []
    for descriptor, value in message.ListFields():
        if descriptor.message_type is not None and descriptor.message_type.GetOptions().map_entry:
            values = list(value.values())
        elif descriptor.is_repeated:
            values = list(value)
        else:
            values = [value]
        for item in values:
            if isinstance(item, Message):
                found += _strings(item)
            elif isinstance(item, str):
                found.append(item)
    return found


def _assert_no_json_in_strings(reply: pb.GenerateReplyResponse) -> None:
    """Actions are typed all the way down: no list or object travels as JSON text."""
    for action in reply.actions:
        for text in _strings(action):
            try:
                parsed = json.loads(text)
            except ValueError:
                continue
            assert not isinstance(parsed, (list, dict)), f"JSON in an action string: {text[:80]!r}"


def _request(text: str, agent: str = "sales", language: str = "pt", **fields: object) -> pb.GenerateReplyRequest:
    return pb.GenerateReplyRequest(
        agent=agent, conversation_id="c-1", user_id="u-1", text=text, channel="web", language=language, **fields
    )


async def test_lists_the_built_in_agents_then_custom_ones(agents: pb_grpc.AgentServiceStub) -> None:
    listed = await agents.ListAgents(pb.ListAgentsRequest())
    names = [a.name for a in listed.agents]
    assert names[:3] == ["sales", "support", "product"] and "concierge" in names
    assert all(a.description and a.provider == "local" for a in listed.agents)
    by_name = {a.name: a for a in listed.agents}
    assert by_name["sales"].built_in and not by_name["concierge"].built_in
    assert by_name["concierge"].knowledge_collection == "hotel"
    assert set(by_name["sales"].tools) == {"knowledge_search", "update_lead", "schedule_meeting", "send_email", "escalate"}


async def test_answers_in_the_customers_language(agents: pb_grpc.AgentServiceStub) -> None:
    pt = await agents.GenerateReply(_request("Oi", language="pt"))
    en = await agents.GenerateReply(_request("Hi", language="en"))
    assert "Olá" in pt.text and "Hi" in en.text
    assert pt.agent == "sales" and pt.provider == "local" and pt.model == "atende-local-1"


async def test_without_passages_it_does_not_invent_an_answer(agents: pb_grpc.AgentServiceStub) -> None:
    reply = await agents.GenerateReply(_request("Qual o prazo de garantia do inversor X9?", agent="support"))
    assert "Não encontrei" in reply.text
    assert not reply.citations


async def test_is_honest_about_being_automated(agents: pb_grpc.AgentServiceStub) -> None:
    reply = await agents.GenerateReply(_request("are you a bot?", language="en", agent="product"))
    assert "automated assistant" in reply.text


async def test_lead_update_and_actions_travel_in_the_response(agents: pb_grpc.AgentServiceStub) -> None:
    lead = types_pb2.Lead(
        lead_id="l-1", score=90,
        qualification=types_pb2.BantQualification(need="solar", budget="R$ 60 mil", authority="eu", timeline="mês que vem"),
    )
    history = [
        types_pb2.Message(role="user", text="Preciso de energia solar, orçamento de R$ 60 mil"),
        types_pb2.Message(role="assistant", agent="sales", text=(
            "Posso passar seus dados para um consultor preparar uma proposta? "
            "Se sim, qual o melhor e-mail ou telefone para contato?")),
    ]
    reply = await agents.GenerateReply(_request("Sim, pode: ana@lojasol.com.br", lead=lead, history=history))
    assert reply.lead_update.email == "ana@lojasol.com.br" and reply.lead_update.score >= 90
    kinds = {a.WhichOneof("action"): a for a in reply.actions}
    assert set(kinds) == {"sync_lead", "send_email"}
    # The router syncs the request's lead (l-1) as this turn updates it; the agent's
    # reading of it shows in the e-mail's summary.
    assert kinds["sync_lead"].sync_lead.consent_source == "web"
    email = kinds["send_email"].send_email
    assert email.to == "ana@lojasol.com.br" and email.template == "lead_follow_up" and email.language == "pt"
    assert email.variables["lead_name"] == "ana" and "Need: solar" in email.variables["summary"]
    assert "Budget: R$ 60 mil" in email.variables["summary"]
    _assert_no_json_in_strings(reply)


async def test_a_turn_that_learns_nothing_has_no_lead_update(agents: pb_grpc.AgentServiceStub) -> None:
    reply = await agents.GenerateReply(_request("Obrigado", agent="support"))
    assert not reply.HasField("lead_update") and not reply.actions


async def test_usage_travels_in_the_reply_and_as_trailing_metadata(agents: pb_grpc.AgentServiceStub) -> None:
    call = agents.GenerateReply(_request("Oi"))
    reply = await call
    trailing = dict(await call.trailing_metadata())
    assert float(trailing["atende-llm-ms"]) >= 0 and trailing["atende-llm-calls"] == "1"
    assert trailing["atende-cost-usd"] == "0.000000"
    assert reply.usage.calls == 1 and reply.usage.cost_usd == 0.0
    assert reply.usage.llm_ms == pytest.approx(float(trailing["atende-llm-ms"]), abs=0.01)


async def test_stream_deltas_add_up_to_the_final_reply(agents: pb_grpc.AgentServiceStub) -> None:
    pieces = [p async for p in agents.StreamReply(pb.StreamReplyRequest(request=_request("Olá, tudo bem?")))]
    final = pieces[-1].final
    assert len(pieces) > 2  # sentence by sentence
    assert final.text and "".join(p.delta for p in pieces[:-1]) == final.text


async def test_stream_rejects_bad_input_before_the_first_message(agents: pb_grpc.AgentServiceStub) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        async for _ in agents.StreamReply(pb.StreamReplyRequest(request=_request(""))):
            pass
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_unknown_agent_is_invalid_argument(agents: pb_grpc.AgentServiceStub) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await agents.GenerateReply(_request("hello", agent="astrologer"))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "unknown agent" in (caught.value.details() or "")


async def test_text_with_nul_is_invalid_argument(agents: pb_grpc.AgentServiceStub) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await agents.GenerateReply(_request("hello\x00"))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_an_escalation_carries_a_typed_redacted_hand_off_packet(
    knowing_agents: pb_grpc.AgentServiceStub,
) -> None:
    history = [
        types_pb2.Message(role="user", text=(
            "Meu inversor X9 parou. Meu email é joao@exemplo.com, cpf 123.456.789-09, telefone (11) 98765-4321")),
        types_pb2.Message(role="assistant", agent="support", text="Desligue o disjuntor e aguarde 5 minutos."),
    ]
    lead = types_pb2.Lead(lead_id="l-7", name="João", qualification=types_pb2.BantQualification(need="inversor parado"))
    reply = await knowing_agents.GenerateReply(_request(
        "Quero falar com um atendente sobre o erro E21 do inversor X9", agent="support", history=history, lead=lead,
    ))
    (action,) = reply.actions
    assert action.WhichOneof("action") == "escalate"
    packet = action.escalate.packet
    assert packet.reason == "the customer asked for a person" and packet.sentiment == "neutral"
    assert packet.summary.startswith("First message: Meu inversor X9 parou.")
    assert packet.summary.endswith("Reason for hand-off: the customer asked for a person.")
    assert packet.from_agent == "support" and packet.language == "pt" and packet.customer_name == "João"
    assert packet.qualification == types_pb2.BantQualification(need="inversor parado")
    # The transcript: the history and this turn, one typed line each, personal data masked.
    assert [(line.role, line.agent) for line in packet.transcript] == [("user", ""), ("assistant", "support"), ("user", "")]
    assert packet.transcript[2].text == "Quero falar com um atendente sobre o erro E21 do inversor X9"
    flat = " ".join(line.text for line in packet.transcript) + packet.summary
    for personal in ("joao@exemplo.com", "123.456.789-09", "98765-4321"):
        assert personal not in flat
    assert "[email]" in packet.transcript[0].text and "[cpf]" in packet.transcript[0].text
    # The passages the agent retrieved, as typed citations with a snippet.
    manual = next(d for d in DOCS if d.document_id == "x9-manual")
    assert packet.citations[0] == types_pb2.Citation(
        source=manual.source, title=manual.title, snippet=manual.text[:300], document_id="x9-manual",
    )
    assert [c.document_id for c in packet.citations] == ["x9-manual", "kit-res"]
    _assert_no_json_in_strings(reply)


async def test_a_consent_turn_asks_for_a_typed_lead_sync_and_follow_up_e_mail(
    agents: pb_grpc.AgentServiceStub,
) -> None:
    lead = types_pb2.Lead(
        lead_id="l-2", name="Bia Lima", email="bia@padaria.com.br", score=85, crm_status=types_pb2.CRM_STATUS_NEW,
        qualification=types_pb2.BantQualification(need="energia solar", budget="R$ 30 mil", authority="eu",
                                                  timeline="este mês"),
    )
    history = [
        types_pb2.Message(role="user", text="Preciso de energia solar, R$ 30 mil, eu decido, este mês"),
        types_pb2.Message(role="assistant", agent="sales",
                          text="Posso passar seus dados para um consultor preparar uma proposta para você?"),
    ]
    reply = await agents.GenerateReply(_request("Sim, pode passar", lead=lead, history=history))
    assert [a.WhichOneof("action") for a in reply.actions] == ["sync_lead", "send_email"]
    sync, email = reply.actions[0].sync_lead, reply.actions[1].send_email
    assert sync == types_pb2.SyncLeadAction(consent_source="web")
    assert email.to == "bia@padaria.com.br" and email.template == "lead_follow_up" and email.language == "pt"
    assert dict(email.variables) == {
        "lead_name": "Bia Lima",
        "summary": "Need: energia solar\nBudget: R$ 30 mil\nAuthority: eu\nTimeline: este mês",
    }
    _assert_no_json_in_strings(reply)


QUALIFIED = types_pb2.BantQualification(need="solar", budget="R$ 50 mil", authority="eu", timeline="este mês")


@pytest.mark.parametrize("status", [types_pb2.CRM_STATUS_PENDING, types_pb2.CRM_STATUS_SYNCED], ids=types_pb2.CrmStatus.Name)
async def test_a_lead_already_handed_over_books_a_meeting_with_a_real_timestamp(
    agents: pb_grpc.AgentServiceStub, status: types_pb2.CrmStatus,
) -> None:
    lead = types_pb2.Lead(lead_id="l-3", name="Caio", email="caio@loja.com", score=90, crm_status=status,
                          qualification=QUALIFIED)
    reply = await agents.GenerateReply(_request("Quero marcar uma reunião dia 12/03/2099 às 15h", lead=lead))
    (action,) = reply.actions
    assert action.WhichOneof("action") == "book_meeting"
    meeting = action.book_meeting
    assert meeting.HasField("start_time")
    # 15:00 in São Paulo (UTC-3, the sales agent's configured zone) is 18:00 UTC.
    assert meeting.start_time.ToDatetime(tzinfo=UTC) == datetime(2099, 3, 12, 18, 0, tzinfo=UTC)
    assert meeting.attendee_email == "caio@loja.com" and meeting.attendee_name == "Caio"
    assert meeting.duration_minutes == 30 and meeting.title == "Conversa com a equipe comercial"
    assert meeting.requested_time == "12/03/2099 às 15h"
    _assert_no_json_in_strings(reply)


@pytest.mark.parametrize("status", [types_pb2.CRM_STATUS_NEW, types_pb2.CRM_STATUS_FAILED,
                                    types_pb2.CRM_STATUS_UNSPECIFIED], ids=types_pb2.CrmStatus.Name)
async def test_a_lead_not_handed_over_is_asked_for_consent_before_any_meeting(
    agents: pb_grpc.AgentServiceStub, status: types_pb2.CrmStatus,
) -> None:
    lead = types_pb2.Lead(lead_id="l-4", name="Caio", email="caio@loja.com", score=90, crm_status=status,
                          qualification=QUALIFIED)
    reply = await agents.GenerateReply(_request("Quero marcar uma reunião dia 12/03/2099 às 15h", lead=lead))
    assert not reply.actions
    assert "Posso passar seus dados para um consultor preparar uma proposta para você?" in reply.text
