"""Anthropic's Messages API through the `anthropic` SDK's async client: tool use,
streaming (SSE), prompt caching with cache_control, and usage accounting."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import anthropic
from anthropic.types import Message as AnthropicMessage
from anthropic.types import RawContentBlockDelta, RawMessageStreamEvent

from agent_svc.config import ProviderConfig
from agent_svc.llm.base import CallUsage, ChatMessage, LLMRequest, LLMResponse, ProviderError, StreamEvent, ToolCall
from agent_svc.llm.retry import RETRYABLE_STATUS, retry_after, stream_with_retries, use_aiohttp, with_retries
from agent_svc.llm.sdk import SDKProvider, StreamState, parse_arguments, run_stream, sdk_error

_CACHE = {"type": "ephemeral"}
_RETRYABLE_STREAM_ERRORS = {"overloaded_error", "api_error", "rate_limit_error", "timeout_error"}


def map_error(provider: str, error: Exception) -> ProviderError:
    """SDK exceptions to ProviderError. Never includes the request or the key."""
    if isinstance(error, anthropic.APIStatusError):
        status = error.status_code
        retryable = status in RETRYABLE_STATUS
        body = error.body if isinstance(error.body, dict) else {}
        inner = body.get("error") if isinstance(body.get("error"), dict) else body
        kind = str(inner.get("type", "")) if isinstance(inner, dict) else ""
        if status < 400:  # an error event inside a 200 stream
            retryable = kind in _RETRYABLE_STREAM_ERRORS
        return ProviderError(provider, f"HTTP {status} {kind}".strip(), retryable=retryable, status=status,
                             retry_after=retry_after(error.response.headers))
    return sdk_error(provider, error, anthropic.APIConnectionError)


def to_messages(messages: tuple[ChatMessage, ...], cache_last: bool) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for message in messages:
        blocks: list[dict[str, Any]]
        if message.role == "tool":
            role = "user"
            blocks = [{
                "type": "tool_result", "tool_use_id": message.tool_call_id, "content": message.text,
                "is_error": message.is_error,
            }]
        elif message.role == "assistant":
            role = "assistant"
            blocks = [{"type": "text", "text": message.text}] if message.text.strip() else []
            blocks += [{"type": "tool_use", "id": c.id, "name": c.name, "input": c.arguments} for c in message.tool_calls]
        else:
            role = "user"
            blocks = [{"type": "text", "text": message.text}] if message.text.strip() else []
        if not blocks:
            continue
        if out and out[-1]["role"] == role:
            out[-1]["content"].extend(blocks)
        else:
            out.append({"role": role, "content": blocks})
    if not out or out[0]["role"] != "user":
        out.insert(0, {"role": "user", "content": [{"type": "text", "text": "(start of the conversation)"}]})
    if cache_last:
        # Caches the conversation prefix for the next step of the tool loop.
        out[-1]["content"][-1] = {**out[-1]["content"][-1], "cache_control": _CACHE}
    return out


class AnthropicProvider(SDKProvider):
    """`model` comes with each request: one client (and connection pool) per provider."""

    name = "anthropic"

    def __init__(self, config: ProviderConfig, api_key: str, base_url: str | None) -> None:
        super().__init__(config)
        transport = anthropic.DefaultAioHttpClient if use_aiohttp(config.http_client) else anthropic.DefaultAsyncHttpxClient
        self.client = anthropic.AsyncAnthropic(
            **self.client_options(api_key, base_url), http_client=transport(limits=self.http_limits())
        )

    def params(self, request: LLMRequest) -> dict[str, Any]:
        system: list[dict[str, Any]] = [{"type": "text", "text": request.system or "You are a helpful assistant."}]
        if self.config.prompt_cache:
            system[0]["cache_control"] = _CACHE
        if request.context:
            system.append({"type": "text", "text": request.context})
        params: dict[str, Any] = {
            "model": request.model,
            # This SDK's Messages API takes no sampling parameters: the model's defaults apply.
            "max_tokens": request.max_tokens,
            "system": system,
            "messages": to_messages(
                request.messages,
                self.config.prompt_cache and any(m.role == "tool" for m in request.messages),
            ),
        }
        if request.tools:
            params["tools"] = [
                {"name": t.name, "description": t.description, "input_schema": t.parameters} for t in request.tools
            ]
            if request.tool_choice == "none":
                params["tool_choice"] = {"type": "none"}
            elif request.tool_choice.startswith("tool:"):  # structured output: this tool must be called
                params["tool_choice"] = {"type": "tool", "name": request.tool_choice[5:]}
        if request.timeout is not None:
            params["timeout"] = request.timeout
        return params

    async def complete(self, request: LLMRequest) -> LLMResponse:
        params = self.params(request)

        async def call() -> LLMResponse:
            try:
                message = await self.client.messages.create(**params)
            except Exception as error:
                raise map_error(self.label, error) from error
            text = "".join(block.text for block in message.content if block.type == "text")
            calls = [
                ToolCall(block.id, block.name, dict(block.input) if isinstance(block.input, dict) else {})
                for block in message.content
                if block.type == "tool_use"
            ]
            usage = message.usage
            return LLMResponse(
                text=text,
                tool_calls=calls,
                usage=CallUsage(
                    usage.input_tokens, usage.output_tokens,
                    usage.cache_read_input_tokens or 0, usage.cache_creation_input_tokens or 0,
                ),
                stop_reason=str(message.stop_reason or ""),
                provider=self.name,
                model=message.model or request.model,
            )

        return await with_retries(call, self.policy, self.label)

    def stream(self, request: LLMRequest) -> AsyncIterator[StreamEvent]:
        params = self.params(request)
        return stream_with_retries(lambda: self._stream_once(params, request.model), self.policy, self.label)

    def _stream_once(self, params: dict[str, Any], model: str) -> AsyncIterator[StreamEvent]:
        return run_stream(
            lambda: self.client.messages.create(**params, stream=True),
            _AnthropicStream(model),
            self.name,
            lambda error: map_error(self.label, error),
        )

    async def close(self) -> None:
        await self.client.close()



class _AnthropicStream(StreamState[RawMessageStreamEvent]):
    """Messages API events: usage at the start and the end, text and tool input as
    deltas of numbered content blocks."""

    def __init__(self, model: str) -> None:
        super().__init__(model)
        self.calls: list[ToolCall] = []
        # Tool-use blocks still open, by index: id, name and the pieces of their JSON input.
        self.open_tools: dict[int, tuple[str, str, list[str]]] = {}

    def feed(self, event: RawMessageStreamEvent) -> str:
        if event.type == "message_start":
            self._start(event.message)
        elif event.type == "content_block_start" and event.content_block.type == "tool_use":
            self.open_tools[event.index] = (event.content_block.id, event.content_block.name, [])
        elif event.type == "content_block_delta":
            return self._delta(event.index, event.delta)
        elif event.type == "content_block_stop" and event.index in self.open_tools:
            call_id, name, pieces = self.open_tools.pop(event.index)
            self.calls.append(ToolCall(call_id, name, parse_arguments("".join(pieces))))
        elif event.type == "message_delta":
            self.stop_reason = str(event.delta.stop_reason or "")
            self.usage.output_tokens = event.usage.output_tokens
            if event.usage.input_tokens:
                self.usage.input_tokens = event.usage.input_tokens
        return ""

    def _start(self, message: AnthropicMessage) -> None:
        start = message.usage
        self.usage = CallUsage(
            start.input_tokens, start.output_tokens, start.cache_read_input_tokens or 0, start.cache_creation_input_tokens or 0
        )
        self.model = message.model or self.model

    def _delta(self, index: int, delta: RawContentBlockDelta) -> str:
        if delta.type == "text_delta":
            return delta.text
        if delta.type == "input_json_delta" and index in self.open_tools:
            self.open_tools[index][2].append(delta.partial_json)
        return ""

    def tool_calls(self) -> list[ToolCall]:
        return self.calls
