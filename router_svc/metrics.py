"""router_svc's counts of what happens in turns: in-process totals (snapshot(), the
tests' get()) and the same counts as Prometheus series on /metrics
(atende_runtime/metrics.py serves them), plus the turn's own latency.

Every increment is also visible in the logs of the event that caused it."""

from __future__ import annotations

import threading
from collections import Counter

from prometheus_client import Counter as PromCounter
from prometheus_client import Histogram

from atende_runtime.metrics import LATENCY_BUCKETS

# Each count's Prometheus series and its label names (the same as the count's).
_SERIES: dict[str, PromCounter] = {
    "turns": PromCounter("atende_turns_total", "Customer turns answered, by agent, intent and routing action.",
                         ["agent", "intent", "action"]),
    "guardrail_trips": PromCounter("atende_guardrail_trips_total", "Guardrail checks that acted on a turn.",
                                   ["stage", "check", "action"]),
    "prompt_injections_blocked": PromCounter("atende_prompt_injections_blocked_total", "Turns refused as prompt injection."),
    "replies_dropped_for_people": PromCounter("atende_replies_dropped_for_people_total",
                                              "Agent replies dropped because a person took the conversation."),
    "leads_upserted": PromCounter("atende_leads_upserted_total", "Turns that created or updated a lead."),
    "actions_committed": PromCounter("atende_actions_committed_total", "Outbox actions committed with a turn, by kind.",
                                     ["kind"]),
    "handoffs_to_people": PromCounter("atende_handoffs_to_people_total", "Conversations escalated to people, by agent.",
                                      ["agent"]),
    "turns_for_people": PromCounter("atende_turns_for_people_total", "Customer turns stored for the people who hold them."),
    "routing_decisions": PromCounter("atende_routing_decisions_total", "Routing decisions, by strategy and action.",
                                     ["strategy", "action"]),
    "out_of_scope_checks": PromCounter(
        "atende_out_of_scope_checks_total",
        "Messages read as out of scope that their nearest agent was asked about: outcome \"answered\" when its "
        "reply was grounded in the knowledge base and answered the customer, \"confirmed\" when the router's "
        "out-of-scope reply stood.", ["outcome"]),
    "handoffs": PromCounter("atende_agent_handoffs_total", "Conversations moved from one agent to another.",
                            ["source", "target"]),
}

LEADS = PromCounter("atende_leads_total",
                    "Leads written by turns: created, updated, and qualified (the score reached QUALIFIED_SCORE).",
                    ["event"])
LEAD_SCORE = Histogram("atende_lead_score", "The lead's BANT score (0-100) after each turn that wrote it.",
                       buckets=(10, 20, 30, 40, 50, 60, 70, 80, 90, 100))
# The sales agent's default qualification threshold (agent_svc/config.py ScoringRules).
QUALIFIED_SCORE = 70

TURN_SECONDS = Histogram(
    "atende_turn_duration_seconds",
    "A customer turn inside router_svc, from the request to the stored reply, by agent.",
    ["agent"],
    buckets=LATENCY_BUCKETS,
)


class Counters:
    def __init__(self, export: bool = False) -> None:
        self._counts: Counter[tuple[str, tuple[tuple[str, str], ...]]] = Counter()
        self._lock = threading.Lock()
        self._export = export

    def inc(self, name: str, amount: int = 1, **labels: str) -> int:
        key = (name, tuple(sorted(labels.items())))
        if self._export and (series := _SERIES.get(name)) is not None:
            (series.labels(**labels) if labels else series).inc(amount)
        with self._lock:
            self._counts[key] += amount
            return self._counts[key]

    def get(self, name: str, **labels: str) -> int:
        """The total of every series of `name` whose labels include `labels`."""
        wanted = set(labels.items())
        with self._lock:
            return sum(count for (series, keys), count in self._counts.items() if series == name and wanted <= set(keys))

    def snapshot(self) -> dict[str, int]:
        with self._lock:
            return {
                name + ("{" + ",".join(f"{k}={v}" for k, v in labels) + "}" if labels else ""): count
                for (name, labels), count in sorted(self._counts.items())
            }


METRICS = Counters(export=True)
