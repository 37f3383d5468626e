"""Who is calling, as the gateway vouches for it.

The gateway authenticates every public request (an API key or a JWT), removes any
x-atende-* header the client sent, and sets these from the credential. Services
trust them, and nothing in a request body, for identity. A call without them comes
from inside the mesh (router_svc calling memory_svc), which the deployment keeps
out of clients' reach (NetworkPolicy, mTLS)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from atende_runtime.errors import PermissionDenied

ROLE_HEADER = "x-atende-role"
SUBJECT_HEADER = "x-atende-subject"
CONVERSATION_HEADER = "x-atende-conversation"
# The client's address as the gateway saw it (for the audit trail).
ADDRESS_HEADER = "x-atende-client-address"
IDENTITY_HEADERS = (ROLE_HEADER, SUBJECT_HEADER, CONVERSATION_HEADER, ADDRESS_HEADER)


class Role(StrEnum):
    CUSTOMER = "customer"
    AGENT = "agent"
    ADMIN = "admin"
    # A peer service inside the mesh: no gateway headers.
    INTERNAL = "internal"


@dataclass(frozen=True)
class Caller:
    role: Role
    # The credential's subject: a customer's user id, a human agent's id, an API key's name.
    subject: str = ""
    # The one conversation a customer credential is bound to.
    conversation: str = ""
    # Where the request came from, as the gateway saw it.
    address: str = ""

    @classmethod
    def from_metadata(cls, metadata: Iterable[tuple[str, Any]] | None) -> Caller:
        values = {key: value for key, value in metadata or () if key in IDENTITY_HEADERS and isinstance(value, str)}
        role = values.get(ROLE_HEADER)
        if role is None:
            return INTERNAL
        try:
            kind = Role(role)
        except ValueError:
            raise PermissionDenied(f"unknown caller role {role[:32]!r}") from None
        if kind is Role.INTERNAL:
            raise PermissionDenied("the internal role cannot be claimed through a header")
        return cls(kind, values.get(SUBJECT_HEADER, ""), values.get(CONVERSATION_HEADER, ""), values.get(ADDRESS_HEADER, ""))

    def check_conversation(self, conversation_id: str) -> None:
        """A customer credential reaches its own conversation only."""
        if self.role is Role.CUSTOMER and conversation_id != self.conversation:
            raise PermissionDenied("this credential is for another conversation")

    def acting_as(self, claimed: str, what: str) -> str:
        """The identity a customer or a human agent acts as: its credential's subject.
        A body value that differs is refused; an empty one is filled in. Admin and
        service credentials (a business's own back end) and peers inside the mesh
        name it in the request."""
        if self.role in (Role.INTERNAL, Role.ADMIN):
            return claimed
        if claimed and claimed != self.subject:
            raise PermissionDenied(f"{what} comes from the credential ({self.subject!r}), not the request")
        return self.subject


INTERNAL = Caller(Role.INTERNAL)
