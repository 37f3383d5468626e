"""The text the BM25 route sees, for documents and queries alike: lowercase, accents
folded ("devolução" matches "devolucao"), and Portuguese and English function
words removed. Without the last step a Portuguese question matches every
Portuguese passage on "de", "o", "que", and the lexical route pulls answers
towards the question's language instead of its topic. No grpc here."""

from __future__ import annotations

import re

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
