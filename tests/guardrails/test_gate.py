"""The output gate: a reply released sentence by sentence, each checked, held while
its evidence is unknown, replaced by the fallback when a check blocks it."""

from __future__ import annotations

from atende_guardrails.base import GuardContext
from atende_guardrails.config import load_guardrails
from atende_guardrails.gate import OutputGate, Trip

GUARDRAILS = load_guardrails()


def gate(evidence: tuple[str, ...] | None = (), trusted: str = "", note: str = "") -> OutputGate:
    context = GuardContext(stage="output", language="pt", agent="support", evidence=evidence, trusted=trusted, note=note)
    return OutputGate(GUARDRAILS.output, context, "Fallback.", "Resposta vazia.")


def test_the_gate_holds_claims_until_the_evidence_arrives() -> None:
    checked = gate(evidence=None)
    assert checked.feed("Olá! ") == []  # "Olá!" waits until something follows it
    assert checked.feed("O inversor X9 tem garantia de 5 anos. ") == ["Olá! "]
    assert checked.feed("Posso ajudar em algo mais?") == []  # held behind the claim
    released = checked.finish(("O inversor X9 tem garantia de 5 anos.",))
    assert released == ["O inversor X9 tem garantia de 5 anos. ", "Posso ajudar em algo mais?"]
    assert checked.text == "Olá! O inversor X9 tem garantia de 5 anos. Posso ajudar em algo mais?"


def test_evidence_that_grows_releases_what_it_holds() -> None:
    checked = gate(evidence=None)
    assert checked.feed("O inversor X9 tem garantia de 5 anos. Mais") == []
    assert checked.set_evidence(["O inversor X9 tem garantia de 5 anos."]) == ["O inversor X9 tem garantia de 5 anos. "]


def test_the_gate_holds_an_unfinished_sentence() -> None:
    checked = gate(("Manual: Aguarde 5 minutos.",))
    assert checked.feed("Desligue o disjuntor e aguarde") == []
    assert checked.feed(" 5 minutos. Depois relig") == ["Desligue o disjuntor e aguarde 5 minutos. "]
    assert checked.finish() == ["Depois relig"]
    assert checked.text == "Desligue o disjuntor e aguarde 5 minutos. Depois relig"


def test_the_gate_keeps_decimal_points_inside_a_sentence() -> None:
    checked = gate(("Kit: Custa R$ 1.500,00 por mês.",))
    assert checked.feed("Custa R$ 1.5") == []
    assert checked.feed("00,00 por mês. ") == []  # complete once more text follows
    assert checked.finish() == ["Custa R$ 1.500,00 por mês. "]


def test_numbers_from_the_customer_are_grounded() -> None:
    checked = gate(trusted="meu pedido 48213 não chegou")
    checked.run("Vou verificar o pedido 48213.")
    assert checked.text == "Vou verificar o pedido 48213." and not checked.findings and not checked.trips()


def test_an_invented_figure_is_replaced_by_the_agents_note_and_the_reply_goes_on() -> None:
    checked = gate(("Kit: O Kit Solar custa R$ 18.900.",), note="Prefiro confirmar esse detalhe.")
    checked.run("O Kit Solar custa R$ 18.900 [1]. Com desconto sai por R$ 15.000! Posso ajudar em algo mais?")
    assert checked.text == "O Kit Solar custa R$ 18.900 [1]. Prefiro confirmar esse detalhe. Posso ajudar em algo mais?"
    assert checked.trips() == [Trip("grounding", "fallback", "unsupported_claim")]
    assert not checked.fell_back


def test_a_blocked_sentence_ends_the_reply_with_the_fallback() -> None:
    checked = gate()
    pieces = checked.feed("Entendi o problema. Você deveria processar a empresa que instalou. Depois me conte. ")
    pieces += checked.finish()
    assert pieces == ["Entendi o problema. ", "Fallback."] and checked.fell_back
    assert [(t.check, t.action) for t in checked.trips()] == [("policy", "blocked"), ("output_gate", "fallback")]


def test_a_toxic_sentence_is_never_released() -> None:
    checked = gate()
    pieces = checked.feed("Claro. Que pergunta idiota, leia o manual. ") + checked.finish()
    assert pieces == ["Claro. ", "Fallback."]
    assert ("toxicity", "blocked") in [(t.check, t.action) for t in checked.trips()]


def test_personal_data_is_redacted_and_the_reply_goes_on() -> None:
    checked = gate()
    checked.run("Anotei seu e-mail ana@loja.com. Até logo.")
    assert checked.text == "Anotei seu e-mail [email]. Até logo."
    assert checked.trips() == [Trip("pii_redaction", "redacted", "email")]


def test_an_empty_reply_becomes_the_empty_reply_text() -> None:
    checked = gate()
    assert checked.finish() == ["Resposta vazia."]
    assert checked.trips() == [Trip("empty_output", "fallback", "no checked text to send")]


def test_a_rolled_back_step_leaves_no_trace_and_runs_again_the_same() -> None:
    checked = gate(evidence=None)
    assert checked.feed("Olá! ") == []
    saved = checked.checkpoint()
    first = checked.feed("O inversor X9 tem garantia de 5 anos. ")
    first += checked.finish(("O inversor X9 tem garantia de 5 anos.",))
    assert checked.stopped and checked.text
    checked.rollback(saved)
    assert checked.text == "" and not checked.stopped and checked.fed == "Olá! "
    again = checked.feed("O inversor X9 tem garantia de 5 anos. ")
    again += checked.finish(("O inversor X9 tem garantia de 5 anos.",))
    assert again == first == ["Olá! ", "O inversor X9 tem garantia de 5 anos. "]
    assert checked.text == "Olá! O inversor X9 tem garantia de 5 anos. "
