"""The rules every field shares: identifiers, short texts, channels and metadata.
Each adds its violations to a Validator, so a client learns all its mistakes at once."""

from __future__ import annotations

import re

from atende_runtime.errors import Validator

CONVERSATION_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
# Channels are short lower-case tokens; the built-in ones are web, whatsapp, email, api.
CHANNEL = re.compile(r"[a-z0-9_-]{1,32}")
MAX_TEXT = 20_000
MAX_ID = 128
MAX_NAME = 128
MAX_FIELD = 512
MAX_METADATA_ENTRIES = 64
MAX_METADATA_KEY = 128
MAX_METADATA_VALUE = 4096


def conversation_id(v: Validator, name: str, value: str) -> None:
    if not value:
        v.add(name, "is required")
    elif not CONVERSATION_ID.fullmatch(value):
        v.add(name, "must be 1 to 128 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'")


def short_text(v: Validator, name: str, value: str, limit: int, *, required: bool = False) -> None:
    if required and not value.strip():
        v.add(name, "is required")
        return
    v.max_length(name, value, limit)
    v.clean_text(name, value)


def channel(v: Validator, name: str, value: str) -> None:
    if value and not CHANNEL.fullmatch(value):
        v.add(name, "must be a channel name such as web, whatsapp, email or api")


def metadata(v: Validator, name: str, value: dict[str, str]) -> None:
    if len(value) > MAX_METADATA_ENTRIES:
        v.add(name, f"has {len(value)} entries; the limit is {MAX_METADATA_ENTRIES}")
        return
    for key, item in value.items():
        short_text(v, f"{name}.key", key, MAX_METADATA_KEY, required=True)
        short_text(v, f"{name}[{key!r}]", item, MAX_METADATA_VALUE)
