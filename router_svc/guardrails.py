"""The input guardrails of a turn and the public CheckGuardrails chain (seed §4.4, §7).
Each check has one job; the chain runs them in order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Finding:
    check: str
    kind: str
    start: int
    end: int
    blocks: bool
    redact: bool


class Check(Protocol):
    name: str

    def scan(self, text: str) -> list[Finding]: ...


class PromptInjectionCheck:
    """Instructions to ignore the rules, role-play as the system, or reveal the prompt."""

    name = "prompt_injection"
    _patterns: tuple[tuple[str, re.Pattern[str]], ...] = (
        ("ignore_instructions", re.compile(
            r"\b(ignore|disregard|forget)\b.{0,40}\b(previous|prior|above|all|your)\b.{0,20}\b(instructions?|rules?|prompts?)\b",
            re.I | re.S)),
        ("ignore_instructions", re.compile(
            r"\b(ignor[ea]r?|esque[çc]a|desconsider[ea]r?)\b.{0,40}\b(instru[çc][õo]es|regras|prompt)\b", re.I | re.S)),
        ("prompt_extraction", re.compile(
            r"\b(reveal|show|print|repeat|tell me)\b.{0,30}\b(system prompt|your (instructions|prompt|rules))\b", re.I)),
        ("prompt_extraction", re.compile(
            r"\b(mostre|revele|repita|diga|imprima)\b.{0,30}\b(prompt|instru[çc][õo]es do sistema|suas instru[çc][õo]es)\b",
            re.I)),
        ("role_play_system", re.compile(r"(^|\n)\s*(system|assistant|sistema)\s*:", re.I)),
        ("role_play_system", re.compile(
            r"\b(you are now|act as|pretend to be|agora voc[eê] [ée]|finja ser|aja como)\b.{0,30}"
            r"\b(dan|developer mode|jailbreak|sem restri[çc][õo]es|without restrictions|unrestricted)\b", re.I)),
    )

    def scan(self, text: str) -> list[Finding]:
        return [
            Finding(self.name, kind, m.start(), m.end(), blocks=True, redact=False)
            for kind, pattern in self._patterns
            for m in pattern.finditer(text)
        ]


class PiiCheck:
    """Personal data that must not leave in a reply: e-mail, CPF, card numbers, phones."""

    name = "pii_redaction"
    _patterns: tuple[tuple[str, re.Pattern[str]], ...] = (
        ("email", re.compile(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b")),
        ("cpf", re.compile(r"\b\d{3}\.?\d{3}\.?\d{3}-?\d{2}\b")),
        ("card", re.compile(r"\b(?:\d[ -]?){13,19}\b")),
        ("phone", re.compile(r"(\+55\s?)?\(?\b\d{2}\)?\s?9?\d{4}-?\d{4}\b")),
    )

    def scan(self, text: str) -> list[Finding]:
        findings: list[Finding] = []
        taken: list[tuple[int, int]] = []
        for kind, pattern in self._patterns:
            for m in pattern.finditer(text):
                if any(m.start() < end and start < m.end() for start, end in taken):
                    continue
                taken.append((m.start(), m.end()))
                findings.append(Finding(self.name, kind, m.start(), m.end(), blocks=False, redact=True))
        return findings


@dataclass(frozen=True)
class ChainResult:
    allowed: bool
    findings: list[Finding]
    redacted_text: str


class GuardrailChain:
    def __init__(self, checks: list[Check]) -> None:
        self.checks = checks

    def run(self, text: str) -> ChainResult:
        findings = [f for check in self.checks for f in check.scan(text)]
        redacted = text
        for finding in sorted((f for f in findings if f.redact), key=lambda f: -f.start):
            redacted = redacted[: finding.start] + f"[{finding.kind}]" + redacted[finding.end :]
        return ChainResult(not any(f.blocks for f in findings), findings, redacted)


def input_chain() -> GuardrailChain:
    return GuardrailChain([PromptInjectionCheck()])


def output_chain() -> GuardrailChain:
    return GuardrailChain([PiiCheck()])
