"""Builds the chains from configuration (rules/guardrails.toml): the chain is data.
Both services read the same file: router_svc builds the input chain from it (and
the output chain for CheckGuardrails' dry runs), agent_svc the output chain that
gates every reply."""

from __future__ import annotations

import functools
import logging
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from atende_guardrails.base import Check, GuardrailChain
from atende_guardrails.classifier import InjectionModel
from atende_guardrails.encoder import SyncEncoder
from atende_guardrails.grounding import GroundingCheck
from atende_guardrails.input_checks import ContentFilterCheck, EncodingCheck, LengthCheck, PromptInjectionCheck
from atende_guardrails.lexicon import Lexicon
from atende_guardrails.pii import PiiCheck
from atende_guardrails.policy import PolicyCheck
from atende_guardrails.semantic import InjectionClassifierCheck, InjectionSimilarityCheck, load_bank
from atende_guardrails.toxicity import ToxicityCheck

RULES_DIR = Path(__file__).resolve().parent / "rules"
DEFAULT_CONFIG = RULES_DIR / "guardrails.toml"
DEFAULT_LEXICON = RULES_DIR / "lexicon.toml"

_DEFAULT_TEXTS = {
    "refusal": {"pt": "Desculpe, não posso atender a esse pedido.", "en": "Sorry, I can't help with that request."},
    "fallback": {"pt": "Desculpe, não consegui responder agora.", "en": "Sorry, I couldn't answer right now."},
    "not_found": {"pt": "Não encontrei essa informação na nossa base.", "en": "I could not find that in our knowledge base."},
    "clarify": {"pt": "Não entendi bem. Sobre o que você quer falar?",
                "en": "I'm not sure I understood. What would you like to talk about?"},
    "out_of_scope": {"pt": "Não tenho essa informação: esse assunto foge do que posso ajudar.",
                     "en": "I don't know that one: it's outside what I can help with."},
    # While a handed-off conversation waits for a person and the customer writes again.
    "queued": {"pt": "Uma pessoa da nossa equipe já foi chamada e vai responder por aqui. "
                     "Enquanto isso, se tiver outra dúvida, pode me perguntar.",
               "en": "A person from our team has been called and will answer here. "
                     "Meanwhile, if you have another question, feel free to ask me."},
}


@dataclass
class Texts:
    refusal: dict[str, str] = field(default_factory=lambda: dict(_DEFAULT_TEXTS["refusal"]))
    fallback: dict[str, str] = field(default_factory=lambda: dict(_DEFAULT_TEXTS["fallback"]))
    not_found: dict[str, str] = field(default_factory=lambda: dict(_DEFAULT_TEXTS["not_found"]))
    clarify: dict[str, str] = field(default_factory=lambda: dict(_DEFAULT_TEXTS["clarify"]))
    out_of_scope: dict[str, str] = field(default_factory=lambda: dict(_DEFAULT_TEXTS["out_of_scope"]))
    queued: dict[str, str] = field(default_factory=lambda: dict(_DEFAULT_TEXTS["queued"]))

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


log = logging.getLogger("atende.guardrails")


@dataclass
class _Sources:
    """What a check may be built from besides its own settings."""

    lexicon: Lexicon
    texts: Texts
    encoder: SyncEncoder | None


def _prompt_injection(params: dict[str, Any], sources: _Sources) -> Check:
    extra = [(str(p["kind"]), str(p["pattern"])) for p in params.pop("extra_patterns", [])]
    return PromptInjectionCheck(extra_patterns=extra, **params)


def _pii(params: dict[str, Any], sources: _Sources) -> Check:
    kinds = params.pop("kinds", None)
    return PiiCheck(kinds=frozenset(kinds) if kinds else None, **params)


def _grounding(params: dict[str, Any], sources: _Sources) -> Check:
    semantic = bool(params.pop("semantic", False))
    return GroundingCheck(sources.texts.not_found, encoder=sources.encoder if semantic else None, **params)


def _injection_similarity(params: dict[str, Any], sources: _Sources) -> Check | None:
    bank = RULES_DIR / str(params.pop("bank", "injection_examples.toml"))
    if sources.encoder is None:
        log.warning("injection_similarity needs the local encoder; the chain runs without it")
        return None
    attacks, benign = load_bank(bank)
    return InjectionSimilarityCheck(sources.encoder, attacks, benign, **params)


def _injection_classifier(params: dict[str, Any], sources: _Sources) -> Check:
    model = _model(RULES_DIR / str(params.pop("model", "injection_model.json")))
    use_encoder = bool(params.pop("use_encoder", True))
    return InjectionClassifierCheck(model, sources.encoder if use_encoder else None, **params)


_BUILDERS: dict[str, Callable[[dict[str, Any], _Sources], Check | None]] = {
    "length": lambda params, sources: LengthCheck(**params),
    "encoding": lambda params, sources: EncodingCheck(**params),
    "prompt_injection": _prompt_injection,
    "content_filter": lambda params, sources: ContentFilterCheck(sources.lexicon, **params),
    "pii_redaction": _pii,
    "policy": lambda params, sources: PolicyCheck(**params),
    "toxicity": lambda params, sources: ToxicityCheck(sources.lexicon, **params),
    "grounding": _grounding,
    "injection_similarity": _injection_similarity,
    "injection_classifier": _injection_classifier,
}


def _build(name: str, params: dict[str, Any], sources: _Sources) -> Check | None:
    builder = _BUILDERS.get(name)
    if builder is None:
        raise ConfigError(f"unknown guardrail check {name!r}")
    try:
        return builder(params, sources)
    except TypeError as error:
        raise ConfigError(f"check {name!r}: {error}") from error


@functools.lru_cache(maxsize=4)
def _model(path: Path) -> InjectionModel:
    return InjectionModel.load(path)


def load_guardrails(
    path: Path = DEFAULT_CONFIG, lexicon_path: Path = DEFAULT_LEXICON, encoder: SyncEncoder | None = None
) -> Guardrails:
    """Builds both chains. Checks that need the local encoder (injection_similarity,
    grounding across languages) are left out, or run lexically, when it is None."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    raw_texts = data.get("texts", {})
    texts = Texts(
        **{key: {**_DEFAULT_TEXTS[key], **{str(k): str(v) for k, v in raw_texts.get(key, {}).items()}} for key in _DEFAULT_TEXTS}
    )
    sources = _Sources(Lexicon.load(lexicon_path), texts, encoder)
    chains = {}
    for stage in ("input", "output"):
        built = [
            _build(str(spec["name"]), {k: v for k, v in spec.items() if k != "name"}, sources)
            for spec in data.get(stage, {}).get("checks", [])
        ]
        chains[stage] = GuardrailChain([check for check in built if check is not None], stage)
    return Guardrails(chains["input"], chains["output"], texts)


def input_chain() -> GuardrailChain:
    """The input chain of the default configuration."""
    return load_guardrails().input


def output_chain() -> GuardrailChain:
    """The output chain of the default configuration."""
    return load_guardrails().output
