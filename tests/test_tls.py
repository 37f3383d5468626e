"""TLS without the whole stack: a service with mTLS (ATENDE_TLS_*) serves only callers
with a certificate from the mesh's CA and reloads a renewed certificate; the kubelet's
plaintext health port serves health and nothing else; Envoy serves the public API over
TLS 1.2+ (TLS 1.1 refused) and speaks mTLS to a service (GATEWAY_UPSTREAM_TLS_*); the
local self-signed certificate is made once. Certificates come from tests/tls_certs.py."""

from __future__ import annotations

import asyncio
import shutil
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import grpc
import httpx
import pytest
from cryptography import x509
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2
from tls_certs import Issued, TestCA, handshake

from atende_runtime.channels import open_channel
from atende_runtime.server import Mounted, RunningServer, start
from atende_runtime.settings import ServiceSettings
from atende_runtime.tls import TlsSettings
from devstack.embedded import free_port
from gateway.render import UPSTREAMS, GatewayConfig, write
from gateway.tls import ensure_self_signed

ENVOY = Path(sys.executable).with_name("envoy")
CHECK = health_pb2.HealthCheckRequest(service="")
REFLECTION = "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"


async def _who(request: bytes, context: grpc.aio.ServicerContext) -> bytes:  # type: ignore[type-arg]
    """The common name of the caller's certificate."""
    return b"".join(context.auth_context().get("x509_common_name", []))


async def _mounted(server: grpc.aio.Server) -> Mounted:
    async def always() -> bool:
        return True

    handler = grpc.method_handlers_generic_handler("test.Who", {"Call": grpc.unary_unary_rpc_method_handler(_who)})
    server.add_generic_rpc_handlers((handler,))
    return Mounted(["test.Who"], always)


def _tls(issued: Issued, reload_seconds: float = 5.0) -> TlsSettings:
    return TlsSettings(cert=issued.cert, key=issued.key, ca=issued.ca, reload_seconds=reload_seconds)


@pytest.fixture
async def mtls_service(tmp_path: Path) -> AsyncIterator[tuple[RunningServer, TestCA]]:
    ca = TestCA(tmp_path / "ca")
    settings = ServiceSettings(port=0, health_port=0, health_interval_seconds=0.05, tls=_tls(ca.issue("memory")))
    server = await start(settings, _mounted)
    yield server, ca
    await server.stop(None)


async def _check(channel: grpc.aio.Channel) -> int:
    reply = await health_pb2_grpc.HealthStub(channel).Check(CHECK, timeout=5)
    return int(reply.status)


async def _list_services(channel: grpc.aio.Channel) -> list[str]:
    call = channel.stream_stream(
        REFLECTION,
        request_serializer=reflection_pb2.ServerReflectionRequest.SerializeToString,
        response_deserializer=reflection_pb2.ServerReflectionResponse.FromString,
    )
    async for reply in call(iter([reflection_pb2.ServerReflectionRequest(list_services="")]), timeout=5):
        return [service.name for service in reply.list_services_response.service]
    return []


async def _wait_serving(channel: grpc.aio.Channel) -> None:
    deadline = time.monotonic() + 5
    while await _check(channel) != health_pb2.HealthCheckResponse.SERVING:
        assert time.monotonic() < deadline
        await asyncio.sleep(0.05)


async def test_a_service_with_mtls_serves_only_callers_with_a_certificate_of_the_mesh(
    mtls_service: tuple[RunningServer, TestCA], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server, ca = mtls_service
    target = f"localhost:{server.port}"

    # A service's channel (open_channel, as router_svc and agent_svc open theirs) with its
    # own certificate from ATENDE_TLS_*: served.
    caller = ca.issue("router")
    monkeypatch.setenv("ATENDE_TLS_CERT", str(caller.cert))
    monkeypatch.setenv("ATENDE_TLS_KEY", str(caller.key))
    monkeypatch.setenv("ATENDE_TLS_CA", str(caller.ca))
    channel = open_channel(target, default_timeout=5)
    try:
        await _wait_serving(channel)
        assert "test.Who" in await _list_services(channel)
    finally:
        await channel.close()

    # Refused at the handshake: no certificate, a certificate of another CA, plaintext.
    stranger = TestCA(tmp_path / "other", "someone else's CA").issue("router")
    refused = {
        "no certificate": grpc.aio.secure_channel(target, grpc.ssl_channel_credentials(ca.pem)),
        "another CA's certificate": grpc.aio.secure_channel(
            target, grpc.ssl_channel_credentials(ca.pem, stranger.key.read_bytes(), stranger.cert.read_bytes())
        ),
        "plaintext": grpc.aio.insecure_channel(f"127.0.0.1:{server.port}"),
    }
    for what, channel in refused.items():
        async with channel:
            with pytest.raises(grpc.aio.AioRpcError) as error:
                await _check(channel)
            assert error.value.code() == grpc.StatusCode.UNAVAILABLE, what

    # The kubelet's port: health in plaintext, and nothing else there.
    assert server.health_port
    async with grpc.aio.insecure_channel(f"127.0.0.1:{server.health_port}") as plain:
        await _wait_serving(plain)
        with pytest.raises(grpc.aio.AioRpcError) as error:
            await _list_services(plain)
        assert error.value.code() == grpc.StatusCode.UNIMPLEMENTED


def _served_certificate(port: int, client: Issued) -> bytes:
    """The certificate a TLS handshake with the service gets (DER)."""
    context = ssl.create_default_context(cafile=str(client.ca))
    context.load_cert_chain(client.cert, client.key)
    context.set_alpn_protocols(["h2"])
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        with context.wrap_socket(sock, server_hostname="localhost") as tls:
            served = tls.getpeercert(binary_form=True)
    assert served
    return served


async def test_a_renewed_certificate_is_served_without_a_restart(tmp_path: Path) -> None:
    ca = TestCA(tmp_path / "ca")
    first = ca.issue("memory")
    server = await start(ServiceSettings(port=0, tls=_tls(first, reload_seconds=0)), _mounted)
    try:
        client = ca.issue("router")
        before = await asyncio.to_thread(_served_certificate, server.port, client)
        assert before == _der(first.cert)
        # cert-manager renews the Secret: new files in the same place.
        renewed = ca.issue("memory", folder=tmp_path / "renewed")
        shutil.copy(renewed.key, first.key)
        shutil.copy(renewed.cert, first.cert)
        after = await asyncio.to_thread(_served_certificate, server.port, client)
        assert after == _der(renewed.cert) != before
    finally:
        await server.stop(None)


def _der(path: Path) -> bytes:
    return ssl.PEM_cert_to_DER_cert(path.read_text())


async def test_a_services_channel_moves_to_its_renewed_client_certificate(
    mtls_service: tuple[RunningServer, TestCA], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server, ca = mtls_service
    caller = ca.issue("router")
    for name, path in (("CERT", caller.cert), ("KEY", caller.key), ("CA", caller.ca)):
        monkeypatch.setenv(f"ATENDE_TLS_{name}", str(path))
    monkeypatch.setenv("ATENDE_TLS_RELOAD_SECONDS", "0")
    channel = open_channel(f"localhost:{server.port}", default_timeout=5)
    who = channel.unary_unary("/test.Who/Call")  # made once, as a stub's methods are
    try:
        assert await who(b"") == b"router"
        renewed = ca.issue("router-renewed", folder=tmp_path / "renewed")
        shutil.copy(renewed.key, caller.key)
        shutil.copy(renewed.cert, caller.cert)
        assert await who(b"") == b"router-renewed"
        assert await who(b"") == b"router-renewed"
    finally:
        await channel.close()


def test_mtls_settings_are_all_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert not TlsSettings().enabled
    monkeypatch.setenv("ATENDE_TLS_CERT", str(tmp_path / "tls.crt"))
    with pytest.raises(ValueError, match="ATENDE_TLS_KEY, ATENDE_TLS_CA"):
        TlsSettings()
    monkeypatch.setenv("ATENDE_TLS_KEY", str(tmp_path / "tls.key"))
    monkeypatch.setenv("ATENDE_TLS_CA", str(tmp_path / "ca.crt"))
    assert ServiceSettings().tls.enabled


# --- the gateway ---------------------------------------------------------------------


@pytest.fixture
def envoy_with_tls(mtls_service: tuple[RunningServer, TestCA], tmp_path: Path) -> Iterator[GatewayConfig]:
    """Envoy with both public listeners, its own self-signed certificate, and mTLS to
    the service above as router_svc (the other upstreams lead nowhere)."""
    server, ca = mtls_service
    cert, key = ensure_self_signed(tmp_path / "gateway-tls")
    client = ca.issue("gateway")
    upstreams = {name: f"127.0.0.1:{free_port()}" for name in UPSTREAMS}
    upstreams["router_svc"] = f"127.0.0.1:{server.port}"
    config = GatewayConfig(
        port=free_port(), admin_port=free_port(), tls_port=free_port(), tls_cert=cert, tls_key=key,
        upstream_tls_cert=client.cert, upstream_tls_key=client.key, upstream_tls_ca=client.ca, upstreams=upstreams,
    )
    path = write(config, tmp_path / "envoy.yaml")
    with (tmp_path / "envoy.log").open("wb") as log:
        envoy = subprocess.Popen(
            [str(ENVOY), "-c", str(path), "--disable-hot-restart", "--concurrency", "1", "--log-level", "warn"],
            stdout=log, stderr=log,
        )
    try:
        yield config
    finally:
        envoy.terminate()
        envoy.wait(10)


async def _through_gateway_until_serving(channel: grpc.aio.Channel) -> None:
    """Envoy answers 503 until its first health check of the upstream passed."""
    deadline = time.monotonic() + 15
    while True:
        try:
            if await _check(channel) == health_pb2.HealthCheckResponse.SERVING:
                return
        except grpc.aio.AioRpcError:
            pass
        assert time.monotonic() < deadline, "the gateway never reached the service"
        await asyncio.sleep(0.1)


async def test_the_gateway_serves_tls_and_reaches_a_service_over_mtls(envoy_with_tls: GatewayConfig) -> None:
    config = envoy_with_tls
    assert config.tls_cert
    root = config.tls_cert.read_bytes()
    # gRPC over TLS to the gateway (h2 by ALPN), then mTLS from Envoy to the service.
    async with grpc.aio.secure_channel(f"localhost:{config.tls_port}", grpc.ssl_channel_credentials(root)) as channel:
        await _through_gateway_until_serving(channel)
    # The plaintext port serves the same routes.
    async with grpc.aio.insecure_channel(f"127.0.0.1:{config.port}") as channel:
        await _through_gateway_until_serving(channel)

    # REST over TLS (HTTP/1.1 by ALPN), checked against the generated certificate.
    async with httpx.AsyncClient(verify=ssl.create_default_context(cafile=str(config.tls_cert))) as client:
        response = await client.get(f"https://localhost:{config.tls_port}/no/such/route")
    assert response.status_code == 404 and response.headers["x-request-id"], response.text


def _gateway_certificate(port: int) -> bytes:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        with context.wrap_socket(sock) as tls:
            served = tls.getpeercert(binary_form=True)
    assert served
    return served


def test_the_gateway_serves_a_renewed_certificate_without_a_restart(envoy_with_tls: GatewayConfig) -> None:
    config = envoy_with_tls
    assert config.tls_cert and config.tls_key
    deadline = time.monotonic() + 10
    while True:
        try:
            assert _gateway_certificate(config.tls_port) == _der(config.tls_cert)
            break
        except (ConnectionRefusedError, ConnectionResetError, ssl.SSLError):
            assert time.monotonic() < deadline
            time.sleep(0.1)
    config.tls_key.unlink()  # made again, and moved into the watched folder
    ensure_self_signed(config.tls_cert.parent)
    deadline = time.monotonic() + 10
    while _gateway_certificate(config.tls_port) != _der(config.tls_cert):
        assert time.monotonic() < deadline, "Envoy kept the old certificate"
        time.sleep(0.1)


@pytest.mark.filterwarnings("ignore:ssl.TLSVersion.TLSv1:DeprecationWarning")
def test_the_gateway_refuses_tls_1_1(envoy_with_tls: GatewayConfig) -> None:
    config = envoy_with_tls
    assert config.tls_cert
    deadline = time.monotonic() + 10
    while True:  # the listener opens once Envoy has read its secrets
        try:
            assert handshake(config.tls_port, config.tls_cert, ssl.TLSVersion.TLSv1_2) == "TLSv1.2"
            break
        except (ConnectionRefusedError, ConnectionResetError, ssl.SSLError):
            assert time.monotonic() < deadline
            time.sleep(0.1)
    assert handshake(config.tls_port, config.tls_cert, ssl.TLSVersion.TLSv1_3) == "TLSv1.3"
    with pytest.raises(ssl.SSLError) as refused:
        handshake(config.tls_port, config.tls_cert, ssl.TLSVersion.TLSv1_1)
    # The server's alert, not "no protocols available" on our side.
    assert refused.value.reason == "TLSV1_ALERT_PROTOCOL_VERSION", refused.value


def test_the_local_certificate_is_made_once_with_a_private_key(tmp_path: Path) -> None:
    cert, key = ensure_self_signed(tmp_path / "tls")
    assert oct(key.stat().st_mode & 0o777) == "0o600" and oct(key.parent.stat().st_mode & 0o777) == "0o700"
    made = cert.read_bytes(), key.read_bytes()
    assert ensure_self_signed(tmp_path / "tls") == (cert, key)
    assert (cert.read_bytes(), key.read_bytes()) == made, "reused, not made again"
    key.write_text("not a key")
    ensure_self_signed(tmp_path / "tls")
    assert cert.read_bytes() != made[0], "a broken pair is replaced"
    names = x509.load_pem_x509_certificate(cert.read_bytes()).extensions.get_extension_for_class(x509.SubjectAlternativeName)
    assert [str(name.value) for name in names.value] == ["localhost", "127.0.0.1", "::1"]


def test_make_run_serves_tls_with_its_certificate_and_says_how_to_trust_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from devstack.__main__ import _banner
    from devstack.stack import Stack, StackConfig

    for name in ("GATEWAY_TLS", "GATEWAY_TLS_PORT", "GATEWAY_TLS_CERT", "GATEWAY_TLS_KEY", "GATEWAY_PLAINTEXT", "GATEWAY_PORT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ATENDE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    stack = Stack(StackConfig.from_env())
    assert (stack.config.gateway_port, stack.config.gateway_tls_port) == (8080, 8443)
    assert stack.tls_files == (tmp_path / "data" / "tls" / "gateway.crt", tmp_path / "data" / "tls" / "gateway.key")
    banner = _banner(stack)
    assert "http://localhost:8080" in banner and "https://localhost:8443" in banner
    assert "curl -s --cacert data/tls/gateway.crt https://localhost:8443/v1/agents" in banner
    assert "grpcurl -cacert data/tls/gateway.crt localhost:8443 list" in banner

    monkeypatch.setenv("GATEWAY_PLAINTEXT", "off")
    tls_only = Stack(StackConfig.from_env())
    # No plaintext gateway URL (the loopback metrics listener is not the gateway).
    assert tls_only.gateway_url == "https://localhost:8443" and "http://localhost" not in _banner(tls_only).split("Try it:")[1]
    monkeypatch.setenv("GATEWAY_TLS_CERT", str(tmp_path / "mine.crt"))
    with pytest.raises(ValueError, match="both GATEWAY_TLS_CERT and GATEWAY_TLS_KEY"):
        StackConfig.from_env()
    monkeypatch.setenv("GATEWAY_TLS_KEY", str(tmp_path / "mine.key"))
    assert Stack(StackConfig.from_env()).tls_files == (tmp_path / "mine.crt", tmp_path / "mine.key")
