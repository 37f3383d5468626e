"""Shared fixtures of router_svc's tests: the local sentence encoder, loaded once for
the routing, guardrail and turn tests."""

from __future__ import annotations

from atende_runtime.main import limit_blas_threads

limit_blas_threads()

from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402

from router_svc.embeddings import UsemEncoder  # noqa: E402


@pytest.fixture(scope="session")
def encoder() -> Iterator[UsemEncoder]:
    model = UsemEncoder()
    model.load()
    yield model
    model.close()
