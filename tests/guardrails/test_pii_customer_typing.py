# ruff: noqa: RUF001  (an en dash typed for a hyphen on purpose)
"""Issue 16, item 4: personal data as customers type it in a hurry (a comma or an en dash for a
separator, "R.G.:", a PIX key that starts with an "e", an e-mail without ".com", dots spelled
in the name part, a state prefix glued to the RG) is redacted whole; and numbers a customer or a
reply names as an order, protocol, installation, contract, meter, IMEI or product (10- and
11-digit ones that could be dialled, an invoice's access key in groups of four, a business's
national line written with an area code) are left alone. Values are valid (check digits
computed) and none is taken from evals/."""

from __future__ import annotations

import pytest

from atende_guardrails.base import GuardContext
from atende_guardrails.pii import PiiCheck, redact

OUTPUT = GuardContext(stage="output")

# (message, what is left after redaction)
REDACTED = [
    ("cpf 246,813,579-28 (celular sem ponto)", "cpf [cpf] (celular sem ponto)"),
    ("meu cpf 246.813.579–28", "meu cpf [cpf]"),
    ("cpf 975.310.864_84", "cpf [cpf]"),
    ("cnpj 13,579,246/0001-01", "cnpj [cnpj]"),
    ("R.G.: 20304050X", "R.G.: [rg]"),
    ("rg SP30405060", "rg [rg]"),
    ("chave pix e9d8c7b6a5f44e3d8c2b1a0f9e8d7c6b", "chave pix [pix_key]"),
    ("manda no carol.m@gmail que eu vejo", "manda no [email] que eu vejo"),
    ("o email é carol ponto m arroba hotmail ponto com", "o email é [email]"),
]

LEFT_ALONE = [
    "o pedido 3134567890 veio errado",
    "abri o protocolo 4734561234 semana passada",
    "protocolo de atendimento 5133330000",
    "UC 6134567890 sem leitura",
    "contrato 2233445566 vence em junho",
    "chamado #6232109876",
    "medidor 3456-7012 trocado ontem",
    "cód. do produto 3412-7788",
    "IMEI 490154203237518",
    "SAC nacional (21) 4003-5566",
    # its first sixteen digits pass the card check
    "chave de acesso 4126 0598 7654 3205 0144 5500 1000 4567 8100 4567 8123",
]


@pytest.mark.parametrize(("text", "expected"), REDACTED)
def test_hurried_typing_is_redacted_whole(text: str, expected: str) -> None:
    assert redact(text)[0] == expected


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_numbers_named_as_something_else_are_left_alone(text: str) -> None:
    assert PiiCheck().scan(text, OUTPUT) == []


def test_a_number_after_an_id_word_is_still_a_phone_when_a_phone_word_came_since_the_last_number() -> None:
    assert redact("cel é 21987654321, pedido 2134567890")[0] == "cel é [phone], pedido 2134567890"
    assert redact("telefone do pedido 31987650123")[0] == "telefone do pedido [phone]"
