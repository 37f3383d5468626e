"""Lua filters the gateway runs before Envoy's transcoder: the check that a JSON body
names only fields the proto defines (and puts no object or list where a scalar
belongs), and gRPC's own headers kept for gRPC clients only. Credentials are
gateway/authz.py's."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# annotations_pb2 registers the google.api.http option: it must be imported before a
# descriptor set is parsed, or the option stays an unknown field.
from google.api import annotations_pb2
from google.protobuf import descriptor_pb2


def _lua_filter(source: str, stat_prefix: str = "") -> str:
    """An envoy.filters.http.lua entry of the listener's filter chain, indented for envoy.yaml."""
    indented = "\n".join("                          " + line for line in source.splitlines())
    stats = f"\n                      stat_prefix: {stat_prefix}" if stat_prefix else ""
    return f"""                  - name: envoy.filters.http.lua
                    typed_config:
                      "@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua{stats}
                      default_source_code:
                        inline_string: |
{indented}"""


_LUA_MAGIC = re.compile(r"([\^$()%.\[\]*+\-?])")
_PATH_VARIABLE = re.compile(r"\{[^}]*\}")


# How deep the generated schemas and the Lua walk go; past it, values are not checked.
_SCHEMA_DEPTH = 6


_F = descriptor_pb2.FieldDescriptorProto
# What a JSON value of a scalar field must be, in the words of the 400 that says so.
_SCALAR_KINDS = {
    _F.TYPE_STRING: "a string",
    _F.TYPE_BYTES: "a base64 string",
    _F.TYPE_ENUM: "a string",
    _F.TYPE_BOOL: "true or false",
    **dict.fromkeys(
        [_F.TYPE_DOUBLE, _F.TYPE_FLOAT, _F.TYPE_INT32, _F.TYPE_INT64, _F.TYPE_UINT32, _F.TYPE_UINT64, _F.TYPE_SINT32,
         _F.TYPE_SINT64, _F.TYPE_FIXED32, _F.TYPE_FIXED64, _F.TYPE_SFIXED32, _F.TYPE_SFIXED64],
        "a number",
    ),
}


@dataclass
class BodySchema:
    """The JSON keys an object may carry (proto and JSON names), and the schema of
    each key whose value is itself a message (or a list of them). Well-known types
    (Timestamp, Struct...) have none: any content is theirs.

    `scalars` and `maps` say what a single scalar field's value, and each value of a
    map of scalars, must be ("a string"): an object or a list there is refused by
    name. Envoy's transcoder answers those with riddles ("Proto fields must have a
    name.") or, for an object in a map, passes a corrupt request on."""

    keys: list[str]
    nested: dict[str, BodySchema]
    scalars: dict[str, str] = field(default_factory=dict)
    maps: dict[str, str] = field(default_factory=dict)

    def lua(self) -> str:
        keys = ", ".join(f"[{_lua_string(k)}] = true" for k in self.keys)
        nested = ", ".join(f"[{_lua_string(k)}] = {v.lua()}" for k, v in sorted(self.nested.items()))
        scalars = ", ".join(f"[{_lua_string(k)}] = {_lua_string(v)}" for k, v in sorted(self.scalars.items()))
        maps = ", ".join(f"[{_lua_string(k)}] = {_lua_string(v)}" for k, v in sorted(self.maps.items()))
        return f"{{ keys = {{ {keys} }}, nested = {{ {nested} }}, scalars = {{ {scalars} }}, maps = {{ {maps} }} }}"


def lua_path_pattern(template: str) -> str:
    """A Lua pattern of a google.api.http path template: /v1/x/{id} -> ^/v1/x/[^/]+$."""
    return "^" + _PATH_VARIABLE.sub("[^/]+", _LUA_MAGIC.sub(r"%\1", template)) + "$"


# A turn that names its idempotency key may be retried by the gateway even after it
# reached router_svc (a replica killed mid-turn): the retry replays it, never stores it
# twice. The body check marks such requests; envoy.yaml's route for them retries on reset.
REPLAYABLE_HEADER = "x-atende-replayable"
_REPLAY_FIELD = "client_message_id"


def replayable_routes(descriptor: Path) -> set[tuple[str, str]]:
    """(HTTP method, Lua path pattern) of the JSON-body routes whose request has a
    top-level client_message_id."""
    files = descriptor_pb2.FileDescriptorSet.FromString(descriptor.read_bytes()).file
    messages = _messages(files)
    found: set[tuple[str, str]] = set()
    for verb, template, input_type in _json_body_routes(files):
        if any(f.name == _REPLAY_FIELD for f in messages[input_type].field):
            found.add((verb.upper(), lua_path_pattern(template)))
    return found


def body_rules(descriptor: Path) -> list[tuple[str, str, BodySchema]]:
    """(HTTP method, Lua pattern of the path, schema of the JSON body) for every
    public RPC that takes a JSON body, read from the descriptor set."""
    files = descriptor_pb2.FileDescriptorSet.FromString(descriptor.read_bytes()).file
    messages = _messages(files)
    rules: list[tuple[str, str, BodySchema]] = []
    for verb, template, input_type in _json_body_routes(files):
        rules.append((verb.upper(), lua_path_pattern(template), _schema(messages, input_type, 1)))
    return rules


def _messages(files: Iterable[descriptor_pb2.FileDescriptorProto]) -> dict[str, descriptor_pb2.DescriptorProto]:
    """Every message type, nested ones included, by its full name (".atende.x.v1.Message")."""
    messages: dict[str, descriptor_pb2.DescriptorProto] = {}

    def collect(prefix: str, message: descriptor_pb2.DescriptorProto) -> None:
        messages[f"{prefix}.{message.name}"] = message
        for inner in message.nested_type:
            collect(f"{prefix}.{message.name}", inner)

    for file in files:
        for message in file.message_type:
            collect(f".{file.package}", message)
    return messages


def _schema(messages: dict[str, descriptor_pb2.DescriptorProto], type_name: str, depth: int) -> BodySchema:
    fields = messages[type_name].field
    schema = BodySchema(sorted({f.name for f in fields} | {f.json_name for f in fields}), {})
    for f in fields:
        inner = messages.get(f.type_name)
        if f.type in _SCALAR_KINDS and f.label != _F.LABEL_REPEATED:
            schema.scalars[f.name] = schema.scalars[f.json_name] = _SCALAR_KINDS[f.type]
        if inner is not None and inner.options.map_entry:
            value = next(v for v in inner.field if v.name == "value")
            if value.type in _SCALAR_KINDS:
                schema.maps[f.name] = schema.maps[f.json_name] = _SCALAR_KINDS[value.type]
        opaque = inner is None or inner.options.map_entry or f.type_name.startswith(".google.protobuf.")
        if f.type == _F.TYPE_MESSAGE and not opaque and depth < _SCHEMA_DEPTH:
            below = _schema(messages, f.type_name, depth + 1)
            schema.nested[f.name] = schema.nested[f.json_name] = below
    return schema


@dataclass(frozen=True)
class HttpRoute:
    """One REST binding of a public RPC, read from its google.api.http annotation."""

    verb: str  # get, post, put, patch or delete
    template: str  # /v1/conversations/{conversation_id}/messages
    body: str  # "*" (the whole request), a field's name, or "" (no body: the rest are query parameters)
    method: str  # the RPC's full name: atende.conversation.v1.ConversationService.SendMessage
    input_type: str  # its request message: .atende.conversation.v1.SendMessageRequest


def http_routes(files: Iterable[descriptor_pb2.FileDescriptorProto]) -> Iterator[HttpRoute]:
    """Every REST binding (additional ones included) of our RPCs, in descriptor order."""
    for file in files:
        if not file.package.startswith("atende."):
            continue
        for service in file.service:
            for method in service.method:
                if not method.options.HasExtension(annotations_pb2.http):
                    continue
                top = method.options.Extensions[annotations_pb2.http]
                for rule in (top, *top.additional_bindings):
                    verb = rule.WhichOneof("pattern")
                    if verb is None or verb == "custom":
                        continue
                    full_name = f"{file.package}.{service.name}.{method.name}"
                    yield HttpRoute(verb, getattr(rule, verb), rule.body, full_name, method.input_type)


def _json_body_routes(files: Iterable[descriptor_pb2.FileDescriptorProto]) -> Iterator[tuple[str, str, str]]:
    """(verb, path template, input type) of each of our RPCs whose HTTP rule takes the whole body."""
    for route in http_routes(files):
        if route.body == "*":
            yield route.verb, route.template, route.input_type


def _lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string literal is a valid Lua string literal for these ASCII values


def body_check_filter(descriptor: Path) -> str:
    """Envoy's transcoder silently drops JSON fields the proto does not define; a
    client that misspells a field would never learn. This Lua filter answers 400
    naming the unknown field (nested ones by their path, e.g. documents.tittle)
    before the transcoder sees the body."""
    lines = []
    replayable = replayable_routes(descriptor)
    for method, pattern, body in body_rules(descriptor):
        replay = "true" if (method, pattern) in replayable else "false"
        lines.append(
            f"  {{ method = {_lua_string(method)}, pattern = {_lua_string(pattern)}, replay = {replay}, "
            f"schema = {body.lua()} }}"
        )
    routes = ",\n".join(lines)
    lua = (
        BODY_CHECK_LUA.replace("--ROUTES--", routes)
        .replace("--DEPTH--", str(_SCHEMA_DEPTH + 2))
        .replace("--REPLAYABLE--", REPLAYABLE_HEADER)
    )
    return _lua_filter(lua, stat_prefix="body_check")


BODY_CHECK_LUA = r"""
local routes = {
--ROUTES--
}
local MAX_DEPTH = --DEPTH--

-- A small JSON walker: it finds the first key an object's schema does not allow, or
-- an object or a list where a scalar belongs, and returns its path (and, for the
-- latter, what the value must be). Anything it does not understand (malformed JSON,
-- nesting deeper than MAX_DEPTH) it leaves to the transcoder, which answers 400 itself.
local function skip_ws(s, i)
  return s:find("%S", i) or (#s + 1)
end

local function read_string(s, i)
  local j = i + 1
  while true do
    local k = s:find('["\\]', j)
    if k == nil then return nil, #s + 1 end
    if s:sub(k, k) == "\\" then j = k + 2 else return s:sub(i + 1, k - 1), k + 1 end
  end
end

local function not_scalar(s, i, kind)
  local c = s:sub(i, i)
  if c == "{" then return "must be " .. kind .. ", not an object" end
  if c == "[" then return "must be " .. kind .. ", not a list" end
  return nil
end

local check_value

-- `values`: when the object is a map, what each of its values must be.
local function check_object(s, i, schema, path, depth, values)
  i = skip_ws(s, i + 1)
  if s:sub(i, i) == "}" then return nil, i + 1 end
  while true do
    if s:sub(i, i) ~= '"' then return nil, #s + 1 end
    local key
    key, i = read_string(s, i)
    if key == nil then return nil, #s + 1 end
    if values == nil and schema ~= nil and not schema.keys[key] then return path .. key, i end
    i = skip_ws(s, i)
    if s:sub(i, i) ~= ":" then return nil, #s + 1 end
    i = skip_ws(s, i + 1)
    local kind = values or (schema and schema.scalars[key])
    local why = kind and not_scalar(s, i, kind)
    if why then return path .. key, i, why end
    local bad
    local map_values = values == nil and schema and schema.maps[key]
    if map_values and s:sub(i, i) == "{" and depth < MAX_DEPTH then
      bad, i, why = check_object(s, i, nil, path .. key .. ".", depth + 1, map_values)
    else
      bad, i, why = check_value(s, i, values == nil and schema and schema.nested[key], path .. key .. ".", depth + 1)
    end
    if bad ~= nil then return bad, i, why end
    i = skip_ws(s, i)
    local c = s:sub(i, i)
    if c == "," then i = skip_ws(s, i + 1) elseif c == "}" then return nil, i + 1 else return nil, #s + 1 end
  end
end

check_value = function(s, i, schema, path, depth)
  if depth > MAX_DEPTH then return nil, #s + 1 end
  local c = s:sub(i, i)
  if c == "{" then return check_object(s, i, schema or nil, path, depth, nil) end
  if c == "[" then
    i = skip_ws(s, i + 1)
    if s:sub(i, i) == "]" then return nil, i + 1 end
    while true do
      local bad, why
      bad, i, why = check_value(s, i, schema, path, depth + 1)
      if bad ~= nil then return bad, i, why end
      i = skip_ws(s, i)
      local d = s:sub(i, i)
      if d == "," then i = skip_ws(s, i + 1) elseif d == "]" then return nil, i + 1 else return nil, #s + 1 end
    end
  end
  if c == '"' then
    local _, j = read_string(s, i)
    return nil, j
  end
  return nil, s:find("[,%]}%s]", i) or (#s + 1)
end

-- The top-level string value of one of `names`, or nil.
local function top_string(s, i, names)
  i = skip_ws(s, i + 1)
  while s:sub(i, i) == '"' do
    local key
    key, i = read_string(s, i)
    if key == nil then return nil end
    i = skip_ws(s, i)
    if s:sub(i, i) ~= ":" then return nil end
    i = skip_ws(s, i + 1)
    if names[key] and s:sub(i, i) == '"' then
      return (read_string(s, i))
    end
    local _
    _, i = check_value(s, i, nil, "", 2)
    i = skip_ws(s, i)
    if s:sub(i, i) ~= "," then return nil end
    i = skip_ws(s, i + 1)
  end
  return nil
end

local REPLAY_KEYS = { client_message_id = true, clientMessageId = true }

function envoy_on_request(handle)
  local headers = handle:headers()
  local content_type = headers:get("content-type") or ""
  if content_type:find("application/grpc", 1, true) == 1 then return end
  local method = headers:get(":method")
  local path = (headers:get(":path") or ""):gsub("%?.*$", "")
  for _, route in ipairs(routes) do
    if route.method == method and path:match(route.pattern) then
      local body = handle:body()
      if body == nil then return end
      local s = body:getBytes(0, body:length())
      local start = skip_ws(s, 1)
      if s:sub(start, start) ~= "{" then return end
      local bad, _, why = check_object(s, start, route.schema, "", 1, nil)
      if bad ~= nil then
        local name = bad:gsub('[^%w_%.%-]', '?')
        local text = 'unknown field "' .. name .. '" in the request body'
        if why then text = name .. ": " .. why end
        -- Plain text: the gateway's local_reply_config makes it a JSON google.rpc.Status.
        handle:respond({[":status"] = "400", ["content-type"] = "text/plain"}, text)
        return
      end
      if route.replay then
        local key = top_string(s, start, REPLAY_KEYS)
        -- headers() again: the object read before body() is out of scope once it has waited.
        if key ~= nil and key ~= "" then handle:headers():replace("--REPLAYABLE--", "1") end
      end
      return
    end
  end
end
"""


def grpc_headers_filter() -> str:
    """gRPC's own headers belong to gRPC clients. A REST request loses them all (the
    transcoder makes the gRPC request): grpc in the service answered a malformed
    grpc-timeout, grpc-encoding or grpc-status as INTERNAL (500), and a REST client's
    "grpc-timeout: 1n" became a 504. A gRPC client keeps them, but for a malformed
    grpc-timeout (the route's timeout applies) and the response-only grpc-status and
    grpc-message."""
    return _lua_filter(GRPC_HEADERS_LUA)


GRPC_HEADERS_LUA = r"""
function envoy_on_request(handle)
  local headers = handle:headers()
  local content_type = headers:get("content-type") or ""
  local grpc = content_type == "application/grpc" or content_type:find("application/grpc+", 1, true) == 1
  local drop = {}
  for name, value in pairs(headers) do
    if name:sub(1, 5) == "grpc-" then
      -- The gRPC spec's timeout: at most 8 digits and a unit (H, M, S, m, u, n).
      local bad_timeout = name == "grpc-timeout" and not value:match("^%d%d?%d?%d?%d?%d?%d?%d?[HMSmun]$")
      if not grpc or bad_timeout or name == "grpc-status" or name == "grpc-message" then
        drop[#drop + 1] = name
      end
    end
  end
  for _, name in ipairs(drop) do headers:remove(name) end
end
"""
