"""The agent registry: picks the agent a turn names and runs it."""

from __future__ import annotations

from agent_svc.agents.base import BaseAgent, KnowledgePort
from agent_svc.agents.builtin import BUILT_IN
from agent_svc.domain import AgentReply, TurnInput
from agent_svc.llm.base import LLMProvider
from atende_runtime.errors import InvalidArgument


class AgentRuntime:
    def __init__(self, provider: LLMProvider, knowledge: KnowledgePort, collection: str, top_k: int) -> None:
        self.agents: dict[str, BaseAgent] = {
            cls.name: cls(provider, knowledge, collection, top_k) for cls in BUILT_IN
        }

    def names(self) -> list[str]:
        return list(self.agents)

    def get(self, name: str) -> BaseAgent:
        agent = self.agents.get(name)
        if agent is None:
            raise InvalidArgument.single("agent", f"unknown agent {name!r}; known: {', '.join(self.agents)}")
        return agent

    async def reply(self, turn: TurnInput) -> AgentReply:
        return await self.get(turn.agent).run(turn)
