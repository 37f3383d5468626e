"""The input chain as router_svc runs it, with the shared encoder (tests/conftest.py), for the
guardrail tests that judge messages with `blind_eval.refuses`; and the chain without the encoder,
whose rules alone the probe-shape tests hold attacks to."""

from __future__ import annotations

import pytest

from atende_guardrails.base import GuardrailChain
from atende_guardrails.config import load_guardrails
from atende_guardrails.encoder import UsemEncoder


@pytest.fixture(scope="module")
def chain(encoder: UsemEncoder) -> GuardrailChain:
    return load_guardrails(encoder=encoder).input


@pytest.fixture(scope="module")
def rules_chain() -> GuardrailChain:
    return load_guardrails().input
