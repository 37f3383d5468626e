"""A business configured with only a handful of examples per intent (Sorriso Vivo, an invented
chain of dental clinics: evals/probes/sorrisovivo_routing_examples.toml) still routes the
common requests of any business: the generic prior under its own examples (rules/prior.toml)
and the domain-general cues. Messages here are invented for the tests (not probe rows)."""

from __future__ import annotations

import pytest

from atende_guardrails.encoder import UsemEncoder
from router_svc.eval import evalsets
from router_svc.routing import HybridClassifier, Router
from router_svc.routing.factory import build_router
from router_svc.settings import Settings

CLINIC = evalsets.PROBE_BUSINESSES["sorrisovivo"]


@pytest.fixture(scope="module")
def clinic(encoder: UsemEncoder) -> Router:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ROUTER_ROUTING_EXAMPLES", str(CLINIC))
        router = build_router(Settings(), encoder, None)
    router.start_sync()
    assert isinstance(router.members()[0], HybridClassifier)
    return router


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Becoming a customer (patient, member) is a sale, whatever the business calls its customers.
        ("como faço pra me tornar paciente de vocês?", "sales"),
        ("how do I become a patient at your clinic?", "sales"),
        ("I'm a new patient, can I come on Monday?", "sales"),
        # How a thing is done is a question about it, not its price.
        ("como é feita a extração do siso?", "product"),
        # Paying and packages, asked before buying, though the business wrote no example of them.
        ("dá pra pagar parte no pix e parte no cartão?", "sales"),
        ("vocês têm pacote pra casal?", "sales"),
    ],
)
async def test_a_business_with_few_examples_routes_common_requests(clinic: Router, text: str, label: str) -> None:
    decision = await clinic.route(text, "")
    kinds = clinic.kinds()
    assert evalsets.rest_label(decision, kinds) == label


def test_the_clinic_is_a_probe_business() -> None:
    assert CLINIC.exists()
    assert "sorrisovivo" not in evalsets.BUSINESSES
