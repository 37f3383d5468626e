"""Routing cases of issue 16 item 2 (branch q-route9), in the customers' informal styles: damage
that someone else did is a support case, asking leave to ask is asked back, a question about the
assistant is small talk, whether a thing is worth it or who may use it is a product question even
in a sale, a variant of the request at hand ("e se for com ...?") stays with it, a course to learn
from is out of scope, asking for the proposal is a sale, and a plan's upload speed, or the speed
it reaches on a device, is a product question. Sentences are written for these tests (not taken from evals/ or the probes)."""

from __future__ import annotations

import re
import time

import pytest

from router_svc.eval.evalsets import routed_label
from router_svc.routing import Router, load_cues
from router_svc.settings import RULES_DIR


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # What the people who came broke or scratched: the customer's case.
        ("quebraram duas telhas na instalação, com quem eu falo?", "support"),
        # Asking leave to ask, the question not asked yet.
        ("opa, dava pra tirar umas duvidas?", "clarify"),
        ("boa tarde, queria fazer umas perguntas", "clarify"),
        ("ola, gostaria de esclarecer umas duvidas", "clarify"),
        # About the assistant itself.
        ("to conversando com uma maquina?", "small_talk"),
        # Whether a thing is worth having: how it is, not its price.
        ("microinversor vale a pena ou é melhor string?", "product"),
        # A course or a book to learn from is no business of theirs.
        ("sabe de algum livro bom sobre energia fotovoltaica?", "out_of_scope"),
    ],
)
async def test_single_messages_of_the_solar_business(solar: tuple[Router, dict[str, str]], text: str, label: str) -> None:
    assert await routed_label(solar, text) == label


async def test_a_feature_question_in_a_sale_goes_to_product_and_the_proposal_back_to_sales(
    solar: tuple[Router, dict[str, str]],
) -> None:
    history: tuple[str, ...] = ("quanto fica um sistema pra uma conta de 380?",)
    assert await routed_label(solar, "e vai precisar furar a laje?", "sales", history) == "product"
    history = (*history, "e vai precisar furar a laje?")
    assert await routed_label(solar, "ta bom, envia a proposta", "product", history) == "sales"


async def test_a_variant_of_the_request_at_hand_stays_with_it(solar: tuple[Router, dict[str, str]]) -> None:
    history = ("me faz um orçamento pro meu apartamento, a conta vem 260",)
    assert await routed_label(solar, "e se fosse com baterias?", "sales", history) == "sales"


async def test_a_plans_upload_speed_is_a_spec(fibre: tuple[Router, dict[str, str]]) -> None:
    assert await routed_label(fibre, "qual a velocidade de upload do plano de 700?") == "product"


async def test_who_may_use_the_plan_is_a_product_question_in_a_sale(gym: tuple[Router, dict[str, str]]) -> None:
    history = ("quanto ta o plano familia?",)
    assert await routed_label(gym, "meu marido pode usar nas duas unidades?", "sales", history) == "product"
    assert await routed_label(gym, "o plano familia da direito a aula de natação?", "sales", history) == "product"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Whether a plan's speed reaches a device: how the service works, not its price ...
        ("o plano de 300 mega entrega 300 no notebook?", "product"),
        ("will I get 500 over wifi with the 500 plan?", "product"),
        # ... and saying it does not is a fault.
        ("o sinal nao chega no celular do quarto", "support"),
    ],
)
async def test_a_speed_on_a_device_is_a_product_question(fibre: tuple[Router, dict[str, str]], text: str, label: str) -> None:
    assert await routed_label(fibre, text) == label


async def test_a_bare_follow_up_in_a_sale_goes_where_its_kind_of_question_belongs(
    solar: tuple[Router, dict[str, str]], gym: tuple[Router, dict[str, str]]
) -> None:
    # The warranty, the upkeep or whether it works in some condition, asked after a price: the product's terms.
    history = ("me passa o valor do sistema pra conta de 410",)
    assert await routed_label(solar, "certo, e a garantia do painel?", "sales", history) == "product"
    assert await routed_label(solar, "e gera em dia nublado?", "sales", history) == "product"
    assert await routed_label(solar, "blz, e a manutençao?", "sales", history) == "product"
    assert await routed_label(solar, "and the upkeep?", "sales", history) == "product"
    assert await routed_label(gym, "e abre de noite?", "sales", ("quanto ta o plano mensal?",)) == "product"
    # The instalments, asked bare after a question about the product: paying for it, a sale.
    assert await routed_label(solar, "ok, e as parcelas?", "product", ("a bateria de litio dura quantos anos?",)) == "sales"


@pytest.mark.parametrize("hostile", ["? " * 500, "e " * 500, "!" * 1000])
def test_no_cue_backtracks_on_a_long_run_of_the_same_token(hostile: str) -> None:
    # The router reads up to 1000 characters of a message; each cue's pattern must read them in
    # linear time (two adjacent \W* around an optional greeting, or two overlapping repeated
    # groups, took tens of milliseconds on a run of "? ").
    slow = []
    for cue in load_cues(RULES_DIR / "cues.toml"):
        for pattern in cue.patterns:
            best = min(_seconds(pattern, hostile) for _ in range(3))
            if best > 0.005:
                slow.append((cue.name, pattern.pattern[:60], round(best * 1000, 1)))
    assert not slow, slow


def _seconds(pattern: re.Pattern[str], text: str) -> float:
    start = time.perf_counter()
    pattern.search(text)
    return time.perf_counter() - start
