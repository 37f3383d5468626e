"""Text helpers more than one service needs: accent folding and a small
Portuguese/English detector, enough to answer in the customer's language."""

from __future__ import annotations

import re
import unicodedata

_PT = frozenset(
    "a o os as um uma de do da dos das em no na nos nas para por com não nao é e que qual quais "
    "quanto quanta como onde quando você voce vocês meu minha seu sua isso este esta olá ola oi "
    "obrigado obrigada preciso quero tem têm está estou são sou bom dia boa tarde noite ajuda sim".split()
)
_EN = frozenset(
    "the a an of in on for to with not is are what which how where when you your my mine this that "
    "hello hi thanks thank need want have has do does can could would please good morning help yes".split()
)
# Whole words only: "E04" is an error code, not the Portuguese "e".
_LETTERS = re.compile(r"(?<!\w)[a-zà-ÿ]+(?!\w)", re.I)
_PT_MARKS = re.compile(r"[ãõçáéíóúâêô]", re.I)


class _WithoutMarks(dict[int, int | None]):
    """A str.translate table that drops combining marks, filled as characters are
    first seen (so translate runs at C speed instead of a Python loop per character)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        if len(self) < 65_536:  # hostile text must not grow it without bound
            self[code] = kept
        return kept


_WITHOUT_MARKS = _WithoutMarks()


def fold(text: str) -> str:
    """Lower case without accents, for matching Portuguese typed with or without them."""
    lowered = text.lower()
    if lowered.isascii():  # NFKD leaves ASCII as it is
        return lowered
    return unicodedata.normalize("NFKD", lowered).translate(_WITHOUT_MARKS)


def detect_language(text: str, default: str = "pt") -> str:
    """"pt" or "en": function words of each language, with accents counting for Portuguese."""
    found = [w.lower() for w in _LETTERS.findall(text)]
    pt = sum(w in _PT for w in found) + 2 * len(_PT_MARKS.findall(text))
    en = sum(w in _EN for w in found)
    if pt == en:
        return default
    return "pt" if pt > en else "en"
