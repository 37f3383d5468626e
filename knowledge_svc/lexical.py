"""The text the BM25 route sees, for documents and queries alike: lowercase, accents
folded ("devolução" matches "devolucao"), and Portuguese and English function
words removed. Without the last step a Portuguese question matches every
Portuguese passage on "de", "o", "que", and the lexical route pulls answers
towards the question's language instead of its topic.

A question in one language whose answer is in a document in the other shares no
words with it, so BM25 favours any passage in the question's language that shares
one. `bilingual_query` adds, for each of the query's words the general pt-en word
list knows (atende_guardrails.bilingual), its translations as one group that the
local index scores at TRANSLATION_WEIGHT of a word the customer wrote. No grpc here."""

from __future__ import annotations

import functools
import re

from atende_guardrails.bilingual import EN, PT, bilingual
from atende_guardrails.text import fold

_STOP_PT = """
a ao aos aquela aquelas aquele aqueles aquilo as ate com como da das de dela delas dele deles depois do dos e
ela elas ele eles em entre era eram essa essas esse esses esta estas este estes eu foi fomos for foram ha isso isto
ja la lhe lhes mais mas me mesmo meu meus minha minhas muito na nas nao nem no nos nossa nossas nosso nossos num numa
o os ou para pela pelas pelo pelos por qual quando que quem se sem seu seus so sua suas tambem te tem tinha tu tua
tuas um uma umas uns voce voces vos e eh sao ser seja sejam sera estar esta estao estava estou tenho temos tem ter
pra pro pros pras onde aqui ali cada outro outra outros outras toda todo todas todos vai vou faz fazer posso pode
podem qualquer quanto quantos quanta quantas muita muitos muitas
"""

_STOP_EN = """
a about above after again against all am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers herself him
himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
our ours ourselves out over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which while who whom why will
with would you your yours yourself yourselves do does did i'm im it's its get got let lets much many
"""

STOP_WORDS = frozenset((_STOP_PT + _STOP_EN).split())
# Put between the customer's words and each group of translations in a bilingual
# query; no word holds it, and an analyzer that ignores the format drops it.
TRANSLATED = " ~ "
# A translated word's share of the BM25 score a word the customer wrote gets: a
# passage in the question's language that holds the very word stays ahead of one in
# the other language that holds a translation, unless the latter holds more of them.
TRANSLATION_WEIGHT = 0.5
_WORD = re.compile(r"[^\W_]+(?:[-.][^\W_]+)*", re.UNICODE)
# Where letters and digits touch inside a word ("e104", "sb550m", "100mbps").
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")




def lexical_text(text: str) -> str:
    """Folded words without function words; product codes such as "SB-KIT-550" or
    "E-104" stay whole here and the analyzer splits them the same way at index and
    query time."""
    return " ".join(word for word in _WORD.findall(fold(text)) if word not in STOP_WORDS)


def lexical_query(text: str) -> str:
    """lexical_text of a customer's query, where a code typed without its separators
    ("E104", "100mbps") is also searched as the pieces the analyzer makes of its written
    form ("E-104" gives e and 104). Only the query: documents keep their index text, so
    nothing stored needs ingesting again and their BM25 statistics do not move."""
    return " ".join(word for whole in lexical_text(text).split() for word in _spellings(whole))


def _spellings(word: str) -> tuple[str, ...]:
    if len(word) < 3:
        return (word,)
    pieces = _LETTER_DIGIT.split(word)
    return (word, "-".join(pieces)) if len(pieces) > 1 else (word,)


@functools.lru_cache(maxsize=4096)
def bilingual_query(text: str) -> str:
    """lexical_query of `text`, then TRANSLATED and each group of translations of its
    words (a phrase of the list, else a word) into the other language:
    "caucao aluguel ~ deposit bond ~ rent rental hire". Read back by `query_parts`."""
    words = lexical_text(text).split()
    base = lexical_query(text)
    own = set(base.split())
    groups: list[str] = []
    start = 0
    while start < len(words):
        for size in range(min(_longest(), len(words) - start), 0, -1):
            targets = _translations(" ".join(words[start : start + size]))
            if targets:
                group = [t for t in targets if t not in own]
                if group:
                    groups.append(" ".join(group))
                start += size
                break
        else:
            start += 1
    return TRANSLATED.join([base, *groups])


def query_parts(query: str) -> tuple[str, list[str]]:
    """(the customer's words, the groups of translations) of a bilingual query."""
    base, *groups = query.split(TRANSLATED.strip())
    return base, [group for group in groups if group.strip()]


def _translations(key: str) -> tuple[str, ...]:
    """The translations of a phrase of either language (a query's language is not
    read: a translation no passage holds costs nothing), or of its last word's
    singular ("instaladas" as "instalada", "refunds" as "refund") when the list lacks
    the form written."""
    table = _table()
    found: dict[str, None] = {}
    for language in (PT, EN):
        head, _, last = key.rpartition(" ")
        for form in (last, *_singulars(last, language)):
            terms = table.get(((head + " " + form).strip(), language))
            if terms:
                found.update(dict.fromkeys(terms))
                break
    return tuple(found)


_PT_PLURAL = (("ao", "oes"), ("al", "ais"), ("el", "eis"), ("ol", "ois"), ("ul", "uis"), ("m", "ns"), ("r", "res"),
              ("z", "zes"))


def _singulars(word: str, language: str) -> tuple[str, ...]:
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return ()
    if language == PT:
        found = [word[: -len(plural)] + end for end, plural in _PT_PLURAL if word.endswith(plural)]
        return (*found, word[:-1])
    if word.endswith("ies"):
        return (word[:-3] + "y",)
    return (word[:-2], word[:-1]) if word.endswith(("sses", "shes", "ches", "xes")) else (word[:-1],)


@functools.cache
def _longest() -> int:
    """Words in the longest phrase of the list, once function words are dropped."""
    return max((len(key.split()) for key, _ in _table()), default=1)


@functools.cache
def _table() -> dict[tuple[str, str], tuple[str, ...]]:
    """The word list as the lexical route sees it: (a phrase without function words,
    its language) -> the words of its translations."""
    words = bilingual()
    table: dict[tuple[str, str], dict[str, None]] = {}
    for source, language in ((words.into_en, PT), (words.into_pt, EN)):
        for phrase, targets in source.items():
            key = lexical_text(phrase)
            if not key or (" " in phrase and " " not in key):
                continue  # "as vezes" is not "vezes": a phrase keeps at least two words
            terms = table.setdefault((key, language), {})
            for target in targets:
                terms.update(dict.fromkeys(t for t in re.split(r"[^\w]+|_", lexical_text(target)) if t))
    return {k: tuple(v) for k, v in table.items() if v}
