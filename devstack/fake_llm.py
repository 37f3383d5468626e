"""A local HTTP server on loopback that speaks the Anthropic Messages and the OpenAI
Chat Completions wire formats: JSON answers, tool use, SSE streams, and 429/5xx
errors with Retry-After. Tests drive the real SDK clients against it; the turn
benchmark uses it as an OpenAI-compatible provider with a fixed latency.

    python -m devstack.fake_llm --port 0 --latency-ms 300

It is a test double for the providers' HTTP APIs, never a model: it answers what
it is scripted to answer (or a fixed text)."""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from typing import Any

DEFAULT_TEXT = "This is a scripted answer from the fake provider. It is not a model."


@dataclass
class Scripted:
    """One answer: text and/or tool calls, or an HTTP error."""

    text: str = ""
    tool_calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    status: int = 200
    retry_after: float | None = None
    input_tokens: int = 120
    output_tokens: int = 0
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0
    # For streams: fail with an error event after this many text events (-1: never).
    fail_after_events: int = -1


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    time: float


_REASONS = {
    200: "OK",
    400: "Bad Request",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    529: "Overloaded",
}


class FakeLLMServer:
    def __init__(self, latency_ms: float = 0.0, default_text: str = DEFAULT_TEXT, stream_delay_ms: float = 0.0) -> None:
        self.latency = latency_ms / 1000
        self.stream_delay = stream_delay_ms / 1000
        self.default_text = default_text
        self.script: deque[Scripted] = deque()
        self.requests: list[Recorded] = []
        self.keep_requests = True
        self.port = 0
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    # Set-up.

    def push(self, *answers: Scripted) -> None:
        self.script.extend(answers)

    @property
    def openai_base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def anthropic_base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self, port: int = 0) -> None:
        self._server = await asyncio.start_server(self._connection, "127.0.0.1", port, backlog=1024)
        self.port = int(self._server.sockets[0].getsockname()[1])

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            for writer in list(self._writers):
                writer.close()
            await asyncio.sleep(0)
            await self._server.wait_closed()
            self._server = None

    # HTTP/1.1 with keep-alive; bodies by Content-Length, streams chunked.

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, path, _ = lines[0].split(" ", 2)
                headers = {k.strip().lower(): v.strip() for k, v in (ln.split(":", 1) for ln in lines[1:] if ":" in ln)}
                length = int(headers.get("content-length", "0") or 0)
                raw = await reader.readexactly(length) if length else b""
                try:
                    body = json.loads(raw or b"{}")
                except json.JSONDecodeError:
                    body = {}
                if self.keep_requests:
                    self.requests.append(Recorded(path, headers, body, time.time()))
                await self._route(method, path.split("?")[0], body, writer)
                if headers.get("connection", "").lower() == "close":
                    break
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError, ValueError):
            pass
        finally:
            self._writers.discard(writer)
            writer.close()

    def _next(self) -> Scripted:
        if self.script:
            return self.script.popleft()
        return Scripted(text=self.default_text)

    async def _route(self, method: str, path: str, body: dict[str, Any], writer: asyncio.StreamWriter) -> None:
        if method != "POST" or path not in ("/v1/messages", "/v1/chat/completions", "/chat/completions"):
            await self._json(writer, 404, {"error": {"type": "not_found_error", "message": f"no route {path}"}})
            return
        anthropic = path == "/v1/messages"
        answer = self._next()
        if self.latency:
            await asyncio.sleep(self.latency)
        if answer.status != 200:
            error = {"type": "rate_limit_error" if answer.status == 429 else "api_error", "message": "scripted error"}
            payload: dict[str, Any] = (
                {"type": "error", "error": error} if anthropic else {"error": {**error, "code": str(answer.status)}}
            )
            extra = {"retry-after": f"{answer.retry_after}"} if answer.retry_after is not None else {}
            await self._json(writer, answer.status, payload, extra)
            return
        model = str(body.get("model", "fake-model"))
        if not answer.output_tokens:
            answer.output_tokens = max(1, len(answer.text) // 4) + 20 * len(answer.tool_calls)
        if body.get("stream"):
            events = self._anthropic_events(answer, model) if anthropic else self._openai_events(answer, model, body)
            await self._sse(writer, events, answer.fail_after_events, anthropic)
        else:
            await self._json(
                writer, 200, self._anthropic_message(answer, model) if anthropic else self._openai_completion(answer, model)
            )

    async def _json(
        self, writer: asyncio.StreamWriter, status: int, payload: dict[str, Any], extra: dict[str, str] | None = None
    ) -> None:
        data = json.dumps(payload).encode()
        headers = "".join(f"{k}: {v}\r\n" for k, v in (extra or {}).items())
        writer.write(
            f"HTTP/1.1 {status} {_REASONS.get(status, 'Error')}\r\ncontent-type: application/json\r\n"
            f"content-length: {len(data)}\r\nrequest-id: req_{uuid.uuid4().hex[:12]}\r\n{headers}\r\n".encode()
            + data
        )
        await writer.drain()

    async def _sse(
        self, writer: asyncio.StreamWriter, events: list[tuple[str | None, str]], fail_after: int, anthropic: bool
    ) -> None:
        writer.write(
            b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\ntransfer-encoding: chunked\r\n\r\n"
        )
        text_events = 0
        for name, data in events:
            if fail_after >= 0 and text_events >= fail_after and _is_text(data):
                error = {"type": "overloaded_error", "message": "scripted failure mid-stream"}
                failure = (
                    ("event: error\n" if anthropic else "")
                    + "data: "
                    + json.dumps({"type": "error", "error": error} if anthropic else {"error": error})
                    + "\n\n"
                )
                self._chunk(writer, failure)
                break
            if _is_text(data):
                text_events += 1
            self._chunk(writer, (f"event: {name}\n" if name else "") + f"data: {data}\n\n")
            await writer.drain()
            if self.stream_delay:
                await asyncio.sleep(self.stream_delay)
        writer.write(b"0\r\n\r\n")
        await writer.drain()

    @staticmethod
    def _chunk(writer: asyncio.StreamWriter, text: str) -> None:
        data = text.encode()
        writer.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")

    # Anthropic Messages.

    @staticmethod
    def _anthropic_usage(answer: Scripted, output: int) -> dict[str, int]:
        return {
            "input_tokens": answer.input_tokens,
            "output_tokens": output,
            "cache_creation_input_tokens": answer.cache_write_tokens,
            "cache_read_input_tokens": answer.cache_read_tokens,
        }

    def _anthropic_message(self, answer: Scripted, model: str) -> dict[str, Any]:
        content: list[dict[str, Any]] = [{"type": "text", "text": answer.text}] if answer.text else []
        content += [
            {"type": "tool_use", "id": f"toolu_{uuid.uuid4().hex[:16]}", "name": name, "input": args}
            for name, args in answer.tool_calls
        ]
        return {
            "id": f"msg_{uuid.uuid4().hex[:16]}",
            "type": "message",
            "role": "assistant",
            "model": model,
            "content": content,
            "stop_reason": "tool_use" if answer.tool_calls else "end_turn",
            "stop_sequence": None,
            "usage": self._anthropic_usage(answer, answer.output_tokens),
        }

    def _anthropic_events(self, answer: Scripted, model: str) -> list[tuple[str | None, str]]:
        start = self._anthropic_message(
            Scripted(
                input_tokens=answer.input_tokens,
                cache_read_tokens=answer.cache_read_tokens,
                cache_write_tokens=answer.cache_write_tokens,
            ),
            model,
        )
        start["stop_reason"] = None
        start["usage"]["output_tokens"] = 1
        events: list[tuple[str | None, str]] = [
            ("message_start", json.dumps({"type": "message_start", "message": start})),
            ("ping", json.dumps({"type": "ping"})),
        ]
        index = 0
        if answer.text:
            events.append(
                (
                    "content_block_start",
                    json.dumps({"type": "content_block_start", "index": index, "content_block": {"type": "text", "text": ""}}),
                )
            )
            for piece in _pieces(answer.text):
                events.append(
                    (
                        "content_block_delta",
                        json.dumps(
                            {"type": "content_block_delta", "index": index, "delta": {"type": "text_delta", "text": piece}}
                        ),
                    )
                )
            events.append(("content_block_stop", json.dumps({"type": "content_block_stop", "index": index})))
            index += 1
        for name, args in answer.tool_calls:
            block = {"type": "tool_use", "id": f"toolu_{uuid.uuid4().hex[:16]}", "name": name, "input": {}}
            events.append(
                ("content_block_start", json.dumps({"type": "content_block_start", "index": index, "content_block": block}))
            )
            raw = json.dumps(args)
            for cut in range(0, len(raw), 12):
                events.append(
                    (
                        "content_block_delta",
                        json.dumps(
                            {
                                "type": "content_block_delta",
                                "index": index,
                                "delta": {"type": "input_json_delta", "partial_json": raw[cut : cut + 12]},
                            }
                        ),
                    )
                )
            events.append(("content_block_stop", json.dumps({"type": "content_block_stop", "index": index})))
            index += 1
        events.append(
            (
                "message_delta",
                json.dumps(
                    {
                        "type": "message_delta",
                        "delta": {"stop_reason": "tool_use" if answer.tool_calls else "end_turn", "stop_sequence": None},
                        "usage": {"output_tokens": answer.output_tokens},
                    }
                ),
            )
        )
        events.append(("message_stop", json.dumps({"type": "message_stop"})))
        return events

    # OpenAI Chat Completions.

    @staticmethod
    def _openai_usage(answer: Scripted) -> dict[str, Any]:
        prompt = answer.input_tokens + answer.cache_read_tokens
        return {
            "prompt_tokens": prompt,
            "completion_tokens": answer.output_tokens,
            "total_tokens": prompt + answer.output_tokens,
            "prompt_tokens_details": {"cached_tokens": answer.cache_read_tokens},
        }

    def _openai_completion(self, answer: Scripted, model: str) -> dict[str, Any]:
        message: dict[str, Any] = {"role": "assistant", "content": answer.text or None}
        if answer.tool_calls:
            message["tool_calls"] = [
                {
                    "id": f"call_{uuid.uuid4().hex[:16]}",
                    "type": "function",
                    "function": {"name": name, "arguments": json.dumps(args)},
                }
                for name, args in answer.tool_calls
            ]
        return {
            "id": f"chatcmpl-{uuid.uuid4().hex[:16]}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [
                {"index": 0, "message": message, "finish_reason": "tool_calls" if answer.tool_calls else "stop", "logprobs": None}
            ],
            "usage": self._openai_usage(answer),
        }

    def _openai_events(self, answer: Scripted, model: str, body: dict[str, Any]) -> list[tuple[str | None, str]]:
        base = {
            "id": f"chatcmpl-{uuid.uuid4().hex[:16]}",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": model,
        }

        def chunk(delta: dict[str, Any], finish: str | None = None) -> tuple[str | None, str]:
            return None, json.dumps(
                {**base, "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}]}
            )

        events = [chunk({"role": "assistant", "content": ""})]
        events += [chunk({"content": piece}) for piece in _pieces(answer.text)] if answer.text else []
        for position, (name, args) in enumerate(answer.tool_calls):
            raw = json.dumps(args)
            events.append(
                chunk(
                    {
                        "tool_calls": [
                            {
                                "index": position,
                                "id": f"call_{uuid.uuid4().hex[:16]}",
                                "type": "function",
                                "function": {"name": name, "arguments": ""},
                            }
                        ]
                    }
                )
            )
            events += [
                chunk({"tool_calls": [{"index": position, "function": {"arguments": raw[cut : cut + 12]}}]})
                for cut in range(0, len(raw), 12)
            ]
        events.append(chunk({}, "tool_calls" if answer.tool_calls else "stop"))
        if (body.get("stream_options") or {}).get("include_usage"):
            events.append((None, json.dumps({**base, "choices": [], "usage": self._openai_usage(answer)})))
        events.append((None, "[DONE]"))
        return events


def _is_text(data: str) -> bool:
    """Whether an SSE payload carries answer text (Anthropic text_delta, OpenAI content)."""
    return '"text_delta"' in data or ('"content": "' in data and '"content": ""' not in data)


def _pieces(text: str) -> list[str]:
    """Word groups, the way a model's tokens arrive."""
    words = re.findall(r"\S+\s*", text)
    return ["".join(words[i : i + 3]) for i in range(0, len(words), 3)] or [text]


async def _main(port: int, latency_ms: float, text: str) -> None:
    server = FakeLLMServer(latency_ms, text)
    server.keep_requests = False
    await server.start(port)
    print(f"fake LLM server listening on 127.0.0.1:{server.port}", flush=True)
    await asyncio.Event().wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency-ms", type=float, default=0.0)
    parser.add_argument("--text", default=DEFAULT_TEXT)
    args = parser.parse_args()
    try:
        asyncio.run(_main(args.port, args.latency_ms, args.text))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
