"""What an agent receives and returns, independent of gRPC."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class HistoryMessage:
    role: str
    text: str
    agent: str = ""


@dataclass(frozen=True)
class TurnInput:
    agent: str
    conversation_id: str
    user_id: str
    text: str
    channel: str
    language: str
    history: tuple[HistoryMessage, ...] = ()
    summary: str = ""
    intent: str = ""


@dataclass(frozen=True)
class Passage:
    document_id: str
    title: str
    source: str
    text: str
    score: float


@dataclass
class GuardrailTrip:
    check: str
    action: str
    detail: str = ""


@dataclass
class AgentReply:
    text: str
    agent: str
    citations: list[Passage] = field(default_factory=list)
    guardrails: list[GuardrailTrip] = field(default_factory=list)
    provider: str = "local"
    model: str = "atende-local-1"
