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
names move up (prefer_codes), among the first passages those that hold the kind
of value the question asks for (a weight, a phone number, a price: prefer_values),
and those that hold more of the question's words, in their text and in their
heading, or that the encoder compared across languages (prefer_matches).
No grpc here."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from atende_guardrails.asking import holds_kind
from atende_guardrails.text import detect_language, fold
from knowledge_svc.lexical import TRANSLATION_WEIGHT, bilingual_query, lexical_text, query_parts

_H = TypeVar("_H")

# Measured on the dev questions of both evaluation KBs (knowledge_svc/eval/answers.py).
SUPPORT = 0.2
SUPPORTING = 2
# A document's further chunks keep more of their score than the 0.85 recall@k was tuned with: the chunk that holds
# the answer is often the second of the right document (a table or a list after the document's introduction), and
# the engine answers from the first passages. Issue 16, 2026-12-06 fifth session, every answer side of
# docs/performance.md section 26: key fact +10 of 1,288 answerable questions (the unread halves b and Carnaúba +6),
# said it could not answer -10, unanswerable abstained -1 (Carnaúba), recall@1 -2 and recall@5 -3.
DECAY = 0.95
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
# The first MATCH_HEAD passages, reordered by what the fused score weighs little or
# not at all (prefer_matches): the share of the question's words a passage holds (each
# word weighed by its rarity among the passages found, a translation of the list at
# TRANSLATION_WEIGHT), x WORDS_BONUS, and the share its title and section hold, x
# HEADING_BONUS (the section "Kit Brisa 5.5" for "which inverter comes with the
# Brisa 5.5 kit"); and OTHER_LANGUAGE_BONUS when the passage is in the other
# language than the question (the encoder puts a question and its answer in
# another language further apart than in the same one, and the BM25 route only
# meets the answer through translations: most first places lost were such
# answers). Measured on the dev splits of both evaluation KBs, the older set and
# the tuning halves of the probes (evals/probes/); README "Searching with Milvus Lite".
MATCH_HEAD = 5
WORDS_BONUS = 0.1
HEADING_BONUS = 0.1
OTHER_LANGUAGE_BONUS = 0.04

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


@functools.lru_cache(maxsize=8192)
def _terms(text: str) -> frozenset[str]:
    return frozenset(lexical_text(text).split())


@functools.lru_cache(maxsize=8192)
def _language(text: str) -> str:
    """"pt", "en", or "" when the function words do not tell."""
    return detect_language(text, default="")


@functools.lru_cache(maxsize=4096)
def _query_terms(query: str) -> tuple[tuple[frozenset[str], float], ...]:
    """Each of the query's words (weight 1) and each group of translations of them
    (TRANSLATION_WEIGHT): a passage holds the group when it holds one of its words."""
    _, groups = query_parts(bilingual_query(query))
    own = [(frozenset((word,)), 1.0) for word in dict.fromkeys(lexical_text(query).split())]
    return (*own, *((frozenset(group.split()), TRANSLATION_WEIGHT) for group in groups))


def prefer_matches(hits: Sequence[_H], query: str, passage: Callable[[_H], tuple[str, str, str]],
                   score: Callable[[_H], float]) -> list[tuple[_H, float]]:
    """(hit, score) for `hits` (best first), the first MATCH_HEAD reordered with
    WORDS_BONUS x the rarity-weighted share of the query's words a passage's (title,
    section, text) holds, HEADING_BONUS x the share its title and section hold, and
    OTHER_LANGUAGE_BONUS when its text is in the other language than the query;
    ties keep the order of `hits`. Rarity is counted among `hits`."""
    terms = _query_terms(query)
    if not hits or not terms:
        return [(hit, score(hit)) for hit in hits]
    held = [_terms(" ".join(passage(hit))) for hit in hits]
    found = len(held)
    weights = [(words, weight * math.log(1 + found / (1 + sum(1 for h in held if words & h))))
               for words, weight in terms]
    total = sum(weight for _, weight in weights) or 1.0
    asked_in = _language(query)
    head = []
    for order, hit in enumerate(hits[:MATCH_HEAD]):
        title, section, text = passage(hit)
        heading = _terms(f"{title} {section}")
        words = sum(weight for group, weight in weights if group & held[order]) / total
        headed = sum(weight for group, weight in weights if group & heading) / total
        written_in = _language(text)
        other = OTHER_LANGUAGE_BONUS if asked_in and written_in and written_in != asked_in else 0.0
        head.append((hit, score(hit) + WORDS_BONUS * words + HEADING_BONUS * headed + other, order))
    head.sort(key=lambda item: (-item[1], item[2]))
    return [(hit, value) for hit, value, _ in head] + [(hit, score(hit)) for hit in hits[MATCH_HEAD:]]
