"""Input validation of a turn (seed §7.1, level 2): every problem reported at once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from atende_runtime.errors import Validator

CHANNELS = ("web", "whatsapp", "email", "api")
_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


@dataclass(frozen=True)
class TurnRequest:
    conversation_id: str
    user_id: str
    text: str
    channel: str
    client_message_id: str = ""
    metadata: dict[str, str] = field(default_factory=dict)


def validate_turn(request: TurnRequest, max_text_chars: int) -> TurnRequest:
    check = Validator()
    if not _ID.match(request.conversation_id):
        check.add("conversation_id", "must be 1 to 128 letters, digits, '.', '_', ':' or '-'")
    check.require("user_id", request.user_id)
    check.max_length("user_id", request.user_id, 128)
    check.clean_text("user_id", request.user_id)
    check.require("text", request.text)
    check.max_length("text", request.text, max_text_chars)
    check.clean_text("text", request.text)
    channel = request.channel or "api"
    if channel not in CHANNELS:
        check.add("channel", f"must be one of {', '.join(CHANNELS)}")
    if request.client_message_id and not _ID.match(request.client_message_id):
        check.add("client_message_id", "must be 1 to 128 letters, digits, '.', '_', ':' or '-'")
    if len(request.metadata) > 32:
        check.add("metadata", "has more than 32 entries")
    for key, value in request.metadata.items():
        if len(key) > 64 or len(value) > 1024:
            check.add(f"metadata[{key[:64]}]", "keys are at most 64 characters and values at most 1,024")
        check.clean_text(f"metadata[{key[:64]}]", key + value)
    check.check()
    return TurnRequest(
        request.conversation_id, request.user_id.strip(), request.text, channel,
        request.client_message_id, dict(request.metadata),
    )


def validate_conversation_id(conversation_id: str) -> None:
    check = Validator()
    if not _ID.match(conversation_id):
        check.add("conversation_id", "must be 1 to 128 letters, digits, '.', '_', ':' or '-'")
    check.check()
