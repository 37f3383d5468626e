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
import sys
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

from gateway.lua_filters import auth_filter, body_check_filter, grpc_headers_filter

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


# The google.rpc.Code of each HTTP status Envoy answers by itself (the inverse of the
# transcoder's mapping for the services' errors), and a clearer text where Envoy's is terse.
LOCAL_REPLIES: dict[int, tuple[int, str]] = {
    400: (3, ""),  # INVALID_ARGUMENT: the transcoder's parse errors, the body check
    401: (16, ""),  # UNAUTHENTICATED
    403: (7, ""),  # PERMISSION_DENIED
    404: (5, ""),  # NOT_FOUND: no such route, or no such method for the path
    405: (12, ""),  # UNIMPLEMENTED
    408: (4, ""),  # DEADLINE_EXCEEDED
    413: (3, "the request body is larger than the gateway's limit of 1 MB"),
    414: (3, "the URL is longer than the gateway's limit"),
    429: (8, "too many requests for this API key; wait and try again"),  # RESOURCE_EXHAUSTED
    431: (3, "the request headers (the URL included) are larger than the gateway's limit of 60 KB"),
    500: (13, ""),  # INTERNAL
    502: (14, ""),  # UNAVAILABLE
    503: (14, ""),
    504: (4, ""),
}


def _local_replies() -> str:
    """local_reply_config mappers: a status's reply as a JSON google.rpc.Status, for REST
    requests only: a gRPC client keeps Envoy's grpc-status and grpc-message. A REST
    request is one whose content-type is not gRPC as Envoy reads it (application/grpc
    or application/grpc+...; grpc-web is not), or one the transcoder has already made
    gRPC (it keeps the REST path in x-envoy-original-path)."""
    mappers = []
    for status, (code, text) in LOCAL_REPLIES.items():
        body = f"\n                      body: {{ inline_string: {json.dumps(text)} }}" if text else ""
        mappers.append(f"""                    - filter:
                        and_filter:
                          filters:
                            - status_code_filter:
                                comparison: {{ op: EQ, value: {{ default_value: {status}, runtime_key: local_reply_{status} }} }}
                            - or_filter:
                                filters:
                                  - header_filter:
                                      header:
                                        name: content-type
                                        string_match: {{ safe_regex: {{ regex: "application/grpc(\\\\+.*)?" }} }}
                                        invert_match: true
                                        treat_missing_header_as_empty: true
                                  - header_filter: {{ header: {{ name: x-envoy-original-path, present_match: true }} }}{body}
                      body_format_override:
                        json_format: {{ code: {code}, message: "%LOCAL_REPLY_BODY%", details: [] }}""")
    return "\n".join(mappers)


def render(config: GatewayConfig) -> str:
    clusters = "".join(_cluster(name, address) for name, address in config.upstreams.items())
    return Template(TEMPLATE.read_text()).substitute(
        ADMIN_PORT=config.admin_port,
        GATEWAY_BIND=config.bind,
        GATEWAY_PORT=config.port,
        RATE_LIMIT_PER_MINUTE=config.rate_limit_per_minute,
        DESCRIPTOR_PATH=str(config.descriptor),
        AUTH_FILTERS="\n".join([auth_filter(config.api_keys), grpc_headers_filter(), body_check_filter(config.descriptor)]),
        CLUSTERS=clusters.rstrip("\n"),
        LOCAL_REPLIES=_local_replies(),
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
