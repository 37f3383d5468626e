"""A business the router was never tuned on (PulsoFit, an invented gym chain) routed from
its own examples file alone: the domain-general cues and closing remarks must hold for
its customers' wording too. Messages here are invented for the tests (not probe rows)."""

from __future__ import annotations

import pytest

from atende_guardrails.encoder import UsemEncoder
from router_svc.eval import evalsets, probe
from router_svc.routing import HybridClassifier, Router, load_cues
from router_svc.routing.base import OUT_OF_SCOPE
from router_svc.routing.factory import build_router
from router_svc.routing.hybrid import _CLOSING, Cue
from router_svc.routing.normalize import folded
from router_svc.settings import RULES_DIR, Settings

GYM = evalsets.PROBE_BUSINESSES["pulsofit"]


@pytest.fixture(scope="module")
def gym(encoder: UsemEncoder) -> Router:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ROUTER_ROUTING_EXAMPLES", str(GYM))
        router = build_router(Settings(), encoder, None)
    router.start_sync()
    assert isinstance(router.members()[0], HybridClassifier)
    return router


def _label(router: Router, decision_agent: str, clarify: bool, intent: str) -> str:
    kinds = router.kinds()
    if clarify:
        return OUT_OF_SCOPE if intent == OUT_OF_SCOPE else "clarify"
    return "small_talk" if kinds.get(intent) == "small_talk" else decision_agent


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Asking for the cheaper option, or a better deal, asks a price.
        ("rola uma condição especial pra quem vem em dupla?", "sales"),
        # Asking for someone, or for help with something not yet said: the router asks what.
        ("queria falar com um atendente", "clarify"),
        ("vc pode me ajudar numa coisa?", "clarify"),
        # Closing remarks in chat shorthand, or saying one will talk it over.
        ("hmm ok, vou ver com minha mãe", "small_talk"),
    ],
)
async def test_a_new_business_gets_the_generic_cues(gym: Router, text: str, label: str) -> None:
    decision = await gym.route(text, "")
    assert _label(gym, decision.agent, decision.clarify, decision.intent) == label


def _cue(name: str) -> Cue:
    return next(c for c in load_cues(RULES_DIR / "cues.toml") if c.name == name)


def test_a_cheaper_option_asks_a_price_and_the_customers_own_entry_does_not() -> None:
    price = _cue("price")
    assert price.matches(folded("existe algum pacote mais barato que esse ai?"))
    assert price.matches(folded("anything cheaper than the premium one?"))
    assert price.matches(folded("qual o valor da entrada?"))
    assert not price.matches(folded("a catraca nao libera minha entrada com o cartao"))


def test_asking_whether_a_place_has_a_thing_speaks_against_a_complaint() -> None:
    has_feature = _cue("has_feature")
    assert has_feature.matches(folded("tem secador de cabelo nos banheiros?"))
    assert dict(has_feature.against).get("support", 0.0) > 0


@pytest.mark.parametrize("text", ["flw, bom fds", "falou, bom treino pra vcs"])
def test_chat_shorthand_thanks_and_goodbyes_close_a_turn(text: str) -> None:
    assert _CLOSING.search(folded(text))


def test_the_probe_business_is_known_to_the_probe_command() -> None:
    assert GYM.exists()
    assert "pulsofit" not in evalsets.BUSINESSES  # no blind set: the probe command only
    assert "pulsofit" in probe.main.__globals__["PROBE_BUSINESSES"]


@pytest.mark.parametrize(
    "text",
    [
        "qual o zap de vcs?",
        "me passa o email do atendimento",
        "telefone da ouvidoria",
        "what's your whatsapp number?",
        "phone number for complaints",
        "vcs repassam meus dados pra alguem?",
        "how do I get a copy of my personal data?",
    ],
)
async def test_how_to_reach_the_business_and_the_customers_own_data_are_never_out_of_scope(
    gym: Router, text: str
) -> None:
    """Every business answers these, whatever its trade; a new business's few examples
    never list the words, so without the cue they leaned out of scope."""
    decision = await gym.route(text, "")
    assert _label(gym, decision.agent, decision.clarify, decision.intent) not in (OUT_OF_SCOPE, "clarify", "small_talk")
