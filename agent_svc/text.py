"""What the agents read in a customer's words: content words, questions, yes and no.
Folding, words, sentences and language are the shared toolkit (atende_guardrails.text);
personal data is atende_guardrails.pii."""

from __future__ import annotations

import functools
import re

from atende_guardrails.text import words

STOPWORDS = frozenset(
    """
    a o os as um uma uns umas de do da dos das em no na nos nas para pra por com sem nao não e é que qual quais
    quanto quanta quantos quantas como onde quando voce você voces vocês meu minha seu sua isso este esta esse essa
    tem ter sao são ser estar está estou sobre mais menos muito pelo pela ao aos se ja já eu ele ela nós nos
    the an of in on for to with not is are was were what which how where when you your my this that these those
    have has had do does did can could would should will there their them they it its and or but if from about
    please por favor obrigado obrigada thanks thank hello oi ola olá hi
    """.split()
)




@functools.lru_cache(maxsize=8192)
def content_words(text: str, min_length: int = 3) -> frozenset[str]:
    """Words that carry meaning: folded, not stop words, at least `min_length` long.
    Cached: the same knowledge passages come back turn after turn."""
    return frozenset(w for w in words(text) if len(w) >= min_length and w not in STOPWORDS)


_QUESTION_WORDS = re.compile(
    r"^\s*(qual|quais|quanto|quanta|quantos|quantas|como|onde|quando|por ?que|o que|existe|tem|voces?|vcs?|"
    r"what|which|how|where|when|why|who|does|do|is|are|can|could|would|will|should)\b",
    re.I,
)
_INFO_WORDS = re.compile(
    r"\b(pre[çc]os?|valor|custa|planos?|garantia|prazo|frete|entrega|dispon[ií]ve(l|is)|estoque|funciona|"
    r"especifica[çc][õo]es|diferen[çc]a|comparar|compare|price|prices|cost|costs|plans?|warranty|shipping|delivery|"
    r"available|availability|stock|features?|specs?|difference|versus|vs\.?)\b",
    re.I,
)


def is_question(text: str) -> bool:
    """A request for information, not just an answer to one of our questions."""
    return "?" in text or bool(_QUESTION_WORDS.search(text)) or bool(_INFO_WORDS.search(text))


_YES = re.compile(
    r"^\s*(sim|claro|pode|podem|ok|okay|beleza|com certeza|autorizo|concordo|pode sim|perfeito|fechado|"
    r"yes|yeah|yep|sure|of course|go ahead|please do|i agree|absolutely|sounds good|fine)\b",
    re.I,
)
_NO = re.compile(
    r"^\s*(n[ãa]o|nunca|prefiro n[ãa]o|agora n[ãa]o|no|nope|not now|don'?t|do not|i'?d rather not)\b", re.I
)


def is_affirmative(text: str) -> bool:
    return bool(_YES.search(text)) and not is_negative(text)


def is_negative(text: str) -> bool:
    return bool(_NO.search(text))
