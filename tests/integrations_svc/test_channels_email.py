"""E-mail as a channel: SendGrid Inbound Parse deliveries (multipart forms, as SendGrid
posts them) threaded into one conversation by Message-ID / In-Reply-To / References,
quoted history and signatures stripped, replies through the fake SendGrid mail send
with the threading headers; auto-replies and bounces not answered; the Parse URL's
secret checked; unknown senders refused when so configured."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from channels_fakes import Harness, inbound_form, start_harness
from integrations_support import wait_until

CUSTOMER = "Carla Dias <carla@cliente.com.br>"
AUTH = ("inbound", "parse-secret")


@pytest.fixture
async def h(database_url: str, unique_name: str, schemas: list[str]) -> AsyncIterator[Harness]:
    schemas.append(unique_name)
    harness, close = await start_harness(database_url, unique_name)
    try:
        yield harness
    finally:
        await close()


async def post(h: Harness, form: dict[str, str], auth: tuple[str, str] | None = AUTH) -> httpx.Response:
    # httpx sends files= as multipart/form-data, as SendGrid does.
    files = {name: (None, value) for name, value in form.items()}
    async with httpx.AsyncClient(auth=auth) as client:
        return await client.post(f"{h.url}/webhooks/email", files=files)


async def sent(h: Harness, count: int) -> list[dict[str, object]]:
    await wait_until(lambda: len(h.sendgrid.messages) >= count, within=10)
    return list(h.sendgrid.messages)


async def test_a_thread_of_three_messages_is_one_conversation(h: Harness) -> None:
    first = inbound_form(CUSTOMER, "Olá, quanto custa o kit solar residencial?\n\n--\nCarla Dias\nDiretora")
    assert (await post(h, first)).status_code == 200
    replies = await sent(h, 1)
    reply = replies[0]
    headers = reply["headers"]
    assert isinstance(headers, dict)
    first_id = first["headers"].split("Message-ID: ")[1].split("\n")[0]
    assert headers["In-Reply-To"] == first_id and headers["References"] == first_id
    assert headers["Auto-Submitted"] == "auto-replied"
    assert reply["subject"] == "Re: Kit solar"
    assert reply["personalizations"] == [{"to": [{"email": "carla@cliente.com.br"}]}]
    ours = str(headers["Message-ID"])

    # The customer answers our reply: her client quotes it below her text.
    second = inbound_form(
        CUSTOMER, "E em quantas vezes posso parcelar?\n\nEm seg., 3 de mar. de 2025 às 10:01, atende escreveu:\n"
        "> Resposta do agente: Olá, quanto custa...", subject="Re: Kit solar", in_reply_to=ours,
        references=f"{first_id} {ours}")
    assert (await post(h, second)).status_code == 200
    replies = await sent(h, 2)
    ours_2 = str(replies[1]["headers"]["Message-ID"])  # type: ignore[index]

    # A third, from another client that sends only References.
    third = inbound_form(CUSTOMER, "Obrigada!\n\nSent from my iPhone", subject="RE: Kit solar",
                         references=f"{first_id} {ours} {ours_2}")
    assert (await post(h, third)).status_code == 200
    await sent(h, 3)
    await h.engine.idle()

    conversations = {call["conversation_id"] for call in h.turns.calls}
    assert len(conversations) == 1 and next(iter(conversations)).startswith("email-")
    assert h.turns.texts() == [
        "Olá, quanto custa o kit solar residencial?", "E em quantas vezes posso parcelar?", "Obrigada!"]
    assert {call["channel"] for call in h.turns.calls} == {"email"}
    assert {call["user_id"] for call in h.turns.calls} == {"email:carla@cliente.com.br"}


async def test_a_new_subject_from_a_known_sender_is_a_new_conversation(h: Harness) -> None:
    await post(h, inbound_form(CUSTOMER, "Primeira pergunta"))
    await post(h, inbound_form(CUSTOMER, "Outro assunto", subject="Garantia"))
    await sent(h, 2)
    assert len({call["conversation_id"] for call in h.turns.calls}) == 2


async def test_auto_replies_and_bounces_are_stored_and_not_answered(h: Harness) -> None:
    forms = [
        inbound_form(CUSTOMER, "Estou fora do escritório até segunda.", subject="Resposta automática: Kit solar",
                     extra_headers="Auto-Submitted: auto-replied\n"),
        inbound_form("Mail Delivery Subsystem <MAILER-DAEMON@mx.cliente.com.br>", "Delivery failed",
                     subject="Undeliverable: Re: Kit solar", extra_headers="Return-Path: <>\n"),
        inbound_form(CUSTOMER, "Newsletter", extra_headers="Precedence: bulk\n"),
        inbound_form(CUSTOMER, "Out of office", extra_headers="X-Autoreply: yes\n"),
    ]
    for form in forms:
        answer = await post(h, form)
        assert answer.status_code == 200, answer.text
    await asyncio.sleep(0.5)
    await h.engine.idle()
    assert h.turns.calls == [] and h.sendgrid.messages == []
    rows = await h.rows("SELECT status, note FROM channel_inbound ORDER BY received_at")
    assert len(rows) == 4 and all(r["status"] == "skipped" and r["note"].startswith("not answered") for r in rows)


async def test_a_wrong_secret_is_401_and_a_malformed_form_is_400_nothing_stored(h: Harness) -> None:
    form = inbound_form(CUSTOMER, "Oi")
    assert (await post(h, form, auth=("inbound", "guess"))).status_code == 401
    assert (await post(h, form, auth=None)).status_code == 401
    no_from = {k: v for k, v in form.items() if k != "from"}
    answer = await post(h, no_from)
    assert answer.status_code == 400 and "from" in answer.json()["message"]
    async with httpx.AsyncClient(auth=AUTH) as client:
        not_a_form = await client.post(f"{h.url}/webhooks/email", json={"from": "x"})
    assert not_a_form.status_code == 400
    assert await h.rows("SELECT count(*) AS n FROM channel_inbound") == [{"n": 0}]


async def test_a_redelivered_email_is_one_message(h: Harness) -> None:
    form = inbound_form(CUSTOMER, "Oi, tudo bem?")
    answers = await asyncio.gather(*(post(h, form) for _ in range(3)))
    assert sum(a.json()["new"] for a in answers) == 1
    await sent(h, 1)
    await h.engine.idle()
    assert len(h.turns.calls) == 1


async def test_unknown_senders_can_be_refused_without_a_reply(
    database_url: str, unique_name: str, schemas: list[str]
) -> None:
    schemas.append(unique_name)
    h, close = await start_harness(database_url, unique_name, email_unknown_senders="refuse")
    try:
        assert (await post(h, inbound_form("stranger@spam.example", "Compre agora!"))).status_code == 200
        await asyncio.sleep(0.3)
        assert h.turns.calls == [] and h.sendgrid.messages == []
        rows = await h.rows("SELECT status, note FROM channel_inbound")
        assert rows[0]["status"] == "skipped" and "unknown sender" in rows[0]["note"]
    finally:
        await close()


async def test_a_nul_character_in_a_mail_is_dropped_not_a_server_error(h: Harness) -> None:
    # A broken mailer's NUL byte: PostgreSQL cannot store it, so it is dropped and the
    # mail is answered like any other.
    form = inbound_form(CUSTOMER, "Oi,\x00 quanto custa?")
    answer = await post(h, form)
    assert answer.status_code == 200 and answer.json()["new"] == 1
    await sent(h, 1)
    assert h.turns.texts() == ["Oi, quanto custa?"]
