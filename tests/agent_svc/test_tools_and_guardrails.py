"""The agent loop with a hosted model (the real openai SDK against the loopback
server): tools declared with JSON schemas, errors the model can read, the step
limit; and the output gate (atende_guardrails), which releases text a sentence at a
time. The gate's own rules are tested in tests/guardrails."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from agent_helpers import MemoryKnowledge, make_runtime, make_turn
from atende.agent.v1 import agent_service_pb2 as agent_pb
from atende.common.v1 import types_pb2

from agent_svc.domain import (
    AgentReply,
    Bant,
    BookMeeting,
    Citation,
    Escalate,
    HandoffPacket,
    LeadState,
    Passage,
    SendEmail,
    SyncLead,
    TrackEvent,
    TranscriptLine,
)
from agent_svc.runtime import AgentRuntime
from agent_svc.servicer import to_response, to_turn
from agent_svc.tools import BUILT_IN_TOOLS, validate
from devstack.fake_llm import FakeLLMServer, Scripted

KEY = "sk-test-tools"


def hosted(server: FakeLLMServer, tmp_path: Path, agent_toml: str = "") -> AgentRuntime:
    folder = tmp_path / "agents.d"
    folder.mkdir()
    if agent_toml:
        (folder / "looper.toml").write_text(agent_toml, encoding="utf-8")
    return make_runtime({"OPENAI_API_KEY": KEY, "OPENAI_BASE_URL": server.openai_base_url}, agents_dir=folder)


def tool_messages(server: FakeLLMServer, index: int) -> list[dict[str, object]]:
    return [m for m in server.requests[index].body["messages"] if m["role"] == "tool"]


async def test_the_model_searches_and_cites(llm_server: FakeLLMServer, tmp_path: Path) -> None:
    runtime = hosted(llm_server, tmp_path)
    llm_server.push(
        Scripted(tool_calls=[("knowledge_search", {"query": "X9 inverter warranty"})]),
        Scripted(text="The X9 inverter has a 10-year warranty [1]."),
    )
    reply = await runtime.reply(make_turn("How long is the inverter warranty?", agent="support", language="en"))
    assert reply.text == "The X9 inverter has a 10-year warranty [1]." and reply.provider == "openai"
    assert reply.citations and reply.citations[0].document_id == "warranty"
    (result,) = tool_messages(llm_server, 1)
    passages = json.loads(str(result["content"]))["passages"]
    assert passages[0]["title"] == "Warranty" and passages[0]["ref"] >= 1
    assert reply.usage.calls == 2


async def test_a_failing_tool_returns_an_error_the_model_sees(llm_server: FakeLLMServer, tmp_path: Path) -> None:
    runtime = hosted(llm_server, tmp_path)
    llm_server.push(
        Scripted(tool_calls=[("update_lead", {"email": "ana-at-loja"}), ("schedule_meeting", {"start_time": "amanhã"}),
                             ("send_invoice", {}), ("knowledge_search", {"query": 42})]),
        Scripted(text="Pode confirmar seu e-mail?"),
    )
    reply = await runtime.reply(make_turn("meu email é ana-at-loja", agent="sales"))
    assert reply.text == "Pode confirmar seu e-mail?"
    errors = [json.loads(str(m["content"]))["error"] for m in tool_messages(llm_server, 1)]
    assert "not a valid e-mail" in errors[0]
    assert "consent" in errors[1]  # meetings need the customer's consent first
    assert "no tool named 'send_invoice'" in errors[2]
    assert "arguments.query must be string" in errors[3]
    assert not reply.actions


async def test_tool_calls_ask_for_typed_actions_one_of_each_kind(llm_server: FakeLLMServer, tmp_path: Path) -> None:
    runtime = hosted(llm_server, tmp_path)
    llm_server.push(
        Scripted(tool_calls=[
            ("schedule_meeting", {"start_time": "2099-05-04T14:00:00-03:00"}),
            ("escalate", {"reason": "the customer asked for a person"}),
            ("schedule_meeting", {"start_time": "2099-05-05T09:30:00-03:00", "duration_minutes": 45, "title": "Demo"}),
            ("escalate", {"reason": "the customer wants a manager"}),
        ]),
        Scripted(text="Certo."),
    )
    # Handed over already (a sync is pending): the meeting tool has the consent it needs.
    lead = LeadState(name="Ana", email="ana@loja.com", crm_status="pending")
    reply = await runtime.reply(make_turn("Pode ser", agent="sales", lead=lead))
    # A later request of a kind replaces the earlier one, and moves to where it was asked.
    meeting, escalation = reply.actions
    assert isinstance(meeting, BookMeeting) and isinstance(escalation, Escalate)
    assert meeting.start == datetime(2099, 5, 5, 9, 30, tzinfo=timezone(timedelta(hours=-3)))
    assert meeting.start.utcoffset() == timedelta(hours=-3)
    assert meeting.duration_minutes == 45 and meeting.title == "Demo" and meeting.requested_time == ""
    assert meeting.attendee_email == "ana@loja.com" and meeting.attendee_name == "Ana"
    assert escalation.packet.reason == "the customer wants a manager" and escalation.packet.from_agent == "sales"


def test_a_meeting_needs_a_timezone_aware_start() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        BookMeeting(start=datetime(2099, 5, 5, 9, 30))


def test_every_kind_of_action_becomes_its_own_oneof_field() -> None:
    packet = HandoffPacket(
        reason="r", summary="s", sentiment="neutral", from_agent="support", language="en", bant=Bant(need="n"),
        citations=(Citation("manual.pdf", "Manual", "snippet", "doc-1"),),
        transcript=(TranscriptLine("user", "hi [email]"), TranscriptLine("assistant", "hello", "support")),
        customer_name="Ana", queue="billing",
    )
    reply = AgentReply(text="ok", agent="support", actions=[
        SyncLead(consent_source="whatsapp"),
        SendEmail(template="lead_follow_up", to="a@b.co", language="en", variables={"lead_name": "Ana"}),
        BookMeeting(start=datetime(2099, 5, 5, 12, 0, tzinfo=UTC), duration_minutes=30, requested_time="noon"),
        TrackEvent(event="lead_qualified", properties={"score": "80"}),
        Escalate(packet),
    ])
    actions = to_response(reply).actions
    assert [a.WhichOneof("action") for a in actions] == ["sync_lead", "send_email", "book_meeting", "track_event", "escalate"]
    assert actions[0].sync_lead.consent_source == "whatsapp"
    assert actions[1].send_email == types_pb2.SendEmailAction(
        to="a@b.co", template="lead_follow_up", language="en", variables={"lead_name": "Ana"},
    )
    assert actions[2].book_meeting.start_time.ToDatetime(tzinfo=UTC) == datetime(2099, 5, 5, 12, 0, tzinfo=UTC)
    assert actions[2].book_meeting.duration_minutes == 30 and actions[2].book_meeting.requested_time == "noon"
    assert actions[3].track_event == types_pb2.TrackEventAction(event="lead_qualified", properties={"score": "80"})
    assert actions[4].escalate.packet == types_pb2.HandoffPacket(
        reason="r", summary="s", sentiment="neutral", qualification=types_pb2.BantQualification(need="n"),
        citations=[types_pb2.Citation(source="manual.pdf", title="Manual", snippet="snippet", document_id="doc-1")],
        transcript=[types_pb2.TranscriptLine(role="user", text="hi [email]"),
                    types_pb2.TranscriptLine(role="assistant", agent="support", text="hello")],
        from_agent="support", language="en", customer_name="Ana", queue="billing",
    )


def test_the_requests_crm_status_reaches_the_agent_as_a_readable_word() -> None:
    def status_of(value: types_pb2.CrmStatus) -> str:
        request = agent_pb.GenerateReplyRequest(agent="sales", text="oi", lead=types_pb2.Lead(crm_status=value))
        turn = to_turn(request)
        assert turn.lead is not None
        return turn.lead.crm_status

    assert [status_of(v) for v in (types_pb2.CRM_STATUS_UNSPECIFIED, types_pb2.CRM_STATUS_NEW,
                                   types_pb2.CRM_STATUS_PENDING, types_pb2.CRM_STATUS_SYNCED,
                                   types_pb2.CRM_STATUS_FAILED)] == ["", "new", "pending", "synced", "failed"]
    assert [LeadState(crm_status=s).handed_over() for s in ("", "new", "pending", "synced", "failed")] == [
        False, False, True, True, False,
    ]


async def test_the_loop_stops_at_its_step_limit(llm_server: FakeLLMServer, tmp_path: Path) -> None:
    agent = ('name = "looper"\ndescription = "x"\nprompt = "product"\ntools = ["knowledge_search"]\n'
             'knowledge_collection = "default"\nmax_steps = 3\n')
    runtime = hosted(llm_server, tmp_path, agent)
    llm_server.push(*[Scripted(tool_calls=[("knowledge_search", {"query": f"kit {i}"})]) for i in range(5)])
    reply = await runtime.reply(make_turn("Quais kits?", agent="looper"))
    assert len(llm_server.requests) == 3
    assert llm_server.requests[2].body["tool_choice"] == "none"  # the last step must answer
    assert "tool_choice" not in llm_server.requests[0].body
    # The model never answered: the reply is the safe fallback, not an empty message.
    assert reply.text == runtime.get("looper").playbook.say("pt", "safe_fallback")
    assert [g.check for g in reply.guardrails] == ["empty_output"]


async def test_an_invented_price_is_not_released(llm_server: FakeLLMServer, tmp_path: Path) -> None:
    runtime = hosted(llm_server, tmp_path)
    llm_server.push(Scripted(text="O Kit Solar Residencial custa R$ 18.900 [1]. Com desconto sai por R$ 15.000! "
                                  "Posso ajudar em algo mais?"))
    reply = await runtime.reply(make_turn("Quanto custa o kit solar residencial?", agent="product"))
    fallback = runtime.get("product").playbook.say("pt", "safe_fallback")
    assert "18.900" in reply.text and "15.000" not in reply.text and fallback in reply.text
    assert ("grounding", "fallback") in [(g.check, g.action) for g in reply.guardrails]


async def test_personal_data_and_promises_are_caught(llm_server: FakeLLMServer, tmp_path: Path) -> None:
    runtime = hosted(llm_server, tmp_path)
    llm_server.push(Scripted(text="Anotei seu e-mail ana@loja.com. Garanto um desconto para você. Até logo."))
    reply = await runtime.reply(make_turn("oi", agent="sales"))
    assert "ana@loja.com" not in reply.text and "[email]" in reply.text
    assert "Garanto" not in reply.text
    # The promise blocks the rest of the reply: the fallback closes it, and the gate says so.
    assert {(g.check, g.action) for g in reply.guardrails} == {
        ("pii_redaction", "redacted"), ("policy", "blocked"), ("output_gate", "fallback")}


async def test_an_unsupported_claim_is_replaced_by_an_honest_answer(llm_server: FakeLLMServer, tmp_path: Path) -> None:
    garantia = Passage("x9-garantia", "Garantia X9", "garantia.md", "O inversor X9 tem garantia de 10 anos contra defeitos.", 0.0)
    runtime = make_runtime({"OPENAI_API_KEY": KEY, "OPENAI_BASE_URL": llm_server.openai_base_url},
                           knowledge=MemoryKnowledge([garantia]), agents_dir=tmp_path)
    llm_server.push(Scripted(text="O inversor X9 tem garantia de 10 anos. Ele também funciona debaixo d'água por 3 dias. "
                                  "Posso ajudar em algo mais?"))
    reply = await runtime.reply(make_turn("Qual a garantia do inversor X9? Ele deu defeito", agent="support"))
    note = runtime.get("support").playbook.say("pt", "safe_fallback")
    assert reply.text == f"O inversor X9 tem garantia de 10 anos. {note} Posso ajudar em algo mais?"
    assert ("grounding", "fallback") in [(g.check, g.action) for g in reply.guardrails]


async def collect(runtime: AgentRuntime, text: str, agent: str) -> tuple[list[tuple[float, str]], AgentReply]:
    deltas: list[tuple[float, str]] = []
    final = None
    async for item in runtime.stream(make_turn(text, agent=agent)):
        if isinstance(item, str):
            deltas.append((time.perf_counter(), item))
        else:
            final = item
    assert final is not None
    return deltas, final


async def test_streaming_releases_checked_sentences_as_they_arrive(llm_server: FakeLLMServer, tmp_path: Path) -> None:
    runtime = hosted(llm_server, tmp_path)
    llm_server.stream_delay = 0.03
    llm_server.push(Scripted(text="O Kit Solar Residencial custa R$ 18.900 [1]. Hoje está por R$ 9.999, só hoje. "
                                  "Se quiser, escreva para vendas@loja.com. A instalação leva até 30 dias [1]."))
    started = time.perf_counter()
    deltas, final = await collect(runtime, "Quanto custa o kit solar residencial?", "product")
    texts = [d for _, d in deltas]
    assert "".join(texts) == final.text
    assert texts[0] == "O Kit Solar Residencial custa R$ 18.900 [1]. "  # whole, checked sentences
    assert deltas[0][0] - started < (time.perf_counter() - started) - 0.1  # released before the model finished
    assert "9.999" not in final.text and "vendas@loja.com" not in final.text and "[email]" in final.text
    assert final.text.endswith("A instalação leva até 30 dias [1].")


async def test_streaming_with_tools_and_the_local_engine() -> None:
    runtime = make_runtime(knowledge=MemoryKnowledge(), knowledge_top_k=1)
    deltas, final = await collect(runtime, "Qual a diferença entre o kit residencial e o kit comercial?", "product")
    assert len(deltas) >= 2 and "".join(d for _, d in deltas) == final.text
    assert final.provider == "local" and len(final.citations) == 2


def test_tool_schemas_are_valid_and_enforced() -> None:
    for tool in BUILT_IN_TOOLS:
        schema = tool.spec.parameters
        assert schema["type"] == "object" and schema["additionalProperties"] is False
        assert set(schema.get("required", [])) <= set(schema["properties"])
    assert validate({"type": "object", "properties": {"n": {"type": "integer", "maximum": 3}}}, {"n": 5}) == [
        "arguments.n must be at most 3"
    ]
    assert validate({"type": "integer"}, True) == ["arguments must be integer"]
