"""What the default business's customers get from the router (issue 16, routing): a money
problem with something already bought is support, a question about how to pay before
buying is sales; a measure of a named product is product, holding one "pra mim" is a sale; a follow-up of a few words stays
with its conversation; and a request a strategy is unsure of still reaches its nearest agent."""

from __future__ import annotations

import pytest

from atende_guardrails.encoder import UsemEncoder
from atende_guardrails.kept_vectors import default_folder
from router_svc.routing import ExampleSet, HybridClassifier, Prediction, Router, RoutingPolicy, load_cues
from router_svc.settings import RULES_DIR


@pytest.fixture(scope="module")
def router(encoder: UsemEncoder) -> Router:
    # The examples' vectors kept where the service keeps them (atende_guardrails/kept_vectors.py): the same vectors,
    # read instead of encoded again for every module.
    hybrid = HybridClassifier(encoder, ExampleSet.load(RULES_DIR / "examples.toml"), load_cues(RULES_DIR / "cues.toml"),
                              vector_folder=default_folder())
    hybrid.start_sync()
    return Router(hybrid, RoutingPolicy())


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        # The customer's own instalments and bills gone wrong: support, whatever money words they use.
        ("esqueci de pagar a parcela de maio, e agora?", "support"),
        ("preciso refinanciar as parcelas do sistema, ta pesado", "support"),
        ("o carnê veio 150 reais a mais do que a proposta", "support"),
        ("our loan payment this month was almost double, why?", "support"),
        # How a purchase would be paid: sales, even with the bill's words.
        ("posso pagar no boleto em 3 vezes?", "sales"),
        ("aceita pagar no boleto a instalação?", "sales"),
        # A measure of a named thing asked, and a named thing held for the customer.
        ("placa de 550 pesa quanto?", "product"),
        ("o SB-INV-5K mede quanto?", "product"),
        ("segura o kit 8.2 pra mim que eu fecho segunda", "sales"),
        ("gostei do SB-HYB-5K, manda pra mim", "sales"),
    ],
)
async def test_the_kind_of_request_names_its_agent(router: Router, text: str, agent: str) -> None:
    decision = await router.route(text, "")
    assert (decision.agent, decision.action) == (agent, "route")


async def test_a_few_words_answering_a_billing_case_stay_with_support(router: Router) -> None:
    history = ("o boleto da parcela veio com multa", "de quanto?")
    decision = await router.route("R$ 32,50", "support", history)
    assert (decision.agent, decision.handoff_from) == ("support", "")


def test_an_unsure_request_of_a_new_conversation_goes_to_its_nearest_agent() -> None:
    policy = RoutingPolicy()
    unsure = Prediction("technical_problem", "support", "topic", 0.38, "llm",
                        destinations={"support": 0.38, "sales": 0.31, "product": 0.2})
    assert (policy.decide(unsure, "").agent, policy.decide(unsure, "").action) == ("support", "route")
    # Too unsure, or another destination leads: the customer is asked.
    assert policy.decide(Prediction("technical_problem", "support", "topic", 0.2, "llm"), "").clarify
    tied = Prediction("pricing", "sales", "topic", 0.35, "llm", destinations={"sales": 0.35, "out_of_scope": 0.4})
    assert policy.decide(tied, "").clarify
    # In a conversation the agent keeps it, as before.
    assert policy.decide(unsure, "sales").agent == "sales"
