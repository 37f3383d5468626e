"""Shared fixtures of router_svc's tests: the local sentence encoder, loaded once for
the routing, guardrail and turn tests."""

from __future__ import annotations

import os

from atende_runtime.main import blas_single_thread_env

for _name, _value in blas_single_thread_env().items():
    os.environ.setdefault(_name, _value)

from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402

from router_svc.embeddings import UsemEncoder  # noqa: E402


@pytest.fixture(scope="session")
def encoder() -> Iterator[UsemEncoder]:
    model = UsemEncoder()
    model.load()
    yield model
    model.close()
