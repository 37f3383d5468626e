"""Keyword routing and input validation (the guardrail chains and language detection:
tests/guardrails)."""

from __future__ import annotations

import pytest

from atende_runtime.errors import InvalidArgument
from router_svc.routing import KeywordClassifier
from router_svc.settings import RULES_DIR
from router_svc.validation import TurnRequest, validate_turn

classifier = KeywordClassifier(RULES_DIR / "keywords.toml")


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Quanto custa o kit solar para minha casa?", "sales"),
        ("How much is the home plan?", "sales"),
        ("Meu inversor mostra erro E04 e não funciona", "support"),
        ("I want a refund, the panel arrived broken", "support"),
        ("Qual a potência do painel de 550W?", "product"),
        ("Do you have the battery in stock?", "product"),
    ],
)
def test_keywords_pick_the_agent(text: str, agent: str) -> None:
    assert classifier.classify(text, "").agent == agent


def test_small_talk_keeps_the_conversation_with_its_agent() -> None:
    decision = classifier.classify("obrigado!", "sales")
    assert decision.agent == "sales" and decision.strategy == "sticky"


def test_a_change_of_topic_moves_the_conversation() -> None:
    assert classifier.classify("o painel chegou quebrado, quero devolução", "sales").agent == "support"


def test_unclear_message_without_history_has_low_confidence() -> None:
    decision = classifier.classify("zzz qwerty", "")
    assert decision.intent == "unclear" and decision.confidence < 0.5


def _turn(**overrides: str) -> TurnRequest:
    fields = {"conversation_id": "c-1", "user_id": "u-1", "text": "oi", "channel": "web"} | overrides
    return TurnRequest(**fields)


def test_valid_turn_defaults_the_channel() -> None:
    assert validate_turn(_turn(channel=""), 4000).channel == "api"


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(InvalidArgument) as caught:
        validate_turn(_turn(conversation_id="bad id!", user_id="", text="x" * 4001, channel="fax"), 4000)
    fields = {v.field for v in caught.value.violations}
    assert fields == {"conversation_id", "user_id", "text", "channel"}


def test_lone_surrogate_and_nul_are_rejected() -> None:
    with pytest.raises(InvalidArgument):
        validate_turn(_turn(text="oi \udc80"), 4000)
    with pytest.raises(InvalidArgument):
        validate_turn(_turn(text="oi \x00"), 4000)
