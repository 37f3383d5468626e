"""LLM providers behind one interface (Strategy)."""
