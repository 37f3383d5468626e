"""Domain errors. Domain code raises these; the gRPC layer turns them into status
codes with google.rpc details. Nothing here imports grpc."""

from __future__ import annotations

from dataclasses import dataclass, field


class DomainError(Exception):
    """Base of the errors a client can act on."""


@dataclass
class FieldViolation:
    field: str
    description: str


@dataclass
class InvalidArgument(DomainError):
    """The request is malformed; each violation names the field and what is wrong."""

    violations: list[FieldViolation] = field(default_factory=list)

    def __str__(self) -> str:
        return "; ".join(f"{v.field}: {v.description}" for v in self.violations) or "invalid argument"

    @classmethod
    def single(cls, field_name: str, description: str) -> InvalidArgument:
        return cls([FieldViolation(field_name, description)])


class NotFound(DomainError):
    """The named resource does not exist."""


class FailedPrecondition(DomainError):
    """The request is valid but the system is not in a state to run it."""


class PermissionDenied(DomainError):
    """The caller's credential does not allow this (another customer's conversation,
    another agent's identity)."""


class Unavailable(DomainError):
    """A dependency is down; the caller may retry."""


class Validator:
    """Collects field violations so a client learns every problem at once."""

    def __init__(self) -> None:
        self.violations: list[FieldViolation] = []

    def add(self, field_name: str, description: str) -> None:
        self.violations.append(FieldViolation(field_name, description))

    def require(self, field_name: str, value: str) -> None:
        if not value or not value.strip():
            self.add(field_name, "is required")

    def max_length(self, field_name: str, value: str, limit: int) -> None:
        if len(value) > limit:
            self.add(field_name, f"is {len(value)} characters long; the limit is {limit}")

    def clean_text(self, field_name: str, value: str) -> None:
        """Rejects NUL bytes and lone surrogates, which PostgreSQL and UTF-8 cannot store."""
        if "\x00" in value:
            self.add(field_name, "contains a NUL character")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            self.add(field_name, "is not valid UTF-8")

    def check(self) -> None:
        if self.violations:
            raise InvalidArgument(list(self.violations))
