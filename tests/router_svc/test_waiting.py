"""While a conversation waits for a person, messages that only ask after that person
get the router's "a person is on the way"; a message with a question of its own
goes to an agent."""

import pytest

from router_svc.waiting import asks_after_the_person


@pytest.mark.parametrize("text", [
    "Alô? Tem alguém aí?",
    "oi?? alguem ai",
    "ninguém me responde",
    "cadê vcs??",
    "bom dia, ainda to esperando o atendente faz 20 min",
    "vai demorar muito?",
    "Hello? Anyone there?",
    "still waiting...",
    "how long will it take for someone to answer?",
])
def test_asking_after_the_person_is_recognised(text: str) -> None:
    assert asks_after_the_person(text)


@pytest.mark.parametrize("text", [
    "oi",
    "Qual a garantia do inversor?",
    "quanto tempo falta pra instalação?",
    "ainda estou aguardando o boleto da segunda parcela",
    "to esperando a aprovação da distribuidora faz 2 semanas, o que faço?",
    "tem alguém que possa me ajudar com o boleto?",
    "still waiting for my refund",
    "hi, what is the price of the 5 kWp kit?",
    "alguém aí sabe me dizer quanto custa a instalação de um kit de 10 placas no telhado?",
])
def test_a_message_with_a_question_of_its_own_is_not_taken_for_it(text: str) -> None:
    assert not asks_after_the_person(text)
