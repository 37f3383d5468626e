"""Intent classification and agent choice (seed §4.2). Three strategies share one
interface (keywords, embedding, llm) and can be chained in a cascade; the policy
turns a prediction into a decision (stick, hand over, clarify)."""

from __future__ import annotations

import logging

from router_svc.metrics import METRICS
from router_svc.routing.base import (
    OUT_OF_SCOPE,
    SMALL_TALK,
    TOPIC,
    UNCLEAR,
    Decision,
    IntentSpec,
    Prediction,
    Strategy,
    load_intents,
    predict_with,
)
from router_svc.routing.cascade import Cascade
from router_svc.routing.embedding import EmbeddingClassifier, ExampleSet
from router_svc.routing.hybrid import HybridClassifier, load_cues
from router_svc.routing.keywords import KeywordClassifier, normalize
from router_svc.routing.llm import ClassifyPort, CompletionPort, LabelSpec, LlmClassifier
from router_svc.routing.policy import RoutingPolicy

log = logging.getLogger("atende.router.routing")


class Router:
    """A strategy (or a cascade of them) and the policy."""

    def __init__(self, strategy: Strategy, policy: RoutingPolicy) -> None:
        self.strategy = strategy
        self.policy = policy

    def members(self) -> list[Strategy]:
        return list(getattr(self.strategy, "strategies", [self.strategy]))

    def start_sync(self) -> None:
        """Encodes the examples now (tools and tests; the service awaits start())."""
        for member in self.members():
            if isinstance(member, (EmbeddingClassifier, HybridClassifier)):
                member.start_sync()

    async def start(self) -> None:
        for member in self.members():
            if isinstance(member, (EmbeddingClassifier, HybridClassifier)):
                await member.start()

    def kinds(self) -> dict[str, str]:
        """The kind of every intent the strategies know (topic, small_talk, ...)."""
        found: dict[str, str] = {}
        for member in self.members():
            for spec in getattr(member, "intents", {}).values():
                found.setdefault(spec.name, spec.kind)
        return found

    async def route(self, text: str, current_agent: str, history: tuple[str, ...] = ()) -> Decision:
        prediction = await predict_with(self.strategy, text, history, current_agent)
        decision = self.policy.decide(prediction, current_agent)
        METRICS.inc("routing_decisions", strategy=decision.strategy, action=decision.action)
        if decision.handoff_from:
            METRICS.inc("handoffs", source=decision.handoff_from, target=decision.agent)
        return decision


__all__ = [
    "OUT_OF_SCOPE",
    "SMALL_TALK",
    "TOPIC",
    "UNCLEAR",
    "Cascade",
    "ClassifyPort",
    "CompletionPort",
    "Decision",
    "EmbeddingClassifier",
    "ExampleSet",
    "HybridClassifier",
    "IntentSpec",
    "KeywordClassifier",
    "LabelSpec",
    "LlmClassifier",
    "Prediction",
    "Router",
    "RoutingPolicy",
    "Strategy",
    "load_cues",
    "load_intents",
    "normalize",
    "predict_with",
]
