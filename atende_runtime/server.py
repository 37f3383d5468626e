"""Start-up shared by every service: a grpc.aio server with health, reflection,
request-id logging, a health loop over the service's own dependencies, and a
graceful stop on SIGTERM or SIGINT that drains in-flight RPCs."""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_health.v1.health import aio as health_aio  # type: ignore[attr-defined]
from grpc_reflection.v1alpha import reflection

from atende_runtime.interceptors import RequestContextInterceptor
from atende_runtime.logs import configure_logging
from atende_runtime.metrics import SERVING, serve_metrics
from atende_runtime.reflection import public_pool
from atende_runtime.settings import ServiceSettings
from atende_runtime.telemetry import setup_tracing, shutdown_tracing
from atende_runtime.tls import server_credentials
from atende_runtime.workers import current_worker

log = logging.getLogger("atende.server")

HealthCheck = Callable[[], Awaitable[bool]]
# A health service name that is SERVING while the process runs, whatever its
# dependencies: liveness probes ask for it, so a database outage makes pods
# unready (no traffic) without making the kubelet restart them.
LIVENESS_SERVICE = "liveness"
# Allocations between young-generation collections (CPython's default is 700).
_GC_YOUNG_THRESHOLD = 20_000
# Clients re-resolve DNS when a connection ends, so new replicas get traffic.
_SERVER_OPTIONS = [
    ("grpc.max_connection_age_ms", 300_000),
    # Long enough for a large streamed ingest to finish on an aged connection.
    ("grpc.max_connection_age_grace_ms", 300_000),
    # Large documents reach the service, which answers with a clear limit of its own.
    ("grpc.max_receive_message_length", 32 * 1024 * 1024),
    ("grpc.max_send_message_length", 32 * 1024 * 1024),
    # Envoy forwards a REST request's path in x-envoy-original-path: with grpc's default
    # 8 KB soft limit on request metadata, a long path id was refused as
    # RESOURCE_EXHAUSTED (429) before validation could say the id's limit (400).
    # Envoy itself stops headers past 60 KB.
    ("grpc.max_metadata_size", 64 * 1024),
    ("grpc.absolute_max_metadata_size", 64 * 1024),
    ("grpc.keepalive_permit_without_calls", 1),
    # grpc's default on Linux, said here because the workers of a service
    # (settings.workers) bind one port together: the kernel spreads connections over them.
    ("grpc.so_reuseport", 1),
    ("grpc.http2.min_ping_interval_without_data_ms", 60_000),
]


@dataclass
class Mounted:
    """What a service's setup registered on the server."""

    # Fully qualified names of the gRPC services it serves (for health and reflection).
    service_names: Sequence[str]
    # Answers True when the service's own dependencies answer.
    health_check: HealthCheck
    # Releases pools and channels after the server has drained.
    close: Callable[[], Awaitable[None]] = field(default=lambda: _noop())
    # Further services reflection describes (router_svc describes the whole public
    # API, so grpcurl through the gateway sees every service it can call).
    reflection_names: Sequence[str] = ()
    # Reflection describes the public API only (atende_runtime.reflection): the public
    # methods of our services and the types they use, nothing internal. For the
    # service that answers reflection through the gateway.
    public_reflection: bool = False
    # Optional parts, each reported under its own health name: NOT_SERVING there
    # while the service itself stays SERVING means "degraded" (memory_svc without
    # Redis serves from PostgreSQL alone).
    components: Mapping[str, Callable[[], bool]] = field(default_factory=dict)


async def _noop() -> None:
    return None


Setup = Callable[[grpc.aio.Server], Awaitable[Mounted]]


async def _health_loop(
    servicer: health_aio.HealthServicer, mounted: Mounted, interval: float, stopping: asyncio.Event
) -> None:
    last: bool | None = None
    parts: dict[str, bool] = {}
    while not stopping.is_set():
        for name, check in mounted.components.items():
            up = bool(check())
            if parts.get(name) != up:
                await servicer.set(
                    name, health_pb2.HealthCheckResponse.SERVING if up else health_pb2.HealthCheckResponse.NOT_SERVING
                )
                if name in parts:
                    log.warning("component health changed", extra={"component": name, "serving": up})
                parts[name] = up
        try:
            healthy = await asyncio.wait_for(mounted.health_check(), timeout=max(interval, 1.0))
        except Exception:  # a failing probe means NOT_SERVING, whatever the cause
            log.warning("health check raised", exc_info=True)
            healthy = False
        if healthy != last:
            status = health_pb2.HealthCheckResponse.SERVING if healthy else health_pb2.HealthCheckResponse.NOT_SERVING
            for name in ("", *mounted.service_names):
                await servicer.set(name, status)
            SERVING.set(1 if healthy else 0)
            log.info("health changed", extra={"serving": healthy})
            last = healthy
        try:
            await asyncio.wait_for(stopping.wait(), timeout=interval)
        except TimeoutError:
            pass


@dataclass
class RunningServer:
    """A started server; tests use this directly, services go through serve()
    (atende_runtime.main.run_service)."""

    server: grpc.aio.Server
    port: int
    mounted: Mounted
    health_servicer: health_aio.HealthServicer
    stopping: asyncio.Event
    health_task: asyncio.Task[None]
    # The plaintext health-only server (settings.health_port), if any.
    health_server: grpc.aio.Server | None = None
    health_port: int | None = None

    async def stop(self, grace: float | None = None) -> None:
        self.stopping.set()
        await self.health_servicer.enter_graceful_shutdown()
        await self.server.stop(grace)
        if self.health_server is not None:
            await self.health_server.stop(None)
        await self.health_task
        await self.mounted.close()


async def start(settings: ServiceSettings, setup: Setup) -> RunningServer:
    """Mounts the service, health and reflection, binds settings.host:settings.port
    (0 picks a free port) and starts serving."""
    server = grpc.aio.server(interceptors=[RequestContextInterceptor()], options=_SERVER_OPTIONS)
    mounted = await setup(server)

    health_servicer = health_aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    for service_name in ("", *mounted.service_names):
        await health_servicer.set(service_name, health_pb2.HealthCheckResponse.NOT_SERVING)
    await health_servicer.set(LIVENESS_SERVICE, health_pb2.HealthCheckResponse.SERVING)
    described = [*mounted.service_names, *mounted.reflection_names, health.SERVICE_NAME, reflection.SERVICE_NAME]
    reflection.enable_server_reflection(
        described, server, pool=public_pool(described) if mounted.public_reflection else None
    )
    address = f"{settings.host}:{settings.port}"
    if settings.tls.enabled:
        port = server.add_secure_port(address, server_credentials(settings.tls))
    else:
        port = server.add_insecure_port(address)
    health_server, health_port = None, None
    if settings.health_port is not None:
        # Its own server: a port of the main one would serve every service there, in
        # plaintext, past the client-certificate check.
        health_server = grpc.aio.server(options=_SERVER_OPTIONS)
        health_pb2_grpc.add_HealthServicer_to_server(health_servicer, health_server)
        health_port = health_server.add_insecure_port(f"{settings.host}:{settings.health_port}")
        await health_server.start()
    await server.start()
    stopping = asyncio.Event()
    health_task = asyncio.create_task(
        _health_loop(health_servicer, mounted, settings.health_interval_seconds, stopping)
    )
    return RunningServer(server, port, mounted, health_servicer, stopping, health_task, health_server, health_port)


async def serve(name: str, settings: ServiceSettings, setup: Setup) -> None:
    worker = current_worker()
    configure_logging(name, settings.log_level, {"worker": worker.index} if worker else None)
    # Before the service's setup makes its pools, clients and channels.
    setup_tracing(name)
    metrics_port = serve_metrics(name, settings.host, settings.metrics_port)
    running = await start(settings, setup)
    _settle_garbage_collector()
    log.info(
        "listening",
        extra={
            "address": f"{settings.host}:{running.port}",
            "tls": "mutual" if settings.tls.enabled else "off",
            "health_port": running.health_port,
            "metrics_port": metrics_port,
        },
    )

    signalled = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, signalled.set)
    await signalled.wait()
    log.info("shutting down", extra={"grace_seconds": settings.shutdown_grace_seconds})
    await running.stop(settings.shutdown_grace_seconds)
    shutdown_tracing()
    log.info("stopped")


def _settle_garbage_collector() -> None:
    """What start-up loaded (modules, descriptors, models) lives as long as the
    process: freeze it out of the collector's reach, and collect the young
    generation less often, so a request is rarely the one that pays for a
    collection of objects that are not garbage."""
    gc.collect()
    gc.freeze()
    _, second, third = gc.get_threshold()
    gc.set_threshold(_GC_YOUNG_THRESHOLD, second, third)
