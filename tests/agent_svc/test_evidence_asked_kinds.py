"""Issue 16, the KB probes' halves a: what a question asks for, read more widely. A share or a fall is answered by a
percentage, a colour by a colour's name, a panel by the module it is sold as; "tudo" names no thing; a company's
takings are money, a CEP is a postcode's digits, and a maximum's short unit word ("maximum DC input voltage") leaves
the attribute after it to be answered. The passages are an invented water-filter maker's, not an eval set's."""

from __future__ import annotations

from agent_svc.domain import Passage
from agent_svc.evidence import Selector

PASSAGES = [
    Passage("refil", "Refil AquaPura", "refil.md",
            "The AP-300 filter has an indicator light on its lid. "
            "When the cartridge needs replacing, the indicator light turns RED. "
            "Replace the cartridge when the flow falls below 60% of the original flow.", 0.62),
    Passage("servicos", "Serviços AquaPura", "servicos.md",
            "Limpeza avulsa das placas de captação: R$ 15,00 por módulo. "
            "Da compra à instalação, o prazo total é de 10 a 15 dias úteis.", 0.55),
    Passage("empresa", "Sobre a AquaPura", "empresa.md",
            "2023: AquaPura opened its third factory, in Londrina. "
            "AP-300: rated power 300 W; supply 220 V; flow 2,000 L/h.", 0.41),
]


def quoted(selector: Selector, question: str) -> str:
    return " ".join(item.unit.text for item in selector.answer(selector.rank(question, PASSAGES)))


def test_a_colour_a_share_and_a_panel_are_answered(selector: Selector) -> None:
    assert "RED" in quoted(selector, "What colour does the indicator light show when the cartridge needs replacing?")
    assert "60%" in quoted(selector, "below what share of the original flow should I replace the cartridge?")
    assert "R$ 15,00 por módulo" in quoted(selector, "qto custa a limpeza avulsa por placa?")


def test_everything_names_no_thing(selector: Selector) -> None:
    assert "10 a 15 dias" in quoted(selector, "quanto tempo demora tudo, da compra ate a instalacao?")


def test_takings_and_a_maximum_not_held_are_not_answered(selector: Selector) -> None:
    for question in ("quanto a AquaPura faturou em 2023?", "What is the maximum DC input voltage of the AP-300?",
                     "qual o CEP da fabrica de Londrina?"):
        assert quoted(selector, question) == "", question
