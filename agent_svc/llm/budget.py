"""Token and cost accounting, and the budgets checked before every hosted call.

The ledger is this process's: with several agent_svc replicas, each enforces the
limits on the traffic it serves (a conversation's turns usually reach different
replicas, so per-conversation limits are approximate until the router carries the
conversation's usage in the request)."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from agent_svc.config import BudgetLimits, Price
from agent_svc.llm.base import CallUsage, LLMRequest

_MILLION = 1_000_000


class Pricing:
    def __init__(self, prices: dict[str, Price]) -> None:
        # Longest names first, so "gpt-4.1-mini" wins over "gpt-4.1" for "gpt-4.1-mini-2025".
        self.prices = dict(sorted(prices.items(), key=lambda item: -len(item[0])))

    def price(self, model: str) -> Price:
        if model in self.prices:
            return self.prices[model]
        for name, price in self.prices.items():
            if model.startswith(name):
                return price
        return Price()

    def cost(self, model: str, usage: CallUsage) -> float:
        price = self.price(model)
        return (
            usage.input_tokens * price.input
            + usage.output_tokens * price.output
            + usage.cache_read_tokens * price.cache_read
            + usage.cache_write_tokens * price.cache_write
        ) / _MILLION

    def estimate(self, model: str, request: LLMRequest) -> tuple[int, float]:
        """Tokens and worst-case cost of a request before it is sent (4 characters a token)."""
        chars = len(request.system) + len(request.context) + sum(len(m.text) + 40 for m in request.messages)
        chars += sum(len(t.description) + len(str(t.parameters)) for t in request.tools)
        input_tokens = chars // 4 + 1
        price = self.price(model)
        return input_tokens + request.max_tokens, (input_tokens * price.input + request.max_tokens * price.output) / _MILLION


@dataclass
class _Spend:
    tokens: int = 0
    cost: float = 0.0
    seen: float = 0.0


class BudgetLedger:
    """What each conversation and each agent has spent, and how slow each model is."""

    def __init__(self, clock: Callable[[], float] = time.time, max_conversations: int = 100_000,
                 conversation_ttl_seconds: float = 24 * 3600) -> None:
        self.clock = clock
        self.max_conversations = max_conversations
        self.ttl = conversation_ttl_seconds
        self.conversations: OrderedDict[str, _Spend] = OrderedDict()
        self.agents: dict[tuple[str, int], _Spend] = {}
        self.latency_ms: dict[str, float] = {}

    def _day(self) -> int:
        return int(self.clock() // 86400)

    def conversation(self, conversation_id: str) -> _Spend:
        spend = self.conversations.get(conversation_id)
        now = self.clock()
        if spend is None or now - spend.seen > self.ttl:
            spend = _Spend(seen=now)
            self.conversations[conversation_id] = spend
        self.conversations.move_to_end(conversation_id)
        spend.seen = now
        while len(self.conversations) > self.max_conversations:
            self.conversations.popitem(last=False)
        return spend

    def agent(self, agent: str) -> _Spend:
        key = (agent, self._day())
        if key not in self.agents:
            self.agents = {k: v for k, v in self.agents.items() if k[1] == key[1]}
            self.agents[key] = _Spend()
        return self.agents[key]

    def check(self, agent: str, conversation_id: str, limits: BudgetLimits, label: str,
              tokens: int, cost: float, elapsed_ms: float) -> str | None:
        """Why this call would break a budget, or None when it fits."""
        conv = self.conversation(conversation_id)
        day = self.agent(agent)
        if limits.conversation_tokens and conv.tokens + tokens > limits.conversation_tokens:
            return f"conversation token budget ({conv.tokens}+{tokens} > {limits.conversation_tokens})"
        if limits.conversation_cost_usd and conv.cost + cost > limits.conversation_cost_usd:
            return f"conversation cost budget (${conv.cost:.4f}+${cost:.4f} > ${limits.conversation_cost_usd})"
        if limits.agent_tokens_per_day and day.tokens + tokens > limits.agent_tokens_per_day:
            return f"agent daily token budget ({limits.agent_tokens_per_day})"
        if limits.agent_cost_usd_per_day and day.cost + cost > limits.agent_cost_usd_per_day:
            return f"agent daily cost budget (${limits.agent_cost_usd_per_day})"
        if limits.turn_latency_ms:
            left = limits.turn_latency_ms - elapsed_ms
            expected = self.latency_ms.get(label, 0.0)
            if left <= 0 or expected > left:
                return f"latency budget ({expected:.0f} ms expected, {max(left, 0):.0f} ms left)"
        return None

    def record(self, agent: str, conversation_id: str, label: str, tokens: int, cost: float, latency_ms: float) -> None:
        conv = self.conversation(conversation_id)
        conv.tokens += tokens
        conv.cost += cost
        day = self.agent(agent)
        day.tokens += tokens
        day.cost += cost
        previous = self.latency_ms.get(label)
        self.latency_ms[label] = latency_ms if previous is None else 0.8 * previous + 0.2 * latency_ms
