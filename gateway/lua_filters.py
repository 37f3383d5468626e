"""The Lua filters the gateway runs before Envoy's transcoder: the API-key check and
the check that a JSON body names only fields the proto defines."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
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


@dataclass
class BodySchema:
    """The JSON keys an object may carry (proto and JSON names), and the schema of
    each key whose value is itself a message (or a list of them). Maps, well-known
    types (Timestamp, Struct...) and scalars have none: any content is theirs."""

    keys: list[str]
    nested: dict[str, BodySchema]

    def lua(self) -> str:
        keys = ", ".join(f"[{_lua_string(k)}] = true" for k in self.keys)
        nested = ", ".join(f"[{_lua_string(k)}] = {v.lua()}" for k, v in sorted(self.nested.items()))
        return f"{{ keys = {{ {keys} }}, nested = {{ {nested} }} }}"


def body_rules(descriptor: Path) -> list[tuple[str, str, BodySchema]]:
    """(HTTP method, Lua pattern of the path, schema of the JSON body) for every
    public RPC that takes a JSON body, read from the descriptor set."""
    files = descriptor_pb2.FileDescriptorSet.FromString(descriptor.read_bytes()).file
    messages = _messages(files)
    rules: list[tuple[str, str, BodySchema]] = []
    for verb, template, input_type in _json_body_routes(files):
        path = _PATH_VARIABLE.sub("[^/]+", _LUA_MAGIC.sub(r"%\1", template))
        rules.append((verb.upper(), f"^{path}$", _schema(messages, input_type, 1)))
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
    nested: dict[str, BodySchema] = {}
    for f in fields:
        inner = messages.get(f.type_name)
        opaque = inner is None or inner.options.map_entry or f.type_name.startswith(".google.protobuf.")
        if f.type == descriptor_pb2.FieldDescriptorProto.TYPE_MESSAGE and not opaque and depth < _SCHEMA_DEPTH:
            below = _schema(messages, f.type_name, depth + 1)
            nested[f.name] = nested[f.json_name] = below
    return BodySchema(sorted({f.name for f in fields} | {f.json_name for f in fields}), nested)


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
    for method, pattern, body in body_rules(descriptor):
        lines.append(f"  {{ method = {_lua_string(method)}, pattern = {_lua_string(pattern)}, schema = {body.lua()} }}")
    routes = ",\n".join(lines)
    lua = BODY_CHECK_LUA.replace("--ROUTES--", routes).replace("--DEPTH--", str(_SCHEMA_DEPTH + 2))
    return _lua_filter(lua, stat_prefix="body_check")


BODY_CHECK_LUA = r"""
local routes = {
--ROUTES--
}
local MAX_DEPTH = --DEPTH--

-- A small JSON walker: it finds the first key an object's schema does not allow
-- and returns its path. Anything it does not understand (malformed JSON, nesting
-- deeper than MAX_DEPTH) it leaves to the transcoder, which answers 400 itself.
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

local check_value

local function check_object(s, i, schema, path, depth)
  i = skip_ws(s, i + 1)
  if s:sub(i, i) == "}" then return nil, i + 1 end
  while true do
    if s:sub(i, i) ~= '"' then return nil, #s + 1 end
    local key
    key, i = read_string(s, i)
    if key == nil then return nil, #s + 1 end
    if schema ~= nil and not schema.keys[key] then return path .. key, i end
    i = skip_ws(s, i)
    if s:sub(i, i) ~= ":" then return nil, #s + 1 end
    local bad
    bad, i = check_value(s, skip_ws(s, i + 1), schema and schema.nested[key], path .. key .. ".", depth + 1)
    if bad ~= nil then return bad, i end
    i = skip_ws(s, i)
    local c = s:sub(i, i)
    if c == "," then i = skip_ws(s, i + 1) elseif c == "}" then return nil, i + 1 else return nil, #s + 1 end
  end
end

check_value = function(s, i, schema, path, depth)
  if depth > MAX_DEPTH then return nil, #s + 1 end
  local c = s:sub(i, i)
  if c == "{" then return check_object(s, i, schema, path, depth) end
  if c == "[" then
    i = skip_ws(s, i + 1)
    if s:sub(i, i) == "]" then return nil, i + 1 end
    while true do
      local bad
      bad, i = check_value(s, i, schema, path, depth + 1)
      if bad ~= nil then return bad, i end
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
      local bad = check_object(s, start, route.schema, "", 1)
      if bad ~= nil then
        handle:respond({[":status"] = "400", ["content-type"] = "application/json"},
          '{"code":3,"message":"unknown field \\"' .. bad:gsub('[^%w_%.%-]', '?') ..
          '\\" in the request body","details":[]}')
      end
      return
    end
  end
end
"""


