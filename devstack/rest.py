"""A running stack's REST API as the evaluation tools call it (knowledge_svc.eval.rest,
router_svc.eval.rest): a JSON POST that waits out the gateway's rate limit. Dev tooling
only, like the rest of this package: no service imports it at run time."""

from __future__ import annotations

import time
from typing import Any

import httpx

RATE_LIMIT_TRIES = 30


def post_json(client: httpx.Client, path: str, body: dict[str, Any]) -> dict[str, Any]:
    """POST `body`; a 429 (100 requests a minute a key by default) is waited out and
    retried, any other error status raises."""
    for attempt in range(RATE_LIMIT_TRIES):
        response = client.post(path, json=body)
        if response.status_code != 429:
            response.raise_for_status()
            result: dict[str, Any] = response.json()
            return result
        time.sleep(min(2.0 * (attempt + 1), 10.0))
    raise RuntimeError(f"{path}: still rate-limited after {RATE_LIMIT_TRIES} tries")
