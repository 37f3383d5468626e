"""Builds the providers whose keys (or base URLs) the environment has, and each
agent's cascade from its configured model list. Keys are read here and handed to
the SDK clients; they are never logged or kept anywhere else."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from agent_svc.config import ProviderConfig, ProvidersConfig
from agent_svc.config_files import ConfigError
from agent_svc.evidence import Selector
from agent_svc.llm.base import LLMProvider
from agent_svc.llm.cascade import ModelChoice
from agent_svc.llm.local import LocalEngine

log = logging.getLogger("atende.agent.llm")

# What an OpenAI-compatible server without authentication (Ollama, llama.cpp) gets as a key.
NO_KEY = "not-needed"


def _build(config: ProviderConfig, environ: Mapping[str, str]) -> LLMProvider | None:
    key = environ.get(config.api_key_env, "").strip()
    base_url = environ.get(config.base_url_env, "").strip() if config.base_url_env else ""
    # The SDKs are imported only when their provider is configured: they take
    # seconds to import, and a deployment on the local engine needs neither.
    if config.kind == "anthropic":
        if not key:
            return None
        from agent_svc.llm.anthropic_provider import AnthropicProvider

        return AnthropicProvider(config, key, base_url or None)
    from agent_svc.llm.openai_provider import OpenAIProvider

    if key:
        return OpenAIProvider(config, key, base_url or None)
    if base_url and config.key_optional:
        return OpenAIProvider(config, NO_KEY, base_url)
    return None


class ProviderSet:
    """The providers this process can use, by name, plus the local engine."""

    def __init__(self, config: ProvidersConfig, environ: Mapping[str, str], selector: Selector | None = None) -> None:
        self.config = config
        self.selector = selector or Selector()
        self.providers: dict[str, LLMProvider] = {"local": LocalEngine(self.selector)}
        self.model_overrides: dict[str, str] = {}
        for name, provider_config in config.providers.items():
            provider = _build(provider_config, environ)
            if provider is not None:
                self.providers[name] = provider
                override = environ.get(provider_config.model_env, "").strip() if provider_config.model_env else ""
                if override:
                    self.model_overrides[name] = override
        log.info("llm providers", extra={"configured": sorted(self.providers)})

    def cascade(self, models: tuple[str, ...]) -> list[ModelChoice]:
        """The configured entries of `models` (or the defaults), in order, up to "canned"."""
        choices: list[ModelChoice] = []
        for entry in models or self.config.default_models:
            provider_name, _, model = entry.partition(":")
            if provider_name == "canned":
                break
            if provider_name == "local":
                choices.append(ModelChoice("local", LocalEngine.model, self.providers["local"]))
                continue
            if provider_name not in self.config.providers:
                raise ConfigError(f"model {entry!r}: no provider named {provider_name!r} in providers.toml")
            if not model:
                raise ConfigError(f"model {entry!r}: write provider:model, e.g. anthropic:claude-haiku-4-5")
            provider = self.providers.get(provider_name)
            if provider is not None:
                choices.append(ModelChoice(provider_name, self.model_overrides.get(provider_name, model), provider))
        choices.append(ModelChoice("canned", "none", None))
        return choices

    async def close(self) -> None:
        for provider in self.providers.values():
            await provider.close()
