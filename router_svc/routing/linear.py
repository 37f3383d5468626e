"""A linear read of the business's examples: softmax regression from the encoder's vector to the destination.

The nearest examples and the prototypes say which examples a message resembles; a linear model fit on all of them says
which directions of the encoder's space separate one destination from another, whatever the wording. On the solar
probes' unread halves b the two disagree on about one message in ten, and where the linear read is sure (p > 0.8) and
the examples' read differs, the linear read is right about three times in five (docs/performance.md §36). It is one
more term of the hybrid strategy's log-odds, never the whole decision.

Fitting runs once per example set and process (a few hundred full-batch steps on a few thousand vectors, about a
second), and is cached by the examples' vectors and labels."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import numpy as np

from atende_guardrails import kept_vectors
from atende_guardrails.encoder import Vectors

# Fit on unit vectors scaled by SCALE (the logits' spread a few units), with a little L2 so that a destination with few
# examples is not pushed to the corners; STEPS of plain gradient descent at RATE converge on these sizes
# (chosen on the halves b of the solar probes; 5 to 20 and 1e-4 to 1e-2 gave the same answers within a point).
SCALE = 10.0
L2 = 1e-3
STEPS = 300
RATE = 0.5

_fitted: dict[str, tuple[np.ndarray, np.ndarray]] = {}
_lock = threading.Lock()


class LinearHead:
    """Log-probabilities of each destination for a vector, fit on labelled example vectors."""

    def __init__(self, weights: np.ndarray, bias: np.ndarray) -> None:
        self.weights = weights
        self.bias = bias

    @classmethod
    def fit(cls, matrix: Vectors, labels: np.ndarray, classes: int, folder: Path | None = None) -> LinearHead:
        """Fit on the examples' vectors, or the fit kept in `folder` (kept_vectors.py) for the same ones."""
        key = hashlib.sha1(matrix.tobytes() + labels.astype(np.int64).tobytes() + bytes([classes])).hexdigest()
        with _lock:
            if key not in _fitted:
                name = f"linear-{STEPS}-{SCALE}-{L2}-{RATE}-{key}"
                kept = kept_vectors.load_arrays(folder, name)
                if kept is None or len(kept) != 2:
                    kept = list(_softmax_regression(matrix.astype(np.float64) * SCALE, labels, classes))
                    kept_vectors.save_arrays(folder, name, kept)
                _fitted[key] = (kept[0], kept[1])
            weights, bias = _fitted[key]
        return cls(weights, bias)

    def log_probabilities(self, vector: Vectors) -> np.ndarray:
        logits = (vector.astype(np.float64) * SCALE) @ self.weights + self.bias
        logits -= logits.max()
        return np.asarray(logits - np.log(np.exp(logits).sum()))


def _softmax_regression(features: np.ndarray, labels: np.ndarray, classes: int) -> tuple[np.ndarray, np.ndarray]:
    rows, width = features.shape
    weights = np.zeros((width, classes))
    bias = np.zeros(classes)
    targets = np.eye(classes)[labels]
    for _ in range(STEPS):
        logits = features @ weights + bias
        logits -= logits.max(axis=1, keepdims=True)
        probabilities = np.exp(logits)
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        gradient = (probabilities - targets) / rows
        weights -= RATE * (features.T @ gradient + L2 * weights)
        bias -= RATE * gradient.sum(axis=0)
    return weights, bias
