"""Development tools for agent_svc: a loopback fake of the LLM providers' HTTP APIs."""
