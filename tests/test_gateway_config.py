"""The rendered Envoy configuration is one Envoy accepts: with and without API keys, with
the TLS listener, TLS only, and mTLS to the services; and what it answers by itself
(no services behind it, or a fake one)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import grpc
import httpx
import pytest

from devstack.embedded import free_port
from gateway.render import SECRETS_DIR, UPSTREAMS, GatewayConfig, write
from gateway.tls import ensure_self_signed

ENVOY = Path(sys.executable).with_name("envoy")


@pytest.mark.parametrize("keys", [[], ["key-one", "key-two"]])
def test_envoy_accepts_the_rendered_config(tmp_path: Path, keys: list[str]) -> None:
    path = write(GatewayConfig(api_keys=keys), tmp_path / "envoy.yaml")
    result = subprocess.run([str(ENVOY), "--mode", "validate", "-c", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_admin_listens_on_loopback_only(tmp_path: Path) -> None:
    text = write(GatewayConfig(bind="0.0.0.0"), tmp_path / "envoy.yaml").read_text()
    admin = text.split("static_resources:")[0]
    assert "address: 127.0.0.1" in admin and "0.0.0.0" not in admin


def test_an_upstream_with_several_instances_is_one_cluster_with_each_endpoint(tmp_path: Path) -> None:
    """`make run` with replicas gives Envoy every instance; a retry goes to another one."""
    config = GatewayConfig(upstreams={"router_svc": "127.0.0.1:7001,127.0.0.1:7002", "agent_svc": "127.0.0.1:7003",
                                      "memory_svc": "127.0.0.1:7004", "knowledge_svc": "127.0.0.1:7005"})
    path = write(config, tmp_path / "envoy.yaml")
    result = subprocess.run([str(ENVOY), "--mode", "validate", "-c", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    router = path.read_text().split("- name: router_svc")[1].split("- name: agent_svc")[0]
    assert "port_value: 7001" in router and "port_value: 7002" in router
    assert "outlier_detection" in router
    assert path.read_text().count("previous_hosts") >= 10


def _validate(path: Path) -> None:
    result = subprocess.run([str(ENVOY), "--mode", "validate", "-c", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def _listeners(text: str) -> dict[str, str]:
    """Each listener's text, by name."""
    body = "\n" + text.split("  listeners:\n")[1].split("\n  clusters:\n")[0]
    parts = body.split("\n    - name: ")[1:]
    return {part.split("\n")[0]: part for part in parts}


def test_the_tls_listener_serves_the_same_filter_chain_over_tls_1_2_or_later(tmp_path: Path) -> None:
    cert, key = ensure_self_signed(tmp_path / "tls")
    config = GatewayConfig(api_keys=["k"], tls_port=8443, tls_cert=cert, tls_key=key)
    path = write(config, tmp_path / "envoy.yaml")
    _validate(path)
    listeners = _listeners(path.read_text())
    assert set(listeners) == {"public", "public_tls"}
    plaintext, tls = listeners["public"], listeners["public_tls"]
    assert "port_value: 8080" in plaintext and "transport_socket" not in plaintext
    assert "port_value: 8443" in tls and "tls_minimum_protocol_version: TLSv1_2" in tls
    assert "alpn_protocols: [h2, http/1.1]" in tls
    # One filter chain: what follows the transport socket is the plaintext listener's.
    assert tls.split("          filters:\n", 1)[1] == plaintext.split("          filters:\n", 1)[1]
    # The certificate comes by file-based SDS, watched for renewals; it is not inlined.
    secret = (tmp_path / SECRETS_DIR / "gateway_server.yaml").read_text()
    assert f"filename: {cert}" in secret and f"watched_directory: {{ path: {cert.parent} }}" in secret
    assert "BEGIN" not in path.read_text()


def test_tls_only_and_the_settings_that_cannot_serve(tmp_path: Path) -> None:
    cert, key = ensure_self_signed(tmp_path / "tls")
    env = {"GATEWAY_PLAINTEXT": "off", "GATEWAY_TLS_CERT": str(cert), "GATEWAY_TLS_KEY": str(key)}
    config = GatewayConfig.from_env(env)
    assert (config.plaintext, config.tls_port, config.tls_cert) == (False, 8443, cert)
    path = write(config, tmp_path / "envoy.yaml")
    _validate(path)
    assert set(_listeners(path.read_text())) == {"public_tls"}

    assert GatewayConfig.from_env({"GATEWAY_TLS": "off"}).tls_port == 0
    assert GatewayConfig.from_env({"GATEWAY_TLS_PORT": "0"}).tls_port == 0
    with pytest.raises(ValueError, match="GATEWAY_TLS_CERT and GATEWAY_TLS_KEY"):
        write(GatewayConfig.from_env({}), tmp_path / "no-cert.yaml")
    with pytest.raises(ValueError, match="nothing would listen"):
        write(GatewayConfig.from_env({"GATEWAY_PLAINTEXT": "off", "GATEWAY_TLS": "off"}), tmp_path / "none.yaml")
    with pytest.raises(ValueError, match="expected on or off"):
        GatewayConfig.from_env({"GATEWAY_TLS": "maybe"})
    with pytest.raises(ValueError, match="_KEY and _CA"):
        write(GatewayConfig(upstream_tls_cert=cert), tmp_path / "half.yaml")


def test_the_render_command_makes_a_certificate_when_none_is_configured(tmp_path: Path) -> None:
    env = {**os.environ, "GATEWAY_TLS_PORT": "8443"}
    for name in ("GATEWAY_TLS_CERT", "GATEWAY_TLS_KEY", "GATEWAY_TLS", "GATEWAY_PLAINTEXT"):
        env.pop(name, None)
    out = tmp_path / "rendered" / "envoy.yaml"
    result = subprocess.run([sys.executable, "-m", "gateway.render", str(out)], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "self-signed" in result.stderr
    assert (out.parent / "tls" / "gateway.crt").exists()
    _validate(out)


def test_mtls_to_the_services_checks_each_ones_name(tmp_path: Path) -> None:
    cert, key = ensure_self_signed(tmp_path / "tls")
    upstreams = {"router_svc": "router-headless:50051", "agent_svc": "agent-headless:50052",
                 "memory_svc": "127.0.0.1:7004,127.0.0.1:7005", "knowledge_svc": "knowledge-headless:50054"}
    config = GatewayConfig(upstreams=upstreams, upstream_tls_cert=cert, upstream_tls_key=key, upstream_tls_ca=cert)
    path = write(config, tmp_path / "envoy.yaml")
    _validate(path)
    text = path.read_text()
    router = text.split("- name: router_svc")[1].split("- name: agent_svc")[0]
    assert "UpstreamTlsContext" in router and "sni: router-headless" in router
    assert '{ san_type: DNS, matcher: { exact: "router-headless" } }' in router
    assert "alpn_protocols: [h2]" in router
    memory = text.split("- name: memory_svc")[1].split("- name: knowledge_svc")[0]
    assert '{ san_type: IP_ADDRESS, matcher: { exact: "127.0.0.1" } }' in memory and "sni:" not in memory
    assert {p.name for p in (tmp_path / SECRETS_DIR).iterdir()} == {"upstream_client.yaml", "upstream_ca.yaml"}


def test_tracing_and_the_stats_listener_are_rendered_only_when_asked(tmp_path: Path) -> None:
    plain = write(GatewayConfig(), tmp_path / "plain.yaml").read_text()
    assert "envoy.tracers.opentelemetry" not in plain and "otel_collector" not in plain and "envoy_admin" not in plain
    cert, key = ensure_self_signed(tmp_path / "tls")
    config = GatewayConfig(bind="0.0.0.0", otlp_endpoint="http://collector.observability:4317", trace_sampling=10,
                           stats_port=9902, tls_port=8443, tls_cert=cert, tls_key=key)
    path = write(config, tmp_path / "envoy.yaml")
    _validate(path)
    text = path.read_text()
    listeners = _listeners(text)
    # Both public listeners trace, at 10 %, to the collector's cluster.
    for name in ("public", "public_tls"):
        assert "envoy.tracers.opentelemetry" in listeners[name] and "random_sampling: { value: 10 }" in listeners[name]
    assert "socket_address: { address: collector.observability, port_value: 4317 }" in text
    # The stats listener answers GET /stats/prometheus from the admin (on loopback), nothing else.
    stats = listeners["stats"]
    assert "port_value: 9902" in stats and "address: 0.0.0.0" in stats
    assert "path: /stats/prometheus" in stats and "direct_response: { status: 404 }" in stats
    admin_cluster = text.split("- name: envoy_admin")[1]
    assert f"socket_address: {{ address: 127.0.0.1, port_value: {config.admin_port} }}" in admin_cluster


def test_tracing_settings_are_checked(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="GATEWAY_TRACE_SAMPLING"):
        write(GatewayConfig(otlp_endpoint="http://c:4317", trace_sampling=150), tmp_path / "a.yaml")
    with pytest.raises(ValueError, match="OTEL_EXPORTER_OTLP_ENDPOINT"):
        write(GatewayConfig(otlp_endpoint="http://collector"), tmp_path / "b.yaml")
    config = GatewayConfig.from_env({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4317", "GATEWAY_TRACE_SAMPLING": "25",
                                     "GATEWAY_STATS_PORT": "9902"})
    assert (config.otlp_endpoint, config.trace_sampling, config.stats_port) == ("http://c:4317", 25.0, 9902)


@contextmanager
def envoy_before(tmp_path: Path, upstream: str) -> Iterator[str]:
    """Envoy on free ports with every upstream at `upstream`; yields its base URL."""
    port, admin = free_port(), free_port()
    config = GatewayConfig(port=port, admin_port=admin, api_keys=["k"], upstreams=dict.fromkeys(UPSTREAMS, upstream))
    path = write(config, tmp_path / "envoy.yaml")
    envoy = subprocess.Popen([str(ENVOY), "-c", str(path), "--disable-hot-restart", "--log-level", "error"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{admin}/ready", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "Envoy did not start"
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        envoy.terminate()
        envoy.wait(timeout=10)


def test_every_answer_envoy_writes_itself_is_a_json_status(tmp_path: Path) -> None:
    """The transcoder's parse errors, the body check, auth, 404, 413, 431 and a dead
    upstream answer a REST client with a JSON google.rpc.Status (they were text/plain,
    found by tests/fuzz); a gRPC client gets grpc-status and a plain grpc-message. An
    object or a list where a scalar belongs is named by the body check (the transcoder
    said "Proto fields must have a name." or passed a corrupt request on)."""
    with envoy_before(tmp_path, f"127.0.0.1:{free_port()}") as base:
        rest = {"x-api-key": "k", "content-type": "application/json"}
        turn = base + "/v1/conversations/c/messages"
        cases = [
            (httpx.post(turn, content=b"not json", headers=rest), 400, 3, "Unexpected token"),
            (httpx.post(turn, content=b'{"metadata": {"a": [1]}}', headers=rest), 400, 3, "metadata.a: must be a string, not a"),
            (httpx.post(turn, content=b'{"metadata": {"a": {"b": 1}}}', headers=rest), 400, 3, "metadata.a: must be a string"),
            (httpx.post(turn, content=b'{"text": {"a": 1}}', headers=rest), 400, 3, "text: must be a string, not an object"),
            (httpx.post(base + "/v1/knowledge/documents", content=b'{"documents": [{"id": "a"}, {"id": ["x"]}]}', headers=rest),
             400, 3, "documents.id: must be a string, not a list"),
            (httpx.post(base + "/v1/knowledge:search", content=b'{"top_k": {}}', headers=rest), 400, 3, "top_k: must be a"),
            (httpx.post(turn, content=b'{"colour": "blue"}', headers=rest), 400, 3, 'unknown field "colour"'),
            (httpx.post(turn, content=b'{"text": "' + b"x" * 1_100_000 + b'"}', headers=rest), 413, 3, "1 MB"),
            (httpx.get(base + "/v1/nothing", headers=rest), 404, 5, "/v1/nothing"),
            (httpx.get(base + "/v1/agents"), 401, 16, "x-api-key"),
            (httpx.get(base + "/v1/agents", headers={"content-type": "application/grpc-web"}), 401, 16, "x-api-key"),
            (httpx.get(base + "/v1/conversations/" + "a" * 62_000, headers=rest), 431, 3, "60 KB"),
            (httpx.post(turn, json={"user_id": "u", "text": "oi", "metadata": {"a": "b"}}, headers=rest), 503, 14, "upstream"),
        ]
        for response, status, code, words in cases:
            assert response.status_code == status, response.text[:300]
            assert response.headers["content-type"] == "application/json", response.text[:300]
            body = response.json()
            assert body["code"] == code and words in body["message"], body
        for content_type in ("application/grpc", "application/grpc+proto"):
            grpc_client = httpx.post(turn, content=b"\0\0\0\0\0", headers={"content-type": content_type})
            assert grpc_client.headers["grpc-status"] == "16"
            assert grpc_client.headers["grpc-message"].startswith("missing or unknown credential")


def test_grpc_headers_reach_a_service_only_from_a_grpc_client_and_well_formed(tmp_path: Path) -> None:
    """A REST request with "grpc-timeout: garbage", "grpc-encoding: x" or "grpc-status: x"
    was a 500 (grpc refused the header as INTERNAL), one with "grpc-timeout: 1n" a 504
    (found by tests/fuzz): REST requests lose gRPC's headers; a gRPC client keeps a
    valid grpc-timeout and loses a malformed one."""

    def deadline(request: bytes, context: grpc.ServicerContext) -> bytes:
        remaining = context.time_remaining()
        # grpc gives an absent deadline as a remaining time of centuries.
        context.abort(grpc.StatusCode.INVALID_ARGUMENT, "no deadline" if remaining is None or remaining > 1e6 else "a deadline")

    server = grpc.server(ThreadPoolExecutor(2))
    handler = grpc.unary_unary_rpc_method_handler(deadline)
    server.add_generic_rpc_handlers((
        grpc.method_handlers_generic_handler("atende.agent.v1.AgentService", {"ListAgents": handler}),
    ))
    upstream = f"127.0.0.1:{free_port()}"
    server.add_insecure_port(upstream)
    server.start()
    try:
        with envoy_before(tmp_path, upstream) as base:
            for name, value in (("grpc-timeout", "garbage"), ("grpc-timeout", "1n"), ("grpc-timeout", "5S"),
                                ("grpc-encoding", "x"), ("grpc-status", "x"), ("grpc-message", "%")):
                rest = httpx.get(base + "/v1/agents", headers={"x-api-key": "k", name: value})
                assert (rest.status_code, rest.json()["message"]) == (400, "no deadline"), (name, value, rest.text)
            grpc_headers = {"x-api-key": "k", "content-type": "application/grpc", "te": "trailers"}
            url = base + "/atende.agent.v1.AgentService/ListAgents"
            for timeout, seen in (("5S", "a deadline"), ("garbage", "no deadline"), ("123456789S", "no deadline")):
                extra = {"grpc-timeout": timeout, "grpc-status": "x"}
                answer = httpx.post(url, content=b"\0\0\0\0\0", headers=grpc_headers | extra)
                assert (answer.headers.get("grpc-status"), answer.headers.get("grpc-message")) == ("3", seen), timeout
    finally:
        server.stop(0)


@pytest.mark.parametrize("guard", ["", "127.0.0.1:50099"])
def test_the_channels_webhooks_are_routed_without_a_credential(tmp_path: Path, guard: str) -> None:
    config = GatewayConfig(api_keys=["key-one"], channels_addr="127.0.0.1:50071", guard_addr=guard)
    path = write(config, tmp_path / "envoy.yaml")
    _validate(path)
    text = path.read_text()
    assert "- match: { prefix: /webhooks/ }" in text and "route: { cluster: channels" in text
    assert '"/webhooks/"' in text  # the authz filter lets it through: the vendor's signature is checked there
    assert ("ExtAuthzPerRoute" in text) == bool(guard)
    assert "- match: { prefix: /webhooks/ }" not in write(GatewayConfig(), tmp_path / "none.yaml").read_text()


def test_the_api_reference_is_routed_to_the_web_server_without_a_credential(tmp_path: Path) -> None:
    path = write(GatewayConfig(api_keys=["key-one"], web_addr="127.0.0.1:50070"), tmp_path / "envoy.yaml")
    _validate(path)
    text = path.read_text()
    for prefix in ("/docs/", "/openapi.json"):
        assert f"- match: {{ prefix: {prefix} }}\n" in text  # to the web server (gateway/web)
        assert f'"{prefix}"' in text  # the authz filter lets it through: the document is public
    assert text.count("route: { cluster: web, timeout: 10s }") == 4  # /chat/, /console/, /docs/, /openapi.json
    assert "prefix: /docs/" not in write(GatewayConfig(), tmp_path / "none.yaml").read_text()
