"""Cheap first: each strategy answers when it is confident enough; otherwise the
next one is asked. The last answer stands (the later strategies are the stronger
ones), unless it failed, in which case the most confident earlier one does."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from router_svc.routing.base import UNCLEAR, Prediction, Strategy, predict_with

log = logging.getLogger("atende.router.routing")


class Cascade:
    accepts_agent = True

    def __init__(self, strategies: Sequence[Strategy], threshold: float = 0.75) -> None:
        if not strategies:
            raise ValueError("a cascade needs at least one strategy")
        self.strategies = list(strategies)
        self.threshold = threshold
        self.name = "cascade(" + ",".join(s.name for s in self.strategies) + ")"

    async def predict(self, text: str, history: tuple[str, ...] = (), current_agent: str = "") -> Prediction:
        answers: list[Prediction] = []
        for strategy in self.strategies:
            try:
                prediction = await predict_with(strategy, text, history, current_agent)
            except Exception:
                log.warning("routing strategy failed", extra={"strategy": strategy.name}, exc_info=True)
                continue
            answers.append(prediction)
            if prediction.intent != UNCLEAR and prediction.confidence >= self.threshold:
                return prediction
        if not answers:
            return Prediction.unclear(self.strategies[-1].name)
        last = answers[-1]
        if last.intent == UNCLEAR and last.confidence == 0.0:
            return max(answers, key=lambda p: p.confidence)
        return last
