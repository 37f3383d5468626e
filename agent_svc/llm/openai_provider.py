"""OpenAI's Chat Completions API through the `openai` SDK's async client, which
also reaches any OpenAI-compatible server (vLLM, Ollama, llama.cpp) by base URL:
tool calling, streaming (SSE), usage accounting with cached prompt tokens."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx2
import openai
from openai.types.chat import ChatCompletion, ChatCompletionChunk

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


def map_error(provider: str, error: Exception) -> ProviderError:
    """SDK exceptions to ProviderError. Never includes the request or the key."""
    if isinstance(error, openai.APIStatusError):
        status = error.status_code
        return ProviderError(provider, f"HTTP {status}", retryable=status in RETRYABLE_STATUS, status=status,
                             retry_after=retry_after(error.response.headers))
    if isinstance(error, openai.APIConnectionError):
        return ProviderError(provider, type(error).__name__, retryable=True)
    if isinstance(error, openai.APIError):  # an error event inside a stream
        return ProviderError(provider, "error in stream", retryable=True)
    if isinstance(error, ProviderError):
        return error
    return ProviderError(provider, f"unexpected {type(error).__name__}", retryable=False)


def to_messages(system: str, messages: tuple[ChatMessage, ...]) -> list[dict[str, Any]]:
    # One system message: several confuse some compatible servers' chat templates.
    out: list[dict[str, Any]] = [{"role": "system", "content": system}]
    for message in messages:
        if message.role == "tool":
            out.append({"role": "tool", "tool_call_id": message.tool_call_id, "content": message.text})
        elif message.role == "assistant":
            entry: dict[str, Any] = {"role": "assistant", "content": message.text or None}
            if message.tool_calls:
                entry["tool_calls"] = [
                    {
                        "id": c.id,
                        "type": "function",
                        "function": {"name": c.name, "arguments": json.dumps(c.arguments, ensure_ascii=False)},
                    }
                    for c in message.tool_calls
                ]
            if entry["content"] or message.tool_calls:
                out.append(entry)
        elif message.text.strip():
            out.append({"role": "user", "content": message.text})
    return out


def _arguments(raw: str) -> dict[str, Any]:
    try:
        value = json.loads(raw or "{}")
    except json.JSONDecodeError:
        return {"_invalid_json": raw}
    return value if isinstance(value, dict) else {"_invalid_json": raw}


def _usage(usage: Any) -> CallUsage:
    if usage is None:
        return CallUsage()
    details = getattr(usage, "prompt_tokens_details", None)
    cached = int(getattr(details, "cached_tokens", 0) or 0) if details is not None else 0
    written = int(getattr(details, "cache_write_tokens", 0) or 0) if details is not None else 0
    prompt = int(usage.prompt_tokens or 0)
    # prompt_tokens includes the cached ones; keep the buckets disjoint.
    return CallUsage(max(0, prompt - cached - written), int(usage.completion_tokens or 0), cached, written)


class OpenAIProvider:
    def __init__(self, config: ProviderConfig, api_key: str, base_url: str | None) -> None:
        self.name = "openai"
        self.label = config.name
        self.config = config
        self.policy = RetryPolicy(config.max_retries, config.backoff_seconds, config.max_backoff_seconds)
        self.official = base_url is None
        self.max_tokens_param = config.max_tokens_param or ("max_completion_tokens" if self.official else "max_tokens")
        self.client = openai.AsyncOpenAI(
            api_key=api_key,
            base_url=base_url,
            timeout=config.timeout_seconds,
            max_retries=0,
            http_client=(openai.DefaultAioHttpClient if use_aiohttp(config.http_client) else openai.DefaultAsyncHttpx2Client)(
                limits=httpx2.Limits(max_connections=config.max_connections, max_keepalive_connections=config.max_connections),
            ),
        )

    def __repr__(self) -> str:  # the client holds the key: never print it
        return f"OpenAIProvider({self.label!r})"

    def params(self, request: LLMRequest) -> dict[str, Any]:
        system = request.system + ("\n\n" + request.context if request.context else "")
        params: dict[str, Any] = {
            "model": request.model,
            "messages": to_messages(system, request.messages),
            "temperature": request.temperature,
            self.max_tokens_param: request.max_tokens,
        }
        if request.tools:
            params["tools"] = [
                {"type": "function", "function": {"name": t.name, "description": t.description, "parameters": t.parameters}}
                for t in request.tools
            ]
            if request.tool_choice == "none":
                params["tool_choice"] = "none"
        if self.official and self.config.prompt_cache and request.cache_key:
            # OpenAI caches prompt prefixes by itself; the key keeps one agent's
            # requests on the same cache. Compatible servers may reject the field.
            params["prompt_cache_key"] = request.cache_key
        return params

    async def _post(self, params: dict[str, Any], deadline: float | None, stream: bool) -> Any:
        """The SDK client's own POST: its auth, HTTP pool, error classes, SSE decoding and
        response models. `chat.completions.create` would first walk every message and
        tool through its typed-parameter transform, tens of milliseconds of CPU per
        call on the event loop for a prompt with history and tools; our parameters
        are already plain JSON, so they go as the body."""
        options: dict[str, Any] = {"timeout": deadline} if deadline is not None else {}
        if stream:
            return await self.client.post(
                "/chat/completions", cast_to=ChatCompletion, body={**params, "stream": True}, options=options,  # type: ignore[call-overload]
                stream=True, stream_cls=openai.AsyncStream[ChatCompletionChunk],
            )
        return await self.client.post("/chat/completions", cast_to=ChatCompletion, body=params, options=options)  # type: ignore[call-overload]

    async def complete(self, request: LLMRequest) -> LLMResponse:
        params = self.params(request)

        async def call() -> LLMResponse:
            try:
                completion: ChatCompletion = await self._post(params, request.timeout, stream=False)
            except Exception as error:
                raise map_error(self.label, error) from error
            if not completion.choices:
                raise ProviderError(self.label, "no choices in the answer", retryable=True)
            choice = completion.choices[0]
            calls = [
                ToolCall(call.id, call.function.name, _arguments(call.function.arguments))
                for call in (choice.message.tool_calls or [])
                if call.type == "function"
            ]
            return LLMResponse(
                text=choice.message.content or "",
                tool_calls=calls,
                usage=_usage(completion.usage),
                stop_reason=str(choice.finish_reason or ""),
                provider=self.name,
                model=completion.model or request.model,
            )

        return await with_retries(call, self.policy, self.label)

    def stream(self, request: LLMRequest) -> AsyncIterator[StreamEvent]:
        params = self.params(request)
        if self.config.stream_usage:
            params["stream_options"] = {"include_usage": True}
        return stream_with_retries(lambda: self._stream_once(params, request.model, request.timeout), self.policy, self.label)

    async def _stream_once(self, params: dict[str, Any], model: str, deadline: float | None) -> AsyncIterator[StreamEvent]:
        text: list[str] = []
        pending: dict[int, dict[str, Any]] = {}
        usage = CallUsage()
        stop_reason = ""
        try:
            chunks = await self._post(params, deadline, stream=True)
            async for chunk in chunks:
                model = chunk.model or model
                if chunk.usage is not None:
                    usage = _usage(chunk.usage)
                for choice in chunk.choices[:1]:
                    delta = choice.delta
                    if delta.content:
                        text.append(delta.content)
                        yield TextDelta(delta.content)
                    for part in delta.tool_calls or []:
                        slot = pending.setdefault(part.index, {"id": "", "name": "", "arguments": []})
                        if part.id:
                            slot["id"] = part.id
                        if part.function is not None:
                            if part.function.name:
                                slot["name"] = part.function.name
                            if part.function.arguments:
                                slot["arguments"].append(part.function.arguments)
                    if choice.finish_reason:
                        stop_reason = str(choice.finish_reason)
        except ProviderError:
            raise
        except Exception as error:
            raise map_error(self.label, error) from error
        calls = [
            ToolCall(slot["id"] or f"call_{index}", slot["name"], _arguments("".join(slot["arguments"])))
            for index, slot in sorted(pending.items())
        ]
        yield Finished(LLMResponse("".join(text), calls, usage, stop_reason, self.name, model))

    async def close(self) -> None:
        await self.client.close()
