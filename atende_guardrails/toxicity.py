"""Toxicity: an agent never insults, swears, threatens, or produces hate or sexual
content. The words are the shared lexicon (rules/lexicon.toml)."""

from __future__ import annotations

from atende_guardrails.base import Finding, GuardContext
from atende_guardrails.lexicon import Lexicon


class ToxicityCheck:
    """An agent never insults, swears, threatens, or produces hate or sexual content."""

    name = "toxicity"

    def __init__(self, lexicon: Lexicon, max_scan_chars: int = 20_000) -> None:
        self.lexicon = lexicon
        self.max_scan_chars = max_scan_chars

    def scan(self, text: str, context: GuardContext) -> list[Finding]:
        if len(text) > self.max_scan_chars:
            return [Finding(self.name, "unscanned_overflow", 0, len(text), blocks=True, redact=False)]
        return [Finding(self.name, category, start, end, blocks=True, redact=False)
                for category, start, end in self.lexicon.find(text)]
