"""An agent's ordered list of models: the first that is configured, within budget
and answering is used. A provider that fails (after its retries) hands over to
the next entry; a budget that would break steps down to a cheaper entry; the
local engine and, last, a canned answer mean a turn never fails for lack of a model."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field, replace
from typing import Any

from opentelemetry.trace import Span, SpanKind, Status, StatusCode

from agent_svc.config import BudgetLimits
from agent_svc.domain import Usage
from agent_svc.llm.base import CallUsage, Finished, LLMProvider, LLMRequest, LLMResponse, ProviderError, StreamEvent, TextDelta
from agent_svc.llm.budget import Ledger, Pricing
from agent_svc.metrics import LLM_CALLS, LLM_COST, LLM_SECONDS, LLM_TOKENS, STEP_DOWNS
from atende_runtime.telemetry import span, tracer

log = logging.getLogger("atende.agent.llm")

CANNED = {
    "pt": "Desculpe, não consigo responder agora. Posso pedir para uma pessoa da nossa equipe falar com você.",
    "en": "Sorry, I can't answer right now. I can ask a person from our team to get back to you.",
}
INTERRUPTED = {
    "pt": " (A resposta foi interrompida. Pode repetir a pergunta?)",
    "en": " (The answer was interrupted. Could you ask again?)",
}
FREE = ("local", "canned")


@dataclass(frozen=True)
class ModelChoice:
    provider_name: str
    model: str
    provider: LLMProvider | None  # None: the canned answer

    @property
    def label(self) -> str:
        return self.provider_name if self.provider_name in FREE else f"{self.provider_name}:{self.model}"


@dataclass
class TurnMeter:
    """Accounting of one turn across the steps of the agent loop."""

    agent: str
    conversation_id: str
    started: float = field(default_factory=time.perf_counter)
    usage: Usage = field(default_factory=Usage)
    step_downs: list[str] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)
    # The entry that answered the first step; later steps start there.
    pinned: int = 0
    # (tokens, cost) the ledger holds for the call in flight.
    reserved: tuple[int, float] = (0, 0.0)
    provider: str = ""
    model: str = ""

    def elapsed_ms(self) -> float:
        return (time.perf_counter() - self.started) * 1000


class Cascade:
    def __init__(self, agent: str, choices: list[ModelChoice], limits: BudgetLimits, ledger: Ledger,
                 pricing: Pricing) -> None:
        if not choices or choices[-1].provider is not None:
            choices = [*choices, ModelChoice("canned", "none", None)]
        self.agent = agent
        self.choices = choices
        self.limits = limits
        self.ledger = ledger
        self.pricing = pricing

    @property
    def primary(self) -> ModelChoice:
        return self.choices[0]

    async def _admit(self, choice: ModelChoice, request: LLMRequest, meter: TurnMeter) -> LLMRequest | None:
        """The request for this model, its estimate reserved in the ledger (meter.reserved)
        until _account or _fail settles it; None when the model is skipped."""
        if choice.provider_name in meter.failed:
            return None
        request = replace(request, model=choice.model)
        meter.reserved = (0, 0.0)
        if choice.provider_name in FREE:
            return request
        tokens, cost = self.pricing.estimate(choice.model, request)
        reason = await self.ledger.admit(self.agent, meter.conversation_id, self.limits, choice.label, tokens, cost,
                                         meter.elapsed_ms())
        if reason is None:
            meter.reserved = (tokens, cost)
        else:
            meter.step_downs.append(f"{choice.label}: {reason}")
            STEP_DOWNS.labels(self.agent, choice.label, "budget").inc()
            log.info("model skipped", extra={"agent": self.agent, "model": choice.label, "reason": reason})
            return None
        if self.limits.turn_latency_ms:
            left = (self.limits.turn_latency_ms - meter.elapsed_ms()) / 1000
            request = replace(request, timeout=min(request.timeout or left, left))
        return request

    async def _account(self, choice: ModelChoice, response: LLMResponse, meter: TurnMeter, started: float) -> float:
        """Accounts for a call in the turn, the ledger and the metrics; returns its cost."""
        latency = (time.perf_counter() - started) * 1000
        usage = response.usage
        cost = self.pricing.cost(choice.model, usage) if choice.provider_name not in FREE else 0.0
        meter.usage.add(Usage(usage.input_tokens, usage.output_tokens, usage.cache_read_tokens, usage.cache_write_tokens,
                              cost, latency, 1))
        meter.provider, meter.model = response.provider or choice.provider_name, response.model or choice.model
        if choice.provider_name not in FREE:
            tokens = usage.input_tokens + usage.output_tokens + usage.cache_read_tokens + usage.cache_write_tokens
            await self.ledger.settle(self.agent, meter.conversation_id, choice.label, meter.reserved, (tokens, cost),
                                     latency)
        _observe(choice, usage, cost, latency)
        return cost

    async def _fail(self, choice: ModelChoice, error: ProviderError, meter: TurnMeter) -> None:
        if choice.provider_name not in FREE:  # the reservation goes back
            await self.ledger.settle(self.agent, meter.conversation_id, choice.label, meter.reserved, (0, 0.0), None)
        LLM_CALLS.labels(choice.provider_name, choice.model, "error").inc()
        STEP_DOWNS.labels(self.agent, choice.label, "error").inc()
        meter.failed.add(choice.provider_name)
        meter.step_downs.append(f"{choice.label}: {error}")
        log.warning("provider failed; falling back", extra={"agent": self.agent, "model": choice.label,
                                                             "status": error.status, "error": str(error)})

    def _canned(self, request: LLMRequest, meter: TurnMeter) -> LLMResponse:
        language = request.guidance.language if request.guidance else "en"
        canned = request.guidance.playbook.say(language, "canned") if request.guidance else ""
        text = canned or CANNED.get(language, CANNED["en"])
        meter.provider, meter.model = "canned", "none"
        LLM_CALLS.labels("canned", "none", "canned").inc()
        return LLMResponse(text, [], provider="canned", model="none", stop_reason="canned")

    async def complete(self, request: LLMRequest, meter: TurnMeter) -> LLMResponse:
        for index in range(meter.pinned, len(self.choices)):
            choice = self.choices[index]
            if choice.provider is None:
                return self._canned(request, meter)
            admitted = await self._admit(choice, request, meter)
            if admitted is None:
                continue
            started = time.perf_counter()
            with self._span(choice, admitted, meter) as current:
                try:
                    response = await choice.provider.complete(admitted)
                except ProviderError as error:
                    await self._fail(choice, error, meter)
                    _failed_span(current, error)
                    continue
                meter.pinned = index
                _usage_span(current, response, meter, await self._account(choice, response, meter, started))
            return response
        return self._canned(request, meter)

    async def stream(self, request: LLMRequest, meter: TurnMeter) -> AsyncIterator[StreamEvent]:
        for index in range(meter.pinned, len(self.choices)):
            choice = self.choices[index]
            if choice.provider is None:
                response = self._canned(request, meter)
                yield TextDelta(response.text)
                yield Finished(response)
                return
            admitted = await self._admit(choice, request, meter)
            if admitted is None:
                continue
            started = time.perf_counter()
            sent: list[str] = []
            try:
                async for event in choice.provider.stream(admitted):
                    if isinstance(event, TextDelta):
                        sent.append(event.text)
                        yield event
                    else:
                        meter.pinned = index
                        cost = await self._account(choice, event.response, meter, started)
                        self._stream_span(choice, meter, event.response, started, cost)
                        yield event
                        return
            except ProviderError as error:
                await self._fail(choice, error, meter)
                if not sent:
                    continue
                # Text already went out: end it honestly instead of starting over.
                language = request.guidance.language if request.guidance else "en"
                tail = INTERRUPTED.get(language, INTERRUPTED["en"])
                yield TextDelta(tail)
                yield Finished(LLMResponse("".join(sent) + tail, [], provider=choice.provider_name, model=choice.model,
                                           stop_reason="interrupted"))
                return
        response = self._canned(request, meter)
        yield TextDelta(response.text)
        yield Finished(response)

    def _span(self, choice: ModelChoice, request: LLMRequest, meter: TurnMeter) -> Any:
        """The model call's CLIENT span (OpenTelemetry's gen_ai conventions): provider,
        model, tokens and cost, never the prompt or the answer."""
        return span(
            f"chat {choice.model}",
            SpanKind.CLIENT,
            **{
                "gen_ai.operation.name": "chat",
                "gen_ai.system": choice.provider_name,
                "gen_ai.request.model": choice.model,
                "gen_ai.request.max_tokens": request.max_tokens,
                "atende.agent": self.agent,
                "atende.conversation_id": meter.conversation_id,
                "atende.llm.tools": len(request.tools),
            },
        )

    def _stream_span(self, choice: ModelChoice, meter: TurnMeter, response: LLMResponse, started: float,
                     cost: float) -> None:
        """A streamed call's span, recorded once its answer is whole (its start is the call's)."""
        current = tracer().start_span(
            f"chat {choice.model}", kind=SpanKind.CLIENT, start_time=time.time_ns() - int((time.perf_counter() - started) * 1e9)
        )
        if current.is_recording():
            current.set_attributes({"gen_ai.operation.name": "chat", "gen_ai.system": choice.provider_name,
                                    "gen_ai.request.model": choice.model, "atende.agent": self.agent,
                                    "atende.conversation_id": meter.conversation_id, "atende.llm.streamed": True})
            _usage_span(current, response, meter, cost)
        current.end()


def _observe(choice: ModelChoice, usage: CallUsage, cost: float, latency_ms: float) -> None:
    provider, model = choice.provider_name, choice.model
    LLM_CALLS.labels(provider, model, "ok").inc()
    LLM_SECONDS.labels(provider, model).observe(latency_ms / 1000)
    for kind, count in (("input", usage.input_tokens), ("output", usage.output_tokens),
                        ("cache_read", usage.cache_read_tokens), ("cache_write", usage.cache_write_tokens)):
        if count:
            LLM_TOKENS.labels(provider, model, kind).inc(count)
    if cost:
        LLM_COST.labels(provider, model).inc(cost)


def _usage_span(current: Span, response: LLMResponse, meter: TurnMeter, cost: float) -> None:
    if not current.is_recording():
        return
    usage = response.usage
    current.set_attributes({
        "gen_ai.response.model": response.model or meter.model,
        "gen_ai.usage.input_tokens": usage.input_tokens,
        "gen_ai.usage.output_tokens": usage.output_tokens,
        "gen_ai.response.finish_reasons": [response.stop_reason or "stop"],
        "atende.llm.cache_read_tokens": usage.cache_read_tokens,
        "atende.llm.cost_usd": cost,
        "atende.llm.tool_calls": len(response.tool_calls),
    })


def _failed_span(current: Span, error: ProviderError) -> None:
    if current.is_recording():
        current.set_status(Status(StatusCode.ERROR, "provider error"))
        current.set_attributes({"error.type": "retryable" if error.retryable else "provider_error",
                                "http.response.status_code": error.status or 0})
