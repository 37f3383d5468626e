"""Issue 16, routing probe q-route51 (written blind): praise is thanks (unless it is sarcasm about a wait); how long the
installation takes stays in a sale; a question said to be general leaves a repair; the business asked to check
something of the customer's, or what they still owe, is their case; whether it pays off for their own bill or place is a
sale. Beside each, the nearest message whose route must not move. Sentences written for these tests, not taken from
the probes."""

from __future__ import annotations

import pytest

from router_svc.eval.evalsets import routed_conversation, routed_label
from router_svc.routing import Router


@pytest.mark.parametrize(("turns", "labels"), [
    (["quanto custa o kit de 4 kWp?", "e quanto tempo demora pra instalar?"], ["sales", "sales"]),
    (["a placa chegou rachada e ainda nem instalei", "vocês trocam ou devolvem o dinheiro?",
      "and in general, how much wind can these panels take?"], ["support", "support", "product"]),
    (["minha conta subiu mesmo com as placas", "vocês podem ver se o inversor está gerando direito?"],
     ["support", "support"]),
    (["quero saber o saldo devedor do meu financiamento com vocês", "dá pra quitar antecipado com desconto?"],
     ["support", "support"]),
])
async def test_a_conversation(solar: tuple[Router, dict[str, str]], turns: list[str], labels: list[str]) -> None:
    assert await routed_conversation(solar, turns) == labels


@pytest.mark.parametrize(("text", "label"), [
    ("o pessoal que fez a instalação foi muito caprichoso, parabéns pra equipe do Carlos e do Tiago", "small_talk"),
    ("parabéns pelo atendimento, duas semanas esperando a visita 👏", "support"),
    ("quanto tempo leva pra instalar um kit de 5 kWp?", "product"),
    ("tenho uma padaria com dois fornos elétricos e a conta ta pesada, solar compensa pra mim?", "sales"),
    ("minha conta vem uns 480 reais por mês, vale a pena colocar placa?", "sales"),
    ("vale a pena colocar solar numa casa com telhado virado pro sul?", "product"),
])
async def test_a_message_alone(solar: tuple[Router, dict[str, str]], text: str, label: str) -> None:
    assert await routed_label(solar, text) == label
