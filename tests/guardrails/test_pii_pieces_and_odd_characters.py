"""Issue 16 (p-pii7): personal data a customer gives in two pieces across a sentence, typed with odd dashes,
"fancy font" digits, a link's encoded spaces or "@", a JSON key joined by underscores, a passport a few words (a
year among them) after its word, the country and area codes in one pair of parentheses, "DN" before a full date;
and what must stay: a protocol in a phone's shape, pieces whose digits together fail the check, an en dash
between two times, a UUID a word names as an order's, a pipe's "DN 25", a range of kWh or W. Values are of our
own, with computed check digits; none is taken from evals/ or the probes."""

from __future__ import annotations

import pytest

from atende_guardrails.eval.build_pii_probe import cnpj, cpf, luhn
from atende_guardrails.pii import redact

PERSON = cpf("405218936")
FIRM = cnpj("613094280001")
CARD = luhn("549120384716203")
BOLD = {ord(c): 0x1D7CE + int(c) for c in "0123456789"}


@pytest.mark.parametrize(
    ("text", "left"),
    [
        (f"o cpf é {PERSON[:3]}.{PERSON[3:6]} e o final {PERSON[6:9]}-{PERSON[9:]}", "o cpf é [cpf] e o final [cpf]"),
        (f"meu cpf {PERSON[:9]}, o digito {PERSON[9:]}", "meu cpf [cpf], o digito [cpf]"),
        (f"cnpj {FIRM[:8]} e depois /{FIRM[8:12]}-{FIRM[12:]}", "cnpj [cnpj] e depois /[cnpj]"),
        (f"cartão {CARD[:4]} {CARD[4:8]}, o resto {CARD[8:12]} {CARD[12:]}", "cartão [card], o resto [card]"),
        ("celular (41) 99823\u20147710", "celular [phone]"),
        ("nasc. 21\u201310\u20131983", "nasc. [birth_date]"),
        ("zap " + "41 99823-7710".translate(BOLD), "zap [phone]"),
        (f"https://wa.me/5541998230017?text=segue%20meu%20cpf%20{PERSON}", "https://wa.me/[phone]?text=segue%20meu%20cpf%20[cpf]"),
        ("passaporte (italiano, emitido 2021): YA4820193", "passaporte (italiano, emitido 2021): [passport]"),
        ("whats (+55 41) 99823-7711", "whats [phone]"),
        ('{"rg_titular": "29384715", "data_nascimento": "1979-08-14"}',
         '{"rg_titular": "[rg]", "data_nascimento": "[birth_date]"}'),
        ("https://loja.com/conta?email=lia.m%40gmail.com&aba=1", "https://loja.com/conta?email=[email]&aba=1"),
        ("DN 14/08/1979", "DN [birth_date]"),
        ("cpf 405\u00b7218\u00b7936\u201115", "cpf [cpf]"),
        ("fone 41 99823\u20437712", "fone [phone]"),
    ],
)
def test_values_in_pieces_and_odd_characters_are_redacted(text: str, left: str) -> None:
    assert redact(text)[0] == left


@pytest.mark.parametrize(
    "text",
    [
        "protocolo nº 4199823-7712 do atendimento",
        # the two pieces' digits together fail the check: two other numbers
        f"cpf {PERSON[:3]}.{PERSON[3:6]} e o final {PERSON[6:9]}-{(int(PERSON[9:]) + 1) % 100:02d}",
        f"cartão {CARD[:4]} {CARD[4:8]} e o pedido {CARD[8:12]} {CARD[12:]}",
        "atendimento das 08:00\u201418:00, seg a sex",
        "passaporte vence em 2031, pedido 48213907",
        "id: 3b9e0f42-7c1d-4a8e-9f25-6d0c8b1a2e73 do pedido que deu erro",
        '{"order_id": "48213907", "created_at": "2026-12-05"}',
        "tubo DN 25 e DN 50",
        "consumo 4500-5200 kWh por ano, potencia 5000\u20138000 W",
    ],
)
def test_look_alike_numbers_stay(text: str) -> None:
    assert redact(text) == (text, [])
