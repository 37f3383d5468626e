"""Registers servicers with request parsing that turns a malformed request into
INVALID_ARGUMENT with the offending field, instead of gRPC's bare INTERNAL.

protobuf refuses to parse a string field that is not valid UTF-8 (a lone surrogate
encoded by a careless client, say). When that happens, the raw bytes are walked with
the message's descriptor to name every such field."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, cast

import grpc
from google.protobuf.descriptor import Descriptor, FieldDescriptor, ServiceDescriptor
from google.protobuf.message import DecodeError, Message
from google.protobuf.message_factory import GetMessageClass

from atende_runtime.errors import FieldViolation, InvalidArgument
from atende_runtime.grpc_errors import abort


class MalformedRequest:
    """Stands in for a request that could not be parsed."""

    def __init__(self, error: InvalidArgument) -> None:
        self.error = error


def _deserializer(cls: type[Message]) -> Callable[[bytes], Message | MalformedRequest]:
    def parse(data: bytes) -> Message | MalformedRequest:
        try:
            return cls.FromString(data)
        except DecodeError:
            violations = _utf8_violations(cast(Descriptor, cls.DESCRIPTOR), data, "")
            if not violations:
                violations = [FieldViolation("request", "is not a valid protobuf message")]
            return MalformedRequest(InvalidArgument(violations))

    return parse


def _guarded(handler: Callable[[Any, grpc.aio.ServicerContext[Any, Any]], Awaitable[Any]]) -> Any:
    async def call(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
        if isinstance(request, MalformedRequest):
            await abort(context, request.error)
            return None
        return await handler(request, context)

    return call


def _guarded_stream(handler: Callable[[Any, grpc.aio.ServicerContext[Any, Any]], AsyncIterator[Any]]) -> Any:
    async def call(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> AsyncIterator[Any]:
        if isinstance(request, MalformedRequest):
            await abort(context, request.error)
            return
        async for item in handler(request, context):
            yield item

    return call


def register(server: grpc.aio.Server, service: ServiceDescriptor, servicer: object) -> None:
    """What the generated add_*Servicer_to_server does, with lenient parsing."""
    handlers = {}
    for method in service.methods:
        request_cls = GetMessageClass(method.input_type)
        response_cls = GetMessageClass(method.output_type)
        if method.server_streaming:
            handlers[method.name] = grpc.unary_stream_rpc_method_handler(
                _guarded_stream(getattr(servicer, method.name)),
                request_deserializer=_deserializer(request_cls),
                response_serializer=response_cls.SerializeToString,
            )
            continue
        handlers[method.name] = grpc.unary_unary_rpc_method_handler(
            _guarded(getattr(servicer, method.name)),
            request_deserializer=_deserializer(request_cls),
            response_serializer=response_cls.SerializeToString,
        )
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(service.full_name, handlers),))
    # Lets grpc dispatch these methods without the generic lookup, as generated code does.
    server.add_registered_method_handlers(service.full_name, handlers)  # type: ignore[attr-defined]


# Protobuf wire format, just enough to find string fields with bad UTF-8.

_VARINT, _I64, _LEN, _SGROUP, _EGROUP, _I32 = 0, 1, 2, 3, 4, 5


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


def _utf8_violations(descriptor: Descriptor, data: bytes, path: str) -> list[FieldViolation]:
    violations: list[FieldViolation] = []
    counts: dict[int, int] = {}
    at = 0
    try:
        while at < len(data):
            key, at = _varint(data, at)
            number, wire = key >> 3, key & 7
            if wire == _VARINT:
                _, at = _varint(data, at)
                continue
            if wire == _I64:
                at += 8
                continue
            if wire == _I32:
                at += 4
                continue
            if wire != _LEN:
                break  # groups are not used by these contracts
            size, at = _varint(data, at)
            chunk, at = data[at : at + size], at + size
            field = descriptor.fields_by_number.get(number)
            if field is None:
                continue
            name = f"{path}{field.name}"
            if _is_repeated(field):
                index = counts.get(number, 0)
                counts[number] = index + 1
                if field.message_type is None or not field.message_type.GetOptions().map_entry:
                    name = f"{name}[{index}]"
            if field.type == FieldDescriptor.TYPE_STRING:
                try:
                    chunk.decode("utf-8")
                except UnicodeDecodeError:
                    violations.append(FieldViolation(name, "is not valid UTF-8"))
            elif field.type == FieldDescriptor.TYPE_MESSAGE and field.message_type is not None:
                inner = _utf8_violations(field.message_type, chunk, name + ".")
                if inner and field.message_type.GetOptions().map_entry:
                    # A map entry: name the map, not its synthetic key/value fields.
                    violations.append(FieldViolation(name, "has a key or value that is not valid UTF-8"))
                else:
                    violations.extend(inner)
    except ValueError:
        violations.append(FieldViolation(path.rstrip(".") or "request", "is not a valid protobuf message"))
    return violations


def _is_repeated(field: FieldDescriptor) -> bool:
    # `is_repeated` is the newer spelling; `label` is deprecated in recent protobuf.
    repeated = getattr(field, "is_repeated", None)
    if repeated is not None:
        return bool(repeated)
    return bool(getattr(field, "label", None) == FieldDescriptor.LABEL_REPEATED)
