"""The built-in and custom agents on the local engine (no key, no network), played
over several turns the way the router calls them: stateless, with history and lead."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from agent_helpers import AGENTS_D, MemoryKnowledge, converse, lead_after, make_runtime, make_turn

from agent_svc.domain import (
    Bant,
    BookMeeting,
    Embedding,
    Escalate,
    HistoryMessage,
    LeadState,
    SendEmail,
    SyncLead,
    TranscriptLine,
)


async def test_sales_qualifies_over_several_turns_asking_only_what_is_missing() -> None:
    runtime = make_runtime()
    book = runtime.get("sales").playbook
    replies = await converse(runtime, "sales", [
        "Oi",
        "Preciso de energia solar para minha loja",
        "Quanto custa o kit solar comercial?",
        "Uns R$ 60 mil",
        "Só eu",
    ])
    greeting, need, price, budget, authority = replies
    assert book.say("pt", "ask_need") in greeting.text
    assert need.lead_update is not None and "energia solar" in need.lead_update.bant.need
    assert book.say("pt", "ask_budget") in need.text
    # A question in the middle is answered from the knowledge base, then the same missing slot is asked.
    assert "64.000" in price.text and price.citations[0].title == "Kit Solar Comercial"
    assert book.say("pt", "ask_budget") in price.text
    assert budget.lead_update is not None and budget.lead_update.bant.budget == "R$ 60 mil"
    assert book.say("pt", "ask_authority") in budget.text
    assert authority.lead_update is not None and authority.lead_update.bant.authority
    assert book.say("pt", "ask_timeline") in authority.text
    scores = [r.lead_update.score for r in replies if r.lead_update]
    assert scores == sorted(scores) and scores[-1] == 60
    assert not any(r.actions for r in replies)


async def test_sales_hands_over_a_qualified_lead_with_consent_and_books_the_meeting() -> None:
    runtime = make_runtime()
    runtime.deps.now = lambda: datetime(2025, 3, 10, 15, 0, tzinfo=UTC)  # a Monday, 12:00 in São Paulo
    replies = await converse(runtime, "sales", [
        "Preciso de energia solar para minha loja, orçamento de R$ 60 mil",
        "Eu decido sozinho",
        "No mês que vem, é urgente",
        "Sim! Sou a Ana Souza, ana@lojasol.com.br, da empresa Loja Sol. Quero marcar uma reunião amanhã às 10h",
    ])
    book = runtime.get("sales").playbook
    ask_consent, handoff = replies[2], replies[3]
    assert book.said("ask_contact_consent", ask_consent.text)
    assert ask_consent.lead_update is not None and ask_consent.lead_update.score >= 70
    assert not ask_consent.actions  # nothing leaves before the customer agrees
    by_kind = {a.kind: a for a in handoff.actions}
    assert set(by_kind) == {"sync_lead", "send_email", "book_meeting"}
    sync, email, meeting = by_kind["sync_lead"], by_kind["send_email"], by_kind["book_meeting"]
    assert isinstance(sync, SyncLead) and isinstance(email, SendEmail) and isinstance(meeting, BookMeeting)
    # SyncLead names no fields: the CRM gets the lead as the router stores it with this turn.
    lead = lead_after(replies)
    assert lead is not None and lead.crm_status == "pending" and sync.consent_source == "web"
    assert lead.email == "ana@lojasol.com.br" and lead.name == "Ana Souza" and lead.company == "Loja Sol"
    assert lead.bant.budget == "R$ 60 mil" and lead.bant.timeline == "mês que vem"
    assert email.template == "lead_follow_up" and email.to == "ana@lojasol.com.br" and email.language == "pt"
    assert email.variables["lead_name"] == "Ana Souza" and "Budget: R$ 60 mil" in email.variables["summary"]
    assert meeting.start.isoformat() == "2025-03-11T10:00:00-03:00"
    assert meeting.start == datetime(2025, 3, 11, 13, 0, tzinfo=UTC)
    assert meeting.requested_time == "amanhã às 10h" and meeting.attendee_email == "ana@lojasol.com.br"
    assert meeting.attendee_name == "Ana Souza" and meeting.duration_minutes == 30
    assert meeting.title == "Conversa com a equipe comercial"
    assert handoff.lead_update is not None and handoff.lead_update.email == "ana@lojasol.com.br"
    assert book.said("handoff_done", handoff.text) and "11/03 às 10:00" in handoff.text
    # The e-mail address itself never goes back in the reply.
    assert "ana@lojasol.com.br" not in handoff.text


async def test_sales_respects_a_no() -> None:
    runtime = make_runtime()
    replies = await converse(runtime, "sales", [
        "Preciso de energia solar, orçamento de R$ 60 mil, eu decido, é para o mês que vem, urgente",
        "Não, obrigado",
        "E quanto custa o kit residencial?",
    ])
    book = runtime.get("sales").playbook
    assert book.said("ask_contact_consent", replies[0].text)
    assert book.say("pt", "consent_declined") in replies[1].text
    assert not any(r.actions for r in replies)
    assert "18.900" in replies[2].text and not book.said("ask_consent", replies[2].text)


async def test_sales_asks_for_contact_after_a_bare_yes() -> None:
    runtime = make_runtime()
    replies = await converse(runtime, "sales", [
        "I need solar panels for my shop, budget of $ 12 thousand, I decide, next month, urgent",
        "Yes, sure",
        "you can reach me at bob@shop.com",
    ], language="en")
    book = runtime.get("sales").playbook
    assert book.say("en", "ask_contact") in replies[1].text and not replies[1].actions
    assert {a.kind for a in replies[2].actions} == {"sync_lead", "send_email"}
    assert book.said("handoff_done", replies[2].text)


async def test_sales_is_stateless_the_lead_comes_in_the_request() -> None:
    runtime = make_runtime()
    lead = LeadState(name="Rui", bant=Bant(need="solar para a fazenda", budget="R$ 100 mil"), score=45)
    reply = await runtime.reply(make_turn("Pode ser", lead=lead))
    assert runtime.get("sales").playbook.say("pt", "ask_authority") in reply.text


async def test_support_answers_with_citations() -> None:
    runtime = make_runtime()
    reply = await runtime.reply(make_turn("Meu inversor X9 mostra o erro E21", agent="support"))
    assert "Desligue o disjuntor" in reply.text
    assert [c.document_id for c in reply.citations] == ["x9-manual"]


async def test_the_routers_embedding_of_the_text_goes_to_the_knowledge_search() -> None:
    knowledge = MemoryKnowledge()
    runtime = make_runtime(knowledge=knowledge)
    vector = Embedding("use-multilingual-v3", (0.6, 0.8))
    await runtime.reply(replace(make_turn("Meu inversor X9 mostra o erro E21", agent="support"), text_embedding=vector))
    await runtime.reply(make_turn("Meu inversor X9 mostra o erro E21", agent="support"))
    assert knowledge.embeddings == [vector, None]


async def test_support_asks_instead_of_guessing_then_escalates_after_repeated_failures() -> None:
    runtime = make_runtime()
    book = runtime.get("support").playbook
    replies = await converse(runtime, "support", [
        "Como troco a senha do wifi da geladeira?",
        "E pelo aplicativo da geladeira, como faço?",
    ])
    assert book.say("pt", "clarify") in replies[0].text and not replies[0].actions
    assert not replies[0].citations
    assert book.say("pt", "escalate_failures") in replies[1].text
    assert [a.kind for a in replies[1].actions] == ["escalate"]
    (escalation,) = replies[1].actions
    assert isinstance(escalation, Escalate) and "2 attempts" in escalation.packet.reason


async def test_support_escalates_an_angry_customer_with_a_redacted_hand_off_packet() -> None:
    runtime = make_runtime()
    history = (
        HistoryMessage("user", "Meu inversor X9 parou, meu email é joao@exemplo.com e meu cpf 123.456.789-09"),
        HistoryMessage("assistant", "Segundo nossa documentação (Manual do Inversor X9): desligue o disjuntor.", "support"),
    )
    lead = LeadState(name="João", bant=Bant(need="inversor parado"))
    reply = await runtime.reply(make_turn("Isso é um ABSURDO, já fiz isso três vezes e nada! Péssimo atendimento!!",
                                          agent="support", history=history, lead=lead))
    assert runtime.get("support").playbook.say("pt", "escalate_angry") in reply.text
    (action,) = reply.actions
    assert action.kind == "escalate" and isinstance(action, Escalate)
    packet = action.packet
    assert packet.sentiment == "angry" and packet.reason == "the customer is upset"
    assert packet.bant.need == "inversor parado" and packet.customer_name == "João"
    assert packet.from_agent == "support" and packet.language == "pt" and packet.queue == ""
    assert all(isinstance(line, TranscriptLine) for line in packet.transcript)
    assert [line.role for line in packet.transcript] == ["user", "assistant", "user"]
    assert [line.agent for line in packet.transcript] == ["", "support", ""]
    flat = " ".join(line.text for line in packet.transcript) + packet.summary
    assert "joao@exemplo.com" not in flat and "123.456.789-09" not in flat and "[email]" in flat
    # Typed, every part is there; what the agent does not know stays empty rather than invented.
    assert packet.summary.endswith("Reason for hand-off: the customer is upset.")
    assert packet.bant.budget == packet.bant.authority == packet.bant.timeline == ""
    assert packet.citations == ()  # nothing in the knowledge base matches an outburst


async def test_support_escalates_on_explicit_request_once() -> None:
    runtime = make_runtime()
    book = runtime.get("support").playbook
    replies = await converse(runtime, "support", ["I want to talk to a human", "hello? please, a real person"], language="en")
    assert [a.kind for a in replies[0].actions] == ["escalate"]
    assert book.say("en", "escalate_request") in replies[0].text
    assert not replies[1].actions and book.say("en", "already_escalated") in replies[1].text


async def test_product_compares_two_products_by_searching_for_each() -> None:
    knowledge = MemoryKnowledge()
    runtime = make_runtime(knowledge=knowledge, knowledge_top_k=1)
    reply = await runtime.reply(make_turn("Qual a diferença entre o kit residencial e o kit comercial?", agent="product"))
    assert "18.900" in reply.text and "64.000" in reply.text
    assert {c.document_id for c in reply.citations} == {"kit-res", "kit-com"}
    # One retrieval for the question, then the engine's knowledge_search per product.
    assert [q for q, _ in knowledge.queries][1:] == ["kit residencial", "kit comercial"]


async def test_product_in_english_and_honest_about_being_automated() -> None:
    runtime = make_runtime()
    reply = await runtime.reply(make_turn("What is the warranty of the solar panels?", agent="product", language="en"))
    assert reply.text.startswith("According to our catalogue (Warranty)") and "25-year" in reply.text
    bot = await runtime.reply(make_turn("are you a bot?", agent="product", language="en"))
    assert "automated assistant" in bot.text and "local engine" in bot.text


async def test_custom_agent_from_a_configuration_file() -> None:
    runtime = make_runtime(agents_dir=AGENTS_D)
    concierge = runtime.get("concierge")
    assert not concierge.config.built_in and concierge.collection == "hotel" and concierge.kind == "support"
    knowledge = runtime.deps.knowledge
    reply = await runtime.reply(make_turn("Que horas é o check-in?", agent="concierge"))
    assert "14h" in reply.text and reply.citations[0].document_id == "checkin"
    assert isinstance(knowledge, MemoryKnowledge) and knowledge.queries[-1][1] == "hotel"
    handed = await runtime.reply(make_turn("Quero falar com a recepção", agent="concierge"))
    assert [a.kind for a in handed.actions] == ["escalate"] and "recepção" in handed.text


async def test_agents_list_built_in_first_then_custom() -> None:
    runtime = make_runtime(agents_dir=AGENTS_D)
    assert runtime.names()[:3] == ["sales", "support", "product"]
    assert "concierge" in runtime.names()[3:]
