"""Agent and provider configuration, read from TOML files.

Built-in agents are configured in `agent_svc/agents/builtin.d/<name>.toml`; custom
agents are one file each in `agent_svc/agents.d/` (or the folder AGENT_AGENTS_DIR
names). Providers, the default model cascade and prices are in
`agent_svc/llm/providers.toml`. Keys are never in a file: a provider names the
environment variable that holds its key."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agent_svc.config_files import ConfigError, read_toml, strings, typed_table

PACKAGE_DIR = Path(__file__).parent
BUILTIN_DIR = PACKAGE_DIR / "agents" / "builtin.d"
CUSTOM_DIR = PACKAGE_DIR / "agents.d"
PROVIDERS_FILE = PACKAGE_DIR / "llm" / "providers.toml"

AGENT_KINDS = ("sales", "support", "product", "assistant")
_AGENT_NAME = re.compile(r"^[a-z][a-z0-9_-]{1,39}$")
_COLLECTION = re.compile(r"^[A-Za-z0-9_]{1,64}$")


@dataclass(frozen=True)
class EscalationRules:
    # Hand over when the customer asks for a person.
    on_request: bool = True
    # Hand over when the customer is angry.
    on_anger: bool = True
    # Hand over after this many turns in a row the agent could not answer (0: never).
    after_failures: int = 2
    # Extra words or phrases that always mean "hand over" (matched without accents).
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class BudgetLimits:
    """0 means no limit. Tokens and cost count hosted providers only."""

    conversation_tokens: int = 0
    conversation_cost_usd: float = 0.0
    agent_tokens_per_day: int = 0
    agent_cost_usd_per_day: float = 0.0
    # The LLM part of one turn; a model expected to be slower than what is left is skipped.
    turn_latency_ms: int = 0


@dataclass(frozen=True)
class ScoreBonus:
    pattern: re.Pattern[str]
    points: int
    label: str


@dataclass(frozen=True)
class ScoringRules:
    # Points each known field is worth; the score is their sum, at most 100.
    points: dict[str, int] = field(
        default_factory=lambda: {
            "need": 25, "budget": 20, "authority": 15, "timeline": 20, "email": 10, "phone": 5, "name": 3, "company": 2,
        }
    )
    bonuses: tuple[ScoreBonus, ...] = ()
    # At this score the agent asks for consent and hands the lead over.
    threshold: int = 70
    # Order in which missing BANT slots are asked for.
    slot_order: tuple[str, ...] = ("need", "budget", "authority", "timeline")


@dataclass(frozen=True)
class MeetingRules:
    duration_minutes: int = 30
    # Time zone the customer's "tomorrow at 10" is read in.
    timezone: str = "America/Sao_Paulo"
    title: str = "Conversa com a equipe comercial"


@dataclass(frozen=True)
class AgentConfig:
    name: str
    description: str
    kind: str
    prompt: str
    tools: tuple[str, ...]
    knowledge_collection: str
    built_in: bool
    language: str = "auto"
    models: tuple[str, ...] = ()
    max_steps: int = 4
    max_tokens: int = 600
    temperature: float = 0.3
    top_k: int = 0
    # Best passage score under which retrieval counts as weak (unless words match).
    weak_score: float = 0.35
    grounded: bool = True
    escalation: EscalationRules = EscalationRules()
    budget: BudgetLimits = BudgetLimits()
    scoring: ScoringRules = ScoringRules()
    meeting: MeetingRules = MeetingRules()
    inline_playbook: dict[str, Any] | None = None
    source: str = ""


@dataclass(frozen=True)
class ProviderConfig:
    name: str
    kind: str  # "anthropic" or "openai"
    api_key_env: str
    base_url_env: str = ""
    model_env: str = ""
    key_optional: bool = False
    timeout_seconds: float = 30.0
    max_retries: int = 2
    backoff_seconds: float = 0.5
    max_backoff_seconds: float = 4.0
    max_connections: int = 400
    # OpenAI only: "max_completion_tokens" (api.openai.com) or "max_tokens" (most compatible servers).
    max_tokens_param: str = ""
    stream_usage: bool = True
    prompt_cache: bool = True
    # The SDK's HTTP transport: "aiohttp" (the SDKs' aiohttp extra), "httpx", or "auto"
    # (aiohttp when installed). httpx's connection pool scans every connection for each
    # request, which costs the event loop milliseconds at hundreds of concurrent calls.
    http_client: str = "auto"


@dataclass(frozen=True)
class Price:
    """USD per million tokens."""

    input: float = 0.0
    output: float = 0.0
    cache_write: float = 0.0
    cache_read: float = 0.0


@dataclass(frozen=True)
class ProvidersConfig:
    providers: dict[str, ProviderConfig]
    default_models: tuple[str, ...]
    pricing: dict[str, Price]


def _scoring(path: Path, data: dict[str, Any]) -> ScoringRules:
    base = ScoringRules()
    points = dict(base.points)
    for key, value in dict(data.get("points", {})).items():
        if key not in points:
            raise ConfigError(f"{path}: scoring.points.{key} is not a lead field; known: {', '.join(points)}")
        if not isinstance(value, int) or not 0 <= value <= 100:
            raise ConfigError(f"{path}: scoring.points.{key} must be an integer from 0 to 100")
        points[key] = value
    bonuses: list[ScoreBonus] = []
    for index, item in enumerate(data.get("bonus", [])):
        try:
            pattern = re.compile(str(item["pattern"]), re.I)
            bonus = int(item["points"])
        except (KeyError, TypeError, ValueError, re.error) as error:
            raise ConfigError(f"{path}: scoring.bonus[{index}] needs a valid pattern and points ({error})") from error
        bonuses.append(ScoreBonus(pattern, bonus, str(item.get("label", f"bonus_{index}"))))
    threshold = data.get("threshold", base.threshold)
    if not isinstance(threshold, int) or not 0 < threshold <= 100:
        raise ConfigError(f"{path}: scoring.threshold must be an integer from 1 to 100")
    order = strings(path, "scoring.slot_order", data.get("slot_order", list(base.slot_order)))
    if sorted(order) != sorted(base.slot_order):
        raise ConfigError(f"{path}: scoring.slot_order must name need, budget, authority and timeline once each")
    return ScoringRules(points, tuple(bonuses), threshold, order)


TOP_LEVEL_KEYS = {
    "name", "description", "kind", "prompt", "playbook", "tools", "knowledge_collection", "language", "models",
    "max_steps", "max_tokens", "temperature", "top_k", "weak_score", "grounded", "escalation", "budget", "scoring",
    "meeting",
}


def parse_agent(path: Path, data: dict[str, Any], built_in: bool, known_tools: set[str], default_collection: str) -> AgentConfig:
    unknown = set(data) - TOP_LEVEL_KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown keys {', '.join(sorted(unknown))}")
    name, kind = _name_and_kind(path, data, built_in)
    tools = _tools(path, data, known_tools)
    collection = data.get("knowledge_collection", default_collection if built_in else "")
    if not isinstance(collection, str) or (collection and not _COLLECTION.match(collection)):
        raise ConfigError(f"{path}: knowledge_collection must be letters, digits and '_'")
    language = data.get("language", "auto")
    if language not in ("auto", "pt", "en"):
        raise ConfigError(f"{path}: language must be auto, pt or en")
    prompt, inline = _prompt(path, data, name)
    description = data.get("description", "")
    if not isinstance(description, str):
        raise ConfigError(f"{path}: description must be a string")
    models = strings(path, "models", data.get("models", []))
    numbers = typed_table(
        path, "agent",
        {k: data[k] for k in ("max_steps", "max_tokens", "temperature", "top_k", "weak_score", "grounded") if k in data},
        AgentConfig(name, "", kind, "", (), "", built_in),
    )
    if numbers.get("max_steps", 1) < 1:
        raise ConfigError(f"{path}: max_steps must be at least 1")
    return AgentConfig(
        name=name,
        description=description,
        kind=kind,
        prompt=prompt,
        tools=tools,
        knowledge_collection=collection,
        built_in=built_in,
        language=language,
        models=models,
        escalation=EscalationRules(**typed_table(path, "escalation", dict(data.get("escalation", {})), EscalationRules())),
        budget=BudgetLimits(**typed_table(path, "budget", dict(data.get("budget", {})), BudgetLimits())),
        scoring=_scoring(path, dict(data.get("scoring", {}))),
        meeting=MeetingRules(**typed_table(path, "meeting", dict(data.get("meeting", {})), MeetingRules())),
        inline_playbook=inline,
        source=str(path),
        **numbers,
    )


def _name_and_kind(path: Path, data: dict[str, Any], built_in: bool) -> tuple[str, str]:
    """A built-in agent's kind is its name; a custom agent is an assistant unless it says otherwise."""
    name = data.get("name", path.stem)
    if not isinstance(name, str) or not _AGENT_NAME.match(name):
        raise ConfigError(f"{path}: name must be 2-40 lower-case letters, digits, '_' or '-', starting with a letter")
    kind = data.get("kind", name if built_in else "assistant")
    if kind not in AGENT_KINDS:
        raise ConfigError(f"{path}: kind must be one of {', '.join(AGENT_KINDS)}")
    return name, str(kind)


def _tools(path: Path, data: dict[str, Any], known_tools: set[str]) -> tuple[str, ...]:
    tools = strings(path, "tools", data.get("tools", []))
    bad = [t for t in tools if t not in known_tools]
    if bad:
        raise ConfigError(f"{path}: unknown tools {', '.join(bad)}; known: {', '.join(sorted(known_tools))}")
    return tools


def _prompt(path: Path, data: dict[str, Any], name: str) -> tuple[str, dict[str, Any] | None]:
    """The prompt file's name and the inline playbook: an agent with an inline playbook
    needs no prompt file, one without uses the prompt named like itself."""
    inline = data.get("playbook")
    prompt = data.get("prompt", "" if inline else name)
    if inline is not None and not isinstance(inline, dict):
        raise ConfigError(f"{path}: playbook must be a table (system, [playbook.pt], [playbook.en])")
    if not isinstance(prompt, str):
        raise ConfigError(f"{path}: prompt must name a prompt file such as {name!r} or {name + '.v1'!r}")
    return prompt, dict(inline) if inline else None


def load_agents(
    known_tools: set[str], default_collection: str, custom_dir: Path | None = CUSTOM_DIR, builtin_dir: Path = BUILTIN_DIR
) -> list[AgentConfig]:
    """Built-in agents first (sales, support, product), then custom agents by name."""
    order = {"sales": 0, "support": 1, "product": 2}
    builtins = [
        parse_agent(path, read_toml(path), True, known_tools, default_collection) for path in builtin_dir.glob("*.toml")
    ]
    builtins.sort(key=lambda a: (order.get(a.name, 9), a.name))
    customs: list[AgentConfig] = []
    if custom_dir is not None and custom_dir.is_dir():
        for path in sorted(custom_dir.glob("*.toml")):
            customs.append(parse_agent(path, read_toml(path), False, known_tools, default_collection))
    seen: dict[str, str] = {}
    for agent in [*builtins, *customs]:
        if agent.name in seen:
            raise ConfigError(f"{agent.source}: agent {agent.name!r} is already defined in {seen[agent.name]}")
        seen[agent.name] = agent.source
    return [*builtins, *sorted(customs, key=lambda a: a.name)]


def load_providers(path: Path = PROVIDERS_FILE) -> ProvidersConfig:
    data = read_toml(path)
    providers: dict[str, ProviderConfig] = {}
    for name, table in dict(data.get("providers", {})).items():
        values = typed_table(path, f"providers.{name}", dict(table), ProviderConfig(name, "openai", ""))
        config = ProviderConfig(**{"name": name, **values})
        if config.kind not in ("anthropic", "openai"):
            raise ConfigError(f"{path}: providers.{name}.kind must be anthropic or openai")
        if config.http_client not in ("auto", "aiohttp", "httpx"):
            raise ConfigError(f"{path}: providers.{name}.http_client must be auto, aiohttp or httpx")
        if not config.api_key_env:
            raise ConfigError(f"{path}: providers.{name}.api_key_env names the environment variable of the key")
        providers[name] = config
    pricing = {
        str(model): Price(**typed_table(path, f"pricing.{model}", dict(values), Price()))
        for model, values in dict(data.get("pricing", {})).items()
    }
    defaults = strings(path, "defaults.models", dict(data.get("defaults", {})).get("models", ["local", "canned"]))
    return ProvidersConfig(providers, defaults, pricing)
