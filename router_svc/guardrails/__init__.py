"""The guardrail chains (seed §4.4, §7): small checks with one job each, chained
by configuration (rules/guardrails.toml). Nothing in this package imports grpc."""

from __future__ import annotations

from router_svc.guardrails.base import ChainResult, Check, Finding, GuardContext, GuardrailChain, record_trips
from router_svc.guardrails.config import DEFAULT_CONFIG, DEFAULT_LEXICON, Guardrails, Texts, load_guardrails
from router_svc.guardrails.gate import OutputGate


def input_chain() -> GuardrailChain:
    """The input chain of the default configuration."""
    return load_guardrails().input


def output_chain() -> GuardrailChain:
    """The output chain of the default configuration."""
    return load_guardrails().output


__all__ = [
    "DEFAULT_CONFIG",
    "DEFAULT_LEXICON",
    "ChainResult",
    "Check",
    "Finding",
    "GuardContext",
    "GuardrailChain",
    "Guardrails",
    "OutputGate",
    "Texts",
    "input_chain",
    "load_guardrails",
    "output_chain",
    "record_trips",
]
