"""Routing evaluation: every strategy over the labelled set (eval/routing.tsv),
with the same policy the service uses. Each turn is decided with the
conversation's *expected* state so far (the agent the earlier turns should have
reached, and the customer's earlier messages), so one mistake is counted once."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from atende_guardrails.encoder import UsemEncoder
from router_svc.routing import (
    Cascade,
    EmbeddingClassifier,
    ExampleSet,
    HybridClassifier,
    KeywordClassifier,
    Prediction,
    RoutingPolicy,
    Strategy,
    load_cues,
    predict_with,
)
from router_svc.routing.factory import DEFAULT_PRIOR
from router_svc.settings import Settings

EVAL_DIR = Path(__file__).parent
LABELS = ("sales", "support", "product", "clarify")


@dataclass(frozen=True)
class Turn:
    conversation: str
    index: int
    expected: str
    intent: str
    text: str
    current_agent: str
    history: tuple[str, ...]


def load_turns(path: Path = EVAL_DIR / "routing.tsv") -> list[Turn]:
    rows: dict[str, list[tuple[str, str, str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        conversation, expected, intent, text = line.split("\t", 3)
        rows.setdefault(conversation, []).append((expected, intent, text))
    turns: list[Turn] = []
    for conversation, items in rows.items():
        agent = ""
        history: list[str] = []
        for index, (expected, intent, text) in enumerate(items):
            turns.append(Turn(conversation, index, expected, intent, text, agent, tuple(history)))
            if expected != "clarify":
                agent = expected
            history.append(text)
    return turns


class _Precomputed:
    """The embedding strategy over vectors computed in one batch."""

    name = "embedding"

    def __init__(self, classifier: EmbeddingClassifier, turns: Sequence[Turn]) -> None:
        texts = sorted({t.text for t in turns} | {h for t in turns for h in t.history[-1:]})
        vectors = classifier.encoder.encode(texts)
        self.vectors = dict(zip(texts, vectors, strict=True))
        self.classifier = classifier

    async def predict(self, text: str, history: tuple[str, ...] = ()) -> Prediction:
        c = self.classifier
        previous = history[-1:] if c.context_weight and history and len(text.split()) <= c.short_words else ()
        vector = c.with_context(self.vectors[text], self.vectors[previous[0]] if previous else None)
        return c.predict_vector(vector, len(text.split()))


async def _evaluate(strategy: Strategy, policy: RoutingPolicy, turns: Sequence[Turn]) -> list[tuple[Turn, str, str]]:
    results = []
    for turn in turns:
        prediction = await predict_with(strategy, turn.text, turn.history, turn.current_agent)
        decision = policy.decide(prediction, turn.current_agent)
        results.append((turn, "clarify" if decision.clarify else decision.agent, decision.intent))
    return results


def _report(name: str, results: list[tuple[Turn, str, str]], seconds: float) -> float:
    total = len(results)
    correct = sum(1 for turn, got, _ in results if got == turn.expected)
    first = [(t, g) for t, g, _ in results if t.index == 0]
    later = [(t, g) for t, g, _ in results if t.index > 0]
    topical = [(t, i) for t, _, i in results if t.expected != "clarify"]
    print(f"\n== {name}: agent accuracy {correct / total:.3f} ({correct}/{total})"
          f"  first turns {sum(g == t.expected for t, g in first) / max(len(first), 1):.3f}"
          f"  later turns {sum(g == t.expected for t, g in later) / max(len(later), 1):.3f}"
          f"  intent accuracy {sum(i == t.intent for t, i in topical) / max(len(topical), 1):.3f}"
          f"  ({seconds * 1000 / total:.2f} ms a turn)")
    matrix = Counter((turn.expected, got or "-") for turn, got, _ in results)
    columns = [*LABELS, *sorted({g for _, g in matrix} - set(LABELS))]
    print("   expected \\ got " + "".join(f"{c:>9}" for c in columns))
    for row in LABELS:
        print(f"   {row:<15}" + "".join(f"{matrix.get((row, c), 0):>9}" for c in columns))
    for language in ("pt", "en"):
        chosen = [(t, g) for t, g, _ in results if _language(t) == language]
        if chosen:
            print(f"   {language}: {sum(g == t.expected for t, g in chosen) / len(chosen):.3f} ({len(chosen)} turns)")
    return correct / total


def _language(turn: Turn) -> str:
    from atende_guardrails.text import detect_language

    return detect_language(" ".join((*turn.history, turn.text)))


def run(show_errors: bool = False) -> None:
    print("routing.tsv: development set (rules/examples.toml was extended after a first run on it);\n"
          "routing_holdout.tsv: written after rules/examples.toml was frozen, used for nothing else.")
    evaluate(EVAL_DIR / "routing.tsv", show_errors=show_errors)
    print("\n\n######## held-out set")
    evaluate(EVAL_DIR / "routing_holdout.tsv", ("keywords", "embedding", "cascade", "hybrid"), show_errors=show_errors)


def _strategy(name: str, keywords: Strategy, embedding: Strategy | None, threshold: float,
              hybrid: Strategy | None = None) -> tuple[str, Strategy]:
    """The strategy a name stands for, and the name it is reported under."""
    if name == "hybrid" and hybrid is not None:
        return "hybrid (the service's default: examples, cues and the conversation)", hybrid
    if name == "keywords":
        return name, keywords
    if name == "embedding" and embedding is not None:
        return name, embedding
    if name == "cascade" and embedding is not None:
        return f"cascade (keywords, then embedding below {threshold})", Cascade([keywords, embedding], threshold)
    raise SystemExit(f"unknown strategy {name!r}")


def evaluate(path: Path, strategies: Sequence[str] = ("keywords", "embedding", "cascade", "hybrid", "llm"),
             show_errors: bool = False) -> dict[str, float]:
    settings = Settings()
    turns = load_turns(path)
    policy = RoutingPolicy(settings.routing_min_confidence, settings.routing_handoff_confidence,
                           default_agent=settings.routing_default_agent)
    conversations = len({t.conversation for t in turns})
    multi = len({t.conversation for t in turns if t.index > 0})
    print(f"{path.name}: {len(turns)} turns in {conversations} conversations ({multi} multi-turn)")
    keywords = KeywordClassifier(settings.keyword_rules)
    encoder: UsemEncoder | None = None
    embedding: _Precomputed | None = None
    hybrid: HybridClassifier | None = None
    if {"embedding", "cascade", "hybrid"} & set(strategies):
        encoder = UsemEncoder()
        encoder.load()
        classifier = EmbeddingClassifier(encoder, ExampleSet.load(settings.routing_examples))
        classifier.start_sync()
        embedding = _Precomputed(classifier, turns)
        hybrid = HybridClassifier(encoder, ExampleSet.load(settings.routing_examples), load_cues(settings.routing_cues),
                                  prior=ExampleSet.load(DEFAULT_PRIOR))
        hybrid.start_sync()
    scores: dict[str, float] = {}
    for name in strategies:
        if name == "llm":
            print("\n== llm: not evaluated offline: it needs a hosted model. With ROUTER_ROUTING_LLM_CLASSIFY=true the"
                  " strategy (router_svc/routing/llm.py) calls agent_svc's ClassifyText (structured output); its"
                  " wire format is tested against the loopback fakes (tests/agent_svc/test_classify_text.py).")
            continue
        name, strategy = _strategy(name, keywords, embedding, settings.routing_cascade_threshold, hybrid)
        started = time.perf_counter()
        results = asyncio.run(_evaluate(strategy, policy, turns))
        scores[name] = _report(name, results, time.perf_counter() - started)
        if show_errors:
            for turn, got, intent in results:
                if got != turn.expected:
                    print(f"     x {turn.conversation}#{turn.index} expected {turn.expected} got {got} ({intent}): {turn.text}")
    if encoder is not None:
        encoder.close()
    return scores
