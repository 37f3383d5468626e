"""The local engine's 'answers the attribute asked' check (agent_svc.evidence): the
focus of a question, and abstaining when no retrieved passage mentions it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from agent_svc.domain import Passage
from agent_svc.evidence import Selector, focus_words
from atende_guardrails.encoder import UsemEncoder

BATTERY = Passage(
    "bateria", "Bateria ZX-10", "bateria.md",
    "A bateria ZX-10 tem 10 kWh de capacidade e pesa 60 kg. Pode ser instalada na parede ou no chão.", 0.0,
)
PANEL = Passage(
    "panel", "ZX-550 panel datasheet", "panel.md",
    "The ZX-550 panel has 144 half-cut cells and weighs 28 kg. Its frame is anodized aluminium.", 0.0,
)


@pytest.fixture(scope="module")
def selector() -> Iterator[Selector]:
    encoder = UsemEncoder()
    try:
        yield Selector(encoder)
    finally:
        encoder.close()


def test_focus_words_leave_out_codes_question_words_and_verbs() -> None:
    assert focus_words("a bateria ZX-10 aguenta ate qual temperatura ambiente?") == ["bateria", "temperatura", "ambiente"]
    assert focus_words("What colour is the frame of the ZX-550 panel?") == ["colour", "frame", "panel"]
    assert focus_words("Meu inversor X9 mostra o erro E21") == ["inversor", "erro"]
    assert focus_words("qto custa o kit?") == ["kit"]
    assert focus_words("Qual a diferença entre o kit residencial e o comercial?") == ["kit", "residencial", "comercial"]


def test_an_attribute_no_passage_mentions_is_not_answered(selector: Selector) -> None:
    asked = selector.rank("a bateria ZX-10 aguenta ate qual temperatura ambiente?", [BATTERY, PANEL])
    assert "temperatura" in asked.uncovered
    assert selector.answer(asked) == []
    colour = selector.rank("What colour is the frame of the ZX-550 panel?", [PANEL, BATTERY])
    assert colour.uncovered == ("colour",) and selector.answer(colour) == []


def test_an_attribute_a_passage_mentions_is_answered_across_languages(selector: Selector) -> None:
    weight = selector.rank("quanto pesa a bateria ZX-10?", [BATTERY, PANEL])
    assert weight.uncovered == ()
    assert "60 kg" in selector.answer(weight)[0].unit.text
    cells = selector.rank("quantas células tem o painel ZX-550?", [PANEL, BATTERY])
    assert cells.uncovered == ()  # "celulas" and "cells": the encoder holds them for the same thing
    assert "144" in selector.answer(cells)[0].unit.text
