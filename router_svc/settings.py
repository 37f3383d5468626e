from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import SettingsConfigDict

from atende_runtime.settings import ServiceSettings

RULES_DIR = Path(__file__).parent / "rules"


class Settings(ServiceSettings):
    """router_svc settings; environment variables are prefixed ROUTER_."""

    model_config = SettingsConfigDict(env_prefix="ROUTER_", extra="ignore")

    port: int = 50051
    # memory_svc's address (conversations, leads).
    memory_addr: str = Field("127.0.0.1:50053", validation_alias=AliasChoices("MEMORY_ADDR", "ROUTER_MEMORY_ADDR"))
    # agent_svc's address (replies).
    agent_addr: str = Field("127.0.0.1:50052", validation_alias=AliasChoices("AGENT_ADDR", "ROUTER_AGENT_ADDR"))
    # Deadline of a memory call, in seconds.
    memory_timeout_seconds: float = 2.0
    # Deadline of an agent call, in seconds (an LLM may take a while).
    agent_timeout_seconds: float = 20.0
    # Longest customer message accepted, in characters.
    max_text_chars: int = 4000
    # Messages of history given to the agent.
    context_messages: int = 20
    # Keyword routing rules.
    keyword_rules: Path = RULES_DIR / "keywords.toml"
