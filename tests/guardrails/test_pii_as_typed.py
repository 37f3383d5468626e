"""Issue 16 (p-pii6): personal data as people paste and type it, redacted whole: values wrapped by a line
break in the middle (an RG after its dot, a phone after its hyphen, a CEP before its hyphen, a boleto line
wherever the screen ended, a Pix key after a hyphen), a mobile named by the word after it or its area code set apart by a slash,
documents glued to the word that names them ("cnh0192..."), an "=" inside an
e-mail's name, passports in letters and digits or named in another language, "nº do passaporte", "ID:"
before an RG's shape, a form's "DN:" before a date of birth. And what a reply must keep: a protocol
written in groups of four, and the business's own CNPJ where its passages publish it. Values are of
our own, with computed check digits; none is taken from evals/ or the probes."""

from __future__ import annotations

import pytest

from atende_guardrails.base import GuardContext
from atende_guardrails.eval.build_pii_probe import bank_boleto, cnpj
from atende_guardrails.eval.build_pii_probe4 import cnh, pis
from atende_guardrails.pii import PiiCheck, redact

LICENCE = cnh("648203915")
WORKER = pis("1730294852")
SLIP = bank_boleto("104", "9433", "0000027640", "7781200934000001938400172")
WRAPPED_SLIP = SLIP[:29] + "\n" + SLIP[29:]
SHOP_CNPJ = cnpj("283916470001")


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("RG 31.742.\n905-8 SSP/SP", "RG [rg] SSP/SP"),
        ("meu cel é (41) 99723-\n5518", "meu cel é [phone]"),
        ("cep 80035\n-110", "cep [cep]"),
        (f"cnh{LICENCE}", "cnh[cnh]"),
        (f"pis{WORKER} do meu marido", "pis[pis] do meu marido"),
        (f"linha do boleto:\n{WRAPPED_SLIP}\nobrigado", "linha do boleto:\n[boleto]\nobrigado"),
        ("manda pra r.melo=compras@lojanova.com.br", "manda pra [email]"),
        ("passport C7T2K9X41, issued 2023", "passport [passport], issued 2023"),
        ("pasaporte XDB482917", "pasaporte [passport]"),
        ("nº do passaporte: GK301928", "nº do passaporte: [passport]"),
        ("ID: 27.384.910-5", "ID: [rg]"),
        ("Nome: Iara Lemos\nDN: 19/06/1984", "Nome: Iara Lemos\nDN: [birth_date]"),
        ("anotei 41 99835-\n2207 como contato", "anotei [phone] como contato"),
        ("997214430 é meu zap", "[phone] é meu zap"),
        ("cel 43/99627-3310", "cel [phone]"),
        ("pix pro reembolso: 8e41c0d2-5a7f-4b93-\nae06-7d2f19c84b50", "pix pro reembolso: [pix_key]"),
    ],
)
def test_values_as_typed_are_redacted_whole(text: str, left: str) -> None:
    assert redact(text)[0] == left


def test_a_protocol_in_groups_of_four_is_no_card() -> None:
    # its digits happen to pass the Luhn check
    text = "Protocolo: 2026 1206 0048 1123"
    assert redact(text) == (text, [])


def test_the_business_cnpj_its_passages_publish_stays_in_a_reply() -> None:
    reply = f"A nota sai com o nosso CNPJ {SHOP_CNPJ}, como no site."
    published = GuardContext(stage="output", evidence=(f"Razão social Solar Norte LTDA, CNPJ {SHOP_CNPJ}.",))
    assert PiiCheck().scan(reply, published) == []
    # a CNPJ the passages do not publish is still someone's
    assert [f.kind for f in PiiCheck().scan(reply, GuardContext(stage="output", evidence=("Outro texto.",)))] == ["cnpj"]


def test_a_store_cep_and_pix_key_its_passages_publish_stay_in_a_reply() -> None:
    reply = "Loja Centro: Rua das Palmeiras, 120, CEP 55014-000. Pix para pagamento: pagamentos@solarnorte.com.br"
    evidence = ("Loja Centro: Rua das Palmeiras, 120 — CEP 55014-000. Chave Pix: pagamentos@solarnorte.com.br",)
    assert PiiCheck().scan(reply, GuardContext(stage="output", evidence=evidence)) == []
    # the same CEP in a reply whose passages do not hold it is someone's address
    kinds = [f.kind for f in PiiCheck().scan(reply, GuardContext(stage="output", evidence=("Outro texto.",)))]
    assert "cep" in kinds
