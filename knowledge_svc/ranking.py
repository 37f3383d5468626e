"""Passages ranked with their document in view. Recall, and what an answer needs, is
about which document holds the answer: a document with several chunks that match
the question is a better bet than one with a single lucky chunk, and five chunks of
one document leave no room for the runner-up. So a search takes more chunks than it
returns and ranks each by

    its own score x DECAY^(its place among its document's chunks, from 0)
    + SUPPORT x the scores of its document's next SUPPORTING chunks (its best chunk only)

and returns that score: a document's best chunk rises with its support, its
further chunks fall behind other documents' best ones unless they score nearly as
well. Only for scores that measure something (a weighted fusion of cosine and BM25);
a rank fusion's 1/(k + rank) is too flat to add up and keeps its order.

After that, in the search (knowledge.py): the chunks that hold a code the query
names move up (prefer_codes), and among the first passages those that hold the kind
of value the question asks for (a weight, a phone number, a price: prefer_values).
No grpc here."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from atende_guardrails.asking import holds_kind
from atende_guardrails.text import fold

_H = TypeVar("_H")

# Measured on the dev questions of both evaluation KBs (knowledge_svc/eval/answers.py).
SUPPORT = 0.2
SUPPORTING = 2
DECAY = 0.85
# Added to the score of a chunk that holds a code the query names ("E-104",
# "SB-BAT-5", "550w" for "550 W"), per share of the query's codes it holds: the
# customer who names a code wants the passage about that code, however similar
# its neighbours read to the encoder and however far down its document it sits.
CODE_BONUS = 0.3
# Added to the score of one of the first VALUE_HEAD passages whose text holds a value
# of the kind the question asks for ("qnto pesa" and "28 kg", "qual o whatsapp" and a
# phone number): the passage that answers outranks one that only talks about the same
# product when the encoder puts them close. Only the first passages are reordered, so
# which passages make the top VALUE_HEAD never changes: most passages hold some
# duration or price, and a bonus over the whole pool lifted passages from far down.
# Dev of both evaluation KBs: recall@1 solar 0.746 -> 0.761, Vetor Fibra unchanged,
# recall@5 unchanged; 0.15 and more lost Vetor Fibra questions at 1.
VALUE_BONUS = 0.1
VALUE_HEAD = 5

# A token that names a thing: letters and digits together, or an upper-case
# hyphenated code.
_CODE = re.compile(r"(?<![\w])(?=[\w.-]*\d)(?=[\w.-]*[^\W\d_])[\w]+(?:[-.][\w]+)*|(?<![\w])[A-Z]{2,}(?:-[A-Z0-9]+)+")


def document_of(chunk_id: str) -> str:
    """The document id of a chunk id ("<document id>#<index>", knowledge.chunk_id)."""
    return chunk_id.rsplit("#", 1)[0]


def pool_size(top_k: int) -> int:
    """How many chunks to fetch from the store for `top_k` results."""
    return max(3 * top_k, 20)


def by_document(
    hits: Sequence[_H], top_k: int, document: Callable[[_H], str], score: Callable[[_H], float]
) -> list[tuple[_H, float]]:
    """(hit, its document-aware score) for the best `top_k` of `hits` (any order),
    best first; ties keep the order of `hits`."""
    groups: dict[str, list[_H]] = {}
    for hit in sorted(hits, key=score, reverse=True):
        groups.setdefault(document(hit), []).append(hit)
    keyed: list[tuple[_H, float]] = []
    for items in groups.values():
        support = SUPPORT * sum(score(h) for h in items[1 : 1 + SUPPORTING])
        for place, hit in enumerate(items):
            keyed.append((hit, score(hit) * DECAY**place + (support if place == 0 else 0.0)))
    order = {id(hit): i for i, hit in enumerate(hits)}
    keyed.sort(key=lambda item: (-item[1], order[id(item[0])]))
    return keyed[:top_k]


def _plain(text: str) -> str:
    return re.sub(r"[-.,\s]", "", fold(text))


def named_codes(query: str) -> set[str]:
    """The codes a query names, folded, without separators, at least three long."""
    return {plain for plain in (_plain(code) for code in _CODE.findall(query)) if len(plain) >= 3}


def prefer_codes(hits: Sequence[_H], codes: set[str], top_k: int, text: Callable[[_H], str],
                 score: Callable[[_H], float]) -> list[tuple[_H, float]]:
    """(hit, score + CODE_BONUS x the share of `codes` its text holds) for the best
    `top_k` of `hits`, best first; ties keep the order of `hits`."""
    keyed = []
    for order, hit in enumerate(hits):
        plain = _plain(text(hit))
        held = sum(1 for code in codes if code in plain) / len(codes) if codes else 0.0
        keyed.append((hit, score(hit) + CODE_BONUS * held, order))
    keyed.sort(key=lambda item: (-item[1], item[2]))
    return [(hit, value) for hit, value, _ in keyed[:top_k]]


@functools.lru_cache(maxsize=8192)
def _folded(text: str) -> str:
    # The same passages come back search after search; folding one costs more than its lookup.
    return fold(text)


def prefer_values(hits: Sequence[_H], kinds: tuple[re.Pattern[str], ...], text: Callable[[_H], str],
                  score: Callable[[_H], float]) -> list[tuple[_H, float]]:
    """(hit, score) for `hits` (best first), the first VALUE_HEAD reordered with
    VALUE_BONUS added to those whose text holds a value of one of `kinds`
    (atende_guardrails.asking.named_kinds); ties keep the order of `hits`."""
    head = [(hit, score(hit) + (VALUE_BONUS if kinds and holds_kind(kinds, _folded(text(hit))) else 0.0), order)
            for order, hit in enumerate(hits[:VALUE_HEAD])]
    head.sort(key=lambda item: (-item[1], item[2]))
    return [(hit, value) for hit, value, _ in head] + [(hit, score(hit)) for hit in hits[VALUE_HEAD:]]
