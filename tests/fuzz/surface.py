"""What the fuzzer attacks, and what every answer must be.

Both surfaces come from the contracts, never from a hand list:
- REST: every route of the OpenAPI document (gen/openapi.json, generated from the
  descriptor set's google.api.http rules), with its path, query and body parameters and
  their schemas, called through Envoy with hostile paths, query strings, bodies and
  content types;
- gRPC: every method of every atende service in the descriptor set (gen/atende.pb),
  called directly on the port of the process that serves it, with random bytes and
  with random messages.

The rules: no 5xx (a client's mistake is never the server's error); a 4xx is JSON
with a readable message that names no Python internals; a refused write stored
nothing; no gRPC answer is UNKNOWN, INTERNAL, DATA_LOSS, UNAVAILABLE or
RESOURCE_EXHAUSTED (the stack is healthy, and an invalid request is not a reason
to back off; only a message past grpc's 32 MB limit is RESOURCE_EXHAUSTED, grpc's
own answer)."""

from __future__ import annotations

import json
import os
import re
import shlex
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import grpc
import httpx
from google.api import field_behavior_pb2
from google.protobuf import descriptor_pb2, descriptor_pool
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import DecodeError, Message
from google.protobuf.message_factory import GetMessageClass
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from atende_runtime.identity import CONVERSATION_HEADER, ROLE_HEADER, SUBJECT_HEADER
from atende_runtime.server import _SERVER_OPTIONS as SERVER_OPTIONS

ROOT = Path(__file__).resolve().parents[2]
DESCRIPTOR_SET = ROOT / "gen" / "atende.pb"
OPENAPI = ROOT / "gen" / "openapi.json"
Schema = dict[str, Any]

# The process that serves each package's services (memory_svc serves four of them).
PROCESS_OF_PACKAGE = {
    "atende.conversation.v1": "router_svc",
    "atende.agent.v1": "agent_svc",
    "atende.memory.v1": "memory_svc",
    "atende.knowledge.v1": "knowledge_svc",
    "atende.integrations.v1": "integrations_svc",
}

# Hypothesis profiles: "ci" is what `make test` runs, derandomized so a failure is
# the same on every machine; "deep" is `make fuzz`. FUZZ_EXAMPLES overrides either's
# number of examples per route and per method.
_COMMON: dict[str, Any] = {
    "deadline": None,
    "database": None,
    "print_blob": True,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
}
settings.register_profile("ci", derandomize=True, max_examples=int(os.environ.get("FUZZ_EXAMPLES", "100")), **_COMMON)
settings.register_profile("deep", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "250")), **_COMMON)

# Path ids the stack fixture creates (conversations, one waiting for a person, and a
# document), so that fuzzed writes meet stored state and the "refused writes store
# nothing" check bites.
KNOWN_IDS: dict[str, tuple[str, ...]] = {
    "conversation_id": ("fz-conv-1", "fz-conv-2", "fz-conv-3", "fz-fresh-conv"),
    # Not fz-user-3, whose conversation waits for a person: an erased subject would take it.
    "user_id": ("fz-user-1", "fz-user-2", "fz-user-9"),
    "document_id": ("fz-doc-1",),
    "lead_id": ("fz-lead-1",),
}


def _what_an_erasure_removes(export: Any) -> object:
    """An export, less what moves on its own after earlier successful writes (the outbox
    relay delivers actions, syncs leads, advances erasure receipts): what a refused
    erasure must leave as it was, and whether it started one."""
    if not isinstance(export, dict):
        return export

    def ids(key: str, id_key: str) -> list[str]:
        items = export.get(key) or []
        return sorted(str(item.get(id_key)) for item in items if isinstance(item, dict))

    conversations = sorted(
        (str(c.get("conversation_id")), len(c.get("messages") or [])) for c in export.get("conversations") or []
    )
    return {
        "conversations": conversations, "leads": ids("leads", "lead_id"),
        "interactions": ids("interactions", "interaction_id"), "erasures": ids("erasures", "erasure_id"),
    }


# What shows a path id's stored state, and the part of it a refused write must leave
# as it was; read before and after each refused write.
READ_BACK: dict[str, tuple[str, Callable[[Any], object]]] = {
    "conversation_id": ("/v1/conversations/{}", lambda body: body),
    "user_id": ("/v1/subjects/{}:export", _what_an_erasure_removes),
}
# Values a field of that name takes in a real request, so that some fuzzed requests
# are valid but for one or two fields and reach deep into the services; a field not
# named here gets a short value of its type.
PLAUSIBLE: dict[str, tuple[object, ...]] = {
    "channel": ("web", "whatsapp", "email", "api"),
    "text": ("Quanto custa o kit solar?", "Meu inversor mostra o erro E04", "What products do you have?"),
    "query": ("garantia do painel solar", "preço do kit"),
    "user_input": ("Quanto custa?",),
    "agent_response": ("O kit custa R$ 12.000.",),
    "note": ("cliente atendido",),
    "reason": ("pediu uma pessoa",),
    "summary": ("quer um orçamento",),
    "human_id": ("fz-human-1", "fz-human-2"),
    "email": ("ana@example.com",),
    "attendee_email": ("ana@example.com",),
    "to": ("ana@example.com",),
    "phone": ("+55 11 91234-5678",),
    "stage": ("input", "output"),
    "role": ("user", "assistant", "human"),
    "agent": ("sales", "support", "product"),
    "from_agent": ("sales", "support"),
    "collection": ("default", "fz_docs"),
    "id": ("fz-doc-1", "fz-doc-2"),
    "template": ("lead_follow_up", "escalation_notice"),
    "page_token": ("",),
    "client_message_id": ("fz-m-1", "fz-m-2"),
    "language": ("pt", "en"),
    "event": ("lead_created", "meeting_booked"),
    "queue": ("", "sales", "support"),
    "content_type": ("text/plain", "text/markdown", "text/html"),
    "name": ("Ana Souza",),
    "company": ("Solar Ltda",),
}
# Words that betray a Python internal (a class, a stack, a driver) in a client's message.
INTERNALS = re.compile(
    r"Traceback|DecodeError|psycopg|asyncpg|redis\.exceptions|grpc\._|AioRpcError|pymilvus|"
    r"\b(?:Key|Value|Type|Attribute|Index|Unicode\w*|Runtime|Assertion|Lookup)Error\b|"
    r"Exception\b|object at 0x|<class |File \"",
)


def names_internal(message: str, sent: str) -> bool:
    """The message betrays an internal: a word of INTERNALS that the client did not send
    itself (an unknown query parameter called "asyncpg" is echoed back by name, rightly)."""
    return any(found.group(0) not in sent for found in INTERNALS.finditer(message))


BAD_GRPC_CODES = frozenset(
    {
        grpc.StatusCode.UNKNOWN,
        grpc.StatusCode.INTERNAL,
        grpc.StatusCode.DATA_LOSS,
        grpc.StatusCode.UNAVAILABLE,
        grpc.StatusCode.RESOURCE_EXHAUSTED,
    }
)
GRPC_CODE_BY_NUMBER = {code.value[0]: code for code in grpc.StatusCode}
INGEST = "/v1/knowledge/documents"


@cache
def descriptor_files() -> tuple[descriptor_pb2.FileDescriptorProto, ...]:
    return tuple(descriptor_pb2.FileDescriptorSet.FromString(DESCRIPTOR_SET.read_bytes()).file)


@cache
def pool() -> descriptor_pool.DescriptorPool:
    """The descriptor set in a pool of its own: message classes to fill and serialize."""
    own = descriptor_pool.DescriptorPool()
    for file in descriptor_files():
        own.Add(file)
    return own


def message_type(name: str) -> Descriptor:
    return pool().FindMessageTypeByName(name.lstrip("."))


def required(f: FieldDescriptor) -> bool:
    return field_behavior_pb2.REQUIRED in f.GetOptions().Extensions[field_behavior_pb2.field_behavior]


# ---------------------------------------------------------------- the surfaces


@cache
def openapi() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(OPENAPI.read_text())
    return document


def resolve(schema: Schema) -> Schema:
    """The schema a $ref names (in the document's components), or the schema itself."""
    while "$ref" in schema:
        schema = openapi()["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _well_known(schema: Schema) -> bool:
    """A google.protobuf type (Timestamp, Struct, wrappers...): its own JSON, not an object of fields."""
    return str(schema.get("$ref", "")).startswith("#/components/schemas/google.protobuf.")


def _camel(name: str) -> str:
    """The field's JSON name (protoc's lowerCamelCase), which the transcoder accepts too."""
    return re.sub(r"_([a-z0-9])", lambda m: m.group(1).upper(), name)


@dataclass(frozen=True)
class RestRoute:
    """One operation of the OpenAPI document that Envoy transcodes (x-grpc-method)."""

    verb: str  # get, post, delete...
    template: str  # the document's path: /v1/conversations/{conversation_id}/messages

    @property
    def operation(self) -> dict[str, Any]:
        operation: dict[str, Any] = openapi()["paths"][self.template][self.verb]
        return operation

    @property
    def name(self) -> str:
        return f"{self.verb.upper()} {self.template}"

    @property
    def body(self) -> str:
        """The http rule's body: "*" (the request less the path), a field's name, or "" (none)."""
        return str(self.operation["x-http-body"])

    @property
    def parameters(self) -> list[dict[str, Any]]:
        return list(self.operation.get("parameters", []))

    @property
    def path_fields(self) -> tuple[str, ...]:
        return tuple(p["name"] for p in self.parameters if p["in"] == "path")

    @property
    def streams(self) -> bool:
        """A server stream: the document offers Server-Sent Events for it."""
        return "text/event-stream" in self.operation["responses"]["200"].get("content", {})

    @property
    def request(self) -> Schema:
        """The whole request as one JSON object's schema: the body's fields, and the path's
        and query's (dotted names nested), as the request message has them all."""
        properties: dict[str, Schema] = {}
        required: list[str] = []
        # The path's fields first: they lead the request messages, as the proto numbers them.
        for parameter in self.parameters:
            *parents, leaf = parameter["name"].split(".")
            level = properties
            for parent in parents:
                level = level.setdefault(parent, {"type": "object", "properties": {}})["properties"]
            level[leaf] = parameter["schema"]
        if self.body:
            body = resolve(self.operation["requestBody"]["content"]["application/json"]["schema"])
            if self.body == "*":
                properties.update(body.get("properties", {}))
                required += body.get("required", [])
            else:
                properties[self.body] = body
        return {"type": "object", "properties": properties, "required": required}


@dataclass(frozen=True)
class GrpcMethod:
    service: str  # atende.memory.v1.LeadService
    name: str
    process: str  # the process that serves it
    input_type: str
    client_streaming: bool
    server_streaming: bool

    @property
    def path(self) -> str:
        return f"/{self.service}/{self.name}"

    @property
    def request(self) -> Descriptor:
        return message_type(self.input_type)


def rest_routes() -> list[RestRoute]:
    """Every operation of the OpenAPI document that the transcoder serves, in its order."""
    return [
        RestRoute(verb, path)
        for path, item in openapi()["paths"].items()
        for verb, operation in item.items()
        if "x-grpc-method" in operation
    ]


def grpc_methods() -> list[GrpcMethod]:
    methods = []
    for file in descriptor_files():
        if not file.package.startswith("atende."):
            continue
        for service in file.service:
            # A package the table does not know fails here, not silently unfuzzed.
            process = PROCESS_OF_PACKAGE[file.package]
            for method in service.method:
                methods.append(
                    GrpcMethod(
                        f"{file.package}.{service.name}", method.name, process, method.input_type,
                        method.client_streaming, method.server_streaming,
                    )
                )
    return methods


# ---------------------------------------------------------------- the tally


@dataclass
class Tally:
    """What was sent and what came back, per surface; the report prints it."""

    rest: Counter[str] = field(default_factory=Counter)
    rest_by_route: dict[str, Counter[str]] = field(default_factory=dict)
    rpc: Counter[str] = field(default_factory=Counter)
    rpc_by_method: dict[str, Counter[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def rest_answer(self, route: str, status: int) -> None:
        kind = f"{status // 100}xx" if 200 <= status < 600 else "other"
        for counter in (self.rest, self.rest_by_route.setdefault(route, Counter())):
            counter["requests"] += 1
            counter[kind] += 1

    def grpc_answer(self, method: str, code: grpc.StatusCode) -> None:
        for counter in (self.rpc, self.rpc_by_method.setdefault(method, Counter())):
            counter["calls"] += 1
            counter[code.name] += 1

    def table(self, per_route: bool = False) -> str:
        lines = [f"{'surface':<48} {'requests':>9} {'2xx':>7} {'4xx':>7} {'5xx':>5}"]
        rows = [("REST (through Envoy)", self.rest)]
        if per_route:
            rows += [(f"  {name}", counts) for name, counts in sorted(self.rest_by_route.items())]
        for name, counts in rows:
            lines.append(f"{name:<48} {counts['requests']:>9} {counts['2xx']:>7} {counts['4xx']:>7} {counts['5xx']:>5}")
        codes = sorted((k for k in self.rpc if k != "calls"), key=lambda k: -self.rpc[k])
        lines += ["", f"{'gRPC (each service directly)':<48} {'calls':>9}  by status code"]
        rows = [("all methods", self.rpc)]
        if per_route:
            rows += [(f"  {name}", counts) for name, counts in sorted(self.rpc_by_method.items())]
        for name, counts in rows:
            by_code = ", ".join(f"{code} {counts[code]}" for code in codes if counts[code])
            lines.append(f"{name:<48} {counts['calls']:>9}  {by_code}")
        return "\n".join(lines)


# ---------------------------------------------------------------- REST inputs

_ID = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,30}", fullmatch=True)
_ODD_SEGMENTS = (
    "", ".", "..", "%", "%zz", "%00", "%2F", "a%2Fb", "%2E%2E", ";a", "a;b=c", "*", "~", "%C0%AF", "%ED%A0%80",
    "%EF%BF%BF", "%F4%90%80%80", "%0A", "%20", "+", "a%3Fb", "%23",
)


@dataclass
class RestRequest:
    verb: str
    path: str  # percent-encoded, ASCII
    query: str  # percent-encoded, ASCII; "" for none
    headers: dict[str, str]
    body: bytes | None
    # Each path variable's value when it is a plain id whose stored state can be read back.
    ids: dict[str, str]

    def sent(self) -> str:
        """What the client wrote: path, query, headers and body, decoded."""
        body = (self.body or b"").decode("utf-8", errors="replace")
        return " ".join([unquote(self.path), unquote(self.query), *self.headers.keys(), *self.headers.values(), body])

    def curl(self, base: str = "http://localhost:8080") -> str:
        """The request as a command to paste (the body clipped to 300 bytes)."""
        url = base + self.path + (f"?{self.query}" if self.query else "")
        parts = ["curl", "-X", self.verb, shlex.quote(url[:600])]
        for name, value in self.headers.items():
            parts += ["-H", shlex.quote(f"{name}: {value}")]
        if self.body is not None:
            text = self.body[:300].decode("utf-8", "backslashreplace")
            parts += ["--data-binary", shlex.quote(text + ("…" if len(self.body) > 300 else ""))]
        return " ".join(parts)

    def __repr__(self) -> str:
        return self.curl()


def _percent(data: bytes) -> str:
    return "".join(f"%{b:02X}" for b in data)


def path_value(name: str) -> st.SearchStrategy[tuple[str, str | None]]:
    """(the segment as sent, the id it reads as when it is a plain one)."""
    known = st.sampled_from(KNOWN_IDS.get(name, ("fz-unknown",))).map(lambda v: (v, v))
    plain = _ID.map(lambda v: (quote(v, safe=""), v))
    return st.one_of(
        known,
        known,
        plain,
        st.text(max_size=40).map(lambda v: (quote(v, safe=""), None)),
        st.binary(max_size=16).map(lambda b: (_percent(b), None)),
        st.sampled_from(_ODD_SEGMENTS).map(lambda v: (v, None)),
        st.integers(100, 40_000).map(lambda n: ("a" * n, None)),
        st.integers(10, 5_000).map(lambda n: (quote("ç" * n), None)),
    )


def _kind(schema: Schema) -> str:
    """What a JSON value of `schema` is, in the proto3 JSON mapping's terms."""
    if _well_known(schema):
        return "well-known"
    schema = resolve(schema)
    if "enum" in schema:
        return "enum"
    kinds = schema.get("type", "object")
    kind = next((k for k in kinds if k != "null"), "null") if isinstance(kinds, list) else kinds
    if kind == "string" and schema.get("format") in ("int64", "uint64"):
        return "integer"  # 64-bit integers: strings in JSON, numbers accepted
    if kind == "string" and schema.get("format") == "byte":
        return "bytes"
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict):
        return "map"
    return str(kind)


def _scalar_text(schema: Schema) -> st.SearchStrategy[str]:
    """A query parameter's value: right for the parameter's schema, or not."""
    kind = _kind(schema)
    right: st.SearchStrategy[str]
    if kind == "enum":
        right = st.sampled_from([str(v) for v in resolve(schema)["enum"]]) | st.integers(-3, 30).map(str)
    elif kind == "integer":
        right = st.integers(-(2**70), 2**70).map(str) | st.integers(-5, 500).map(str)
    elif kind == "boolean":
        right = st.sampled_from(["true", "false", "1", "0", "yes"])
    elif kind == "number":
        right = st.floats().map(str)
    elif kind == "well-known":  # a Timestamp: RFC 3339 text, mostly well formed
        right = st.integers(0, 4_102_444_800).map(lambda t: datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
        right = right | right | _TIMESTAMPS
    else:
        right = _ID | st.text(max_size=30)
    return st.one_of(right, right, st.text(max_size=30), st.sampled_from(["", "[1]", "{}", "null", "1e999", "-0", "0x10"]))


def _query_parameters(route: RestRoute) -> list[tuple[list[str], Schema]]:
    """(names, schema) of what a query string can set: the document's query parameters,
    or, for a route whose body takes the request, the request's own scalar fields (the
    gateway must refuse them: they belong in the body)."""
    parameters = [([p["name"]], p["schema"]) for p in route.parameters if p["in"] == "query"]
    if parameters or not route.body:
        return [(sorted({names[0], _camel(names[0])}), schema) for names, schema in parameters]
    fields = resolve(route.request).get("properties", {})
    return [
        (sorted({name, _camel(name)}), schema)
        for name, schema in fields.items()
        if name not in route.path_fields and _kind(schema) not in ("object", "map", "array")
    ]


def query_strings(route: RestRoute) -> st.SearchStrategy[str]:
    params: list[st.SearchStrategy[tuple[str, str]]] = [st.tuples(st.text(min_size=1, max_size=12), st.text(max_size=12))]
    for names, schema in _query_parameters(route):
        params.append(st.tuples(st.sampled_from(names), _scalar_text(schema)))
    pair = st.one_of(params).map(lambda kv: f"{quote(kv[0], safe='.')}={quote(kv[1], safe='')}")
    raw = st.binary(max_size=12).map(lambda b: f"{_percent(b)}={_percent(b)}")
    return st.lists(pair | raw, max_size=4).map("&".join)


_ANY_JSON: st.SearchStrategy[object] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
_HUGE_TEXT = st.integers(1_000, 120_000).map(lambda n: "x" * n)
_WRONG = st.one_of(_ANY_JSON, _HUGE_TEXT, st.integers(-(2**80), 2**80), st.just({}), st.just([]))
_TIMESTAMPS = st.sampled_from(["2026-01-01T00:00:00Z", "2026-13-40T99:00:00Z", "yesterday", "", "9999-12-31T23:59:59.999999999Z"])


# Many entries, each with a long key: an error that lists them all would outgrow headers.
_MANY_KEYS = st.integers(20, 400).map(lambda n: {f"k{i:03d}" + "x" * 120: "v" for i in range(n)})


def _many(one: st.SearchStrategy[Any]) -> st.SearchStrategy[list[Any]]:
    """A list of 20 to 400 copies of one drawn element (an error per element adds up),
    at most about 2 MB in all: past the gateway's 1 MB, far below grpc's 32 MB."""

    def copies(pair: tuple[Any, int]) -> list[Any]:
        element, count = pair
        return [element] * max(1, min(count, 2_000_000 // (len(repr(element)) + 1)))

    return st.tuples(one, st.integers(20, 400)).map(copies)


def _right_json(schema: Schema, depth: int) -> st.SearchStrategy[object]:
    kind = _kind(schema)
    if kind == "map":
        value = resolve(schema)["additionalProperties"]
        return st.dictionaries(st.text(max_size=12), _single_json(value, depth + 1) | _WRONG, max_size=4) | _MANY_KEYS
    if kind == "array":
        one = _single_json(resolve(schema)["items"], depth)
        return st.lists(one, max_size=3) | _many(one)
    return _single_json(schema, depth)


def _single_json(schema: Schema, depth: int) -> st.SearchStrategy[object]:
    kind = _kind(schema)
    if kind == "well-known":
        return _TIMESTAMPS | _ANY_JSON
    if kind == "object":
        if depth >= 4:
            return st.just({})
        return json_object(schema, depth + 1)
    if kind == "enum":
        return st.sampled_from(list(resolve(schema)["enum"])) | st.integers(-3, 40) | st.text(max_size=10)
    if kind == "integer":
        return st.integers(-5, 200) | st.integers(-(2**65), 2**65) | st.integers(-5, 200).map(str) | st.floats()
    if kind == "boolean":
        return st.booleans() | st.sampled_from(["true", 1, 0])
    if kind == "number":
        return st.floats() | st.sampled_from(["NaN", "Infinity", "1e400"])
    if kind == "bytes":
        return st.binary(max_size=20).map(lambda b: b.hex()) | st.text(max_size=10)
    return st.one_of(_ID, _ID, st.text(max_size=60), _HUGE_TEXT, st.sampled_from(["", " ", "\x00", "Olá, quanto custa?"]))


def json_object(schema: Schema, depth: int = 1) -> st.SearchStrategy[object]:
    """A JSON object from a schema's properties: right values, wrong types, nulls, unknown
    keys; each field by its proto name or its JSON (lowerCamelCase) name."""
    optional: dict[str, st.SearchStrategy[object]] = {}
    for name, field_schema in resolve(schema).get("properties", {}).items():
        value = st.one_of(_right_json(field_schema, depth), _right_json(field_schema, depth),
                          _right_json(field_schema, depth), _WRONG, st.none())
        optional[name] = value
        if _camel(name) != name:
            optional[_camel(name)] = value
    known = st.fixed_dictionaries({}, optional=optional)
    unknown = st.dictionaries(st.text(max_size=10), _ANY_JSON, max_size=2)
    return st.one_of(known, known, known, st.tuples(known, unknown).map(lambda kv: {**kv[1], **kv[0]}))


def _future_seconds() -> st.SearchStrategy[int]:
    """An hour to a month from now (drawn as an offset, so that replays draw the same)."""
    return st.integers(3_600, 30 * 86_400).map(lambda offset: int(time.time()) + offset)


def _plausible_json(name: str, schema: Schema, depth: int) -> st.SearchStrategy[object]:
    kind = _kind(schema)
    if kind == "array":
        return st.lists(_plausible_json(name, resolve(schema)["items"], depth), min_size=1, max_size=2)
    one: st.SearchStrategy[object]
    if schema.get("$ref", "").endswith("/google.protobuf.Timestamp"):
        one = _future_seconds().map(lambda t: datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    elif name in PLAUSIBLE:
        one = st.sampled_from(PLAUSIBLE[name])
    elif kind == "map":
        return st.dictionaries(_ID, _ID, max_size=2)
    elif kind in ("well-known", "object"):
        one = st.just({}) if kind == "well-known" or depth >= 4 else plausible_object(schema, depth + 1)
    elif kind == "enum":
        one = st.sampled_from(list(resolve(schema)["enum"])[1:] or ["x"])
    elif kind == "boolean":
        one = st.booleans()
    elif kind == "number":
        one = st.floats(0, 1)
    elif kind == "string":
        one = st.sampled_from(KNOWN_IDS.get(name, ())) | _ID if name in KNOWN_IDS else _ID
    else:
        one = st.integers(0, 10)
    return one


def plausible_object(schema: Schema, depth: int = 1, skip: tuple[str, ...] = ()) -> st.SearchStrategy[dict[str, object]]:
    """A JSON object a careful client would send: the fields the document marks required,
    and some others."""
    resolved = resolve(schema)
    fields = {name: s for name, s in resolved.get("properties", {}).items() if name not in skip}
    required = set(resolved.get("required", []))
    return st.fixed_dictionaries(
        {name: _plausible_json(name, s, depth) for name, s in fields.items() if name in required},
        optional={name: _plausible_json(name, s, depth) for name, s in fields.items() if name not in required},
    )


def near_valid_object(schema: Schema, skip: tuple[str, ...]) -> st.SearchStrategy[object]:
    """A plausible object with one or two fields made hostile (or dropped)."""
    names = list(resolve(schema).get("properties", {}))
    if not names:
        return plausible_object(schema)

    def spoil(base: dict[str, object], changes: list[tuple[str, object | None]]) -> dict[str, object]:
        spoilt = dict(base)
        for name, value in changes:
            if value is None:
                spoilt.pop(name, None)
            else:
                spoilt[name] = value
        return spoilt

    change = st.tuples(st.sampled_from(names), st.none() | _WRONG | json_object(schema))
    return st.builds(spoil, plausible_object(schema, skip=skip), st.lists(change, min_size=1, max_size=2))


def _dump(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")


# JSON that parsers disagree on: lone surrogates, NUL, duplicate keys, a BOM, trailing
# data, single quotes, numbers past a double, escapes in keys.
_ODD_JSON = (
    b'{"text": "\\ud800", "user_id": "u"}', b'{"text": "a\\u0000b"}', b'{"text": "a", "text": "b"}',
    b'\xef\xbb\xbf{"text": "oi"}', b'{"text": "oi"} trailing', b'{"text": "oi"}{}', b"{'text': 'oi'}",
    b'{"metadata": {"\\udfff": "x"}}', b'{"top_k": 1e309}', b'{"page_size": -0}', b'{"text": "\\u00"}',
    b'{"\\u0074ext": "escaped key"}', b'{"text": "oi",}', b'{"text": "oi" /* comment */}', b"{\"text\": NaN}",
)


def json_bodies(route: RestRoute) -> st.SearchStrategy[bytes]:
    good = json_object(route.request).map(_dump)
    plausible = plausible_object(route.request, skip=route.path_fields).map(_dump)
    near = near_valid_object(route.request, route.path_fields).map(_dump)
    return st.one_of(
        plausible, plausible, near, near, near, near, good, good, good,
        _WRONG.map(_dump),
        st.binary(max_size=200),
        st.tuples(good, st.integers(0, 400)).map(lambda t: t[0][: t[1]]),  # cut short
        st.binary(min_size=1, max_size=6).map(lambda b: b'{"text": "' + b + b'", "user_id": "\xff"}'),
        st.integers(50, 3_000).map(lambda n: b"[" * n + b"]" * n),
        st.integers(50, 3_000).map(lambda n: b'{"metadata": ' + b'{"a": ' * n + b"1" + b"}" * (n + 1)),
        st.just(b""),
        st.sampled_from(_ODD_JSON),
        st.integers(1_048_577, 1_100_000).map(lambda n: b'{"text": "' + b"x" * n + b'"}'),  # past the gateway's 1 MB
    )


_CONTENT_TYPES = (
    "text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1", "multipart/form-data; boundary=x",
    "application/octet-stream", "application/grpc", "application/grpc-web", "application/grpc+json", "application/xml",
    "", "*/*", "application/json, text/plain",
)
_VERBS = ("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD")
# Headers a REST client should not send, or not like this: gRPC's own, a request id of
# any length, encodings the body does not have.
_HOSTILE_HEADERS = st.one_of(
    st.tuples(st.just("grpc-timeout"), st.sampled_from(["garbage", "1n", "0S", "99999999H", "5S", "-1S", "1.5S", ""])),
    # (httpx refuses a value with spaces at either end)
    st.tuples(st.just("x-request-id"), st.from_regex(r"[ -~]{0,200}", fullmatch=True).map(str.strip)
              | st.integers(1, 50_000).map("r".__mul__)),
    st.tuples(st.sampled_from(["grpc-encoding", "content-encoding", "grpc-accept-encoding"]), st.sampled_from(["gzip", "x"])),
    st.tuples(st.sampled_from(["te", "grpc-status", "grpc-message", "x-envoy-original-path", "accept"]),
              st.sampled_from(["trailers", "13", "/v1/agents", "application/grpc", "text/event-stream"])),
)


@st.composite
def rest_requests(draw: st.DrawFn, route: RestRoute, api_key: str) -> RestRequest:
    """A third are a careful client's requests with one or two mistakes in the body
    (they reach the services' validation and storage); the rest are hostile throughout."""
    if route.body and draw(st.integers(0, 2)) == 0:
        return draw(careful_requests(route, api_key))
    verb = route.verb.upper()
    if draw(st.integers(0, 19)) == 0:
        verb = draw(st.sampled_from(_VERBS))
    path = route.template
    ids: dict[str, str] = {}
    for name in route.path_fields:
        sent, plain = draw(path_value(name))
        path = path.replace("{" + name + "}", sent)
        if plain is not None:
            ids[name] = plain
    query = draw(query_strings(route)) if route.body == "" or draw(st.integers(0, 9)) == 0 else ""
    headers = {"x-api-key": api_key}
    if draw(st.integers(0, 29)) == 0:
        headers["x-api-key"] = draw(st.sampled_from(["", "wrong", "a key with spaces"]))
    for _ in range(draw(st.integers(0, 2)) if draw(st.integers(0, 3)) == 0 else 0):
        name, value = draw(_HOSTILE_HEADERS)
        headers[name] = value
    body: bytes | None = None
    if route.body or draw(st.integers(0, 9)) == 0:
        body = draw(json_bodies(route))
        headers["content-type"] = "application/json" if draw(st.integers(0, 5)) else draw(st.sampled_from(_CONTENT_TYPES))
    return RestRequest(verb, path, query, headers, body, ids)


@st.composite
def careful_requests(draw: st.DrawFn, route: RestRoute, api_key: str) -> RestRequest:
    path = route.template
    ids: dict[str, str] = {}
    for name in route.path_fields:
        ids[name] = draw(st.sampled_from(KNOWN_IDS.get(name, ("fz-unknown",))))
        path = path.replace("{" + name + "}", ids[name])
    skip = route.path_fields
    body = draw(st.one_of(plausible_object(route.request, skip=skip), near_valid_object(route.request, skip)))
    headers = {"x-api-key": api_key, "content-type": "application/json"}
    return RestRequest(route.verb.upper(), path, "", headers, _dump(body), ids)


# ---------------------------------------------------------------- REST checks


def _error_message(response: httpx.Response) -> str | None:
    """The readable message of a JSON error body, or None when it has none."""
    try:
        body = response.json()
    except ValueError:
        return None
    message = body.get("message") if isinstance(body, dict) else None
    return message if isinstance(message, str) and message.strip() else None


def _grpc_status_of(response: httpx.Response) -> grpc.StatusCode | None:
    """A gRPC client's status (when the request went out as gRPC, not REST)."""
    value = response.headers.get("grpc-status")
    return GRPC_CODE_BY_NUMBER.get(int(value)) if value is not None and value.isdigit() else None


def _stored_state(client: httpx.Client, route: RestRoute, request: RestRequest) -> dict[str, object]:
    """What `request` could change, read before and after it: the state its path ids
    show and, for an ingest, what a search finds of its documents."""
    state: dict[str, object] = {}
    for name, value in request.ids.items():
        if name not in READ_BACK:
            continue
        url, part = READ_BACK[name]
        response = client.get(url.format(quote(value, safe="")))
        body = response.json() if response.headers.get("content-type", "").startswith("application/json") else response.text
        state[name] = (response.status_code, part(body) if response.status_code == 200 else body)
    if route.template == INGEST:
        for collection, document_id, text in _documents(request)[:3]:
            query = {"collection": collection, "query": (text.strip() or document_id)[:200], "top_k": 50}
            found = client.post("/v1/knowledge:search", json=query)
            results = found.json().get("results", []) if found.status_code == 200 else []
            hits = sorted(str(r.get("text", "")) for r in results if r.get("document_id") == document_id)
            state[f"{collection}/{document_id}"] = (found.status_code, hits)
    return state


def send_rest(client: httpx.Client, route: RestRoute, request: RestRequest, tally: Tally) -> list[str]:
    """Sends `request` and returns what is wrong with the answer (nothing, normally)."""
    writes = request.verb in ("POST", "PUT", "PATCH", "DELETE")
    before = _stored_state(client, route, request) if writes else {}
    url = client.base_url.copy_with(raw_path=(request.path + (f"?{request.query}" if request.query else "")).encode("ascii"))
    try:
        if route.streams and not route.body:  # a watch
            response = _first_chunk(client, request, url)
        else:
            response = client.request(request.verb, url, headers=request.headers, content=request.body)
    except httpx.HTTPError as error:
        shown = request.curl(str(client.base_url).rstrip("/"))
        problem = f"{route.name}: transport error {type(error).__name__}: {error}\n    {shown}"
        tally.problems.append(problem)
        return [problem]
    tally.rest_answer(route.name, response.status_code)
    problems = _rest_problems(route, request, response)
    if writes and 400 <= response.status_code < 500:
        after = _stored_state(client, route, request)
        if after != before:
            problems.append(f"refused ({response.status_code}) but stored something: {before!r:.600} -> {after!r:.600}")
    problems = [f"{route.name}: {p}\n    {request.curl(str(client.base_url).rstrip('/'))}" for p in problems]
    tally.problems += problems
    return problems


def _first_chunk(client: httpx.Client, request: RestRequest, url: httpx.URL) -> httpx.Response:
    """A watch (LiveService) streams until the client leaves: its answer is what came
    first (the whole body of an error)."""
    with client.stream(request.verb, url, headers=request.headers, content=request.body) as streamed:
        first = next(streamed.iter_bytes(), b"")
        return httpx.Response(streamed.status_code, headers=streamed.headers, content=first)


def _rest_problems(route: RestRoute, request: RestRequest, response: httpx.Response) -> list[str]:
    status = response.status_code
    shown = f"{status} {response.text[:300]!r}"
    if status >= 500:
        return [f"answered {shown}"]
    grpc_code = _grpc_status_of(response)
    if grpc_code in BAD_GRPC_CODES:
        return [f"answered grpc-status {grpc_code}: {response.headers.get('grpc-message', '')[:200]}"]
    if grpc_code is not None or request.verb == "HEAD" or status < 400:
        return _stream_problems(response) if status == 200 and route.streams else []
    message = _error_message(response)
    if message is None:
        return [f"a {status} whose body is not JSON with a message: {shown}"]
    if names_internal(message, request.sent()):
        return [f"a {status} whose message names an internal: {message[:300]!r}"]
    return []


def _stream_problems(response: httpx.Response) -> list[str]:
    """A streamed turn: newline-delimited JSON; an error after the first chunk arrives in-band."""
    for line in response.text.splitlines():
        try:
            item = json.loads(line) if line.strip() else {}
        except ValueError:
            return [f"a streamed line that is not JSON: {line[:200]!r}"]
        code = item.get("code") if isinstance(item, dict) else None
        if isinstance(code, int) and GRPC_CODE_BY_NUMBER.get(code) in BAD_GRPC_CODES:
            return [f"a stream that ended with {item!r:.300}"]
    return []


def _documents(request: RestRequest) -> list[tuple[str, str, str]]:
    """(collection, id, text) of each document `request` tried to ingest that a search can look for."""
    try:
        body = json.loads(request.body or b"")
    except (ValueError, RecursionError):
        return []
    if not isinstance(body, dict) or not isinstance(body.get("documents"), list):
        return []
    collection = body.get("collection") or "default"
    if not isinstance(collection, str) or not re.fullmatch(r"[A-Za-z0-9_]{1,64}", collection):
        return []
    return [
        (collection, d["id"], d["text"] if isinstance(d.get("text"), str) else "")
        for d in body["documents"]
        if isinstance(d, dict) and isinstance(d.get("id"), str) and d["id"].strip()
    ]


# ---------------------------------------------------------------- gRPC inputs

_MARK = "MARK"


def _field_values(f: FieldDescriptor, depth: int) -> st.SearchStrategy[Any]:
    kind = f.cpp_type
    if f.message_type is not None:
        return message_values(f.message_type, depth + 1)
    if f.type == FieldDescriptor.TYPE_ENUM and f.enum_type is not None:
        return st.sampled_from([v.number for v in f.enum_type.values]) | st.integers(-(2**31), 2**31 - 1)
    bounds = {
        FieldDescriptor.CPPTYPE_INT32: (-(2**31), 2**31 - 1),
        FieldDescriptor.CPPTYPE_INT64: (-(2**63), 2**63 - 1),
        FieldDescriptor.CPPTYPE_UINT32: (0, 2**32 - 1),
        FieldDescriptor.CPPTYPE_UINT64: (0, 2**64 - 1),
    }
    if kind in bounds:
        low, high = bounds[kind]
        return st.integers(-3, 300).filter(lambda n: low <= n <= high) | st.integers(low, high)
    if kind == FieldDescriptor.CPPTYPE_BOOL:
        return st.booleans()
    if kind == FieldDescriptor.CPPTYPE_FLOAT:
        return st.floats(width=32)
    if kind == FieldDescriptor.CPPTYPE_DOUBLE:
        return st.floats()
    if f.type == FieldDescriptor.TYPE_BYTES:
        return st.binary(max_size=64)
    return st.one_of(
        _ID, _ID, st.sampled_from(KNOWN_IDS.get(f.name, ("",))), st.text(max_size=60), _HUGE_TEXT,
        st.just(_MARK), st.sampled_from(["", " ", "\x00", "Olá, quanto custa o kit solar?"]),
    )


def _plausible_value(f: FieldDescriptor, depth: int) -> st.SearchStrategy[Any]:
    if f.message_type is not None and f.message_type.full_name == "google.protobuf.Timestamp":
        return _future_seconds().map(lambda t: {"seconds": t})
    if f.message_type is not None:
        return message_values(f.message_type, depth + 1, plausible=True)
    if f.name in PLAUSIBLE and f.cpp_type == FieldDescriptor.CPPTYPE_STRING:
        return st.sampled_from(PLAUSIBLE[f.name])
    if f.name in KNOWN_IDS:
        return st.sampled_from(KNOWN_IDS[f.name])
    if f.type == FieldDescriptor.TYPE_ENUM and f.enum_type is not None:
        return st.sampled_from([v.number for v in f.enum_type.values])
    if f.cpp_type == FieldDescriptor.CPPTYPE_STRING:
        return _ID
    if f.cpp_type in (FieldDescriptor.CPPTYPE_FLOAT, FieldDescriptor.CPPTYPE_DOUBLE):
        return st.floats(0, 1)
    if f.cpp_type == FieldDescriptor.CPPTYPE_BOOL:
        return st.booleans()
    return st.integers(0, 10)


@st.composite
def message_values(draw: st.DrawFn, descriptor: Descriptor, depth: int = 1, plausible: bool = False) -> dict[str, Any]:
    """Values for a subset of a message's fields (one per oneof): random ones, or
    plausible ones with every required field set."""
    values: dict[str, Any] = {}
    if depth > 3:
        return values
    choose = _plausible_value if plausible else _field_values
    for f in descriptor.fields:
        if f.containing_oneof is not None and any(o.name in values for o in f.containing_oneof.fields):
            continue
        if not (plausible and required(f)) and not draw(st.booleans()):
            continue
        if f.message_type is not None and f.message_type.GetOptions().map_entry:
            key, value = f.message_type.fields_by_name["key"], f.message_type.fields_by_name["value"]
            entries = st.dictionaries(choose(key, depth), choose(value, depth), max_size=3)
            values[f.name] = draw(entries if plausible or value.message_type is not None else entries | _MANY_KEYS)
        elif f.is_repeated:
            # A careful client's request lists something at its top (messages, documents).
            items = st.lists(choose(f, depth), min_size=int(plausible and depth == 1), max_size=3)
            values[f.name] = draw(items if plausible else items | _many(choose(f, depth)))
        else:
            values[f.name] = draw(choose(f, depth))
    return values


@st.composite
def near_valid_values(draw: st.DrawFn, descriptor: Descriptor) -> dict[str, Any]:
    """Plausible values with one or two fields random (or dropped)."""
    values = draw(message_values(descriptor, plausible=True))
    if not descriptor.fields:
        return values
    wild = draw(message_values(descriptor))
    for name in draw(st.lists(st.sampled_from([f.name for f in descriptor.fields]), min_size=1, max_size=2)):
        if name in wild:
            values = {k: v for k, v in values.items() if k != name} | {name: wild[name]}
        else:
            values.pop(name, None)
    # A oneof keeps one member: the last set wins, as protobuf would have it.
    return values


def build(descriptor: Descriptor, values: dict[str, Any]) -> Message:
    message = GetMessageClass(descriptor)()
    for name, value in values.items():
        f = descriptor.fields_by_name[name]
        if f.message_type is not None and f.message_type.GetOptions().map_entry:
            target = getattr(message, name)
            inner = f.message_type.fields_by_name["value"].message_type
            for k, v in value.items():
                if inner is not None:
                    target[k].CopyFrom(build(inner, v))
                else:
                    target[k] = v
        elif f.is_repeated:
            if f.message_type is not None:
                getattr(message, name).extend(build(f.message_type, v) for v in value)
            else:
                getattr(message, name).extend(value)
        elif f.message_type is not None:
            getattr(message, name).CopyFrom(build(f.message_type, value))
        else:
            setattr(message, name, value)
    return message


def _mutate(data: bytes, noise: bytes, at: int, how: str) -> bytes:
    at = at % (len(data) + 1)
    if how == "insert":
        return data[:at] + noise + data[at:]
    if how == "replace":
        return data[:at] + noise + data[at + len(noise):]
    return data[:at]


def grpc_payloads(method: GrpcMethod) -> st.SearchStrategy[bytes]:
    """Bytes for one request message: a random one, one with a string that is not
    UTF-8, a corrupted one, or plain noise."""
    valid = message_values(method.request).map(lambda v: build(method.request, v).SerializeToString())
    plausible = message_values(method.request, plausible=True).map(lambda v: build(method.request, v).SerializeToString())
    near = near_valid_values(method.request).map(lambda v: build(method.request, v).SerializeToString())
    return st.one_of(
        plausible,
        near,
        near,
        valid,
        valid,
        valid.map(lambda b: b.replace(_MARK.encode(), b"\xffMA\xfe")),
        st.tuples(valid, st.binary(min_size=1, max_size=4), st.integers(0, 10**6), st.sampled_from(["insert", "replace", "cut"]))
        .map(lambda t: _mutate(*t)),
        st.binary(max_size=300),
    )


@dataclass
class GrpcCall:
    payloads: list[bytes]  # one for a unary request, any number for a client stream
    metadata: tuple[tuple[str, str], ...]

    def __repr__(self) -> str:
        return f"GrpcCall(payloads={[p[:200] for p in self.payloads]!r}, metadata={self.metadata!r})"


@st.composite
def grpc_calls(draw: st.DrawFn, method: GrpcMethod) -> GrpcCall:
    payload = grpc_payloads(method)
    payloads = draw(st.lists(payload, max_size=3)) if method.client_streaming else [draw(payload)]
    metadata: tuple[tuple[str, str], ...] = ()
    if draw(st.integers(0, 4)) == 0:
        metadata = (("x-request-id", draw(st.from_regex(r"[A-Za-z0-9_-]{0,300}", fullmatch=True))),)
    if draw(st.integers(0, 3)) == 0:
        # The identity the gateway vouches for (none: a peer service inside the mesh).
        role = draw(st.sampled_from(["customer", "agent", "admin", "internal", "root", ""]))
        metadata += ((ROLE_HEADER, role), (SUBJECT_HEADER, draw(st.sampled_from(["fz-user-1", "fz-human-1", ""]))))
        metadata += ((CONVERSATION_HEADER, draw(st.sampled_from(KNOWN_IDS["conversation_id"]))),)
    return GrpcCall(payloads, metadata)


# ---------------------------------------------------------------- gRPC checks

MAX_REQUEST_BYTES = dict(SERVER_OPTIONS)["grpc.max_receive_message_length"]
UNARY_TIMEOUT = 20.0
# A server stream counts as accepted at its first message; a watch that has nothing
# to say yet ends at this deadline, which is no error.
STREAM_TIMEOUT = 3.0


def _identity(data: bytes) -> bytes:
    return data


# Read-only methods by the API's naming (AIP-131/132...): every other one may write.
_READS = ("Get", "List", "Lookup", "Watch", "Export", "Search", "Classify", "Check")
READ_CONVERSATION = GrpcMethod(
    "atende.memory.v1.MemoryService", "GetConversation", "memory_svc", ".atende.memory.v1.GetConversationRequest", False, False
)


def call_grpc(channels: dict[str, grpc.Channel], method: GrpcMethod, call: GrpcCall, tally: Tally) -> list[str]:
    """Calls `method` with raw bytes on its service's channel (`channels` by process);
    returns what is wrong with the answer."""
    conversation = _conversation_of(method, call)
    before = _read_conversation(channels, conversation) if conversation else None
    code, details = _invoke(channels[method.process], method, call)
    tally.grpc_answer(f"{method.service}.{method.name}", code)
    problems = []
    # grpc itself refuses a message past the server's limit, as RESOURCE_EXHAUSTED: the
    # standard answer (Envoy's 1 MB limit keeps REST requests far below it).
    oversized = any(len(payload) > MAX_REQUEST_BYTES for payload in call.payloads)
    if code == grpc.StatusCode.RESOURCE_EXHAUSTED and oversized:
        pass
    elif code in BAD_GRPC_CODES:
        problems.append(f"answered {code.name}: {details[:300]!r}")
    elif code == grpc.StatusCode.DEADLINE_EXCEEDED and not method.server_streaming:
        problems.append(f"no answer within {UNARY_TIMEOUT} s")
    elif code != grpc.StatusCode.OK and names_internal(
            details, " ".join(payload.decode("utf-8", errors="replace") for payload in call.payloads)):
        problems.append(f"{code.name} whose message names an internal: {details[:300]!r}")
    if conversation and code in (grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.FAILED_PRECONDITION):
        after = _read_conversation(channels, conversation)
        if after != before:
            problems.append(f"refused ({code.name}) but conversation {conversation!r} changed: {before!r:.400} -> {after!r:.400}")
    problems = [f"{method.path} on {method.process}: {p}\n    {call!r:.1000}" for p in problems]
    tally.problems += problems
    return problems


def _conversation_of(method: GrpcMethod, call: GrpcCall) -> str:
    """The stored conversation a write names (one the stack holds), or ""."""
    if method.name.startswith(_READS) or "conversation_id" not in method.request.fields_by_name or len(call.payloads) != 1:
        return ""
    try:
        request = GetMessageClass(method.request).FromString(call.payloads[0])
    except DecodeError:  # bytes that are no message name no conversation
        return ""
    conversation = str(getattr(request, "conversation_id", ""))
    return conversation if conversation in KNOWN_IDS["conversation_id"] else ""


def _read_conversation(channels: dict[str, grpc.Channel], conversation: str) -> tuple[grpc.StatusCode, Message | None]:
    request = build(READ_CONVERSATION.request, {"conversation_id": conversation}).SerializeToString()
    try:
        read = channels[READ_CONVERSATION.process].unary_unary(READ_CONVERSATION.path, _identity, _identity)
        answer = read(request, timeout=UNARY_TIMEOUT)
    except grpc.RpcError as error:
        return error.code(), None  # type: ignore[attr-defined]
    response_type = message_type("atende.memory.v1.GetConversationResponse")
    return grpc.StatusCode.OK, GetMessageClass(response_type).FromString(answer)


def _invoke(channel: grpc.Channel, method: GrpcMethod, call: GrpcCall) -> tuple[grpc.StatusCode, str]:
    kwargs: dict[str, Any] = {"request_serializer": _identity, "response_deserializer": _identity}
    try:
        if method.client_streaming and not method.server_streaming:
            channel.stream_unary(method.path, **kwargs)(iter(call.payloads), timeout=UNARY_TIMEOUT, metadata=call.metadata)
        elif method.server_streaming:
            requests: Callable[..., Any]
            if method.client_streaming:
                requests = channel.stream_stream(method.path, **kwargs)
                stream = requests(iter(call.payloads), timeout=STREAM_TIMEOUT, metadata=call.metadata)
            else:
                requests = channel.unary_stream(method.path, **kwargs)
                stream = requests(call.payloads[0], timeout=STREAM_TIMEOUT, metadata=call.metadata)
            for _ in stream:
                stream.cancel()  # type: ignore[no-untyped-call]
                break
        else:
            channel.unary_unary(method.path, **kwargs)(call.payloads[0], timeout=UNARY_TIMEOUT, metadata=call.metadata)
    except grpc.RpcError as error:
        code = error.code()  # type: ignore[attr-defined]
        if code == grpc.StatusCode.CANCELLED:
            return grpc.StatusCode.OK, ""  # our own cancel after the first message
        return code, error.details() or ""  # type: ignore[attr-defined]
    return grpc.StatusCode.OK, ""
