from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import SettingsConfigDict

from agent_svc.config import CUSTOM_DIR, PROVIDERS_FILE
from atende_guardrails.config import DEFAULT_CONFIG, DEFAULT_LEXICON
from atende_runtime.settings import ServiceSettings


class Settings(ServiceSettings):
    """agent_svc settings; environment variables are prefixed AGENT_. Provider keys are
    not settings: providers.toml names the environment variables that hold them."""

    model_config = SettingsConfigDict(env_prefix="AGENT_", extra="ignore", populate_by_name=True)

    port: int = 50052
    # knowledge_svc's address; retrieval is skipped (not failed) when it is down. Empty: no retrieval.
    knowledge_addr: str = Field("127.0.0.1:50054", validation_alias=AliasChoices("KNOWLEDGE_ADDR", "AGENT_KNOWLEDGE_ADDR"))
    # Deadline of a knowledge search inside a turn, in seconds.
    knowledge_timeout_seconds: float = 1.5
    # Seconds retrieval is skipped after knowledge_svc failed to answer.
    knowledge_cooldown_seconds: float = 2.0
    # Passages retrieved per turn (an agent's top_k overrides it). With more than four, the
    # local engine reads the later ones only when one of their sentences reads closer to the
    # question than the first four's best, and answers from them only when the first four alone
    # would answer too (agent_svc/evidence.py LEAD_PASSAGES; README, "LLM providers"); a hosted
    # model gets them best evidence first.
    knowledge_top_k: int = 8
    # The knowledge collection the built-in agents search.
    knowledge_collection: str = "default"
    # Folder of custom agent files (*.toml); see agent_svc/agents.d/README.md.
    agents_dir: Path = CUSTOM_DIR
    # Providers, default cascade and prices.
    providers_file: Path = PROVIDERS_FILE
    # Redis shared by every replica for the LLM budgets (agent_svc/llm/budget.py). Empty:
    # this process keeps them (one replica, `make run`). Kubernetes sets it from REDIS_URL.
    budget_redis_url: str = ""

    # The output gate every reply passes (atende_guardrails/README.md): the chains and
    # their texts, and the lexicon toxicity reads. GUARDRAILS_CONFIG / GUARDRAILS_LEXICON
    # set both services' files at once (the router runs the input chain of the same file).
    guardrails_config: Path = Field(
        DEFAULT_CONFIG, validation_alias=AliasChoices("GUARDRAILS_CONFIG", "AGENT_GUARDRAILS_CONFIG", "guardrails_config")
    )
    guardrails_lexicon: Path = Field(
        DEFAULT_LEXICON, validation_alias=AliasChoices("GUARDRAILS_LEXICON", "AGENT_GUARDRAILS_LEXICON", "guardrails_lexicon")
    )
    # Load the local sentence encoder, so grounding accepts a passage that says the same
    # in another language (an English answer from a Portuguese catalogue).
    semantic_guardrails: bool = True
