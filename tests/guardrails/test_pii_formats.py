# ruff: noqa: RUF001  (en dashes between digits on purpose: customers paste them)
"""Issue 16: the PII check redacts personal data however a customer writes it (formatted, bare,
split by spaces, spelled out, inside chatty pt-BR or English) and whole, not in part; and leaves
alone the numbers a commercial conversation is full of (orders, protocols, prices, dates, model
codes, readings, speeds, invoices, tracking codes, IPs, versions, business lines, ranges).
Values are valid (check digits computed); none is taken from evals/."""

from __future__ import annotations

import pytest

from atende_guardrails.base import GuardContext
from atende_guardrails.pii import PiiCheck, redact

OUTPUT = GuardContext(stage="output")

# (message, what the customer sees after redaction)
REDACTED = [
    # CPF
    ("meu cpf é 517.293.840-05 blz", "meu cpf é [cpf] blz"),
    ("cpf 51729384005", "cpf [cpf]"),
    ("o cpf dela: 517 293 840 05", "o cpf dela: [cpf]"),
    ("CPF 640.128.375 - 08, confere?", "CPF [cpf], confere?"),
    ("cpf 5172 9384 005 (digitei rapido)", "cpf [cpf] (digitei rapido)"),
    ("5 1 7 2 9 3 8 4 0 0 5", "[cpf]"),
    ("My CPF is 287.461.093-31.", "My CPF is [cpf]."),
    # CNPJ, numeric and the alphanumeric one
    ("nota no cnpj 28.374.615/0001-05", "nota no cnpj [cnpj]"),
    ("CNPJ 28374615000105", "CNPJ [cnpj]"),
    ("cnpj 28 374 615 0001 05", "cnpj [cnpj]"),
    ("empresa nova, cnpj A1.B2C.3D4/0001-93", "empresa nova, cnpj [cnpj]"),
    # RG of several states and the ways it is labelled
    ("RG 41.225.873-X", "RG [rg]"),
    ("rg nº 41.225.873-4 SSP/SP", "rg nº [rg] SSP/SP"),
    ("identidade MG-13.579.246", "identidade [rg]"),
    ("doc dele: SP 41.225.873-4", "doc dele: [rg]"),
    ("2.468.135 SSP/DF", "[rg] SSP/DF"),
    ("rg 7.654.321 SDS-PE", "rg [rg] SDS-PE"),
    ("RG 9081726354 (sou do RS)", "RG [rg] (sou do RS)"),
    ("my ID card (RG) number is 41.225.873-4", "my ID card (RG) number is [rg]"),
    # phones: mobile, landline, +55, DDD in parentheses, trunk prefix, dots, spaces, abroad
    ("me chama no zap (31) 99876-5432", "me chama no zap [phone]"),
    ("cel 31998765432", "cel [phone]"),
    ("+55 31 99876-5432", "[phone]"),
    ("+55 (31) 9 9876-5432", "[phone]"),
    ("+5531998765432", "[phone]"),
    ("fixo (0xx31) 3456-7890", "fixo [phone]"),
    ("liga 031 3456-7890", "liga [phone]"),
    ("31.99876.5432", "[phone]"),
    ("(31) 987 654 321", "[phone]"),
    ("(31) 99876–5432", "[phone]"),
    ("anota: 9 9876 5432", "anota: [phone]"),
    ("recado no 3456-7890", "recado no [phone]"),
    ("call me on +1 (212) 555-0147", "call me on [phone]"),
    ("to em lisboa, +351 912 345 678", "to em lisboa, [phone]"),
    ("cel argentino +54 9 11 4567-8901", "cel argentino [phone]"),
    # e-mail: plus-addressing, subdomains, capitals, spelled out
    ("ze.carlos+nf@uol.com.br", "[email]"),
    ("manda pra bruno@ti.matriz.empresa.com.br", "manda pra [email]"),
    ("EMAIL CARLA.DIAS@YAHOO.COM.BR", "EMAIL [email]"),
    ("meu email é ze arroba uol ponto com ponto br", "meu email é [email]"),
    ("ze(arroba)uol(ponto)com", "[email]"),
    ("ze [at] uol [dot] com", "[email]"),
    ("write to ze.c at outlook dot com", "write to [email]"),
    ("meu email: ze.carlos @ gmail.com", "meu email: [email]"),
    ("me manda no ze.carlos arroba gmail", "me manda no [email]"),
    # CEP
    ("cep 30130-010", "cep [cep]"),
    ("Rua X, 10 - Belo Horizonte, 30130-010", "Rua X, 10 - Belo Horizonte, [cep]"),
    ("CEP:30130010", "CEP:[cep]"),
    ("cep 30130 010", "cep [cep]"),
    ("CEP-30.130-010", "CEP-[cep]"),
    # cards, 13 to 19 digits, Luhn
    ("cartão 4556 1234 0987 6547", "cartão [card]"),
    ("4556-1234-0987-6547", "[card]"),
    ("cobra no 4556123409876547", "cobra no [card]"),
    ("amex 3412 876543 21091", "amex [card]"),
    ("diners 3012 345678 9019", "diners [card]"),
    ("visa antigo 4912345678900", "visa antigo [card]"),
    ("6062 8211 1122 2233 336", "[card]"),
    # PIX keys: random (EVP), phone, e-mail, CPF
    ("chave pix 0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "chave pix [pix_key]"),
    ("PIX 0F8E7D6C-5B4A-4392-8170-6F5E4D3C2B1A", "PIX [pix_key]"),
    ("pix: +55 31 99876-5432", "pix: [phone]"),
    ("chave pix: ze.pix@gmail.com", "chave pix: [pix_key]"),
    ("faz o pix no cpf 517.293.840-05", "faz o pix no cpf [cpf]"),
    # boleto lines: bank (47 digits) and utility (48)
    ("linha digitavel 03399.12347 56700.000013 23456.701012 3 97010000045990", "linha digitavel [boleto]"),
    ("03399123475670000001323456701012397010000045990", "[boleto]"),
    ("conta de luz 82690000000-9 52310042001-8 33445566778-5 89900112233-7", "conta de luz [boleto]"),
    ("826900000009523100420018334455667785899001122337", "[boleto]"),
]

LOOK_ALIKES = [
    "meu pedido 583920174 saiu pra entrega?",
    "Order #100234567 was charged twice",
    "protocolo 2024120312345678",
    "protocolo nº 1128-3345-9981",
    "meu pedido é o 98765-4321",
    "cod 2345-6789",
    "R$ 3.499,00 ou 12x de R$ 291,58",
    "orçamento entre R$ 2500-3200",
    "uns 2500 – 3000 kWh por ano",
    "vendi 4500 3200 unidades",
    "dia 03/12/2024 às 14:30",
    "2024-12-03T14:22:05",
    "de 2019–2024 paguei caro",
    "inversor SB-INV-5K com erro E-204",
    "leitura atual 0045123 kWh, anterior 0044871 kWh",
    "1.234 kWh esse mês",
    "plano de 500 Mbps, medi 312.5 Mbps",
    "NF-e 000.145.372 série 1",
    "invoice INV-2024-000871",
    "rastreio NL123456789BR",
    "objeto OV 987 654 321 BR",
    "IP 192.168.100.1, gateway 10.0.0.254",
    "servidor 200.221.11.100",
    "versão 2.13.4 (build 2024.11.05)",
    "release 9.8765.4321",
    "Windows 10.0.19045.3803",
    "SAC 0800 701 1234",
    "capitais 4004-0001",
    "SAC 3003-1234",
    "I logged in at outlook.com yesterday",
    "available at amazon.com.br",
    "chave de acesso 3524 1112 3456 7800 0195 5500 1000 0123 4510 0012 3459",
    "EAN 7891000315507",
    "lat -22.9068 lon -43.1729",
    "mac 3C:84:6A:12:F0:9B",
]


@pytest.mark.parametrize(("text", "expected"), REDACTED)
def test_personal_data_is_redacted_whole(text: str, expected: str) -> None:
    assert redact(text)[0] == expected


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_numbers_that_are_not_personal_data_are_left_alone(text: str) -> None:
    assert PiiCheck().scan(text, OUTPUT) == []


def test_a_cnpj_that_also_passes_luhn_is_named_cnpj_unless_the_text_says_card() -> None:
    # 38465005000162 is a valid CNPJ and passes Luhn too.
    assert redact("pode faturar no 38465005000162")[0] == "pode faturar no [cnpj]"
    assert redact("cartão 3846 5005 0001 62")[0] == "cartão [card]"
