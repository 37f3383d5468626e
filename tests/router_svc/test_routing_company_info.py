"""Questions about the business itself (where its stores are, when they open, how to reach it,
its history) are in scope: the product agent answers them from the knowledge base, as the
blind sets label them. The default configuration had no intent for them, so a message like
"where is your showroom?" fell to out of scope and the customer heard "we don't do that".
Another place's hours or phone (a bank's, a hospital's) stays out of scope. Becoming a reseller, or being paid
for a referral, is a matter for sales.
Sentences are written for these tests (not taken from evals/ or the probes)."""

from __future__ import annotations

import pytest

from router_svc.eval.evalsets import routed_label
from router_svc.routing import Router


@pytest.mark.parametrize(
    "text",
    [
        "em que ano a empresa de vcs foi criada?",
        "vcs tem loja em fortaleza? onde fica",
        "que horas vcs fecham no sabado?",
        "what's your whatsapp number?",
        "where is your showroom located?",
        "quem é o responsavel pela LGPD ai na empresa?",
        "quem é o dono da empresa de vcs?",
        "vcs mandam kit pra argentina?",
    ],
)
async def test_the_business_itself_is_in_scope(solar: tuple[Router, dict[str, str]], text: str) -> None:
    assert await routed_label(solar, text) == "product"


@pytest.mark.parametrize("text", ["do you pay anything for referrals?", "how can I become one of your resellers?"])
async def test_programmes_that_pay_or_discount_are_sales(solar: tuple[Router, dict[str, str]], text: str) -> None:
    assert await routed_label(solar, text) == "sales"


@pytest.mark.parametrize(
    "text",
    [
        "qual o telefone do hospital das clinicas?",
        "me passa o endereço do cartorio de registro civil",
        "what time does the post office open on saturday?",
    ],
)
async def test_another_places_hours_and_phone_are_not(solar: tuple[Router, dict[str, str]], text: str) -> None:
    assert await routed_label(solar, text) == "out_of_scope"
