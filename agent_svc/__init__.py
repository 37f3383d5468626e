"""agent_svc: the sales, support, product and custom agents, their LLM providers
and output guardrails."""
