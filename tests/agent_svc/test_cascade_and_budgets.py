"""Provider fallback, budgets and the cascade (cheaper model, local engine, canned
answer), with the real SDK clients against the loopback provider server."""

from __future__ import annotations

from pathlib import Path

import pytest
from agent_helpers import make_runtime, make_turn

from agent_svc.config import PROVIDERS_FILE
from agent_svc.config_files import ConfigError
from agent_svc.runtime import AgentRuntime
from devstack.fake_llm import FakeLLMServer, Scripted

KEY = "sk-test-cascade"


def fast_providers(tmp_path: Path) -> Path:
    """providers.toml with short backoffs, so failure tests run fast."""
    text = PROVIDERS_FILE.read_text(encoding="utf-8")
    text = text.replace("backoff_seconds = 0.5", "backoff_seconds = 0.01").replace(
        "max_backoff_seconds = 4.0", "max_backoff_seconds = 0.02"
    )
    path = tmp_path / "providers.toml"
    path.write_text(text, encoding="utf-8")
    return path


def agent_file(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.toml").write_text(
        f'name = "{name}"\ndescription = "test agent"\nkind = "assistant"\nprompt = "product"\n'
        f'tools = ["knowledge_search"]\nknowledge_collection = "default"\n{body}',
        encoding="utf-8",
    )
    return folder


def runtime_with(
    server: FakeLLMServer, tmp_path: Path, agents: dict[str, str] | None = None, openai: bool = True
) -> AgentRuntime:
    environ = {"ANTHROPIC_API_KEY": KEY, "ANTHROPIC_BASE_URL": server.anthropic_base_url}
    if openai:
        environ |= {"OPENAI_API_KEY": KEY, "OPENAI_BASE_URL": server.openai_base_url}
    folder = tmp_path / "agents.d"
    for name, body in (agents or {}).items():
        agent_file(folder, name, body)
    return make_runtime(environ, providers_file=fast_providers(tmp_path), agents_dir=folder)


async def test_with_keys_the_hosted_provider_answers(llm_server: FakeLLMServer, tmp_path: Path) -> None:
    runtime = runtime_with(llm_server, tmp_path)
    llm_server.push(
        Scripted(
            text="Segundo o catálogo, o Kit Solar Residencial custa R$ 18.900 [1].",
            input_tokens=1000,
            output_tokens=100,
            cache_read_tokens=2000,
            cache_write_tokens=500,
        )
    )
    reply = await runtime.reply(make_turn("Quanto custa o kit solar residencial?", agent="product"))
    assert reply.provider == "anthropic" and reply.model == "claude-sonnet-4-6"
    assert "18.900" in reply.text and reply.citations[0].title == "Kit Solar Residencial"
    # Cost from providers.toml prices: input, output, cache reads and cache writes.
    expected = (1000 * 3.0 + 100 * 15.0 + 2000 * 0.3 + 500 * 3.75) / 1_000_000
    assert reply.usage.cost_usd == pytest.approx(expected)
    assert reply.usage.cache_read_tokens == 2000 and reply.usage.calls == 1
    assert llm_server.requests[0].path == "/v1/messages"
    await runtime.close()


async def test_a_failing_provider_falls_back_to_the_next(llm_server: FakeLLMServer, tmp_path: Path) -> None:
    runtime = runtime_with(llm_server, tmp_path)
    # Sonnet fails three times (a call and two retries); Haiku, same provider, is skipped.
    llm_server.push(*[Scripted(status=500)] * 3, Scripted(text="Posso ajudar com os kits solares."))
    reply = await runtime.reply(make_turn("Quais kits vocês vendem?", agent="product"))
    assert reply.provider == "openai" and reply.model == "gpt-4.1-mini"
    assert reply.text == "Posso ajudar com os kits solares."
    assert [r.path for r in llm_server.requests] == ["/v1/messages"] * 3 + ["/v1/chat/completions"]
    assert any("anthropic" in s and "500" in s for s in reply.step_downs)
    await runtime.close()


async def test_every_provider_down_ends_on_the_local_engine(llm_server: FakeLLMServer, tmp_path: Path) -> None:
    runtime = runtime_with(llm_server, tmp_path)
    llm_server.push(*[Scripted(status=503)] * 6)
    reply = await runtime.reply(make_turn("Quanto custa o kit solar residencial?", agent="product"))
    assert reply.provider == "local"
    assert "18.900" in reply.text  # the local engine still answers from the passages
    await runtime.close()


async def test_canned_answer_when_nothing_else_is_left(llm_server: FakeLLMServer, tmp_path: Path) -> None:
    runtime = runtime_with(llm_server, tmp_path, {"strict": 'models = ["openai:gpt-4.1-mini", "canned"]\n'})
    llm_server.push(*[Scripted(status=500)] * 3)
    reply = await runtime.reply(make_turn("Quanto custa?", agent="strict"))
    assert reply.provider == "canned"
    assert reply.text == runtime.get("strict").playbook.say("pt", "canned")
    await runtime.close()


async def test_over_the_conversation_budget_it_steps_down_to_a_cheaper_model(llm_server: FakeLLMServer, tmp_path: Path) -> None:
    body = (
        'models = ["anthropic:claude-sonnet-4-6", "anthropic:claude-haiku-4-5", "local"]\n'
        "[budget]\nconversation_cost_usd = 0.006\n"
    )
    runtime = runtime_with(llm_server, tmp_path, {"thrifty": body})
    llm_server.push(Scripted(text="Temos kits residenciais e comerciais."))
    reply = await runtime.reply(make_turn("Quais kits vocês têm?", agent="thrifty"))
    # Sonnet's worst case (prompt plus 600 output tokens) does not fit $0.006; Haiku's does.
    assert reply.model == "claude-haiku-4-5"
    assert llm_server.requests[0].body["model"] == "claude-haiku-4-5"
    assert any("claude-sonnet-4-6" in s and "budget" in s for s in reply.step_downs)
    await runtime.close()


async def test_spent_budget_falls_to_the_local_engine_without_calling_out(llm_server: FakeLLMServer, tmp_path: Path) -> None:
    body = "[budget]\nconversation_tokens = 5000\n"
    runtime = runtime_with(llm_server, tmp_path, {"capped": body})
    ledger = runtime.deps.ledger
    ledger.record("capped", "c-spent", "anthropic:claude-sonnet-4-6", 4900, 0.02, 800.0)
    reply = await runtime.reply(make_turn("Quanto custa o kit solar comercial?", agent="capped", conversation_id="c-spent"))
    assert reply.provider == "local" and "64.000" in reply.text
    assert not llm_server.requests
    # Another conversation of the same agent still has its budget.
    llm_server.push(Scripted(text="Temos kits."))
    other = await runtime.reply(make_turn("Quais kits?", agent="capped", conversation_id="c-fresh"))
    assert other.provider == "anthropic"
    await runtime.close()


async def test_agent_daily_cost_budget(llm_server: FakeLLMServer, tmp_path: Path) -> None:
    runtime = runtime_with(llm_server, tmp_path, {"daily": "[budget]\nagent_cost_usd_per_day = 1.0\n"}, openai=False)
    runtime.deps.ledger.record("daily", "c-old", "anthropic:claude-haiku-4-5", 100, 0.999, 500.0)
    reply = await runtime.reply(make_turn("Quais kits?", agent="daily", conversation_id="c-new"))
    assert reply.provider == "local" and any("daily" in s for s in reply.step_downs)
    await runtime.close()


async def test_latency_budget_skips_a_model_known_to_be_slow(llm_server: FakeLLMServer, tmp_path: Path) -> None:
    body = 'models = ["anthropic:claude-sonnet-4-6", "anthropic:claude-haiku-4-5", "local"]\n[budget]\nturn_latency_ms = 2000\n'
    runtime = runtime_with(llm_server, tmp_path, {"quick": body})
    runtime.deps.ledger.record("quick", "c-x", "anthropic:claude-sonnet-4-6", 10, 0.0, 9000.0)
    llm_server.push(Scripted(text="Temos kits residenciais."))
    reply = await runtime.reply(make_turn("Quais kits?", agent="quick"))
    assert reply.model == "claude-haiku-4-5"
    assert any("latency" in s for s in reply.step_downs)
    await runtime.close()


def test_no_keys_means_the_local_engine(tmp_path: Path) -> None:
    runtime = make_runtime({})
    assert {agent.provider for agent in runtime.agents.values()} == {"local"}


def test_an_openai_compatible_server_needs_only_its_url(tmp_path: Path) -> None:
    runtime = make_runtime({"OPENAI_BASE_URL": "http://127.0.0.1:9/v1", "OPENAI_MODEL": "llama3.1"})
    sales = runtime.get("sales")
    assert sales.provider == "openai" and sales.cascade.primary.model == "llama3.1"


def test_a_cascade_naming_an_unknown_provider_is_a_config_error(tmp_path: Path) -> None:
    folder = agent_file(tmp_path / "agents.d", "typo", 'models = ["antropic:claude-haiku-4-5"]\n')
    with pytest.raises(ConfigError, match="antropic"):
        make_runtime({}, agents_dir=folder)
