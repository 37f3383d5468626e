"""Informal Brazilian Portuguese spelled out, for search and answer selection:
chat abbreviations ("vcs", "qto", "pra", "tb", "n") become the words they stand
for, so the lexical index and the encoder see the same words a document uses.
Only whole tokens that are unambiguous in a customer's question are rewritten;
case and everything else are kept. Shared by knowledge_svc (queries) and
agent_svc (choosing the sentences that answer)."""

from __future__ import annotations

import re

_EXPANSIONS = {
    "vc": "você", "vcs": "vocês", "voce": "você", "voces": "vocês", "cê": "você",
    "qto": "quanto", "qnto": "quanto", "qt": "quanto", "qnt": "quanto", "quato": "quanto",
    "qta": "quanta", "qtos": "quantos", "qntos": "quantos", "qts": "quantos", "qnts": "quantos", "quantu": "quanto",
    "qtas": "quantas", "qntas": "quantas",
    "pra": "para", "pro": "para o", "pros": "para os", "pras": "para as", "p/": "para",
    "q": "que", "oq": "o que", "pq": "por que", "porq": "por que", "qdo": "quando", "qnd": "quando", "qndo": "quando",
    "tb": "também", "tbm": "também", "tmb": "também", "msm": "mesmo", "mto": "muito", "mt": "muito",
    "n": "não", "nao": "não", "ñ": "não", "naum": "não",
    "hj": "hoje", "amnh": "amanhã", "td": "tudo", "tds": "todos", "cmg": "comigo", "ctg": "contigo",
    "vdd": "verdade", "blz": "beleza", "obg": "obrigado", "vlw": "valeu", "pfv": "por favor", "pfvr": "por favor",
    "dps": "depois", "agr": "agora", "aki": "aqui", "tá": "está", "tô": "estou",
    "tao": "tão", "entao": "então", "eh": "é",
    "msg": "mensagem", "info": "informação", "infos": "informações", "num.": "número", "nº": "número",
    "tel": "telefone", "cel": "celular", "zap": "whatsapp", "wpp": "whatsapp", "whats": "whatsapp", "zapzap": "whatsapp",
    "net": "internet", "wi-fi": "wifi", "mega": "mega", "mb": "mega",
    "preco": "preço", "precos": "preços", "servico": "serviço", "instalacao": "instalação",
    "manutencao": "manutenção", "cartao": "cartão", "garantía": "garantia", "tambem": "também",
}
_TOKEN = re.compile(r"(?<![\w/-])(?:p/|[^\W\d_]+\.?)(?![\w/])", re.UNICODE)
_REPEATS = re.compile(r"([a-zà-ÿ])\1{2,}", re.I)  # "muuuito" -> "muito"
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]+")


def _expand(match: re.Match[str]) -> str:
    token = match.group(0)
    key = token.lower()
    if key.endswith(".") and key not in _EXPANSIONS:
        key = key[:-1]
        tail = "."
    else:
        tail = ""
    found = _EXPANSIONS.get(key)
    if found is None:
        return token
    return found + tail


# Slang for a fault, as a document puts it: "se der pau no sistema", "deu ruim no inversor".
_BROKE = re.compile(r"\b(deu|der|dar|dá|da|dando|deram) (?:pau|pt|ruim)\b", re.I)


def spell_out(text: str) -> str:
    """`text` with chat abbreviations, slang for a fault, letter repeats and emojis normalised."""
    text = _EMOJI.sub(" ", text)
    text = _REPEATS.sub(r"\1", text)
    text = _BROKE.sub(r"\1 defeito", text)
    return _TOKEN.sub(_expand, text).strip()
