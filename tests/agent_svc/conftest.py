"""Fixtures of agent_svc's tests; the helpers are in agent_helpers.py."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from devstack.fake_llm import FakeLLMServer


@pytest.fixture
async def llm_server() -> AsyncIterator[FakeLLMServer]:
    """A loopback server speaking the Anthropic and OpenAI wire formats."""
    server = FakeLLMServer()
    await server.start()
    yield server
    await server.stop()
