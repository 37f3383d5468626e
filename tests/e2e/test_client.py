"""The Python client against the whole stack, Envoy included: the README's ten lines run
in a new virtual environment that holds only the client wheel and its dependencies, the
typed errors a caller gets, and `atende chat` holding a conversation from standard input."""

from __future__ import annotations

import json
import re
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from atende_client import AsyncClient, Client, InvalidArgument, NotFound, Unauthenticated
from client_venv import ROOT, Venv

from devstack.stack import Stack, StackConfig

pytestmark = pytest.mark.e2e
KEY = "client-key"


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory, database_url: str, redis_url: str) -> Iterator[Stack]:
    suffix = uuid.uuid4().hex[:10]
    config = StackConfig.on_free_ports(
        tmp_path_factory.mktemp("client"),
        database_url=database_url,
        redis_url=redis_url,
        api_keys=(KEY,),
        extra_env={
            "MEMORY_DB_SCHEMA": f"client_memory_{suffix}",
            "MEMORY_REDIS_PREFIX": f"client:{suffix}:",
            "INTEGRATIONS_DB_SCHEMA": f"client_integrations_{suffix}",
        },
    )
    running = Stack(config)
    running.start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def client(stack: Stack) -> Iterator[Client]:
    with Client(stack.gateway_target, api_key=KEY) as connected:
        yield connected


def readme_example() -> str:
    """The Python block of the README's "Python client" section, as a reader copies it."""
    section = (ROOT / "README.md").read_text().split("## Python client", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert len(blocks) == 1, "the Python client section has one Python example"
    return str(blocks[0])


def test_the_readme_example_sends_a_turn_and_streams_another_from_a_new_venv(
    stack: Stack, client: Client, client_venv: Venv, tmp_path: Path
) -> None:
    code = readme_example()
    assert len(code.strip().splitlines()) <= 10
    result = subprocess.run([str(client_venv.python), "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=180,
                            env=client_venv.env(ATENDE_ADDRESS=stack.gateway_target, ATENDE_API_KEY=KEY))
    assert result.returncode == 0, result.stdout + result.stderr
    stored = client.get_conversation("demo-py")
    assert [m.role for m in stored.messages] == ["user", "assistant", "user", "assistant"]
    sent, streamed = stored.messages[1], stored.messages[3]
    assert sent.agent == "sales" and sent.text and streamed.text
    # The first reply printed whole, the second as its pieces came: they add up to the stored reply.
    assert result.stdout.startswith(f"sales says {sent.text}\n{streamed.text}\ncitations: ["), result.stdout


def test_a_missing_user_id_is_invalid_argument_naming_the_field_and_stores_nothing(client: Client) -> None:
    with pytest.raises(InvalidArgument) as raised:
        client.send_message("e2e-client-bad", "Olá", user_id="")
    assert "user_id" in {violation.field for violation in raised.value.field_violations}, raised.value
    with pytest.raises(NotFound, match="e2e-client-bad"):
        client.get_conversation("e2e-client-bad")


def test_a_wrong_key_is_unauthenticated(stack: Stack) -> None:
    with Client(stack.gateway_target, api_key="not-a-key") as stranger, pytest.raises(Unauthenticated):
        stranger.list_agents()


async def test_the_async_client_streams_a_turn_and_a_resend_is_replayed(stack: Stack) -> None:
    async with AsyncClient(stack.gateway_target, api_key=KEY) as client:
        pieces = [p async for p in client.stream_message("e2e-client-async", "Quais produtos vocês têm?",
                                                        user_id="ana", client_message_id="async-1")]
        again = await client.send_message("e2e-client-async", "Quais produtos vocês têm?", user_id="ana",
                                          client_message_id="async-1")
        agents = await client.list_agents()
    final = pieces[-1].final
    assert final.reply.text and "".join(p.delta for p in pieces[:-1]) == final.reply.text
    assert again.replayed and again.reply.message_id == final.reply.message_id
    assert {"sales", "support", "product"} <= {agent.name for agent in agents.agents}


def chat(venv: Venv, stack: Stack, lines: list[str], *args: str, key: str = KEY) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(venv.atende), "chat", *args], input="".join(f"{line}\n" for line in lines),
                          capture_output=True, text=True, timeout=300,
                          env=venv.env(ATENDE_ADDRESS=stack.gateway_target, ATENDE_API_KEY=key))


def events(result: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    assert result.returncode == 0, result.stdout + result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_atende_chat_holds_a_conversation_for_a_script_and_resumes_it(stack: Stack, client_venv: Venv) -> None:
    first = events(chat(client_venv, stack, [
        "Quanto custa o kit solar para minha casa?",
        "Meu nome é Ana Lima, email ana@exemplo.com.br. Orçamento de uns 20 mil reais.",
    ], "--json", "--conversation", "e2e-chat", "--user", "ana"))
    assert first[0] == {**first[0], "event": "conversation", "conversation_id": "e2e-chat", "resumed": False}
    turns = [e for e in first if e["event"] == "turn"]
    assert len(turns) == 2 and all(t["agent"] == "sales" for t in turns)
    for turn, sentences in zip(turns, _sentences_before_each_turn(first), strict=True):
        assert sentences and " ".join(" ".join(sentences).split()) == " ".join(turn["text"].split()), (sentences, turn)
    assert any(t["citations"] for t in turns) and all(c["source"] for t in turns for c in t["citations"])
    assert turns[1]["lead"]["score"] > 0 and turns[1]["lead"]["email"] == "ana@exemplo.com.br"
    assert turns[1]["owner"]["kind"] == "agent"

    resumed = events(chat(client_venv, stack, ["Quero falar com um atendente humano, por favor."],
                          "--json", "--conversation", "e2e-chat"))
    opening = resumed[0]
    assert opening["resumed"] is True and opening["user_id"] == "ana"
    assert [m["role"] for m in opening["messages"]] == ["user", "assistant", "user", "assistant"]
    (handoff,) = [e for e in resumed if e["event"] == "turn"]
    assert handoff["owner"]["kind"] == "human_queue"


def _sentences_before_each_turn(stream: list[dict[str, Any]]) -> list[list[str]]:
    groups: list[list[str]] = [[]]
    for event in stream:
        if event["event"] == "sentence":
            groups[-1].append(event["text"])
        elif event["event"] == "turn":
            groups.append([])
    return groups[:-1]


def test_atende_chat_for_people_shows_sentences_citations_agent_and_owner(stack: Stack, client_venv: Venv) -> None:
    result = chat(client_venv, stack, ["Quanto custa o kit solar para minha casa?",
                                       "Quero falar com um atendente humano, por favor.", "Alguém aí?"], "--user", "joana")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout.splitlines()
    assert re.fullmatch(r"conversation chat-[0-9a-f]{12} \(new\)", out[0]), out[0]
    assert any(line.startswith("> ") for line in out) and "  agent: sales" in out, result.stdout
    assert any(re.match(r"  \[1\] \S.* \(\S+\)$", line) for line in out), result.stdout
    # The hand-off turn and the one after it: people own the conversation.
    assert sum(line.startswith("  owner: people (waiting in queue") for line in out) == 2, result.stdout


def test_atende_chat_says_what_went_wrong(stack: Stack, client_venv: Venv) -> None:
    refused = chat(client_venv, stack, ["oi"], "--json", key="not-a-key")
    assert refused.returncode == 1
    error = json.loads(refused.stdout.splitlines()[-1])
    assert error["event"] == "error" and error["code"] == "UNAUTHENTICATED"
    too_long = chat(client_venv, stack, ["x" * 4_100], "--json", "--user", "ana")
    assert too_long.returncode == 1
    error = json.loads(too_long.stdout.splitlines()[-1])
    assert error["code"] == "INVALID_ARGUMENT" and [v["field"] for v in error["field_violations"]] == ["text"], error
