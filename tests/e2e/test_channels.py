"""WhatsApp through the whole stack: Meta's signed webhook deliveries posted to the
gateway's /webhooks/whatsapp, real turns (router_svc, agent_svc with the local engine,
memory_svc), a hand-off claimed and answered by a person over the REST API, and every
message for the customer arriving at a loopback fake of the Graph API, which the
channels server reaches with its production adapter."""

from __future__ import annotations

import asyncio
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from devstack.embedded import free_port
from devstack.stack import Stack, StackConfig
from gateway.tokens import TokenKeys

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integrations_svc"))

from channels_fakes import APP_SECRET, PHONE_NUMBER_ID, VERIFY_TOKEN, FakeGraph, delivery, signed, text_message
from integrations_fakehttp import FakeHttpServer

pytestmark = pytest.mark.e2e

KEY = "e2e-channels-key"
WA_ID = "5511987654321"


@pytest.fixture(scope="module")
def graph_port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory, database_url: str, redis_url: str, graph_port: int) -> Iterator[Stack]:
    suffix = uuid.uuid4().hex[:10]
    config = StackConfig.on_free_ports(
        tmp_path_factory.mktemp("channels-stack"),
        database_url=database_url,
        redis_url=redis_url,
        api_keys=(KEY,),
        rate_limit_per_minute=1000,
        tracing=False,
        extra_env={
            "MEMORY_DB_SCHEMA": f"e2e_ch_memory_{suffix}",
            "MEMORY_REDIS_PREFIX": f"e2e-ch:{suffix}:",
            "INTEGRATIONS_DB_SCHEMA": f"e2e_ch_integrations_{suffix}",
            "CHANNELS_WHATSAPP_APP_SECRET": APP_SECRET,
            "CHANNELS_WHATSAPP_VERIFY_TOKEN": VERIFY_TOKEN,
            "CHANNELS_WHATSAPP_ACCESS_TOKEN": FakeGraph.token,
            "CHANNELS_WHATSAPP_PHONE_NUMBER_ID": PHONE_NUMBER_ID,
            "CHANNELS_GRAPH_BASE_URL": f"http://127.0.0.1:{graph_port}",
            "INTEGRATIONS_BACKOFF_BASE_SECONDS": "0.2",
        },
    )
    running = Stack(config)
    running.start()
    yield running
    running.stop()


async def _post(client: httpx.AsyncClient, stack: Stack, payload: dict[str, Any]) -> httpx.Response:
    body, headers = signed(payload)
    return await client.post(f"{stack.gateway_url}/webhooks/whatsapp", content=body, headers=headers)


async def _arrives(graph: FakeGraph, count: int, within: float = 30.0) -> list[str]:
    deadline = time.monotonic() + within
    while len(graph.texts(WA_ID)) < count:
        if time.monotonic() > deadline:
            raise AssertionError(f"the Graph API got {graph.texts(WA_ID)}, expected {count} messages")
        await asyncio.sleep(0.05)
    return graph.texts(WA_ID)


async def test_a_whatsapp_conversation_through_a_handoff_to_a_person_and_back(stack: Stack, graph_port: int) -> None:
    graph = FakeGraph()
    graph.server = FakeHttpServer(graph.handle, port=graph_port)
    await graph.start()
    conversation = f"whatsapp-{WA_ID}"
    agent = TokenKeys(stack.config.data_dir / "jwt").mint(role="agent", subject="ana", ttl_seconds=600)
    person = {"authorization": f"Bearer {agent}"}
    try:
        async with httpx.AsyncClient(timeout=30) as client:
            handshake = await client.get(f"{stack.gateway_url}/webhooks/whatsapp", params={
                "hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "42"})
            assert handshake.status_code == 200 and handshake.text == "42"
            forged_body, _ = signed(delivery(text_message(WA_ID, "Oi")))
            forged = await client.post(f"{stack.gateway_url}/webhooks/whatsapp", content=forged_body,
                                       headers={"x-hub-signature-256": "sha256=" + "0" * 64})
            assert forged.status_code == 401

            started = time.monotonic()
            answer = await _post(client, stack, delivery(text_message(WA_ID, "Oi! Quanto custa o kit solar para minha casa?")))
            assert answer.status_code == 200
            first = (await _arrives(graph, 1))[0]
            print(f"webhook to the reply at the Graph API: {time.monotonic() - started:.2f} s")
            assert first  # the local engine's answer, as free text inside the window

            await _post(client, stack, delivery(text_message(WA_ID, "Quero falar com uma pessoa, por favor.")))
            await _arrives(graph, 2)
            queue = (await client.get(f"{stack.gateway_url}/v1/handoffs", headers=person)).json()
            assert conversation in [h["conversation_id"] for h in queue["handoffs"]]

            claim = await client.post(f"{stack.gateway_url}/v1/conversations/{conversation}:claim", headers=person, json={})
            assert claim.status_code == 200, claim.text
            said = await client.post(f"{stack.gateway_url}/v1/conversations/{conversation}/humanMessages", headers=person,
                                     json={"text": "Oi, aqui é a Ana. Posso te ajudar com o orçamento."})
            assert said.status_code == 200, said.text
            texts = await _arrives(graph, 4)
            assert texts[2] == "ana entrou na conversa e vai continuar o seu atendimento."
            assert texts[3] == "Oi, aqui é a Ana. Posso te ajudar com o orçamento."

            back = await client.post(f"{stack.gateway_url}/v1/conversations/{conversation}:return", headers=person,
                                     json={"note": "resolvido"})
            assert back.status_code == 200, back.text
            assert (await _arrives(graph, 5))[4] == "Você voltou a falar com o nosso assistente virtual."

            await _post(client, stack, delivery(text_message(WA_ID, "Qual a garantia do inversor?")))
            await _arrives(graph, 6)
            stored = (await client.get(f"{stack.gateway_url}/v1/conversations/{conversation}",
                                       headers={"x-api-key": KEY})).json()
            roles = [m["role"] for m in stored["conversation"]["messages"]] if "conversation" in stored else [
                m["role"] for m in stored["messages"]]
            assert roles.count("user") == 3 and "human" in roles
            assert all(m["type"] == "text" for m in graph.sent)
    finally:
        await graph.close()
