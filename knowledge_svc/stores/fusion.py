"""Reciprocal rank fusion, as Milvus's RRFRanker computes it."""

from __future__ import annotations

from collections.abc import Sequence


def fuse(routes: Sequence[Sequence[str]], k: int, limit: int) -> list[tuple[str, float]]:
    """Each route (chunk ids, best first) adds 1/(k + rank) (rank from 1) to a chunk's
    score; best first, ties in first-seen order."""
    scores: dict[str, float] = {}
    for route in routes:
        for rank, chunk_id in enumerate(route, start=1):
            scores[chunk_id] = scores.get(chunk_id, 0.0) + 1.0 / (k + rank)
    ordered = sorted(scores.items(), key=lambda item: -item[1])
    return ordered[:limit]
