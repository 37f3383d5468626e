"""The real `anthropic` and `openai` SDK clients against a loopback server that speaks
each provider's wire format: messages, tool use, SSE streams, 429 and 5xx."""

from __future__ import annotations

import dataclasses
import logging
import time

import pytest

from agent_svc.config import load_providers
from agent_svc.llm.anthropic_provider import AnthropicProvider
from agent_svc.llm.base import ChatMessage, Finished, LLMProvider, LLMRequest, ProviderError, TextDelta, ToolCall, ToolSpec
from agent_svc.llm.openai_provider import OpenAIProvider
from agent_svc.llm.retry import RetryPolicy
from devstack.fake_llm import FakeLLMServer, Scripted

SECRET = "sk-test-3f9a0c1d-never-log-me"
SEARCH = ToolSpec(
    "knowledge_search",
    "Searches the knowledge base.",
    {"type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]},
)


def _providers(server: FakeLLMServer) -> dict[str, LLMProvider]:
    config = load_providers()
    fast = {"backoff_seconds": 0.01, "max_backoff_seconds": 0.05}
    anthropic = AnthropicProvider(config.providers["anthropic"], SECRET, server.anthropic_base_url)
    openai = OpenAIProvider(config.providers["openai"], SECRET, server.openai_base_url)
    for provider in (anthropic, openai):
        provider.policy = RetryPolicy(2, **fast)
    return {"anthropic": anthropic, "openai": openai}


def _request(*messages: ChatMessage, tools: tuple[ToolSpec, ...] = (SEARCH,)) -> LLMRequest:
    return LLMRequest(
        "test-model",
        "You are the sales assistant.",
        "Answer in Portuguese.",
        messages or (ChatMessage("user", "Quanto custa o kit?"),),
        tools,
        max_tokens=200,
        cache_key="atende-sales",
    )


@pytest.mark.parametrize("name", ["anthropic", "openai"])
async def test_text_answer_with_usage(llm_server: FakeLLMServer, name: str) -> None:
    provider = _providers(llm_server)[name]
    llm_server.push(Scripted(text="O kit custa R$ 18.900.", input_tokens=300, output_tokens=12, cache_read_tokens=200))
    response = await provider.complete(_request())
    assert response.text == "O kit custa R$ 18.900."
    assert response.provider == name and response.model == "test-model"
    assert response.usage.output_tokens == 12
    assert response.usage.cache_read_tokens == 200
    # Input tokens are counted apart from cached ones for both providers.
    assert response.usage.input_tokens == 300
    body = llm_server.requests[-1].body
    assert body["model"] == "test-model"
    assert llm_server.requests[-1].headers.get("authorization") == f"Bearer {SECRET}"
    await provider.close()


async def test_anthropic_marks_the_stable_prompt_for_caching(llm_server: FakeLLMServer) -> None:
    provider = _providers(llm_server)["anthropic"]
    llm_server.push(Scripted(text="ok"))
    await provider.complete(
        _request(
            ChatMessage("user", "Quanto custa?"),
            ChatMessage("assistant", "", (ToolCall("toolu_1", "knowledge_search", {"query": "preço"}),)),
            ChatMessage("tool", '{"passages": []}', tool_call_id="toolu_1", tool_name="knowledge_search"),
        )
    )
    body = llm_server.requests[-1].body
    assert body["system"][0]["cache_control"] == {"type": "ephemeral"}
    assert "cache_control" not in body["system"][1]  # the per-turn context changes every turn
    assert body["tools"][0]["input_schema"]["required"] == ["query"]
    # The tool loop's conversation prefix is cached for the next step.
    last = body["messages"][-1]
    assert last["role"] == "user" and last["content"][-1]["type"] == "tool_result"
    assert last["content"][-1]["cache_control"] == {"type": "ephemeral"}
    assert body["messages"][1]["content"][0]["type"] == "tool_use"
    await provider.close()


async def test_openai_wire_shape(llm_server: FakeLLMServer) -> None:
    provider = _providers(llm_server)["openai"]
    llm_server.push(Scripted(text="ok"))
    await provider.complete(
        _request(
            ChatMessage("user", "Quanto custa?"),
            ChatMessage("assistant", "", (ToolCall("call_1", "knowledge_search", {"query": "preço"}),)),
            ChatMessage("tool", '{"passages": []}', tool_call_id="call_1", tool_name="knowledge_search"),
        )
    )
    body = llm_server.requests[-1].body
    assert [m["role"] for m in body["messages"]] == ["system", "user", "assistant", "tool"]
    assert body["messages"][0]["content"].startswith("You are the sales assistant.")  # stable prefix first
    assert body["messages"][2]["tool_calls"][0]["function"]["name"] == "knowledge_search"
    assert body["messages"][3]["tool_call_id"] == "call_1"
    assert body["tools"][0]["type"] == "function"
    # A base URL means a compatible server: the classic max_tokens, no OpenAI-only fields.
    assert body["max_tokens"] == 200 and "prompt_cache_key" not in body
    await provider.close()


@pytest.mark.parametrize("name", ["anthropic", "openai"])
async def test_tool_calls_are_parsed(llm_server: FakeLLMServer, name: str) -> None:
    provider = _providers(llm_server)[name]
    llm_server.push(Scripted(tool_calls=[("knowledge_search", {"query": "kit solar"}), ("knowledge_search", {"query": "X9"})]))
    response = await provider.complete(_request())
    assert [(c.name, c.arguments) for c in response.tool_calls] == [
        ("knowledge_search", {"query": "kit solar"}),
        ("knowledge_search", {"query": "X9"}),
    ]
    assert all(c.id for c in response.tool_calls)
    await provider.close()


@pytest.mark.parametrize("name", ["anthropic", "openai"])
async def test_streaming_text_and_tool_calls(llm_server: FakeLLMServer, name: str) -> None:
    provider = _providers(llm_server)[name]
    llm_server.push(
        Scripted(
            text="Vou procurar isso. Um momento, por favor.",
            tool_calls=[("knowledge_search", {"query": "kit"})],
            output_tokens=33,
        )
    )
    events = [event async for event in provider.stream(_request())]
    deltas = [e.text for e in events if isinstance(e, TextDelta)]
    assert len(deltas) > 1 and "".join(deltas) == "Vou procurar isso. Um momento, por favor."
    final = events[-1]
    assert isinstance(final, Finished)
    assert final.response.tool_calls[0].arguments == {"query": "kit"}
    assert final.response.usage.output_tokens == 33
    assert llm_server.requests[-1].body["stream"] is True
    await provider.close()


@pytest.mark.parametrize("name", ["anthropic", "openai"])
async def test_streaming_yields_before_the_answer_is_complete(llm_server: FakeLLMServer, name: str) -> None:
    provider = _providers(llm_server)[name]
    llm_server.stream_delay = 0.05
    llm_server.push(Scripted(text="uma duas três quatro cinco seis sete oito nove dez onze doze"))
    stamps = []
    async for event in provider.stream(_request()):
        stamps.append((time.perf_counter(), event))
    first_delta = next(t for t, e in stamps if isinstance(e, TextDelta))
    assert stamps[-1][0] - first_delta > 0.1  # the first words arrived while the rest was still coming
    await provider.close()


@pytest.mark.parametrize("name", ["anthropic", "openai"])
@pytest.mark.parametrize("status", [429, 500, 503])
async def test_retries_with_backoff(llm_server: FakeLLMServer, name: str, status: int) -> None:
    provider = _providers(llm_server)[name]
    llm_server.push(Scripted(status=status, retry_after=0), Scripted(status=status), Scripted(text="finally"))
    response = await provider.complete(_request())
    assert response.text == "finally"
    assert len(llm_server.requests) == 3
    await provider.close()


@pytest.mark.parametrize("name", ["anthropic", "openai"])
async def test_gives_up_after_the_retries_and_never_logs_the_key(
    llm_server: FakeLLMServer, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    provider = _providers(llm_server)[name]
    llm_server.push(*[Scripted(status=500)] * 3)
    with caplog.at_level(logging.DEBUG), pytest.raises(ProviderError) as caught:
        await provider.complete(_request())
    assert caught.value.retryable and caught.value.status == 500
    assert len(llm_server.requests) == 3
    assert SECRET not in str(caught.value) and SECRET not in repr(provider)
    assert all(SECRET not in record.getMessage() and SECRET not in str(record.__dict__) for record in caplog.records)
    await provider.close()


@pytest.mark.parametrize("name", ["anthropic", "openai"])
async def test_client_errors_are_not_retried(llm_server: FakeLLMServer, name: str) -> None:
    provider = _providers(llm_server)[name]
    llm_server.push(Scripted(status=400))
    with pytest.raises(ProviderError) as caught:
        await provider.complete(_request())
    assert not caught.value.retryable and len(llm_server.requests) == 1
    await provider.close()


@pytest.mark.parametrize("name", ["anthropic", "openai"])
async def test_stream_retries_only_before_the_first_delta(llm_server: FakeLLMServer, name: str) -> None:
    provider = _providers(llm_server)[name]
    llm_server.push(
        Scripted(status=429, retry_after=0), Scripted(text="Primeira frase. Segunda frase. Terceira.", fail_after_events=1)
    )
    seen: list[str] = []
    with pytest.raises(ProviderError):
        async for event in provider.stream(_request()):
            if isinstance(event, TextDelta):
                seen.append(event.text)
    assert seen  # text went out before the failure, so it was not retried
    assert len(llm_server.requests) == 2


async def test_timeout_is_a_retryable_error(llm_server: FakeLLMServer) -> None:
    provider = _providers(llm_server)["openai"]
    provider.policy = RetryPolicy(0)
    llm_server.latency = 0.5
    request = _request()
    with pytest.raises(ProviderError) as caught:
        await provider.complete(LLMRequest(**{**request.__dict__, "timeout": 0.1}))
    assert caught.value.retryable and caught.value.status is None
    await provider.close()


@pytest.mark.parametrize("name", ["anthropic", "openai"])
async def test_the_httpx_transport_speaks_the_same_wire(llm_server: FakeLLMServer, name: str) -> None:
    config = load_providers().providers[name]
    config = dataclasses.replace(config, http_client="httpx")
    provider: LLMProvider = (AnthropicProvider if name == "anthropic" else OpenAIProvider)(
        config, SECRET, llm_server.anthropic_base_url if name == "anthropic" else llm_server.openai_base_url
    )
    llm_server.push(Scripted(status=429, retry_after=0), Scripted(text="Olá."), Scripted(text="Uma. Duas."))
    assert (await provider.complete(_request())).text == "Olá."
    events = [e async for e in provider.stream(_request())]
    assert "".join(e.text for e in events if isinstance(e, TextDelta)) == "Uma. Duas."
    await provider.close()
