"""Routes for browsers: Server-Sent Events framing of the streams, and the web chat,
the agents' console and the API reference (gateway/web) beside the API.

Server-Sent Events: Envoy's transcoder frames a server stream as `data: <JSON>`
events (`stream_sse_style_delimited`, Envoy 1.40) when told to by a per-route copy of
its configuration. The gateway hands that copy to REST requests that send
`Accept: text/event-stream` (what EventSource sends, and what the web chat's fetch
sends); every other client keeps newline-delimited JSON. The transcoder reads its
per-route configuration from the route of the REST path, before it rewrites the path
to the gRPC method and routes again by that, so the route below never serves
anything itself.

The web server's routes skip the transcoder (a per-route copy with no services) and
the credential check (gateway/authz.py lets WEB_PREFIXES through): the pages are
public, and the chat's session endpoint mints the customer tokens."""

from __future__ import annotations

import json
from pathlib import Path

# Paths the web server answers (gateway/web): the chat, the console, the REST API's
# OpenAPI document and its reference page.
WEB_PREFIXES = ("/chat/", "/console/", "/docs/", "/openapi.json")
# The customer channels' webhooks (integrations_svc/channels): Meta and SendGrid call
# them with no credential of ours; the channels server checks their own signature.
WEBHOOK_PREFIX = "/webhooks/"
# What gateway/authz.py lets through without a credential.
PUBLIC_PREFIXES = (*WEB_PREFIXES, WEBHOOK_PREFIX)
# Webhook deliveries a minute through one gateway, for every vendor together (a
# flood guard: the per-credential limit does not apply to them).
WEBHOOKS_PER_MINUTE = 12000

# The transcoder's services and print options (envoy.yaml's filter has the same).
TRANSCODED_SERVICES = (
    "atende.conversation.v1.ConversationService",
    "atende.agent.v1.AgentService",
    "atende.memory.v1.LeadService",
    "atende.memory.v1.SubjectService",
    "atende.memory.v1.HandoffService",
    "atende.memory.v1.AuditService",
    "atende.memory.v1.LiveService",
    "atende.knowledge.v1.KnowledgeService",
)

_TRANSCODER = "type.googleapis.com/envoy.extensions.filters.http.grpc_json_transcoder.v3.GrpcJsonTranscoder"
_INDENT = " " * 24


def _transcoder_per_route(descriptor: Path, services: tuple[str, ...], sse: bool) -> str:
    names = ", ".join(services)
    options = (
        "{ preserve_proto_field_names: true, always_print_primitive_fields: true, "
        "always_print_enums_as_ints: false, stream_sse_style_delimited: true }"
    )
    body = f"""
                            envoy.filters.http.grpc_json_transcoder:
                              "@type": {_TRANSCODER}
                              proto_descriptor: {json.dumps(str(descriptor))}
                              services: [{names}]"""
    if sse:
        body += f"""
                              print_options: {options}
                              convert_grpc_status: true
                              auto_mapping: false
                              request_validation_options:
                                {{ reject_unknown_method: true, reject_unknown_query_parameters: true,
                                  reject_binding_body_field_collisions: true }}
                              max_request_body_size: 1048576
                              max_response_body_size: 8388608"""
    return body


def sse_routes(descriptor: Path) -> str:
    """The route that gives REST requests asking for text/event-stream SSE framing."""
    return f"""{_INDENT}# Server-Sent Events for clients that ask for them (gateway/web_routes.py): the
{_INDENT}# transcoder takes this route's copy of its configuration, then routes by gRPC path.
{_INDENT}- match:
{_INDENT}    prefix: /v1/
{_INDENT}    headers: [{{ name: accept, string_match: {{ contains: text/event-stream }} }}]
{_INDENT}  direct_response: {{ status: 404 }}
{_INDENT}  typed_per_filter_config:{_transcoder_per_route(descriptor, TRANSCODED_SERVICES, sse=True)}
"""


def web_routes(descriptor: Path, web_addr: str) -> str:
    """The chat's and the console's routes to the web server; none without one."""
    if not web_addr:
        return ""
    routes = []
    for prefix in WEB_PREFIXES:
        routes.append(f"""{_INDENT}- match: {{ prefix: {prefix} }}
{_INDENT}  route: {{ cluster: web, timeout: 10s }}
{_INDENT}  typed_per_filter_config:{_transcoder_per_route(descriptor, (), sse=False)}
""")
    return f"{_INDENT}# The web chat, the agents' console and the API reference (gateway/web).\n" + "".join(routes)


def web_cluster(web_addr: str) -> str:
    """The web server: plain HTTP/1.1, health-checked on /healthz."""
    if not web_addr:
        return ""
    host, _, port = web_addr.rpartition(":")
    return f"""
    - name: web
      type: STRICT_DNS
      connect_timeout: 1s
      health_checks:
        - timeout: 1s
          interval: 5s
          no_traffic_interval: 5s
          unhealthy_threshold: 2
          healthy_threshold: 1
          http_health_check: {{ path: /healthz }}
      load_assignment:
        cluster_name: web
        endpoints:
          - lb_endpoints:
              - endpoint:
                  address:
                    socket_address: {{ address: {host}, port_value: {port} }}"""


def channels_routes(descriptor: Path, channels_addr: str, guarded: bool) -> str:
    """/webhooks/ to the channels server, without the transcoder, the guard or the
    per-credential limit (a vendor sends for every customer from a few addresses);
    a bucket of their own bounds them instead."""
    if not channels_addr:
        return ""
    guard = f"""
{_INDENT}    envoy.filters.http.ext_authz:
{_INDENT}      "@type": type.googleapis.com/envoy.extensions.filters.http.ext_authz.v3.ExtAuthzPerRoute
{_INDENT}      disabled: true""" if guarded else ""
    bucket = f"{{ max_tokens: {WEBHOOKS_PER_MINUTE}, tokens_per_fill: {WEBHOOKS_PER_MINUTE}, fill_interval: 60s }}"
    return f"""{_INDENT}# The channels' webhooks (integrations_svc/channels): the vendor's signature is checked there.
{_INDENT}- match: {{ prefix: {WEBHOOK_PREFIX} }}
{_INDENT}  route: {{ cluster: channels, timeout: 30s }}
{_INDENT}  typed_per_filter_config:{_transcoder_per_route(descriptor, (), sse=False)}
{_INDENT}    envoy.filters.http.local_ratelimit:
{_INDENT}      "@type": type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit
{_INDENT}      stat_prefix: webhooks
{_INDENT}      token_bucket: {bucket}
{_INDENT}      filter_enabled: {{ default_value: {{ numerator: 100, denominator: HUNDRED }} }}
{_INDENT}      filter_enforced: {{ default_value: {{ numerator: 100, denominator: HUNDRED }} }}{guard}
"""


def channels_cluster(channels_addr: str) -> str:
    """The channels server: plain HTTP/1.1, health-checked on /healthz."""
    if not channels_addr:
        return ""
    host, _, port = channels_addr.rpartition(":")
    return f"""
    - name: channels
      type: STRICT_DNS
      connect_timeout: 1s
      health_checks:
        - timeout: 1s
          interval: 5s
          no_traffic_interval: 5s
          unhealthy_threshold: 2
          healthy_threshold: 1
          http_health_check: {{ path: /healthz }}
      load_assignment:
        cluster_name: channels
        endpoints:
          - lb_endpoints:
              - endpoint:
                  address:
                    socket_address: {{ address: {host}, port_value: {port} }}"""
