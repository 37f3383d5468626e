"""Policy compliance: the business's rules for what a reply may say."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from atende_guardrails.base import Finding, GuardContext
from atende_guardrails.normalize import normalize
from atende_guardrails.text import split_sentences


class PolicyCheck:
    """The business's rules from configuration: no discount above a limit (unless the
    business publishes it: the same rate beside a discount word in the passages the
    reply is grounded on, such as a partner programme's 18 %), no legal or medical
    advice, no disparaging a competitor, no forbidden phrase; and always
    (unless switched off) no promise only the business can make ("guaranteed
    refund"), no leak of the agent's instructions or of a provider key."""

    name = "policy"

    _DISCOUNT_CUE = re.compile(r"\b(?:desconto|descontos|discount|discounts|off|abatimento|reducao|abaixo|promocao|promo"
                               r"|cashback|"
                               r"rebate|mais barato|cheaper|less|a menos|de reducao)\b")
    _PERCENT = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*(?:%|por cento|porcento|percent|pct)")
    _HALF = re.compile(r"\b(?:metade do preco|pela metade|half price|half off|half the price|50 50)\b")
    _LEGAL = re.compile(
        r"\b(?:(?:voce|you)\s+(?:deve|deveria|pode|poderia|tem o direito de|should|could|can|have the right to)\s+"
        r"(?:processar|processa|sue|entrar com (?:uma )?(?:acao|processo)|file a (?:lawsuit|claim|complaint in court)|"
        r"take legal action|acionar (?:a|o) (?:justica|juizado|procon))|"
        r"(?:entre|entrar|entra) com (?:uma )?acao (?:judicial|na justica|contra)|"
        r"(?:isso|isto|this|that) (?:e|is|configura|constitutes) (?:ilegal|illegal|crime|a crime|fraude|fraud|abusiv[oa])|"
        r"(?:voce|you) (?:ganharia|ganha|venceria|would win|will win|have a strong case|tem um caso forte)|"
        r"(?:tem|has|have) direito a (?:indenizacao|danos morais)|(?:entitled to|eligible for) (?:compensation|damages)|"
        r"(?:legally|juridicamente|legalmente),? (?:voce|you)|(?:segundo|de acordo com|according to|under) (?:a"
        r"|the)? ?lei\b.{0,60}"
        r"(?:voce|you) (?:pode|deve|can|should))"
    )
    _MEDICAL = re.compile(
        r"\b(?:(?:tome|tomar|take|use|usar)\s+\d+\s*(?:mg|ml|comprimidos?|capsulas?|gotas|pills?|tablets?|capsules?|drops)|"
        r"(?:dosagem|dosage|posologia|dose) (?:de|of|recomendada|recommended)|"
        r"(?:voce|you) (?:deve|deveria|should|must|need to|precisa) (?:tomar|take|parar de tomar|stop taking|comecar a tomar"
        r"|start taking)"
        r"(?: \w+){0,3} (?:medicamento|remedio|antibiotico|ibuprofeno|ibuprofen|paracetamol|dipirona|aspirina|aspirin|"
        r"medication|medicine|antibiotics?|pills?|insulina|insulin)|"
        r"(?:voce|you) (?:provavelmente |probably |likely )?(?:tem|have|has|esta com|are suffering from) (?:\w+ ){0,2}"
        r"(?:infeccao|infection|diabetes|cancer|depressao|depression|pneumonia|covid|gripe|flu|doenca|disease|sindrome|syndrome)|"
        r"(?:meu|my) diagnostico|(?:my|o) diagnosis)"
    )
    _NEGATIVE = re.compile(
        r"\b(?:ruim|ruins|pessim[oa]s?|pior|piores|lixo|fraude|golpe|golpistas?|enganam|engana|nao presta|porcaria|horrivel|"
        r"horriveis|falid[oa]|mentem|mentirosos?|desonest[oa]s?|bad|worse|worst|terrible|awful|scam|scammers?|fraud|"
        r"unreliable|garbage|junk|inferior|rip ?off|liars?|dishonest|crooks?|useless|cheap knock ?offs?|nao confie|don t trust|"
        r"do not trust|avoid them|evite)\b"
    )

    # Promises only the business can make (on folded text: no accents).
    _PROMISE = re.compile(
        r"\b(?:desconto garantido|garanto (?:um |o |que )?(?:desconto|preco|reembolso)|de graca para sempre|gratis para sempre|"
        r"reembolso garantido|100% garantido|guaranteed discount|i guarantee (?:a |the |you )?(?:discount|price|refund)|"
        r"free forever|guaranteed refund|100% guaranteed)"
    )
    # The agent's instructions or a provider key leaking into a reply.
    _LEAK = re.compile(r"\b(?:system prompt|prompt do sistema|minhas instrucoes|my instructions|sk-(?:ant-)?[a-z0-9_-]{12,})")

    def __init__(
        self,
        max_discount_percent: float | None = None,
        forbid_legal_advice: bool = True,
        forbid_medical_advice: bool = True,
        competitors: Sequence[str] = (),
        forbidden_phrases: Sequence[str] = (),
        max_scan_chars: int = 20_000,
        forbid_promises: bool = True,
        forbid_leaks: bool = True,
    ) -> None:
        self.max_scan_chars = max_scan_chars
        self.forbid_promises = forbid_promises
        self.forbid_leaks = forbid_leaks
        self.max_discount_percent = max_discount_percent
        self.forbid_legal_advice = forbid_legal_advice
        self.forbid_medical_advice = forbid_medical_advice
        self._competitor = (
            re.compile(r"\b(?:" + "|".join(re.escape(normalize(c).folded.strip()) for c in competitors if c.strip()) + r")\b")
            if any(c.strip() for c in competitors) else None
        )
        self._forbidden = (
            re.compile("|".join(re.escape(normalize(p).folded.strip()) for p in forbidden_phrases if p.strip()))
            if any(p.strip() for p in forbidden_phrases) else None
        )

    def scan(self, text: str, context: GuardContext) -> list[Finding]:
        if len(text) > self.max_scan_chars:
            return [Finding(self.name, "unscanned_overflow", 0, len(text), blocks=True, redact=False)]
        folded = normalize(text)
        hits = self._hits(folded.folded)
        if not hits:
            return []
        # Only the sentences that hold a hit are examined (positions mapped to the original text).
        positions = sorted(folded.folded_to_original(hit) for hit in hits)
        findings: list[Finding] = []
        position = 0
        for sentence in split_sentences(text):
            start, end = position, position + len(sentence.rstrip())
            position += len(sentence)
            index = bisect.bisect_left(positions, start)
            if index >= len(positions) or positions[index] >= start + len(sentence):
                continue
            kind = self._violation(normalize(sentence).folded, context.evidence or ())
            if kind:
                findings.append(Finding(self.name, kind, start, end, blocks=True, redact=False))
        return findings

    def _rules(self) -> list[tuple[str, re.Pattern[str]]]:
        """(kind, pattern) of the active rules whose pattern alone is a violation."""
        rules = [("unauthorized_promise", self._PROMISE, self.forbid_promises), ("secret_leak", self._LEAK, self.forbid_leaks),
                 ("legal_advice", self._LEGAL, self.forbid_legal_advice),
                 ("medical_advice", self._MEDICAL, self.forbid_medical_advice),
                 ("forbidden_phrase", self._forbidden, self._forbidden is not None)]
        return [(kind, pattern) for kind, pattern, active in rules if active and pattern is not None]

    def _hits(self, folded: str, limit: int = 64) -> list[int]:
        """Where in the folded text a rule could apply (at most `limit` places)."""
        patterns = [pattern for _, pattern in self._rules()]
        if self.max_discount_percent is not None:
            patterns.append(self._DISCOUNT_CUE)
        if self._competitor is not None:
            patterns.append(self._competitor)
        hits: list[int] = []
        for pattern in patterns:
            hits.extend(m.start() for m in itertools.islice(pattern.finditer(folded), limit))
        return hits[: limit * 2]

    def _violation(self, folded: str, evidence: Sequence[str]) -> str:
        if self._discount_above_limit(folded, evidence):
            return "discount_above_limit"
        for kind, pattern in self._rules():
            if pattern.search(folded):
                return kind
        if self._competitor is not None and self._competitor.search(folded) and self._NEGATIVE.search(folded):
            return "competitor_disparagement"
        return ""

    def _discount_above_limit(self, folded: str, evidence: Sequence[str]) -> bool:
        if self.max_discount_percent is None or not self._DISCOUNT_CUE.search(folded):
            return False
        offered = self._rates(folded)
        if self._HALF.search(folded):
            offered.add(50.0)
        above = {value for value in offered if value > self.max_discount_percent}
        return bool(above - self._published(evidence)) if above else False

    def _rates(self, folded: str) -> set[float]:
        return {float(m.group(1).replace(",", ".")) for m in self._PERCENT.finditer(folded)}

    def _published(self, evidence: Sequence[str]) -> set[float]:
        """The rates the business's own passages give beside a discount word: quoting
        them is the business speaking, inventing a larger one is not."""
        published: set[float] = set()
        for snippet in evidence:
            folded = normalize(snippet[: self.max_scan_chars]).folded
            if self._DISCOUNT_CUE.search(folded):
                published |= self._rates(folded)
        return published
