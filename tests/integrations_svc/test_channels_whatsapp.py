"""WhatsApp as a channel: Meta's webhooks (handshake, signature, redeliveries, bad
bodies, unknown types), a conversation through a hand-off to a person and back with
every message reaching the fake Graph API, the 24-hour window and templates, consent
(opt-out honoured at once, opt-in) and the LGPD export of it, delivery statuses.

Real PostgreSQL and HTTP: the channels server on a loopback port, posted to with
httpx; the Graph API a loopback fake spoken to by the production adapter (httpx);
router_svc's turns and memory_svc's live messages scripted (tests/e2e/test_channels.py
runs the real ones)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from channels_fakes import (
    APP_SECRET,
    VERIFY_TOKEN,
    Harness,
    delivery,
    signed,
    start_harness,
    status,
    text_message,
)
from integrations_support import wait_until

from integrations_svc.domain import SubjectKeys
from integrations_svc.pg_store import PostgresStore

MARIA = "5511987650001"


@pytest.fixture
async def h(database_url: str, unique_name: str, schemas: list[str]) -> AsyncIterator[Harness]:
    schemas.append(unique_name)
    harness, close = await start_harness(database_url, unique_name)
    try:
        yield harness
    finally:
        await close()


async def post(h: Harness, payload: dict[str, Any], secret: str = APP_SECRET) -> httpx.Response:
    body, headers = signed(payload, secret)
    async with httpx.AsyncClient() as client:
        return await client.post(f"{h.url}/webhooks/whatsapp", content=body, headers=headers)


async def say(h: Harness, text: str, wa_id: str = MARIA, **kwargs: Any) -> httpx.Response:
    kwargs.setdefault("at", h.clock.now)
    answer = await post(h, delivery(text_message(wa_id, text, **kwargs)))
    assert answer.status_code == 200, answer.text
    return answer


async def graph_gets(h: Harness, count: int, wa_id: str = MARIA) -> list[str]:
    await wait_until(lambda: len(h.graph.texts(wa_id)) >= count, within=10)
    return h.graph.texts(wa_id)


async def test_verification_handshake(h: Harness) -> None:
    async with httpx.AsyncClient() as client:
        ok = await client.get(f"{h.url}/webhooks/whatsapp", params={
            "hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1158201444"})
        wrong = await client.get(f"{h.url}/webhooks/whatsapp", params={
            "hub.mode": "subscribe", "hub.verify_token": "guess", "hub.challenge": "1158201444"})
    assert ok.status_code == 200 and ok.text == "1158201444"
    assert wrong.status_code == 403


async def test_a_conversation_through_a_handoff_to_a_person_and_back(h: Harness) -> None:
    conversation = f"whatsapp-{MARIA}"
    await say(h, "Oi, quanto custa o kit solar?")
    assert await graph_gets(h, 1) == ["Resposta do agente: Oi, quanto custa o kit solar?"]
    assert h.turns.calls[0]["channel"] == "whatsapp" and h.turns.calls[0]["user_id"] == f"whatsapp:{MARIA}"

    await say(h, "Quero falar com uma pessoa")
    assert (await graph_gets(h, 2))[1] == "Vou chamar uma pessoa da equipe."
    await wait_until(lambda: bool(h.live.watching), within=5)

    # A person claims it in the console and answers; memory_svc's live stream carries it.
    h.live.push(conversation, "system", "A person (ana) took over the conversation.", event="claimed", human_id="ana")
    h.live.push(conversation, "human", "Oi Maria, aqui é a Ana. O kit residencial sai por R$ 18.900.", human_id="ana")
    texts = await graph_gets(h, 4)
    assert texts[2] == "ana entrou na conversa e vai continuar o seu atendimento."
    assert texts[3] == "Oi Maria, aqui é a Ana. O kit residencial sai por R$ 18.900."

    # While the person owns it, the customer's message is a stored turn with no AI reply.
    h.turns.owners[conversation] = "human"
    await say(h, "Obrigada, Ana!")
    await h.engine.idle()
    assert h.turns.texts()[-1] == "Obrigada, Ana!"
    assert len(h.graph.texts(MARIA)) == 4

    h.turns.owners[conversation] = "agent"
    h.live.push(conversation, "system", "ana handed the conversation back to the sales agent.", event="returned",
                human_id="ana")
    texts = await graph_gets(h, 5)
    assert texts[4] == "Você voltou a falar com o nosso assistente virtual."
    await wait_until(lambda: not h.engine._followers, within=5)
    contact = await h.rows("SELECT following FROM channel_contacts WHERE address = %s", MARIA)
    assert contact == [{"following": False}]

    await say(h, "E a garantia?")
    assert (await graph_gets(h, 6))[5] == "Resposta do agente: E a garantia?"
    # Every message went out once, through a delivered job, and its wamid is stored.
    outbound = await h.rows("SELECT status, vendor_message_id FROM channel_outbound ORDER BY created_at")
    assert len(outbound) == 6 and all(row["vendor_message_id"].startswith("wamid.") for row in outbound)
    jobs = await h.rows("SELECT kind, status FROM jobs")
    assert {(row["kind"], row["status"]) for row in jobs} == {("send_whatsapp", "delivered")}


async def test_a_persons_message_at_hour_25_goes_out_as_an_approved_template(h: Harness) -> None:
    conversation = f"whatsapp-{MARIA}"
    await h.channels.store.ensure_contact("whatsapp", MARIA, f"whatsapp:{MARIA}", conversation, h.clock.now)
    await h.channels.store.record_consent("whatsapp", MARIA, "opt_in", "site form 2025-03-01", h.clock.now)
    await say(h, "Quero falar com uma pessoa")
    await graph_gets(h, 1)
    await wait_until(lambda: bool(h.live.watching), within=5)

    h.clock.advance(25)  # the person answers the next day, after the window closed
    h.live.push(conversation, "human", "Bom dia! Conseguimos um desconto para você.", human_id="ana")
    await graph_gets(h, 2)
    template = h.graph.sent[-1]
    assert template["type"] == "template"
    assert template["template"]["name"] == "atende_atendente"
    assert template["template"]["language"] == {"code": "pt_BR"}
    assert template["template"]["components"] == [{"type": "body", "parameters": [
        {"type": "text", "text": "ana"}, {"type": "text", "text": "Bom dia! Conseguimos um desconto para você."}]}]
    # The template's approval was read from the WhatsApp Business Account.
    assert any(r.path.endswith("/message_templates") for r in h.graph.requests)


async def test_outside_the_window_without_opt_in_a_message_waits_for_the_customer(h: Harness) -> None:
    conversation = f"whatsapp-{MARIA}"
    await say(h, "Quero falar com uma pessoa")
    await graph_gets(h, 1)
    await wait_until(lambda: bool(h.live.watching), within=5)
    h.clock.advance(30)
    h.live.push(conversation, "human", "Olá, ainda precisa de ajuda?", human_id="ana")
    await wait_until(lambda: _status_of(h, "Olá, ainda precisa de ajuda?", "waiting"), within=5)
    assert len(h.graph.sent) == 1
    waiting = await h.rows("SELECT status_detail FROM channel_outbound WHERE status = 'waiting'")
    assert "opted in" in waiting[0]["status_detail"]

    h.turns.owners[conversation] = "human"
    await say(h, "Oi, preciso sim")  # the window opens again: what waited goes out as text
    assert "Olá, ainda precisa de ajuda?" in await graph_gets(h, 2)


async def _status_of(h: Harness, text: str, state: str) -> bool:
    rows = await h.rows("SELECT status FROM channel_outbound WHERE text = %s", text)
    return bool(rows) and rows[0]["status"] == state


async def test_a_redelivered_webhook_is_stored_and_answered_once(h: Harness) -> None:
    payload = delivery(text_message(MARIA, "Vocês instalam em Campinas?", message_id="wamid.REDELIVERED1",
                                    at=h.clock.now))
    answers = await asyncio.gather(*(post(h, payload) for _ in range(5)))
    assert [a.status_code for a in answers] == [200] * 5
    assert sum(a.json()["new"] for a in answers) == 1
    await graph_gets(h, 1)
    await h.engine.idle()
    await asyncio.sleep(0.3)
    assert await h.rows("SELECT count(*) AS n FROM channel_inbound") == [{"n": 1}]
    assert h.turns.texts() == ["Vocês instalam em Campinas?"]
    assert len(h.graph.sent) == 1


async def test_a_forged_or_missing_signature_is_401_and_nothing_is_stored(h: Harness) -> None:
    payload = delivery(text_message(MARIA, "Oi"))
    forged = await post(h, payload, secret="not-the-app-secret")
    body, headers = signed(payload)
    tampered_body = body.replace(b"Oi", b"Oi!")
    async with httpx.AsyncClient() as client:
        tampered = await client.post(f"{h.url}/webhooks/whatsapp", content=tampered_body, headers=headers)
        missing = await client.post(f"{h.url}/webhooks/whatsapp", content=body,
                                    headers={"content-type": "application/json"})
    assert [forged.status_code, tampered.status_code, missing.status_code] == [401, 401, 401]
    assert "X-Hub-Signature-256" in forged.json()["message"]
    assert await h.rows("SELECT count(*) AS n FROM channel_inbound") == [{"n": 0}]
    assert h.turns.calls == []


async def test_webhooks_are_counted_and_timed_by_route_and_status_for_prometheus(h: Harness) -> None:
    from prometheus_client import REGISTRY, generate_latest

    def handled(status: str) -> float:
        labels = {"route": "/webhooks/whatsapp", "status": status}
        return REGISTRY.get_sample_value("atende_webhooks_handled_total", labels) or 0.0

    def timed() -> float:
        return REGISTRY.get_sample_value("atende_webhook_ack_seconds_count", {"route": "/webhooks/whatsapp"}) or 0.0

    before = handled("200"), handled("401"), timed()
    assert (await say(h, "Oi, vcs atendem em Sorocaba?")).status_code == 200
    assert (await post(h, delivery(text_message(MARIA, "Oi")), secret="forged")).status_code == 401
    async with httpx.AsyncClient() as client:
        assert (await client.get(f"{h.url}/healthz")).status_code == 200
    assert (handled("200") - before[0], handled("401") - before[1], timed() - before[2]) == (1, 1, 2)
    exposed = generate_latest(REGISTRY).decode()
    assert 'atende_webhook_ack_seconds_bucket{le="0.1",route="/webhooks/whatsapp"}' in exposed
    assert "/healthz" not in exposed  # the probes are not counted


async def test_malformed_payloads_are_400_and_nothing_is_stored(h: Harness) -> None:
    from integrations_svc.channels.whatsapp import sign

    bodies = [
        b"not json at all",
        b'{"object": "page", "entry": []}',
        b'{"object": "whatsapp_business_account", "entry": "x"}',
        b'{"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages",'
        b' "value": {"messages": [{"from": "5511", "type": "text"}]}}]}]}',
        b'{"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages",'
        b' "value": {"messages": [{"id": "wamid.X", "from": "not-a-number", "type": "text"}]}}]}]}',
    ]
    async with httpx.AsyncClient() as client:
        for body in bodies:
            answer = await client.post(f"{h.url}/webhooks/whatsapp", content=body,
                                       headers={"x-hub-signature-256": sign(APP_SECRET, body)})
            assert answer.status_code == 400, body
            assert answer.json()["message"]
    assert await h.rows("SELECT count(*) AS n FROM channel_inbound") == [{"n": 0}]


async def test_unknown_types_are_stored_and_acknowledged_media_gets_a_placeholder(h: Harness) -> None:
    reaction = text_message(MARIA, "", kind="reaction", extra={"reaction": {"message_id": "wamid.X", "emoji": "👍"}})
    image = text_message(MARIA, "", kind="image", extra={"image": {"id": "1234", "mime_type": "image/jpeg",
                                                                    "caption": "meu telhado"}})
    assert (await post(h, delivery(reaction))).status_code == 200
    assert (await post(h, delivery(image))).status_code == 200
    await graph_gets(h, 1)
    await h.engine.idle()
    rows = await h.rows("SELECT kind, status, note FROM channel_inbound ORDER BY received_at")
    assert rows[0]["kind"] == "reaction" and rows[0]["status"] == "skipped" and "reaction" in rows[0]["note"]
    assert rows[1]["kind"] == "image" and rows[1]["status"] == "done"
    assert h.turns.texts() == ["[O cliente enviou uma imagem] meu telhado"]


async def test_an_opt_out_is_honoured_at_once_and_is_in_the_lgpd_export(h: Harness) -> None:
    conversation = f"whatsapp-{MARIA}"
    await say(h, "Quero falar com uma pessoa")
    await graph_gets(h, 1)
    await wait_until(lambda: bool(h.live.watching), within=5)
    await say(h, "PARAR")
    texts = await graph_gets(h, 2)
    assert texts[1].startswith("Pronto: você não vai mais receber mensagens")
    assert h.turns.texts() == ["Quero falar com uma pessoa"]  # the opt-out is not a turn

    h.live.push(conversation, "human", "Maria, posso te ligar?", human_id="ana")
    await wait_until(lambda: _status_of(h, "Maria, posso te ligar?", "suppressed"), within=5)
    await asyncio.sleep(0.3)
    assert len(h.graph.sent) == 2

    store = PostgresStore(h.channels.store.pool, h.channels.store.schema)
    records = await store.export_subject(SubjectKeys(user_id=f"whatsapp:{MARIA}"))
    consent = [r.data for r in records if r.store == "channel_consent"]
    assert consent and consent[0]["kind"] == "opt_out" and consent[0]["source"] == "whatsapp:keyword:parar"
    contact = next(r.data for r in records if r.store == "channel_contacts")
    assert contact["opted_out_at"] and contact["opt_out_source"] == "whatsapp:keyword:parar"

    await say(h, "voltar")  # opting back in is recorded too
    assert (await graph_gets(h, 3))[2].startswith("Combinado")
    kinds = [r["kind"] for r in await h.rows("SELECT kind FROM channel_consent ORDER BY created_at")]
    assert kinds == ["opt_out", "opt_in"]


async def test_delivery_statuses_are_stored_on_the_message(h: Harness) -> None:
    await say(h, "Oi")
    await graph_gets(h, 1)
    wamid = h.graph.sent[0]["id"]
    await wait_until(lambda: _status_of(h, "Resposta do agente: Oi", "sent"), within=5)
    for state in ("delivered", "read", "delivered"):  # a late "delivered" never moves it back
        assert (await post(h, delivery(statuses=[status(wamid, state, MARIA)]))).status_code == 200
    rows = await h.rows("SELECT status, statuses FROM channel_outbound WHERE vendor_message_id = %s", wamid)
    assert rows[0]["status"] == "read"
    assert [s["status"] for s in rows[0]["statuses"]] == ["delivered", "read"]


async def test_graph_throughput_limits_and_a_router_outage_are_retried(h: Harness) -> None:
    h.graph.throttle_next = 2
    h.turns.fail_next = 2
    await say(h, "Oi, tudo bem?")
    assert await graph_gets(h, 1) == ["Resposta do agente: Oi, tudo bem?"]
    attempts = await h.rows("SELECT attempts FROM jobs")
    assert attempts[0]["attempts"] == 3


async def test_messages_of_one_customer_are_answered_in_order(h: Harness) -> None:
    base = h.clock.now
    messages = [text_message(MARIA, f"mensagem {i}", at=base + timedelta(seconds=i)) for i in range(5)]
    other = [text_message("5521999990002", f"outra {i}", at=base + timedelta(seconds=i)) for i in range(3)]
    # One delivery may carry several messages, not in the order they were written;
    # another customer's messages are answered beside them.
    await asyncio.gather(post(h, delivery(*reversed(messages))), post(h, delivery(*other, name="João")))
    await graph_gets(h, 5)
    await graph_gets(h, 3, "5521999990002")
    await h.engine.idle()
    assert [t for t in h.turns.texts() if t.startswith("mensagem")] == [f"mensagem {i}" for i in range(5)]
    assert h.graph.texts(MARIA) == [f"Resposta do agente: mensagem {i}" for i in range(5)]


async def test_a_flood_of_redeliveries_is_absorbed_and_every_ack_is_already_stored(h: Harness) -> None:
    customers = [f"55119876500{i:02d}" for i in range(10)]
    payloads = [delivery(text_message(wa_id, f"Oi, sou o cliente {i}", message_id=f"wamid.FLOOD{i}", at=h.clock.now))
                for i, wa_id in enumerate(customers)]
    # Meta redelivers each message 20 times, all at once and interleaved.
    posts = [payloads[i % len(payloads)] for i in range(200)]
    answers = await asyncio.gather(*(post(h, payload) for payload in posts))
    assert [a.status_code for a in answers] == [200] * 200
    # Acknowledged means stored: every message is in PostgreSQL the moment the last 200
    # came back, once, whatever the engine has done with it yet.
    rows = await h.rows("SELECT vendor_message_id FROM channel_inbound ORDER BY vendor_message_id")
    assert [r["vendor_message_id"] for r in rows] == sorted(f"wamid.FLOOD{i}" for i in range(10))
    assert sum(a.json()["new"] for a in answers) == 10
    for wa_id in customers:
        await graph_gets(h, 1, wa_id)
    await h.engine.idle()
    await asyncio.sleep(0.3)
    assert sorted(h.turns.texts()) == sorted(f"Oi, sou o cliente {i}" for i in range(10))
    assert len(h.graph.sent) == 10


async def test_a_delivery_that_cannot_be_stored_is_503_so_that_meta_delivers_it_again(h: Harness) -> None:
    from integrations_svc.channels.ingest import GroupCommit

    payload = delivery(text_message(MARIA, "Oi", message_id="wamid.LATER1", at=h.clock.now))
    stored = h.engine.ingest
    # A database that refuses connections (nothing listens on port 1).
    away = GroupCommit(h.channels.store, "postgresql://postgres@127.0.0.1:1/none", writers=1)
    h.engine.ingest = away.store_inbound
    try:
        refused = await post(h, payload)
    finally:
        h.engine.ingest = stored
        await away.close()
    assert refused.status_code == 503 and "deliver it again" in refused.json()["message"]
    assert await h.rows("SELECT count(*) AS n FROM channel_inbound") == [{"n": 0}]
    again = await post(h, payload)
    assert again.status_code == 200 and again.json()["new"] == 1
    assert await graph_gets(h, 1) == ["Resposta do agente: Oi"]


async def test_a_nul_character_is_400_and_one_bad_delivery_in_a_batch_fails_alone(h: Harness) -> None:
    from psycopg import DataError

    from integrations_svc.channels.engine import whatsapp_ids
    from integrations_svc.channels.ingest import GroupCommit
    from integrations_svc.channels.store import Delivery, NewInbound

    nul = await post(h, delivery(text_message(MARIA, "Oi\u0000")))
    assert nul.status_code == 400 and "NUL" in nul.json()["message"]
    assert await h.rows("SELECT count(*) AS n FROM channel_inbound") == [{"n": 0}]

    # Should one reach the group commit anyway, its batch is written again one delivery
    # at a time: the bad one fails alone, its neighbours are stored.
    def one(i: int, text: str) -> Delivery:
        wa_id = f"5521999990{i:03d}"
        user_id, conversation_id = whatsapp_ids(wa_id)
        item = NewInbound(channel="whatsapp", vendor_message_id=f"wamid.BATCH{i}", address=wa_id, user_id=user_id,
                          conversation_id=conversation_id, kind="text", text=text, payload={}, sent_at=None)
        return Delivery([item], h.clock.now)

    group = GroupCommit(h.channels.store, h.channels.store.pool.url, writers=1)
    try:
        results = await asyncio.gather(*(group.store_inbound(one(i, "bom dia" if i != 3 else "ruim\x00")) for i in range(6)),
                                       return_exceptions=True)
    finally:
        await group.close()
    assert isinstance(results[3], DataError)
    assert [r for i, r in enumerate(results) if i != 3] == [1] * 5
    rows = await h.rows("SELECT vendor_message_id FROM channel_inbound ORDER BY vendor_message_id")
    assert [r["vendor_message_id"] for r in rows] == [f"wamid.BATCH{i}" for i in (0, 1, 2, 4, 5)]
