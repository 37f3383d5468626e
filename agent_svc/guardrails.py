"""Output guardrails (seed §4.4), applied sentence by sentence so a streamed reply
releases only checked text. Each check has one job (Chain of Responsibility): a
sentence that fails a blocking check is replaced by a safe fallback, never sent;
personal data is redacted."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from agent_svc.domain import GuardrailTrip, Passage
from agent_svc.prompts import Playbook
from agent_svc.text import PII_PATTERNS, fold, split_sentences, words

SAFE_FALLBACK = {
    "pt": "Prefiro não afirmar isso sem confirmar; posso pedir para alguém da equipe verificar.",
    "en": "I'd rather not state that without checking; I can ask someone from the team to confirm.",
}
_NUMBER = re.compile(r"\d(?:[\d.,]*\d)?")
_ENDED = re.compile(r"([.!?…]\s+|\n+)$")
_REF = re.compile(r"\[\d{1,2}\]")
_TOXIC = re.compile(
    r"\b(idiota|burr[oa]|est[uú]pid[oa]|imbecil|ot[aá]ri[oa]|merda|porra|caralho|vai se f\w*|cala a boca|"
    r"idiot|stupid|moron|dumb|shut up|fuck\w*|shit|bitch|asshole)\b",
    re.I,
)
_PROMISE = re.compile(
    r"\b(desconto garantido|garanto (um |o |que )?(desconto|pre[çc]o|reembolso)|de gra[çc]a para sempre|gr[áa]tis para sempre|"
    r"reembolso garantido|100% garantido|guaranteed discount|i guarantee (a |the |you )?(discount|price|refund)|"
    r"free forever|guaranteed refund|100% guaranteed)\b",
    re.I,
)
_LEAK = re.compile(
    r"\b(system prompt|prompt do sistema|minhas instru[çc][õo]es|my instructions|sk-(ant-)?[A-Za-z0-9_-]{12,})", re.I
)


@dataclass
class GuardContext:
    language: str
    playbook: Playbook
    # Passages the reply may rely on; the list grows while tools run.
    passages: list[Passage]
    # Text the customer or the agent's own rules provided (numbers in it are grounded).
    trusted_text: str
    grounded: bool = True

    def fallback(self) -> str:
        return self.playbook.say(self.language, "safe_fallback") or SAFE_FALLBACK.get(self.language, SAFE_FALLBACK["en"])


@dataclass
class Verdict:
    # The text to release: the sentence, a redacted one, or None to withhold it.
    text: str | None
    trip: GuardrailTrip | None = None


class OutputCheck(Protocol):
    name: str

    def check(self, sentence: str, context: GuardContext) -> Verdict: ...


class ToxicityCheck:
    name = "toxicity"

    def check(self, sentence: str, context: GuardContext) -> Verdict:
        if _TOXIC.search(sentence):
            return Verdict(None, GuardrailTrip(self.name, "fallback", "offensive language withheld"))
        return Verdict(sentence)


class PolicyCheck:
    """No promises the business did not make, no prompt or secret leaks."""

    name = "policy"

    def check(self, sentence: str, context: GuardContext) -> Verdict:
        if _PROMISE.search(sentence):
            return Verdict(None, GuardrailTrip(self.name, "fallback", "a promise the business did not make"))
        if _LEAK.search(sentence):
            return Verdict(None, GuardrailTrip(self.name, "fallback", "internal instructions or secrets"))
        return Verdict(sentence)


def _digits(text: str) -> set[str]:
    return {re.sub(r"\D", "", m) for m in _NUMBER.findall(_REF.sub(" ", text))}


class GroundingCheck:
    """Every number in a sentence (prices, terms, quantities) must come from a passage
    or from what the customer said: a model that invents a price is not released."""

    name = "grounding"

    def check(self, sentence: str, context: GuardContext) -> Verdict:
        if not context.grounded:
            return Verdict(sentence)
        claimed = _digits(sentence)
        if not claimed:
            return Verdict(sentence)
        known = _digits(context.trusted_text + " " + " ".join(p.text + " " + p.title for p in context.passages))
        unknown = sorted(claimed - known)
        if unknown:
            return Verdict(None, GuardrailTrip(self.name, "fallback", f"{len(unknown)} figure(s) not in the knowledge base"))
        return Verdict(sentence)


class PiiCheck:
    name = "pii_redaction"

    def check(self, sentence: str, context: GuardContext) -> Verdict:
        spans: list[tuple[int, int, str]] = []
        for kind, pattern in PII_PATTERNS:
            for match in pattern.finditer(sentence):
                if not any(match.start() < end and start < match.end() for start, end, _ in spans):
                    spans.append((match.start(), match.end(), kind))
        if not spans:
            return Verdict(sentence)
        redacted = sentence
        for start, end, kind in sorted(spans, key=lambda s: -s[0]):
            redacted = redacted[:start] + f"[{kind}]" + redacted[end:]
        kinds = ", ".join(sorted({kind for _, _, kind in spans}))
        return Verdict(redacted, GuardrailTrip(self.name, "redacted", kinds))


def default_checks() -> list[OutputCheck]:
    return [ToxicityCheck(), PolicyCheck(), GroundingCheck(), PiiCheck()]


@dataclass
class SentenceGate:
    """Buffers streamed text, releases it a sentence at a time after every check has
    passed. "".join of what feed() and flush() return is the reply's final text."""

    context: GuardContext
    checks: list[OutputCheck] = field(default_factory=default_checks)
    trips: list[GuardrailTrip] = field(default_factory=list)
    released: list[str] = field(default_factory=list)
    _buffer: str = ""
    _fell_back: bool = False

    def feed(self, delta: str) -> str:
        self._buffer += delta
        pieces = split_sentences(self._buffer)
        # The last piece may be an unfinished sentence: keep it until more text comes.
        complete = pieces if pieces and _ENDED.search(pieces[-1]) else pieces[:-1]
        if not complete:
            return ""
        consumed = sum(len(p) for p in complete)
        self._buffer = self._buffer[consumed:]
        return "".join(self._release(piece) for piece in complete)

    def flush(self) -> str:
        out = self._release(self._buffer) if self._buffer else ""
        self._buffer = ""
        if not "".join(self.released).strip():
            fallback = self.context.fallback()
            self.trips.append(GuardrailTrip("empty_output", "fallback", "no checked text to send"))
            self.released.append(fallback)
            out += fallback
        return out

    @property
    def text(self) -> str:
        return "".join(self.released)

    def _release(self, sentence: str) -> str:
        if not sentence.strip():
            if self.released:
                self.released.append(sentence)
                return sentence
            return ""
        text: str | None = sentence
        current = sentence
        for check in self.checks:
            verdict = check.check(current, self.context)
            if verdict.trip is not None:
                self.trips.append(verdict.trip)
            if verdict.text is None:
                text = None
                break
            text = current = verdict.text
        if text is None:
            if self._fell_back:
                return ""
            self._fell_back = True
            trailing = sentence[len(sentence.rstrip()):] or " "
            text = self.context.fallback() + trailing
        self.released.append(text)
        return text

    def check_all(self, text: str) -> str:
        """The whole reply at once (the unary path): same checks, same result."""
        return self.feed(text) + self.flush()


def mentions(reply: str, passage: Passage) -> bool:
    """Whether a reply draws on a passage: names its title or repeats its wording."""
    folded = fold(reply)
    if passage.title and fold(passage.title) in folded:
        return True
    reply_words = set(words(reply))
    passage_words = [w for w in words(passage.text) if len(w) > 3]
    shared = sum(1 for w in set(passage_words) if w in reply_words)
    return shared >= max(4, len(set(passage_words)) // 5)
