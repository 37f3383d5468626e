from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from agent_svc.domain import Passage, TurnInput
from agent_svc.prompts import Playbook


@dataclass(frozen=True)
class Generation:
    text: str
    provider: str
    model: str


class LLMProvider(Protocol):
    """Produces a reply from the agent's playbook, the turn and retrieved passages."""

    name: str

    async def generate(self, playbook: Playbook, turn: TurnInput, passages: list[Passage]) -> Generation: ...
