"""A table row is read with its header's first column (issue 16, KB Ipê and Cupuaçu): "Pix | devolução em até 10 dias
úteis" under "Forma de pagamento | Prazo do reembolso" answers "paguei no pix, o dinheiro volta em quanto tempo?",
though the row as quoted names only the columns after the first. Passages written for this test."""

from __future__ import annotations

from agent_svc.domain import Passage
from agent_svc.evidence import Selector, units

REFUNDS = Passage(
    "reembolso", "Política de cancelamento e reembolso", "reembolso.txt",
    "Forma de pagamento | Prazo e forma do reembolso\n"
    "Pix | devolução por Pix em até 10 dias úteis\n"
    "Boleto | depósito na conta do titular em até 12 dias úteis\n"
    "Cartão de crédito | estorno solicitado em até 5 dias úteis; aparece em até 2 faturas",
    0.7, section="3. Reembolso")
INSTALLATION = Passage(
    "instalacao", "Como funciona a instalação", "instalacao.md",
    "A instalação em si leva de 1 a 2 dias. O projeto é protocolado na distribuidora em até 5 dias úteis após o "
    "pagamento.", 0.5)
FAQ = Passage(
    "faq", "Perguntas frequentes", "faq.txt",
    "Em quanto tempo o sistema se paga? O retorno médio é de 4 a 6 anos, conforme a tarifa e a forma de pagamento.", 0.4)


def test_a_row_keeps_its_quoted_form() -> None:
    rows = [unit for unit in units(REFUNDS.text) if unit.text.startswith("Pix")]
    assert rows[0].text == "Pix: Prazo e forma do reembolso: devolução por Pix em até 10 dias úteis."
    assert "Forma de pagamento" in rows[0].frame


def test_the_row_of_the_way_the_customer_paid_answers(selector: Selector) -> None:
    answer = selector.answer(selector.rank("paguei no pix e cancelei, o dinheiro volta em qnto tempo?",
                                           [REFUNDS, INSTALLATION, FAQ]))
    assert "10 dias úteis" in " ".join(item.unit.text for item in answer)
