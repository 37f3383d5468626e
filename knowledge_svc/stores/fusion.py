"""How the dense and the lexical route of a search become one ranking: reciprocal
rank fusion (as Milvus's RRFRanker computes it) or a weighted sum of the routes'
scores."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def fuse(routes: Sequence[Sequence[str]], k: int, limit: int) -> list[tuple[str, float]]:
    """Each route (chunk ids, best first) adds 1/(k + rank) (rank from 1) to a chunk's
    score; best first, ties in first-seen order."""
    scores: dict[str, float] = {}
    for route in routes:
        for rank, chunk_id in enumerate(route, start=1):
            scores[chunk_id] = scores.get(chunk_id, 0.0) + 1.0 / (k + rank)
    ordered = sorted(scores.items(), key=lambda item: -item[1])
    return ordered[:limit]


def weighted(
    dense: Mapping[str, float], lexical: Sequence[tuple[str, float]], dense_weight: float, limit: int
) -> list[tuple[str, float]]:
    """dense_weight x cosine + (1 - dense_weight) x BM25 / the best BM25 score of
    the query, over the chunks either route found (`dense` holds the cosine of every
    one of them). BM25 scores have no fixed scale: dividing by the query's best puts
    the lexical route on the cosine's 0-1 footing. Best first, ties in first-seen
    order."""
    top = max((score for _, score in lexical), default=0.0)
    lexical_share = {chunk_id: score / top for chunk_id, score in lexical} if top > 0 else {}
    scores = {
        chunk_id: dense_weight * cosine + (1.0 - dense_weight) * lexical_share.get(chunk_id, 0.0)
        for chunk_id, cosine in dense.items()
    }
    ordered = sorted(scores.items(), key=lambda item: -item[1])
    return ordered[:limit]
