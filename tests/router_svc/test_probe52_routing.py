"""Issue 16, routing probes q-route52 and q-route53 (written blind): praise of the service is thanks; when it pays
itself back on the customer's own bill is a sale, as is whether it is worth it for them; the bill that came high even
with the system is the customer's case; a greeting before asking for help is still a request not yet made; one kind
against another is a product question, unless it is sized to the customer's own bill or house. Beside each, the
nearest message whose route must not move. Sentences written for these tests, not taken from the probes."""

from __future__ import annotations

import pytest

from router_svc.eval.evalsets import routed_conversation, routed_label
from router_svc.routing import Router


@pytest.mark.parametrize(("turns", "labels"), [
    (["oi boa tarde", "minha conta vem 450, em quanto tempo as placas se pagam?"], ["small_talk", "sales"]),
    # the bill as it came beside the system that should have lowered it, and its follow-up
    (["minha fatura veio 380 reais mesmo com as placas", "no mês passado tinha vindo 90"], ["support", "support"]),
])
async def test_a_conversation(solar: tuple[Router, dict[str, str]], turns: list[str], labels: list[str]) -> None:
    assert await routed_conversation(solar, turns) == labels


@pytest.mark.parametrize(("text", "label"), [
    ("amei o atendimento do Rafael, nota dez pra vocês", "small_talk"),
    ("adorei o atendimento, mas o técnico não voltou pra terminar a instalação", "support"),
    ("em quanto tempo um sistema solar se paga, em geral?", "product"),
    ("alô, alguém pode me atender por favor?", "clarify"),
    ("quero comprar daqui uns meses, mas antes me explica: inversor híbrido é melhor que o on-grid?", "product"),
    ("o kit de 6 kWp é melhor que o de 4 pra minha casa? minha conta é 520", "sales"),
])
async def test_a_message_alone(solar: tuple[Router, dict[str, str]], text: str, label: str) -> None:
    assert await routed_label(solar, text) == label
