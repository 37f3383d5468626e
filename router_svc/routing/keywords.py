"""The keyword strategy: fast, rules in a file (rules/keywords.toml)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from atende_guardrails.text import fold
from router_svc.routing.base import OUT_OF_SCOPE, SMALL_TALK, TOPIC, Decision, IntentSpec, Prediction, intent_from
from router_svc.routing.policy import RoutingPolicy

normalize = fold


@dataclass(frozen=True)
class _Rule:
    intent: IntentSpec
    patterns: tuple[re.Pattern[str], ...]


class KeywordClassifier:
    """Counts keyword hits per intent; the intent with most hits wins, and a
    runner-up lowers the confidence. Topic intents beat small talk ("oi, quanto
    custa?" is about price)."""

    name = "keywords"

    def __init__(self, rules_file: Path) -> None:
        data = tomllib.loads(rules_file.read_text(encoding="utf-8"))
        self.default_agent: str = str(data.get("default_agent", "support"))
        self.rules = [
            _Rule(
                intent_from(name, spec),
                tuple(re.compile(rf"(?<!\w){re.escape(normalize(k))}(?!\w)") for k in spec.get("keywords", [])),
            )
            for name, spec in data.get("intents", {}).items()
        ]
        self.intents = {rule.intent.name: rule.intent for rule in self.rules}

    def predict_sync(self, text: str) -> Prediction:
        normalized = normalize(text[:4000])
        scores = [(sum(1 for p in rule.patterns if p.search(normalized)), rule) for rule in self.rules]
        hits = {rule.intent.name: float(s) for s, rule in scores if s > 0}
        by_agent: dict[str, int] = {}
        for count, rule in scores:
            if count and rule.intent.kind == TOPIC:
                by_agent[rule.intent.agent] = by_agent.get(rule.intent.agent, 0) + count
        if by_agent:
            # The agent with most hits (first in file order on a tie), then its best intent.
            agent = max(by_agent, key=lambda a: by_agent[a])
            best = by_agent[agent]
            runner_up = max((c for a, c in by_agent.items() if a != agent), default=0)
            rule = max((r for c, r in scores if c and r.intent.agent == agent), key=lambda r: hits[r.intent.name])
            confidence = min(0.95, 0.5 + 0.15 * best - 0.1 * runner_up)
            return Prediction(rule.intent.name, agent, TOPIC, round(max(confidence, 0.3), 2), self.name, hits)
        for kind, confidence in ((OUT_OF_SCOPE, 0.65), (SMALL_TALK, 0.6)):
            ranked = [r for c, r in sorted(scores, key=lambda cr: -cr[0]) if c and r.intent.kind == kind]
            if ranked:
                return Prediction(ranked[0].intent.name, "", kind, confidence, self.name, hits)
        return Prediction.unclear(self.name, 0.2)

    async def predict(self, text: str, history: tuple[str, ...] = ()) -> Prediction:
        return self.predict_sync(text)

    def classify(self, text: str, current_agent: str) -> Decision:
        """The keyword strategy with the default policy, synchronously."""
        return RoutingPolicy(default_agent=self.default_agent).decide(self.predict_sync(text), current_agent)
