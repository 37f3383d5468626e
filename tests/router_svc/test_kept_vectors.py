"""The examples' vectors kept between starts (atende_guardrails/kept_vectors.py): a restart with the same examples reads
them instead of encoding again, a changed example set is encoded anew, and a folder that cannot be used only costs the
encoding."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from atende_guardrails import kept_vectors
from atende_guardrails.encoder import UsemEncoder, Vectors


class _Counting:
    """The real encoder, counting the texts it is asked to encode."""

    def __init__(self, encoder: UsemEncoder) -> None:
        self.encoder = encoder
        self.encoded = 0

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.encoded += len(texts)
        return self.encoder.encode(texts)


@pytest.fixture(scope="module")
def encoder() -> UsemEncoder:
    loaded = UsemEncoder(cache_size=0)
    loaded.load()
    return loaded


TEXTS = ["quanto custa o kit de 5 kWp?", "meu inversor parou", "what warranty do the panels have?"]


def test_a_second_start_reads_the_kept_vectors(encoder: UsemEncoder, tmp_path: Path) -> None:
    first = _Counting(encoder)
    vectors = kept_vectors.encode(first, TEXTS, tmp_path)
    assert first.encoded == 3 and len(list(tmp_path.glob("*.npy"))) == 1
    again = _Counting(encoder)
    assert np.array_equal(kept_vectors.encode(again, TEXTS, tmp_path), vectors)
    assert again.encoded == 0


def test_a_changed_example_set_is_encoded_anew(encoder: UsemEncoder, tmp_path: Path) -> None:
    kept_vectors.encode(_Counting(encoder), TEXTS, tmp_path)
    changed = _Counting(encoder)
    kept_vectors.encode(changed, [*TEXTS[:2], "what warranty do the inverters have?"], tmp_path)
    assert changed.encoded == 3 and len(list(tmp_path.glob("*.npy"))) == 2


def test_a_damaged_file_or_an_unusable_folder_only_costs_the_encoding(encoder: UsemEncoder, tmp_path: Path) -> None:
    kept_vectors.encode(_Counting(encoder), TEXTS, tmp_path)
    (kept,) = tmp_path.glob("*.npy")
    kept.write_bytes(b"not an array")
    damaged = _Counting(encoder)
    assert kept_vectors.encode(damaged, TEXTS, tmp_path).shape == (3, encoder.dimension)
    assert damaged.encoded == 3
    blocked = tmp_path / "a-file"
    blocked.write_text("a file where the folder should be")
    unusable = _Counting(encoder)
    assert kept_vectors.encode(unusable, TEXTS, blocked / "vectors").shape == (3, encoder.dimension)
    assert unusable.encoded == 3


async def test_a_router_started_from_kept_vectors_routes_as_one_that_encoded(encoder: UsemEncoder,
                                                                              tmp_path: Path) -> None:
    from router_svc.routing.factory import build_router
    from router_svc.settings import Settings

    messages = ["quero um orçamento pra minha casa", "o app não mostra a geração de ontem", "valeu, até mais"]
    decisions = []
    for folder in ("", str(tmp_path), str(tmp_path)):  # none kept; encoded and kept; read back
        router = build_router(Settings(example_vectors_folder=folder), encoder, None)
        await router.start()
        decisions.append([(d.intent, round(d.confidence, 6)) for d in
                          [await router.route(text, "", ()) for text in messages]])
    assert decisions[0] == decisions[1] == decisions[2]
    assert [name for name in os.listdir(tmp_path) if name.endswith(".npy")]  # the examples' vectors, kept


def test_the_linear_reads_fit_is_kept_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from router_svc.routing import linear

    rng = np.random.default_rng(7)
    matrix = rng.normal(size=(60, 8)).astype(np.float32)
    labels = np.arange(60) % 3
    monkeypatch.setattr(linear, "_fitted", {})
    fitted = linear.LinearHead.fit(matrix, labels, 3, tmp_path)
    assert len(list(tmp_path.glob("linear-*.npz"))) == 1

    def refit(*_: object) -> None:
        raise AssertionError("fit again although it was kept")

    monkeypatch.setattr(linear, "_fitted", {})  # a new process
    monkeypatch.setattr(linear, "_softmax_regression", refit)
    kept = linear.LinearHead.fit(matrix, labels, 3, tmp_path)
    assert np.array_equal(kept.weights, fitted.weights) and np.array_equal(kept.bias, fitted.bias)
