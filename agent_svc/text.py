"""Small text helpers the agents share: words, sentences, language, personal data."""

from __future__ import annotations

import functools
import re

# Shared with router_svc; re-exported because the agents import them from here.
from atende_runtime.text import detect_language as detect_language
from atende_runtime.text import fold as fold

_WORD = re.compile(r"\w+", re.UNICODE)
# A sentence ends at . ! ? … (or a line break) followed by white space.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")

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




def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


@functools.lru_cache(maxsize=8192)
def content_words(text: str, min_length: int = 3) -> frozenset[str]:
    """Words that carry meaning: folded, not stop words, at least `min_length` long.
    Cached: the same knowledge passages come back turn after turn."""
    return frozenset(w for w in words(text) if len(w) >= min_length and w not in STOPWORDS)


def split_sentences(text: str) -> list[str]:
    """Sentences with their trailing white space, so that "".join(result) == text."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        pieces.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        pieces.append(text[start:])
    return [p for p in pieces if p]



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


# Personal data an agent must not repeat: e-mail, CPF, card numbers, phones.
PII_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("email", re.compile(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b")),
    ("cpf", re.compile(r"\b\d{3}\.?\d{3}\.?\d{3}-?\d{2}\b")),
    ("card", re.compile(r"\b(?:\d[ -]?){13,19}\b")),
    ("phone", re.compile(r"(\+\d{1,3}\s?)?\(?\b\d{2}\)?\s?9?\d{4}[-\s]?\d{4}\b")),
)


def redact(text: str) -> tuple[str, list[str]]:
    """The text with personal data replaced by [kind], and the kinds found."""
    spans: list[tuple[int, int, str]] = []
    for kind, pattern in PII_PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end, _ in spans):
                continue
            spans.append((match.start(), match.end(), kind))
    redacted = text
    for start, end, kind in sorted(spans, key=lambda s: -s[0]):
        redacted = redacted[:start] + f"[{kind}]" + redacted[end:]
    return redacted, sorted({kind for _, _, kind in spans})
