"""Lenient request decoding: a request protobuf cannot parse becomes an
InvalidArgument that names the offending field, instead of gRPC's bare UNKNOWN.

protobuf refuses to parse a string field that is not valid UTF-8 (a lone surrogate
encoded by a careless client, Latin-1 bytes). When that happens, the raw bytes are
walked with the message's descriptor to name every such field (`documents[2].text`;
a map is named as the map). Bytes that are not a protobuf message at all are named
`request`.

A message that parses can still hold what no domain type can: a Timestamp past year
9999 or with negative nanos. `datetime_from` reads one as a datetime or names the field."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import cast

from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import DecodeError, Message
from google.protobuf.timestamp_pb2 import Timestamp

from atende_runtime.errors import FieldViolation, InvalidArgument

NOT_UTF8 = "is not valid UTF-8 text"
NOT_UTF8_MAP = "has a key or value that is not valid UTF-8 text"
NOT_A_MESSAGE = "is not a valid protobuf message"
NOT_A_TIMESTAMP = "is not a valid timestamp (0001-01-01 to 9999-12-31 UTC, nanos from 0 to 999999999)"


class MalformedRequest:
    """Stands in for a request that could not be parsed; the handler answers with `error`."""

    __slots__ = ("error",)

    def __init__(self, error: InvalidArgument) -> None:
        self.error = error


def lenient(message_class: type[Message]) -> Callable[[bytes], Message | MalformedRequest]:
    """A request deserializer that never raises: it returns the message, or a
    MalformedRequest saying which field is wrong."""
    descriptor = cast(Descriptor, message_class.DESCRIPTOR)
    from_string = message_class.FromString

    def parse(data: bytes) -> Message | MalformedRequest:
        try:
            return from_string(data)
        except DecodeError:
            violations = utf8_violations(descriptor, data) or [FieldViolation("request", NOT_A_MESSAGE)]
            return MalformedRequest(InvalidArgument(violations))

    return parse


def datetime_from(value: Timestamp, field: str) -> datetime:
    """`value` as an aware UTC datetime; one out of range is InvalidArgument naming `field`."""
    try:
        return value.ToDatetime(tzinfo=UTC)
    except (ValueError, OverflowError):
        raise InvalidArgument.single(field, NOT_A_TIMESTAMP) from None


def utf8_violations(descriptor: Descriptor, data: bytes, path: str = "") -> list[FieldViolation]:
    """Every string field of `data` (read as a `descriptor` message, nested messages
    included) whose bytes are not UTF-8; a corrupt message is named itself."""
    violations: list[FieldViolation] = []
    counts: dict[int, int] = {}
    try:
        for number, chunk in _length_delimited(data):
            field = descriptor.fields_by_number.get(number)
            if field is not None:
                violations.extend(_check(field, chunk, _name(field, path, counts)))
    except ValueError:
        # Bytes shifted by a bad field make the rest unreadable: the field says enough.
        if not violations:
            violations.append(FieldViolation(path.rstrip(".") or "request", NOT_A_MESSAGE))
    return violations


def _check(field: FieldDescriptor, chunk: bytes, name: str) -> list[FieldViolation]:
    if field.type == FieldDescriptor.TYPE_STRING:
        try:
            chunk.decode("utf-8")
        except UnicodeDecodeError:
            return [FieldViolation(name, NOT_UTF8)]
        return []
    if field.type != FieldDescriptor.TYPE_MESSAGE or field.message_type is None:
        return []
    inner = utf8_violations(field.message_type, chunk, name + ".")
    if inner and field.message_type.GetOptions().map_entry:
        # Name the map, not the synthetic key/value fields of its entry.
        if all(v.description == NOT_UTF8 for v in inner):
            return [FieldViolation(name, NOT_UTF8_MAP)]
        # An entry that is no key/value pair at all: what Envoy's transcoder sends for
        # a JSON object or list where a map wants a string ({"metadata": {"a": {"b": 1}}}).
        return [FieldViolation(name, map_entry_problem(field.message_type))]
    return inner


def map_entry_problem(entry: Descriptor) -> str:
    """What a map's entries must be: "each entry must be a string key with a string value"."""
    key, value = entry.fields_by_name["key"], entry.fields_by_name["value"]
    return f"each entry must be {_kind(key)} key with {_kind(value)} value"


_KINDS = {
    FieldDescriptor.TYPE_STRING: "a string",
    FieldDescriptor.TYPE_BYTES: "a bytes",
    FieldDescriptor.TYPE_BOOL: "a boolean",
    FieldDescriptor.TYPE_DOUBLE: "a number",
    FieldDescriptor.TYPE_FLOAT: "a number",
}


def _kind(field: FieldDescriptor) -> str:
    if field.message_type is not None:
        return f"a {field.message_type.name} object"
    if field.enum_type is not None:
        return f"a {field.enum_type.name}"
    return _KINDS.get(field.type, "an integer")


def _name(field: FieldDescriptor, path: str, counts: dict[int, int]) -> str:
    """`path` + the field's name, indexed when it is a repeated field (not a map)."""
    name = f"{path}{field.name}"
    if not field.is_repeated or (field.message_type is not None and field.message_type.GetOptions().map_entry):
        return name
    index = counts.get(field.number, 0)
    counts[field.number] = index + 1
    return f"{name}[{index}]"


# Protobuf wire types: just enough of the format to find the length-delimited fields.
_VARINT, _I64, _LEN, _I32 = 0, 1, 2, 5
_FIXED_SIZE = {_I64: 8, _I32: 4}


def _length_delimited(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(field number, bytes) of each length-delimited field of a message, in order;
    ValueError when `data` cannot be read as one (groups, which these contracts
    never use, count as unreadable)."""
    at = 0
    while at < len(data):
        key, at = _varint(data, at)
        number, wire = key >> 3, key & 7
        if wire == _VARINT:
            _, at = _varint(data, at)
        elif wire in _FIXED_SIZE:
            at += _FIXED_SIZE[wire]
        elif wire == _LEN:
            size, at = _varint(data, at)
            # A field cut short is still read: the client's bad bytes are often in it.
            yield number, data[at : at + size]
            at += size
        else:
            raise ValueError(f"wire type {wire}")


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if at >= len(data) or shift > 63:
            raise ValueError("truncated varint")
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, at
        shift += 7
