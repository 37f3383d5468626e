"""Issue 16: the hybrid strategy's linear read of the examples (router_svc/routing/linear.py). A softmax regression on
the encoder's vectors, fit once per example set, adds its log-probabilities to the log-odds of a business with
enough examples to fit it; a business configured with a few dozen keeps the nearest examples, the prototypes and the
cues alone."""

from __future__ import annotations

import numpy as np
import pytest

from atende_guardrails.encoder import UsemEncoder
from router_svc.eval.evalsets import routed_label, router_for
from router_svc.routing import Router
from router_svc.routing.hybrid import HybridClassifier
from router_svc.routing.linear import LinearHead


def _hybrid(router: Router) -> HybridClassifier:
    members = getattr(router.strategy, "strategies", [router.strategy])
    return next(m for m in members if isinstance(m, HybridClassifier))


def test_the_head_separates_what_its_examples_separate() -> None:
    generator = np.random.default_rng(7)
    centres = np.eye(3, 16, dtype=np.float32)
    labels = np.repeat(np.arange(3), 40)
    points = centres[labels] + 0.35 * generator.standard_normal((120, 16)).astype(np.float32)
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    head = LinearHead.fit(points, labels, 3)
    for label in range(3):
        probabilities = np.exp(head.log_probabilities(centres[label]))
        assert int(np.argmax(probabilities)) == label
        assert probabilities.sum() == pytest.approx(1.0)
    # Fit once per example set: the same vectors and labels give the same head.
    assert LinearHead.fit(points, labels, 3).weights is head.weights


def test_only_a_business_with_enough_examples_gets_the_head(encoder: UsemEncoder) -> None:
    solar, _ = router_for("solar", encoder)
    fibre, _ = router_for("vetorfibra", encoder)
    assert len(_hybrid(solar).examples.examples) >= _hybrid(solar).linear_examples
    assert _hybrid(solar)._linear is not None
    # Vetor Fibra's 137 examples cannot fit 512 directions: its routing is what its examples and the cues say.
    assert _hybrid(fibre)._linear is None


async def test_asking_whether_it_is_a_person_is_small_talk(encoder: UsemEncoder) -> None:
    # Nearest to "is this product available?" by its words; the linear read knows the shape of a question about
    # the assistant. Routed to product at the code before the head.
    assert await routed_label(router_for("solar", encoder), "is this a bot or a real human? just wondering haha") \
        == "small_talk"
