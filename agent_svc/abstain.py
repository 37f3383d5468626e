"""Whether a yes/no question names a kind of a thing the passages list other kinds of,
for the local engine's answer-or-abstain decision (agent_svc/evidence.py).

A yes/no question ending in a thing and a word that says which one ("aceitam cartão
hipercard?", "vendem painel solar flexível?") whose last word no passage holds, while a
passage names the same thing followed by another word ("cartões Visa", "painel solar
bifacial"), asks about a sibling of what the knowledge base describes (`adjacent_sibling`;
"cartão de débito" over "cartão de crédito" is evidence._sibling's).

Everything works on folded, spelled-out text. No encoder, no grpc."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
# Articles: "a fidelidade recomeça?" puts a verb after its subject, not a qualifier after a thing.
_ARTICLES = frozenset("o a os as um uma uns umas the".split())


# Portuguese plurals a stem cut at five letters does not join to the singular:
# "cartões" / "cartão", "pães" / "pão", "papéis" / "papel", "metais" / "metal".
_PLURALS = (("oes", "ao"), ("aes", "ao"), ("eis", "el"), ("ais", "al"), ("is", "il"), ("ns", "m"), ("es", ""),
            ("s", ""))


def singular(word: str) -> str:
    """A folded Portuguese word without its plural ending (a rough cut, for matching a
    thing's name in its singular and plural)."""
    for ending, replacement in _PLURALS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)] + replacement
    return word


def adjacent_sibling(folded_question: str, terms: Sequence[str], missing: Sequence[int],
                     folded_contexts: Sequence[str], stop: frozenset[str]) -> bool:
    """Whether a yes/no question's last term, which no passage holds (`missing`), comes
    right after a term a passage holds that a passage follows with another content word:
    "cartão hipercard" when a passage has "cartões Visa". The last word says which kind of
    the thing is asked about and the passages describe other kinds. A last word that is
    a verb in the infinitive, a word right after a stop word, or a word after an article
    and a noun ("a fidelidade recomeça?": a subject and its verb) is no such qualifier."""
    if len(terms) < 2 or len(terms) - 1 not in missing:
        return False
    tokens = _TOKEN.findall(folded_question)
    qualifier = terms[-1]
    if qualifier not in tokens or re.fullmatch(r"[a-z]{3,}(?:ar|er|ir)", qualifier):
        return False
    last = max(i for i, token in enumerate(tokens) if token == qualifier)
    if last < 1 or last != len(tokens) - 1:
        return False
    head = tokens[last - 1]
    if head not in terms or terms.index(head) in missing or head in stop:
        return False
    if last >= 2 and tokens[last - 2] in _ARTICLES:
        return False
    wanted = singular(head)
    for text in folded_contexts:
        words = _TOKEN.findall(text)
        for word, following in itertools.pairwise(words):
            if (singular(word) == wanted and following.isalpha() and len(following) >= 3 and following not in stop
                    and singular(following) != singular(qualifier)):
                return True
    return False
