"""agent_svc's Prometheus series (served on /metrics by atende_runtime/metrics.py):
what each model call costs, by provider and model, and when the cascade steps down."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

from atende_runtime.metrics import LATENCY_BUCKETS

LLM_CALLS = Counter("atende_llm_calls_total", "LLM calls, by provider, model and outcome (ok, error, canned).",
                    ["provider", "model", "outcome"])
LLM_TOKENS = Counter("atende_llm_tokens_total",
                     "LLM tokens, by provider, model and kind (input, output, cache_read, cache_write).",
                     ["provider", "model", "kind"])
LLM_COST = Counter("atende_llm_cost_usd_total", "What LLM calls cost in US dollars (the prices of providers.toml).",
                   ["provider", "model"])
LLM_SECONDS = Histogram("atende_llm_call_duration_seconds", "One LLM call, the HTTP client included.",
                        ["provider", "model"], buckets=LATENCY_BUCKETS)
STEP_DOWNS = Counter("atende_llm_step_downs_total",
                     "Models the cascade passed over: over a budget (budget) or failing (error), by agent and model.",
                     ["agent", "model", "reason"])
