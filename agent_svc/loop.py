"""The agent loop: call the model, run the tools it asks for, give it the results,
until it answers in text or the step limit is reached (the last step must answer)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace

from agent_svc.effects import TurnEffects
from agent_svc.llm.base import ChatMessage, Finished, LLMRequest, TextDelta
from agent_svc.llm.cascade import Cascade, TurnMeter
from agent_svc.tools import ToolRegistry


@dataclass
class LoopResult:
    text: str
    steps: int
    tool_calls: int


class AgentLoop:
    def __init__(self, registry: ToolRegistry, max_steps: int) -> None:
        self.registry = registry
        self.max_steps = max(1, max_steps)

    def _step_request(self, request: LLMRequest, messages: list[ChatMessage], step: int) -> LLMRequest:
        last = step == self.max_steps - 1
        return replace(request, messages=tuple(messages), tool_choice="none" if last and request.tools else request.tool_choice)

    async def _run_tools(self, calls: list[ChatMessage], fx: TurnEffects, allowed: tuple[str, ...],
                         messages: list[ChatMessage]) -> None:
        assistant = calls[0]
        messages.append(assistant)
        results = await asyncio.gather(*(self.registry.run(call, fx, allowed) for call in assistant.tool_calls))
        messages.extend(results)

    async def run(self, cascade: Cascade, request: LLMRequest, fx: TurnEffects, meter: TurnMeter) -> LoopResult:
        messages = list(request.messages)
        allowed = tuple(t.name for t in request.tools)
        texts: list[str] = []
        calls = 0
        for step in range(self.max_steps):
            response = await cascade.complete(self._step_request(request, messages, step), meter)
            if response.text.strip():
                texts.append(response.text.strip())
            if not response.tool_calls or step == self.max_steps - 1:
                return LoopResult(" ".join(texts), step + 1, calls)
            calls += len(response.tool_calls)
            await self._run_tools([ChatMessage("assistant", response.text, tuple(response.tool_calls))], fx, allowed, messages)
        return LoopResult(" ".join(texts), self.max_steps, calls)

    async def stream(self, cascade: Cascade, request: LLMRequest, fx: TurnEffects,
                     meter: TurnMeter) -> AsyncIterator[str | LoopResult]:
        """Text deltas as the model produces them, then the LoopResult."""
        messages = list(request.messages)
        allowed = tuple(t.name for t in request.tools)
        texts: list[str] = []
        calls = 0
        for step in range(self.max_steps):
            if texts and not texts[-1][-1:].isspace():
                texts.append(" ")
                yield " "
            finished = None
            async for event in cascade.stream(self._step_request(request, messages, step), meter):
                if isinstance(event, TextDelta):
                    texts.append(event.text)
                    yield event.text
                elif isinstance(event, Finished):
                    finished = event.response
            if finished is None or not finished.tool_calls or step == self.max_steps - 1:
                yield LoopResult("".join(texts).strip(), step + 1, calls)
                return
            calls += len(finished.tool_calls)
            await self._run_tools([ChatMessage("assistant", finished.text, tuple(finished.tool_calls))], fx, allowed, messages)
        yield LoopResult("".join(texts).strip(), self.max_steps, calls)
