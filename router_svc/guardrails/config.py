"""Builds the chains from configuration (rules/guardrails.toml): the chain is data."""

from __future__ import annotations

import functools
import logging
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from router_svc.guardrails.base import Check, GuardrailChain
from router_svc.guardrails.classifier import InjectionModel
from router_svc.guardrails.input_checks import ContentFilterCheck, EncodingCheck, LengthCheck, PromptInjectionCheck
from router_svc.guardrails.lexicon import Lexicon
from router_svc.guardrails.output_checks import GroundingCheck, PolicyCheck, ToxicityCheck
from router_svc.guardrails.pii import PiiCheck
from router_svc.guardrails.semantic import InjectionClassifierCheck, InjectionSimilarityCheck, SyncEncoder, load_bank

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
DEFAULT_CONFIG = RULES_DIR / "guardrails.toml"
DEFAULT_LEXICON = RULES_DIR / "lexicon.toml"

Similarity = Callable[[str, Sequence[str]], float]


class Encoder(SyncEncoder, Protocol):
    def similarity(self, sentence: str, passages: Sequence[str]) -> float: ...

_DEFAULT_TEXTS = {
    "refusal": {"pt": "Desculpe, não posso atender a esse pedido.", "en": "Sorry, I can't help with that request."},
    "fallback": {"pt": "Desculpe, não consegui responder agora.", "en": "Sorry, I couldn't answer right now."},
    "not_found": {"pt": "Não encontrei essa informação na nossa base.", "en": "I could not find that in our knowledge base."},
    "clarify": {"pt": "Não entendi bem. Sobre o que você quer falar?",
                "en": "I'm not sure I understood. What would you like to talk about?"},
    "out_of_scope": {"pt": "Esse assunto foge do que posso ajudar.", "en": "That's outside what I can help with."},
}


@dataclass
class Texts:
    refusal: dict[str, str] = field(default_factory=lambda: dict(_DEFAULT_TEXTS["refusal"]))
    fallback: dict[str, str] = field(default_factory=lambda: dict(_DEFAULT_TEXTS["fallback"]))
    not_found: dict[str, str] = field(default_factory=lambda: dict(_DEFAULT_TEXTS["not_found"]))
    clarify: dict[str, str] = field(default_factory=lambda: dict(_DEFAULT_TEXTS["clarify"]))
    out_of_scope: dict[str, str] = field(default_factory=lambda: dict(_DEFAULT_TEXTS["out_of_scope"]))

    @staticmethod
    def pick(table: dict[str, str], language: str) -> str:
        return table.get(language) or table.get("en") or next(iter(table.values()), "")


@dataclass
class Guardrails:
    input: GuardrailChain
    output: GuardrailChain
    texts: Texts


class ConfigError(ValueError):
    pass


log = logging.getLogger("atende.router.guardrails")


def _build(name: str, params: dict[str, Any], lexicon: Lexicon, texts: Texts, encoder: Encoder | None) -> Check | None:
    try:
        if name == "length":
            return LengthCheck(**params)
        if name == "encoding":
            return EncodingCheck(**params)
        if name == "prompt_injection":
            extra = [(str(p["kind"]), str(p["pattern"])) for p in params.pop("extra_patterns", [])]
            return PromptInjectionCheck(extra_patterns=extra, **params)
        if name == "content_filter":
            return ContentFilterCheck(lexicon, **params)
        if name == "pii_redaction":
            kinds = params.pop("kinds", None)
            return PiiCheck(kinds=frozenset(kinds) if kinds else None, **params)
        if name == "policy":
            return PolicyCheck(**params)
        if name == "toxicity":
            return ToxicityCheck(lexicon, **params)
        if name == "grounding":
            semantic = bool(params.pop("semantic", False))
            return GroundingCheck(texts.not_found, encoder=encoder if semantic else None, **params)
        if name == "injection_similarity":
            bank = RULES_DIR / str(params.pop("bank", "injection_examples.toml"))
            if encoder is None:
                log.warning("injection_similarity needs the local encoder; the chain runs without it")
                return None
            attacks, benign = load_bank(bank)
            return InjectionSimilarityCheck(encoder, attacks, benign, **params)
        if name == "injection_classifier":
            model = _model(RULES_DIR / str(params.pop("model", "injection_model.json")))
            use_encoder = bool(params.pop("use_encoder", True))
            return InjectionClassifierCheck(model, encoder if use_encoder else None, **params)
    except TypeError as error:
        raise ConfigError(f"check {name!r}: {error}") from error
    raise ConfigError(f"unknown guardrail check {name!r}")


@functools.lru_cache(maxsize=4)
def _model(path: Path) -> InjectionModel:
    return InjectionModel.load(path)


def load_guardrails(
    path: Path = DEFAULT_CONFIG, lexicon_path: Path = DEFAULT_LEXICON, encoder: Encoder | None = None
) -> Guardrails:
    """Builds both chains. Checks that need the local encoder (injection_similarity,
    grounding across languages) are left out, or run lexically, when it is None."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    lexicon = Lexicon.load(lexicon_path)
    raw_texts = data.get("texts", {})
    texts = Texts(
        **{key: {**_DEFAULT_TEXTS[key], **{str(k): str(v) for k, v in raw_texts.get(key, {}).items()}} for key in _DEFAULT_TEXTS}
    )
    chains = {}
    for stage in ("input", "output"):
        built = [
            _build(str(spec["name"]), {k: v for k, v in spec.items() if k != "name"}, lexicon, texts, encoder)
            for spec in data.get(stage, {}).get("checks", [])
        ]
        chains[stage] = GuardrailChain([check for check in built if check is not None], stage)
    return Guardrails(chains["input"], chains["output"], texts)
