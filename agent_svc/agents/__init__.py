"""The agents: BaseAgent and the built-in sales, support and product agents."""
