"""Token and cost accounting, and the budgets checked before every hosted call.

A call is admitted and its worst-case estimate reserved in one step (`admit`), then
settled with what it really used (`settle`; a failed call gives its reservation back).

`BudgetLedger` keeps the spend in this process: right for one replica (`make run`).
`RedisBudgetLedger` keeps it in Redis (AGENT_BUDGET_REDIS_URL), so every agent_svc
replica enforces the same conversation and daily agent budgets: one Lua script checks
every limit and reserves, atomically, whichever replica a turn reaches. While Redis
cannot be reached it falls back to this process's ledger (budgets per replica again)
rather than failing turns. Model latencies (the latency budget's estimate) stay per
process: they describe the provider, not a shared limit."""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from redis import asyncio as aioredis
from redis.exceptions import RedisError

from agent_svc.config import BudgetLimits, Price
from agent_svc.llm.base import CallUsage, LLMRequest

_MILLION = 1_000_000
log = logging.getLogger("atende.agent.budget")


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
        return self.latency_reason(limits, label, elapsed_ms)

    def record(self, agent: str, conversation_id: str, label: str, tokens: int, cost: float, latency_ms: float) -> None:
        self._add(agent, conversation_id, tokens, cost)
        self.observe(label, latency_ms)

    def _add(self, agent: str, conversation_id: str, tokens: int, cost: float) -> None:
        conv = self.conversation(conversation_id)
        conv.tokens += tokens
        conv.cost += cost
        day = self.agent(agent)
        day.tokens += tokens
        day.cost += cost

    def observe(self, label: str, latency_ms: float) -> None:
        previous = self.latency_ms.get(label)
        self.latency_ms[label] = latency_ms if previous is None else 0.8 * previous + 0.2 * latency_ms

    def latency_reason(self, limits: BudgetLimits, label: str, elapsed_ms: float) -> str | None:
        if not limits.turn_latency_ms:
            return None
        left = limits.turn_latency_ms - elapsed_ms
        expected = self.latency_ms.get(label, 0.0)
        if left <= 0 or expected > left:
            return f"latency budget ({expected:.0f} ms expected, {max(left, 0):.0f} ms left)"
        return None

    async def admit(self, agent: str, conversation_id: str, limits: BudgetLimits, label: str,
                    tokens: int, cost: float, elapsed_ms: float) -> str | None:
        """Why this call would break a budget, or None: then `tokens` and `cost` are
        reserved until `settle`."""
        reason = self.check(agent, conversation_id, limits, label, tokens, cost, elapsed_ms)
        if reason is None:
            self._add(agent, conversation_id, tokens, cost)
        return reason

    async def settle(self, agent: str, conversation_id: str, label: str, reserved: tuple[int, float],
                     used: tuple[int, float], latency_ms: float | None) -> None:
        """Replaces a reservation with what the call used ((0, 0.0) if it failed)."""
        self._add(agent, conversation_id, used[0] - reserved[0], used[1] - reserved[1])
        if latency_ms is not None:
            self.observe(label, latency_ms)

    async def close(self) -> None:
        return None


class Ledger(Protocol):
    """What the cascade asks of a ledger (BudgetLedger, RedisBudgetLedger)."""

    async def admit(self, agent: str, conversation_id: str, limits: BudgetLimits, label: str,
                    tokens: int, cost: float, elapsed_ms: float) -> str | None: ...

    async def settle(self, agent: str, conversation_id: str, label: str, reserved: tuple[int, float],
                     used: tuple[int, float], latency_ms: float | None) -> None: ...

    async def close(self) -> None: ...


# KEYS: the conversation's hash, the agent's day's hash (fields tokens, cost).
# ARGV: tokens, cost, the four limits (0: none), the two TTLs in seconds.
# Returns {0, ""} after reserving, or {n, spent} for the nth limit that would break.
_ADMIT = """
local tokens, cost = tonumber(ARGV[1]), tonumber(ARGV[2])
local spent = {
  tonumber(redis.call('HGET', KEYS[1], 'tokens') or '0'), tonumber(redis.call('HGET', KEYS[1], 'cost') or '0'),
  tonumber(redis.call('HGET', KEYS[2], 'tokens') or '0'), tonumber(redis.call('HGET', KEYS[2], 'cost') or '0'),
}
local asked = {tokens, cost, tokens, cost}
for i = 1, 4 do
  local limit = tonumber(ARGV[2 + i])
  if limit > 0 and spent[i] + asked[i] > limit then return {i, tostring(spent[i])} end
end
for k = 1, 2 do
  redis.call('HINCRBY', KEYS[k], 'tokens', tokens)
  redis.call('HINCRBYFLOAT', KEYS[k], 'cost', ARGV[2])
  redis.call('EXPIRE', KEYS[k], ARGV[6 + k])
end
return {0, ''}
"""
# KEYS as above; ARGV: tokens and cost to add (negative gives a reservation back), TTLs.
_SETTLE = """
for k = 1, 2 do
  redis.call('HINCRBY', KEYS[k], 'tokens', ARGV[1])
  redis.call('HINCRBYFLOAT', KEYS[k], 'cost', ARGV[2])
  redis.call('EXPIRE', KEYS[k], ARGV[2 + k])
end
return 1
"""
# One hash tag: both keys of a script sit in one slot of a Redis Cluster.
KEY_PREFIX = "atende:agent:{budget}:"


class RedisBudgetLedger:
    """The budgets of every replica in one Redis (see the module docstring)."""

    def __init__(self, url: str, *, clock: Callable[[], float] = time.time, prefix: str = KEY_PREFIX,
                 conversation_ttl_seconds: int = 24 * 3600, timeout_seconds: float = 0.25) -> None:
        self.clock = clock
        self.prefix = prefix
        self.conversation_ttl = conversation_ttl_seconds
        self.local = BudgetLedger(clock=clock, conversation_ttl_seconds=conversation_ttl_seconds)
        self.redis: Any = aioredis.from_url(url, socket_timeout=timeout_seconds, socket_connect_timeout=timeout_seconds)
        self._admit = self.redis.register_script(_ADMIT)
        self._settle = self.redis.register_script(_SETTLE)

    def _keys(self, agent: str, conversation_id: str) -> list[str]:
        day = int(self.clock() // 86400)
        return [f"{self.prefix}conversation:{conversation_id}", f"{self.prefix}agent:{agent}:{day}"]

    def _ttls(self) -> list[str | int]:
        return [self.conversation_ttl, 2 * 86400]

    async def admit(self, agent: str, conversation_id: str, limits: BudgetLimits, label: str,
                    tokens: int, cost: float, elapsed_ms: float) -> str | None:
        if reason := self.local.latency_reason(limits, label, elapsed_ms):
            return reason
        args: list[str | int] = [tokens, repr(cost), limits.conversation_tokens, repr(limits.conversation_cost_usd),
                limits.agent_tokens_per_day, repr(limits.agent_cost_usd_per_day), *self._ttls()]
        try:
            index, spent = await self._admit(keys=self._keys(agent, conversation_id), args=args)
        except RedisError as error:
            log.warning("budgets unshared: Redis unreachable", extra={"error": str(error)})
            return await self.local.admit(agent, conversation_id, limits, label, tokens, cost, elapsed_ms)
        return _reason(int(index), float(spent or 0), tokens, cost, limits)

    async def settle(self, agent: str, conversation_id: str, label: str, reserved: tuple[int, float],
                     used: tuple[int, float], latency_ms: float | None) -> None:
        if latency_ms is not None:
            self.local.observe(label, latency_ms)
        args: list[str | int] = [used[0] - reserved[0], repr(used[1] - reserved[1]), *self._ttls()]
        try:
            await self._settle(keys=self._keys(agent, conversation_id), args=args)
        except RedisError as error:
            log.warning("budget not settled: Redis unreachable", extra={"error": str(error)})

    async def spent(self, agent: str, conversation_id: str) -> tuple[tuple[int, float], tuple[int, float]]:
        """(tokens, cost) of the conversation and of the agent today."""
        out = []
        for key in self._keys(agent, conversation_id):
            values = await self.redis.hmget(key, "tokens", "cost")
            out.append((int(values[0] or 0), float(values[1] or 0)))
        return out[0], out[1]

    async def close(self) -> None:
        await self.redis.aclose()


def _reason(index: int, spent: float, tokens: int, cost: float, limits: BudgetLimits) -> str | None:
    """The in-process ledger's words for the nth limit the script found broken."""
    if index == 1:
        return f"conversation token budget ({int(spent)}+{tokens} > {limits.conversation_tokens})"
    if index == 2:
        return f"conversation cost budget (${spent:.4f}+${cost:.4f} > ${limits.conversation_cost_usd})"
    if index == 3:
        return f"agent daily token budget ({limits.agent_tokens_per_day})"
    if index == 4:
        return f"agent daily cost budget (${limits.agent_cost_usd_per_day})"
    return None
