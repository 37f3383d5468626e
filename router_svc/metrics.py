"""In-process counters (guardrail trips, injections, hand-offs, routing decisions).

Every increment is also visible in the logs of the event that caused it; the
counters give running totals that a metrics exporter can read with snapshot()."""

from __future__ import annotations

import threading
from collections import Counter


class Counters:
    def __init__(self) -> None:
        self._counts: Counter[tuple[str, tuple[tuple[str, str], ...]]] = Counter()
        self._lock = threading.Lock()

    def inc(self, name: str, amount: int = 1, **labels: str) -> int:
        key = (name, tuple(sorted(labels.items())))
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


METRICS = Counters()
