"""The guardrail chain (Chain of Responsibility, seed §4.4 and §7).

Each check is a small class with one job: it scans a text and reports findings.
A finding either blocks the text (the whole text is refused or replaced by a
fallback), or rewrites a span of it (redaction, removal of an unsupported
sentence), or is only reported. The chain runs its checks in the configured
order, logs and counts every trip with the check's name, and can stop at the
first block. Nothing here imports grpc."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from atende_guardrails.normalize import one_run

log = logging.getLogger("atende.guardrails")


@dataclass(frozen=True)
class Finding:
    check: str
    kind: str
    start: int
    end: int
    # The whole text must not pass (input: refuse; output: fallback).
    blocks: bool
    # The span is replaced by `replacement` (or "[kind]" when it is None).
    redact: bool
    replacement: str | None = None
    # A short reason that never contains the text that was found.
    detail: str = ""
    # The span was replaced by a safe sentence (an honest "I could not confirm that")
    # rather than redacted: reported as a fallback.
    fallback: bool = False

    @property
    def action(self) -> str:
        if self.blocks:
            return "blocked"
        if self.fallback:
            return "fallback"
        if self.redact:
            return "redacted"
        return "flagged"


@dataclass(frozen=True)
class GuardContext:
    """What a check may need besides the text."""

    stage: str = "input"
    language: str = "pt"
    agent: str = ""
    # Snippets of the passages the reply is grounded on; None means "not known
    # yet" (a stream whose citations have not arrived), [] means "none".
    evidence: tuple[str, ...] | None = None
    # A grounding note ("I could not find that") was already given in this reply.
    noted: bool = False
    # What an unsupported sentence is replaced with (the agent's own words); empty:
    # the configured texts.not_found.
    note: str = ""
    # Text the customer or the agent's own rules provided: a figure from it is grounded
    # in a sentence that makes no claim ("I'll check order 48213").
    trusted: str = ""
    # What the agent's own rules wrote (its playbook's phrases, this turn's plan): a
    # sentence of it is the business speaking, not a claim to ground.
    own_words: str = ""
    # False: the agent answers without grounding (its configuration says so).
    grounded: bool = True


class Check(Protocol):
    name: str

    def scan(self, text: str, context: GuardContext) -> list[Finding]: ...


@runtime_checkable
class EvidenceCheck(Check, Protocol):
    """A check that needs the reply's evidence, and can say which sentences do: the
    output gate holds those sentences until the evidence is known."""

    def needs_evidence(self, sentence: str, context: GuardContext) -> bool: ...


@dataclass
class ChainResult:
    allowed: bool
    findings: list[Finding]
    redacted_text: str
    # Time each check took, in milliseconds.
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def blocked_by(self) -> list[str]:
        return sorted({f.check for f in self.findings if f.blocks})


def apply_redactions(text: str, findings: Sequence[Finding]) -> str:
    """Applies the rewriting findings, right to left, skipping overlaps."""
    spans = sorted((f for f in findings if f.redact), key=lambda f: (f.start, -f.end))
    kept: list[Finding] = []
    last_end = -1
    for finding in spans:
        if finding.start >= last_end:
            kept.append(finding)
            last_end = finding.end
    redacted = text
    for finding in reversed(kept):
        replacement = f"[{finding.kind}]" if finding.replacement is None else finding.replacement
        redacted = redacted[: finding.start] + replacement + redacted[finding.end :]
    return redacted


class GuardrailChain:
    def __init__(self, checks: Sequence[Check], stage: str = "input") -> None:
        self.checks = list(checks)
        self.stage = stage
        # Known once: isinstance against a runtime Protocol costs tens of microseconds,
        # and an output gate is built for every reply.
        self.evidence_checks: list[EvidenceCheck] = [c for c in self.checks if isinstance(c, EvidenceCheck)]

    @property
    def names(self) -> list[str]:
        return [check.name for check in self.checks]

    def run(self, text: str, context: GuardContext | None = None, *, stop_at_block: bool = False) -> ChainResult:
        context = context or GuardContext(stage=self.stage)
        findings: list[Finding] = []
        timings: dict[str, float] = {}
        # The checks read the same text: what one computes of it (normalize.per_run) the next reuses.
        with one_run():
            for check in self.checks:
                started = time.perf_counter()
                found = check.scan(text, context)
                timings[check.name] = (time.perf_counter() - started) * 1000
                findings.extend(found)
                if stop_at_block and any(f.blocks for f in found):
                    break
        return ChainResult(not any(f.blocks for f in findings), findings, apply_redactions(text, findings), timings)


class Counter(Protocol):
    """Where a service counts its guardrail trips (router_svc.metrics.Counters)."""

    def inc(self, name: str, amount: int = 1, **labels: str) -> int: ...


def record_trips(stage: str, findings: Sequence[Finding], counter: Counter | None = None, **facts: object) -> None:
    """Logs (and counts, given a counter) every check that acted. Call once per text
    that is really acted on (a turn), not for dry runs such as CheckGuardrails."""
    acted: dict[tuple[str, str], list[str]] = {}
    for finding in findings:
        acted.setdefault((finding.check, finding.action), []).append(finding.kind)
    for (check, action), kinds in sorted(acted.items()):
        total = counter.inc("guardrail_trips", check=check, action=action, stage=stage) if counter is not None else 0
        log.warning(
            "guardrail tripped",
            extra={"check": check, "action": action, "stage": stage, "kinds": sorted(set(kinds)), "count": total, **facts},
        )
