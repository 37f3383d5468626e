"""The encoder's asynchronous path: a cached vector is answered on the event loop (no
thread hand-off), and texts that miss the cache while others are being encoded go to
the model together."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from atende_guardrails.encoder import UsemEncoder, Vectors


class CountingExecutor(ThreadPoolExecutor):
    def __init__(self) -> None:
        super().__init__(max_workers=1)
        self.submitted = 0

    def submit(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.submitted += 1
        return super().submit(*args, **kwargs)


def _fresh() -> tuple[UsemEncoder, CountingExecutor, list[list[str]]]:
    encoder = UsemEncoder()
    encoder.load()
    executor = CountingExecutor()
    encoder._executor = executor  # the thread the encoder hands work to
    calls: list[list[str]] = []
    encode = encoder.encode

    def counted(texts: Sequence[str]) -> Vectors:
        calls.append(list(texts))
        return encode(texts)

    encoder.encode = counted  # type: ignore[method-assign]
    return encoder, executor, calls


async def test_a_cached_vector_is_answered_without_the_encoders_thread() -> None:
    encoder, executor, calls = _fresh()
    text = f"quanto custa o kit solar {uuid.uuid4().hex}"
    first = await encoder.aencode([text])
    assert executor.submitted == 1 and len(calls) == 1
    again = await encoder.aencode([text])
    both = await encoder.aencode([text, text])
    assert executor.submitted == 1 and len(calls) == 1  # no thread, no model
    assert np.array_equal(again, first) and both.shape == (2, encoder.dimension)
    # What the loop answered is a copy: changing it does not change the cache.
    again[0, :] = 0
    assert np.array_equal(await encoder.aencode([text]), first)
    encoder.close()


async def test_concurrent_misses_share_a_model_call() -> None:
    encoder, _, calls = _fresh()
    texts = [f"pergunta nova {i} {uuid.uuid4().hex}" for i in range(6)]
    results = await asyncio.gather(*(encoder.aencode([t]) for t in texts))
    # The first miss starts a call; the five that arrived meanwhile go in the next one.
    assert len(calls) <= 2 and sorted(t for call in calls for t in call) == sorted(texts)
    for text, vectors in zip(texts, results, strict=True):
        assert vectors.shape == (1, encoder.dimension)
        assert abs(float(vectors[0] @ encoder.encode([text])[0]) - 1.0) < 1e-5
    encoder.close()


async def test_a_failed_model_call_fails_every_caller_in_its_batch() -> None:
    encoder, _, _ = _fresh()

    def broken(texts: Sequence[str]) -> Vectors:
        raise RuntimeError("model unavailable")

    encoder.encode = broken  # type: ignore[method-assign]
    outcomes = await asyncio.gather(*(encoder.aencode([f"x {i} {uuid.uuid4().hex}"]) for i in range(3)),
                                    return_exceptions=True)
    assert all(isinstance(o, RuntimeError) for o in outcomes)
    encoder.close()
