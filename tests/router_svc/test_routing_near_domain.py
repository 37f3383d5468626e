"""Messages near a business's trade that no agent of it handles, and look-alikes of one agent
that belong to another (issue 16, routing on messages nobody tuned for): a supplier, the press,
a sponsorship, a job or a tradesperson of another trade are out of scope, in any business; a
complaint that names the price is support; opening hours are never out of scope; a topic named
alone is asked back; paying after a product question is a sale. The messages are written for
the tests (not probe or eval rows)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from atende_guardrails.encoder import UsemEncoder
from router_svc.eval import evalsets, probe
from router_svc.routing import Decision, Router
from router_svc.routing.base import OUT_OF_SCOPE
from router_svc.routing.factory import build_router
from router_svc.settings import Settings


def _router(encoder: UsemEncoder, business: str) -> Router:
    examples = evalsets.BUSINESSES[business]
    with pytest.MonkeyPatch.context() as patch:
        if examples is not None:
            patch.setenv("ROUTER_ROUTING_EXAMPLES", str(examples))
        router = build_router(Settings(), encoder, None)
    router.start_sync()
    return router


@pytest.fixture(scope="module")
def solar(encoder: UsemEncoder) -> Router:
    return _router(encoder, "solar")


@pytest.fixture(scope="module")
def fibre(encoder: UsemEncoder) -> Router:
    return _router(encoder, "vetorfibra")


def _label(router: Router, decision: Decision) -> str:
    """What a REST client reads off the turn (see router_svc.eval.evalsets.rest_label)."""
    return evalsets.rest_label(decision, router.kinds())


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Selling to the business, writing about it, asking it for money: no customer's request.
        ("represento uma distribuidora de parafusos, quero apresentar nossos produtos pra vcs", OUT_OF_SCOPE),
        ("boa tarde, sou repórter de um portal de notícias e queria entrevistar alguém da empresa", OUT_OF_SCOPE),
        ("hi, I'm a reporter at a local paper, can I interview your CEO?", OUT_OF_SCOPE),
        # A job by its role, a utility's own service.
        ("vaga de vendedor externo, ainda tem?", OUT_OF_SCOPE),
        ("como peço a religação da energia na concessionária?", OUT_OF_SCOPE),
        # Charged above the quote, the difference wanted back: a complaint, whatever price it names.
        ("cobraram 3 mil a mais que o do orçamento, quero a diferença", "support"),
        ("mandaram a bateria errada, pedi a de 10 kwh", "support"),
        # Whether they make one for the customer's kind of place: a sale.
        ("vcs fazem sistema pra padaria?", "sales"),
        # A term of the thing asked alone, and the shop's hours: product.
        ("tem garantia?", "product"),
        ("que horas vcs fecham no sabado?", "product"),
        # A topic named with nothing asked yet: what about it?
        ("oi, é sobre a bateria", "clarify"),
        ("funciona?", "clarify"),
    ],
)
async def test_solar_customers_near_the_trade(solar: Router, text: str, label: str) -> None:
    assert _label(solar, await solar.route(text, "")) == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("what are your opening hours on sunday?", "product"),
        ("quero trabalhar como instalador terceirizado, como me cadastro?", OUT_OF_SCOPE),
        ("sou fornecedor de caixas de emenda, com quem falo pra oferecer nossos produtos?", OUT_OF_SCOPE),
        ("the tv is without the kids channels since this morning", "support"),
    ],
)
async def test_a_second_business_gets_the_same_rules(fibre: Router, text: str, label: str) -> None:
    assert _label(fibre, await fibre.route(text, "")) == label


async def test_the_loyalty_term_asked_in_a_sale_stays_a_sale(fibre: Router) -> None:
    decision = await fibre.route("com fidelidade?", "sales", ("vcs atendem em sarandi?", "qto fica o 300 mega?"))
    assert (decision.agent, decision.action) == ("sales", "route")


async def test_asking_for_the_pix_after_a_product_question_is_a_sale(solar: Router) -> None:
    decision = await solar.route("ok, manda o pix", "product", ("quero o kit 5.5", "ele ja vem com string box?"))
    assert decision.agent == "sales"


def test_the_probe_command_keeps_the_rows_of_the_business_it_routes(tmp_path: Path) -> None:
    rows = [
        {"kind": "single", "id": "s1", "business": "solar", "text": "qto custa o kit?", "agent": "sales", "half": "a"},
        {"kind": "single", "id": "v1", "business": "vetorfibra", "text": "sem net", "agent": "support", "half": "a"},
        {"kind": "conversation", "id": "v2", "business": "vetorfibra", "turns": [{"text": "oi", "agent": "small_talk"}],
         "half": "a"},
        {"kind": "single", "id": "x1", "text": "a row of a one-business file", "agent": "product", "half": "a"},
    ]
    path = tmp_path / "probe.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    single, conversations = probe.load(path, ("a",), "vetorfibra")
    assert [c.id for c in single] == ["v1", "x1"]
    assert [[c.id for c in turns] for turns in conversations] == [["v2#0"]]
    # The conversation command reads only the conversations of a mixed file.
    assert [[c.id for c in t] for t in probe.load_conversations(path, "vetorfibra", ("a",))] == [["v2#0"]]
