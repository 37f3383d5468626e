"""Routing cases of issue 16 item 2 from routing probe q-route15 (written blind on 2026-12-06 for another solar
company, mostly conversations; evals/probes/README.md): what a plan covers and what sets a product apart are its
terms, not its price; the utility bill's own terms once the system runs are how the bill works; a visit asked
for by where it goes is a sales visit, a technician's in a support case; the place that heats up is no fault;
the languages the assistant speaks are small talk; "aliás" and "can you also tell me" open a new subject; "e aí?"
asked in a matter under way asks what comes next in it. From q-route16 (written the same way after those changes):
the roof space a system needs is a product question, the customer's own approval stalled is their case, and the
price of a plan named in the middle of a support case is a sale. From q-route17: the towns served, whether a warranty
goes with a house sold, what an extended warranty covers asked with a fault's words, the languages asked without a
subject, a visit one's own plan gives, equipment stolen, the billing department asked for, and a question about
the assistant that leaves no topic for the next message to follow. From q-route18: a warranty's cover asked cold is
its terms (with the customer's own fault it stays a claim), equipment stolen, how financing works asked cold, the
price of a new one beside a fault, a system asked for one's own place, and "é por causa de X" alone asked back.
Sentences are written for these tests (not taken from evals/ or the probes)."""

from __future__ import annotations

import pytest

from router_svc.eval.evalsets import routed_conversation, routed_label
from router_svc.routing import Router


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("o plano de manutencao anual cobre o que?", "product"),
        ("what does the extended warranty plan cover?", "product"),
        ("o que o kit hibrido tem de diferente do normal?", "product"),
        ("o que é a taxa minima da conta de luz depois do solar?", "product"),
        ("o inversor pode ficar no quintal? esquenta muito aqui no verao", "product"),
        ("o carregador fica muito quente quando carrego o carro, é normal?", "support"),
        ("vc fala espanhol tambem?", "small_talk"),
        ("do you speak English?", "small_talk"),
        ("quanto de espaço no telhado precisa pra um sistema de 5 kwp", "product"),
        ("minha vistoria ta parada na concessionaria faz 25 dias, nada ainda", "support"),
        # (q-route17)
        ("vcs atendem caruaru ou so recife?", "product"),
        ("se eu vender meu imovel a garantia continua valendo pro comprador?", "product"),
        ("the extended warranty covers a power surge from lightning?", "product"),
        ("fala espanhol?", "small_talk"),
        ("I have the premium maintenance plan, when can someone come wash the panels?", "support"),
        ("roubaram o inversor da minha casa ontem, como aciono o seguro?", "support"),
        # (q-route18)
        ("a garantia cobre queda de granizo?", "product"),
        ("what does the warranty cover on the battery?", "product"),
        ("o inversor queimou com a tempestade, a garantia cobre?", "support"),
        ("furtaram as placas da minha fazenda, o que eu faço?", "support"),
        ("como funciona o parcelamento pela cooperativa?", "product"),
        ("a bateria estufou e nao tem mais garantia, quanto custa uma bateria nova?", "sales"),
        ("aqui no sitio nao tem luz, vcs fazem sistema pra gente?", "sales"),
        ("oi, é por causa do inversor", "clarify"),
    ],
)
async def test_q15_cases(solar: tuple[Router, dict[str, str]], text: str, label: str) -> None:
    assert await routed_label(solar, text) == label


@pytest.mark.parametrize(
    ("turns", "labels"),
    [
        (["o inversor desligou sozinho e ta mostrando erro F12", "e ai?"], ["support", "support"]),
        (["e ai?", "quero um orcamento pra minha casa"], ["small_talk", "sales"]),
        (["fiz o pedido do kit e veio faltando um painel", "alias, o carregador de carro tem versao de 22 kw?"],
         ["support", "product"]),
        (["my order hasn't arrived yet, it's been two weeks", "ok can you also tell me if the battery comes with an app?"],
         ["support", "product"]),
        (["quanto custa o kit pra uma conta de 500 reais?", "tem como visitar minha casa na quinta?"], ["sales", "sales"]),
        (["instalaram e a conta de luz ainda veio 120 reais, por que?", "o que é esse custo de disponibilidade?"],
         ["product", "product"]),
        (["pessimo atendimento, o tecnico veio e nao consertou meu inversor",
          "e qto custa esse plano de manutencao completo? talvez compense"], ["support", "sales"]),
        # (q-route17) a billing complaint, then the billing department asked for; a question about the assistant
        # says nothing of the topic that follows
        (["cobraram duas vezes a parcela desse mes", "ja mandei o comprovante", "preciso falar com o setor financeiro"],
         ["support", "support", "support"]),
        (["voce é um robo?", "ok. is there a branch in Natal?"], ["small_talk", "product"]),
    ],
)
async def test_q15_conversations(solar: tuple[Router, dict[str, str]], turns: list[str], labels: list[str]) -> None:
    assert await routed_conversation(solar, turns) == labels
