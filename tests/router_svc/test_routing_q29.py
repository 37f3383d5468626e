"""Routing cases of issue 16 item 2 from routing probe q-route29's half a (written blind on 2026-12-06, ninth
session; evals/probes/README.md): the visit of one's own plan named right after it is the customer's service,
thinking of closing after a question about a kit is a sale, the team praised and a joke taken back are small talk,
being attended or "uma coisa" asked for with nothing named is asked back (after a greeting and "é da X?" too, and
in a conversation under way), not having bought yet, financing for one's kind of earner and a simulation are a sale,
a system sized from one's roof and bill is a sale, one's own device gone dark is a fault, and another company's
service, a repair of an appliance or a vehicle's taxes are out of scope, and a measure asked by its value ("tem
eficiencia de quanto?") is how the product is, not its price. Sentences are written for these tests (not taken from evals/
or the probes)."""

from __future__ import annotations

import pytest

from router_svc.eval.evalsets import routed_conversation, routed_label
from router_svc.routing import Router


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("queria marcar a revisao semestral do meu plano Sol Tranquilo", "support"),
        ("o kit Serra 6 kWp segura uma casa com freezer e dois splits? to pensando em fechar mes que vem", "sales"),
        ("vcs foram muito atenciosos viu, parabens pelo atendimento", "small_talk"),
        ("kkkkk zoeira", "small_talk"),
        ("tem alguem ai pra me atender?", "clarify"),
        ("bom dia, é da Solar Norte? queria resolver uma coisa", "clarify"),
        ("queria saber uma coisinha sobre placa solar", "clarify"),
        ("nao fechei ainda, vcs financiam pra MEI?", "sales"),
        ("minha laje tem uns 40 m2 e a conta vem uns 500, caberia o que eu preciso?", "sales"),
        ("o visor do inversor apagou depois da chuva de ontem", "support"),
        ("vcs consertam geladeira? a minha parou de gelar", "out_of_scope"),
        ("a moto eletrica paga IPVA aqui no Tocantins?", "out_of_scope"),
        ("a bateria de vcs tem autonomia de quantas horas?", "product"),
    ],
)
async def test_q29_cases(solar: tuple[Router, dict[str, str]], text: str, label: str) -> None:
    assert await routed_label(solar, text) == label


async def test_a_need_with_nothing_named_is_asked_back_in_a_conversation_under_way(
        solar: tuple[Router, dict[str, str]]) -> None:
    labels = await routed_conversation(solar, [
        "qual a potencia do inversor de vcs?",
        "kkk brincadeira",
        "preciso de ajuda com uma coisa",
        "a segunda via do boleto da parcela 4, nao chegou no email",
    ])
    assert labels == ["product", "small_talk", "clarify", "support"]


async def test_a_financing_question_before_buying_stays_a_sale(solar: tuple[Router, dict[str, str]]) -> None:
    labels = await routed_conversation(solar, [
        "ainda nao comprei nada, queria saber se aprovam pra aposentado",
        "ganho uns 3 mil por mes",
        "blz, simula pra mim em 48x",
    ])
    assert labels == ["sales", "sales", "sales"]
