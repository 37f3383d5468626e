"""Which sentences of the retrieved passages answer the customer's question.

A passage is cut into units a reply can quote whole: sentences, list items, and
table rows (a row is given with its header, "Column: value; ..."). Headings and
the mid-sentence fragments a chunk's overlap starts with are left out. Each unit
is scored against the question by
- the sentence encoder (cosine of question and unit; works across languages),
- the question's words found in the unit (folded, informal spelling spelled out),
- exact matches on codes, model names and numbers the question names
  ("SB-BAT-5", "E-105", "500 mega"),
- what kind of value the question asks for and the unit holds (a price, a
  duration, a percentage, an e-mail, a phone number, a count),
- the passage's rank in retrieval (a small prior),
- coverage: how much of what the question asks about the unit's context (the unit,
  the sentence before it, its passage's title) holds. Each content word of the
  question weighs what dropping it changes in the question's encoding (the words
  that carry the question weigh most, "tenho" or "much" little) times its rarity
  among the retrieved passages (by_rarity: the business's own domain words, that
  every passage holds, weigh little); the question's frame ("posso", "significa")
  is no content word. A word counts as held when the context has it (same first
  letters) or a word the encoder puts at least COVER_SIMILARITY close (a
  translation, an inflection, a synonym).
The words are encoded as written (accents kept): folded Portuguese ("preco") is a
string the encoder does not know, whose vector lands near unrelated words.
The local engine answers with the best units, and says it does not know when even
the best is under `answer_floor`, when the quoted units of the best unit's passage
leave MAX_GAP or more of the question uncovered (a knowledge base that names the
product but not the attribute asked about cannot answer), when the question names
a code or a product size ("kit de 12 kWp") no passage holds, when the question names a
code a passage holds but the answer's units (with the sentence before and the heading) hold
none of its codes (the install time of another kit, not of the "SB-KIT-PRO" asked about;
"24x", a count of instalments, is no code), when a yes/no question
turns on a word no passage holds even by a translation (ABSENT_SHARE: "aceitam cartão
de débito?" over passages about the credit card; a neighbour of the question's own
language holds it only ABSENT_SAME_LANGUAGE close), when the question uses a name (a word
capitalised mid-sentence: a city, a brand, a language), a day ("domingo", "feriado") or a
model number ("kit brisa 5.5", "Empresa 1200") the answer's units, heading and title do
not name (NAME_SIMILARITY: "a loja de Cambé" over the other cities' stores; a day by its
own word, its translation or a range, "segunda a sexta", "todos os dias"; the thing a value
question asks about and, apart, the word that qualifies it, "plano premium" over "Plano
Limpo"), when a Portuguese yes/no question ends with "X de Y" whose Y no passage holds while
one has "X de Z" ("cartão de débito" over "cartão de crédito"), or when what the
question asks for (atende_guardrails/asking.py) is not in the quoted units: the attribute
of a "what/qual" question ("qual a marca") held by the same word or a translation
(FIRM_SIMILARITY), the kind of value asked for by name (a price, a duration, a
weight) in a quoted unit's text, or when the first LEAD_PASSAGES retrieved passages on their
own would not answer (with more passages retrieved, a far passage's sentence is quoted only
when the best-ranked passages answer too). The hosted providers get the passages ordered by their best unit.
No grpc here; `rank` is synchronous (the encoder is CPU work); `rank_now` is the
same ranking when it needs no encoder run (every vector cached, agent_svc/vectors.py),
cheap enough for the event loop.

What does not depend on the question (a passage's units, a unit's words, codes and
numbers, every vector) is cached by text: the same passages come back turn after turn."""

from __future__ import annotations

import dataclasses
import difflib
import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from agent_svc.domain import Passage
from agent_svc.ranges import beyond_ranges, counts_asked
from agent_svc.text import STOPWORDS
from agent_svc.vectors import VectorTable
from atende_guardrails.asking import POSTCODE, Asked, asked, names, names_size, yes_no
from atende_guardrails.bilingual import EN, PT, bilingual
from atende_guardrails.encoder import NotCached, SyncEncoder, cached_only
from atende_guardrails.informal import spell_out
from atende_guardrails.text import detect_language, fold, join_lines, split_sentences, table_cells

# Calibrated on the dev questions of both evaluation KBs and the tuning side's probe
# questions (knowledge_svc/eval/answers.py --split dev / probe); MAX_GAP on dev and
# probe half a once the probes held 40 more unanswerable questions (half b the check);
# 0.475 once the word list's translations count as covering (more of what a question
# asks is found held, so a little less may go missing).
ANSWER_FLOOR = 0.40
MAX_GAP = 0.475
COVER_SIMILARITY = 0.55
# A code the question names that a passage holds covers its share of the question only
# when the question asks for no value or attribute and the code carries at least
# CODE_MAIN of it ("apareceu E15 no display, e agora?": about E15); else it names the
# thing of a question about something else ("is the X-5K single-phase or three-phase?",
# "qual o tamanho do X-6"), whose words decide. Set on dev and the probes' half a.
CODE_MAIN = 0.4
# The attribute a "what/qual" question asks about ("qual a marca") counts as held
# only by the same word or a word at least this close: a translation, not a neighbour.
FIRM_SIMILARITY = 0.65
# A term every retrieved passage holds keeps this share of its weight (by_rarity).
RARITY_FLOOR = 0.3
# A yes/no question ("vocês vendem X?", "do you accept X?") one of whose content words
# weighs at least ABSENT_SHARE of it (after by_rarity) and that no retrieved passage
# holds, not by the same word nor by a word at least ABSENT_SIMILARITY close (a
# translation), asks about something the knowledge base does not describe: "truck"
# when the passages say "car", "estudante" when they talk about the monthly fee. Its
# topic neighbours cover it for the gap (COVER_SIMILARITY), or the rest of the
# question is covered well enough, which is why the gap lets such a question through.
# Open questions ("qual lado", "how long") are left to the gap: a word they use that
# the passages say otherwise is as often a verb or a paraphrase as a missing thing.
# Fitted on dev and probe half a (knowledge_svc/eval/answers.py), half b the check.
# A word of the question's own language counts only ABSENT_SAME_LANGUAGE close: there
# the encoder's 0.62-0.70 are siblings ("tosa completa" and "tosa higiênica", "gato" and
# "pet"), across languages translations ("lavadora" and "washers"). Any value from
# 0.66 to 0.80 gave the same answers on dev and probe half a (branch q-abst5).
ABSENT_SHARE = 0.30
ABSENT_SIMILARITY = 0.62
ABSENT_SAME_LANGUAGE = 0.70
# Two words no passage holds ("aquecedor" and "banho") weigh together: ABSENT_TOGETHER of
# the question between them is as absent as ABSENT_SHARE in one word. And the thing a
# yes/no question asks whether the business offers ("vcs instalam aquecedor solar?", "do
# you sell RV panels?", "aceitam cartão hipercard?") is held only by a word of its language
# the encoder puts OFFERED_SIMILARITY close, or one of the other language
# ABSENT_SAME_LANGUAGE close: below, a sibling ("microinversor" and "microgeração", 0.79)
# or a neighbour ("consórcio" and "business", 0.69), where a translation is 0.70-0.82
# ("heater" and "aquecedor", "hypoallergenic" and "hipoalergênicos"). Whatever its share
# of the question, a thing nobody describes is not offered. Fitted on probe half a and
# dev (2026-12-07, fourteenth session); with a store's place (asking.names), the unread
# halves b went from 246 to 255 of 339 abstained, from 664 to 662 of 1,014 key facts.
ABSENT_TOGETHER = 0.50
OFFERED_SIMILARITY = 0.80
# A name the question uses (a word it capitalises mid-sentence: a city, a brand, a
# product line, a language; atende_guardrails/asking.names) must be named by the
# answer's own units (with the sentence before, the heading and the title): by the
# same word, a translation (atende_guardrails/bilingual.py), a close spelling
# (NAME_SPELLING) or a word the encoder puts NAME_SIMILARITY close ("Japanese",
# "japonês"). A name most retrieved passages hold (NAME_COMMON: the business's own
# name) says nothing about which sentence answers. "Onde fica a loja de Cambé?" over
# the list of the stores of other cities, "the Japanese package" over the Italian one,
# is answered with a value of the kind asked about something else: abstain.
# Fitted on dev and probe half a (knowledge_svc/eval/answers.py), half b the check.
NAME_SIMILARITY = 0.70
NAME_SPELLING = 0.85
NAME_COMMON = 0.5
# The abstention rules by the names Selector.withheld_by gives them: no unit at all; the best
# unit under the floor; a code or a product size no passage holds; a yes/no question's word no
# passage holds; too much of the question uncovered (MAX_GAP); the attribute asked about, the
# code named, the kind of value asked for or a name the question uses missing from the answer.
# "lead": the first LEAD_PASSAGES passages alone would not answer (see LEAD_PASSAGES).
ABSTENTION_RULES = ("nothing", "floor", "unknown_code", "unknown_size", "absent_word", "gap", "attribute", "code",
                    "value", "name", "range", "lead")
# With more than LEAD_PASSAGES retrieved passages (agent_svc settings' knowledge_top_k, or an
# agent's top_k), the first LEAD_PASSAGES are ranked alone first (Selection.lead). When no unit
# of a later passage reads closer to the question (its cosine) than their best unit, their
# ranking is the selection: the later passages are not read. Otherwise every passage is ranked,
# and the answer is given only when the first LEAD_PASSAGES alone would answer too. The wider
# pool finds the sentence that answers when it sits in the fifth to eighth passage; the rules
# above were fitted on four passages, and a far passage's near miss passes them more often.
# With eight passages, measured on dev and probe halves a (knowledge_svc/eval/answers.py, six
# sets), key fact / answerable questions the engine said it could not answer / unanswerable
# ones abstained: 397 / 38 / 177 of 502 and 224 with four passages; 404 / 42 / 179 reading the
# later passages only when one of their units reads closer (they were read in 218 of 726
# rankings); 405 / 44 / 180 reading them always (docs/performance.md sections 19 and 20).
LEAD_PASSAGES = 4
# The best unit's score an answer needs when the router read the message as out of scope
# (TurnInput.out_of_scope): the business's documents then decide whether it is the business's
# matter, so a near miss must not pass for an answer. Measured on the dev splits and probe
# halves a of both blind KBs and Mandacaru, over every message the router read as out of
# scope: the routing sets' out-of-scope messages scored 0.80 ("vcs vendem ar condicionado?")
# and below ("vcs consertam geladeira?" 0.72, "quanto ta o dolar hoje" 0.58); answerable
# questions 1.28 down to 0.83 (7 of 11) and under. With the weights of 2026-12-07 (WEIGHTS), over the solar routing
# dev split's and q-route30-38 halves a's out-of-scope messages (86) and the solar KB's dev questions (71): 0.84 lets
# through the same one out-of-scope message as 0.82 did before (a physics homework naming a power and a voltage, 0.96)
# and the same 59 questions.
SCOPE_FLOOR = 0.84
# A second unit joins the answer when it scores at least this share of the best.
SECOND_SHARE = 0.75
# The abstention rules judge the best unit and at most one more (DECIDING_UNITS, within
# DECIDING_CHARS): what they were calibrated on. The reply then quotes up to MAX_UNITS units
# that score as close, within MAX_ANSWER_CHARS: the fact asked for is often in the unit that
# ranks third (a table's next row, the sentence after a definition). Issue 16, 2026-12-06 eighth
# session: key fact on every dev split and probe half up or level (Tangará a 25 -> 28 of 53,
# Vetor Fibra dev 49 -> 51 of 56; the blind Jatobá KB, never read, 55 -> 60 of 110), every
# abstention unchanged (docs/performance.md section 29).
DECIDING_UNITS = 2
DECIDING_CHARS = 420
MAX_UNITS = 3
MAX_ANSWER_CHARS = 480

# How much each signal of a unit counts (`score`). Half-way between the hand-set weights and those tools/unit_weights.py
# learns: a listwise fit over the units the engine reads for the answerable questions of every probe KB's half a and
# the dev splits (the units that hold a key fact first), held near the hand-set weights, scaled so the median best
# score is unchanged (the answer floor and the abstention rules read that scale). The whole step broke two behaviours
# the unit tests hold (a sibling's price, a rental price quoted for energy); half of it keeps them. Issue 16,
# 2026-12-07, with the energy question's price cue below: first unit holding a fact on halves b 0.594 -> 0.628, on
# the Jabuticaba KB nobody fitted on 0.418 -> 0.482 (docs/performance.md section 32).
WEIGHTS = {
    "cosine": 0.404,
    "window": 0.268,  # the unit with the sentence before it (its context)
    "passage": 0.0,  # not learnt: the passages' own cosines are computed only when this weighs
    "number": 0.078,
    "overlap": 0.248,
    "code": 0.29,
    "code_missing": 0.19,
    "cue": 0.273,
    "rank": 0.133,
    "cover": 0.44,
}

_WORD = re.compile(r"[^\W_]+(?:[-.,/][^\W_]+)*", re.UNICODE)
# A token that names a thing: letters and digits together, or a hyphenated code.
# The look-aheads read at most a code's length: unbounded, each start of 4 KB of "x-x-x" read to its end.
_CODE = re.compile(r"(?<![\w])(?=[\w.-]{0,40}\d)(?=[\w.-]{0,40}[^\W\d_])[\w]+(?:[-.][\w]+)*|(?<![\w])[A-Z]{2,}(?:-[A-Z0-9]+)+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}")
_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")
# A line drawn with one character at the start of a line ("-----", "=====", "*****"), which plain-text
# documents put between records ("------\nRECIFE (PE) Endereço: ..."): decoration, not the start of a unit
# (else the unit would read as a mid-sentence fragment and be left out).
_DRAWN_LINE = re.compile(r"^\s*([-=_*~+])\1{2,}\s*")
_FRAGMENT_START = re.compile(r"^[\s]*[a-zà-ÿ(),;:.\-\u2013\u2014]")

# Counts written out ("two-year warranty", "dois dias"), folded.
_NUMBER_WORDS = (r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|um|uma|dois|duas|tres|quatro|cinco|"
                 r"seis|sete|oito|nove|dez|doze)")

_CUES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    # (what the question asks, what a unit holding that answer looks like)
    # ("How much does the station generate per day?" asks for energy, not a price.)
    (re.compile(r"\b(quanto (custa|e|é|sai|fica|cobra)|pre[cç]o|valor|custa|mensalidade|taxa de|tarifa|"
                r"how much(?! (do|does|will|can|would) [\w ]{1,40}\b(generate|produce|save|store|weigh|hold|last)\b)|"
                r"price|cost|fee|charge)\b"), re.compile(r"r\$\s?\d|\d+[.,]\d{2}\b|\bgratis\b|\bfree\b|\bsem custo\b")),
    (re.compile(r"\b(quanto tempo|qual o prazo|prazo|demora|leva quanto|em quantos dias|quantos dias|quantas horas|"
                r"how long|how soon|how many (days|hours|minutes|months|years)|when|quando|ate quando)\b"),
     re.compile(rf"(?:\b\d+|{_NUMBER_WORDS})\s*-?\s*(a \d+\s*)?(dias?|horas?|minutos?|segundos?|meses|mes|anos?|"
                r"semanas?|days?|hours?|minutes?|seconds?|months?|years?|weeks?|business days|dias uteis|h)\b"
                r"|\b\d{1,2}h\d{0,2}\b|\b\d{1,2}:\d{2}\b")),
    (re.compile(r"\b(e-?mail|email)\b"), re.compile(r"@")),
    (re.compile(r"\b(cep|zip|postal)\b"), POSTCODE),
    (re.compile(r"\b(telefone|fone|whatsapp|numero|phone|number|ligar|call)\b"),
     re.compile(r"\(?\d{2}\)?\s?\d{4,5}-?\d{4}|\b0800\b|\d{4}-\d{4}")),
    (re.compile(r"\b(porcent|percent|%|desconto|discount|juros|interest|multa|fine)\w*"), re.compile(r"\d\s?%")),
    # A share of something, or how far it falls, is a percentage ("below what share", "a partir de qual queda": 15%);
    # a fall not asked about is as often a power cut ("queda de energia").
    (re.compile(r"\b(share|proportion|proporcao|fatia)\b|\b(qual|que|what|which) (\w+ )?(queda|drop)\b"),
     re.compile(r"\d\s?%")),
    # A colour is held by a colour's name ("what colour should the window show": GREEN).
    (re.compile(r"\b(cor|cores|colour|colours|color|colors)\b"),
     re.compile(r"\b(verde|vermelh[oa]|azul|amarel[oa]|branc[oa]|pret[oa]|laranja|cinza|roxo|green|red|blue|yellow|white|"
                r"black|orange|grey|gray|purple)\b")),
    # A measure asked for by name is held by a number in its unit: a weight in kg,
    # not any number next to the product's name.
    (re.compile(r"\b(peso|pesa|pesam|weight|weighs?)\b"),
     re.compile(r"\d\s?(kg|g|quilos?|kilos?|toneladas?|tons?)\b")),
    (re.compile(r"\b(potencia|power|watts?)\b"), re.compile(r"\d\s?(w|kw|kwp|wp|mw|watts?|cv|hp)\b")),
    (re.compile(r"\b(velocidade|speed)\b"), re.compile(r"\d\s?(mega|megas|mbps|gbps|giga|mb/s|km/h)\b")),
    # The energy a system makes or uses is held by a figure in kWh, a year by a year.
    (re.compile(r"\b(gera|geram|gerar|geraria|geracao|produz|produzem|producao|generate|generates|generation|"
                r"produce|produces|production)\b"), re.compile(r"\d\s?(kwh|mwh|wh)\b")),
    (re.compile(r"\b(?:(?:qual|que|em que|what|which|in what) (?:o )?(?:ano|year)|what year)\b"),
     re.compile(r"\b(?:19|20)\d{2}\b")),
    (re.compile(r"\b(tamanho|dimens\w*|medidas|size|dimensions?|area)\b"),
     re.compile(r"\d\s?(mm|cm|m|m2|m²|metros?|metres?|meters?|pol|inch(es)?)\b|\d\s?[x\u00d7]\s?\d")),
    # A length asked by name is held by a length, not an area ("120 m²" for "qual a distância").
    (re.compile(r"\b(altura|height|comprimento|length|largura|width|profundidade|depth|espessura|thickness|distancia|"
                r"distance)\b"), re.compile(r"\d\s?(mm|cm|m|km|metros?|metres?|meters?|pol|inch(es)?)\b")),
    (re.compile(r"\b(temperatura|temperature|graus|degrees)\b"), re.compile(r"\d\s?(°|º)\s?c?\b|\d\s?(graus|degrees)\b")),
    (re.compile(r"\b(quantos|quantas|how many|how much|qual a capacidade|capacidade|capacity)\b"), re.compile(r"\d")),
    (re.compile(r"\b(site|endereco|address|onde fica|where is|link|app)\b"),
     re.compile(r"\b(www\.|https?://|\.com|rua|av\.|avenida|street|app)\b")),
)


def score(values: dict[str, float], weights: dict[str, float] | None = None) -> float:
    weights = weights or WEIGHTS
    return (weights["cosine"] * values["cosine"] + weights["window"] * values["window"]
            + weights["passage"] * values["passage"] + weights["number"] * values["number"]
            + weights["overlap"] * values["overlap"]
            + weights["code"] * values["code"] - weights["code_missing"] * values["code_missing"]
            + weights["cue"] * values["cue"] + weights["rank"] * values["rank"]
            + weights["cover"] * values["cover"])


@dataclass(frozen=True)
class Unit:
    """A quotable piece of a passage."""

    passage: int  # index into the passages given
    text: str  # as it would be quoted
    position: int  # order inside its passage
    # A table row's header, every column's name: what the row's values are ("Forma de pagamento" over "Pix | devolução
    # em até 10 dias"), read as the row's context though the quoted row names only the columns after the first.
    frame: str = ""


@dataclass(frozen=True)
class Scored:
    unit: Unit
    score: float
    # The question's terms (indexes into Selection.shares) its context holds.
    covered: frozenset[int] = frozenset()
    # Its context holds the attribute the question asks about (asking.Asked.attribute).
    attribute: bool = True
    # Its text holds each kind of value the question asks for (a price, a duration).
    values: bool = True
    # The question's names (indexes into Selection.shares) its context names.
    named: frozenset[int] = frozenset()
    # Its context holds one of the codes the question names that a retrieved passage holds.
    coded: bool = True


@dataclass(frozen=True)
class Selection:
    """The units ranked best first, and the passages ordered by their best unit."""

    ranked: tuple[Scored, ...]
    passage_order: tuple[int, ...]
    # The question names a code or model that none of the passages mentions.
    names_unknown: bool = False
    # Each content word's share of the question (see Selector.weights).
    shares: tuple[float, ...] = ()
    # The question names a product size ("kit de 12 kWp") no passage mentions.
    size_unknown: bool = False
    # A yes/no question: the largest share of its terms no passage holds (ABSENT_SIMILARITY).
    absent: float = 0.0
    # The question's names (indexes into shares) the answer's units must name (NAME_SIMILARITY).
    names: frozenset[int] = frozenset()
    # The share of the question its codes that a passage holds carry (Selector.code_share):
    # covered by a unit whose context holds one (Scored.coded).
    code_share: float = 0.0
    # The same question ranked over the first LEAD_PASSAGES passages alone, when there were more
    # and every passage was ranked (a unit of a later one read closer to the question than theirs).
    lead: Selection | None = None
    # Passages after the first LEAD_PASSAGES left unread: none of their units read closer to the
    # question than the first ones' best, so the ranking is theirs alone.
    unread: int = 0
    # The counts a question that asks for a value names ("em 96 meses", "60 módulos"): agent_svc.ranges.
    counts: tuple[tuple[float, str], ...] = ()

    def gap(self, chosen: Sequence[Scored], codes: bool = True) -> float:
        """The share of the question the chosen units' contexts leave uncovered; without
        `codes`, of its words alone (an answer that quotes other passages than the
        chosen units, a comparison's, does not hold the code they hold)."""
        if not self.shares:
            return 0.0
        held: set[int] = set()
        for item in chosen:
            held |= item.covered
        words = sum(self.shares[i] for i in held)
        if not codes:
            return max(0.0, 1.0 - words / (1.0 - self.code_share)) if self.code_share < 1.0 else 1.0
        coded = self.code_share if any(item.coded for item in chosen) else 0.0
        return max(0.0, 1.0 - words - coded)

    @property
    def best(self) -> float:
        return self.ranked[0].score if self.ranked else 0.0


def by_rarity(shares: Sequence[float], held: Sequence[frozenset[int]], groups: Sequence[int]) -> list[float]:
    """The question's term shares weighed by how rare each term is among the retrieved
    passages (group = a unit's passage; a passage holds a term when one of its
    units' contexts does). A word most passages hold ("solar" in a solar business's
    KB, the product every passage names) tells little about which sentence answers,
    and its absence from the best one says little about whether the KB answers; a
    word no passage holds ("drone", "bitcoin") is what the question turns on.
    Smoothed IDF over the passages scaled to [0, 1], kept above RARITY_FLOOR so a
    word every passage holds still counts a little. Nothing to weigh with fewer than
    two passages."""
    if not shares:
        return list(shares)
    passages: dict[int, set[int]] = {}
    for group, covered in zip(groups, held, strict=True):
        passages.setdefault(group, set()).update(covered)
    n = len(passages)
    if n < 2:
        return list(shares)
    top = math.log((n + 1) / 0.5)
    weighed = []
    for term, share in enumerate(shares):
        held_by = sum(1 for covered in passages.values() if term in covered)
        rarity = math.log((n + 1) / (held_by + 0.5)) / top
        weighed.append(share * (RARITY_FLOOR + (1 - RARITY_FLOOR) * rarity))
    total = sum(weighed)
    return [w / total for w in weighed] if total > 0 else list(shares)


def _table_row(cells: list[str], header: list[str]) -> str:
    if len(cells) == len(header) and len(cells) > 1:
        pairs = "; ".join(f"{h}: {c}" for h, c in zip(header[1:], cells[1:], strict=True) if c)
        return f"{cells[0]}: {pairs}."
    return " | ".join(cells)


def _is_row(stripped: str) -> bool:
    return "|" in stripped and not stripped.startswith(("-", "*"))


# A line between a table's header and its rows that is no row: a caption or a section's title across the table
# ("Tabela 2 — Taxas e simulação para R$ 20.000 financiados, sem entrada", "Preço"), this long at most. A chunk of a
# table starts with its header (knowledge_svc/chunking.py), so the table's caption may come right after it.
_TITLE_CHARS = 160


def _rows_follow(lines: list[str], index: int) -> bool:
    """Table rows come after line `index`, past any titles: the row at `index` heads them."""
    for line in lines[index + 1:]:
        stripped = _DRAWN_LINE.sub("", line).strip()
        if _is_row(stripped):
            return True
        if not stripped or len(stripped) > _TITLE_CHARS:
            return False
    return False


def _lone_row(cells: list[str]) -> str:
    """A table row without its header: "first cell: the others"."""
    rest = "; ".join(c for c in cells[1:] if c)
    return f"{cells[0]}: {rest}." if rest else cells[0]


def _pieces(passage_text: str) -> list[tuple[str, str]]:  # noqa: C901 - one pass over the lines, one branch a kind
    """Sentences, list items and table rows (with their header), in order; each with its frame (a row's header)."""
    found: list[tuple[str, str]] = []
    header: list[str] | None = None
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            for sentence in split_sentences(join_lines(paragraph)):
                found.append((sentence.strip(), ""))
            paragraph.clear()

    lines = passage_text.splitlines()
    for index, line in enumerate(lines):
        stripped = _DRAWN_LINE.sub("", line).strip()
        if not stripped:
            flush()
            header = None
            continue
        if _is_row(stripped):
            flush()
            cells = table_cells(stripped)
            if _TABLE_SEPARATOR.match(stripped) or cells == header:
                continue  # (the header again, after a section's title across the table)
            if header is None:
                # A header has rows under it, past any caption or title (a table, whose header every
                # chunk of it repeats). A row standing alone (a one-row table, a "cell | cell" line of
                # plain text) is a row, whatever came before it in the document.
                if _rows_follow(lines, index):
                    header = cells
                else:
                    found.append((_lone_row(cells), ""))
                continue
            found.append((_table_row(cells, header), " ".join(header)))
            continue
        if _LIST_MARK.match(stripped) or stripped.startswith("#"):
            flush()
            if not stripped.startswith("#"):
                found.append((_LIST_MARK.sub("", stripped), ""))
            continue
        paragraph.append(stripped)
    flush()
    return found


def units(passage_text: str, passage: int = 0) -> list[Unit]:
    """The quotable units of a passage, in order: sentences, list items, table rows."""
    return list(_units(passage_text, passage))


@functools.lru_cache(maxsize=4096)
def _units(passage_text: str, passage: int) -> tuple[Unit, ...]:
    out: list[Unit] = []
    for position, (text, frame) in enumerate(_pieces(passage_text)):
        text = text.strip()
        if not text or len(_WORD.findall(text)) < 3:
            continue  # a heading or a label, not an answer
        if position == 0 and _FRAGMENT_START.match(text):
            continue  # the chunk starts mid-sentence (its overlap): the whole sentence is in the chunk before
        if text.endswith(":") and len(text) < 60:
            continue  # a label introducing a list
        out.append(Unit(passage, text, position, frame))
    return tuple(out)


@functools.lru_cache(maxsize=16384)
def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(fold(spell_out(text))) if w not in STOPWORDS and len(w) >= 2)


_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_HYPHENATED = re.compile(r"\b[^\W\d_]+(?:-[^\W\d_]+)+\b")
# The frame of a question, not what it asks about: verbs and words a customer puts
# around the subject in any business ("posso", "significa", "what does it mean"),
# folded. Passages rarely hold them, so as coverage terms they would read as
# something the KB lacks.
_FRAME = frozenset("""
    posso pode podem podemos consigo consegue conseguem significa significam quer querem quero queria gostaria
    dizer saber sei fazer faco faz fazem vem vao vai vou existe existem preciso precisa precisam tenho temos tinha
    problema problemas
    moro mora moramos moram aguenta aguentam
    seria sera alguem algum alguma alguns algumas cada outro outra outros outras mesmo mesma favor entao agora aqui ali
    meus minhas seus suas nosso nossa nossos nossas sou foi foram era eram estava varias varios muitas muitos
    poucas poucos todas todos
    who whom whose why mean means meant get gets got need needs want wants like know tell does doing done
    any some much many also just still really able
""".split())


# Words that say how a question asks (who, how often, the least) rather than what it
# asks about: a passage that answers rarely repeats them.
_ASKING = frozenset("""
    quem como quando onde qual quais quanto quanta quantos quantas
    who what when where which how often
    menor maior minimo minima maximo maxima melhor pior mais menos
    lowest highest minimum maximum least most best worst smallest biggest largest cheapest
""".split())


def _terms(folded: str) -> list[str]:
    """The content words of a folded text, once each: no stop words or question frame
    words, no digits (codes and numbers have features of their own), at least three
    letters."""
    # A token is letters and digits only: isalpha() is "no digit".
    return list(dict.fromkeys(t for t in _TOKEN.findall(folded)
                              if len(t) >= 3 and t.isalpha() and t not in STOPWORDS and t not in _FRAME))


@functools.lru_cache(maxsize=8192)
def _context(text: str) -> tuple[str, frozenset[str]]:
    """A unit's context folded, and its terms. Cached: the same passages come back
    turn after turn."""
    folded = fold(text)
    # "Wi-Fi" is also "wifi", as customers write it; only short words: joined,
    # "micro-entrepreneurs" would read as the same word as "microsoft".
    joined = [w.replace("-", "") for w in _HYPHENATED.findall(folded) if len(w) <= 7]
    return folded, frozenset(_terms(folded + " " + " ".join(joined)))


@functools.lru_cache(maxsize=8192)
def _surfaces(text: str) -> tuple[tuple[str, str], ...]:
    """Each folded word of a text with the word as written (lower case, accents
    kept). The encoder is asked about the written word: folding makes Portuguese
    words into strings it does not know ("preco" is not "preço"), whose vectors
    land near unrelated words and far from their translations."""
    return tuple(dict((fold(token), token) for token in reversed(_TOKEN.findall(text.lower()))).items())


def _asked_values(folded_question: str, terms: list[str]) -> list[tuple[set[int], re.Pattern[str]]]:
    """The terms that ask for a kind of value (_CUES: "quanto custa", "how long"),
    each group with what a unit holding that value looks like: a unit with a price
    covers "custa", one with a duration covers "tempo"."""
    out: list[tuple[set[int], re.Pattern[str]]] = []
    for asks, answer in _CUES:
        spans = [m.span() for m in asks.finditer(folded_question)]
        if not spans:
            continue
        indexes = {i for i, term in enumerate(terms)
                   for m in re.finditer(rf"\b{re.escape(term)}\b", folded_question)
                   if any(start < m.end() and m.start() < end for start, end in spans)}
        if indexes:
            out.append((indexes, answer))
    return out


_INNER_CAPITAL = re.compile(r"\b[^\W\d_]+[A-Z][^\W\d_]*\b")


@functools.lru_cache(maxsize=8192)
def _inner_capitals(text: str) -> frozenset[str]:
    """The folded words a text writes with a capital after the first letter."""
    return frozenset(fold(w.lower()) for w in _INNER_CAPITAL.findall(text))


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return word[:5] if len(word) > 5 and not any(ch.isdigit() for ch in word) else word


@functools.lru_cache(maxsize=16384)
def _stems(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in _words(text))


def _same_word(word: str, term: str) -> bool:
    """Same stem, and not a short word that is only the start of a longer one:
    "placa" is "placas", "micro" is not "microsoft" (a brand no passage names)."""
    if _stem(word) != _stem(term):
        return False
    return min(len(word), len(term)) > 5 or abs(len(word) - len(term)) <= 2


@functools.lru_cache(maxsize=8192)
def _translations(term: str) -> tuple[str, ...]:
    """The single words a folded term may be written as in the other language
    (atende_guardrails/rules/pt_en_words.txt, either direction: a term may be of
    either language), and the words of its own language that share its main sense.
    A phrase translation counts by its last word when its other words are modifiers
    ("circuit breaker": "breaker"), so only phrases of at most two words."""
    lexicon = bilingual()
    found: dict[str, None] = {}
    for into in (EN, PT):
        for target in lexicon.translations(term, into):
            words = target.split()
            if len(words) == 1:
                found[target] = None
            elif len(words) == 2 and into == EN:
                found[words[-1]] = None  # English puts the head noun last
    # Same-language synonyms through the term's main sense (the first translation the
    # list gives): "placas" -> "panels" -> "paineis".
    main = next(iter(found), "")
    for into in (EN, PT):
        for target in lexicon.translations(main, into):
            if " " not in target:
                found[target] = None
    found.pop(term, None)
    return tuple(found)


def _by_stem(vocabulary: Sequence[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for word in vocabulary:
        out.setdefault(_stem(word), []).append(word)
    return out


def _translated(term: str, stems: dict[str, list[str]]) -> list[str]:
    """The vocabulary words (indexed by `_by_stem`) that are a translation of a term
    (the same word as one, plural or singular: a short word's stem is the whole word, so
    "car" is looked up as "cars" too)."""
    return [w for tr in _translations(term) for form in _numbers_of(tr) for w in stems.get(_stem(form), ())
            if _same_word(w, form)]


def _numbers_of(word: str) -> tuple[str, ...]:
    """A word and its plural or singular by a final "s" (stems of words of five letters
    or fewer are the whole word)."""
    if len(word) > 5:
        return (word,)
    return (word, word[:-1]) if word.endswith("s") and len(word) > 3 else (word, word + "s")


def _hold_translations(terms: list[str], focus: int, vocabulary: Sequence[str], held: dict[str, set[int]],
                       firm: set[str]) -> None:
    """A translation the word list gives ("disjuntor": "breaker") holds a term, and the
    attribute asked about (term `focus`), whatever the encoder makes of the pair."""
    by_stem = _by_stem(vocabulary)
    for i, term in enumerate(terms):
        for word in _translated(term, by_stem):
            held[word].add(i)
            if i == focus:
                firm.add(word)


# A question without a question word that starts by naming the value it asks for
# ("endereço da loja de X", "telefone da unidade Y", "preço do kit Z") asks which value,
# not whether: its words the passages put otherwise ("loja" for "unidade") are the gap's.
_VALUE_FRAGMENT = re.compile(r"\W*(?:endereco|enderecos|telefone|telefones|fone|preco|precos|valor|horario|horarios|"
                             r"prazo|e-?mail|site|address|phone|price|cost|opening hours)\b")


# A count of instalments or times written the short way ("60x", "12X"): a number, not a code. Nor is the
# customer's own distance, age, wait or sum ("moro a uns 200km", "3anos", "15dias", "10mil").
# Nor is an ordinal ("from the 4th referral", "a 2ª parcela").
_TIMES = re.compile(r"\d+[xX]|\d+(?:[.,]\d+)?(?:km|kms|anos|ano|dias|dia|meses|mes|mil|reais|hrs|horas)|\d+(?:st|nd|rd|th|º|ª)",
                    re.I)


def _codes(text: str) -> set[str]:
    return {fold(c).replace("-", "").replace(".", "").replace(",", "") for c in _CODE.findall(text)
            if (not c.isdigit() or len(c) >= 3) and not _TIMES.fullmatch(c)}


@functools.lru_cache(maxsize=16384)
def _numbers(text: str) -> frozenset[str]:
    return frozenset(n.replace(",", ".").rstrip(".") for n in _NUMBER.findall(text))


@functools.lru_cache(maxsize=16384)
def _plain(text: str) -> str:
    # Spaces go too: "550w" is the "550 W" of a datasheet, "30gb" its "30 GB".
    return fold(text).replace("-", "").replace(".", "").replace(",", "").replace(" ", "")


# A unit's folded text (its cue matches), once per text.
_folded = functools.lru_cache(maxsize=16384)(fold)


@dataclass(frozen=True)
class _Reading:
    """Selector._read: the units of some passages, each with what it holds of the question
    on its own."""

    candidates: list[Unit]
    windows: list[str]
    contexts: list[str]
    unit_cosines: list[float]
    window_cosines: list[float]
    head_cosines: list[float]
    shares: list[float]
    held: list[frozenset[int]]
    firm: list[bool]
    spelled: str
    folded_q: str
    q_words: frozenset[str]
    q_codes: frozenset[str]

    def then(self, later: _Reading | None) -> _Reading:
        """This reading and the later passages' after it: what a unit holds of the question
        is its own, so reading all the passages at once gives the same."""
        if later is None:
            return self
        return dataclasses.replace(
            self, candidates=self.candidates + later.candidates, windows=self.windows + later.windows,
            contexts=self.contexts + later.contexts, unit_cosines=self.unit_cosines + later.unit_cosines,
            window_cosines=self.window_cosines + later.window_cosines,
            head_cosines=self.head_cosines + later.head_cosines, held=self.held + later.held,
            firm=self.firm + later.firm)


class Selector:
    """Scores the units of retrieved passages against a question."""

    def __init__(self, encoder: SyncEncoder | None = None, answer_floor: float = ANSWER_FLOOR,
                 max_gap: float = MAX_GAP) -> None:
        self.encoder = encoder
        # Every vector the selector uses, by text (agent_svc/vectors.py).
        self.vectors = VectorTable(encoder) if encoder is not None else None
        self.answer_floor = answer_floor
        # Without the encoder a translation cannot count as covered: no gap check.
        self.max_gap = max_gap if encoder is not None else 1.01

    def features(self, question: str, passages: Sequence[Passage]) -> list[tuple[Unit, dict[str, float]]]:
        """Each unit of the passages with its raw signals (see WEIGHTS)."""
        return self._analyse(question, passages)[0]

    def _analyse(self, question: str, passages: Sequence[Passage], reading: _Reading | None = None) -> tuple[
            list[tuple[Unit, dict[str, float]]], list[float], list[frozenset[int]], list[bool], float,
            list[frozenset[int]], frozenset[int], float]:
        """The features, the question's term shares, the terms each unit's context
        holds, whether it holds the attribute asked about, for a yes/no question the
        largest share of a term no passage holds, the question's names each unit's
        context names, the names an answer must name and the share its known codes carry.
        `reading`: these passages' (`_read`), when the caller has it."""
        read = self._read(question, passages) if reading is None else reading
        if read is None:
            return [], [], [], [], 0.0, [], frozenset(), 0.0
        candidates, windows, contexts, held, firm = read.candidates, read.windows, read.contexts, read.held, read.firm
        spelled, folded_q, q_codes = read.spelled, read.folded_q, read.q_codes
        # The codes some passage holds (one no passage holds is `names_unknown`'s).
        known = {c for c in q_codes if any(c in _plain(f"{p.title} {p.section} {p.text}") for p in passages)}
        shares = by_rarity(read.shares, held, [u.passage for u in candidates])
        absent = 0.0
        if yes_no(folded_q) and not _VALUE_FRAGMENT.match(folded_q):
            by_passage = [_language(p.text) for p in passages]
            languages = [by_passage[u.passage] for u in candidates]
            # The verb that asks ("vendem", "instalam") is the question's frame, not a thing to find.
            frame, things = _offered(folded_q, _terms(folded_q))
            missing = [i for i in self.absent_terms(question, contexts, languages, things) if i not in frame]
            absent = max((shares[i] for i in missing), default=0.0)
            # What the question asks whether the business offers, or several words together, no passage holds.
            if set(things) & set(missing) or sum(shares[i] for i in missing) >= ABSENT_TOGETHER:
                absent = max(absent, ABSENT_SHARE)
            # Portuguese puts the qualifier after the thing; an English compound's last word is the thing.
            if (detect_language(question, default="") == PT
                    and _sibling(folded_q, _terms(folded_q), missing, [_context(c)[0] for c in contexts])):
                absent = max(absent, ABSENT_SHARE)
        # The code says which thing; whether it has what a yes/no question asks is the
        # words' (above, "is the X-200 white?"). For the gap it covers its share.
        # Only a question that asks for no value and no attribute is about the code itself:
        # "qual o tamanho do X-6" over the X-6's other details still lacks the size.
        about_code = shares and not asked(folded_q).values and not asked(folded_q).attribute
        code_share = self.code_share(spelled, known, _terms(folded_q)) if about_code else 0.0
        shares = [share * (1.0 - code_share) for share in shares]
        by_language = [_language(p.text) for p in passages]
        named, required = self.named(question, contexts, [u.passage for u in candidates],
                                     [by_language[u.passage] for u in candidates])
        models = _model_numbers(folded_q, passages)
        named, required = _with_models(models, contexts, named, required)
        cues = [answer for asks, answer in _CUES if asks.search(folded_q)]
        q_numbers = _numbers(spelled)
        q_words = read.q_words
        headings = [_heading(p) for p in passages]
        out: list[tuple[Unit, dict[str, float]]] = []
        for index, unit in enumerate(candidates):
            passage = passages[unit.passage]
            heading = headings[unit.passage]
            overlap = len(q_words & (_stems(unit.text) | _stems(passage.title))) / len(q_words) if q_words else 0.0
            plain = _plain(unit.text + " " + heading)
            code_hits = sum(1 for c in q_codes if c in plain)
            # A model number the question names counts like a code: the sentence under
            # the "Kit Brisa 5.5" heading is about the kit asked for.
            model_hits = sum(1 for m in models if m in _numbers(f"{unit.text} {heading}")) if models else 0
            folded_unit = _folded(unit.text)
            unit_numbers = _numbers(unit.text)
            out.append((unit, {
                "cosine": read.unit_cosines[index],
                "window": read.window_cosines[index],
                "passage": read.head_cosines[unit.passage] if read.head_cosines else 0.0,
                "number": len(q_numbers & unit_numbers) / len(q_numbers) if q_numbers else 0.0,
                "overlap": overlap,
                "code": (code_hits + model_hits) / (len(q_codes) + len(models)) if q_codes or models else 0.0,
                "code_missing": 1.0 if q_codes and code_hits == 0 else 0.0,
                # Not a score: whether the unit's context holds a code the question names
                # that a passage holds ("X ou Y" names two, the answer one).
                "coded": 1.0 if not known or any(c in _plain(windows[index] + " " + heading) for c in known) else 0.0,
                "cue": sum(1 for answer in cues if answer.search(folded_unit)) / len(cues) if cues else 0.0,
                "rank": 1.0 / (1 + unit.passage),
                "cover": (sum(shares[i] for i in held[index]) + (code_share if code_hits else 0.0)) if shares else 1.0,
            }))
        return out, shares, held, firm, absent, named, required, code_share

    def _read(self, question: str, passages: Sequence[Passage], first: int = 0) -> _Reading | None:
        """What each unit holds of the question on its own (its cosines, the terms its
        context covers), whatever the other passages are; None without a unit. `first`:
        the number of the first passage (the later passages read after the first ones)."""
        candidates = [u for i, p in enumerate(passages, first) for u in units(p.text, i)]
        if not candidates:
            return None
        spelled = spell_out(question)
        windows = [
            (candidates[i - 1].text + " " + u.text) if i and candidates[i - 1].passage == u.passage else u.text
            for i, u in enumerate(candidates)
        ]
        heads = [f"{p.title}: {p.text}" for p in passages] if WEIGHTS["passage"] else []
        cosines = self._cosines(spelled, [u.text for u in candidates] + windows + heads)
        n = len(candidates)
        contexts = [f"{_heading(passages[u.passage - first])} {u.frame} {w}"
                    for u, w in zip(candidates, windows, strict=True)]
        shares, held, firm = self.coverage(question, contexts)
        return _Reading(candidates, windows, contexts, cosines[:n], cosines[n:2 * n], cosines[2 * n:], shares, held,
                        firm, spelled, fold(spelled), frozenset(_stem(w) for w in _words(question)),
                        frozenset(_codes(question)))

    def weights(self, terms: list[str], question: str) -> list[float]:
        """Each term's share of the question: what dropping it changes in the
        question's encoding (equal shares without the encoder). `question` is as
        written (spelled out), the terms folded."""
        if self.encoder is None or len(terms) < 2:
            return [1.0 / len(terms)] * len(terms)
        changes = self._changes([{term} for term in terms], question)
        total = sum(changes)
        return [c / total for c in changes] if total > 0 else [1.0 / len(terms)] * len(terms)

    def _changes(self, groups: Sequence[set[str]], question: str) -> list[float]:
        """What dropping each group of folded tokens changes in the question's encoding."""
        tokens = _TOKEN.findall(question.lower())
        folded = [fold(t) for t in tokens]
        variants = [" ".join(t for t, f in zip(tokens, folded, strict=True) if f not in group) for group in groups]
        vectors = self._encode([" ".join(tokens), *variants])
        return [max(0.0, 1.0 - float(vectors[0] @ vectors[i + 1])) for i in range(len(groups))]

    def code_share(self, question: str, known: set[str], terms: list[str]) -> float:
        """The share of the question its codes that a passage holds carry, weighed like a
        term (what dropping them changes in its encoding): "apareceu E15 no display" is
        about E15, which its content words alone do not say. 0 without such a code or
        the encoder, or under CODE_MAIN. `question` is spelled out, `known` as `_codes` gives them."""
        if not known or self.encoder is None:
            return 0.0
        parts = {fold(t) for c in _CODE.findall(question) if _codes(c) & known for t in _TOKEN.findall(c.lower())}
        if not parts:
            return 0.0
        changes = self._changes([parts, *({term} for term in terms)], question)
        total = sum(changes)
        share = changes[0] / total if total > 0 else 0.0
        return share if share >= CODE_MAIN else 0.0

    def coverage(self, question: str, contexts: list[str]
                 ) -> tuple[list[float], list[frozenset[int]], list[bool]]:
        """The question's terms' shares, for each context the terms it holds (the
        same word, its first letters, or with the encoder a word at least
        COVER_SIMILARITY close), and whether it holds the attribute the question
        asks about (the same word, a word FIRM_SIMILARITY close, or the value it
        asks for; True when it asks about none). No shares when the question has
        no terms."""
        spelled = spell_out(question)
        folded = fold(spelled)
        terms = _terms(folded)
        if not terms:
            return [], [frozenset()] * len(contexts), [True] * len(contexts)
        shares = self.weights(terms, spelled)
        attribute = asked(folded).attribute
        focus = terms.index(attribute) if attribute in terms else -1
        folded_contexts = [_context(c) for c in contexts]
        context_words = [words for _, words in folded_contexts]
        vocabulary = sorted(set().union(*context_words)) if context_words else []
        stems = [_stem(t) for t in terms]
        # The terms each stem is (one dict lookup a word, not a loop over the terms).
        term_positions: dict[str, list[int]] = {}
        for i, s in enumerate(stems):
            term_positions.setdefault(s, []).append(i)
        held: dict[str, set[int]] = {w: {i for i in term_positions.get(_stem(w), ()) if _same_word(w, terms[i])}
                                     for w in vocabulary}
        firm: set[str] = {w for w in vocabulary if focus >= 0 and _same_word(w, terms[focus])}
        _hold_translations(terms, focus, vocabulary, held, firm)
        if vocabulary and self.encoder is not None:
            similar = self._similar(spelled, contexts, terms, vocabulary)
            rows, cols = np.nonzero(similar >= COVER_SIMILARITY)  # every (word, term) pair at once
            for row, col in zip(rows.tolist(), cols.tolist(), strict=True):
                held[vocabulary[row]].add(col)
            if focus >= 0:
                firm.update(vocabulary[row] for row in np.nonzero(similar[:, focus] >= FIRM_SIMILARITY)[0].tolist())
        asked_values = _asked_values(folded, terms)
        out: list[frozenset[int]] = []
        holds: list[bool] = []
        for folded_context, found_words in folded_contexts:
            covered: set[int] = set()
            for word in found_words:
                covered |= held[word]
            valued: set[int] = set()
            for indexes, answer in asked_values:
                if answer.search(folded_context):
                    valued |= indexes
            out.append(frozenset(covered | valued))
            holds.append(focus < 0 or focus in valued or not firm.isdisjoint(found_words))
        return shares, out, holds

    def absent_terms(self, question: str, contexts: list[str], languages: Sequence[str] = (),
                     things: Sequence[int] = ()) -> list[int]:
        """The question's terms (indexes, as in `coverage`) that no context holds: not
        the same word, not a word ABSENT_SIMILARITY close, not the value the term asks
        for ("custa": a price). The words that only ask (_ASKING: "quem", "often",
        "menor") are never absent. None without the encoder: without it a translation
        cannot count as held."""
        spelled = spell_out(question)
        folded = fold(spelled)
        terms = _terms(folded)
        if not terms or not contexts or self.encoder is None:
            return []
        folded_contexts = [_context(c) for c in contexts]
        vocabulary = sorted(set().union(*(words for _, words in folded_contexts)))
        if not vocabulary:
            return []
        # A word of the question's own language close to a term is as often a sibling
        # ("completa" and "higiênica") as a synonym, which shares the term's stem or is in
        # the word list; a word of the other language that close is its translation
        # (ABSENT_SAME_LANGUAGE).
        own = detect_language(question, default="") if languages else ""
        own_words: set[str] = set()
        if own:
            own_words = own_words.union(*(words for (_, words), language
                                          in zip(folded_contexts, languages, strict=True) if language == own))
            # A word written with a capital inside ("iOS", "EV", "MPPT") is a name or an
            # acronym, of no language: it has no sibling of the question's language.
            own_words -= {w for c in contexts for w in _inner_capitals(c)}
        same = np.fromiter((w in own_words for w in vocabulary), dtype=bool, count=len(vocabulary))
        floor = np.where(same, ABSENT_SAME_LANGUAGE, ABSENT_SIMILARITY)[:, None]
        similar = self._similar(spelled, contexts, terms, vocabulary)
        close = np.asarray((similar >= floor).any(axis=0), dtype=bool).tolist()
        offered = np.where(same, OFFERED_SIMILARITY, ABSENT_SAME_LANGUAGE)
        for thing in things:
            close[thing] = bool((similar[:, thing] >= offered).any())
        by_stem = _by_stem(vocabulary)
        valued: set[int] = set()
        for indexes, answer in _asked_values(folded, terms):
            if any(answer.search(text) for text, _ in folded_contexts):
                valued |= indexes
        # A day is the names rule's (`named`): "quarta-feira" inside "segunda a sexta".
        days = _days(folded) | {"feira", "feiras"}
        return [i for i, term in enumerate(terms)
                if term not in _ASKING and term not in days and i not in valued and not close[i]
                and not any(_same_word(w, term) for w in vocabulary)
                and not _translated(term, by_stem)]

    def named(self, question: str, contexts: list[str], groups: Sequence[int], languages: Sequence[str] = ()
              ) -> tuple[list[frozenset[int]], frozenset[int]]:
        """For each context the question's names (term indexes, as in `coverage`) it
        names: the same word, a translation, a close spelling (NAME_SPELLING) or with the
        encoder a word NAME_SIMILARITY close; and the names an answer must name: those
        fewer than NAME_COMMON of the passages (group = a unit's passage) name."""
        spelled = spell_out(question)
        folded = fold(spelled)
        terms = _terms(folded)
        written = names(question)
        days = _days(folded)
        wanted = [i for i, term in enumerate(terms) if (term in written or term in days) and term not in _ASKING]
        thing, qualifier = _value_subject(folded, terms)
        subject = [i for i in thing if i not in wanted]
        # A qualifier is named on its own: "plano premium" is not held by "Plano Limpo".
        qualifiers = [i for i in qualifier if i not in wanted and i not in subject]
        wanted += subject + qualifiers
        if not wanted or not contexts:
            return [frozenset()] * len(contexts), frozenset()
        folded_contexts = [_context(c) for c in contexts]
        context_words = [words for _, words in folded_contexts]
        vocabulary = sorted(set().union(*context_words))
        close: dict[str, set[int]] = {w: set() for w in vocabulary}
        for i in wanted:
            for word in vocabulary:
                if _names_alike(word, terms[i]):
                    close[word].add(i)
        # A day is named by its own word or its translation only: to the encoder every
        # day of the week (and a holiday) is close to every other.
        by_encoder = [i for i in wanted if terms[i] not in days]
        if vocabulary and self.encoder is not None and by_encoder:
            similar = self._similar(spelled, contexts, terms, vocabulary)
            for column in by_encoder:
                for row in np.nonzero(similar[:, column] >= NAME_SIMILARITY)[0].tolist():
                    close[vocabulary[row]].add(column)
        # The thing a value question asks about is checked in the question's own language
        # only: across languages the encoder puts a word's loose synonyms ("internet",
        # "connection") below NAME_SIMILARITY, and the word list does not hold them all.
        own = detect_language(question, default="") if subject and languages else ""
        held: list[frozenset[int]] = []
        for text, words in folded_contexts:
            found: set[int] = set()
            for word in words:
                found |= close[word]
            found |= {i for i in wanted if terms[i] in days and (_in_range(terms[i], text)
                                                                  or _DAY_SHORT.get(terms[i], "") in words)}
            found |= set(subject) if not found.isdisjoint(subject) else set()
            held.append(frozenset(found))
        # Whether a name is common is counted before: a passage of the other language
        # does not make the thing asked about common.
        required = _uncommon(wanted, held, groups)
        # Qualifiers are looked for after Portuguese asking words only: the question is Portuguese.
        held = _other_language(_other_language(held, frozenset(subject), own, languages), frozenset(qualifiers), PT,
                               languages)
        return held, required

    def _similar(self, spelled: str, contexts: list[str], terms: list[str], vocabulary: list[str]
                 ) -> NDArray[np.float32]:
        """Cosine of each vocabulary word (rows) with each term (columns), both encoded
        as written (_surfaces)."""
        written: dict[str, str] = dict(_surfaces(spelled))
        for context in contexts:
            for word, surface in _surfaces(context):
                written.setdefault(word, surface)
        vectors = self._encode([written.get(w, w) for w in (*terms, *vocabulary)])
        return np.asarray(vectors[len(terms):] @ vectors[: len(terms)].T, dtype=np.float32)

    def rank(self, question: str, passages: Sequence[Passage], lead_passages: int = LEAD_PASSAGES) -> Selection:
        """The units ranked; with more than `lead_passages` passages (0: never), the first ones
        first, and the later ones only when one of their units reads closer to the question
        (LEAD_PASSAGES: Selection.lead and unread, the "lead" abstention rule)."""
        if not 0 < lead_passages < len(passages):
            return self._rank(question, passages, self._read(question, passages))
        first = self._read(question, passages[:lead_passages])
        lead = self._rank(question, passages[:lead_passages], first)
        if lead.ranked and not self._closer_later(question, lead.ranked[0], passages[lead_passages:]):
            return dataclasses.replace(lead, unread=len(passages) - lead_passages)
        later = self._read(question, passages[lead_passages:], lead_passages)
        read = later if first is None else first.then(later)
        return dataclasses.replace(self._rank(question, passages, read), lead=lead)

    def _closer_later(self, question: str, best: Scored, later: Sequence[Passage]) -> bool:
        """Whether a unit of the `later` passages reads closer to the question than `best`
        (the cosines `_read` compares); always without the encoder, which compares nothing."""
        texts = [unit.text for passage in later for unit in _units(passage.text, 0)]
        if self.encoder is None or not texts:
            return self.encoder is None
        cosines = self._cosines(spell_out(question), [best.unit.text, *texts])
        return max(cosines[1:]) >= cosines[0]

    def _rank(self, question: str, passages: Sequence[Passage], read: _Reading | None) -> Selection:
        """The units of `passages` ranked, from their reading (`_read`)."""
        features, shares, held, firm, absent, named, required, code_share = self._analyse(question, passages, read)
        unknown = bool(features) and all(values["code_missing"] for _, values in features)
        wanted = asked(fold(spell_out(question)))
        holds = [wanted.holds_values(_folded(unit.text)) for unit, _ in features]
        # A unit holding the value asked for answers the attribute too ("em que ano": 2014).
        scored = [Scored(unit, score(values), covered, attribute or (bool(wanted.values) and value), value, said,
                         values["coded"] > 0)
                  for (unit, values), covered, attribute, value, said
                  in zip(features, held, firm, holds, named, strict=True)]
        scored.sort(key=lambda s: (-s.score, s.unit.passage, s.unit.position))
        best_by_passage: dict[int, float] = {}
        for item in scored:
            best_by_passage.setdefault(item.unit.passage, item.score)
        order = sorted(range(len(passages)), key=lambda i: (-best_by_passage.get(i, -1.0), i))
        return Selection(tuple(scored), tuple(order), unknown, tuple(shares), _size_unknown(wanted, passages),
                         absent, required, code_share,
                         counts=counts_asked(_folded(question)) if wanted.values else ())

    def rank_now(self, question: str, passages: Sequence[Passage], max_chars: int = 12_000,
                 lead_passages: int = LEAD_PASSAGES) -> Selection | None:
        """`rank` when every vector it needs is cached and the passages are not long,
        so it takes well under two milliseconds; None when the encoder would have to
        run (or the passages are long): rank in a worker thread instead."""
        if sum(len(p.text) for p in passages) > max_chars:
            return None
        try:
            with cached_only():
                return self.rank(question, passages, lead_passages)
        except NotCached:
            return None

    def _encode(self, texts: list[str]) -> NDArray[np.float32]:
        assert self.vectors is not None  # callers check self.encoder first
        return self.vectors.encode(texts)

    def _cosines(self, question: str, texts: list[str]) -> list[float]:
        if self.encoder is None:
            return [0.0] * len(texts)
        vectors = self._encode([question[:400], *[t[:400] for t in texts]])
        q = vectors[0]
        values = vectors[1:] @ q
        return [float(v) for v in np.asarray(values, dtype=np.float32)]

    def answer(self, selection: Selection, floor: float | None = None) -> list[Scored]:
        """The units to quote (best first, at most MAX_UNITS), or [] when an abstention
        rule holds (`withheld_by`). A lower unit does not stand in for a best one that does not
        answer: on the dev questions that answered more questions the KB cannot
        answer than ones it can."""
        if self._withheld(selection, floor, self._deciding(selection)):
            return []
        return self.quoted(selection)

    def _unanswered(self, selection: Selection, chosen: Sequence[Scored]) -> list[str]:
        """The rules by which the chosen units (the lead first) do not answer the question,
        by name (ABSTENTION_RULES). What it asks about must be in the lead's passage's
        quoted units: two passages each holding half of it do not answer it together. A
        sentence that names the product but not the attribute asked about ("qual a marca"),
        or holds no value of the kind asked for (a price, a duration), talks about the
        question without answering it."""
        own = [c for c in chosen if c.unit.passage == chosen[0].unit.passage]
        named: set[int] = set()
        for item in own:
            named |= item.named
        failed = [
            ("gap", selection.gap(own) >= self.max_gap),
            ("attribute", not any(c.attribute for c in own)),
            ("code", not any(c.coded for c in own)),
            ("value", not any(c.values for c in chosen)),
            ("name", not selection.names <= named),
            ("range", _beyond(selection.counts, chosen, selection.ranked)),
        ]
        return [rule for rule, fails in failed if fails]

    def quoted(self, selection: Selection) -> list[Scored]:
        """The units an answer would quote, before any abstention rule (see `_around`)."""
        if not selection.ranked:
            return []
        return self._around(selection, MAX_UNITS, MAX_ANSWER_CHARS, self._deciding(selection))

    def _deciding(self, selection: Selection) -> list[Scored]:
        """The first units of `quoted`, those the abstention rules judge."""
        return self._around(selection, DECIDING_UNITS, DECIDING_CHARS) if selection.ranked else []

    def withheld_by(self, selection: Selection, floor: float | None = None) -> list[str]:
        """Every abstention rule the selection trips, by name (ABSTENTION_RULES): [] exactly
        when `answer` quotes its units, which it decides by these rules. It names them all,
        to say why an answer was withheld (tools/answer_losses.py)."""
        return self._withheld(selection, floor, self._deciding(selection))

    def _withheld(self, selection: Selection, floor: float | None, chosen: Sequence[Scored]) -> list[str]:
        floor = self.answer_floor if floor is None else floor
        if not chosen:
            return ["nothing"]
        found = [rule for rule, trips in (
            ("floor", selection.best < floor),
            ("unknown_code", selection.names_unknown),
            ("unknown_size", selection.size_unknown),
            ("absent_word", selection.absent >= ABSENT_SHARE),
        ) if trips]
        found += self._unanswered(selection, chosen)
        lead = selection.lead
        if lead is not None and self._withheld(lead, floor, self._deciding(lead)):
            found.append("lead")
        return found

    @staticmethod
    def _around(selection: Selection, max_units: int, max_chars: int, given: Sequence[Scored] = ()
                ) -> list[Scored]:
        """The lead (the best unit) and the units after it in the ranking that score
        close to it; when none does, the one after it in its passage (the steps after
        "error E21 means...") fills the second place. `given`: units already chosen
        (the lead first), which more are added to."""
        lead = selection.ranked[0]
        chosen = list(given) or [lead]
        texts = {item.unit.text for item in chosen}
        size = sum(len(text) for text in texts)
        for item in selection.ranked[1:]:
            if len(chosen) >= max_units or item.score < lead.score * SECOND_SHARE:
                break
            if item.unit.text in texts or size + len(item.unit.text) > max_chars:
                continue
            chosen.append(item)
            texts.add(item.unit.text)
            size += len(item.unit.text)
        if len(chosen) == 1 and max_units > 1:
            following = next((item for item in selection.ranked if item.unit.passage == lead.unit.passage
                              and item.unit.position == lead.unit.position + 1), None)
            if following is not None and size + len(following.unit.text) <= max_chars:
                chosen.append(following)
        return chosen


# A question that asks for a value of a thing ("quanto tempo leva a homologação", "how
# much is the X", "qual o prazo de Y") names that thing right after the asking words:
# the sentence that gives the value must name it too (the names rule, `named`), or it
# gives the value of something else of the same kind: a warranty's years for an install
# time, one plan's price for another's. Folded, after spell_out.
_VALUE_SUBJECT = re.compile(
    r"\b(?:quanto tempo (?:leva|levam|demora|demoram|dura|duram)|(?:qual|quais) (?:e )?(?:o |os )?prazos? "
    r"(?:de|do|da|dos|das|pra|para)|quanto (?:custa|custam|sai|saem|cobram?)"
    r"|(?:qual|quais) (?:e )?(?:o |os )?(?:precos?|valor|valores) (?:de|do|da|dos|das)"
    r"|how long (?:does|do|will|would|did|is|are)(?: it take to)?|how much (?:is|are|does|do|for|will)"
    r"|how much to)\b(?P<rest>(?: [^\W_]+(?:-[^\W_]+)*){1,5})")
# Words that carry no subject of their own after the asking words.
_SUBJECTLESS = frozenset("""get getting have ter fazer make cost costs charge take takes one each every single
    ano anos mes meses year years month months dia dias day days extra extras free new novo nova additional
    adicional mensal mensais anual anuais semanal diario diaria monthly yearly annual weekly daily
    tudo todo toda everything all isso isto this that""".split())
# A verb names no thing: "quanto custa receber a fatura" asks about the bill, "how long does
# it take to install the X" about the X. A Portuguese infinitive, or a word after "to"/"pra".
_INFINITIVE = re.compile(r"[a-z]{3,}(?:ar|er|ir)")
_SUBJECT_STOPS = frozenset("por per if se caso when quando".split())
_BEFORE_VERB = frozenset("to para pra you we they i it voces vcs".split())  # "how long do you keep"
_NOT_VERBS = frozenset("solar celular lugar familiar titular particular regular similar".split())


def _value_subject(folded_question: str, terms: Sequence[str]) -> tuple[list[int], list[int]]:
    """The terms (indexes, as in `_terms`) a value question asks the value of: the first
    content word after the asking words, and when that is a verb the word after it too
    (either names the thing: "liberar a net" is held by "liberada"); and apart, in
    Portuguese, the word right after the thing, maybe through "de", when it qualifies it
    ("plano premium", "taxa de religação": another plan's price is no answer; an English
    qualifier comes first and is the thing's word already). None when the question asks
    no such thing or the words after it are a condition ("if", "se")."""
    found = _VALUE_SUBJECT.search(folded_question)
    if not found:
        return [], []
    out: list[int] = []
    rest = found.group("rest").split()
    before = found.group(0).split()[0 - len(rest) - 1]  # "... take to"
    for position, word in enumerate(rest):
        if word in _SUBJECT_STOPS:  # "quanto sai por mês", "how much do I pay if ...": no subject
            return [], []
        verb = before in _BEFORE_VERB or (_INFINITIVE.fullmatch(word) is not None and word not in _NOT_VERBS)
        before = word
        if word in terms and word not in _ASKING and word not in _SUBJECTLESS:
            out.append(terms.index(word))
            if not verb:
                after = [w for w in rest[position + 1:position + 3] if w not in _OF][:1]  # "taxa de religação"
                following = after[0] if after else ""
                portuguese = found.group(0).startswith(("quanto", "qual", "quais"))
                return out, [terms.index(following)] if portuguese and _qualifies(following, terms) else []
    return [], []


def _qualifies(word: str, terms: Sequence[str]) -> bool:
    """Whether a word right after a value question's thing is a content word that may
    qualify it (not a verb, not a word that carries no subject)."""
    return (word in terms and word not in _ASKING and word not in _SUBJECTLESS
            and (_INFINITIVE.fullmatch(word) is None or word in _NOT_VERBS))


_OFFERED = re.compile(r"\b(?:instalam|instala|vendem|vende|trabalham com|trabalha com|oferecem|oferece|aceitam|aceita|"
                      r"montam|monta|fornecem|fornece|fazem|fabricam|constroem|sell|install|offer|accept|carry|provide|"
                      r"build|make|pagar (?:no|na|com|em|via|pelo|pela)|pay (?:with|by|in|via)|"
                      r"(?:voces|vc|voce) (?:tem|tambem tem|possuem|oferecem)(?! (?:como|que|q)\b)|do you (?:have|offer))\s+"
                      r"(?:(?:o|a|os|as|um|uma|uns|umas|the|an|any|some)\s+)?([^\W\d_]+)")


def _offered(folded_question: str, terms: Sequence[str]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """For a yes/no question that asks whether the business offers a thing ("vcs
    instalam aquecedor solar?", "do you sell RV panels?"), the terms (indexes, as in
    `_terms`) of the words that ask ("instalam", "sell"), and those that name the thing
    with up to two words right after it that qualify it ("cartão hipercard", "bicicleta
    elétrica dobrável"); both empty for any other question."""
    found = _OFFERED.search(folded_question)
    if found is None or found.group(1) not in terms:
        return (), ()
    frame = tuple(terms.index(word) for word in _TOKEN.findall(folded_question[found.start():found.start(1)])
                  if word in terms)
    things = [terms.index(found.group(1))]
    for word in _TOKEN.findall(folded_question[found.end():])[:2]:
        if not _qualifies(word, terms):
            break
        things.append(terms.index(word))
    return frame, tuple(things)


# Words between a thing and what qualifies it ("cartão de débito"), folded.
_OF = frozenset("de do da dos das of".split())


def _sibling(folded_question: str, terms: Sequence[str], missing: Sequence[int], folded_contexts: Sequence[str]
             ) -> bool:
    """Whether the question's last term, which no passage holds (`missing`), qualifies a
    thing the passages name with another qualifier: "X de Y" where a passage has "X de
    Z" ("cartão de débito" over "cartão de crédito"). A sibling of what the passages
    describe, whatever its share of the question. Only the last term and only through
    "de": a word right after a noun, or inside the question, is as often a verb
    ("a fidelidade recomeça?", "cobre estrago de raio") as a qualifier."""
    if not terms or len(terms) - 1 not in missing or _INFINITIVE.fullmatch(terms[-1]):
        return False
    tokens = _TOKEN.findall(folded_question)
    last = max(i for i, token in enumerate(tokens) if token == terms[-1])
    if last < 2 or tokens[last - 1] not in _OF:
        return False
    head = tokens[last - 2]
    if head not in terms or terms.index(head) in missing or head in _ASKING:
        return False
    return any(_qualified_otherwise(head, terms[-1], text) for text in folded_contexts)


def _qualified_otherwise(head: str, qualifier: str, folded_context: str) -> bool:
    """Whether a context has `head`'s word, "de", and a content word that is not `qualifier`."""
    tokens = _TOKEN.findall(folded_context)
    for word, of, following in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if (of in _OF and _same_word(word, head) and following.isalpha() and len(following) >= 3
                and following not in STOPWORDS and not _same_word(following, qualifier)):
            return True
    return False


def _other_language(held: list[frozenset[int]], subject: frozenset[int], own: str, languages: Sequence[str]
                    ) -> list[frozenset[int]]:
    """The contexts' names, with the thing a value question asks about held by every
    context of a language other than the question's (`own`; none when empty)."""
    if not own or not subject:
        return held
    return [h | subject if language != own else h for h, language in zip(held, languages, strict=True)]


def _uncommon(wanted: Sequence[int], held: Sequence[frozenset[int]], groups: Sequence[int]) -> frozenset[int]:
    """The names (`wanted`) fewer than NAME_COMMON of the passages name (group = a
    unit's passage, `held` the names each unit's context names)."""
    by_passage: dict[int, set[int]] = {}
    for group, found in zip(groups, held, strict=True):
        by_passage.setdefault(group, set()).update(found)
    return frozenset(i for i in wanted
                     if sum(1 for found in by_passage.values() if i in found) < NAME_COMMON * len(by_passage))


# Days a question may ask about, folded: a day has no synonym, and the encoder puts every
# day (and a holiday) close to every other, so "abre domingo?" over the opening hours of
# Monday to Saturday reads as answered. The working days only with "feira" ("segunda
# via" is a copy of a bill); English days are names already (capitalised).
_DAYS = frozenset("domingo domingos sabado sabados feriado feriados sunday sundays saturday saturdays "
                  "holiday holidays".split())
_WEEKDAYS = ("segunda", "terca", "quarta", "quinta", "sexta")
_WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday")
_DAY_WORDS = _DAYS | frozenset(_WEEKDAYS_EN) | frozenset(d + "s" for d in _WEEKDAYS_EN)
# A day as a timetable abbreviates it ("sáb., 8h às 12h", "Sat 9am-1pm").
_DAY_SHORT = {"sabado": "sab", "sabados": "sab", "domingo": "dom", "domingos": "dom", "saturday": "sat",
              "saturdays": "sat", "sunday": "sun", "sundays": "sun", "segunda": "seg", "terca": "ter", "quarta": "qua",
              "quinta": "qui", "sexta": "sex", "monday": "mon", "tuesday": "tue", "wednesday": "wed", "thursday": "thu",
              "friday": "fri"}
_WORKING_WEEK = re.compile(r"\b(?:segunda|monday)s?\b[^.;]{0,20}?\b(?:a|to|until|through|-)\s+(?:sexta|friday)s?\b")


def _days(folded_question: str) -> frozenset[str]:
    """The days a folded question names."""
    words = set(_TOKEN.findall(folded_question))
    found = words & _DAY_WORDS
    if "feira" in words or "feiras" in words:
        found |= words & set(_WEEKDAYS)
    return frozenset(found)


# Every day of the week (not a holiday, which a text names when it counts it in).
_EVERY_DAY = re.compile(r"\b(?:todos os dias|todo dia|diariamente|7 dias por semana|sete dias por semana|"
                        r"every day|daily|7 days a week|seven days a week|24/7)\b")


def _in_range(day: str, folded_text: str) -> bool:
    """A day the text names by a range: "segunda a sexta", "Monday to Friday" (a working
    day), "todos os dias", "7 days a week" (any day but a holiday)."""
    if day.startswith(("feriado", "holiday")):
        return False
    if _EVERY_DAY.search(folded_text):
        return True
    working = day in _WEEKDAYS or day.rstrip("s") in _WEEKDAYS_EN
    return working and _WORKING_WEEK.search(folded_text) is not None


# A number that names a model or a plan ("kit brisa 5.5", "Empresa 1200", "vetor 400"):
# after a word the passages put before a number too (a model line: "Kit Brisa 3.3",
# "Vetor 300"), and before no unit (a "500 mega" plan is a size, asking.names_size; "5
# meses" is the customer's own figure).
_UNITS_AFTER = (r"mega|megas|giga|gigas|gb|mb|mbps|gbps|tb|kwp|kw|kwh|mwh|wp|w|v|va|kva|a|ah|mm|cm|m|m2|km|kg|g|h|"
                r"dias?|horas?|mes|meses|anos?|minutos?|min|segundos?|semanas?|days?|hours?|months?|years?|"
                r"minutes?|weeks?|vezes|x|parcelas?|reais|pontos?|linhas?|telas?|canais|aparelhos|devices|points?|"
                r"lines?|screens?|channels|paineis|placas|panels|baterias|batteries|metros?|meters?|metres?|ciclos|"
                r"cycles|graus|degrees|mil|thousand|por cento|percent")
_MODEL_NUMBER = re.compile(rf"\b([a-z]{{2,}})\s+(\d+(?:[.,]\d+)?)(?![\d.,]*\s*(?:(?:{_UNITS_AFTER})\b|[%$\u00ba\u00aa/]))")
_SERIES = re.compile(r"\b([a-z]{2,})\s+\d")
# Term indexes are small; a model number's index in Scored.named / Selection.names is past them.
_MODEL_INDEX = 1000


@functools.lru_cache(maxsize=4096)
def _series(text: str) -> frozenset[str]:
    """The folded words a text puts before a number ("brisa" of "Kit Brisa 3.3")."""
    return frozenset(_SERIES.findall(fold(text)))


def _model_numbers(folded_question: str, passages: Sequence[Passage]) -> tuple[str, ...]:
    """The numbers a folded question uses as a model's or a plan's (see _MODEL_NUMBER)."""
    found = _MODEL_NUMBER.findall(folded_question)
    if not found:
        return ()
    series: set[str] = set()
    for passage in passages:
        series |= _series(f"{passage.title} {passage.section}\n{passage.text}")
    return tuple(dict.fromkeys(number.replace(",", ".") for word, number in found
                               if word in series and word not in STOPWORDS))


def _with_models(models: Sequence[str], contexts: Sequence[str], named: list[frozenset[int]],
                 required: frozenset[int]) -> tuple[list[frozenset[int]], frozenset[int]]:
    """The question's model numbers join its names: an answer must name the model it
    asks about ("quanto pesa o kit brisa 5.5" over the weight of the 3.3 kit's panels,
    under the 3.3's heading, does not answer)."""
    if not models or not contexts:
        return named, required
    held = [frozenset(_MODEL_INDEX + k for k, number in enumerate(models) if number in _numbers(context))
            for context in contexts]
    # Unlike a name, a model number most passages hold still picks the sentence that
    # answers: the search brings the passages that hold it because the question names it.
    return [a | b for a, b in zip(named, held, strict=True)], required | {_MODEL_INDEX + k for k in range(len(models))}


@functools.lru_cache(maxsize=65536)
def _names_alike(word: str, name: str) -> bool:
    """Whether a folded word is a folded name without the encoder: the same word, a
    translation (atende_guardrails/bilingual.py) or a close spelling (NAME_SPELLING).
    Asked for every word of every passage a turn quotes, so the spelling check tries
    difflib's cheap upper bounds before the full ratio (about 4 % of agent_svc's CPU)."""
    if _same_word(word, name):
        return True
    lexicon = bilingual()
    if any(_same_word(word, t) for t in (*lexicon.translations(name, EN), *lexicon.translations(name, PT))):
        return True
    if min(len(word), len(name)) < 5:
        return False
    matcher = difflib.SequenceMatcher(None, word, name)
    return (matcher.real_quick_ratio() >= NAME_SPELLING and matcher.quick_ratio() >= NAME_SPELLING
            and matcher.ratio() >= NAME_SPELLING)


def _heading(passage: Passage) -> str:
    """The passage's title and the heading it sits under: what its units talk about
    without repeating it (the product of a list of specifications, an FAQ's question)."""
    if not passage.section or passage.section == passage.title:
        return passage.title
    return f"{passage.title} {passage.section}"


def _beyond(counts: Sequence[tuple[float, str]], chosen: Sequence[Scored], ranked: Sequence[Scored]) -> bool:
    """A count the question asks a value at lies beyond every range the chosen units give for it, and no retrieved
    passage prices anything past those ranges (agent_svc.ranges)."""
    if not counts:
        return False
    text = _folded(" ".join(item.unit.text for item in chosen))
    context = _folded(" ".join(item.unit.text for item in ranked))
    return any(beyond_ranges(text, count, unit, context) for count, unit in counts)


def _size_unknown(wanted: Asked, passages: Sequence[Passage]) -> bool:
    """The question names a product size ("plano de 2 giga") that no passage names."""
    if not wanted.sizes or not passages:
        return False
    text = " ".join(_folded(f"{p.title} {p.text}") for p in passages)
    return not all(names_size(text, size) for size in wanted.sizes)


def passage_language(passage: Passage) -> str:
    return _language(passage.text)


@functools.lru_cache(maxsize=4096)
def _language(text: str) -> str:
    return detect_language(text, default="")
