"""Intent classification and agent choice (seed §4.2). Strategies share one
interface; keywords is the first, cheap one."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class Decision:
    agent: str
    intent: str
    confidence: float
    strategy: str


class IntentClassifier(Protocol):
    name: str

    def classify(self, text: str, current_agent: str) -> Decision: ...


def normalize(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class _Rule:
    intent: str
    agent: str
    patterns: tuple[re.Pattern[str], ...]


class KeywordClassifier:
    """Counts keyword hits per intent. Greetings and messages with no hit keep the
    conversation with its current agent, so small talk never moves it."""

    name = "keywords"

    def __init__(self, rules_file: Path) -> None:
        data = tomllib.loads(rules_file.read_text(encoding="utf-8"))
        self.default_agent: str = data.get("default_agent", "support")
        self.rules = [
            _Rule(
                intent,
                str(spec.get("agent", "")),
                tuple(re.compile(rf"\b{re.escape(normalize(k))}\b") for k in spec.get("keywords", [])),
            )
            for intent, spec in data.get("intents", {}).items()
        ]

    def classify(self, text: str, current_agent: str) -> Decision:
        normalized = normalize(text)
        scores = [(sum(bool(p.search(normalized)) for p in rule.patterns), rule) for rule in self.rules]
        topical = sorted(((s, r) for s, r in scores if s > 0 and r.agent), key=lambda sr: -sr[0])
        if topical:
            hits, rule = topical[0]
            runner_up = topical[1][0] if len(topical) > 1 else 0
            confidence = min(0.95, 0.5 + 0.15 * hits - 0.1 * runner_up)
            if current_agent and runner_up == hits and any(r.agent == current_agent for s, r in topical if s == hits):
                return Decision(current_agent, rule.intent, round(confidence, 2), "sticky")
            return Decision(rule.agent, rule.intent, round(max(confidence, 0.3), 2), self.name)
        greeting = any(s > 0 and not r.agent for s, r in scores)
        intent = "greeting" if greeting else "unclear"
        if current_agent:
            return Decision(current_agent, intent, 0.5, "sticky")
        return Decision(self.default_agent, intent, 0.6 if greeting else 0.2, self.name)
