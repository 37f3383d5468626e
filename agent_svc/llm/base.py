"""The provider interface (Strategy) and the messages that cross it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from agent_svc.domain import Passage
from agent_svc.prompts import Playbook


@dataclass(frozen=True)
class ToolSpec:
    """A tool as a model sees it: a name, what it does, and a JSON schema of its arguments."""

    name: str
    description: str
    parameters: dict[str, Any]


@dataclass(frozen=True)
class ToolCall:
    id: str
    name: str
    arguments: dict[str, Any]


@dataclass(frozen=True)
class ChatMessage:
    """role is "user", "assistant" or "tool" (a tool's result, for tool_call_id)."""

    role: str
    text: str = ""
    tool_calls: tuple[ToolCall, ...] = ()
    tool_call_id: str = ""
    tool_name: str = ""
    is_error: bool = False


@dataclass(frozen=True)
class Guidance:
    """The agent's plan for this turn in structured form. Hosted models read the same
    plan as text in the system context; the local engine, which cannot read prose,
    follows this instead."""

    language: str
    playbook: Playbook
    agent_kind: str = "assistant"
    passages: tuple[Passage, ...] = ()
    # Whether to answer the customer's text from the passages.
    answer: bool = True
    # Sentences (already in the customer's language) to say before and after the answer.
    lead_in: tuple[str, ...] = ()
    follow_up: tuple[str, ...] = ()
    # Phrase keys to say when nothing answers the customer (e.g. "not_found", "clarify").
    unanswered: tuple[str, ...] = ("no_answer",)
    # Best passage score under which a passage does not count as an answer.
    weak_score: float = 0.35


@dataclass(frozen=True)
class LLMRequest:
    model: str
    # The stable part of the system prompt (cacheable): the playbook's instructions.
    system: str
    # The per-turn part: customer data, retrieved passages, the plan.
    context: str
    messages: tuple[ChatMessage, ...]
    tools: tuple[ToolSpec, ...] = ()
    # "auto": the model may call tools; "none": it must answer in text (the loop's last step);
    # "tool:<name>": it must call that tool (structured output, e.g. classification).
    tool_choice: str = "auto"
    max_tokens: int = 600
    temperature: float = 0.3
    guidance: Guidance | None = None
    timeout: float | None = None
    # A key the provider may use to route requests with the same prefix to its cache.
    cache_key: str = ""


@dataclass
class CallUsage:
    input_tokens: int = 0
    output_tokens: int = 0
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0


@dataclass
class LLMResponse:
    text: str
    tool_calls: list[ToolCall] = field(default_factory=list)
    usage: CallUsage = field(default_factory=CallUsage)
    stop_reason: str = ""
    provider: str = ""
    model: str = ""


@dataclass(frozen=True)
class TextDelta:
    text: str


@dataclass(frozen=True)
class Finished:
    response: LLMResponse


StreamEvent = TextDelta | Finished


class ProviderError(Exception):
    """A provider call failed. `retryable` for 429, 5xx, time-outs and lost connections."""

    def __init__(self, provider: str, message: str, *, retryable: bool, status: int | None = None,
                 retry_after: float | None = None) -> None:
        super().__init__(f"{provider}: {message}")
        self.provider = provider
        self.retryable = retryable
        self.status = status
        self.retry_after = retry_after


class LLMProvider(Protocol):
    """One way to produce the next assistant message (text or tool calls)."""

    name: str

    async def complete(self, request: LLMRequest) -> LLMResponse: ...

    def stream(self, request: LLMRequest) -> AsyncIterator[StreamEvent]:
        """Text deltas as the model produces them, then Finished with the whole message
        (its tool calls included)."""
        ...

    async def close(self) -> None: ...
