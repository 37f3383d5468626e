"""Renders gateway/envoy.yaml for a deployment.

Environment (with local defaults):
  GATEWAY_BIND=127.0.0.1        address the public listener binds (0.0.0.0 in a container)
  GATEWAY_PORT=8080             REST and gRPC on one port
  ENVOY_ADMIN_PORT=9901         Envoy's admin interface, always on 127.0.0.1
  GATEWAY_RATE_LIMIT_PER_MINUTE=100   requests a minute for each API key
  ATENDE_API_KEYS               comma-separated keys accepted in x-api-key; empty disables auth
  ROUTER_ADDR, AGENT_ADDR, MEMORY_ADDR, KNOWLEDGE_ADDR   upstream host:port
  GATEWAY_DESCRIPTOR=gen/atende.pb    the descriptor set the transcoder reads

Usage: python -m gateway.render OUT_FILE
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).with_name("envoy.yaml")

UPSTREAMS = {
    "router_svc": ("ROUTER_ADDR", "127.0.0.1:50051"),
    "agent_svc": ("AGENT_ADDR", "127.0.0.1:50052"),
    "memory_svc": ("MEMORY_ADDR", "127.0.0.1:50053"),
    "knowledge_svc": ("KNOWLEDGE_ADDR", "127.0.0.1:50054"),
}


@dataclass
class GatewayConfig:
    bind: str = "127.0.0.1"
    port: int = 8080
    admin_port: int = 9901
    rate_limit_per_minute: int = 100
    api_keys: list[str] = field(default_factory=list)
    upstreams: dict[str, str] = field(default_factory=lambda: {k: v[1] for k, v in UPSTREAMS.items()})
    descriptor: Path = ROOT / "gen" / "atende.pb"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> GatewayConfig:
        env = dict(os.environ if env is None else env)
        return cls(
            bind=env.get("GATEWAY_BIND", "127.0.0.1"),
            port=int(env.get("GATEWAY_PORT", "8080")),
            admin_port=int(env.get("ENVOY_ADMIN_PORT", "9901")),
            rate_limit_per_minute=int(env.get("GATEWAY_RATE_LIMIT_PER_MINUTE", "100")),
            api_keys=[k.strip() for k in env.get("ATENDE_API_KEYS", "").split(",") if k.strip()],
            upstreams={name: env.get(var, default) for name, (var, default) in UPSTREAMS.items()},
            descriptor=Path(env.get("GATEWAY_DESCRIPTOR", str(ROOT / "gen" / "atende.pb"))).resolve(),
        )


def _cluster(name: str, address: str) -> str:
    host, _, port = address.rpartition(":")
    return f"""    - name: {name}
      type: STRICT_DNS
      connect_timeout: 1s
      lb_policy: ROUND_ROBIN
      typed_extension_protocol_options:
        envoy.extensions.upstreams.http.v3.HttpProtocolOptions:
          "@type": type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions
          explicit_http_config:
            http2_protocol_options: {{}}
      health_checks:
        - timeout: 1s
          interval: 5s
          no_traffic_interval: 5s
          unhealthy_threshold: 2
          healthy_threshold: 1
          grpc_health_check: {{}}
      load_assignment:
        cluster_name: {name}
        endpoints:
          - lb_endpoints:
              - endpoint:
                  address:
                    socket_address: {{ address: {host}, port_value: {port} }}
"""


_LUA_MAGIC = re.compile(r"([\^$()%.\[\]*+\-?])")
_PATH_VARIABLE = re.compile(r"\{[^}]*\}")


def body_rules(descriptor: Path) -> list[tuple[str, str, list[str]]]:
    """(HTTP method, Lua pattern of the path, JSON keys the request body may carry)
    for every public RPC that takes a JSON body, read from the descriptor set."""
    from google.api import annotations_pb2
    from google.protobuf import descriptor_pb2

    files = descriptor_pb2.FileDescriptorSet.FromString(descriptor.read_bytes()).file
    messages = {
        f".{file.package}.{message.name}": message for file in files for message in file.message_type
    }
    rules: list[tuple[str, str, list[str]]] = []
    for file in files:
        if not file.package.startswith("atende."):
            continue
        for service in file.service:
            for method in service.method:
                if not method.options.HasExtension(annotations_pb2.http):
                    continue
                rule = method.options.Extensions[annotations_pb2.http]
                verb = rule.WhichOneof("pattern")
                if verb is None or verb == "custom" or rule.body != "*":
                    continue
                path = _PATH_VARIABLE.sub("[^/]+", _LUA_MAGIC.sub(r"%\1", getattr(rule, verb)))
                fields = messages[method.input_type].field
                keys = sorted({f.name for f in fields} | {f.json_name for f in fields})
                rules.append((verb.upper(), f"^{path}$", keys))
    return rules


def _lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string literal is a valid Lua string literal for these ASCII values


def _body_check_filter(descriptor: Path) -> str:
    """Envoy's transcoder silently drops JSON fields the proto does not define; a
    client that misspells a field would never learn. This Lua filter answers 400
    naming the unknown top-level field before the transcoder sees the body."""
    lines = []
    for method, pattern, keys in body_rules(descriptor):
        allowed = ", ".join(f"[{_lua_string(k)}] = true" for k in keys)
        lines.append(f"  {{ method = {_lua_string(method)}, pattern = {_lua_string(pattern)}, keys = {{ {allowed} }} }}")
    routes = ",\n".join(lines)
    lua = BODY_CHECK_LUA.replace("--ROUTES--", routes)
    indented = "\n".join("                          " + line for line in lua.splitlines())
    return f"""                  - name: envoy.filters.http.lua
                    typed_config:
                      "@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua
                      stat_prefix: body_check
                      default_source_code:
                        inline_string: |
{indented}"""


BODY_CHECK_LUA = r"""
local routes = {
--ROUTES--
}

-- Keys of the top-level JSON object, or nil when the body is not an object. Only
-- the top level is read: nested values (maps such as metadata) may hold any key.
local function top_level_keys(s)
  local i = s:find("%S")
  if i == nil or s:sub(i, i) ~= "{" then return nil end
  local keys, depth, expect_key = {}, 0, false
  while true do
    i = s:find('["{}%[%],]', i)
    if i == nil then break end
    local c = s:sub(i, i)
    if c == '"' then
      local j = i + 1
      while true do
        j = s:find('["\\]', j)
        if j == nil then return keys end
        if s:sub(j, j) == "\\" then j = j + 2 else break end
      end
      if depth == 1 and expect_key then
        keys[#keys + 1] = s:sub(i + 1, j - 1)
        expect_key = false
      end
      i = j + 1
    else
      if c == "{" or c == "[" then
        depth = depth + 1
        expect_key = (c == "{" and depth == 1)
      elseif c == "}" or c == "]" then
        depth = depth - 1
      elseif depth == 1 then
        expect_key = true
      end
      i = i + 1
    end
  end
  return keys
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
      local keys = top_level_keys(body:getBytes(0, body:length()))
      if keys == nil then return end
      for _, key in ipairs(keys) do
        if not route.keys[key] then
          handle:respond({[":status"] = "400", ["content-type"] = "application/json"},
            '{"code":3,"message":"unknown field \\"' .. key:gsub('[^%w_%-]', '?') ..
            '\\" in the request body","details":[]}')
          return
        end
      end
      return
    end
  end
end
"""


def _auth_filters(keys: list[str]) -> str:
    """API-key check in Lua (stable in Envoy, unlike the work-in-progress api_key_auth
    filter): a missing or unknown x-api-key is 401 before anything reaches a service.
    Health checks of the gateway itself stay open for load balancers."""
    if not keys:
        return ""
    table = ", ".join(f"[{json.dumps(k)}] = true" for k in keys)
    lua = f"""local keys = {{ {table} }}
function envoy_on_request(handle)
  local path = handle:headers():get(":path") or ""
  if string.sub(path, 1, 20) == "/grpc.health.v1.Heal" then return end
  local key = handle:headers():get("x-api-key")
  if key ~= nil and keys[key] then return end
  local auth = handle:headers():get("authorization")
  if auth ~= nil and string.sub(auth, 1, 7) == "Bearer " and keys[string.sub(auth, 8)] then return end
  handle:respond({{[":status"] = "401", ["content-type"] = "application/json", ["www-authenticate"] = "ApiKey"}},
    '{{"code":16,"message":"missing or unknown API key: send it in the x-api-key header","details":[]}}')
end
"""
    indented = "\n".join("                          " + line for line in lua.splitlines())
    return f"""                  - name: envoy.filters.http.lua
                    typed_config:
                      "@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua
                      default_source_code:
                        inline_string: |
{indented}"""


def render(config: GatewayConfig) -> str:
    clusters = "".join(_cluster(name, address) for name, address in config.upstreams.items())
    return Template(TEMPLATE.read_text()).substitute(
        ADMIN_PORT=config.admin_port,
        GATEWAY_BIND=config.bind,
        GATEWAY_PORT=config.port,
        RATE_LIMIT_PER_MINUTE=config.rate_limit_per_minute,
        DESCRIPTOR_PATH=str(config.descriptor),
        AUTH_FILTERS=_auth_filters(config.api_keys) + "\n" + _body_check_filter(config.descriptor),
        CLUSTERS=clusters.rstrip("\n"),
    )


def write(config: GatewayConfig, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(config))
    out.chmod(0o600)  # it may hold API keys
    return out


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m gateway.render OUT_FILE")
    write(GatewayConfig.from_env(), Path(sys.argv[1]))
