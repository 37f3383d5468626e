"""JSON for the hot paths (log lines, a turn's stored messages): orjson, several times
quicker than json.dumps, with json for what orjson refuses (an integer past 64 bits, a
non-string key), so a value that json can write never fails to encode."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import orjson


def dumps(value: Any, default: Callable[[Any], Any] | None = None) -> bytes:
    """`value` as UTF-8 JSON; `default` converts what neither encoder knows (as json's)."""
    try:
        return orjson.dumps(value, default=default)
    except TypeError:
        return json.dumps(value, default=default, ensure_ascii=False).encode()
