from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import SettingsConfigDict

from atende_guardrails.config import DEFAULT_CONFIG, DEFAULT_LEXICON
from atende_guardrails.kept_vectors import default_folder
from atende_runtime.settings import ServiceSettings

RULES_DIR = Path(__file__).parent / "rules"


class Settings(ServiceSettings):
    """router_svc settings; environment variables are prefixed ROUTER_."""

    model_config = SettingsConfigDict(env_prefix="ROUTER_", extra="ignore", populate_by_name=True)

    port: int = 50051
    # memory_svc's address (conversations, leads).
    memory_addr: str = Field(
        default="127.0.0.1:50053", validation_alias=AliasChoices("MEMORY_ADDR", "ROUTER_MEMORY_ADDR", "memory_addr")
    )
    # agent_svc's address (replies).
    agent_addr: str = Field(
        default="127.0.0.1:50052", validation_alias=AliasChoices("AGENT_ADDR", "ROUTER_AGENT_ADDR", "agent_addr")
    )
    # Deadline of a memory call, in seconds.
    memory_timeout_seconds: float = 2.0
    # Deadline of an agent call, in seconds (an LLM may take a while).
    agent_timeout_seconds: float = 20.0
    # Longest customer message accepted, in characters.
    max_text_chars: int = 4000
    # Messages of history given to the agent.
    context_messages: int = 20

    # Routing strategy: "keywords", "embedding", "hybrid", "llm" or "cascade".
    routing_strategy: str = "cascade"
    # The strategies of the cascade, cheapest first ("llm" only runs when
    # llm_classifier_agent is set; "hybrid" is the examples, the cues and the conversation).
    routing_cascade: list[str] = ["hybrid", "llm"]
    # A cascade strategy answers when its confidence reaches this; otherwise the next one is asked.
    routing_cascade_threshold: float = 0.8
    # Below this confidence a message is unclear: the conversation keeps its agent, or the router asks.
    routing_min_confidence: float = 0.45
    # ... but a new conversation's request whose agent still leads, with at least this much, goes to
    # that nearest agent instead of a question back.
    routing_fallback_confidence: float = 0.3
    # Moving a conversation to another agent takes at least this confidence.
    routing_handoff_confidence: float = 0.6
    # Where a new conversation that opens with small talk goes.
    routing_default_agent: str = "sales"
    # Keyword routing rules.
    keyword_rules: Path = RULES_DIR / "keywords.toml"
    # Labelled examples for the embedding and hybrid strategies (and the intent catalogue for
    # the LLM one): a new business is configured by this file alone (ROUTER_ROUTING_EXAMPLES).
    routing_examples: Path = RULES_DIR / "examples.toml"
    # Domain-general lexical cues of the hybrid strategy (buying, complaint, how-it-works words).
    routing_cues: Path = RULES_DIR / "cues.toml"
    # Where the examples' vectors are kept between starts (a file per example set; atende_guardrails/kept_vectors.py):
    # the user's cache folder by default; empty keeps none and encodes the examples at every start.
    example_vectors_folder: str = Field(default_factory=lambda: str(default_folder()))
    # The "llm" strategy asks agent_svc's ClassifyText (structured output from a hosted model).
    routing_llm_classify: bool = False
    # Older path: an agent_svc agent that answers classification prompts as replies (used when
    # routing_llm_classify is off); empty disables it.
    llm_classifier_agent: str = ""

    # The guardrail chains and their texts: the router runs the input chain (and the output
    # chain only for CheckGuardrails' dry runs; agent_svc gates replies with the same file).
    # GUARDRAILS_CONFIG / GUARDRAILS_LEXICON set both services' files at once.
    guardrails_config: Path = Field(
        default=DEFAULT_CONFIG,
        validation_alias=AliasChoices("GUARDRAILS_CONFIG", "ROUTER_GUARDRAILS_CONFIG", "guardrails_config"),
    )
    # The content lexicon (content filter; toxicity in the output chain).
    guardrails_lexicon: Path = Field(
        default=DEFAULT_LEXICON,
        validation_alias=AliasChoices("GUARDRAILS_LEXICON", "ROUTER_GUARDRAILS_LEXICON", "guardrails_lexicon"),
    )
    # Load the local sentence encoder even when routing does not need it: the injection
    # classifier reads its vectors.
    semantic_guardrails: bool = True

    # While a handed-off conversation waits in the people's queue, unclaimed, the AI keeps
    # answering the customer's new messages (the conversation stays in the queue, and the
    # AI goes silent the moment a person claims it). Off: the AI is silent from the hand-off.
    answer_while_queued: bool = True
    # A message the router reads as out of scope goes first to the conversation's agent or the
    # nearest one, marked out of scope: the agent answers only when the knowledge base clearly
    # does (agent_svc/evidence.py SCOPE_FLOOR), and then its reply, which cites the passage, is
    # the answer ("posso lavar as placas com lavadora de alta pressão?" is the business's matter
    # when its documents say so); otherwise the router's out-of-scope reply. Off: the router
    # answers every out-of-scope message itself, with no agent call.
    knowledge_scope_check: bool = True

    # Where "escalate" actions send their notice (an e-mail stored with the turn and
    # delivered by memory_svc's relay); empty means the hand-off is only recorded.
    escalation_email: str = ""
    # The business's name in e-mails that agents ask the router to send.
    business_name: str = "atende"
