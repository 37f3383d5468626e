"""Pure pieces: summaries, page tokens, settings, the cache's frames."""

from __future__ import annotations

import pytest

from atende_runtime.errors import InvalidArgument
from memory_svc.codec import frame, unframe
from memory_svc.paging import PageTokens
from memory_svc.settings import Settings
from memory_svc.summary import first_sentence, summarize


def test_first_sentence() -> None:
    assert first_sentence("Olá! Quero saber o preço do kit solar. Tenho uma casa.") == (
        "Olá! Quero saber o preço do kit solar."
    )
    assert first_sentence("  ") == ""
    long = first_sentence("palavra " * 100)
    assert len(long) <= 160 and long.endswith("…")


def test_summary_is_bounded_and_deterministic() -> None:
    texts = [f"Mensagem número {i} do cliente. Mais detalhes." for i in range(200)]
    one = summarize(texts, truncated=True, max_chars=600)
    assert one == summarize(texts, truncated=True, max_chars=600)
    assert len(one) <= 600
    assert "Mensagem número 0 do cliente." in one  # how it started
    assert "Mensagem número 199 do cliente." in one  # the latest point
    assert "(…)" in one
    short = summarize(["Quero um orçamento.", "Quero um orçamento.", "Para amanhã."], False, 600)
    assert short.count("Quero um orçamento.") == 1 and "(…)" not in short
    assert summarize([], False, 600) == ""


def test_page_tokens_refuse_tampering() -> None:
    tokens = PageTokens("secret")
    token = tokens.encode("leads", {"min": 0}, {"s": 50, "id": "x"})
    assert tokens.decode("leads", token, {"min": 0}) == {"s": 50, "id": "x"}
    assert tokens.decode("leads", "", {"min": 0}) is None
    for bad in (token[:-1], token + "A", "!!!", "A" * 40):
        with pytest.raises(InvalidArgument):
            tokens.decode("leads", bad, {"min": 0})
    with pytest.raises(InvalidArgument):
        tokens.decode("leads", token, {"min": 10})  # another query's token
    with pytest.raises(InvalidArgument):
        tokens.decode("conversations", token, {"min": 0})
    with pytest.raises(InvalidArgument):
        PageTokens("other secret").decode("leads", token, {"min": 0})


def test_settings_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://db/x")
    monkeypatch.setenv("REDIS_URL", "redis://r/1")
    monkeypatch.setenv("MEMORY_DB_SCHEMA", "memtest")
    monkeypatch.setenv("MEMORY_REDIS_PREFIX", "mt:")
    settings = Settings()  # type: ignore[call-arg]
    assert (settings.database_url, settings.redis_url) == ("postgresql://db/x", "redis://r/1")
    assert (settings.db_schema, settings.redis_prefix, settings.port) == ("memtest", "mt:", 50053)
    assert settings.redis_ttl_seconds == 1800 and settings.context_messages == 20
    monkeypatch.delenv("DATABASE_URL")
    with pytest.raises(ValueError):
        Settings()  # type: ignore[call-arg]


def test_relay_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://db/x")
    monkeypatch.setenv("REDIS_URL", "redis://r/1")
    monkeypatch.delenv("INTEGRATIONS_ADDR", raising=False)
    monkeypatch.delenv("MEMORY_INTEGRATIONS_ADDR", raising=False)
    defaults = Settings()  # type: ignore[call-arg]
    assert defaults.integrations_addr == "127.0.0.1:50055" and defaults.relay_enabled
    assert (defaults.relay_backoff_base_seconds, defaults.relay_backoff_max_seconds) == (1.0, 60.0)
    assert defaults.relay_lease_seconds > defaults.relay_call_timeout_seconds
    # The stack and the k8s config give every service INTEGRATIONS_ADDR.
    monkeypatch.setenv("INTEGRATIONS_ADDR", "integrations:50055")
    assert Settings().integrations_addr == "integrations:50055"  # type: ignore[call-arg]
    monkeypatch.delenv("INTEGRATIONS_ADDR")
    monkeypatch.setenv("MEMORY_INTEGRATIONS_ADDR", "10.0.0.5:50055")
    monkeypatch.setenv("MEMORY_RELAY_ENABLED", "false")
    monkeypatch.setenv("MEMORY_RELAY_POLL_INTERVAL_SECONDS", "0.5")
    settings = Settings()  # type: ignore[call-arg]
    assert (settings.integrations_addr, settings.relay_enabled, settings.relay_poll_interval_seconds) == (
        "10.0.0.5:50055", False, 0.5
    )
    monkeypatch.setenv("MEMORY_RELAY_LEASE_SECONDS", "2")
    with pytest.raises(ValueError):
        Settings()  # type: ignore[call-arg]  # a lease shorter than a call would let two relays send one row


def test_frames_join_and_split_messages_of_any_size() -> None:
    bodies = [b"", b"x", b"a" * 127, b"b" * 128, b"c" * 300, bytes(range(256)) * 300]
    blob = b"".join(frame(body) for body in bodies)
    assert unframe(blob) == bodies
    assert frame(b"abc") == b"\x00\x00\x00\x03abc"  # a 4-byte big-endian length
    assert unframe(b"") == []


def test_frames_cut_short_or_in_the_varint_format_are_refused() -> None:
    whole = frame(b"hello") + frame(b"world")
    for cut in range(1, len(whole)):
        if cut != len(frame(b"hello")):
            with pytest.raises(ValueError):
                unframe(whole[:cut])
    # How format 1 joined b"hello" and b"world" (a one-byte varint length each).
    with pytest.raises(ValueError):
        unframe(b"\x05hello\x05world")



def test_the_appends_json_parameters_mean_what_json_dumps_gives() -> None:
    import json

    from memory_svc.postgres.append import _json

    rows = [{"text": "Olá, quanto custa? ☀️", "intent": {"confidence": 0.25}, "metadata": {"k": "v"}, "pos": 0}]
    assert json.loads(_json(rows)) == json.loads(json.dumps(rows)) == rows
    assert json.loads(_json({"n": 2**70})) == {"n": 2**70}  # past orjson's integers: json writes it
