"""More of what a question turns on, for the local engine's answer-or-abstain decision
(agent_svc/evidence.py): which thing a question asks an attribute of, and whether a
yes/no question names a kind of a thing the passages list other kinds of.

- A question that asks an attribute of a thing ("qual o tamanho da bateria X", "qual a
  comissão do parceiro platina", "quantos kWh gera o kit bomba") names that thing after
  the attribute: a sentence giving that kind of attribute of another thing (the panel's
  dimensions, the gold partner's commission, the other kits' generation) does not
  answer. `attribute_subject` finds the thing, and the engine's names rule
  (evidence.Selector.named) wants the answer to name it, as it does for "quanto custa X".
- A yes/no question ending in a thing and a word that says which one ("aceitam cartão
  hipercard?", "instalam telhado shingle?") whose last word no passage holds, while a
  passage names the same thing followed by another word ("cartões Visa", "telhado
  metálico"), asks about a sibling of what the knowledge base describes
  (`adjacent_sibling`; "cartão de débito" over "cartão de crédito" is evidence._sibling's).

Everything works on folded, spelled-out text. No encoder, no grpc."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
# A word of the question: letters and digits, maybe hyphenated ("mdc-bat5").
_REST = r"(?P<rest>(?: [^\W_]+(?:-[^\W_]+)*){1,5})"
# "qual o tamanho da bateria ...", "quais as cores do ...": the attribute, then "do/da" and
# the thing. Only the contracted article: "taxa de juros" is one attribute, "da bateria"
# a specific thing.
_PT_ATTRIBUTE_OF = re.compile(
    r"\b(?:qual|quais) (?:e |eh |sao )?(?:o |a |os |as )?(?:[^\W\d_]+ ){1,3}?(?:do|da|dos|das)" + _REST)
# "quantos kWh por mês gera o kit bomba", "quantos litros a bomba puxa": a count, what it
# counts, and the thing after an article.
_PT_COUNT_OF = re.compile(r"\bquant[oa]s (?:[^\W_]+ ){1,4}?(?:o|a|os|as)" + _REST)
# "what's the IP rating of the hybrid inverter", "what is the uptime on the X plan".
_EN_ATTRIBUTE_OF = re.compile(
    r"\b(?:what|what'?s|which) (?:is |are )?(?:the )?(?:[^\W\d_]+ ){1,3}?(?:of|on|for) (?:the |a |an |your )?"
    r"(?P<rest>(?:[^\W_]+(?:-[^\W_]+)*)(?: [^\W_]+(?:-[^\W_]+)*){0,4})")


def attribute_subject(folded_question: str, terms: Sequence[str], skip: frozenset[str],
                      qualifies: Callable[[str], bool]) -> tuple[list[int], list[int]]:
    """The term (index into `terms`) naming the thing an attribute question asks about:
    the first content word after the attribute and "do/da" ("of", "on"), or after "quantos
    X ... o/a"; and apart, in Portuguese, the word right after it when it `qualifies` it
    ("kit bomba", "parceiro platina": the other kits and partners are no answer). None
    when the question has no such shape, or when the words after are all of `skip`
    (question words, words that name no thing)."""
    for pattern in (_PT_ATTRIBUTE_OF, _PT_COUNT_OF, _EN_ATTRIBUTE_OF):
        found = pattern.search(folded_question)
        if not found:
            continue
        rest = found.group("rest").split()
        for position, word in enumerate(rest):
            if word in terms and word not in skip:
                following = rest[position + 1] if position + 1 < len(rest) else ""
                portuguese = pattern is not _EN_ATTRIBUTE_OF
                qualifier = [terms.index(following)] if portuguese and following and qualifies(following) else []
                return [terms.index(word)], qualifier
        return [], []
    return [], []


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
    a verb in the infinitive, or a word right after a stop word, is no such qualifier."""
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
    wanted = singular(head)
    for text in folded_contexts:
        words = _TOKEN.findall(text)
        for word, following in itertools.pairwise(words):
            if (singular(word) == wanted and following.isalpha() and len(following) >= 3 and following not in stop
                    and singular(following) != singular(qualifier)):
                return True
    return False
