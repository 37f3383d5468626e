"""Renders gateway/envoy.yaml for a deployment.

Environment (with local defaults):
  GATEWAY_BIND=127.0.0.1        address the public listeners bind (0.0.0.0 in a container)
  GATEWAY_PORT=8080             REST and gRPC on one port, plaintext
  GATEWAY_PLAINTEXT=on          off: no plaintext listener, TLS only (production)
  GATEWAY_TLS_PORT=8443         the same API over TLS 1.2 or 1.3 (ALPN h2 and http/1.1);
                                GATEWAY_TLS=off or port 0 disables it
  GATEWAY_TLS_CERT, GATEWAY_TLS_KEY   PEM certificate (chain) and key files; unset, the
                                command below makes a self-signed pair for localhost in
                                tls/ beside OUT_FILE (gateway/tls.py), once
  GATEWAY_UPSTREAM_TLS_CERT, GATEWAY_UPSTREAM_TLS_KEY, GATEWAY_UPSTREAM_TLS_CA
                                mTLS to the services: the gateway's client certificate and
                                key, and the CA their certificates must chain to (all three,
                                or none for plaintext h2c)
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
  WEB_ADDR                      host:port of the web chat's and console's server (gateway/web),
                                served under /chat/ and /console/; unset: not served
  CHANNELS_ADDR                 host:port of the channels' webhook server (integrations_svc/channels),
                                served under /webhooks/ with no credential; unset: not served
  OTEL_EXPORTER_OTLP_ENDPOINT   an OTLP/gRPC collector (http://host:4317): Envoy's OpenTelemetry
                                tracer sends the gateway's spans there and starts each
                                request's W3C trace context; unset: no tracing at the gateway
  GATEWAY_TRACE_SAMPLING=100    percent of requests traced (the services follow the decision)
  GATEWAY_TRACE_FLUSH_MS=5000   how often Envoy sends its finished spans, at the latest
  GATEWAY_TRACE_FLUSH_SPANS=5   ... or as soon as this many are finished
  GATEWAY_STATS_PORT=0          a listener on GATEWAY_BIND that serves only Envoy's
                                /stats/prometheus, for a scraper (the admin stays on
                                127.0.0.1); 0: none

Certificates reach Envoy through file-based secret discovery: write() puts one small
SDS file per secret in OUT_FILE's folder (envoy-secrets/), naming the PEM files and the
folder Envoy watches, so a renewed certificate (cert-manager rewriting a mounted
Secret, a new local file moved into place) is served without a restart.

Usage: python -m gateway.render OUT_FILE
"""

from __future__ import annotations

import ipaddress
import json
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
from gateway.lua_filters import body_check_filter, grpc_headers_filter
from gateway.tls import ensure_self_signed, local_names
from gateway.web_routes import channels_cluster, channels_routes, sse_routes, web_cluster, web_routes

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
    # False: no plaintext listener (port is then unused), TLS only.
    plaintext: bool = True
    # The TLS listener's port, 0 for none; it needs tls_cert and tls_key.
    tls_port: int = 0
    tls_cert: Path | None = None
    tls_key: Path | None = None
    # mTLS to the upstream services: the gateway's client certificate and key, and the
    # CA the services' certificates must chain to. None: plaintext HTTP/2.
    upstream_tls_cert: Path | None = None
    upstream_tls_key: Path | None = None
    upstream_tls_ca: Path | None = None
    rate_limit_per_minute: int = 100
    api_keys: list[str] = field(default_factory=list)
    upstreams: dict[str, str] = field(default_factory=lambda: {k: v[1] for k, v in UPSTREAMS.items()})
    descriptor: Path = ROOT / "gen" / "atende.pb"
    jwt: JwtConfig = field(default_factory=JwtConfig)
    # host:port of the guard (gateway/guard): API keys by hash and the shared rate limit.
    guard_addr: str = ""
    # OTLP/gRPC collector of the gateway's spans ("http://host:4317"); "" for no tracing.
    otlp_endpoint: str = ""
    # Percent of requests traced (a head decision the services follow).
    trace_sampling: float = 100.0
    # Milliseconds between Envoy's exports of finished spans (its default is 5 s), and the
    # spans that make it export sooner (its default is 5).
    trace_flush_ms: int = 5000
    trace_flush_spans: int = 5
    # Port of the listener serving only /stats/prometheus (0: none).
    stats_port: int = 0
    # host:port of the web chat's and console's server (gateway/web); "" for none.
    web_addr: str = ""
    # host:port of the channels' webhook server (integrations_svc/channels); "" for none.
    channels_addr: str = ""

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> GatewayConfig:
        env = dict(os.environ if env is None else env)
        return cls(
            bind=env.get("GATEWAY_BIND", "127.0.0.1"),
            port=int(env.get("GATEWAY_PORT", "8080")),
            admin_port=int(env.get("ENVOY_ADMIN_PORT", "9901")),
            plaintext=switch(env.get("GATEWAY_PLAINTEXT", "on"), "GATEWAY_PLAINTEXT"),
            tls_port=int(env.get("GATEWAY_TLS_PORT", "8443")) if switch(env.get("GATEWAY_TLS", "on"), "GATEWAY_TLS") else 0,
            tls_cert=_path(env.get("GATEWAY_TLS_CERT")),
            tls_key=_path(env.get("GATEWAY_TLS_KEY")),
            upstream_tls_cert=_path(env.get("GATEWAY_UPSTREAM_TLS_CERT")),
            upstream_tls_key=_path(env.get("GATEWAY_UPSTREAM_TLS_KEY")),
            upstream_tls_ca=_path(env.get("GATEWAY_UPSTREAM_TLS_CA")),
            rate_limit_per_minute=int(env.get("GATEWAY_RATE_LIMIT_PER_MINUTE", "100")),
            api_keys=[k.strip() for k in env.get("ATENDE_API_KEYS", "").split(",") if k.strip()],
            upstreams={name: env.get(var, default) for name, (var, default) in UPSTREAMS.items()},
            descriptor=Path(env.get("GATEWAY_DESCRIPTOR", str(ROOT / "gen" / "atende.pb"))).resolve(),
            guard_addr=env.get("GUARD_ADDR", ""),
            otlp_endpoint=env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") or env.get("OTEL_EXPORTER_OTLP_ENDPOINT", ""),
            trace_sampling=float(env.get("GATEWAY_TRACE_SAMPLING", "100")),
            trace_flush_ms=int(env.get("GATEWAY_TRACE_FLUSH_MS", "5000")),
            trace_flush_spans=int(env.get("GATEWAY_TRACE_FLUSH_SPANS", "5")),
            stats_port=int(env.get("GATEWAY_STATS_PORT", "0")),
            web_addr=env.get("WEB_ADDR", ""),
            channels_addr=env.get("CHANNELS_ADDR", ""),
            jwt=JwtConfig(
                issuer=env.get("GATEWAY_JWT_ISSUER", "atende-local"),
                audience=env.get("GATEWAY_JWT_AUDIENCE", "atende"),
                jwks_file=env.get("GATEWAY_JWKS_FILE", ""),
                jwks_url=env.get("GATEWAY_JWKS_URL", ""),
            ),
        )

    @property
    def upstream_tls(self) -> bool:
        return self.upstream_tls_cert is not None

    def check(self) -> None:
        """Raises ValueError for a configuration Envoy could not serve."""
        if not self.plaintext and not self.tls_port:
            raise ValueError("GATEWAY_PLAINTEXT=off needs the TLS listener (GATEWAY_TLS_PORT): nothing would listen")
        if self.tls_port and (self.tls_cert is None or self.tls_key is None):
            raise ValueError("the TLS listener needs GATEWAY_TLS_CERT and GATEWAY_TLS_KEY (or GATEWAY_TLS=off)")
        if not 0 <= self.trace_sampling <= 100:
            raise ValueError(f"GATEWAY_TRACE_SAMPLING={self.trace_sampling}: a percentage, 0 to 100")
        if self.otlp_endpoint and ":" not in _host_port(self.otlp_endpoint):
            raise ValueError(f"OTEL_EXPORTER_OTLP_ENDPOINT={self.otlp_endpoint!r}: expected http://host:port")
        upstream = (self.upstream_tls_cert, self.upstream_tls_key, self.upstream_tls_ca)
        if any(upstream) and not all(upstream):
            raise ValueError("mTLS to the services needs all of GATEWAY_UPSTREAM_TLS_CERT, _KEY and _CA")


_ON = {"on", "true", "yes", "1"}
_OFF = {"off", "false", "no", "0"}


def switch(value: str, name: str) -> bool:
    """An on/off setting: on, true, yes, 1 or off, false, no, 0."""
    word = value.strip().lower()
    if word not in _ON | _OFF:
        raise ValueError(f"{name}={value!r}: expected on or off")
    return word in _ON


def _path(value: str | None) -> Path | None:
    return Path(value).resolve() if value and value.strip() else None


def _endpoint(address: str) -> str:
    host, _, port = address.strip().rpartition(":")
    return f"""
              - endpoint:
                  address:
                    socket_address: {{ address: {host}, port_value: {port} }}"""


def _cluster(name: str, addresses: str, tls: str = "") -> str:
    """One upstream cluster; `addresses` is host:port, or several comma-separated
    (instances on one machine). A host that fails to connect or resets is ejected
    for a while (outlier detection) and a retry goes to another host. `tls` is the
    cluster's transport socket (mTLS), empty for plaintext HTTP/2."""
    endpoints = "".join(_endpoint(address) for address in addresses.split(",") if address.strip())
    return f"""    - name: {name}{tls}
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
      # Retries in flight at once: Envoy's default (3) left most turns that a killed
      # replica held unretried; a budget of a fifth of the active requests, at least 64.
      circuit_breakers:
        thresholds:
          - priority: DEFAULT
            retry_budget: {{ budget_percent: {{ value: 20.0 }}, min_retry_concurrency: 64 }}
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


# File-based secret discovery: one file per secret, named in the listener or cluster.
SECRETS_DIR = "envoy-secrets"
_SERVER_SECRET = "gateway_server"
_CLIENT_SECRET = "upstream_client"
_CA_SECRET = "upstream_ca"


def _sds(name: str, secrets_dir: Path) -> str:
    return (
        f"{{ name: {name}, sds_config: {{ path_config_source: {{ path: {secrets_dir / (name + '.yaml')} }}, "
        "resource_api_version: V3 } }"
    )


def _secret(name: str, body: str) -> str:
    return f"""resources:
  - "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret
    name: {name}
{body}"""


def _certificate(cert: Path, key: Path) -> str:
    # Envoy reloads the pair when something is moved into the certificate's folder: a
    # Kubernetes Secret volume swaps its ..data link, a local renewal renames files in.
    return f"""    tls_certificate:
      certificate_chain: {{ filename: {cert} }}
      private_key: {{ filename: {key} }}
      watched_directory: {{ path: {cert.parent} }}
"""


def secret_files(config: GatewayConfig) -> dict[str, str]:
    """The SDS files write() puts in SECRETS_DIR: file name -> contents."""
    files: dict[str, str] = {}
    if config.tls_port and config.tls_cert and config.tls_key:
        files[f"{_SERVER_SECRET}.yaml"] = _secret(_SERVER_SECRET, _certificate(config.tls_cert, config.tls_key))
    if config.upstream_tls_cert and config.upstream_tls_key and config.upstream_tls_ca:
        files[f"{_CLIENT_SECRET}.yaml"] = _secret(
            _CLIENT_SECRET, _certificate(config.upstream_tls_cert, config.upstream_tls_key)
        )
        ca = config.upstream_tls_ca
        files[f"{_CA_SECRET}.yaml"] = _secret(
            _CA_SECRET,
            f"""    validation_context:
      trusted_ca: {{ filename: {ca} }}
      watched_directory: {{ path: {ca.parent} }}
""",
        )
    return files


def _downstream_tls(secrets_dir: Path) -> str:
    """The TLS listener's transport socket: TLS 1.2 or 1.3 only (a TLS 1.1 client is
    refused at the handshake), h2 for gRPC and http/1.1 for the rest, offered by ALPN."""
    return f"""
          transport_socket:
            name: envoy.transport_sockets.tls
            typed_config:
              "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext
              common_tls_context:
                tls_params: {{ tls_minimum_protocol_version: TLSv1_2, tls_maximum_protocol_version: TLSv1_3 }}
                alpn_protocols: [h2, http/1.1]
                tls_certificate_sds_secret_configs:
                  - {_sds(_SERVER_SECRET, secrets_dir)}"""


def _upstream_tls(addresses: str, secrets_dir: Path) -> str:
    """mTLS to a service: the gateway's client certificate, and the service's own
    checked against the CA and the name the gateway dials (a DNS name or an IP)."""
    hosts = list(dict.fromkeys(a.strip().rpartition(":")[0] for a in addresses.split(",") if a.strip()))
    indent = "\n" + " " * 18
    names = "".join(
        f"{indent}- {{ san_type: {'IP_ADDRESS' if _is_ip(host) else 'DNS'}, matcher: {{ exact: \"{host}\" }} }}"
        for host in hosts
    )
    sni = f"\n          sni: {hosts[0]}" if len(hosts) == 1 and not _is_ip(hosts[0]) else ""
    return f"""
      transport_socket:
        name: envoy.transport_sockets.tls
        typed_config:
          "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext{sni}
          common_tls_context:
            tls_params: {{ tls_minimum_protocol_version: TLSv1_2 }}
            alpn_protocols: [h2]
            tls_certificate_sds_secret_configs:
              - {_sds(_CLIENT_SECRET, secrets_dir)}
            combined_validation_context:
              default_validation_context:
                match_typed_subject_alt_names:{names}
              validation_context_sds_secret_config: {_sds(_CA_SECRET, secrets_dir)}"""


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _host_port(endpoint: str) -> str:
    """host:port of an OTLP endpoint URL (http://collector:4317 or collector:4317)."""
    return endpoint.strip().split("://", 1)[-1].split("/", 1)[0]


def _tracing(config: GatewayConfig) -> str:
    """The connection manager's tracing: Envoy's OpenTelemetry tracer starts (or
    continues) each request's W3C trace context, sends it upstream in traceparent and
    exports its own span to the collector. Empty without a collector."""
    if not config.otlp_endpoint:
        return ""
    return f"""                tracing:
                  random_sampling: {{ value: {config.trace_sampling:g} }}
                  custom_tags:
                    - tag: atende.request_id
                      request_header: {{ name: x-request-id }}
                  provider:
                    name: envoy.tracers.opentelemetry
                    typed_config:
                      "@type": type.googleapis.com/envoy.config.trace.v3.OpenTelemetryConfig
                      service_name: gateway
                      grpc_service:
                        envoy_grpc: {{ cluster_name: otel_collector }}
                        timeout: 1s
"""


def _tracing_runtime(config: GatewayConfig) -> str:
    """How often Envoy's OpenTelemetry tracer flushes (runtime keys, a static layer)."""
    if not config.otlp_endpoint:
        return ""
    return f"""
layered_runtime:
  layers:
    - name: tracing
      static_layer:
        tracing.opentelemetry.flush_interval_ms: {config.trace_flush_ms}
        tracing.opentelemetry.min_flush_spans: {config.trace_flush_spans}
"""


def _collector_cluster(config: GatewayConfig) -> str:
    if not config.otlp_endpoint:
        return ""
    host, _, port = _host_port(config.otlp_endpoint).rpartition(":")
    return f"""
    - name: otel_collector
      type: STRICT_DNS
      connect_timeout: 1s
      typed_extension_protocol_options:
        envoy.extensions.upstreams.http.v3.HttpProtocolOptions:
          "@type": type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions
          explicit_http_config:
            http2_protocol_options: {{}}
      load_assignment:
        cluster_name: otel_collector
        endpoints:
          - lb_endpoints:
              - endpoint:
                  address:
                    socket_address: {{ address: {host}, port_value: {port} }}"""


def _stats_listener(config: GatewayConfig) -> str:
    """A listener that answers GET /stats/prometheus (from the admin interface, which
    stays on loopback) and nothing else: what a Prometheus scrape needs, no more."""
    if not config.stats_port:
        return ""
    return f"""
    - name: stats
      address:
        socket_address: {{ address: {config.bind}, port_value: {config.stats_port} }}
      filter_chains:
        - filters:
            - name: envoy.filters.network.http_connection_manager
              typed_config:
                "@type": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager
                stat_prefix: stats
                codec_type: AUTO
                http_filters:
                  - name: envoy.filters.http.router
                    typed_config:
                      "@type": type.googleapis.com/envoy.extensions.filters.http.router.v3.Router
                route_config:
                  name: stats
                  virtual_hosts:
                    - name: stats
                      domains: ["*"]
                      routes:
                        - match: {{ path: /stats/prometheus, headers: [{{ name: ":method", string_match: {{ exact: GET }} }}] }}
                          route: {{ cluster: envoy_admin, timeout: 5s }}
                        - match: {{ prefix: / }}
                          direct_response: {{ status: 404 }}"""


def _admin_cluster(config: GatewayConfig) -> str:
    if not config.stats_port:
        return ""
    return f"""
    - name: envoy_admin
      type: STATIC
      connect_timeout: 1s
      load_assignment:
        cluster_name: envoy_admin
        endpoints:
          - lb_endpoints:
              - endpoint:
                  address:
                    socket_address: {{ address: 127.0.0.1, port_value: {config.admin_port} }}"""


def _listeners(config: GatewayConfig, piece: str, secrets_dir: Path) -> str:
    """The template's listener once per public port: the filter chain is written once
    in envoy.yaml and served plaintext, over TLS, or both."""
    listeners: list[dict[str, object]] = []
    if config.plaintext:
        listeners.append(dict(LISTENER_NAME="public", LISTENER_PORT=config.port, LISTENER_TLS=""))
    if config.tls_port:
        tls = _downstream_tls(secrets_dir)
        listeners.append(dict(LISTENER_NAME="public_tls", LISTENER_PORT=config.tls_port, LISTENER_TLS=tls))
    # Only these three placeholders, by plain replacement: everything else in the piece
    # ($$ escapes included) is left for the one Template pass over the whole file.
    return "\n".join(_fill(piece, values) for values in listeners)


def _fill(piece: str, values: dict[str, object]) -> str:
    for name, value in values.items():
        piece = piece.replace("${" + name + "}", str(value))
    return piece


# What a REST client gets when Envoy answers by itself: the google.rpc.Code of the
# status (the inverse of the transcoder's mapping for the services' errors) and, where
# Envoy's text is terse, a clearer one. A response flag narrows a row (RL: the local
# rate limit; the guard's own 429 keeps its message); the first matching row applies.
LOCAL_REPLIES: list[tuple[int, int, str, str]] = [
    (400, 3, "", ""),  # INVALID_ARGUMENT: the transcoder's parse errors, the body check
    (401, 16, "", ""),  # UNAUTHENTICATED
    (403, 7, "", ""),  # PERMISSION_DENIED
    (404, 5, "", ""),  # NOT_FOUND: no such route, or no such method for the path
    (405, 12, "", ""),  # UNIMPLEMENTED
    (408, 4, "", ""),  # DEADLINE_EXCEEDED
    (413, 3, "the request body is larger than the gateway's limit of 1 MB", ""),
    (414, 3, "the URL is longer than the gateway's limit", ""),
    (429, 8, "too many requests for this credential; wait and try again", "RL"),  # RESOURCE_EXHAUSTED
    (429, 8, "", ""),
    (431, 3, "the request headers (the URL included) are larger than the gateway's limit of 60 KB", ""),
    (500, 13, "", ""),  # INTERNAL
    (502, 14, "", ""),  # UNAVAILABLE
    (503, 14, "", ""),
    (504, 4, "", ""),
]


def _local_replies() -> str:
    """local_reply_config mappers: a status's reply as a JSON google.rpc.Status, for REST
    requests only: a gRPC client keeps Envoy's grpc-status and grpc-message. A REST
    request is one whose content-type is not gRPC as Envoy reads it (application/grpc
    or application/grpc+...; grpc-web is not), or one the transcoder has already made
    gRPC (it keeps the REST path in x-envoy-original-path). The Lua filters and the
    guard answer in plain text for this reason."""
    mappers = []
    for status, code, text, flag in LOCAL_REPLIES:
        body = f"\n                      body: {{ inline_string: {json.dumps(text)} }}" if text else ""
        flagged = f"\n                            - response_flag_filter: {{ flags: [{flag}] }}" if flag else ""
        mappers.append(f"""                    - filter:
                        and_filter:
                          filters:
                            - status_code_filter:
                                comparison:
                                  {{ op: EQ, value: {{ default_value: {status}, runtime_key: local_reply_{status} }} }}{flagged}
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


def render(config: GatewayConfig, secrets_dir: Path | None = None) -> str:
    """Envoy's configuration. With TLS anywhere, `secrets_dir` is where the files of
    secret_files(config) are (write() puts them there)."""
    config.check()
    if secrets_dir is None:
        if config.tls_port or config.upstream_tls:
            raise ValueError("a configuration with TLS needs the folder of its secret files (use write())")
        secrets_dir = Path(SECRETS_DIR)
    head, listeners_key, rest = TEMPLATE.read_text().partition("  listeners:\n")
    listener, clusters_key, tail = rest.partition("\n  clusters:\n")
    assert listeners_key and clusters_key, "envoy.yaml: listeners, then clusters"
    text = head + listeners_key + _listeners(config, listener, secrets_dir) + _stats_listener(config) + clusters_key + tail
    clusters = "".join(
        _cluster(name, address, _upstream_tls(address, secrets_dir) if config.upstream_tls else "")
        for name, address in config.upstreams.items()
    )
    return Template(text).substitute(
        ADMIN_PORT=config.admin_port,
        GATEWAY_BIND=config.bind,
        RATE_LIMIT_PER_MINUTE=config.rate_limit_per_minute,
        DESCRIPTOR_PATH=str(config.descriptor),
        AUTH_FILTERS="\n".join(
            part
            for part in (
                strip_filter(),
                grpc_headers_filter(),
                # Before the credential checks: the body check waits for the whole body
                # (at most 1 MB, else 413). After ext_authz it could wait forever: a
                # body arriving while the guard answered filled the buffer, reading
                # stopped, and the body check waited for the rest (a REST request of
                # 1-1.1 MB got no answer; found by tests/fuzz).
                body_check_filter(config.descriptor),
                jwt_filter(config.jwt),
                guard_filter(config.guard_addr),
                authz_filter(config.descriptor, config.api_keys, guarded=bool(config.guard_addr)),
            )
            if part
        ),
        CLUSTERS=clusters.rstrip("\n") + jwks_cluster(config.jwt) + guard_cluster(config.guard_addr)
        + _collector_cluster(config) + _admin_cluster(config) + web_cluster(config.web_addr)
        + channels_cluster(config.channels_addr) + _tracing_runtime(config),
        BROWSER_ROUTES=sse_routes(config.descriptor) + web_routes(config.descriptor, config.web_addr)
        + channels_routes(config.descriptor, config.channels_addr, bool(config.guard_addr)),
        TRACING=_tracing(config),
        RETRY_ELSEWHERE=RETRY_ELSEWHERE,
        LOCAL_REPLIES=_local_replies(),
    )


def write(config: GatewayConfig, out: Path) -> Path:
    """Writes Envoy's configuration to `out` (mode 0600: it may hold API keys) and its
    secret files to envoy-secrets/ beside it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    secrets_dir = out.parent.resolve() / SECRETS_DIR
    files = secret_files(config)
    if files:
        secrets_dir.mkdir(mode=0o700, exist_ok=True)
        for name, text in files.items():
            _replace(secrets_dir / name, text)
    _replace(out, render(config, secrets_dir))
    return out


def _replace(path: Path, text: str) -> None:
    """Written beside and moved into place (mode 0600), so Envoy, which watches the
    secret files, never reads half of one."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text)
    temporary.chmod(0o600)
    temporary.replace(path)


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit("usage: python -m gateway.render OUT_FILE")
    out = Path(argv[1])
    config = GatewayConfig.from_env()
    if config.tls_port and config.tls_cert is None and config.tls_key is None:
        config.tls_cert, config.tls_key = ensure_self_signed(out.parent.resolve() / "tls", local_names(config.bind))
        print(f"gateway.render: no GATEWAY_TLS_CERT/GATEWAY_TLS_KEY; serving the self-signed {config.tls_cert}", file=sys.stderr)
    try:
        write(config, out)
    except ValueError as error:
        raise SystemExit(f"gateway.render: {error}") from None


if __name__ == "__main__":
    main(sys.argv)
