"""The model's request: the conversation so far and the turn's context (language,
channel, what is known about the lead, the passages, the plan). Mixed into BaseAgent."""

from __future__ import annotations

from abc import ABC, abstractmethod

from agent_svc.agents.escalation import Plan
from agent_svc.domain import Passage, TurnInput
from agent_svc.effects import TurnEffects
from agent_svc.llm.base import ChatMessage
from agent_svc.prompts import Playbook

HISTORY_MESSAGES = 20

RULES = """
Rules of this deployment:
- Use only the knowledge passages in the context or returned by knowledge_search for facts
  about the business (prices, terms, features, procedures), citing them as [n].
- Never ask for or repeat card numbers, CPF or passwords.
- Follow the plan in the context: it comes from the business's rules for this turn.
- Keep replies short enough for a chat (at most about 120 words)."""


class Prompting(ABC):
    playbook: Playbook

    @property
    @abstractmethod
    def collection(self) -> str:
        """The knowledge collection the agent searches (BaseAgent's configuration)."""

    def _history(self, turn: TurnInput) -> list[ChatMessage]:
        messages: list[ChatMessage] = []
        for message in turn.history[-HISTORY_MESSAGES:]:
            if message.role == "user":
                messages.append(ChatMessage("user", message.text))
            elif message.role in ("assistant", "human"):
                prefix = "" if message.role == "assistant" else "(a person from the team wrote) "
                messages.append(ChatMessage("assistant", prefix + message.text))
        messages.append(ChatMessage("user", turn.text))
        return messages

    def lead_context(self, fx: TurnEffects) -> list[str]:
        """What the model may know about the lead. Contact details are named, not
        quoted: they never need to leave for a hosted provider."""
        lead = fx.lead
        known = [f"{name}: known" for name in ("email", "phone") if getattr(lead, name)]
        known += [f"{name}: {getattr(lead, name)}" for name in ("name", "company") if getattr(lead, name)]
        known += [f"{slot}: {value}" for slot, value in lead.bant.filled().items()]
        if not known:
            return []
        return ["Known about the customer: " + "; ".join(known) + "."]

    def context(self, prepared_turn: TurnInput, fx: TurnEffects, passages: list[Passage], weak: bool, plan: Plan) -> str:
        language = "Portuguese" if fx.language == "pt" else "English"
        lines = [f"Answer in {language}.", f"Channel: {prepared_turn.channel or 'web'}."]
        if prepared_turn.summary:
            lines.append(f"Summary of the earlier conversation: {prepared_turn.summary}")
        lines += self.lead_context(fx)
        if passages:
            lines.append("Knowledge passages (cite as [n]):")
            lines += [f"[{i}] {p.title} ({p.source}): {p.text[:1500]}" for i, p in enumerate(passages, start=1)]
        elif self.collection:
            lines.append("No knowledge passage matched this message; search with knowledge_search or ask.")
        lines.append("Plan for this turn:")
        if plan.lead_in:
            lines.append("- Start with this, in your words: " + " ".join(plan.lead_in))
        if not plan.answer:
            lines.append("- Do not answer from the passages this turn.")
        elif weak:
            unanswered = " ".join(self.playbook.say(fx.language, key) for key in plan.unanswered)
            lines.append(f"- The passages look weak. If they do not answer, do not guess; say so, e.g.: {unanswered}")
        lines += [f"- {note}" for note in plan.notes]
        if plan.follow_up:
            lines.append("- End your reply with: " + " ".join(plan.follow_up))
        return "\n".join(lines)
