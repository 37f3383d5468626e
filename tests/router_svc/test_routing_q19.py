"""Routing cases of issue 16 item 2 from routing probes q-route19 and q-route20 (written blind on 2026-12-06, sixth
session, for two more solar companies; evals/probes/README.md): whether the equipment stands the local weather or
makes less in it is how the product is, not a fault; who made the assistant, what it runs on, a compliment and where
it is from are small talk; a mechanic or another trade asked for is out of scope; a question announced after a
greeting is asked back. From q-route21: a conversation opened with one thing named is asked back (the same word
in a conversation under way stays with it), a visit one's plan includes asked first is the customer's service. From
q-route22: a visit brought forward is the customer's case, whether a thing is included or charged apart is the
offer's terms, and growing one's system is a sale. From q-route23: "vc é um robô mesmo?" is small talk, the
yearly visit of one's own system and when the technician comes are the customer's case, "aquilo que falei com o
rapaz" is asked back. From q-route24: a word like "energia" alone is asked back, whether solar pays off for one's bill
is a sale, asking to write in English is small talk. From q-route26: closing the deal on a condition of time is a
sale, an acknowledgement followed by a matter of its own is not small talk, what a law changes is how things are,
"tem como?" alone is asked back. From q-route27: whether the warranty covers a kind of damage is its terms (what
happened to one's own is a claim), credits not showing on the bill are a fault, a real person asked for is asked back,
setting up a system of one's own is a sale, "se servir eu fecho" closes one, thanks said at length are small talk.
From q-route28: a visit already booked and a system installed with the business are the customer's case, "agradeço"
and "só passando pra agradecer" are small talk, someone responsible asked for stays with the complaint.
Sentences are written for these tests (not taken from evals/ or the probes)."""

from __future__ import annotations

import pytest

from router_svc.eval.evalsets import routed_conversation, routed_label
from router_svc.routing import Router


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("os paineis aguentam chuva de granizo forte? aqui na serra cai todo ano", "product"),
        ("a placa gera menos no inverno com tempo nublado?", "product"),
        ("can the panels handle heavy snow on the roof?", "product"),
        ("o granizo de ontem quebrou duas placas minhas, e agora?", "support"),
        ("e vcs instalam em Dourados tb?", "product"),
        ("quem te programou? vc é o chatgpt?", "small_talk"),
        ("kkkk vc é muito esperto", "small_talk"),
        ("vc é de Cuiabá tambem?", "small_talk"),
        ("sabe algum encanador bom aqui em Goiânia?", "out_of_scope"),
        ("boa tarde, tenho uma duvida sobre o monitoramento", "clarify"),
        # (q-route21)
        ("bateria", "clarify"),
        ("quero marcar a limpeza semestral que vem no meu plano", "support"),
        ("ok, entendi. vc é um robô?", "small_talk"),
        # (q-route22)
        ("consigo adiantar a limpeza das placas? a proxima ta marcada so pra outubro", "support"),
        ("o kit ja vem com a estrutura pro telhado ou é vendida a parte?", "product"),
        ("queria ampliar meu sistema, a conta voltou a subir", "sales"),
        # (q-route23: whether it is an AI, asked with "mesmo")
        ("vc é um robô mesmo?", "small_talk"),
        ("quero marcar a revisão anual das minhas placas, sou do plano Prata", "support"),
        ("a que horas o técnico chega amanhã?", "support"),
        ("mano, é sobre aquilo que te falei ontem", "clarify"),
        # (q-route24)
        ("energia solar", "clarify"),
        ("boa tarde, sera que vale a pena pra uma conta de 350?", "sales"),
        ("hi, I live in Dourados, may I write in English?", "small_talk"),
        # (q-route26) closing the deal on a condition of time
        ("se eu fechar essa semana vcs instalam antes do natal?", "sales"),
        # (q-route26) what a law changes is how things are; "tem como?" alone asks back
        ("a lei nova muda alguma coisa pra quem for instalar esse ano?", "product"),
        ("tem como?", "clarify"),
        # (q-route27)
        ("a garantia cobre painel trincado por granizo?", "product"),
        ("a garantia cobre o inversor que queimou ontem?", "support"),
        ("o desconto dos creditos nao ta aparecendo na fatura da distribuidora faz tres meses", "support"),
        ("quero falar com um atendente de verdade", "clarify"),
        ("queria montar um sistema no meu sitio, la nao chega energia da rua, vcs fazem?", "sales"),
        # (q-route28)
        ("boa tarde, tenho uma limpeza agendada pra sexta, confirma o horario?", "support"),
        ("instalei o sistema com voces em maio e a conta de luz continua alta, R$ 410. é normal?", "support"),
    ],
)
async def test_q19_cases(solar: tuple[Router, dict[str, str]], text: str, label: str) -> None:
    assert await routed_label(solar, text) == label


async def test_a_bare_word_answers_the_question_of_a_conversation_under_way(solar: tuple[Router, dict[str, str]]) -> None:
    labels = await routed_conversation(solar, ["meu sistema parou de gerar hoje de manha", "inversor"])
    assert labels == ["support", "support"]


async def test_a_complaint_under_way_stays_with_support(solar: tuple[Router, dict[str, str]]) -> None:
    # (q-route23) an escalation or a lost customer inside a complaint, and one's own panel marked in a sale
    labels = await routed_conversation(solar, ["a equipe de vcs riscou meu piso todo na instalacao",
                                               "quero falar com o supervisor", "nunca mais contrato vcs"])
    assert labels == ["support", "support", "support"]
    labels = await routed_conversation(solar, ["quero um orcamento pra aumentar meu sistema",
                                               "ah, e duas das placas estao com umas manchas brancas, é normal?"])
    assert labels == ["sales", "support"]


async def test_an_acknowledgement_then_a_matter_of_its_own_is_not_small_talk(solar: tuple[Router, dict[str, str]]) -> None:
    # (q-route26) "cool." acknowledges the last reply; what follows is a new matter, which no closing word ends.
    labels = await routed_conversation(solar, ["my inverter beeped all night", "ok thanks",
                                               "cool. my panels have a weird white stain on them"])
    assert labels == ["support", "small_talk", "support"]


async def test_a_purchase_on_a_condition_and_thanks_said_at_length(solar: tuple[Router, dict[str, str]]) -> None:
    # (q-route27) "se servir eu fecho" closes a sale; "muito obrigado pelas explicações" is small talk.
    labels = await routed_conversation(solar, ["quero um orcamento de bateria", "serve no meu inversor? se servir eu fecho",
                                               "muito obrigado pelas explicações"])
    assert labels == ["sales", "sales", "small_talk"]


async def test_thanks_said_otherwise_and_an_escalation(solar: tuple[Router, dict[str, str]]) -> None:
    # (q-route28) "agradeço" and "só passando pra agradecer" are small talk; asking for someone responsible in a
    # complaint stays with support.
    labels = await routed_conversation(solar, ["o inversor ta desligando toda tarde", "quero falar com alguem responsavel",
                                               "Agradeço."])
    assert labels == ["support", "support", "small_talk"]
    labels = await routed_conversation(solar, ["oi", "so passando pra agradecer, as placas tao gerando demais"])
    assert labels == ["small_talk", "small_talk"]


async def test_a_new_question_by_the_way_and_an_inverter_taking_more_panels(solar: tuple[Router, dict[str, str]]) -> None:
    # (q-route28) "falando nisso" opens a new question; whether one's inverter takes more panels is on the way to a sale.
    labels = await routed_conversation(solar, ["quero placa solar pra minha casa", "falando nisso, granizo quebra placa?"])
    assert labels == ["sales", "product"]
    labels = await routed_conversation(solar, ["oi, queria um orçamento pra ampliar", "o meu inversor aguenta mais placas?"])
    assert labels == ["sales", "sales"]
