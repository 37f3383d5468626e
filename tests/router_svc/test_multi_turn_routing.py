"""Multi-turn routing as a REST client sees it: every turn is routed with the state the
live router has (the agent its own earlier decisions left the conversation with, and the
customer's last messages). What goes on with the conversation's matter keeps its agent (a
bare yes or no, "esse", what someone said, details given), a return to an earlier matter
goes back to its agent, and a first message that names only a need is asked back."""

from __future__ import annotations

from router_svc.eval.evalsets import routed_conversation
from router_svc.routing import Router


async def labels(business: tuple[Router, dict[str, str]], *texts: str) -> list[str]:
    """The label of every turn of a conversation, routed like evalsets routes one."""
    return await routed_conversation(business, texts)


async def test_a_bare_yes_or_no_answers_the_agent_while_thanks_stay_small_talk(solar: tuple[Router, dict[str, str]]) -> None:
    got = await labels(solar, "o inversor ta com uma luz laranja piscando faz dois dias", "sim", "nao", "valeu")
    assert got == ["support", "support", "support", "small_talk"]
    got = await labels(solar, "how much is a system for a house paying 300 a month?", "yes", "thanks")
    assert got == ["sales", "sales", "small_talk"]


async def test_what_someone_said_is_told_about_the_matter_at_hand(solar: tuple[Router, dict[str, str]],
                                                                  fibre: tuple[Router, dict[str, str]]) -> None:
    got = await labels(solar, "paguei o kit faz tres semanas e nada de entrega", "o consultor de vendas garantiu que era rapido")
    assert got == ["support", "support"]
    got = await labels(fibre, "quanto ta o plano de 500?", "meu irmao tem e falou que trava direto")
    assert got == ["sales", "sales"]


async def test_details_given_in_a_statement_go_on_with_the_conversation(solar: tuple[Router, dict[str, str]]) -> None:
    got = await labels(solar, "o microinversor aguenta sombra de arvore?",
                       "a arvore do vizinho faz sombra em metade do telhado de tarde")
    assert got == ["product", "product"]


async def test_going_back_to_an_earlier_matter_goes_back_to_its_agent(solar: tuple[Router, dict[str, str]]) -> None:
    got = await labels(solar, "minha conta de luz continua alta depois das placas", "veio 410 reais",
                       "ah e aproveitando, quanto fica pra colocar mais 4 placas?",
                       "voltando na conta, da pra voces verificarem o que aconteceu?")
    assert got[2:] == ["sales", "support"]


async def test_a_first_message_that_names_only_a_need_is_asked_back(solar: tuple[Router, dict[str, str]],
                                                                    fibre: tuple[Router, dict[str, str]]) -> None:
    got = await labels(solar, "ola, preciso de uma ajudinha", "o aplicativo parou de mostrar a geracao das placas")
    assert got == ["clarify", "support"]
    got = await labels(fibre, "boa tarde", "to com um problema")
    assert got == ["small_talk", "clarify"]


async def test_a_question_about_the_offer_in_a_sale_stays_a_sale(fibre: tuple[Router, dict[str, str]]) -> None:
    got = await labels(fibre, "qual o preco do plano de 300 mega?", "e o de 500?", "tem fidelidade?")
    assert got == ["sales", "sales", "sales"]


async def test_an_elliptic_follow_up_goes_on_with_the_matter_unless_a_cue_names_another(
        solar: tuple[Router, dict[str, str]]) -> None:
    assert await labels(solar, "quero um orcamento pra colocar placas no sitio", "tá, mas e o prazo") == ["sales", "sales"]
    assert await labels(solar, "qual a diferenca entre painel mono e poli?", "tá, mas e a garantia") == ["product", "product"]
    # The warranty of a thing being bought is a term of the product, not a claim: not support.
    assert (await labels(solar, "queria instalar energia solar na minha oficina", "and the warranty?"))[1] in ("sales", "product")
    # ... while a price still moves a product conversation to sales.
    assert await labels(solar, "qual a diferenca entre painel mono e poli?", "ok, e quanto fica o mono?") == ["product", "sales"]


async def test_a_closing_remark_after_a_request_is_small_talk(solar: tuple[Router, dict[str, str]]) -> None:
    got = await labels(solar, "quero um orcamento pra colocar placas em casa", "vou ver com meu marido")
    assert got == ["sales", "small_talk"]


async def test_asking_to_be_sent_the_link_asks_the_agent_for_what_it_offered(solar: tuple[Router, dict[str, str]]) -> None:
    got = await labels(solar, "o aplicativo de monitoramento nao abre no meu celular novo", "manda o link")
    assert got == ["support", "support"]
    got = await labels(solar, "qual a diferenca entre painel mono e poli?", "ok, manda o pdf")
    assert got == ["product", "product"]
