from __future__ import annotations

from pydantic import AliasChoices, Field
from pydantic_settings import SettingsConfigDict

from atende_runtime.settings import ServiceSettings


class Settings(ServiceSettings):
    """agent_svc settings; environment variables are prefixed AGENT_."""

    model_config = SettingsConfigDict(env_prefix="AGENT_", extra="ignore")

    port: int = 50052
    # knowledge_svc's address; retrieval is skipped (not failed) when it is down.
    knowledge_addr: str = Field("127.0.0.1:50054", validation_alias=AliasChoices("KNOWLEDGE_ADDR", "AGENT_KNOWLEDGE_ADDR"))
    # Deadline of a knowledge search inside a turn, in seconds.
    knowledge_timeout_seconds: float = 1.5
    # Passages retrieved per turn.
    knowledge_top_k: int = 4
    # The knowledge collection the built-in agents search.
    knowledge_collection: str = "default"
