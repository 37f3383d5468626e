"""Builds the configured router: ROUTER_ROUTING_STRATEGY is keywords, embedding,
hybrid, llm or cascade (ROUTER_ROUTING_CASCADE lists the strategies, cheapest
first; "llm" is left out of a cascade when no classifier is configured)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from atende_guardrails.encoder import TextEncoder
from router_svc.routing import (
    Cascade,
    CompletionPort,
    EmbeddingClassifier,
    ExampleSet,
    HybridClassifier,
    KeywordClassifier,
    LlmClassifier,
    Router,
    RoutingPolicy,
    Strategy,
    load_cues,
)
from router_svc.routing.llm import ClassifyPort

if TYPE_CHECKING:
    from router_svc.settings import Settings

STRATEGIES = ("keywords", "embedding", "hybrid", "llm", "cascade")
DEFAULT_CUES = Path(__file__).resolve().parent.parent / "rules" / "cues.toml"
# Generic requests of any business per agent: a weak prior under a business's own examples.
DEFAULT_PRIOR = Path(__file__).resolve().parent.parent / "rules" / "prior.toml"


def build_strategy(
    name: str,
    *,
    keyword_rules: Path,
    examples_file: Path,
    encoder: TextEncoder | None,
    completion: CompletionPort | ClassifyPort | None,
    cascade: Sequence[str] = ("keywords", "embedding"),
    cascade_threshold: float = 0.75,
    cues_file: Path = DEFAULT_CUES,
    vector_folder: Path | None = None,
) -> Strategy:
    if name == "keywords":
        return KeywordClassifier(keyword_rules)
    if name == "embedding":
        if encoder is None:
            raise ValueError("the embedding strategy needs an encoder")
        return EmbeddingClassifier(encoder, ExampleSet.load(examples_file), vector_folder=vector_folder)
    if name == "hybrid":
        if encoder is None:
            raise ValueError("the hybrid strategy needs an encoder")
        return HybridClassifier(encoder, ExampleSet.load(examples_file), load_cues(cues_file),
                                prior=ExampleSet.load(DEFAULT_PRIOR), vector_folder=vector_folder)
    if name == "llm":
        return _llm(completion, examples_file)
    if name == "cascade":
        members = [n for n in cascade if n != "cascade" and not (n == "llm" and completion is None)]
        if not members:
            raise ValueError("the cascade lists no strategy")
        return Cascade(
            [build_strategy(n, keyword_rules=keyword_rules, examples_file=examples_file, encoder=encoder,
                            completion=completion, cues_file=cues_file, vector_folder=vector_folder) for n in members],
            cascade_threshold,
        )
    raise ValueError(f"unknown routing strategy {name!r}; known: {', '.join(STRATEGIES)}")


def _llm(completion: CompletionPort | ClassifyPort | None, examples_file: Path) -> LlmClassifier:
    if completion is None:
        raise ValueError("the llm strategy needs a completion port (agent_svc)")
    examples = ExampleSet.load(examples_file)
    by_intent: dict[str, list[str]] = {}
    for intent, text in examples.examples:
        by_intent.setdefault(intent, []).append(text)
    return LlmClassifier(completion, examples.intents, by_intent)


def needs_encoder(name: str, cascade: Sequence[str]) -> bool:
    return name in ("embedding", "hybrid") or (name == "cascade" and bool({"embedding", "hybrid"} & set(cascade)))


def build_router(settings: Settings, encoder: TextEncoder | None, completion: CompletionPort | ClassifyPort | None) -> Router:
    """The router the service runs, from its settings alone (call start() before use)."""
    strategy = build_strategy(
        settings.routing_strategy,
        keyword_rules=settings.keyword_rules,
        examples_file=settings.routing_examples,
        encoder=encoder,
        completion=completion,
        cascade=settings.routing_cascade,
        cascade_threshold=settings.routing_cascade_threshold,
        cues_file=settings.routing_cues,
        vector_folder=Path(settings.example_vectors_folder) if settings.example_vectors_folder else None,
    )
    policy = RoutingPolicy(
        min_confidence=settings.routing_min_confidence,
        fallback_confidence=settings.routing_fallback_confidence,
        handoff_confidence=settings.routing_handoff_confidence,
        default_agent=settings.routing_default_agent,
    )
    return Router(strategy, policy)
