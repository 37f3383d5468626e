"""Passages ranked by document. Recall, and what an answer needs, is about which
document holds the answer: a document with several chunks that match the question
is a better bet than one with a single lucky chunk, and five chunks of one document
leave no room for the runner-up. So a search takes more chunks than it returns,
scores each document by its best chunk plus a share of its next ones, and returns
each document's best chunk in that order (a document's second chunk follows its
first when it scores nearly as well: the answer may straddle them). No grpc here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

_H = TypeVar("_H")

# A document scores its best chunk + SUPPORT x the sum of its next SUPPORTING ones.
SUPPORT = 0.2
SUPPORTING = 2
# A document's second chunk joins its first when it scores at least this share of it.
CLOSE = 0.95


def document_of(chunk_id: str) -> str:
    """The document id of a chunk id ("<document id>#<index>", knowledge.chunk_id)."""
    return chunk_id.rsplit("#", 1)[0]


def pool_size(top_k: int) -> int:
    """How many chunks to fetch from the store for `top_k` results."""
    return max(3 * top_k, 20)


def by_document(
    hits: Sequence[_H], top_k: int, document: Callable[[_H], str], score: Callable[[_H], float]
) -> list[_H]:
    """`hits` (best first) reordered by document as the module docstring says, at
    most `top_k` of them."""
    groups: dict[str, list[_H]] = {}
    for hit in hits:
        groups.setdefault(document(hit), []).append(hit)

    def weight(items: list[_H]) -> float:
        return score(items[0]) + SUPPORT * sum(score(h) for h in items[1 : 1 + SUPPORTING])

    order = sorted(groups.values(), key=weight, reverse=True)  # stable: ties keep first-seen order
    out: list[_H] = []
    for items in order:
        out.append(items[0])
        if len(items) > 1 and score(items[1]) >= CLOSE * score(items[0]):
            out.append(items[1])
    if len(out) < top_k:  # fewer documents than asked: the remaining chunks, best first
        chosen = {id(h) for h in out}
        out.extend(h for h in hits if id(h) not in chosen)
    return out[:top_k]
