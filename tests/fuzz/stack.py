"""One real stack for the fuzzer: the whole mesh on free ports, its own schemas
and Redis prefix, a rate limit the fuzzer never reaches, and the state that
fuzzed writes should meet (two conversations, one document)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from devstack.stack import Stack, StackConfig, running

API_KEY = "fuzz-key"


@contextmanager
def fuzz_stack(data_dir: Path, database_url: str = "", redis_url: str = "") -> Iterator[Stack]:
    suffix = uuid.uuid4().hex[:10]
    config = StackConfig.on_free_ports(
        data_dir,
        database_url=database_url,
        redis_url=redis_url,
        api_keys=(API_KEY,),
        rate_limit_per_minute=1_000_000,
        extra_env={
            "MEMORY_DB_SCHEMA": f"fuzz_memory_{suffix}",
            "MEMORY_REDIS_PREFIX": f"fuzz:{suffix}:",
            "INTEGRATIONS_DB_SCHEMA": f"fuzz_integrations_{suffix}",
        },
    )
    with running(config) as stack, gateway_client(stack) as client:
        seed(client)
        yield stack


@contextmanager
def gateway_client(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.gateway_url, headers={"x-api-key": API_KEY}, timeout=60) as client:
        yield client


def seed(client: httpx.Client) -> None:
    texts = ["Quanto custa o kit solar?", "Meu inversor mostra o erro E04", "Quero falar com um atendente humano, por favor"]
    for n, text in enumerate(texts, start=1):
        turn = {"user_id": f"fz-user-{n}", "text": text, "channel": "web"}
        client.post(f"/v1/conversations/fz-conv-{n}/messages", json=turn).raise_for_status()
    # The third asked for a person: it waits in the hand-off queue, for claims to meet.
    queue = client.get("/v1/handoffs").json()["handoffs"]
    assert any(h["conversation_id"] == "fz-conv-3" for h in queue), queue
    document = {"id": "fz-doc-1", "title": "Garantia", "text": "O painel solar tem garantia de 25 anos."}
    client.post("/v1/knowledge/documents", json={"documents": [document]}).raise_for_status()
