"""Opaque page tokens (AIP-158): the last sort key of a page, bound to the query's
filters and signed, so a tampered or foreign token is refused, not obeyed."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from typing import Any

from atende_runtime.errors import InvalidArgument

_MAC_BYTES = 16


class PageTokens:
    def __init__(self, secret: str) -> None:
        self._key = hashlib.sha256(secret.encode()).digest()

    def _mac(self, kind: str, body: bytes) -> bytes:
        return hmac.new(self._key, kind.encode() + b"\0" + body, hashlib.sha256).digest()[:_MAC_BYTES]

    def encode(self, kind: str, scope: dict[str, Any], position: dict[str, Any]) -> str:
        body = json.dumps({"s": scope, "p": position}, separators=(",", ":"), sort_keys=True).encode()
        return base64.urlsafe_b64encode(self._mac(kind, body) + body).decode().rstrip("=")

    def decode(self, kind: str, token: str, scope: dict[str, Any]) -> dict[str, Any] | None:
        """The position a token carries; None for an empty token (the first page)."""
        if not token:
            return None
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        except (binascii.Error, ValueError):
            raise _invalid() from None
        mac, body = raw[:_MAC_BYTES], raw[_MAC_BYTES:]
        if len(mac) != _MAC_BYTES or not hmac.compare_digest(mac, self._mac(kind, body)):
            raise _invalid()
        try:
            data = json.loads(body)
        except ValueError:
            raise _invalid() from None
        if not isinstance(data, dict) or data.get("s") != scope or not isinstance(data.get("p"), dict):
            raise InvalidArgument.single("page_token", "was issued for a different query; start again without it")
        position: dict[str, Any] = data["p"]
        return position


def _invalid() -> InvalidArgument:
    return InvalidArgument.single("page_token", "is not a token this service issued")
