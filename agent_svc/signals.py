"""What a customer's words say beyond their content: BANT slots and contact details
(sales), mood and a wish to talk to a person (support), a meeting and its time.
Portuguese and English; deterministic, so every provider gets the same facts."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agent_svc.config import ScoringRules
from agent_svc.domain import BANT_SLOTS, Bant, LeadState
from atende_guardrails.text import fold

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_PHONE = re.compile(r"(?<![\w@])(?:\+\d{1,3}[\s.-]?)?\(?\d{2}\)?[\s.-]?9?\d{4}[\s.-]?\d{4}\b")
_NAME_WORD = r"[A-ZÀ-Ý][a-zà-ÿ'\u2019-]+"
_NAME = re.compile(
    rf"(?i:meu nome [ée]|me chamo|aqui [ée] (?:o |a )?|sou (?:o |a )|my name is|this is|i am|i'm|name's)\s*"
    rf"({_NAME_WORD}(?:\s+(?:d[aeo]s?\s+)?{_NAME_WORD}){{0,3}})"
)
_NOT_NAMES = {
    "dono", "dona", "diretor", "diretora", "gerente", "responsavel", "socio", "socia", "owner", "ceo", "cfo", "cto",
    "manager", "director", "founder", "interested", "looking", "from", "the", "not", "here", "sorry",
}
_COMPANY = re.compile(
    r"(?:(?:da|na|pela) empresa|(?:trabalho|estou) (?:na|no|em|pela|pelo)|minha empresa (?:[ée]|se chama)|empresa chamada|"
    r"represento (?:a|o)|my company is|company called|i work (?:at|for)|i'm (?:from|with)|we are|we're)\s+"
    r"((?:[A-ZÀ-Ý0-9][\w&'-]*(?:\.[\w&'-]+)*)(?:\s+[A-ZÀ-Ý0-9][\w&'-]*(?:\.[\w&'-]+)*){0,3})"
)
_MONEY = re.compile(
    r"(?:R\$|US\$|U\$|\$|€|£)\s?\d[\d.,]*(?:\s?(?:mil|k|mi|milh[õo]es|thousand|million))?"
    r"|\b\d[\d.,]*\s?(?:mil|k|reais|d[óo]lares|dollars|euros|thousand|million)\b",
    re.I,
)
_NO_BUDGET = re.compile(
    r"\b(n[ãa]o (tenho|temos) (um )?or[çc]amento|sem or[çc]amento|or[çc]amento (ainda )?n[ãa]o (est[áa] )?definido|"
    r"no budget|budget (is )?(not|isn't) (set|defined)|don'?t have a budget)\b",
    re.I,
)
_AUTHORITY = re.compile(
    r"\b(sou (?:o |a )?(?:dono|dona|s[óo]ci[oa]|diretor[a]?|gerente|ceo|cfo|cto|respons[áa]vel|fundador[a]?|propriet[áa]ri[oa])"
    r"(?:\s+d[aeo]\s+\w+)?|eu (?:mesm[oa] )?(?:que )?decido|(?:s[óo]|apenas) eu decido|decido sozinh[oa]|"
    r"(?:preciso|precisa|precisamos) (?:de )?(?:aprova[çc][ãa]o|aval)(?: d[aeo] [\w ]{2,30})?|"
    r"(?:meu|minha|nosso|nossa) (?:chefe|s[óo]ci[oa]|gerente|diretor[a]?|diretoria|conselho) (?:decide|aprova|que decide)|"
    r"i'?m the (?:owner|ceo|cfo|cto|founder|director|manager|decision[- ]maker)|i (?:make the decision|decide)|"
    r"(?:need|needs) (?:approval|sign-off) from [\w ]{2,30}|my (?:boss|manager|partner|board) (?:decides|approves))\b",
    re.I,
)
_ALONE = re.compile(r"^\s*(s[óo] eu|apenas eu|somente eu|eu mesm[oa]|eu|just me|only me|me|myself|i do)\s*[.!]?\s*$", re.I)
_NEED = re.compile(
    r"\b(?:preciso (?:de )?|precisamos (?:de )?|quero |queremos |estou procurando |procuro |gostaria de |"
    r"tenho interesse em |interesse em |nosso problema [ée] |meu problema [ée] |"
    r"i need |we need |i'?m looking for |we'?re looking for |looking for |i want |we want |interested in |"
    r"our problem is |my problem is )([^.!?\n]{3,160})",
    re.I,
)
_NOT_NEEDS = re.compile(
    r"^(saber|ver|falar|entender|perguntar|uma pessoa|um humano|um atendente|know|ask|talk|speak|a human|a person)\b", re.I
)
_TIMELINE = re.compile(
    r"\b(hoje|amanh[ãa]|essa semana|esta semana|semana que vem|pr[óo]xima semana|este m[êe]s|esse m[êe]s|m[êe]s que vem|"
    r"pr[óo]ximo m[êe]s|(?:em|dentro de) (?:\d+|um|uma|dois|duas|tr[êe]s) (?:dias?|semanas?|m[êe]s(?:es)?)|"
    r"at[ée] (?:o )?(?:fim|final) d[oe] (?:m[êe]s|ano|semestre|trimestre)|urgente|urg[êe]ncia|imediatamente|o quanto antes|"
    r"sem pressa|ano que vem|pr[óo]ximo ano|today|tomorrow|this week|next week|this month|next month|"
    r"in (?:\d+|a|one|two|three) (?:days?|weeks?|months?)|by (?:the )?end of (?:the )?(?:month|year|quarter)|"
    r"urgent(?:ly)?|asap|right away|no rush|next year|q[1-4])\b",
    re.I,
)
_MEETING = re.compile(
    r"\b(reuni[ãa]o|agendar|agende|marcar|marque|conversa com (?:um|o) consultor|liga[çc][ãa]o|me ligue|call|"
    r"demo|demonstra[çc][ãa]o|meeting|schedule|book a)\b",
    re.I,
)
_HUMAN = re.compile(
    r"\b((falar|conversar) com (um|uma|o|a)? ?(humano|pessoa|atendente|gerente|supervisor[a]?|algu[ée]m de verdade)|"
    r"atendente humano|atendimento humano|quero um humano|me transfere|transfira|transferir para|"
    r"(talk|speak|chat) (to|with) (a |an |the )?(human|person|agent|manager|supervisor|someone real|real person)|"
    r"human agent|real person|representative)\b",
    re.I,
)
_ANGRY_STRONG = re.compile(
    r"\b(procon|reclame aqui|processar|advogado|golpe|fraude|palha[çc]ada|vergonha|inaceit[áa]vel|absurdo|rid[íi]culo|"
    r"p[ée]ssimo|horr[íi]vel|furios[oa]|revoltad[oa]|nunca mais|lawyer|sue you|lawsuit|scam|fraud|unacceptable|"
    r"ridiculous|terrible|awful|furious|worst|disgusting|outrageous)\b",
    re.I,
)
_ANGRY_MILD = re.compile(
    r"\b(irritad[oa]|chatead[oa]|cansad[oa] de|insatisfeit[oa]|decepcionad[oa]|de novo|outra vez|ningu[ée]m resolve|"
    r"frustrad[oa]|annoyed|frustrated|upset|disappointed|again|still not|nobody helps|fed up)\b",
    re.I,
)
_TOXIC = re.compile(r"\b(merda|porra|caralho|idiota|lixo|fuck\w*|shit|crap|idiot|useless)\b", re.I)

_WEEKDAYS = {
    "segunda": 0, "terca": 1, "quarta": 2, "quinta": 3, "sexta": 4, "sabado": 5, "domingo": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
_HOUR = re.compile(
    r"(?:\b(?:[àa]s|as|at|@)\s*(\d{1,2})(?:[:h](\d{2}))?\s*(am|pm|h|horas)?\b)|(?:\b(\d{1,2})(?:[:h](\d{2}))?\s*(am|pm|h)\b)",
    re.I,
)
_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\b")


@dataclass(frozen=True)
class Contact:
    name: str = ""
    email: str = ""
    phone: str = ""
    company: str = ""


def extract_contact(text: str) -> Contact:
    email = _EMAIL.search(text)
    phone = next((m for m in _PHONE.finditer(text) if 10 <= sum(c.isdigit() for c in m.group()) <= 15), None)
    name = ""
    for match in _NAME.finditer(text):
        candidate = match.group(1).strip()
        if fold(candidate.split()[0]) not in _NOT_NAMES:
            name = candidate
            break
    company = _COMPANY.search(text)
    return Contact(
        name=name,
        email=email.group().lower() if email else "",
        phone=phone.group().strip() if phone else "",
        company=company.group(1).strip(" .,") if company else "",
    )


def _clause(text: str, limit: int = 160) -> str:
    return re.sub(r"\s+", " ", text).strip(" .,;:!?")[:limit]


def extract_bant(text: str, expected: str = "") -> Bant:
    """Slots the text states; `expected` is the slot our previous message asked for,
    so a short answer ("só eu", "next month") fills it."""
    stated = Bant(budget=_budget(text), authority=_authority(text, expected), need=_need(text), timeline=_timeline(text))
    return _answer_to(expected, text, stated)


def _budget(text: str) -> str:
    money = _MONEY.search(text)
    if money:
        return _clause(money.group())
    return "not defined yet" if _NO_BUDGET.search(text) else ""


def _authority(text: str, expected: str) -> str:
    found = _AUTHORITY.search(text)
    if found:
        return _clause(found.group())
    return "decides alone" if expected == "authority" and _ALONE.match(text) else ""


def _need(text: str) -> str:
    wanted = _NEED.search(text)
    if wanted and not _NOT_NEEDS.match(wanted.group(1)) and not _MEETING.search(wanted.group(1)):
        return _clause(wanted.group(0))
    return ""


def _timeline(text: str) -> str:
    when = _TIMELINE.search(text)
    return _clause(when.group()) if when else ""


def _answer_to(expected: str, text: str, stated: Bant) -> Bant:
    """The whole text fills the slot we asked for when no pattern did, unless it is
    small talk (or, for a budget, has no figure)."""
    free = _clause(text, 200)
    if expected not in BANT_SLOTS or getattr(stated, expected) or not free or is_small_talk(text):
        return stated
    if (expected == "need" and len(free) <= 3) or (expected == "budget" and not re.search(r"\d", free)):
        return stated
    return replace(stated, **{expected: free})


def is_small_talk(text: str) -> bool:
    return bool(re.match(r"^\s*(oi|ol[áa]|ok|obrigad[oa]|valeu|hi|hello|thanks|thank you|hmm|sim|n[ãa]o|yes|no)\W*$", text, re.I))


def wants_meeting(text: str) -> bool:
    return bool(_MEETING.search(text))


def wants_human(text: str) -> bool:
    return bool(_HUMAN.search(text))


def sentiment(text: str) -> tuple[str, int]:
    """("angry" | "negative" | "neutral", signal count)."""
    signals = 2 * len(_ANGRY_STRONG.findall(text)) + len(_ANGRY_MILD.findall(text)) + 2 * len(_TOXIC.findall(text))
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) > 0.7:
        signals += 2
    if "!!" in text:
        signals += 1
    if signals >= 2:
        return "angry", signals
    if signals == 1:
        return "negative", signals
    return "neutral", 0


def lead_score(lead: LeadState, rules: ScoringRules, texts: list[str]) -> int:
    points = rules.points
    score = sum(points.get(slot, 0) for slot in lead.bant.filled())
    score += sum(points.get(name, 0) for name in lead.contact())
    joined = "\n".join(texts)
    score += sum(bonus.points for bonus in rules.bonuses if bonus.pattern.search(joined))
    return max(0, min(100, score))


def zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        from datetime import timezone

        return timezone(timedelta(hours=-3), "BRT")


@dataclass(frozen=True)
class MeetingTime:
    start: datetime
    said: str


def parse_meeting_time(text: str, now: datetime, tz: tzinfo) -> MeetingTime | None:
    """"amanhã às 10h", "sexta 14:30", "tomorrow at 3pm", "12/03 às 9h": a time in the
    future, read in the business's time zone. None when no hour is given."""
    folded = fold(text)
    hour_match = _HOUR.search(folded)
    if hour_match is None:
        return None
    clock = _clock(hour_match)
    if clock is None:
        return None
    local_now = now.astimezone(tz)
    try:
        day = _named_day(folded, local_now.date())
    except ValueError:  # a date that does not exist, such as 31/02
        return None
    if day is None:  # the next time the clock shows that hour
        day = local_now.date() + timedelta(days=0 if clock > local_now.time() else 1)
    start = datetime.combine(day, clock, tzinfo=tz)
    if start <= local_now:
        return None
    return MeetingTime(start, _said(text, hour_match))


def _clock(hour_match: re.Match[str]) -> time | None:
    """The time of day an _HOUR match names (12-hour clock read with its am/pm)."""
    groups = hour_match.groups()
    hour_s, minute_s, suffix = (groups[0], groups[1], groups[2]) if groups[0] else (groups[3], groups[4], groups[5])
    hour, minute = int(hour_s), int(minute_s or 0)
    suffix = (suffix or "").lower()
    if suffix == "pm" and hour < 12:
        hour += 12
    if suffix == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _named_day(folded: str, today: date) -> date | None:
    """The day the (folded) text names: a relative word, a dd/mm[/yy] date or a weekday.
    Raises ValueError for a date that does not exist."""
    if "depois de amanha" in folded or "day after tomorrow" in folded:
        return today + timedelta(days=2)
    if "amanha" in folded or "tomorrow" in folded:
        return today + timedelta(days=1)
    if "hoje" in folded or "today" in folded:
        return today
    explicit = _DATE.search(folded)
    if explicit:
        d, m, y = int(explicit.group(1)), int(explicit.group(2)), explicit.group(3)
        year = (int(y) + 2000 if len(y) == 2 else int(y)) if y else today.year
        day = date(year, m, d)
        # Without a year, a day already past this year is next year's.
        return date(year + 1, m, d) if not y and day < today else day
    for word, weekday in _WEEKDAYS.items():
        if re.search(rf"\b{word}", folded):
            return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
    return None


def _said(text: str, hour_match: re.Match[str]) -> str:
    """The customer's own words for the day and the hour, for the meeting request."""
    said = text[hour_match.start() : hour_match.end()].strip()
    day_words = re.search(r"\b(depois de amanh[ãa]|amanh[ãa]|hoje|day after tomorrow|tomorrow|today|\d{1,2}/\d{1,2}(?:/\d{2,4})?|"
                          r"segunda|ter[çc]a|quarta|quinta|sexta|s[áa]bado|domingo|monday|tuesday|wednesday|thursday|friday|"
                          r"saturday|sunday)", text, re.I)
    return f"{day_words.group() + ' ' if day_words else ''}{said}"
