"""LLM budgets shared by every agent_svc replica through Redis (RedisBudgetLedger),
against the real Redis: two ledgers stand for two replicas; admission reserves
atomically, so concurrent calls cannot overspend between them."""

from __future__ import annotations

import asyncio
import uuid

from agent_svc.config import BudgetLimits
from agent_svc.llm.budget import RedisBudgetLedger

LABEL = "anthropic:claude-haiku-4-5"


def replicas(redis_url: str, n: int = 2) -> list[RedisBudgetLedger]:
    prefix = f"atende:test:{{budget}}:{uuid.uuid4().hex}:"
    return [RedisBudgetLedger(redis_url, prefix=prefix) for _ in range(n)]


async def test_a_conversation_budget_holds_across_replicas(redis_url: str) -> None:
    first, second = replicas(redis_url)
    limits = BudgetLimits(conversation_tokens=1000)
    assert await first.admit("sales", "c1", limits, LABEL, 600, 0.01, 0.0) is None
    await first.settle("sales", "c1", LABEL, (600, 0.01), (700, 0.012), 300.0)
    # The other replica sees what the first spent: 700 + 400 > 1000.
    reason = await second.admit("sales", "c1", limits, LABEL, 400, 0.01, 0.0)
    assert reason == "conversation token budget (700+400 > 1000)"
    assert await second.admit("sales", "c2", limits, LABEL, 400, 0.01, 0.0) is None, "another conversation"
    conversation, day = await second.spent("sales", "c1")
    assert conversation == (700, 0.012) and day[0] == 1100
    for ledger in (first, second):
        await ledger.close()


async def test_concurrent_admissions_never_overspend(redis_url: str) -> None:
    ledgers = replicas(redis_url, 4)
    limits = BudgetLimits(agent_cost_usd_per_day=1.0)
    results = await asyncio.gather(*[
        ledgers[i % 4].admit("support", f"c{i}", limits, LABEL, 10, 0.3, 0.0) for i in range(12)
    ])
    assert sum(r is None for r in results) == 3, "0.3 x 3 fits $1.00, a fourth does not, whichever replica asks"
    assert all(r == "agent daily cost budget ($1.0)" for r in results if r is not None)
    _, day = await ledgers[0].spent("support", "c0")
    assert abs(day[1] - 0.9) < 1e-9
    for ledger in ledgers:
        await ledger.close()


async def test_a_failed_call_gives_its_reservation_back(redis_url: str) -> None:
    (ledger,) = replicas(redis_url, 1)
    limits = BudgetLimits(conversation_cost_usd=0.05)
    assert await ledger.admit("sales", "c9", limits, LABEL, 100, 0.04, 0.0) is None
    assert await ledger.admit("sales", "c9", limits, LABEL, 100, 0.04, 0.0) is not None
    await ledger.settle("sales", "c9", LABEL, (100, 0.04), (0, 0.0), None)
    assert await ledger.spent("sales", "c9") == ((0, 0.0), (0, 0.0))
    assert await ledger.admit("sales", "c9", limits, LABEL, 100, 0.04, 0.0) is None
    ttl = await ledger.redis.ttl(ledger._keys("sales", "c9")[0])
    assert 0 < ttl <= 24 * 3600, "spend expires with the conversation"
    await ledger.close()


async def test_without_redis_it_falls_back_to_this_replica() -> None:
    ledger = RedisBudgetLedger("redis://127.0.0.1:1/0", timeout_seconds=0.2)
    limits = BudgetLimits(conversation_tokens=100)
    assert await ledger.admit("sales", "c1", limits, LABEL, 60, 0.0, 0.0) is None
    assert await ledger.admit("sales", "c1", limits, LABEL, 60, 0.0, 0.0) is not None, "the local ledger still counts"
    await ledger.settle("sales", "c1", LABEL, (60, 0.0), (50, 0.0), 100.0)  # no raise
    await ledger.close()
