"""What the two SDK-backed providers (Anthropic, OpenAI) share: the HTTP pool limits,
the errors every SDK raises alike, tool arguments that arrive as JSON text, and a
streamed answer put together as its events arrive."""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypedDict, TypeVar

import httpx2

from agent_svc.config import ProviderConfig
from agent_svc.llm.base import CallUsage, Finished, LLMResponse, ProviderError, StreamEvent, TextDelta, ToolCall
from agent_svc.llm.retry import RetryPolicy

E = TypeVar("E")


class ClientOptions(TypedDict):
    """What both SDKs' async clients take alike."""

    api_key: str
    base_url: str | None
    timeout: float
    max_retries: int


class SDKProvider:
    """The state both SDK-backed providers keep: the name the cascade and the logs know
    them by, their configuration and their retry policy."""

    name: str

    def __init__(self, config: ProviderConfig) -> None:
        self.label = config.name
        self.config = config
        self.policy = RetryPolicy(config.max_retries, config.backoff_seconds, config.max_backoff_seconds)

    def __repr__(self) -> str:  # the client holds the key: never print it
        return f"{type(self).__name__}({self.label!r})"

    def client_options(self, api_key: str, base_url: str | None) -> ClientOptions:
        # The SDKs' own retries are off: retry.py applies one policy to every provider.
        return {"api_key": api_key, "base_url": base_url, "timeout": self.config.timeout_seconds, "max_retries": 0}

    def http_limits(self) -> httpx2.Limits:
        """One pool per provider, every connection kept alive."""
        return httpx2.Limits(max_connections=self.config.max_connections, max_keepalive_connections=self.config.max_connections)


def sdk_error(provider: str, error: Exception, connection_error: type[Exception]) -> ProviderError:
    """What is left once a provider has mapped its own HTTP status errors: a lost
    connection is retryable, anything else unexpected is not. Never includes the
    request or the key."""
    if isinstance(error, connection_error):
        return ProviderError(provider, type(error).__name__, retryable=True)
    if isinstance(error, ProviderError):
        return error
    return ProviderError(provider, f"unexpected {type(error).__name__}", retryable=False)


def parse_arguments(raw: str) -> dict[str, Any]:
    """A tool call's arguments from the JSON text the model wrote; what is not a JSON
    object is kept for the tool's validation to report."""
    try:
        value = json.loads(raw or "{}")
    except json.JSONDecodeError:
        return {"_invalid_json": raw}
    return value if isinstance(value, dict) else {"_invalid_json": raw}


@dataclass
class StreamState(ABC, Generic[E]):
    """A streamed answer as its events arrive. A provider says what each of its SDK's
    events adds (`feed`) and which tool calls the answer made (`tool_calls`)."""

    model: str
    text: list[str] = field(default_factory=list)
    usage: CallUsage = field(default_factory=CallUsage)
    stop_reason: str = ""

    @abstractmethod
    def feed(self, event: E) -> str:
        """Takes one event in; returns the answer text it carries ("" for none)."""

    @abstractmethod
    def tool_calls(self) -> list[ToolCall]:
        """The tool calls the finished answer made."""

    def response(self, provider: str) -> LLMResponse:
        return LLMResponse("".join(self.text), self.tool_calls(), self.usage, self.stop_reason, provider, self.model)


async def run_stream(
    open_events: Callable[[], Awaitable[AsyncIterable[E]]],
    state: StreamState[E],
    provider: str,
    map_error: Callable[[Exception], ProviderError],
) -> AsyncIterator[StreamEvent]:
    """Text deltas as the events bring them, then Finished with the whole answer. An
    SDK's exception, on opening the stream or inside it, becomes a ProviderError."""
    try:
        events = await open_events()
        async for event in events:
            text = state.feed(event)
            if text:
                state.text.append(text)
                yield TextDelta(text)
    except ProviderError:
        raise
    except Exception as error:
        raise map_error(error) from error
    yield Finished(state.response(provider))
