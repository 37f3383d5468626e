"""The output gate: a reply is released sentence by sentence, each only after the
output chain has passed it, so a stream never carries unchecked text and still
starts as soon as its first sentence is checked. The same gate serves the unary
route, so both routes release exactly the same text.

A sentence that a grounding check must judge waits until the evidence (the
passages the reply may rely on) is known; sentences after it wait too, to keep
their order. When a check blocks a sentence, the gate releases the configured
fallback instead and stops: what was released before stays (it was checked),
nothing unchecked follows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from atende_guardrails.base import Finding, GuardContext, GuardrailChain
from atende_guardrails.text import split_complete


@dataclass(frozen=True)
class Trip:
    """A check that acted on a reply, as it is reported and stored with the message."""

    check: str
    action: str
    detail: str = ""


@dataclass
class GateOutcome:
    text: str
    findings: list[Finding] = field(default_factory=list)
    fell_back: bool = False


class OutputGate:
    def __init__(self, chain: GuardrailChain, context: GuardContext, fallback: str, empty_reply: str = "") -> None:
        self.chain = chain
        self.context = context
        self.fallback = fallback
        self.empty_reply = empty_reply or fallback
        self.findings: list[Finding] = []
        self.released: list[str] = []
        self.stopped = False
        self.fell_back = False
        # Nothing checked was left to send: the empty reply went out instead.
        self.was_empty = False
        self._buffer = ""
        self.fed = ""
        self._held: list[str] = []
        self._noted = False
        self._evidence_checks = chain.evidence_checks

    @property
    def text(self) -> str:
        return "".join(self.released)

    def checkpoint(self) -> dict[str, Any]:
        """The gate's state, for `rollback`: a step tried where the encoder may not run
        (atende_guardrails.encoder.cached_only) goes back here when it would have to,
        and runs again elsewhere. A step extends the lists (copied here) and replaces
        everything else (the context is rebuilt, never changed in place)."""
        return {name: list(value) if isinstance(value, list) else value for name, value in vars(self).items()}

    def rollback(self, state: dict[str, Any]) -> None:
        """Back to a `checkpoint`: nothing fed or released since counts."""
        vars(self).clear()
        vars(self).update(state)

    def feed(self, delta: str) -> list[str]:
        """Adds streamed text; returns the checked pieces that may be sent now."""
        self.fed += delta
        if self.stopped:
            return []
        self._buffer += delta
        sentences, self._buffer = split_complete(self._buffer)
        return self._process(sentences)

    def set_evidence(self, snippets: Sequence[str]) -> list[str]:
        """The passages the reply may rely on, known now or grown (a tool searched the
        knowledge base mid-reply); returns the held pieces this releases."""
        self.context = replace(self.context, evidence=tuple(snippets))
        return self._process([])

    def finish(self, evidence: Sequence[str] | None = None) -> list[str]:
        """The reply is complete: checks what is left and returns the last pieces."""
        if evidence is not None:
            self.context = replace(self.context, evidence=tuple(evidence))
        elif self.context.evidence is None:
            self.context = replace(self.context, evidence=())
        rest, self._buffer = self._buffer, ""
        pieces = self._process([rest] if rest.strip() else [])
        if not self.stopped and not self.text.strip():
            self.was_empty = True
            pieces.append(self._release(self.empty_reply))
        self.stopped = True
        return pieces

    def run(self, text: str, evidence: Sequence[str] | None = None) -> GateOutcome:
        """The unary route: the whole reply at once."""
        self.feed(text)
        self.finish(evidence)
        return GateOutcome(self.text, self.findings, self.fell_back)

    def trips(self) -> list[Trip]:
        """Each check that acted, once per action, with the kinds it found; then the
        gate's own fallbacks."""
        acted: dict[tuple[str, str], set[str]] = {}
        for finding in self.findings:
            if finding.action != "flagged":
                acted.setdefault((finding.check, finding.action), set()).add(finding.kind)
        trips = [Trip(check, action, ", ".join(sorted(kinds))) for (check, action), kinds in sorted(acted.items())]
        if self.fell_back:
            trips.append(Trip("output_gate", "fallback", "a check blocked the reply; the configured fallback was sent"))
        if self.was_empty:
            trips.append(Trip("empty_output", "fallback", "no checked text to send"))
        return trips

    def _needs_evidence(self, sentence: str) -> bool:
        return any(check.needs_evidence(sentence, self.context) for check in self._evidence_checks)

    def _process(self, sentences: list[str]) -> list[str]:
        queue, self._held = [*self._held, *sentences], []
        pieces: list[str] = []
        for index, sentence in enumerate(queue):
            if self.stopped:
                break
            if self.context.evidence is None and self._needs_evidence(sentence):
                self._held = queue[index:]
                break
            piece = self._check(sentence)
            if piece:
                pieces.append(piece)
        return pieces

    def _check(self, sentence: str) -> str:
        result = self.chain.run(sentence, replace(self.context, noted=self._noted), stop_at_block=True)
        self.findings.extend(result.findings)
        if not result.allowed:
            self.stopped = True
            self.fell_back = True
            separator = "" if not self.released or self.text[-1:].isspace() else " "
            return self._release(separator + self.fallback)
        if any(f.check == "grounding" and f.replacement for f in result.findings):
            self._noted = True
        return self._release(result.redacted_text)

    def _release(self, piece: str) -> str:
        if piece:
            self.released.append(piece)
        return piece
