"""The built-in agents. Their behaviour lives in their playbooks and BaseAgent."""

from __future__ import annotations

from agent_svc.agents.base import BaseAgent


class SalesAgent(BaseAgent):
    name = "sales"
    tools = ("knowledge_search",)


class SupportAgent(BaseAgent):
    name = "support"
    tools = ("knowledge_search",)


class ProductAgent(BaseAgent):
    name = "product"
    tools = ("knowledge_search",)


BUILT_IN: tuple[type[BaseAgent], ...] = (SalesAgent, SupportAgent, ProductAgent)
