"""The agent registry: builds every configured agent and runs the one a turn names."""

from __future__ import annotations

from collections.abc import AsyncIterator

from agent_svc.agents.base import AgentDeps, BaseAgent
from agent_svc.agents.builtin import KINDS
from agent_svc.config import AgentConfig
from agent_svc.domain import AgentReply, TurnInput
from atende_runtime.errors import InvalidArgument


class AgentRuntime:
    def __init__(self, configs: list[AgentConfig], deps: AgentDeps) -> None:
        self.deps = deps
        self.agents: dict[str, BaseAgent] = {config.name: KINDS[config.kind](config, deps) for config in configs}

    def names(self) -> list[str]:
        return list(self.agents)

    def get(self, name: str) -> BaseAgent:
        agent = self.agents.get(name)
        if agent is None:
            raise InvalidArgument.single("agent", f"unknown agent {name!r}; known: {', '.join(self.agents)}")
        return agent

    async def reply(self, turn: TurnInput) -> AgentReply:
        return await self.get(turn.agent).run(turn)

    def stream(self, turn: TurnInput) -> AsyncIterator[str | AgentReply]:
        return self.get(turn.agent).stream(turn)

    async def close(self) -> None:
        await self.deps.providers.close()
        await self.deps.ledger.close()
