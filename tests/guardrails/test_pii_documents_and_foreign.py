"""Personal data the fourth PII probe leaned on (issue 16, item 4): RGs in the shapes of every state and
the ways customers name them, other documents a word names (CNH, título de eleitor, PIS/NIS, passport,
date of birth), phones and e-mails from abroad; and the look-alikes a reply must keep (quantities shaped
like a CEP, a coaxial cable, tax rates, a shop's birthday sale, a business line)."""

from __future__ import annotations

import pytest

from atende_guardrails.eval.build_pii_probe4 import cnh, pis, pis_dots, voter_id
from atende_guardrails.pii import redact

LICENCE = cnh("391028475")
VOTER = voter_id("28391047", "01")
WORKER = pis("1302948175")


def _gone(text: str, value: str) -> bool:
    redacted, _ = redact(text)
    return value not in redacted and redacted != text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("meu rg eh 528193746, precisa de mais algo?", "528193746"),
        ("o rg é o 61739284 ok", "61739284"),
        ("RG 739184 SSP/TO", "739184"),
        ("rg 0271839460051 ma", "0271839460051"),
        ("rg mg-13.582.940", "mg-13.582.940"),
        ("SSP/SP 418293756", "418293756"),
        ("RG/SP: 31928475", "31928475"),
        ("RG nr. 6284913", "6284913"),
        ("rne W319284-5, sou peruano", "W319284-5"),
        ("o rg segue abaixo 603918274", "603918274"),
        ("rg pro cadastro: mg-14.205.836", "mg-14.205.836"),
        (f"cnh {LICENCE} categoria B", LICENCE),
        (f"título de eleitor {VOTER[:4]} {VOTER[4:8]} {VOTER[8:]}", f"{VOTER[:4]} {VOTER[4:8]} {VOTER[8:]}"),
        (f"{pis_dots(WORKER)} é do meu marido", pis_dots(WORKER)),
        (f"nis {WORKER}", WORKER),
        ("passaporte HK294817", "HK294817"),
        ("passport number: 461829305", "461829305"),
        ("data de nascimento 08/11/1979", "08/11/1979"),
        ("I was born on 2 April 1968", "2 April 1968"),
        ("me liga no 00351 926 184 302", "00351 926 184 302"),
        ("reach me at (312) 555-0175 after 6pm", "(312) 555-0175"),
        ("my cell is 202-555-0190", "202-555-0190"),
        ("escreve pra inês@padaria-são-jorge.com.br", "inês@padaria-são-jorge.com.br"),
    ],
)
def test_documents_and_foreign_contacts_are_redacted(text: str, value: str) -> None:
    assert _gone(text, value), redact(text)


def test_an_apostrophe_in_an_address_is_redacted_with_it() -> None:
    assert redact("mail o'hara.j@mail.com please") == ("mail [email] please", ["email"])


def test_the_new_documents_are_reported_by_their_own_name() -> None:
    assert redact(f"cnh {LICENCE}")[1] == ["cnh"]
    assert redact(f"titulo de eleitor {VOTER}")[1] == ["voter_id"]
    assert redact(f"pis {WORKER}")[1] == ["pis"]
    assert redact("passaporte HK294817")[1] == ["passport"]
    assert redact("nasc. 08/11/1979")[1] == ["birth_date"]


@pytest.mark.parametrize(
    "text",
    [
        "vendemos 48213-912 unidades no ano",
        "cabo coaxial RG 59 100 metros",
        "alíquota de PIS/COFINS 9,25% na nota",
        "a promoção de aniversário vai até 10/10/2026",
        "birthday sale until 10/31/2026",
        "nasci em 1987 e moro aqui desde sempre",
        "CNH categoria B desde 2012",
        "ligue 0800 942 1830, é grátis",
        "conta 0012 3456 7890 na agência 1234",
        "passaporte vence em 2031, serve pro cadastro?",
        "protocolo de habilitação 20261203001",
        "meu RG vence em 14/09/2031",
        "rg já mandei, o pedido é 52819374",
    ],
)
def test_look_alikes_stay(text: str) -> None:
    assert redact(text) == (text, [])
