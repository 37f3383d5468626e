"""The OpenAPI 3.1 document of the gateway's REST surface, generated from the descriptor
set (gen/atende.pb) so it cannot drift from what Envoy transcodes.

What comes from where:
- every route: the google.api.http rules of the services the transcoder serves
  (gateway.web_routes.TRANSCODED_SERVICES), additional bindings included; path
  templates, the body ("*", one field, or none) and the query parameters follow the
  http rule's semantics (https://google.aip.dev/127): a field bound by the path is a
  path parameter, the body takes the rest ("*") or one field, and without "*" every
  other scalar field (nested ones by their dotted path) is a query parameter;
- the schemas: each message in the proto3 JSON mapping as the transcoder prints it
  (proto field names, int64 as strings, enums by name, the well-known types' own JSON,
  maps, repeated fields, oneofs as "at most one of"), comments as descriptions,
  `(google.api.field_behavior) = REQUIRED` as `required`;
- who may call: the `(atende.common.v1.access)` option of each RPC;
- the errors: google.rpc.Status as `convert_grpc_status` writes it, with the
  google.rpc error details it may carry.

The routes the gateway serves without the transcoder (the chat's session, the
webhooks, this document and its page) have no descriptor: they are written below, and
tests/e2e/test_web.py calls each through Envoy and checks the answers against them.

Usage: python tools/gen_openapi.py [DESCRIPTOR_SET] [OUT_FILE]   (make proto runs it)
"""

from __future__ import annotations

import json
import re
import textwrap
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

# annotations_pb2, field_behavior_pb2 and access_pb2 register their options: imported
# before the descriptor set is parsed, or the options stay unknown fields.
from atende.common.v1 import access_pb2
from google.api import annotations_pb2, field_behavior_pb2
from google.protobuf import descriptor_pb2

from gateway.web_routes import TRANSCODED_SERVICES

ROOT = Path(__file__).resolve().parent.parent
Json = dict[str, Any]
_F = descriptor_pb2.FieldDescriptorProto

# The field options as typed extension handles (the generated stubs type them loosely).
_HTTP = cast(Any, annotations_pb2.http)
_BEHAVIOR = cast(Any, field_behavior_pb2.field_behavior)
_ACCESS = cast(Any, access_pb2.access)
_ACCESS_NAMES: dict[int, str] = {
    access_pb2.ACCESS_CUSTOMER: "customer", access_pb2.ACCESS_AGENT: "agent", access_pb2.ACCESS_ADMIN: "admin",
}
_ACCESS_WORDS = {
    "customer": "a customer token for this conversation, a human agent's or an admin's credential",
    "agent": "a human agent's token or API key, or an admin's credential",
    "admin": "an admin API key or an admin token",
}

_SCALARS: dict[int, Json] = {
    _F.TYPE_STRING: {"type": "string"},
    _F.TYPE_BYTES: {"type": "string", "format": "byte", "description": "base64"},
    _F.TYPE_BOOL: {"type": "boolean"},
    _F.TYPE_DOUBLE: {"type": "number", "format": "double"},
    _F.TYPE_FLOAT: {"type": "number", "format": "float"},
    _F.TYPE_INT32: {"type": "integer", "format": "int32"},
    _F.TYPE_SINT32: {"type": "integer", "format": "int32"},
    _F.TYPE_SFIXED32: {"type": "integer", "format": "int32"},
    _F.TYPE_UINT32: {"type": "integer", "format": "int64", "minimum": 0, "maximum": 4294967295},
    _F.TYPE_FIXED32: {"type": "integer", "format": "int64", "minimum": 0, "maximum": 4294967295},
    # proto3 JSON: 64-bit integers are strings (a number is accepted on input).
    _F.TYPE_INT64: {"type": "string", "format": "int64"},
    _F.TYPE_SINT64: {"type": "string", "format": "int64"},
    _F.TYPE_SFIXED64: {"type": "string", "format": "int64"},
    _F.TYPE_UINT64: {"type": "string", "format": "uint64"},
    _F.TYPE_FIXED64: {"type": "string", "format": "uint64"},
}

# The well-known types' own JSON forms (https://protobuf.dev/programming-guides/json/).
_WELL_KNOWN: dict[str, Json] = {
    ".google.protobuf.Timestamp": {"type": "string", "format": "date-time", "description": "RFC 3339, e.g. 2026-01-01T12:00:00Z"},
    ".google.protobuf.Duration": {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]{1,9})?s$", "description": "e.g. 1.5s"},
    ".google.protobuf.FieldMask": {"type": "string", "description": "comma-separated lowerCamelCase field paths"},
    ".google.protobuf.Struct": {"type": "object", "additionalProperties": True},
    ".google.protobuf.Value": {},
    ".google.protobuf.ListValue": {"type": "array", "items": {}},
    ".google.protobuf.Empty": {"type": "object", "properties": {}},
    ".google.protobuf.Any": {
        "type": "object",
        "properties": {"@type": {"type": "string", "description": "type.googleapis.com/<the message's full name>"}},
        "required": ["@type"],
        "additionalProperties": True,
        "description": "A message of any type: its fields beside the @type that names it.",
    },
    ".google.protobuf.DoubleValue": {"type": ["number", "null"], "format": "double"},
    ".google.protobuf.FloatValue": {"type": ["number", "null"], "format": "float"},
    ".google.protobuf.Int64Value": {"type": ["string", "null"], "format": "int64"},
    ".google.protobuf.UInt64Value": {"type": ["string", "null"], "format": "uint64"},
    ".google.protobuf.Int32Value": {"type": ["integer", "null"], "format": "int32"},
    ".google.protobuf.UInt32Value": {"type": ["integer", "null"], "format": "int64", "minimum": 0},
    ".google.protobuf.BoolValue": {"type": ["boolean", "null"]},
    ".google.protobuf.StringValue": {"type": ["string", "null"]},
    ".google.protobuf.BytesValue": {"type": ["string", "null"], "format": "byte"},
}
# Well-known types a query parameter can carry as one value.
_QUERY_WELL_KNOWN = {name for name, schema in _WELL_KNOWN.items() if schema.get("type") not in ("object", "array", None)}

# HTTP status of each gRPC status over REST (Envoy's transcoder, convert_grpc_status).
_ERROR_RESPONSES: dict[str, tuple[str, str]] = {
    "400": ("BadRequest", "INVALID_ARGUMENT, FAILED_PRECONDITION or OUT_OF_RANGE: the request is wrong, and the "
            "message (with a google.rpc.BadRequest detail listing the field violations) says how. Also a body "
            "that is not JSON, names a field the request does not have, or puts a value of the wrong type."),
    "401": ("Unauthenticated", "UNAUTHENTICATED: no credential, or an unknown, expired, revoked or badly signed one."),
    "403": ("PermissionDenied", "PERMISSION_DENIED: the credential's role does not reach this route, or a customer "
            "token names another conversation, or a human_id differs from the credential's identity."),
    "404": ("NotFound", "NOT_FOUND: nothing has the id in the path (or no route has this path)."),
    "413": ("PayloadTooLarge", "The body is larger than the gateway's 1 MiB."),
    "429": ("TooManyRequests", "RESOURCE_EXHAUSTED: over the rate limit of the credential (or client address); "
            "wait for Retry-After seconds."),
    "503": ("Unavailable", "UNAVAILABLE: a service cannot answer now (or the guard that checks API keys is away); "
            "retry with backoff (a turn with the same client_message_id is never stored twice)."),
    "504": ("DeadlineExceeded", "DEADLINE_EXCEEDED: the answer took longer than the route's timeout."),
}
_ERROR_DETAILS = (
    "BadRequest", "ErrorInfo", "RetryInfo", "QuotaFailure", "PreconditionFailure", "ResourceInfo", "Help",
    "LocalizedMessage", "RequestInfo", "DebugInfo",
)


def _ref(full_name: str) -> Json:
    return {"$ref": f"#/components/schemas/{full_name.lstrip('.')}"}


def _clean(comment: str) -> str:
    return textwrap.dedent(comment).strip()


def _first_sentence(text: str) -> str:
    one_line = " ".join(text.split())
    match = re.match(r"(.+?[.:])(\s|$)", one_line)
    return (match.group(1) if match else one_line)[:120]


@dataclass
class _Message:
    proto: descriptor_pb2.DescriptorProto
    comment: str
    field_comments: dict[str, str]


@dataclass
class _Enum:
    proto: descriptor_pb2.EnumDescriptorProto
    comment: str
    value_comments: dict[str, str]


@dataclass(frozen=True)
class Binding:
    """One REST binding of an RPC (its google.api.http rule or an additional one)."""

    verb: str  # get, post, put, patch, delete
    template: str  # /v1/conversations/{conversation_id}/messages, /v1/{name=conversations/*}
    body: str  # "*", a field's name, or ""
    response_body: str  # "" (the whole response) or a field's name
    service: str  # atende.conversation.v1.ConversationService
    method: descriptor_pb2.MethodDescriptorProto
    comment: str
    index: int  # 0 for the rule itself, 1... for additional bindings


class _Descriptors:
    """The descriptor set's messages, enums, services and their comments, by full name."""

    def __init__(self, files: Iterable[descriptor_pb2.FileDescriptorProto], services: Iterable[str]) -> None:
        self.transcoded = set(services)
        self.messages: dict[str, _Message] = {}
        self.enums: dict[str, _Enum] = {}
        self.bindings: list[Binding] = []
        self.services: dict[str, str] = {}
        for file in files:
            comments = {
                tuple(location.path): _clean(location.leading_comments or location.trailing_comments)
                for location in file.source_code_info.location
            }
            prefix = f".{file.package}" if file.package else ""
            for i, message in enumerate(file.message_type):
                self._message(prefix, message, (4, i), comments)
            for i, enum in enumerate(file.enum_type):
                self._enum(prefix, enum, (5, i), comments)
            for i, service in enumerate(file.service):
                self._service(file.package, service, (6, i), comments)

    def _message(self, prefix: str, message: descriptor_pb2.DescriptorProto, path: tuple[int, ...],
                 comments: dict[tuple[int, ...], str]) -> None:
        name = f"{prefix}.{message.name}"
        fields = {f.name: comments.get((*path, 2, k), "") for k, f in enumerate(message.field)}
        self.messages[name] = _Message(message, comments.get(path, ""), fields)
        for k, inner in enumerate(message.nested_type):
            self._message(name, inner, (*path, 3, k), comments)
        for k, enum in enumerate(message.enum_type):
            self._enum(name, enum, (*path, 4, k), comments)

    def _enum(self, prefix: str, enum: descriptor_pb2.EnumDescriptorProto, path: tuple[int, ...],
              comments: dict[tuple[int, ...], str]) -> None:
        values = {v.name: comments.get((*path, 2, k), "") for k, v in enumerate(enum.value)}
        self.enums[f"{prefix}.{enum.name}"] = _Enum(enum, comments.get(path, ""), values)

    def _service(self, package: str, service: descriptor_pb2.ServiceDescriptorProto, path: tuple[int, ...],
                 comments: dict[tuple[int, ...], str]) -> None:
        full = f"{package}.{service.name}"
        if full not in self.transcoded:
            return
        self.services[full] = comments.get(path, "")
        for k, method in enumerate(service.method):
            if not method.options.HasExtension(_HTTP):
                continue
            top = method.options.Extensions[_HTTP]
            for index, rule in enumerate((top, *top.additional_bindings)):
                verb = rule.WhichOneof("pattern")
                if verb is None or verb == "custom":
                    continue
                self.bindings.append(Binding(
                    verb, getattr(rule, verb), rule.body, rule.response_body, full, method,
                    comments.get((*path, 2, k), ""), index,
                ))


# ---------------------------------------------------------------- schemas


class _Schemas:
    """Component schemas, added as the routes reach them."""

    def __init__(self, descriptors: _Descriptors) -> None:
        self.d = descriptors
        self.components: dict[str, Json] = {}

    def of_field(self, f: _F, comment: str = "") -> Json:
        if f.type_name in self.d.messages and self.d.messages[f.type_name].proto.options.map_entry:
            entry = self.d.messages[f.type_name].proto
            key, value = entry.field[0], entry.field[1]
            schema: Json = {"type": "object", "additionalProperties": self.of_single(value)}
            if key.type != _F.TYPE_STRING:
                schema["propertyNames"] = {"pattern": "^(true|false)$" if key.type == _F.TYPE_BOOL else "^-?[0-9]+$"}
        elif f.label == _F.LABEL_REPEATED:
            schema = {"type": "array", "items": self.of_single(f)}
        else:
            schema = self.of_single(f)
        if comment:
            schema = {**schema, "description": comment}
        behaviors = list(f.options.Extensions[_BEHAVIOR])
        if field_behavior_pb2.OUTPUT_ONLY in behaviors:
            schema["readOnly"] = True
        return schema

    def of_single(self, f: _F) -> Json:
        if f.type in (_F.TYPE_MESSAGE, _F.TYPE_GROUP):
            return self.message_ref(f.type_name)
        if f.type == _F.TYPE_ENUM:
            return self.enum_ref(f.type_name)
        return dict(_SCALARS[f.type])

    def enum_ref(self, name: str) -> Json:
        key = name.lstrip(".")
        if key not in self.components:
            enum = self.d.enums[name]
            lines = [enum.comment] if enum.comment else []
            lines += [f"- `{v.name}`: {' '.join(enum.value_comments[v.name].split())}" for v in enum.proto.value]
            self.components[key] = {
                "type": "string",
                "enum": [v.name for v in enum.proto.value],
                "description": "\n".join(lines) + "\n\n(The number of a value is accepted too.)",
            }
        return _ref(name)

    def message_ref(self, name: str) -> Json:
        key = name.lstrip(".")
        if key not in self.components:
            self.components[key] = {}  # reserved first: a message may contain itself
            self.components[key] = self.message_schema(name)
        return _ref(name)

    def message_schema(self, name: str, without: frozenset[str] = frozenset()) -> Json:
        """The object schema of a message (less the fields in `without`)."""
        if name in _WELL_KNOWN:
            return dict(_WELL_KNOWN[name])
        message = self.d.messages[name]
        fields = [f for f in message.proto.field if f.name not in without]
        schema: Json = {"type": "object", "properties": {}}
        if message.comment:
            schema["description"] = message.comment
        required = []
        for f in fields:
            schema["properties"][f.name] = self.of_field(f, message.field_comments.get(f.name, ""))
            if field_behavior_pb2.REQUIRED in list(f.options.Extensions[_BEHAVIOR]):
                required.append(f.name)
        if required:
            schema["required"] = required
        groups = self._oneofs(message.proto, fields)
        if groups:
            # At most one member of each oneof is set: no two of them together.
            pairs = [{"required": [a, b]} for group in groups for i, a in enumerate(group) for b in group[i + 1:]]
            if pairs:
                schema["not"] = {"anyOf": pairs}
            schema["x-oneof"] = groups
        return schema

    @staticmethod
    def _oneofs(message: descriptor_pb2.DescriptorProto, fields: list[_F]) -> list[list[str]]:
        groups: dict[int, list[str]] = {}
        for f in fields:
            if f.HasField("oneof_index") and not f.proto3_optional:
                groups.setdefault(f.oneof_index, []).append(f.name)
        return [groups[i] for i in sorted(groups)]


# ---------------------------------------------------------------- operations


_TEMPLATE_VARIABLE = re.compile(r"\{([^}=]+)(?:=([^}]*))?\}")


def _path_variables(template: str) -> list[tuple[str, str]]:
    """(field path, pattern) of each variable: {conversation_id} -> ("conversation_id", "*")."""
    return [(m.group(1), m.group(2) or "*") for m in _TEMPLATE_VARIABLE.finditer(template)]


def openapi_path(template: str) -> str:
    """The OpenAPI path of a template: {name=conversations/*} -> {name}."""
    return _TEMPLATE_VARIABLE.sub(lambda m: "{" + m.group(1) + "}", template)


def _pattern_regex(pattern: str) -> str:
    """A path variable's pattern as a regular expression (* one segment, ** any)."""
    parts = [r"[^/]+" if p == "*" else ".+" if p == "**" else re.escape(p) for p in pattern.split("/")]
    return "^" + "/".join(parts) + "$"


class _Operations:
    def __init__(self, descriptors: _Descriptors, schemas: _Schemas) -> None:
        self.d = descriptors
        self.schemas = schemas

    def _field(self, message_name: str, dotted: str) -> tuple[_F, str]:
        """The field a dotted path names (a.b.c), and its comment."""
        message = self.d.messages[message_name]
        head, _, rest = dotted.partition(".")
        f = next(f for f in message.proto.field if f.name == head)
        if rest:
            return self._field(f.type_name, rest)
        return f, message.field_comments.get(head, "")

    def _query_parameters(self, message_name: str, bound: set[str], prefix: str = "", depth: int = 0) -> Iterator[Json]:
        """Every field a query parameter can set: scalars, repeated scalars, enums and the
        well-known types with a one-value JSON form; nested messages by dotted path."""
        message = self.d.messages[message_name]
        for f in message.proto.field:
            name = prefix + f.name
            if name in bound:
                continue
            inner = self.d.messages.get(f.type_name)
            if inner is not None and inner.proto.options.map_entry:
                continue
            if f.type == _F.TYPE_MESSAGE and f.type_name not in _QUERY_WELL_KNOWN:
                if f.label != _F.LABEL_REPEATED and depth < 2 and f.type_name not in _WELL_KNOWN:
                    yield from self._query_parameters(f.type_name, bound, name + ".", depth + 1)
                continue
            schema = self.schemas.of_field(f)
            parameter: Json = {"name": name, "in": "query", "schema": schema}
            comment = message.field_comments.get(f.name, "")
            if comment:
                parameter["description"] = comment
                schema.pop("description", None)
            if field_behavior_pb2.REQUIRED in list(f.options.Extensions[_BEHAVIOR]):
                parameter["required"] = True
            if f.label == _F.LABEL_REPEATED:
                parameter.update(style="form", explode=True)
            yield parameter

    def operation(self, binding: Binding, operation_ids: set[str]) -> Json:
        method = binding.method
        rpc = f"{binding.service}.{method.name}"
        service_name = binding.service.rsplit(".", 1)[1]
        operation_id = f"{service_name}_{method.name}" + (f"_{binding.index}" if binding.index else "")
        assert operation_id not in operation_ids, operation_id
        operation_ids.add(operation_id)
        access = _ACCESS_NAMES.get(int(method.options.Extensions[_ACCESS]), "admin")
        description = binding.comment + f"\n\nWho may call: {_ACCESS_WORDS[access]}.\n\ngRPC: `{rpc}`."
        operation: Json = {
            "operationId": operation_id,
            "tags": [service_name],
            "summary": _first_sentence(binding.comment) or method.name,
            "description": description.strip(),
            "security": [{"ApiKey": []}, {"BearerToken": []}],
            "x-grpc-method": rpc,
            "x-http-body": binding.body,
            "x-atende-access": access,
        }
        parameters, bound = self._path_parameters(binding)
        if binding.body != "*":
            taken = bound | ({binding.body} if binding.body else set())
            parameters += list(self._query_parameters(method.input_type, taken))
        if parameters:
            operation["parameters"] = parameters
        if binding.body:
            operation["requestBody"] = self._request_body(binding, bound)
        operation["responses"] = self._responses(binding, bool(bound))
        return operation

    def _path_parameters(self, binding: Binding) -> tuple[list[Json], set[str]]:
        parameters, bound = [], set()
        for name, pattern in _path_variables(binding.template):
            f, comment = self._field(binding.method.input_type, name)
            schema = self.schemas.of_field(f)
            schema.pop("description", None)
            if pattern != "*":
                schema["pattern"] = _pattern_regex(pattern)
            parameter: Json = {"name": name, "in": "path", "required": True, "schema": schema}
            if comment:
                parameter["description"] = comment
            parameters.append(parameter)
            bound.add(name)
        return parameters, bound

    def _request_body(self, binding: Binding, bound: set[str]) -> Json:
        input_type = binding.method.input_type
        if binding.body == "*":
            top = {name.split(".")[0] for name in bound}
            schema = self.schemas.message_ref(input_type) if not top else self.schemas.message_schema(input_type, frozenset(top))
            description = "The request message" + (f", less the path's {', '.join(sorted(top))}" if top else "") + "."
            required = True
        else:
            f, comment = self._field(input_type, binding.body)
            schema = self.schemas.of_field(f)
            description = comment or f"The request's `{binding.body}`."
            required = field_behavior_pb2.REQUIRED in list(f.options.Extensions[_BEHAVIOR])
        body: Json = {
            "description": description + " Field names as in the proto (lowerCamelCase is accepted too); "
            "a field the message does not have is a 400.",
            "required": required,
            "content": {"application/json": {"schema": schema}},
        }
        return body

    def _responses(self, binding: Binding, has_path_ids: bool) -> Json:
        method = binding.method
        if binding.response_body not in ("", "*"):
            f, _ = self._field(method.output_type, binding.response_body)
            schema = self.schemas.of_field(f)
        else:
            schema = self.schemas.message_ref(method.output_type)
        if method.server_streaming:
            ok: Json = {
                "description": "A stream of messages as they are produced. With `Accept: text/event-stream`, "
                "Server-Sent Events (`data: <message as JSON>` a event); otherwise newline-delimited JSON, one "
                "message a line. An error after the first message arrives in-band as a google.rpc.Status "
                "(the HTTP status stays 200): check each item for `code`.",
                "content": {
                    "application/json": {"schema": schema, "x-stream": "newline-delimited"},
                    "text/event-stream": {
                        "schema": {"type": "string", "description": "`data: <JSON>` events, each one message"},
                        "x-stream-item": schema,
                    },
                },
            }
        else:
            ok = {"description": "OK", "content": {"application/json": {"schema": schema}}}
        responses: Json = {"200": ok}
        codes = ["400", "401", "403"]
        if has_path_ids:
            codes.append("404")
        if binding.body:
            codes.append("413")
        codes += ["429", "503", "504"]
        for code in codes:
            responses[code] = {"$ref": f"#/components/responses/{_ERROR_RESPONSES[code][0]}"}
        responses["default"] = {"$ref": "#/components/responses/Error"}
        return responses


# ---------------------------------------------------------------- the routes without descriptors


def _status_content() -> Json:
    return {"application/json": {"schema": _ref("google.rpc.Status")}}


def _web_paths() -> dict[str, Json]:
    """The routes the gateway serves without the transcoder (gateway/web and
    integrations_svc/channels): their shapes, written here."""
    errors = {code: {"description": _ERROR_RESPONSES[code][1], "content": _status_content()} for code in ("400", "403")}
    session_reply = {
        "type": "object",
        "required": ["conversation_id", "user_id", "token", "expires_in"],
        "properties": {
            "conversation_id": {"type": "string", "description": "The conversation the token is bound to."},
            "user_id": {"type": "string", "description": "The customer's user id the token carries."},
            "token": {"type": "string", "description": "A customer token (JWT) for Authorization: Bearer."},
            "expires_in": {"type": "integer", "description": "Seconds the token is valid."},
        },
    }
    plain = {"description": "OK", "content": {"text/plain": {"schema": {"type": "string"}}}}
    return {
        "/chat/session": {"post": {
            "operationId": "Web_CreateChatSession",
            "tags": ["Web"],
            "summary": "A short-lived customer token for the web chat.",
            "description": "Mints a customer token bound to a fresh conversation (or, with `renew`, a new token "
            "for the same user and conversation, from one this gateway signed that expired less than the grace "
            "ago). Rate-limited per client address. Needs no credential.",
            "security": [],
            "requestBody": {"required": False, "content": {"application/json": {"schema": {
                "type": "object",
                "properties": {"renew": {"type": "string", "description": "The previous token, to renew it."}},
            }}}},
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": session_reply}}},
                **errors,
                "429": {"$ref": "#/components/responses/TooManyRequests"},
                "503": {"$ref": "#/components/responses/Unavailable"},
            },
        }},
        "/webhooks/whatsapp": {
            "get": {
                "operationId": "Webhooks_VerifyWhatsApp",
                "tags": ["Webhooks"],
                "summary": "Meta's verification handshake.",
                "description": "Answers `hub.challenge` when `hub.verify_token` is CHANNELS_WHATSAPP_VERIFY_TOKEN.",
                "security": [],
                "parameters": [
                    {"name": "hub.mode", "in": "query", "required": True, "schema": {"type": "string", "const": "subscribe"}},
                    {"name": "hub.verify_token", "in": "query", "required": True, "schema": {"type": "string"}},
                    {"name": "hub.challenge", "in": "query", "required": True, "schema": {"type": "string"}},
                ],
                "responses": {"200": plain, **errors},
            },
            "post": {
                "operationId": "Webhooks_WhatsApp",
                "tags": ["Webhooks"],
                "summary": "WhatsApp Cloud API deliveries (messages and statuses).",
                "description": "Meta's webhook payload, signed with the app secret. Stored (a redelivery once), "
                "acknowledged, then answered as turns in the background.",
                "security": [],
                "parameters": [{
                    "name": "X-Hub-Signature-256", "in": "header", "required": True,
                    "description": "sha256=<HMAC-SHA256 of the raw body with the app secret, hex>",
                    "schema": {"type": "string", "pattern": "^sha256=[0-9a-f]{64}$"},
                }],
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object", "description": "Meta's webhook payload (object, entry[].changes[].value).",
                }}}},
                "responses": {
                    "200": {"description": "Stored and acknowledged."},
                    "400": errors["400"],
                    "401": {"description": "A missing or wrong signature.", "content": _status_content()},
                    "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                },
            },
        },
        "/webhooks/email": {"post": {
            "operationId": "Webhooks_Email",
            "tags": ["Webhooks"],
            "summary": "SendGrid Inbound Parse deliveries.",
            "description": "The parsed e-mail as SendGrid posts it (not raw). The Parse URL carries the secret as "
            "basic credentials: https://inbound:<CHANNELS_EMAIL_WEBHOOK_SECRET>@<gateway>/webhooks/email.",
            "security": [{"InboundParseSecret": []}],
            "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
                "type": "object",
                "properties": {name: {"type": "string"} for name in ("from", "to", "subject", "text", "html", "headers")},
            }}}},
            "responses": {
                "200": {"description": "Stored and acknowledged."},
                "400": errors["400"],
                "401": {"description": "A missing or wrong secret.", "content": _status_content()},
                "413": {"$ref": "#/components/responses/PayloadTooLarge"},
            },
        }},
        "/openapi.json": {"get": {
            "operationId": "Web_OpenApiDocument",
            "tags": ["Web"],
            "summary": "This document.",
            "security": [],
            "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}},
        }},
        "/docs/": {"get": {
            "operationId": "Web_Reference",
            "tags": ["Web"],
            "summary": "This document as a readable reference page.",
            "security": [],
            "responses": {"200": {"description": "OK", "content": {"text/html": {"schema": {"type": "string"}}}}},
        }},
    }


# ---------------------------------------------------------------- the document

_DESCRIPTION = """\
atende's REST API, as the gateway serves it: Envoy transcodes each route to the gRPC
method named in its description (`x-grpc-method`), so the same API is gRPC on the same
port. Generated from the protos (`make proto`); do not edit.

JSON uses the protos' field names (snake_case; lowerCamelCase is accepted on input);
64-bit integers are strings, enums their value's name, timestamps RFC 3339. Fields
the server reports are always present, with their zero value when unset.

**Credentials.** An API key in `x-api-key` or a JWT in `Authorization: Bearer`. A token's
`role` is `customer` (with `cid`, its one conversation), `agent` or `admin`; each route says
who may call it. A local run without `ATENDE_API_KEYS` accepts requests without one.

**Errors** are a JSON google.rpc.Status (`code`: the gRPC status number, `message`,
`details`) with the HTTP status of its code; bad input names the field that is wrong
(a google.rpc.BadRequest detail). Over the rate limit: 429 with `Retry-After`.

**Streams** (`messages:stream`, `:watch`) answer newline-delimited JSON, or
Server-Sent Events when the request sends `Accept: text/event-stream`."""


def _components(schemas: _Schemas) -> Json:
    schemas.message_ref(".google.rpc.Status")
    status = schemas.components["google.rpc.Status"]
    known = []
    for name in _ERROR_DETAILS:
        type_url = {"properties": {"@type": {"const": f"type.googleapis.com/google.rpc.{name}"}}, "required": ["@type"]}
        known.append({"allOf": [schemas.message_ref(f".google.rpc.{name}"), type_url]})
    # Any other type is an Any; a known type's @type must come with that type's fields.
    other = {"allOf": [_ref("google.protobuf.Any"), {"not": {"properties": {"@type": {"enum": [
        f"type.googleapis.com/google.rpc.{name}" for name in _ERROR_DETAILS]}}}}]}
    status["properties"]["details"]["items"] = {"anyOf": [*known, other]}
    status["properties"]["code"]["description"] = "The gRPC status code (3 INVALID_ARGUMENT, 5 NOT_FOUND, 16 UNAUTHENTICATED...)."
    schemas.components["google.protobuf.Any"] = dict(_WELL_KNOWN[".google.protobuf.Any"])
    responses: Json = {
        name: {"description": description, "content": _status_content()} for name, description in _ERROR_RESPONSES.values()
    }
    responses["TooManyRequests"]["headers"] = {
        "Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}},
    }
    responses["Error"] = {"description": "Any other error, as a google.rpc.Status.", "content": _status_content()}
    return {
        "schemas": dict(sorted(schemas.components.items())),
        "responses": responses,
        "securitySchemes": {
            "ApiKey": {"type": "apiKey", "in": "header", "name": "x-api-key",
                       "description": "An API key (`python -m gateway.guard.keys create`), or one of ATENDE_API_KEYS."},
            "BearerToken": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT",
                            "description": "A token signed by the deployment's key or identity provider, with `sub`, "
                            "`role` (customer, agent or admin) and, for customers, `cid`."},
            "InboundParseSecret": {"type": "http", "scheme": "basic",
                                   "description": "User `inbound`, password CHANNELS_EMAIL_WEBHOOK_SECRET."},
        },
    }


def _version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"])


def document(files: Iterable[descriptor_pb2.FileDescriptorProto], services: Iterable[str] = TRANSCODED_SERVICES) -> Json:
    """The OpenAPI document of the routes of `services` (by default those Envoy
    transcodes), plus the web routes."""
    descriptors = _Descriptors(files, services)
    schemas = _Schemas(descriptors)
    operations = _Operations(descriptors, schemas)
    paths: dict[str, Json] = {}
    operation_ids: set[str] = set()
    for binding in descriptors.bindings:
        item = paths.setdefault(openapi_path(binding.template), {})
        assert binding.verb not in item, f"two rules for {binding.verb.upper()} {binding.template}"
        item[binding.verb] = operations.operation(binding, operation_ids)
    paths.update(_web_paths())
    tags = [{"name": name.rsplit(".", 1)[1], "description": comment} for name, comment in descriptors.services.items()]
    tags += [{"name": "Web", "description": "The web chat's session and this reference (gateway/web)."},
             {"name": "Webhooks", "description": "The customer channels' webhooks (integrations_svc/channels): "
              "the vendor's own signature, no credential of ours."}]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "atende REST API",
            "version": _version(),
            "description": _DESCRIPTION,
        },
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "servers": [{"url": "http://localhost:8080", "description": "make run"},
                    {"url": "https://localhost:8443", "description": "make run, over TLS"}],
        "tags": tags,
        "paths": dict(sorted(paths.items())),
        "components": _components(schemas),
    }


def render(descriptor_set: Path) -> str:
    """The document as committed: JSON, keys in a fixed order, a newline at the end."""
    files = descriptor_pb2.FileDescriptorSet.FromString(descriptor_set.read_bytes()).file
    return json.dumps(document(files), indent=1, ensure_ascii=False) + "\n"


def write(descriptor_set: Path, out: Path) -> None:
    out.write_text(render(descriptor_set), encoding="utf-8")
