"""Renders gateway/envoy.yaml for a deployment.

Environment (with local defaults):
  GATEWAY_BIND=127.0.0.1        address the public listener binds (0.0.0.0 in a container)
  GATEWAY_PORT=8080             REST and gRPC on one port
  ENVOY_ADMIN_PORT=9901         Envoy's admin interface, always on 127.0.0.1
  GATEWAY_RATE_LIMIT_PER_MINUTE=100   requests a minute for each API key
  ATENDE_API_KEYS               comma-separated admin keys accepted in x-api-key; with none, a
                                request without a credential acts as an admin (a local run)
  GUARD_ADDR                    host:port of the guard (API keys by hash, shared rate limit)
  GATEWAY_JWKS_FILE / GATEWAY_JWKS_URL   the keys that sign customer and agent tokens
  GATEWAY_JWT_ISSUER=atende-local, GATEWAY_JWT_AUDIENCE=atende   what a token must say
  ROUTER_ADDR, AGENT_ADDR, MEMORY_ADDR, KNOWLEDGE_ADDR   upstream host:port, or several
                                comma-separated (instances on one machine)
  GATEWAY_DESCRIPTOR=gen/atende.pb    the descriptor set the transcoder reads

Usage: python -m gateway.render OUT_FILE
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

from gateway.authz import (
    JwtConfig,
    authz_filter,
    guard_cluster,
    guard_filter,
    jwks_cluster,
    jwt_filter,
    strip_filter,
)
from gateway.lua_filters import body_check_filter

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
    jwt: JwtConfig = field(default_factory=JwtConfig)
    # host:port of the guard (gateway/guard): API keys by hash and the shared rate limit.
    guard_addr: str = ""

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
            guard_addr=env.get("GUARD_ADDR", ""),
            jwt=JwtConfig(
                issuer=env.get("GATEWAY_JWT_ISSUER", "atende-local"),
                audience=env.get("GATEWAY_JWT_AUDIENCE", "atende"),
                jwks_file=env.get("GATEWAY_JWKS_FILE", ""),
                jwks_url=env.get("GATEWAY_JWKS_URL", ""),
            ),
        )


def _endpoint(address: str) -> str:
    host, _, port = address.strip().rpartition(":")
    return f"""
              - endpoint:
                  address:
                    socket_address: {{ address: {host}, port_value: {port} }}"""


def _cluster(name: str, addresses: str) -> str:
    """One upstream cluster; `addresses` is host:port, or several comma-separated
    (instances on one machine). A host that fails to connect or resets is ejected
    for a while (outlier detection) and a retry goes to another host."""
    endpoints = "".join(_endpoint(address) for address in addresses.split(",") if address.strip())
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
      outlier_detection:
        split_external_local_origin_errors: true
        consecutive_local_origin_failure: 1
        interval: 1s
        base_ejection_time: 5s
        max_ejection_percent: 50
      load_assignment:
        cluster_name: {name}
        endpoints:
          - lb_endpoints:{endpoints}
"""


# A retry goes to another host than the ones already tried, when there is one.
RETRY_ELSEWHERE = (
    "retry_host_predicate: [{ name: envoy.retry_host_predicates.previous_hosts, typed_config: "
    '{ "@type": type.googleapis.com/envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsPredicate } }], '
    "host_selection_retry_max_attempts: 3"
)


def render(config: GatewayConfig) -> str:
    clusters = "".join(_cluster(name, address) for name, address in config.upstreams.items())
    return Template(TEMPLATE.read_text()).substitute(
        ADMIN_PORT=config.admin_port,
        GATEWAY_BIND=config.bind,
        GATEWAY_PORT=config.port,
        RATE_LIMIT_PER_MINUTE=config.rate_limit_per_minute,
        DESCRIPTOR_PATH=str(config.descriptor),
        AUTH_FILTERS="\n".join(
            part
            for part in (
                strip_filter(),
                jwt_filter(config.jwt),
                guard_filter(config.guard_addr),
                authz_filter(config.descriptor, config.api_keys, guarded=bool(config.guard_addr)),
                body_check_filter(config.descriptor),
            )
            if part
        ),
        CLUSTERS=clusters.rstrip("\n") + jwks_cluster(config.jwt) + guard_cluster(config.guard_addr),
        RETRY_ELSEWHERE=RETRY_ELSEWHERE,
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
