"""Routing cases of issue 16 item 2 from routing probe q-route30's half a (written blind on 2026-12-06, ninth
session; evals/probes/README.md): how many panels one needs, one like someone else's, a battery added and a plan
upgraded are a sale (what would happen if one added a battery is how the product is); a project for a rural property
is a sale; laughter or emoji alone, "eae" and a message sent to the wrong chat are small talk (punctuation alone is
asked back); another company's bill or line, the power utility's own service and someone's homework are out of
scope; whether a system works in a blackout, asked in general, is how it is made; the price of what one bought
dropping, an alert one's system sent, credits not on the bill and a plan one holds, named, with its visit asked, are
the customer's case; a question asked on something heard, with nothing of one's own in it, and what the app shows,
asked in general, are how the product is.
Sentences are written for these tests (not taken from evals/ or the probes)."""

from __future__ import annotations

import pytest

from router_svc.eval.evalsets import routed_conversation, routed_label
from router_svc.routing import Router


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("pra gastar uns 450 kwh por mes quantas placas a gente precisaria?", "sales"),
        ("minha irma instalou com vcs ano passado, queria um igual pra minha casa", "sales"),
        ("vcs fazem sistema pra propriedade rural? tenho gado e poço artesiano", "sales"),
        ("hahahahaha", "small_talk"),
        ("🙏🙏🙏", "small_talk"),
        ("...", "clarify"),
        ("eae", "small_talk"),
        ("opa foi mal, mensagem errada", "small_talk"),
        ("a fatura da tim veio cobrando coisa que nao usei", "out_of_scope"),
        ("qual o whatsapp da cemig pra pedir religação? cortaram a luz aqui", "out_of_scope"),
        ("me ajuda com meu trabalho de quimica sobre energia solar? é pra sexta", "out_of_scope"),
        ("se faltar energia na rua as placas continuam gerando?", "product"),
        ("does the system keep running during power outages?", "product"),
        ("o kit que eu comprei semana passada baixou 2 mil, vcs devolvem a diferença?", "support"),
        ("o app mandou um alerta de isolamento baixo hoje cedo", "support"),
        ("assino o Solar Zen Plus, queria marcar a limpeza do semestre", "support"),
        # a question on something heard, nothing of one's own in it; what the app shows, asked in general
        ("o inversor esquenta muito? ouvi dizer que fica pelando no verao", "product"),
        ("is the battery noisy at night? just wondering", "product"),
        ("meu inversor ta esquentando muito, ouvi dizer que pode pegar fogo?", "support"),
        ("o aplicativo mostra a economia em reais tambem ou so os kwh?", "product"),
        ("a conta da luz nao ta vindo com o credito das placas desde marco", "support"),
    ],
)
async def test_q30_cases(solar: tuple[Router, dict[str, str]], text: str, label: str) -> None:
    assert await routed_label(solar, text) == label


async def test_a_battery_added_in_a_support_conversation_is_a_sale(solar: tuple[Router, dict[str, str]]) -> None:
    labels = await routed_conversation(solar, [
        "meu inversor desliga toda vez que acaba a luz, ta com defeito?",
        "entendi. quanto fica pra colocar uma bateria entao?",
    ])
    assert labels == ["support", "sales"]


async def test_what_a_battery_would_do_stays_a_product_question(solar: tuple[Router, dict[str, str]]) -> None:
    labels = await routed_conversation(solar, [
        "how does net metering work with your systems?",
        "what if I add a battery later?",
    ])
    assert labels == ["product", "product"]
