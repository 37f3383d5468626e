# ruff: noqa: RUF001  (look-alike letters on purpose: these are attacks)
"""The text toolkit every service shares: folding (plain and adversarial), words,
sentences (whole and streamed), language."""

from __future__ import annotations

import pytest

from atende_guardrails.normalize import normalize
from atende_guardrails.text import detect_language, fold, split_complete, split_sentences, words


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Quanto custa a instalação?", "pt"),
        ("How much does the installation cost?", "en"),
        ("Olá", "pt"),
        ("My inverter shows error E04", "en"),
        # the README's grpcurl example: the code's "E" is not the Portuguese "e"
        ("My inverter shows error E-104", "en"),
        ("my e-mail is wrong", "en"),
        ("Meu e-mail mudou", "pt"),
    ],
)
def test_language_of_short_messages(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Quanto custa o kit solar?", "pt"),
        ("How much is the solar kit?", "en"),
        ("Olá, preciso de ajuda com meu pedido", "pt"),
        ("Hello, I need help with my order", "en"),
        ("Erro E04 no inversor", "pt"),
    ],
)
def test_language_of_longer_messages(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_fold_and_words() -> None:
    assert fold("Instalação ÁGIL") == "instalacao agil"
    assert words("Preço: R$ 1.500, instalação!") == ["preco", "r", "1", "500", "instalacao"]


def test_normalize_removes_the_tricks() -> None:
    assert normalize("ÏGNÖRË\u200b ａｌｌ").canonical == " ignore all "
    # The plain fold leaves other scripts alone (knowledge search indexes them as they are).
    assert fold("привет") == "привет"


def test_sentences_concatenate_back_to_the_text() -> None:
    text = "Olá, Sr. Silva! O kit custa R$ 1.500,00. 1. Painéis\n2. Inversor… Tudo certo?  Sim."
    assert "".join(split_sentences(text)) == text


def test_a_streamed_sentence_is_complete_only_when_text_follows_it() -> None:
    assert split_complete("Aguarde 5 minutos.") == ([], "Aguarde 5 minutos.")
    assert split_complete("Aguarde 5 minutos. Depois relig") == (["Aguarde 5 minutos. "], "Depois relig")
    assert split_complete("Custa R$ 1.5") == ([], "Custa R$ 1.5")  # a decimal point is not the end


def test_a_citation_marker_ends_its_sentence() -> None:
    assert split_sentences("Custa R$ 18.900 [1]. Com desconto? Não.") == ["Custa R$ 18.900 [1]. ", "Com desconto? ", "Não."]
