"""Issue 16, the Cagaita KB's half a: a value of the kind asked, written as the documents write it, answers. A clock
time in "8 am" answers "what time"; a share "do valor do contrato" answers which amounts are charged; a system's size
is its power ("30 kWp"), a battery's its capacity; a "550w" panel is the "550 Wp" one. Each question was withheld
at the code before ("value", "unknown_size") with its answer quoted. The passages are an invented installer's."""

from __future__ import annotations

from agent_svc.domain import Passage
from agent_svc.evidence import Selector
from atende_guardrails.asking import asked, names_size

PASSAGES = [
    Passage("care", "Owner's care guide — Ribeira Solar", "care.md",
            "Clean the modules early in the morning (before 7 am) or late in the afternoon (after 6 pm), when they "
            "are cool. Never use a pressure washer.", 0.62),
    Passage("cancelamento", "Cancelamento — Ribeira Solar", "cancelamento.txt",
            "Depois da aprovação do projeto e antes da entrega: taxa administrativa de 8% do valor do contrato. "
            "Depois da entrega: 12% do valor do contrato mais o frete de retirada.", 0.58),
    Passage("empresas", "Ribeira Empresas", "empresas.md",
            "The smallest project the business division takes on is 40 kWp. Smaller systems are sold by the "
            "stores.", 0.55),
    Passage("catalogo", "Catálogo Ribeira", "catalogo.md",
            "RB-600: Potência: 600 Wp; Eficiência: 22,1%; Peso: 31,5 kg. RB-450: Potência: 450 Wp; Peso: 24,0 kg.",
            0.50),
]


def quoted(selector: Selector, question: str, passages: list[Passage]) -> str:
    return " ".join(item.unit.text for item in selector.answer(selector.rank(question, passages)))


def test_a_clock_time_answers_what_time(selector: Selector) -> None:
    assert "before 7 am" in quoted(selector, "What time of day should I clean my panels?", [PASSAGES[0]])


def test_a_share_of_the_contract_price_answers_what_is_charged(selector: Selector) -> None:
    reply = quoted(selector, "Se eu cancelar depois da aprovação do projeto, quais valores serão cobrados?",
                   [PASSAGES[1]])
    assert "8% do valor do contrato" in reply


def test_a_projects_size_is_its_power(selector: Selector) -> None:
    assert "40 kWp" in quoted(selector, "Qual o tamanho mínimo de projeto da divisão de empresas?", [PASSAGES[2]])


def test_a_panel_of_so_many_watts_is_the_one_of_so_many_peak_watts(selector: Selector) -> None:
    assert asked("qnto pesa a placa de 600w?").sizes == ("600w",)
    assert names_size("rb-600: potencia: 600 wp; peso: 31,5 kg.", "600w")
    assert not names_size("rb-450: potencia: 450 wp; peso: 24,0 kg.", "600w")


def test_a_share_alone_is_no_price() -> None:
    # "quanto custa" wants money; a discount in per cent of nothing named is no price.
    assert not asked("quanto custa o kit?").holds_values("desconto de 5% no pix")
    assert asked("quanto custa o kit?").holds_values("taxa de 5% do valor do kit")
