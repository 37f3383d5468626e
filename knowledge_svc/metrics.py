"""knowledge_svc's Prometheus series (served on /metrics by atende_runtime/metrics.py)."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

from atende_runtime.metrics import LATENCY_BUCKETS

SEARCHES = Counter("atende_knowledge_searches_total",
                   "Knowledge searches, by collection and whether the caller's embedding was reused (given) or computed.",
                   ["collection", "embedding"])
SEARCH_SECONDS = Histogram("atende_knowledge_search_duration_seconds",
                           "One search in the store (embedding, vector and lexical search, fusion).",
                           ["collection"], buckets=LATENCY_BUCKETS)
EMPTY_SEARCHES = Counter("atende_knowledge_empty_searches_total", "Searches that found no passage.", ["collection"])
