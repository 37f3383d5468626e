"""Informal customer text made plain before routing reads it: the abbreviations
and spellings of chat Portuguese ("vcs", "qto", "pra", "n", "tb"), missing
accents on common words, stretched letters ("oiii", "muitooo"), laughter and
emojis. Nothing here is about a business: it is how people type.

`plain` is what the encoder reads (accents restored where a word is
unambiguous); `folded` is what the lexical cues match (lower case, no accents)."""

from __future__ import annotations

import re
from functools import lru_cache

from atende_guardrails.text import detect_language, fold

# Chat abbreviations that mean one thing in any language.
_ALWAYS = {
    "vc": "você", "vcs": "vocês", "voce": "você", "voces": "vocês", "qto": "quanto", "qnto": "quanto", "qnt": "quanto",
    "qta": "quanta", "qtos": "quantos", "qtas": "quantas", "qnts": "quantos", "qntos": "quantos", "qntas": "quantas",
    "qts": "quantos", "tbm": "também", "tb": "também", "tambem": "também",
    "msm": "mesmo", "blz": "beleza", "pq": "porque", "hj": "hoje", "dps": "depois", "mto": "muito", "mt": "muito",
    "mta": "muita", "obg": "obrigado", "obgd": "obrigado", "vlw": "valeu", "td": "tudo", "oq": "o que",
    "ngm": "ninguém", "aki": "aqui", "kd": "cadê", "cade": "cadê", "naum": "não", "nao": "não", "ñ": "não",
    "entao": "então", "sao": "são", "ate": "até", "tao": "estão", "ta": "está", "tá": "está", "tô": "estou",
    "pra": "para", "pro": "para o", "pros": "para os", "pras": "para as", "agr": "agora", "cmg": "comigo",
    "vdd": "verdade", "tmj": "valeu", "flw": "falou", "pfv": "por favor", "pfvr": "por favor", "pls": "please",
    "plz": "please", "thx": "thanks", "ty": "thank you", "u": "you", "ur": "your", "wanna": "want to",
    "gonna": "going to", "tdb": "tudo bem", "ja": "já", "la": "lá",
    "tks": "thanks", "tnx": "thanks", "thks": "thanks", "thnx": "thanks",
    "qdo": "quando", "qnd": "quando", "qndo": "quando", "ctz": "certeza", "msg": "mensagem", "vcê": "você", "cê": "você",
    "dnv": "de novo", "nd": "nada", "tds": "todos", "mtos": "muitos", "mtas": "muitas",
    # Misspelt or clipped forms of the verbs every request uses, and chat shorthand.
    "qro": "quero", "kero": "quero", "qria": "queria", "keria": "queria", "qr": "quer", "qer": "quer",
    "qlq": "qualquer", "qq": "qualquer", "qm": "quem", "ql": "qual", "tava": "estava", "tbem": "também",
    "tmb": "também", "fzr": "fazer", "fz": "faz", "pd": "pode", "sla": "sei lá", "aq": "aqui", "hrs": "horas",
    "hr": "hora", "orc": "orçamento", "orç": "orçamento", "zap": "whatsapp", "wpp": "whatsapp", "obgda": "obrigada",
    "ond": "onde", "rn": "right now", "lemme": "let me", "gimme": "give me", "gotta": "got to",
    "dunno": "don't know", "idk": "i don't know", "cuz": "because", "coz": "because", "abt": "about",
    "tmrw": "tomorrow", "tmr": "tomorrow", "ppl": "people", "wat": "what", "howmuch": "how much", "b4": "before",
    # Words run together or clipped in chat ("doq me falaram", "oque vcs vendem", "cmo faço").
    "doq": "do que", "daq": "daqui", "oque": "o que", "cmo": "como", "gnt": "gente",
    "qlqr": "qualquer", "amnh": "amanhã", "mds": "meu deus", "vamo": "vamos", "tamo": "estamos",
    "smp": "sempre", "tdo": "tudo", "bjs": "beijos", "pdc": "pode crer", "sdd": "saudade", "blza": "beleza",
    "vlws": "valeu", "obgdo": "obrigado", "brigadao": "obrigado", "nois": "nós", "nóis": "nós",
}
# Shorthand with a slash ("p/ casa", "c/ instalação", "w/ battery"), read before the word split.
_SLASHED = (
    (re.compile(r"(?<!\w)p/(?=\s|\w)"), "para "), (re.compile(r"(?<!\w)c/(?=\s|\w)"), "com "),
    (re.compile(r"(?<!\w)s/(?=\s|\w)"), "sem "), (re.compile(r"(?<!\w)w/o(?=\s|\w|$)"), "without "),
    (re.compile(r"(?<!\w)w/(?=\s|\w)"), "with "),
)
# English contractions typed without the apostrophe (only in an English text: "cant", "dont").
_ENGLISH = {
    "dont": "don't", "doesnt": "doesn't", "didnt": "didn't", "cant": "can't", "wont": "won't", "isnt": "isn't",
    "arent": "aren't", "wasnt": "wasn't", "havent": "haven't", "hasnt": "hasn't", "im": "i'm", "ive": "i've",
    "youre": "you're", "whats": "what's", "thats": "that's", "theres": "there's", "r": "are", "pls": "please",
}
# Short words that are only read as Portuguese abbreviations in a Portuguese text.
_PORTUGUESE = {"n": "não", "nn": "não", "ss": "sim",
               "q": "que", "to": "estou", "eh": "é", "p": "para", "c": "com", "so": "só", "d": "de",
               "vo": "vou", "net": "internet", "whats": "whatsapp", "info": "informação", "infos": "informações"}
_WORD = re.compile(r"\w+|[^\w\s]+|\s+", re.UNICODE)
_STRETCH = re.compile(r"(\w)\1{2,}", re.UNICODE)
_LAUGH = re.compile(r"\b(?:k{3,}|(?:ha){2,}h?|(?:he){2,}|(?:rs){2,}|kkk\w*)\b", re.IGNORECASE)
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]+")
# Emojis that stand for a word; the rest are dropped. "🙏" after a request asks politely
# ("me manda o preço 🙏"), alone it thanks: either way it is a pleasantry, never a request.
_EMOJI_WORDS = {"👍": " ok ", "👌": " ok ", "🙏": " por favor ", "👋": " oi ", "✅": " ok ", "❤️": " ", "😊": " "}
# A word that ends in a doubled vowel ("diaa", "oii", "valeuu") is the vowel stretched. Words
# that really end in "oo" or "ee" are English ("too", "three", "coffee") or short Portuguese
# ones ("voo"), so those two are only undone in longer words of a Portuguese text ("obrigadoo").
_DOUBLED_END = re.compile(r"\b(\w*?[^\W\d_])([aiuáíú])\2\b", re.UNICODE)
_DOUBLED_END_PT = re.compile(r"\b(\w{4,}?)([oe])\2\b", re.UNICODE)
_SUFFIXES = (("coes", "ções"), ("cao", "ção"), ("soes", "sões"))


def _restore(word: str) -> str:
    for plain, accented in _SUFFIXES:
        if word.endswith(plain) and len(word) > len(plain) + 2:
            return word[: -len(plain)] + accented
    return word


@lru_cache(maxsize=8192)
def plain(text: str) -> str:
    """The text as the encoder should read it."""
    text = text[:2000]
    for emoji, word in _EMOJI_WORDS.items():
        text = text.replace(emoji, word)
    text = _EMOJI.sub(" ", text)
    text = _LAUGH.sub(" ", text)
    text = _STRETCH.sub(r"\1", text)
    lowered = text.lower()
    for pattern, spelled in _SLASHED:
        lowered = pattern.sub(spelled, lowered)
    english = detect_language(lowered, "pt") == "en"
    lowered = _DOUBLED_END.sub(r"\1\2", lowered)
    if not english:
        lowered = _DOUBLED_END_PT.sub(r"\1\2", lowered)
    out: list[str] = []
    for token in _WORD.findall(lowered):
        replacement = _ALWAYS.get(token)
        if replacement is None:
            replacement = _ENGLISH.get(token) if english else _PORTUGUESE.get(token)
        out.append(replacement if replacement is not None else _restore(token))
    return re.sub(r"\s+", " ", "".join(out)).strip() or text.strip()


@lru_cache(maxsize=8192)
def folded(text: str) -> str:
    """Lower case, no accents, abbreviations spelled out: what the cues match."""
    return fold(plain(text))
