"""A small Portuguese/English detector: enough to answer in the customer's language."""

from __future__ import annotations

import re

_PT = frozenset(
    "a o os as um uma de do da dos das em no na nos nas para por com não nao é e que qual quais "
    "quanto quanta como onde quando você voce vocês meu minha seu sua isso este esta olá ola oi "
    "obrigado obrigada preciso quero tem têm está estou são sou bom dia boa tarde noite ajuda".split()
)
_EN = frozenset(
    "the a an of in on for to with not is are what which how where when you your my mine this that "
    "hello hi thanks thank need want have has do does can could would please good morning help".split()
)
_WORD = re.compile(r"[a-zà-ÿ]+", re.I)
_PT_MARKS = re.compile(r"[ãõçáéíóúâêô]", re.I)


def detect_language(text: str, default: str = "pt") -> str:
    words = [w.lower() for w in _WORD.findall(text)]
    pt = sum(w in _PT for w in words) + 2 * len(_PT_MARKS.findall(text))
    en = sum(w in _EN for w in words)
    if pt == en:
        return default
    return "pt" if pt > en else "en"
