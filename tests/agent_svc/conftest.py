"""Fixtures of agent_svc's tests; the helpers are in agent_helpers.py."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from agent_svc.evidence import Selector
from atende_guardrails.encoder import UsemEncoder
from devstack.fake_llm import FakeLLMServer


@pytest.fixture(scope="session")
def encoder() -> Iterator[UsemEncoder]:
    """The real sentence encoder, loaded once for the session (about a second each time)."""
    enc = UsemEncoder()
    yield enc
    enc.close()


@pytest.fixture(scope="module")
def selector(encoder: UsemEncoder) -> Selector:
    """The local engine's evidence selector; its vector table lives for one module."""
    return Selector(encoder)


@pytest.fixture
async def llm_server() -> AsyncIterator[FakeLLMServer]:
    """A loopback server speaking the Anthropic and OpenAI wire formats."""
    server = FakeLLMServer()
    await server.start()
    yield server
    await server.stop()
