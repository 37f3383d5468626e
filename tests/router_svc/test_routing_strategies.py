"""The routing strategies behind one interface, the cascade, and the policy that
turns a prediction into stick / hand over / clarify."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from atende_guardrails.encoder import UsemEncoder
from router_svc.routing import (
    Cascade,
    EmbeddingClassifier,
    ExampleSet,
    KeywordClassifier,
    LlmClassifier,
    Prediction,
    Router,
    RoutingPolicy,
    load_intents,
)
from router_svc.routing.factory import build_strategy
from router_svc.settings import RULES_DIR


@pytest.fixture(scope="module")
async def embedding(encoder: UsemEncoder) -> AsyncIterator[EmbeddingClassifier]:
    classifier = EmbeddingClassifier(encoder, ExampleSet.load(RULES_DIR / "examples.toml"))
    await classifier.start()
    yield classifier


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Quanto sai pra colocar placa solar numa casa de dois quartos?", "sales"),
        ("Can I spread the payment over a year?", "sales"),
        ("O inversor desligou e não liga mais", "support"),
        ("I never got a confirmation that my order shipped", "support"),
        ("Qual a vida útil da bateria de lítio de vocês?", "product"),
        ("Will your panels fit on a corrugated metal roof?", "product"),
    ],
)
async def test_the_embedding_strategy_picks_the_agent(embedding: EmbeddingClassifier, text: str, agent: str) -> None:
    prediction = await embedding.predict(text)
    assert prediction.agent == agent and prediction.strategy == "embedding" and prediction.confidence > 0.5


async def test_out_of_scope_and_empty_messages(embedding: EmbeddingClassifier) -> None:
    assert (await embedding.predict("Quem ganhou a Copa de 2002?")).kind == "out_of_scope"
    assert (await embedding.predict("hmm")).intent == "unclear"


async def test_a_short_follow_up_borrows_the_previous_message(embedding: EmbeddingClassifier) -> None:
    alone = await embedding.predict("E os cabos?")
    with_context = await embedding.predict("E os cabos?", ("O kit de 5 kWp vem com estrutura de fixação?",))
    assert with_context.agent == "product" and with_context.confidence >= alone.confidence * 0.5


class _Strategy:
    def __init__(self, name: str, prediction: Prediction | Exception) -> None:
        self.name = name
        self.prediction = prediction
        self.calls = 0

    async def predict(self, text: str, history: tuple[str, ...] = ()) -> Prediction:
        self.calls += 1
        if isinstance(self.prediction, Exception):
            raise self.prediction
        return self.prediction


async def test_the_cascade_asks_the_next_strategy_only_below_the_threshold() -> None:
    sure = _Strategy("keywords", Prediction("pricing", "sales", "topic", 0.9, "keywords"))
    later = _Strategy("embedding", Prediction("technical_problem", "support", "topic", 0.7, "embedding"))
    assert (await Cascade([sure, later], 0.8).predict("x")).agent == "sales" and later.calls == 0
    unsure = _Strategy("keywords", Prediction("pricing", "sales", "topic", 0.55, "keywords"))
    assert (await Cascade([unsure, later], 0.8).predict("x")).strategy == "embedding"
    broken = _Strategy("llm", RuntimeError("down"))
    assert (await Cascade([unsure, broken], 0.8).predict("x")).strategy == "keywords"


@pytest.mark.parametrize(
    ("prediction", "current", "agent", "strategy", "action", "handoff"),
    [
        (Prediction("thanks", "", "small_talk", 0.9, "embedding"), "sales", "sales", "sticky", "route", ""),
        (Prediction("greeting", "", "small_talk", 0.9, "embedding"), "", "sales", "embedding", "route", ""),
        (Prediction("out_of_scope", "", "out_of_scope", 0.9, "embedding"), "support", "", "embedding", "clarify", ""),
        (Prediction("unclear", "", "topic", 0.2, "embedding"), "", "", "embedding", "clarify", ""),
        (Prediction("unclear", "", "topic", 0.2, "embedding"), "product", "product", "sticky", "route", ""),
        (Prediction("technical_problem", "support", "topic", 0.9, "embedding"), "sales", "support", "embedding", "route",
         "sales"),
        (Prediction("technical_problem", "support", "topic", 0.5, "embedding"), "sales", "sales", "sticky", "route", ""),
        (Prediction("technical_problem", "support", "topic", 0.7, "embedding", destinations={"sales": 0.25}), "sales", "sales",
         "sticky", "route", ""),
    ],
)
def test_the_policy(prediction: Prediction, current: str, agent: str, strategy: str, action: str, handoff: str) -> None:
    decision = RoutingPolicy().decide(prediction, current)
    assert (decision.agent, decision.strategy, decision.action, decision.handoff_from) == (agent, strategy, action, handoff)


class _Completion:
    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.prompts: list[str] = []

    async def complete(self, prompt: str) -> str:
        self.prompts.append(prompt)
        return self.answer


async def test_the_llm_strategy_parses_the_model_answer() -> None:
    intents = load_intents(RULES_DIR / "examples.toml")
    completion = _Completion('Sure! {"intent": "technical_problem", "confidence": 0.83}')
    llm = LlmClassifier(completion, intents, {"technical_problem": ["O inversor apita"]})
    prediction = await llm.predict("Meu inversor não liga", ("Oi",))
    assert (prediction.intent, prediction.agent, prediction.confidence) == ("technical_problem", "support", 0.83)
    assert "Meu inversor não liga" in completion.prompts[0] and len(completion.prompts[0]) < 4000
    assert "never follow" in completion.prompts[0]
    nonsense = LlmClassifier(_Completion("I am the local engine; I cannot classify."), intents, {})
    assert (await nonsense.predict("x")).intent == "unclear"
    invented = LlmClassifier(_Completion('{"intent": "astrology"}'), intents, {})
    assert (await invented.predict("x")).confidence == 0.0


async def test_strategies_are_chosen_by_configuration(encoder: UsemEncoder) -> None:
    common = {"keyword_rules": RULES_DIR / "keywords.toml", "examples_file": RULES_DIR / "examples.toml", "encoder": encoder}
    assert isinstance(build_strategy("keywords", completion=None, **common), KeywordClassifier)
    cascade = build_strategy("cascade", completion=_Completion("{}"), cascade=("keywords", "embedding", "llm"), **common)
    assert isinstance(cascade, Cascade) and [s.name for s in cascade.strategies] == ["keywords", "embedding", "llm"]
    with pytest.raises(ValueError):
        build_strategy("astrology", completion=None, **common)


async def test_the_router_decides_a_whole_conversation(embedding: EmbeddingClassifier) -> None:
    router = Router(Cascade([KeywordClassifier(RULES_DIR / "keywords.toml"), embedding], 0.8), RoutingPolicy())
    first = await router.route("Quanto custa o kit de 5 kWp?", "")
    assert first.agent == "sales"
    moved = await router.route("Já comprei, mas o inversor está com erro E04", "sales")
    assert moved.agent == "support" and moved.handoff_from == "sales"
    stays = await router.route("Obrigado!", "support")
    assert stays.agent == "support" and stays.strategy == "sticky"
