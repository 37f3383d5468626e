"""ClassifyText: classification as structured output through the real provider SDKs
against the loopback fake (devstack/fake_llm.py): the request carries the tool with
the labels' JSON schema and forces it; the tool call's arguments are the answer;
malformed output is no answer."""

from __future__ import annotations

import pytest
from atende.agent.v1 import agent_service_pb2 as pb

from agent_svc.classify import TOOL_NAME, Label, TextClassifier
from agent_svc.config import load_providers
from agent_svc.llm.factory import ProviderSet
from devstack.fake_llm import FakeLLMServer, Scripted

LABELS = [
    Label("pricing", "prices and quotes", ("Quanto custa o kit?",)),
    Label("technical_problem", "something is broken", ("O inversor não liga",)),
    Label("greeting", "hello"),
]
MODELS = {"openai": ("openai:gpt-test",), "anthropic": ("anthropic:claude-test",)}


def _classifier(server: FakeLLMServer, provider: str) -> TextClassifier:
    environ = {
        "OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": server.openai_base_url,
        "ANTHROPIC_API_KEY": "sk-test", "ANTHROPIC_BASE_URL": server.anthropic_base_url,
    }
    return TextClassifier(ProviderSet(load_providers(), environ), MODELS[provider])


@pytest.mark.parametrize("provider", ["openai", "anthropic"])
async def test_the_label_comes_from_a_forced_tool_call(llm_server: FakeLLMServer, provider: str) -> None:
    classifier = _classifier(llm_server, provider)
    llm_server.push(Scripted(tool_calls=[(TOOL_NAME, {"label": "technical_problem", "confidence": 0.91})]))
    found = await classifier.classify("meu inversor apita e desliga", ["oi"], LABELS, "sales")
    assert (found.label, found.confidence, found.provider) == ("technical_problem", pytest.approx(0.91), provider)
    body = llm_server.requests[-1].body
    tool = body["tools"][0]
    schema = tool["function"]["parameters"] if provider == "openai" else tool["input_schema"]
    assert schema["properties"]["label"]["enum"] == ["pricing", "technical_problem", "greeting"]
    assert schema["required"] == ["label", "confidence"]
    if provider == "openai":
        assert body["tool_choice"] == {"type": "function", "function": {"name": TOOL_NAME}}
    else:
        assert body["tool_choice"] == {"type": "tool", "name": TOOL_NAME}
    text = str(body["messages"])
    assert "meu inversor apita e desliga" in text and "sales agent" in text
    await classifier.providers.close()


@pytest.mark.parametrize("provider", ["openai", "anthropic"])
async def test_malformed_output_is_no_answer(llm_server: FakeLLMServer, provider: str) -> None:
    classifier = _classifier(llm_server, provider)
    llm_server.push(Scripted(text="Claro! É sobre preço."))
    assert (await classifier.classify("quanto custa?", [], LABELS)).label == ""
    llm_server.push(Scripted(tool_calls=[(TOOL_NAME, {"label": "astrology", "confidence": 0.99})]))
    assert (await classifier.classify("quanto custa?", [], LABELS)).label == ""
    # A server that ignored the forced tool but wrote the JSON still counts.
    llm_server.push(Scripted(text='{"label": "pricing", "confidence": 0.8}'))
    assert (await classifier.classify("quanto custa?", [], LABELS)).label == "pricing"
    await classifier.providers.close()


async def test_without_a_hosted_model_there_is_no_answer() -> None:
    classifier = TextClassifier(ProviderSet(load_providers(), {}))
    found = await classifier.classify("quanto custa?", [], LABELS)
    assert found.label == "" and found.calls == 0


async def test_the_rpc_answers_with_the_label(llm_server: FakeLLMServer) -> None:
    from agent_svc.servicer import AgentServicer

    class _Runtime:
        class deps:
            providers = _classifier(llm_server, "openai").providers

    servicer = AgentServicer(_Runtime())  # type: ignore[arg-type]
    servicer.classifier.models = MODELS["openai"]
    llm_server.push(Scripted(tool_calls=[(TOOL_NAME, {"label": "pricing", "confidence": 0.7})], input_tokens=90))
    answer = await servicer.ClassifyText(pb.ClassifyTextRequest(
        text="qto fica?", labels=[pb.ClassLabel(name=x.name, description=x.description) for x in LABELS]), None)  # type: ignore[arg-type]
    assert (answer.label, answer.provider, answer.usage.calls) == ("pricing", "openai", 1)
    await servicer.classifier.providers.close()
