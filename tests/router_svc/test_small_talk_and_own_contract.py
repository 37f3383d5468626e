"""Issue 16, routing probes q-route20 to q-route42 (written blind). What customers say to the assistant that asks nothing
of the business, in shapes the small-talk examples missed (a joke asked for, the sun remarked on, a problem solved and
said so, a phone taken by a child, a holiday greeting to the team, the assistant's name after a comma), reads as small
talk through the default router; the nearest requests still reach their agents. The customer's own financing paid off
early and the next visit their plan holds reach support. Sentences written for this test, not taken from the probes."""

from __future__ import annotations

import pytest

from atende_guardrails.encoder import UsemEncoder
from router_svc.eval.evalsets import rest_label, routed_label, router_for
from router_svc.routing import Router


@pytest.fixture(scope="module")
def routed(encoder: UsemEncoder) -> tuple[Router, dict[str, str]]:
    return router_for("solar", encoder)


@pytest.mark.parametrize("text", [
    "me conta uma piada de energia solar kkk",
    "tell us a joke",
    "nossa, o sol hoje ta de rachar aqui em Cuiabá",
    "com esse sol ate eu to gerando energia kkkk",
    "deu certo! era isso mesmo, valeu",
    "it worked, thank you",
    "desculpa, minha filha mexeu no celular",
    "Feliz Natal pra toda equipe da loja! 🎄",
    "what's your name, assistant?",
    "adoro vcs, melhor empresa do Ceará",
    "ah que pena",
])
async def test_chit_chat_is_small_talk(routed: tuple[Router, dict[str, str]], text: str) -> None:
    assert await routed_label(routed, text) == "small_talk", text


@pytest.mark.parametrize(("text", "label"), [
    ("que calor, o inversor ta desligando sozinho", "support"),
    ("deu certo o pagamento? paguei o boleto ontem", "support"),
    ("adoro vcs, quero comprar mais 4 placas", "sales"),
])
async def test_a_request_beside_the_pleasantry_still_reaches_its_agent(routed: tuple[Router, dict[str, str]], text: str,
                                                                       label: str) -> None:
    assert await routed_label(routed, text) == label, text


@pytest.mark.parametrize("text", [
    # the customer's own financing paid off early (seven of seven such probe messages are support)
    "se eu quitar o financiamento antes, pago menos juros?",
    "quero antecipar 5 parcelas do meu contrato, como faço?",
    # the next visit the customer's plan holds
    "quando vai ser a próxima manutenção do meu plano?",
])
async def test_the_customers_own_contract_reaches_support(routed: tuple[Router, dict[str, str]], text: str) -> None:
    assert await routed_label(routed, text) == "support", text


async def test_a_warranty_asked_in_a_repair_stays_with_the_repair(routed: tuple[Router, dict[str, str]]) -> None:
    router, kinds = routed
    history = ("o inversor desarmou depois da tempestade e não liga mais",)
    for follow_up in ("e a garantia cobre isso?", "ele tem quantos anos de garantia?"):
        assert rest_label(await router.route(follow_up, "support", history), kinds) == "support", follow_up
    # asked cold, the warranty's terms are a product question
    assert await routed_label(routed, "a garantia cobre descarga elétrica?") == "product"
