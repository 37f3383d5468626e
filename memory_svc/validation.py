"""Input rules. Every violation is collected so a client learns all its mistakes at once.
The rules every field shares are in fields.py, those of a turn's actions in
action_rules.py."""

from __future__ import annotations

import json
import math
import re
import uuid

from atende_runtime.errors import InvalidArgument, Validator
from memory_svc import action_rules
from memory_svc.fields import MAX_FIELD, MAX_ID, MAX_NAME, MAX_TEXT, channel, conversation_id, metadata, short_text
from memory_svc.models import CRM_STATUSES, OWNER_KINDS, ROLES, AppendRequest, InteractionInput, LeadFilter, LeadInput, NewMessage

MAX_RESPONSE = 100_000
MAX_MESSAGES_PER_TURN = 20
MAX_CITATIONS = 32
MAX_PAGE_SIZE = 100
MAX_HANDOFF_BYTES = 64_000
# A person's reply: the same limit as a customer's message at the gateway.
MAX_HUMAN_TEXT = 4_000
QUEUE = re.compile(r"[a-z0-9_-]{1,64}")
AGENT = re.compile(r"[a-z0-9_-]{1,64}")
DEFAULT_PAGE_SIZE = 20
MAX_GUARDRAILS = 32
CRM_STATUS_NAMES = "new, pending, synced, failed"


def _message(v: Validator, name: str, message: NewMessage) -> None:
    if message.role not in ROLES:
        v.add(f"{name}.role", "must be one of user, assistant, human, system")
    if message.role == "user" and not message.text.strip():
        v.add(f"{name}.text", "is required for user messages")
    v.max_length(f"{name}.text", message.text, MAX_TEXT)
    v.clean_text(f"{name}.text", message.text)
    short_text(v, f"{name}.agent", message.agent, MAX_NAME)
    if message.intent is not None:
        intent = message.intent
        short_text(v, f"{name}.intent.name", intent.name, MAX_NAME)
        short_text(v, f"{name}.intent.agent", intent.agent, MAX_NAME)
        short_text(v, f"{name}.intent.strategy", intent.strategy, MAX_NAME)
        if not (math.isfinite(intent.confidence) and 0.0 <= intent.confidence <= 1.0):
            v.add(f"{name}.intent.confidence", "must be between 0.0 and 1.0")
    metadata(v, f"{name}.metadata", message.metadata)
    if len(message.citations) > MAX_CITATIONS:
        v.add(f"{name}.citations", f"has {len(message.citations)} entries; the limit is {MAX_CITATIONS}")
    else:
        for j, citation in enumerate(message.citations):
            at = f"{name}.citations[{j}]"
            short_text(v, f"{at}.source", citation.source, MAX_FIELD * 4)
            short_text(v, f"{at}.title", citation.title, MAX_FIELD)
            short_text(v, f"{at}.snippet", citation.snippet, MAX_TEXT)
            short_text(v, f"{at}.document_id", citation.document_id, MAX_FIELD)
    if len(message.guardrails) > MAX_GUARDRAILS:
        v.add(f"{name}.guardrails", f"has {len(message.guardrails)} entries; the limit is {MAX_GUARDRAILS}")
    else:
        for j, guardrail in enumerate(message.guardrails):
            at = f"{name}.guardrails[{j}]"
            short_text(v, f"{at}.check", guardrail.check, MAX_NAME, required=True)
            short_text(v, f"{at}.action", guardrail.action, MAX_NAME, required=True)
            short_text(v, f"{at}.detail", guardrail.detail, MAX_FIELD)


def append_request(request: AppendRequest) -> None:
    v = Validator()
    conversation_id(v, "conversation_id", request.conversation_id)
    short_text(v, "user_id", request.user_id, MAX_ID)
    channel(v, "channel", request.channel)
    short_text(v, "client_message_id", request.client_message_id, MAX_ID)
    short_text(v, "agent", request.agent, MAX_NAME)
    _messages(v, request.messages)
    _owner_change(v, request)
    if request.interaction is not None:
        _interaction_fields(v, request.interaction)
    if request.lead is not None:
        if request.lead.user_id and request.user_id and request.lead.user_id != request.user_id:
            v.add("lead.user_id", "must be empty or the user_id of the request")
        _lead_fields(v, request.lead)
    action_rules.actions(v, request.actions)
    v.check()


def _messages(v: Validator, messages: list[NewMessage]) -> None:
    if not messages:
        v.add("messages", "must contain at least one message")
    elif len(messages) > MAX_MESSAGES_PER_TURN:
        v.add("messages", f"has {len(messages)} messages; the limit is {MAX_MESSAGES_PER_TURN}")
    else:
        for i, message in enumerate(messages):
            _message(v, f"messages[{i}]", message)


def _owner_change(v: Validator, request: AppendRequest) -> None:
    """The owner a turn requires, the one it hands the conversation to, and the packet."""
    if any(kind not in OWNER_KINDS for kind in request.required_owner_kinds):
        v.add("required_owner_kinds", "must name owner kinds: agent, human queue or human")
    short_text(v, "required_owner_id", request.required_owner_id, MAX_ID)
    if request.new_owner_kind and request.new_owner_kind not in OWNER_KINDS:
        v.add("new_owner.kind", "must be an agent, the human queue or a human")
    short_text(v, "new_owner.id", request.new_owner_id, MAX_ID, required=request.new_owner_kind == "human")
    if request.handoff is not None and len(json.dumps(request.handoff)) > MAX_HANDOFF_BYTES:
        v.add("handoff", f"is larger than {MAX_HANDOFF_BYTES} bytes")


def human(v: Validator, value: str, name: str = "human_id") -> None:
    short_text(v, name, value, MAX_ID, required=True)


def agent_name(v: Validator, value: str) -> None:
    if value and not AGENT.fullmatch(value):
        v.add("agent", "must be an agent's name: 1 to 64 characters of a-z, 0-9, '_' or '-'")


def queue(v: Validator, value: str) -> None:
    if value and not QUEUE.fullmatch(value):
        v.add("queue", "must be 1 to 64 characters of a-z, 0-9, '_' or '-'")


def conversation_lookup(value: str, client_message_id: str | None = None) -> None:
    v = Validator()
    conversation_id(v, "conversation_id", value)
    if client_message_id is not None:
        short_text(v, "client_message_id", client_message_id, MAX_ID, required=True)
    v.check()


def context_size(requested: int, default: int, most: int) -> int:
    if requested < 0:
        raise InvalidArgument.single("max_messages", "must not be negative")
    return min(requested or default, most)


def page_size(requested: int) -> int:
    """AIP-158: 0 means the default, too large is coerced down, negative is an error."""
    if requested < 0:
        raise InvalidArgument.single("page_size", "must not be negative")
    return min(requested or DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)


def user_id(value: str, name: str = "user_id") -> None:
    v = Validator()
    short_text(v, name, value, MAX_ID, required=True)
    v.check()


def lead_input(lead: LeadInput) -> None:
    v = Validator()
    short_text(v, "lead.user_id", lead.user_id, MAX_ID, required=True)
    _lead_fields(v, lead)
    channel(v, "lead.source", lead.source)
    if lead.crm_status and lead.crm_status not in CRM_STATUSES:
        v.add("lead.crm_status", f"must be one of {CRM_STATUS_NAMES}")
    short_text(v, "lead.crm_error", lead.crm_error, MAX_FIELD)
    if lead.conversation_id:
        conversation_id(v, "lead.conversation_id", lead.conversation_id)
    v.check()


def _lead_fields(v: Validator, lead: LeadInput) -> None:
    """What a client says about the person: the same rules wherever a lead arrives."""
    for name, value in (
        ("name", lead.name),
        ("email", lead.email),
        ("phone", lead.phone),
        ("company", lead.company),
        ("crm_id", lead.crm_id),
        ("qualification.budget", lead.qualification.budget),
        ("qualification.authority", lead.qualification.authority),
        ("qualification.need", lead.qualification.need),
        ("qualification.timeline", lead.qualification.timeline),
    ):
        short_text(v, f"lead.{name}", value, MAX_FIELD)
    if lead.email and ("@" not in lead.email or any(c.isspace() for c in lead.email)):
        v.add("lead.email", "is not an e-mail address")
    if not 0 <= lead.score <= 100:
        v.add("lead.score", "must be between 0 and 100")


def lead_id(value: str) -> str | None:
    """The canonical form of a lead id, or None when it cannot name any lead."""
    if not value:
        raise InvalidArgument.single("lead_id", "is required")
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return None


def erasure_id(value: str) -> str | None:
    """The canonical form of an erasure id, or None when it cannot name any erasure."""
    if not value:
        raise InvalidArgument.single("erasure_id", "is required")
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return None


def lead_filter(f: LeadFilter) -> None:
    v = Validator()
    if not 0 <= f.min_score <= 100:
        v.add("min_score", "must be between 0 and 100")
    if not 0 <= f.max_score <= 100:
        v.add("max_score", "must be between 0 and 100 (0 means no upper bound)")
    elif f.max_score and f.max_score < f.min_score:
        v.add("max_score", "must not be below min_score")
    if f.crm_status and f.crm_status not in CRM_STATUSES:
        v.add("crm_status", f"must be one of {CRM_STATUS_NAMES}")
    v.check()


def interaction(item: InteractionInput) -> None:
    v = Validator()
    conversation_id(v, "interaction.conversation_id", item.conversation_id)
    short_text(v, "interaction.user_id", item.user_id, MAX_ID, required=True)
    _interaction_fields(v, item)
    v.check()


def _interaction_fields(v: Validator, item: InteractionInput) -> None:
    short_text(v, "interaction.user_input", item.user_input, MAX_TEXT)
    short_text(v, "interaction.agent_response", item.agent_response, MAX_RESPONSE)
    short_text(v, "interaction.agent", item.agent, MAX_NAME)
    metadata(v, "interaction.metadata", item.metadata)
