"""Issue 16, routing probes q-route49 and q-route50 (written blind): thanks that ask for nothing and report nothing
wrong close a message whatever it names (all 416 such messages of the probes' halves a are small talk); whether anyone
is there names no topic yet; a greeting to the team is small talk; whether they make one for
the customer's kind of place is a sale. Beside each, the nearest message whose route must not move. Sentences written
for these tests, not taken from the probes."""

from __future__ import annotations

import pytest

from router_svc.eval.evalsets import routed_conversation, routed_label
from router_svc.routing import Router


@pytest.mark.parametrize(("turns", "labels"), [
    (["meu inversor ta dando erro E21 desde ontem", "reiniciei e voltou ao normal, valeu demais!"],
     ["support", "small_talk"]),
    (["como funciona o inversor híbrido?", "show, valeu pela explicação"], ["product", "small_talk"]),
    # Thanks, then something wrong or something wanted: the matter goes on.
    (["meu inversor ta dando erro E21 desde ontem", "obrigado, mas continua dando o mesmo erro"], ["support", "support"]),
    (["quanto custa o kit de 5 kWp?", "valeu, vou querer o kit de 5 então"], ["sales", "sales"]),
])
async def test_thanks_close_a_turn_that_asks_nothing(solar: tuple[Router, dict[str, str]], turns: list[str],
                                                     labels: list[str]) -> None:
    assert await routed_conversation(solar, turns) == labels


@pytest.mark.parametrize(("text", "label"), [
    ("a bateria que vocês trocaram na garantia ta funcionando certinho, obrigada!", "small_talk"),
    ("só passando pra dizer que a conta de luz veio 40 reais esse mês kkk", "small_talk"),
    ("a bateria que vocês trocaram na garantia parou de novo", "support"),
    ("só passando pra avisar que o inversor ta apitando desde ontem", "support"),
    ("oi, tem alguém aí?", "clarify"),
    ("hello? is anyone there? I need some help", "clarify"),
    ("tenho um assunto pra resolver com vocês", "clarify"),
    ("alguém aí tem uma receita de bolo de cenoura?", "out_of_scope"),
    ("boa tarde pessoal 😄", "small_talk"),
    ("boa tarde pessoal, quanto custa o kit de 5 kWp?", "sales"),
    ("vocês fazem sistema pra padaria?", "sales"),
    ("vcs fazem projeto pra escola?", "sales"),
])
async def test_a_message_alone(solar: tuple[Router, dict[str, str]], text: str, label: str) -> None:
    assert await routed_label(solar, text) == label
