"""What every routing strategy shares: the intent catalogue, a strategy's
prediction, and the router's final decision."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

# Kinds of intent: a topic routes to its agent; small talk never moves a
# conversation; out of scope gets a clarifying answer; "unclear" is what a
# strategy says when it does not know.
TOPIC, SMALL_TALK, OUT_OF_SCOPE = "topic", "small_talk", "out_of_scope"
UNCLEAR = "unclear"


@dataclass(frozen=True)
class IntentSpec:
    name: str
    agent: str
    kind: str
    description: str = ""


def intent_from(name: str, spec: dict[str, Any]) -> IntentSpec:
    agent = str(spec.get("agent", ""))
    default_kind = TOPIC if agent else (OUT_OF_SCOPE if name == OUT_OF_SCOPE else SMALL_TALK)
    kind = str(spec.get("kind", default_kind))
    if kind not in (TOPIC, SMALL_TALK, OUT_OF_SCOPE, UNCLEAR):
        raise ValueError(f"intent {name!r}: kind must be topic, small_talk, out_of_scope or unclear")
    if kind == TOPIC and not agent:
        raise ValueError(f"intent {name!r}: a topic intent needs an agent")
    return IntentSpec(name, agent if kind == TOPIC else "", kind, str(spec.get("description", "")))


def load_intents(path: Path) -> dict[str, IntentSpec]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {name: intent_from(name, spec) for name, spec in data.get("intents", {}).items()}


@dataclass(frozen=True)
class Prediction:
    """What one strategy thinks a text is about."""

    intent: str
    agent: str
    kind: str
    confidence: float
    strategy: str
    # Runner-up intents and their scores, for diagnostics.
    scores: dict[str, float] = field(default_factory=dict)
    # Share of the evidence for each destination (agent name, or the kind for
    # small talk / out of scope), when the strategy can tell.
    destinations: dict[str, float] = field(default_factory=dict)
    # True when the strategy already weighed the conversation's current agent (the
    # hybrid strategy): the policy then follows its agent instead of re-judging.
    contextual: bool = False
    # True when the strategy asks the customer what they need even though the
    # conversation has an agent: the agent was only the default a greeting got, and
    # the first real message names no request yet.
    ask: bool = False

    @classmethod
    def unclear(cls, strategy: str, confidence: float = 0.0) -> Prediction:
        return cls(UNCLEAR, "", TOPIC, confidence, strategy)


@dataclass(frozen=True)
class Decision:
    """The router's decision for a turn."""

    agent: str
    intent: str
    confidence: float
    strategy: str
    # "route": the agent answers; "clarify": the router asks what the customer needs;
    # "waiting": the conversation waits for a person and the message asks nothing of an
    # agent (a greeting, "anyone there?"), so the router says a person is on the way;
    # "people": people hold the conversation and the AI is silent.
    action: str = "route"
    # The agent that had the conversation before, when this turn hands it over.
    handoff_from: str = ""
    # For an out-of-scope answer: the agent nearest to the message. The turn asks it first
    # whether the knowledge base answers the message (router_svc/turn.py): the business's
    # documents, not the routing examples, say what is in scope.
    nearest_agent: str = ""

    @property
    def clarify(self) -> bool:
        return self.action == "clarify"

    @property
    def waiting(self) -> bool:
        return self.action == "waiting"


class Strategy(Protocol):
    """A routing strategy: keywords, embedding or llm."""

    name: str

    async def predict(self, text: str, history: tuple[str, ...] = ()) -> Prediction: ...


async def predict_with(strategy: Strategy, text: str, history: tuple[str, ...], current_agent: str) -> Prediction:
    """Asks a strategy, giving it the conversation's current agent when it reads
    one (`accepts_agent`)."""
    if current_agent and getattr(strategy, "accepts_agent", False):
        return await strategy.predict(text, history, current_agent=current_agent)  # type: ignore[call-arg]
    return await strategy.predict(text, history)
