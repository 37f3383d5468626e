"""The local engine says it does not know when the retrieved passages talk about
what the question names but do not answer it (the product is there, the brand, the
price or the size asked about is not), and answers with the sentence that holds the
fact when they do. The passages are an invented espresso machine shop's, in both
languages the engine serves; the questions are written for these tests."""

from __future__ import annotations

import pytest

from agent_svc.domain import Passage
from agent_svc.evidence import Selector
from agent_svc.llm.base import Guidance
from agent_svc.llm.local import LocalEngine
from agent_svc.prompts import from_mapping
from atende_guardrails.asking import Asked, asked, names_size
from atende_guardrails.encoder import UsemEncoder
from atende_guardrails.informal import spell_out
from atende_guardrails.text import fold

PASSAGES = [
    Passage(
        "cafeteira-c3",
        "Cafeteira Expresso C3",
        "c3.md",
        "A Cafeteira Expresso C3 tem bomba de 15 bar e reservatório de 1,2 litro. "
        "Ela aquece a água em 40 segundos e desliga sozinha depois de 20 minutos parada. "
        "A C3 custa R$ 899,00 à vista ou em 10 parcelas sem juros.",
        0.71,
    ),
    Passage(
        "assistencia",
        "Assistência técnica",
        "assistencia.md",
        "A assistência técnica atende todas as cafeteiras da loja. "
        "O conserto na garantia leva até 15 dias úteis depois que a cafeteira chega à oficina. "
        "A descalcificação anual é recomendada para quem usa água da torneira.",
        0.44,
    ),
    Passage(
        "grinder",
        "Burr grinder G2",
        "g2.md",
        "The G2 burr grinder has 30 grind settings, from espresso to French press. "
        "Its hopper holds 250 g of beans. "
        "The G2 weighs 3.1 kg and ships with a cleaning brush.",
        0.38,
    ),
]


def quoted(selector: Selector, question: str) -> str:
    return " ".join(item.unit.text for item in selector.answer(selector.rank(question, PASSAGES)))


@pytest.mark.parametrize(
    "question",
    [
        "qual a marca da bomba da C3?",  # the pump is there, its maker is not
        "What colour is the G2 grinder?",  # the grinder is there, its colour is not
        "How much does the G2 grinder cost?",  # the grinder is there, no price for it
        "quanto custa a cafeteira de 1500 W?",  # a size no passage names
    ],
)
def test_a_question_the_related_passages_do_not_answer_is_not_answered(selector: Selector, question: str) -> None:
    assert quoted(selector, question) == ""


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("quanto custa a cafeteira C3?", "R$ 899,00"),
        ("em quanto tempo a C3 esquenta a água?", "40 segundos"),
        ("How much does the G2 weigh?", "3.1 kg"),
        ("qual o peso do moedor G2?", "3.1 kg"),
        ("quanto tempo demora o conserto na garantia?", "15 dias úteis"),
        ("How many grind settings does the G2 have?", "30 grind settings"),
    ],
)
def test_an_answerable_question_is_answered_with_the_sentence_that_holds_the_fact(
    selector: Selector, question: str, fact: str
) -> None:
    assert fact in quoted(selector, question)


def test_the_reply_says_plainly_it_does_not_know_and_offers_a_person(encoder: UsemEncoder) -> None:
    book = from_mapping(
        "product",
        {
            "pt": {"no_answer": "Não encontrei essa informação no nosso catálogo.", "based_on": "Segundo nosso catálogo"},
            "en": {"no_answer": "I could not find that in our catalogue.", "based_on": "According to our catalogue"},
        },
    )
    engine = LocalEngine(Selector(encoder))
    pt = Guidance(language="pt", playbook=book, agent_kind="product", passages=tuple(PASSAGES))
    unknown = engine.compose(pt, "qual a marca da bomba da C3?", list(PASSAGES))
    assert unknown.startswith("Não encontrei essa informação"), unknown
    assert "pessoa" in unknown and "15 bar" not in unknown
    en = Guidance(language="en", playbook=book, agent_kind="product", passages=tuple(PASSAGES))
    unknown = engine.compose(en, "What colour is the G2 grinder?", list(PASSAGES))
    assert unknown.startswith("I could not find that"), unknown
    assert "person" in unknown and "G2" not in unknown
    known = engine.compose(pt, "quanto custa a cafeteira C3?", list(PASSAGES))
    assert "R$ 899,00" in known and known.startswith("Segundo nosso catálogo")


def _asked(question: str) -> Asked:
    return asked(fold(spell_out(question)))


def test_what_a_question_asks_for_is_read_from_its_wording() -> None:
    price = _asked("qto custa a C3?")
    assert price.holds_values("custa r$ 899,00") and not price.holds_values("tem bomba de 15 bar")
    assert _asked("How long does the repair take?").holds_values("up to 15 business days")
    assert not _asked("How long does the repair take?").holds_values("the workshop repairs every machine")
    # A price word that is a condition, not what is asked, asks for no value.
    assert _asked("o preço inclui a entrega?").values == ()
    assert _asked("qual a marca da bomba?").attribute == "marca"
    assert _asked("What's the lowest fee?").attribute == "fee"  # past the degree word
    assert _asked("qual tipo de café vocês vendem?").attribute == ""  # "tipo" names no attribute
    assert _asked("quanto custa o plano de 300 megas?").sizes == ("300mega",)
    # A battery's kWh is its size; a kWh figure elsewhere is as often the customer's consumption.
    assert _asked("quanto custa a bateria de 10 kWh?").sizes == ("10kwh",)
    assert _asked("do you sell a 7,5 kWh battery?").sizes == ("7.5kwh",)
    # One word may name the vehicle or the kind between the size and the battery.
    assert _asked("how long to charge a 100 kWh truck battery?").sizes == ("100kwh",)
    assert _asked("minha conta vem 450 kWh por mes, qual kit?").sizes == ()
    # The size of the system the customer has is theirs, not a product asked about; a size wanted still is.
    assert _asked("My system is 15 kWp. Does the maintenance plan cost more for bigger systems?").sizes == ()
    assert _asked("meu sistema é de 8 kWp, a limpeza sai mais cara?").sizes == ()
    assert _asked("tenho um sistema de 5 kWp e quero ampliar pra 10 kWp, quanto custa?").sizes == ("10kwp",)


def test_a_size_is_named_in_another_spelling_of_its_unit() -> None:
    assert names_size(fold("Plano 300 Mbps por R$ 99,90"), "300mega")
    assert names_size(fold("kit de 5,5 kWp"), "5.5kwp")
    assert not names_size(fold("kit de 15,5 kWp"), "5.5kwp")
    assert not names_size(fold("Pacotes de 5 GB custam R$ 15"), "50gb")


def test_a_size_asked_in_round_figures_names_the_one_given_to_the_decimal() -> None:
    # "a bateria de 10 kwh" is the 10,24 kWh one (KB Cupuaçu); a 5 kWp kit is not the 5,5 kWp one.
    assert names_size(fold("Bateria PRC-10.2: 10,24 kWh, 92 kg"), "10kwh")
    assert names_size(fold("PRC-5.1 de 5,12 kWh"), "5kwh")
    assert not names_size(fold("kit de 5,5 kWp"), "5kwp")
    assert not names_size(fold("Plano 300 Mbps"), "310mega")


def test_a_size_inside_a_range_of_a_table_is_named() -> None:
    # A price by system size is given in ranges: a 5,5 kWp system is priced by the "de 3,01 a 6 kWp" row.
    table = fold("Até 3 kWp: R$ 690. De 3,01 a 6 kWp: R$ 990. De 6,01 a 9 kWp: R$ 1.390. Acima de 12 kWp: sob consulta.")
    assert names_size(table, "5.5kwp") and names_size(table, "2kwp")
    # An open range above names no size: a referral bonus "acima de 10 kWp" does not sell a 30 kWp kit.
    assert not names_size(table, "15kwp")
    assert not names_size(fold("De 3,01 a 6 kWp: R$ 990. De 6,01 a 9 kWp: R$ 1.390."), "10kwp")
    assert not names_size(fold("Plano 300 Mbps a 500 Mbps"), "5kwp")


# The shop's contact page comes as an HTML table (a row a block, blank lines between)
# and its kettle's specifications as a list under the kettle's heading.
CONTACTS = Passage(
    "contato",
    "Fale com a loja",
    "contato.html",
    "Canal | Contato\n\nWhatsApp da loja | (11) 4000-2222\n\nE-mail de vendas | vendas@cafeteria.example\n\n"
    "Oficina | Rua das Acácias 90, Campinas",
    0.52,
)
KETTLE = Passage(
    "chaleiras",
    "Chaleiras elétricas",
    "chaleiras.md",
    "- Capacidade de 1,7 litro, com visor iluminado.\n- Pesa 1,2 kg sem água.\n- Ferve 1 litro em 3 minutos.",
    0.5,
    section="Chaleira K5",
)


def _quoted(selector: Selector, question: str, passages: list[Passage]) -> str:
    return " ".join(item.unit.text for item in selector.answer(selector.rank(question, passages)))


def test_a_fact_in_an_html_table_row_is_quoted(selector: Selector) -> None:
    # Each row stands alone between blank lines: none of them is the header of the next.
    assert "vendas@cafeteria.example" in _quoted(selector, "qual o email de vendas?", [CONTACTS, *PASSAGES])
    assert "Rua das Acácias 90" in _quoted(selector, "Where is your workshop?", [CONTACTS, *PASSAGES])


def test_a_list_item_is_read_with_the_heading_it_sits_under(selector: Selector) -> None:
    # "Pesa 1,2 kg" does not name the kettle; its section does.
    assert "1,2 kg" in _quoted(selector, "quanto pesa a chaleira K5?", [KETTLE, *PASSAGES])


def test_a_brand_that_starts_like_a_word_of_the_passages_is_not_held_by_it(selector: Selector) -> None:
    office = Passage("e9", "Cafeteira Escritório E9", "e9.md",
                     "A Cafeteira Escritório E9 serve até 40 xícaras por hora. "
                     "Tem moagem micro ajustável e reservatório de 3 litros.", 0.6)
    assert "moagem micro" in _quoted(selector, "a cafeteira E9 tem moagem micro?", [office, *PASSAGES])
    # "micro" is only the start of "microsoft", not the same word.
    assert _quoted(selector, "a cafeteira E9 vem com Microsoft?", [office, *PASSAGES]) == ""


def test_an_attribute_after_a_short_word_is_what_the_question_asks_about(selector: Selector) -> None:
    assert _asked("What's the IP rating of the G2?").attribute == "rating"
    assert _asked("qual o IP do roteador?").attribute == ""
    # The grinder is there, its IP rating is not.
    assert quoted(selector, "What's the IP rating of the G2 grinder?") == ""


@pytest.mark.parametrize(
    "question",
    [
        "a oficina conserta máquina de lavar?",  # the workshop is there, washing machines are not
        "a C3 faz cappuccino automático?",  # the C3 is there, a cappuccino function is not
    ],
)
def test_a_sentence_that_leaves_half_the_question_unsaid_is_not_quoted(selector: Selector, question: str) -> None:
    # The quoted sentences would hold the shop or the product and half of the rest.
    assert _quoted(selector, question, [*PASSAGES, CONTACTS, KETTLE]) == ""


BATTERY = Passage("bateria", "Baterias", "baterias.md",
                  "A bateria de 5 kWh custa R$ 18.900 instalada e guarda energia para a noite.", 0.7)


def test_a_battery_of_a_capacity_no_passage_names_is_not_priced(selector: Selector) -> None:
    asked_other = selector.rank("quanto custa a bateria de 10 kWh?", [BATTERY])
    assert selector.withheld_by(asked_other) == ["unknown_size"]
    named = selector.rank("quanto custa a bateria de 5 kWh?", [BATTERY])
    assert "R$ 18.900" in " ".join(item.unit.text for item in selector.answer(named))
