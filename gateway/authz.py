"""Who may call what through the gateway: the JWT check (Envoy's jwt_authn) and the
Lua filter after it that turns a credential into the identity headers services trust
(atende_runtime.identity) and refuses a route the credential's role does not reach.

The role each RPC needs comes from the descriptor set: the atende.common.v1.access
option on the method, so the rule sits beside the contract it guards."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

# access_pb2 registers the atende.common.v1.access option before a descriptor set is parsed.
from atende.common.v1 import access_pb2
from google.protobuf import descriptor_pb2

from atende_runtime.identity import ADDRESS_HEADER, CONVERSATION_HEADER, IDENTITY_HEADERS, ROLE_HEADER, SUBJECT_HEADER

if TYPE_CHECKING:
    from google.protobuf.internal.extension_dict import _ExtensionFieldDescriptor

from gateway.lua_filters import REPLAYABLE_HEADER, _lua_filter, _lua_string, http_routes, lua_path_pattern
from gateway.web_routes import PUBLIC_PREFIXES

# Set for the rate limiter: one bucket per credential, or per client address without one.
RATE_KEY_HEADER = "x-atende-rate-key"
ROLE_LEVEL = {"customer": access_pb2.ACCESS_CUSTOMER, "agent": access_pb2.ACCESS_AGENT, "admin": access_pb2.ACCESS_ADMIN}
_NEEDS = {access_pb2.ACCESS_CUSTOMER: "a", access_pb2.ACCESS_AGENT: "a human agent's or an admin",
          access_pb2.ACCESS_ADMIN: "an admin"}


@dataclass(frozen=True)
class RouteAccess:
    verb: str  # GET, POST, DELETE...
    pattern: str  # a Lua pattern of the REST path
    level: int  # an atende.common.v1.Access value


@dataclass
class AccessTable:
    rest: list[RouteAccess] = field(default_factory=list)
    # "/atende.conversation.v1.ConversationService/SendMessage" -> Access, every method
    # of a service that has a public one (the others stay ACCESS_UNSPECIFIED: refused).
    grpc: dict[str, int] = field(default_factory=dict)


# The generated stub types the option as a plain FieldDescriptor.
_ACCESS_OPTION = cast("_ExtensionFieldDescriptor[descriptor_pb2.MethodOptions, int]", access_pb2.access)


def _access(method: descriptor_pb2.MethodDescriptorProto) -> int:
    if method.options.HasExtension(_ACCESS_OPTION):
        return int(method.options.Extensions[_ACCESS_OPTION])
    return access_pb2.ACCESS_UNSPECIFIED


def access_table(descriptor: Path) -> AccessTable:
    files = list(descriptor_pb2.FileDescriptorSet.FromString(descriptor.read_bytes()).file)
    table = AccessTable()
    levels: dict[str, int] = {}
    for file in _ours(files):
        for service in file.service:
            methods = {m.name: _access(m) for m in service.method}
            if not any(methods.values()):
                continue
            for name, level in methods.items():
                table.grpc[f"/{file.package}.{service.name}/{name}"] = level
                levels[f"{file.package}.{service.name}.{name}"] = level
    for route in http_routes(files):
        table.rest.append(RouteAccess(route.verb.upper(), lua_path_pattern(route.template), levels.get(route.method, 0)))
    return table


def _ours(files: Iterable[descriptor_pb2.FileDescriptorProto]) -> Iterable[descriptor_pb2.FileDescriptorProto]:
    return (f for f in files if f.package.startswith("atende."))


@dataclass
class JwtConfig:
    """Where the gateway finds the keys that sign tokens: a JWKS file (`make run`
    generates one, gateway/tokens.py) or an identity provider's JWKS URL."""

    issuer: str = "atende-local"
    audience: str = "atende"
    jwks_file: str = ""
    jwks_url: str = ""

    @property
    def enabled(self) -> bool:
        return bool(self.jwks_file or self.jwks_url)


def jwt_filter(config: JwtConfig) -> str:
    """Envoy's jwt_authn: a bearer token must be valid (signature, issuer, audience,
    expiry; `alg: none` never is) or the request is refused with 401; a request
    without one goes on to the API-key check. The verified claims go to dynamic
    metadata for the authorization filter, never straight into headers."""
    if not config.enabled:
        return ""
    if config.jwks_url:
        source = f"""remote_jwks:
                            http_uri: {{ uri: {json.dumps(config.jwks_url)}, cluster: jwks, timeout: 5s }}
                            cache_duration: 300s
                            async_fetch: {{ fast_listener: false }}"""
    else:
        source = f"local_jwks: {{ filename: {json.dumps(config.jwks_file)} }}"
    return f"""                  - name: envoy.filters.http.jwt_authn
                    typed_config:
                      "@type": type.googleapis.com/envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication
                      providers:
                        atende:
                          issuer: {json.dumps(config.issuer)}
                          audiences: [{json.dumps(config.audience)}]
                          {source}
                          from_headers: [{{ name: authorization, value_prefix: "Bearer " }}]
                          forward: false
                          clock_skew_seconds: 30
                          payload_in_metadata: claims
                          # For the guard's shared rate limit (set only from a verified token).
                          claim_to_headers:
                            - {{ header_name: x-atende-jwt-sub, claim_name: sub }}
                            - {{ header_name: x-atende-jwt-role, claim_name: role }}
                      rules:
                        - match: {{ prefix: / }}
                          requires:
                            requires_any:
                              requirements: [{{ provider_name: atende }}, {{ allow_missing: {{}} }}]"""


def jwks_cluster(config: JwtConfig) -> str:
    """The cluster Envoy fetches a remote JWKS through (TLS for https URLs)."""
    if not config.jwks_url:
        return ""
    match = re.match(r"^(https?)://([^/:]+)(?::(\d+))?", config.jwks_url)
    if match is None:
        raise ValueError(f"GATEWAY_JWKS_URL must be an http(s) URL, not {config.jwks_url!r}")
    scheme, host, port = match.groups()
    port = port or ("443" if scheme == "https" else "80")
    tls = "" if scheme == "http" else f"""
      transport_socket:
        name: envoy.transport_sockets.tls
        typed_config:
          "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext
          sni: {host}"""
    return f"""
    - name: jwks
      type: STRICT_DNS
      connect_timeout: 5s
      load_assignment:
        cluster_name: jwks
        endpoints:
          - lb_endpoints:
              - endpoint:
                  address:
                    socket_address: {{ address: {host}, port_value: {port} }}{tls}"""


# Headers only the gateway may set: any copy from the client is removed first.
GATEWAY_HEADERS = (
    *IDENTITY_HEADERS, RATE_KEY_HEADER, "x-atende-key-role", "x-atende-key-subject", "x-atende-key-id",
    "x-atende-jwt-sub", "x-atende-jwt-role", "x-envoy-auth-failure-mode-allowed", REPLAYABLE_HEADER,
)


def strip_filter() -> str:
    """First of all: remove every header only the gateway may set, then record the
    client's address, before jwt_authn and the guard add theirs, and the client's
    method for the access log (envoy.yaml's `method`)."""
    names = ", ".join(_lua_string(h) for h in GATEWAY_HEADERS)
    lua = f"""local GATEWAY = {{ {names} }}
function envoy_on_request(handle)
  local headers = handle:headers()
  for _, name in ipairs(GATEWAY) do headers:remove(name) end
  headers:replace({_lua_string(ADDRESS_HEADER)}, handle:streamInfo():downstreamDirectRemoteAddress() or "")
  -- The client's own method, for the access log: the transcoder turns a REST DELETE into a POST.
  handle:streamInfo():dynamicMetadata():set("atende.client", "method", headers:get(":method") or "-")
end
"""
    return _lua_filter(lua, stat_prefix="strip")


def guard_filter(guard_addr: str) -> str:
    """Envoy's ext_authz over HTTP to the guard (gateway/guard): API keys by hash, a
    key's client addresses, and the rate limit shared by every gateway replica. If
    the guard cannot be reached, requests go on (tokens and the local bucket still
    apply) and the authz filter refuses API keys with 503, as it cannot check them."""
    if not guard_addr:
        return ""
    return f"""                  - name: envoy.filters.http.ext_authz
                    typed_config:
                      "@type": type.googleapis.com/envoy.extensions.filters.http.ext_authz.v3.ExtAuthz
                      transport_api_version: V3
                      failure_mode_allow: true
                      failure_mode_allow_header_add: true
                      http_service:
                        server_uri: {{ uri: "http://{guard_addr}", cluster: guard, timeout: 0.5s }}
                        path_prefix: /check
                        authorization_request:
                          allowed_headers:
                            patterns:
                              - {{ exact: x-api-key }}
                              - {{ exact: x-atende-client-address }}
                              - {{ exact: x-atende-jwt-sub }}
                              - {{ exact: x-atende-jwt-role }}
                        authorization_response:
                          allowed_upstream_headers:
                            patterns:
                              - {{ exact: x-atende-key-role }}
                              - {{ exact: x-atende-key-subject }}
                              - {{ exact: x-atende-key-id }}
                          allowed_client_headers:
                            patterns:
                              - {{ exact: retry-after }}
                              - {{ exact: www-authenticate }}
                              - {{ exact: x-ratelimit-limit }}
                              - {{ exact: content-type }}"""


def guard_cluster(guard_addr: str) -> str:
    if not guard_addr:
        return ""
    host, _, port = guard_addr.rpartition(":")
    return f"""
    - name: guard
      type: STRICT_DNS
      connect_timeout: 0.25s
      load_assignment:
        cluster_name: guard
        endpoints:
          - lb_endpoints:
              - endpoint:
                  address:
                    socket_address: {{ address: {host}, port_value: {port} }}"""


def authz_filter(descriptor: Path, api_keys: list[str], guarded: bool = False) -> str:
    """The Lua filter after jwt_authn. Credentials, in order: a verified token's claims
    (sub, role, cid); an API key in x-api-key, as the guard verified it (or, without a
    guard, one of the configured keys: admin credentials); none, when no API key is
    configured (a local run), which acts as an admin while tokens still bind whoever
    presents one. It sets the headers services trust and refuses with 401 (no valid
    credential) or 403 (the role does not reach the route)."""
    table = access_table(descriptor)
    # With a guard, keys are checked there by their hash and never written here.
    keys = "" if guarded else ", ".join(
        f"[{_lua_string(key)}] = {_lua_string(f'api-key-{i + 1}')}" for i, key in enumerate(api_keys)
    )
    rest = ",\n".join(
        f"  {{ verb = {_lua_string(r.verb)}, pattern = {_lua_string(r.pattern)}, level = {r.level} }}" for r in table.rest
    )
    grpc = ",\n".join(f"  [{_lua_string(path)}] = {level}" for path, level in sorted(table.grpc.items()))
    needs = ", ".join(f"[{level}] = {_lua_string(text)}" for level, text in _NEEDS.items())
    lua = (
        AUTHZ_LUA.replace("--KEYS--", keys)
        .replace("--REST--", rest)
        .replace("--GRPC--", grpc)
        .replace("--NEEDS--", needs)
        .replace("--WEB_PREFIXES--", ", ".join(_lua_string(p) for p in PUBLIC_PREFIXES))
        .replace("--OPEN--", "false" if api_keys or guarded else "true")
        .replace("--GUARDED--", "true" if guarded else "false")
        .replace("--ROLE_HEADER--", _lua_string(ROLE_HEADER))
        .replace("--SUBJECT_HEADER--", _lua_string(SUBJECT_HEADER))
        .replace("--CONVERSATION_HEADER--", _lua_string(CONVERSATION_HEADER))
        .replace("--RATE_KEY_HEADER--", _lua_string(RATE_KEY_HEADER))
        .replace("--ADDRESS_HEADER--", _lua_string(ADDRESS_HEADER))
    )
    return _lua_filter(lua, stat_prefix="authz")


AUTHZ_LUA = r"""
local api_keys = { --KEYS-- }
local rest = {
--REST--
}
local grpc = {
--GRPC--
}
local NEEDS = { --NEEDS-- }
local OPEN = --OPEN--
local GUARDED = --GUARDED--
local LEVEL = { customer = 1, agent = 2, admin = 3 }
local WEB_PREFIXES = { --WEB_PREFIXES-- }

-- Plain text: the gateway's local_reply_config makes it a JSON google.rpc.Status with
-- the status's code (a gRPC client gets grpc-status and the text as grpc-message).
local function deny(handle, status, message)
  handle:respond({ [":status"] = status, ["content-type"] = "text/plain" }, message)
end

-- The access a route needs: 0 refused (not public), nil unknown (Envoy answers 404).
local function needed(verb, path)
  local level = grpc[path]
  if level ~= nil then return level end
  local bare = string.gsub(path, "%?.*$", "")
  for _, route in ipairs(rest) do
    if verb == route.verb and string.match(bare, route.pattern) then return route.level end
  end
  return nil
end

local function plain(value)
  return type(value) == "string" and value ~= "" and #value <= 256 and not string.find(value, '[%c"\\]')
end

function envoy_on_request(handle)
  local headers = handle:headers()
  local path = headers:get(":path") or ""
  if string.sub(path, 1, 20) == "/grpc.health.v1.Heal" then return end
  -- The web chat's and the console's pages and the chat's session endpoint are public
  -- (gateway/web_routes.py); they count against the client address's rate limit.
  -- So are the channels' webhooks, which check the vendor's own signature.
  for _, prefix in ipairs(WEB_PREFIXES) do
    if string.sub(path, 1, #prefix) == prefix then
      headers:remove("x-api-key")
      headers:replace(--RATE_KEY_HEADER--, "ip:" .. (headers:get(--ADDRESS_HEADER--) or ""))
      return
    end
  end
  local role, subject, conversation = nil, nil, nil
  local meta = handle:streamInfo():dynamicMetadata():get("envoy.filters.http.jwt_authn")
  local claims = meta and meta["claims"]
  if claims ~= nil then
    role, subject, conversation = claims["role"], claims["sub"], claims["cid"]
    if not plain(subject) then
      return deny(handle, "401", "the token has no usable subject (sub)")
    end
    if type(role) ~= "string" or LEVEL[role] == nil then
      return deny(handle, "403", "the token's role claim must be customer, agent or admin")
    end
    if role == "customer" and not plain(conversation) then
      return deny(handle, "403", "a customer token must name its one conversation (cid)")
    end
  else
    local key = headers:get("x-api-key")
    local verified = headers:get("x-atende-key-role")
    if key ~= nil and GUARDED and verified ~= nil then
      role, subject = verified, headers:get("x-atende-key-subject")
    elseif key ~= nil and GUARDED and headers:get("x-envoy-auth-failure-mode-allowed") ~= nil then
      return deny(handle, "503", "API keys cannot be checked right now; try again")
    elseif key ~= nil and api_keys[key] ~= nil then
      role, subject = "admin", api_keys[key]
    elseif OPEN then
      role = "admin"
    else
      return deny(handle, "401",
        "missing or unknown credential: send an API key in x-api-key or a token in Authorization: Bearer")
    end
  end
  local level = needed(headers:get(":method") or "", path)
  if level == 0 then
    return deny(handle, "404", "not a public method")
  end
  if level ~= nil and LEVEL[role] < level then
    return deny(handle, "403", "this route needs " .. NEEDS[level] .. " credential; this one is a " .. role .. "'s")
  end
  headers:replace(--ROLE_HEADER--, role)
  if subject ~= nil then headers:replace(--SUBJECT_HEADER--, subject) end
  if conversation ~= nil then headers:replace(--CONVERSATION_HEADER--, conversation) end
  -- Services never need the key itself.
  headers:remove("x-api-key")
  local address = headers:get(--ADDRESS_HEADER--) or ""
  if subject ~= nil then
    headers:replace(--RATE_KEY_HEADER--, role .. ":" .. subject)
  else
    headers:replace(--RATE_KEY_HEADER--, "ip:" .. address)
  end
end
"""
