"""Issue 16, routing probe q-route54 (written blind, Tucumã Energia Solar): a conversation that turns to a kit for the
customer's own business and then gives its bill is a sale, and a bill said alone is the figure a system is sized from
(unless a case or a product question is at hand); the customer's own plan's coverage, their project's paperwork and when
their problem will be solved are support; praise of the answer's speed and a fact taken in are small talk; a question
announced and not asked yet is a request not yet made. Beside each, the nearest message whose route must not move.
Sentences written for these tests, not taken from the probe."""

from __future__ import annotations

import pytest

from router_svc.eval.evalsets import routed_conversation, routed_label
from router_svc.routing import Router


@pytest.mark.parametrize(("turns", "labels"), [
    # a support case, then a kit for the customer's own business, its bill, and back to the case
    (["o monitoramento parou de atualizar faz dois dias", "vcs fazem sistema pra comercio? tenho uma padaria",
      "a conta da padaria vem uns 1500", "e o monitoramento, vai ser resolvido quando?"],
     ["support", "sales", "sales", "support"]),
    # a bill given in a case of the customer's, and in a question of whether solar pays off, answers that case
    (["minha conta continua alta mesmo com as placas", "minha conta vem uns 600"], ["support", "support"]),
    (["vale a pena ter energia solar?", "minha conta é uns 250"], ["product", "product"]),
    # a fact taken in closes the turn as small talk
    (["quanto tempo dura uma placa solar?", "ah bom saber"], ["product", "small_talk"]),
])
async def test_a_conversation(solar: tuple[Router, dict[str, str]], turns: list[str], labels: list[str]) -> None:
    assert await routed_conversation(solar, turns) == labels


@pytest.mark.parametrize(("text", "label"), [
    ("minha conta de luz fica uns 900 por mês", "sales"),
    ("minha conta veio 900 esse mês, dobrou", "support"),
    ("a revisão semestral tá coberta pelo meu plano?", "support"),
    ("a limpeza está incluída no plano básico?", "product"),
    ("vocês já protocolaram o projeto na distribuidora? instalaram semana passada", "support"),
    ("vocês já mandaram o orçamento que pedi?", "sales"),
    ("vixe, vcs atenderam rapidinho hein", "small_talk"),
    ("amigo, me tira uma dúvida rapidinho", "clarify"),
])
async def test_a_message_alone(solar: tuple[Router, dict[str, str]], text: str, label: str) -> None:
    assert await routed_label(solar, text) == label
