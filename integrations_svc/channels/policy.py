"""WhatsApp Business rules: the 24-hour customer-service window, templates outside
it, consent (opt-in before business-initiated messages, opt-out at once), and the
words that opt out and back in."""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

OPT_OUT_WORDS = frozenset({"parar", "sair", "stop", "cancelar", "descadastrar", "unsubscribe", "pare"})
# Whole messages only; no everyday answer ("sim", "aceito") is taken for consent.
OPT_IN_WORDS = frozenset({"voltar", "start", "quero receber", "assinar", "subscribe"})
PURPOSES = ("reply", "human", "notice")
VARIABLES = frozenset({"text", "human_name", "customer_name", "business_name"})
# WhatsApp's limit for one body variable.
MAX_VARIABLE = 1024

NOTICES = {
    "pt": {
        "claimed": "{human} entrou na conversa e vai continuar o seu atendimento.",
        "returned": "Você voltou a falar com o nosso assistente virtual.",
        "opted_out": "Pronto: você não vai mais receber mensagens nossas por aqui. Para voltar, envie VOLTAR.",
        "opted_in": "Combinado: você vai receber nossas mensagens por aqui. Para parar, envie PARAR.",
    },
    "en": {
        "claimed": "{human} joined the conversation and will take it from here.",
        "returned": "You are back with our virtual assistant.",
        "opted_out": "Done: you will not get messages from us here any more. To come back, send START.",
        "opted_in": "Done: you will get our messages here. To stop, send STOP.",
    },
}


def keyword(text: str) -> str:
    """The text as a bare lowercase word (accents and punctuation removed)."""
    folded = unicodedata.normalize("NFKD", text.strip().lower())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() or c.isspace() else " " for c in plain).split())


def is_opt_out(text: str) -> bool:
    return keyword(text) in OPT_OUT_WORDS


def is_opt_in(text: str) -> bool:
    return keyword(text) in OPT_IN_WORDS


class TemplateConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Template:
    name: str
    language: str
    variables: tuple[str, ...]

    def values(self, values: dict[str, str]) -> list[str]:
        return [(values.get(name) or "-")[:MAX_VARIABLE] for name in self.variables]


@dataclass(frozen=True)
class Templates:
    business_name: str = ""
    by_purpose: dict[str, Template] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Templates:
        try:
            data: dict[str, Any] = tomllib.loads(path.read_text())
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise TemplateConfigError(f"{path}: {error}") from None
        by_purpose: dict[str, Template] = {}
        for purpose, spec in (data.get("templates") or {}).items():
            if purpose not in PURPOSES:
                raise TemplateConfigError(f"{path}: unknown purpose {purpose!r} (one of {', '.join(PURPOSES)})")
            if not isinstance(spec, dict) or not isinstance(spec.get("name"), str) or not spec["name"]:
                raise TemplateConfigError(f"{path}: templates.{purpose} needs a name")
            variables = tuple(str(v) for v in spec.get("variables", []))
            unknown = [v for v in variables if v not in VARIABLES]
            if unknown:
                raise TemplateConfigError(f"{path}: templates.{purpose}: unknown variables {unknown}")
            by_purpose[purpose] = Template(spec["name"], str(spec.get("language", "pt_BR")), variables)
        return cls(str(data.get("business_name", "")), by_purpose)


@dataclass(frozen=True)
class Decision:
    """How one message goes out: "text", "template" (with its values), "waiting"
    (held until the customer writes again) or "suppressed" (the customer opted out)."""

    mode: str
    reason: str = ""
    template: Template | None = None
    values: list[str] = field(default_factory=list)


def decide(
    *,
    now: datetime,
    last_inbound_at: datetime | None,
    window: timedelta,
    opted_in: bool,
    opted_out: bool,
    purpose: str,
    templates: Templates,
    values: dict[str, str],
    force: bool = False,
) -> Decision:
    if opted_out and not force:
        return Decision("suppressed", "the customer opted out")
    if last_inbound_at is not None and now - last_inbound_at < window:
        return Decision("text")
    if not opted_in:
        return Decision("waiting", "outside the 24-hour window, and the customer has not opted in to messages")
    template = templates.by_purpose.get(purpose)
    if template is None:
        return Decision("waiting", f"outside the 24-hour window, and no template for {purpose!r} messages")
    merged = {"business_name": templates.business_name, **values}
    return Decision("template", "outside the 24-hour window", template, template.values(merged))
