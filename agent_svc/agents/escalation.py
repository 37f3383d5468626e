"""Escalation to a person, shared by every kind of agent and driven by its
configuration (on request, on keywords, on anger, after failures in a row)."""

from __future__ import annotations

from dataclasses import dataclass, field

from agent_svc.config import AgentConfig
from agent_svc.domain import TurnInput
from agent_svc.effects import TurnEffects
from agent_svc.prompts import Playbook
from agent_svc.signals import sentiment, wants_human
from agent_svc.text import is_question
from atende_guardrails.text import fold


@dataclass
class Plan:
    """What the agent's rules decided for this turn, before any model runs."""

    answer: bool = True
    lead_in: list[str] = field(default_factory=list)
    follow_up: list[str] = field(default_factory=list)
    unanswered: tuple[str, ...] = ("no_answer",)
    # Facts for a hosted model ("the lead was just handed to the sales team").
    notes: list[str] = field(default_factory=list)


class Escalation:
    """Mixed into BaseAgent: reads its config, playbook and name."""

    config: AgentConfig
    playbook: Playbook

    @property
    def name(self) -> str:
        return self.config.name

    def say(self, language: str, *keys: str) -> str:
        for key in keys:
            phrase = self.playbook.say(language, key)
            if phrase:
                return phrase
        return ""

    def _assistant_messages(self, turn: TurnInput) -> list[str]:
        """This agent's replies since people last held the conversation: after a
        person hands it back, failures and escalations count afresh."""
        history = list(turn.history)
        start = max((i + 1 for i, m in enumerate(history) if m.role in ("human", "system")), default=0)
        return [m.text for m in history[start:] if m.role == "assistant" and m.agent in ("", self.name)]

    def failures_in_a_row(self, turn: TurnInput) -> int:
        count = 0
        for text in reversed(self._assistant_messages(turn)):
            if any(self.playbook.said(key, text) for key in ("not_found", "no_answer", "clarify")):
                count += 1
            else:
                break
        return count

    def already_escalated(self, turn: TurnInput) -> bool:
        said = self._assistant_messages(turn)[-1:]
        keys = ("escalate", "escalate_request", "escalate_angry", "escalate_failures", "already_escalated")
        return bool(said) and any(self.playbook.said(key, said[0]) for key in keys)

    def escalation_reason(self, turn: TurnInput, fx: TurnEffects, weak: bool) -> tuple[str, str] | None:
        """(reason, phrase key) when the conversation should go to a person."""
        rules = self.config.escalation
        mood, _ = sentiment(turn.text)
        fx.sentiment = mood
        if rules.on_request and wants_human(turn.text):
            return "the customer asked for a person", "escalate_request"
        folded = fold(turn.text)
        for keyword in rules.keywords:
            if fold(keyword) in folded:
                key = "escalate_angry" if mood == "angry" else "escalate_request"
                return f"the customer mentioned {keyword!r}", key
        if rules.on_anger and mood == "angry":
            return "the customer is upset", "escalate_angry"
        if rules.after_failures and weak and is_question(turn.text):
            failures = self.failures_in_a_row(turn) + 1
            if failures >= rules.after_failures:
                return f"no answer found after {failures} attempts", "escalate_failures"
        return None

    def escalate_if_needed(self, turn: TurnInput, fx: TurnEffects, weak: bool) -> Plan | None:
        found = self.escalation_reason(turn, fx, weak)
        if found is None:
            return None
        reason, key = found
        if self.already_escalated(turn):
            return Plan(answer=False, lead_in=[self.say(fx.language, "already_escalated", "escalate")],
                        notes=["The conversation is already waiting for a person; do not answer the question."])
        fx.escalate(reason)
        return Plan(answer=False, lead_in=[self.say(fx.language, key, "escalate")],
                    notes=[f"The conversation was handed to a person ({reason}); tell the customer, do not answer."])


