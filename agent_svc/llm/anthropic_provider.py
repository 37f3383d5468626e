"""Anthropic's Messages API through the `anthropic` SDK's async client: tool use,
streaming (SSE), prompt caching with cache_control, and usage accounting."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import anthropic
import httpx2

from agent_svc.config import ProviderConfig
from agent_svc.llm.base import (
    CallUsage,
    ChatMessage,
    Finished,
    LLMRequest,
    LLMResponse,
    ProviderError,
    StreamEvent,
    TextDelta,
    ToolCall,
)
from agent_svc.llm.retry import RETRYABLE_STATUS, RetryPolicy, retry_after, stream_with_retries, use_aiohttp, with_retries

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
    if isinstance(error, anthropic.APIConnectionError):
        return ProviderError(provider, type(error).__name__, retryable=True)
    if isinstance(error, ProviderError):
        return error
    return ProviderError(provider, f"unexpected {type(error).__name__}", retryable=False)


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


class AnthropicProvider:
    """`model` comes with each request: one client (and connection pool) per provider."""

    def __init__(self, config: ProviderConfig, api_key: str, base_url: str | None) -> None:
        self.name = "anthropic"
        self.label = config.name
        self.config = config
        self.policy = RetryPolicy(config.max_retries, config.backoff_seconds, config.max_backoff_seconds)
        transport = anthropic.DefaultAioHttpClient if use_aiohttp(config.http_client) else anthropic.DefaultAsyncHttpxClient
        self.client = anthropic.AsyncAnthropic(
            api_key=api_key,
            base_url=base_url,
            timeout=config.timeout_seconds,
            max_retries=0,
            http_client=transport(
                limits=httpx2.Limits(max_connections=config.max_connections, max_keepalive_connections=config.max_connections),
            ),
        )

    def __repr__(self) -> str:  # the client holds the key: never print it
        return f"AnthropicProvider({self.label!r})"

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

    async def _stream_once(self, params: dict[str, Any], model: str) -> AsyncIterator[StreamEvent]:
        usage = CallUsage()
        text: list[str] = []
        calls: list[ToolCall] = []
        tool_blocks: dict[int, dict[str, Any]] = {}
        stop_reason = ""
        try:
            events = await self.client.messages.create(**params, stream=True)
            async for event in events:
                if event.type == "message_start":
                    start = event.message.usage
                    usage.input_tokens = start.input_tokens
                    usage.cache_read_tokens = start.cache_read_input_tokens or 0
                    usage.cache_write_tokens = start.cache_creation_input_tokens or 0
                    usage.output_tokens = start.output_tokens
                    model = event.message.model or model
                elif event.type == "content_block_start":
                    block = event.content_block
                    if block.type == "tool_use":
                        tool_blocks[event.index] = {"id": block.id, "name": block.name, "json": []}
                elif event.type == "content_block_delta":
                    delta = event.delta
                    if delta.type == "text_delta" and delta.text:
                        text.append(delta.text)
                        yield TextDelta(delta.text)
                    elif delta.type == "input_json_delta" and event.index in tool_blocks:
                        tool_blocks[event.index]["json"].append(delta.partial_json)
                elif event.type == "content_block_stop" and event.index in tool_blocks:
                    block_data = tool_blocks.pop(event.index)
                    raw = "".join(block_data["json"]) or "{}"
                    try:
                        arguments = json.loads(raw)
                    except json.JSONDecodeError:
                        arguments = {"_invalid_json": raw}
                    calls.append(ToolCall(block_data["id"], block_data["name"], arguments if isinstance(arguments, dict) else {}))
                elif event.type == "message_delta":
                    stop_reason = str(event.delta.stop_reason or "")
                    usage.output_tokens = event.usage.output_tokens
                    if event.usage.input_tokens:
                        usage.input_tokens = event.usage.input_tokens
        except ProviderError:
            raise
        except Exception as error:
            raise map_error(self.label, error) from error
        yield Finished(LLMResponse("".join(text), calls, usage, stop_reason, self.name, model))

    async def close(self) -> None:
        await self.client.close()

