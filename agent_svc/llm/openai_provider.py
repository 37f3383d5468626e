"""OpenAI's Chat Completions API through the `openai` SDK's async client, which
also reaches any OpenAI-compatible server (vLLM, Ollama, llama.cpp) by base URL:
tool calling, streaming (SSE), usage accounting with cached prompt tokens."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import openai
from openai.types.chat import ChatCompletion, ChatCompletionChunk
from openai.types.chat.chat_completion_chunk import ChoiceDeltaToolCall
from openai.types.completion_usage import CompletionUsage

from agent_svc.config import ProviderConfig
from agent_svc.llm.base import CallUsage, ChatMessage, LLMRequest, LLMResponse, ProviderError, StreamEvent, ToolCall
from agent_svc.llm.retry import RETRYABLE_STATUS, retry_after, stream_with_retries, use_aiohttp, with_retries
from agent_svc.llm.sdk import SDKProvider, StreamState, parse_arguments, run_stream, sdk_error


def map_error(provider: str, error: Exception) -> ProviderError:
    """SDK exceptions to ProviderError. Never includes the request or the key."""
    if isinstance(error, openai.APIStatusError):
        status = error.status_code
        return ProviderError(provider, f"HTTP {status}", retryable=status in RETRYABLE_STATUS, status=status,
                             retry_after=retry_after(error.response.headers))
    if isinstance(error, openai.APIError) and not isinstance(error, openai.APIConnectionError):
        return ProviderError(provider, "error in stream", retryable=True)  # an error event inside a stream
    return sdk_error(provider, error, openai.APIConnectionError)


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


def _usage(usage: CompletionUsage | None) -> CallUsage:
    if usage is None:
        return CallUsage()
    details = usage.prompt_tokens_details
    cached = int(details.cached_tokens or 0) if details is not None else 0
    written = int(details.cache_write_tokens or 0) if details is not None else 0
    prompt = int(usage.prompt_tokens or 0)
    # prompt_tokens includes the cached ones; keep the buckets disjoint.
    return CallUsage(max(0, prompt - cached - written), int(usage.completion_tokens or 0), cached, written)


class OpenAIProvider(SDKProvider):
    name = "openai"

    def __init__(self, config: ProviderConfig, api_key: str, base_url: str | None) -> None:
        super().__init__(config)
        self.official = base_url is None
        self.max_tokens_param = config.max_tokens_param or ("max_completion_tokens" if self.official else "max_tokens")
        transport = openai.DefaultAioHttpClient if use_aiohttp(config.http_client) else openai.DefaultAsyncHttpx2Client
        self.client = openai.AsyncOpenAI(
            **self.client_options(api_key, base_url), http_client=transport(limits=self.http_limits())
        )

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
            elif request.tool_choice.startswith("tool:"):  # structured output: this tool must be called
                params["tool_choice"] = {"type": "function", "function": {"name": request.tool_choice[5:]}}
        if self.official and self.config.prompt_cache and request.cache_key:
            # OpenAI caches prompt prefixes by itself; the key keeps one agent's
            # requests on the same cache. Compatible servers may reject the field.
            params["prompt_cache_key"] = request.cache_key
        return params

    async def _post(self, params: dict[str, Any], deadline: float | None) -> ChatCompletion:
        """The SDK client's own POST: its auth, HTTP pool, error classes, SSE decoding and
        response models. `chat.completions.create` would first walk every message and
        tool through its typed-parameter transform, tens of milliseconds of CPU per
        call on the event loop for a prompt with history and tools; our parameters
        are already plain JSON, so they go as the body."""
        return await self.client.post("/chat/completions", cast_to=ChatCompletion, body=params, options=_options(deadline))

    async def _post_stream(self, params: dict[str, Any], deadline: float | None) -> openai.AsyncStream[ChatCompletionChunk]:
        """The same POST, answered as a stream of chunks (SSE)."""
        return await self.client.post(
            "/chat/completions", cast_to=ChatCompletion, body={**params, "stream": True}, options=_options(deadline),
            stream=True, stream_cls=openai.AsyncStream[ChatCompletionChunk],
        )

    async def complete(self, request: LLMRequest) -> LLMResponse:
        params = self.params(request)

        async def call() -> LLMResponse:
            try:
                completion = await self._post(params, request.timeout)
            except Exception as error:
                raise map_error(self.label, error) from error
            if not completion.choices:
                raise ProviderError(self.label, "no choices in the answer", retryable=True)
            choice = completion.choices[0]
            calls = [
                ToolCall(call.id, call.function.name, parse_arguments(call.function.arguments))
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

    def _stream_once(self, params: dict[str, Any], model: str, deadline: float | None) -> AsyncIterator[StreamEvent]:
        return run_stream(
            lambda: self._post_stream(params, deadline),
            _OpenAIStream(model),
            self.name,
            lambda error: map_error(self.label, error),
        )

    async def close(self) -> None:
        await self.client.close()


def _options(deadline: float | None) -> openai.RequestOptions:
    return {"timeout": deadline} if deadline is not None else {}


@dataclass
class _PendingCall:
    id: str = ""
    name: str = ""
    arguments: list[str] = field(default_factory=list)


class _OpenAIStream(StreamState[ChatCompletionChunk]):
    """Chat Completions chunks: text in the first choice's deltas, tool calls in
    numbered pieces (id and name first, then the arguments' JSON text), usage in the
    last chunk when asked for."""

    def __init__(self, model: str) -> None:
        super().__init__(model)
        self.pending: dict[int, _PendingCall] = {}

    def feed(self, chunk: ChatCompletionChunk) -> str:
        self.model = chunk.model or self.model
        if chunk.usage is not None:
            self.usage = _usage(chunk.usage)
        for choice in chunk.choices[:1]:
            self._tool_parts(choice.delta.tool_calls or [])
            if choice.finish_reason:
                self.stop_reason = str(choice.finish_reason)
            return choice.delta.content or ""
        return ""

    def _tool_parts(self, parts: list[ChoiceDeltaToolCall]) -> None:
        for part in parts:
            call = self.pending.setdefault(part.index, _PendingCall())
            call.id = part.id or call.id
            if part.function is not None:
                call.name = part.function.name or call.name
                call.arguments.append(part.function.arguments or "")

    def tool_calls(self) -> list[ToolCall]:
        return [
            ToolCall(call.id or f"call_{index}", call.name, parse_arguments("".join(call.arguments)))
            for index, call in sorted(self.pending.items())
        ]
