"""router_svc's tests run with one BLAS thread; the local sentence encoder they share
is tests/conftest.py's `encoder` fixture. `solar`, `fibre` and `gym`: the router of each
business's default or evaluation configuration (router_svc.eval.evalsets.router_for), built once a session: routing
keeps no state between calls (a conversation's agent and history are the caller's), and a build costs seconds."""

from __future__ import annotations

import pytest

from atende_guardrails.encoder import UsemEncoder
from atende_runtime.main import limit_blas_threads
from router_svc.eval.evalsets import router_for
from router_svc.routing import Router

limit_blas_threads()


@pytest.fixture(scope="session")
def solar(encoder: UsemEncoder) -> tuple[Router, dict[str, str]]:
    return router_for("solar", encoder)


@pytest.fixture(scope="session")
def fibre(encoder: UsemEncoder) -> tuple[Router, dict[str, str]]:
    return router_for("vetorfibra", encoder)


@pytest.fixture(scope="session")
def gym(encoder: UsemEncoder) -> tuple[Router, dict[str, str]]:
    return router_for("pulsofit", encoder)
