"""Registers a servicer on a grpc.aio server: the one way every service does it.

Each method of the service's descriptor gets
- lenient request decoding (atende_runtime.decoding): a request protobuf cannot
  parse is answered INVALID_ARGUMENT naming the field, never UNKNOWN;
- the error mapping: a DomainError raised by the method becomes its status code
  with google.rpc details, anything else INTERNAL with the request id only;
- the request context (request id, one log line per RPC), which the server's
  RequestContextInterceptor adds around these handlers;
- for the methods a service audits (`audited`, atende_runtime.audit), one audit
  event per call with its outcome, recorded without making the call wait.

Servicer methods are plain `async def` (or async generators for server streams)
named as in the .proto; a method the servicer lacks answers UNIMPLEMENTED."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Any

import grpc
from google.protobuf.descriptor import MethodDescriptor, ServiceDescriptor
from google.protobuf.message_factory import GetMessageClass

from atende_runtime.audit import Auditor, AuditRule
from atende_runtime.decoding import MalformedRequest, lenient
from atende_runtime.errors import FieldViolation, InvalidArgument
from atende_runtime.grpc_errors import abort_for

Context = grpc.aio.ServicerContext[Any, Any]
Behaviour = Callable[[Any, Context], Any]


def register(
    server: grpc.aio.Server,
    service: ServiceDescriptor,
    servicer: object,
    *,
    auditor: Auditor | None = None,
    audited: Mapping[str, AuditRule] | None = None,
) -> None:
    """What the generated add_*Servicer_to_server does, plus lenient decoding and
    the error mapping, for every method of `service`; each method named in
    `audited` (by its short name) records an audit event per call through `auditor`."""
    rules = _audit_rules(service, auditor, audited or {})
    handlers = {
        method.name: method_handler(method, getattr(servicer, method.name, None), auditor, rules.get(method.name))
        for method in service.methods
    }
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(service.full_name, handlers),))
    # Lets grpc dispatch these methods without the generic lookup, as generated code does.
    server.add_registered_method_handlers(service.full_name, handlers)  # type: ignore[attr-defined]


def _audit_rules(
    service: ServiceDescriptor, auditor: Auditor | None, audited: Mapping[str, AuditRule]
) -> Mapping[str, AuditRule]:
    """The rules, checked at start-up: each names a method of the service and a field
    its request has."""
    if audited and auditor is None:
        raise ValueError(f"{service.full_name}: audited methods need an auditor")
    for name, rule in audited.items():
        method = service.methods_by_name.get(name)
        if method is None:
            raise ValueError(f"{service.full_name} has no method {name!r} to audit")
        rule.check(method.full_name, method.input_type.fields_by_name)
    return audited


def method_handler(
    method: MethodDescriptor,
    implementation: Behaviour | None,
    auditor: Auditor | None = None,
    rule: AuditRule | None = None,
) -> grpc.RpcMethodHandler[Any, Any]:
    """The handler of one method: `implementation(request_or_iterator, context)`,
    audited when a rule is given."""
    streams = (method.client_streaming, method.server_streaming)
    if not (inspect.iscoroutinefunction(implementation) or inspect.isasyncgenfunction(implementation)):
        implementation = _unimplemented_stream if method.server_streaming else _unimplemented
    wrap, build = _KINDS[streams]
    handler = wrap(implementation)
    if auditor is not None and rule is not None:
        if method.server_streaming:
            handler = auditor.server_stream(method.full_name, rule, handler)
        elif method.client_streaming:
            handler = auditor.client_stream(method.full_name, rule, handler)
        else:
            handler = auditor.single(method.full_name, rule, handler)
    return build(
        handler,
        request_deserializer=lenient(GetMessageClass(method.input_type)),
        response_serializer=GetMessageClass(method.output_type).SerializeToString,
    )


def _single_response(requests: Callable[[Any], Any]) -> Callable[[Behaviour], Behaviour]:
    """Unary and client-streaming methods: awaited for one response."""

    def wrap(implementation: Behaviour) -> Behaviour:
        async def handle(request: Any, context: Context) -> Any:
            try:
                return await implementation(requests(request), context)
            except grpc.aio.AbortError:
                raise
            except Exception as error:
                await abort_for(context, error)

        return handle

    return wrap


def _streamed_response(requests: Callable[[Any], Any]) -> Callable[[Behaviour], Behaviour]:
    """Server-streaming and bidirectional methods: async generators."""

    def wrap(implementation: Behaviour) -> Behaviour:
        async def handle(request: Any, context: Context) -> AsyncIterator[Any]:
            try:
                async for item in implementation(requests(request), context):
                    yield item
            except grpc.aio.AbortError:
                raise
            except Exception as error:
                await abort_for(context, error)

        return handle

    return wrap


def _one(request: Any) -> Any:
    if isinstance(request, MalformedRequest):
        raise request.error
    return request


async def _each(requests: AsyncIterator[Any]) -> AsyncIterator[Any]:
    """A request stream whose malformed message ends the call, named by its
    position: `messages[3].documents[0].text`."""
    index = 0
    async for request in requests:
        if isinstance(request, MalformedRequest):
            raise InvalidArgument([_in_stream(v, index) for v in request.error.violations])
        yield request
        index += 1


def _in_stream(violation: FieldViolation, index: int) -> FieldViolation:
    if violation.field == "request":
        return FieldViolation(f"messages[{index}]", violation.description)
    return FieldViolation(f"messages[{index}].{violation.field}", violation.description)


async def _unimplemented(request: Any, context: Context) -> Any:
    await context.abort(grpc.StatusCode.UNIMPLEMENTED, "method not implemented")


async def _unimplemented_stream(request: Any, context: Context) -> AsyncIterator[Any]:
    await context.abort(grpc.StatusCode.UNIMPLEMENTED, "method not implemented")
    yield  # an async generator, as grpc expects of a streaming handler


_KINDS: dict[tuple[bool, bool], tuple[Callable[[Behaviour], Behaviour], Callable[..., grpc.RpcMethodHandler[Any, Any]]]] = {
    (False, False): (_single_response(_one), grpc.unary_unary_rpc_method_handler),
    (True, False): (_single_response(_each), grpc.stream_unary_rpc_method_handler),
    (False, True): (_streamed_response(_one), grpc.unary_stream_rpc_method_handler),
    (True, True): (_streamed_response(_each), grpc.stream_stream_rpc_method_handler),
}
