"""The shared runtime: graceful drain, deadlines on outgoing calls, request ids in
logs, health that follows the service's own dependencies, SIGTERM on a real service."""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from atende_runtime.channels import open_channel
from atende_runtime.logs import JsonFormatter, request_id_var
from atende_runtime.server import Mounted, start
from atende_runtime.settings import ServiceSettings
from devstack.embedded import free_port

ROOT = Path(__file__).resolve().parent.parent
SLOW_METHOD = "/test.Slow/Call"
BROKEN_METHOD = "/atende.integrations.v1.IntegrationsService/GetJob"


def _slow_setup(delay: float, seen_ids: list[str], healthy: Callable[[], Awaitable[bool]] | None = None):  # type: ignore[no-untyped-def]
    async def call(request: bytes, context: grpc.aio.ServicerContext) -> bytes:  # type: ignore[type-arg]
        seen_ids.append(request_id_var.get())
        await asyncio.sleep(delay)
        return request

    async def always() -> bool:
        return True

    async def setup(server: grpc.aio.Server) -> Mounted:
        handler = grpc.method_handlers_generic_handler(
            "test.Slow", {"Call": grpc.unary_unary_rpc_method_handler(call)}
        )
        server.add_generic_rpc_handlers((handler,))
        return Mounted(["test.Slow"], healthy or always)

    return setup


async def test_stop_drains_in_flight_calls() -> None:
    seen: list[str] = []
    server = await start(ServiceSettings(port=0), _slow_setup(0.5, seen))
    async with grpc.aio.insecure_channel(f"127.0.0.1:{server.port}") as channel:
        call = channel.unary_unary(SLOW_METHOD)(b"ping", timeout=5)
        await asyncio.sleep(0.1)
        stopping = asyncio.create_task(server.stop(grace=5))
        assert await call == b"ping"
        await stopping


async def test_outgoing_calls_get_a_deadline_and_carry_the_request_id() -> None:
    seen: list[str] = []
    server = await start(ServiceSettings(port=0), _slow_setup(1.0, seen))
    channel = open_channel(f"127.0.0.1:{server.port}", default_timeout=0.2)
    token = request_id_var.set("req-abc")
    try:
        started = time.perf_counter()
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await channel.unary_unary(SLOW_METHOD)(b"ping")
        assert caught.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
        assert time.perf_counter() - started < 0.9
    finally:
        request_id_var.reset(token)
        await channel.close()
        await server.stop(0)
    assert seen == ["req-abc"]


async def test_health_follows_the_dependency_check() -> None:
    state = {"up": False}

    async def dependency_answers() -> bool:
        return state["up"]

    server = await start(ServiceSettings(port=0, health_interval_seconds=0.05), _slow_setup(0, [], dependency_answers))
    async with grpc.aio.insecure_channel(f"127.0.0.1:{server.port}") as channel:
        health = health_pb2_grpc.HealthStub(channel)

        async def status() -> int:
            await asyncio.sleep(0.2)
            return (await health.Check(health_pb2.HealthCheckRequest(service="test.Slow"))).status

        assert await status() == health_pb2.HealthCheckResponse.NOT_SERVING
        liveness = await health.Check(health_pb2.HealthCheckRequest(service="liveness"))
        assert liveness.status == health_pb2.HealthCheckResponse.SERVING
        state["up"] = True
        assert await status() == health_pb2.HealthCheckResponse.SERVING
    await server.stop(0)


def test_json_logs_carry_the_request_id() -> None:
    formatter = JsonFormatter("router_svc")
    token = request_id_var.set("req-42")
    try:
        record = logging.LogRecord("x", logging.INFO, __file__, 1, "turn", None, None)
        record.agent = "sales"
        entry = json.loads(formatter.format(record))
    finally:
        request_id_var.reset(token)
    assert entry["request_id"] == "req-42" and entry["service"] == "router_svc" and entry["agent"] == "sales"


def test_json_logs_keep_accents_and_any_value_they_are_given() -> None:
    formatter = JsonFormatter("memory_svc")
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "pedido de orçamento", None, None)
    record.big = 2**70  # past what orjson encodes: the line must still be written
    record.when = object()
    line = formatter.format(record)
    entry = json.loads(line)
    assert "orçamento" in line and entry["msg"] == "pedido de orçamento"
    assert entry["big"] == 2**70 and entry["when"].startswith("<object")
    assert entry["ts"].endswith("Z") and len(entry["ts"]) == len("2026-12-04T18:30:00.000Z")


def test_sigterm_stops_a_real_service_cleanly() -> None:
    port = free_port()
    env = {"AGENT_PORT": str(port), "KNOWLEDGE_ADDR": f"127.0.0.1:{free_port()}", "PATH": "/usr/bin:/bin",
           "PYTHONPATH": f"{ROOT}:{ROOT / 'gen' / 'python'}"}
    process = subprocess.Popen([sys.executable, "-m", "agent_svc"], cwd=ROOT, env=env, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = health_pb2_grpc.HealthStub(channel)
            while True:
                try:
                    if stub.Check(health_pb2.HealthCheckRequest(), timeout=1).status == health_pb2.HealthCheckResponse.SERVING:
                        break
                except grpc.RpcError:
                    pass
                assert time.monotonic() < deadline, "agent_svc did not start"
                time.sleep(0.1)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0
        assert process.stderr is not None
        lines = [json.loads(line) for line in process.stderr.read().decode().splitlines() if line.startswith("{")]
        assert [entry["msg"] for entry in lines][-2:] == ["shutting down", "stopped"]
    finally:
        if process.poll() is None:
            process.kill()


async def test_an_unexpected_error_is_internal_without_its_details() -> None:
    from atende.integrations.v1 import integrations_service_pb2 as ipb

    from atende_runtime.service import register

    class Broken:
        async def GetJob(self, request: object, context: grpc.aio.ServicerContext) -> object:  # type: ignore[type-arg]
            raise RuntimeError("password=hunter2 in a stack trace")

    async def setup(server: grpc.aio.Server) -> Mounted:
        register(server, ipb.DESCRIPTOR.services_by_name["IntegrationsService"], Broken())

        async def always() -> bool:
            return True

        return Mounted(["atende.integrations.v1.IntegrationsService"], always)

    server = await start(ServiceSettings(port=0), setup)
    async with grpc.aio.insecure_channel(f"127.0.0.1:{server.port}") as channel:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await channel.unary_unary(BROKEN_METHOD)(b"", metadata=[("x-request-id", "req-bug")], timeout=5)
        # A method the servicer does not have is UNIMPLEMENTED, not an error of its own.
        with pytest.raises(grpc.aio.AioRpcError) as missing:
            await channel.unary_unary(BROKEN_METHOD.replace("GetJob", "RetryJob"))(b"", timeout=5)
    await server.stop(0)
    assert missing.value.code() == grpc.StatusCode.UNIMPLEMENTED
    assert caught.value.code() == grpc.StatusCode.INTERNAL
    assert "hunter2" not in (caught.value.details() or "") and "req-bug" in (caught.value.details() or "")


def test_an_error_does_not_grow_with_the_input() -> None:
    """300 violations naming 10 KB keys: the status stays far below the 8 KB clients
    accept in headers, keeps the first problems and says how many it left out."""
    from google.rpc import error_details_pb2

    from atende_runtime.errors import FieldViolation, InvalidArgument
    from atende_runtime.grpc_errors import MAX_VIOLATIONS, to_status

    error = InvalidArgument([FieldViolation(f"metadata[{i}{'k' * 10_000}]", "is longer than 64 characters " + "x" * 5000)
                             for i in range(300)])
    status = to_status(error)
    assert len(status.SerializeToString()) < 4096
    bad_request = error_details_pb2.BadRequest()
    assert status.details[0].Unpack(bad_request)
    listed = list(bad_request.field_violations)
    assert len(listed) == MAX_VIOLATIONS
    assert listed[0].field.startswith("metadata[0kkk") and listed[0].field.endswith("…")
    assert listed[0].description.startswith("is longer than 64 characters")
    assert (listed[-1].field, listed[-1].description) == ("request", "and 291 more problems not listed")
    assert status.message.startswith("metadata[0kkk") and len(status.message) <= 300


async def test_a_lost_storage_connection_is_unavailable_with_a_retry_hint() -> None:
    """PostgreSQL or Redis that cannot be reached (real client errors, from a port
    nobody listens on) is UNAVAILABLE at once with google.rpc.RetryInfo, not INTERNAL."""
    import psycopg
    import redis.asyncio
    from atende.integrations.v1 import integrations_service_pb2 as ipb
    from google.rpc import error_details_pb2
    from grpc_status import rpc_status

    from atende_runtime.service import register

    closed = free_port()

    class StorageDown:
        async def GetJob(self, request: object, context: grpc.aio.ServicerContext) -> object:  # type: ignore[type-arg]
            await psycopg.AsyncConnection.connect(f"postgresql://postgres@127.0.0.1:{closed}/test", connect_timeout=2)
            raise AssertionError("unreachable")

        async def RetryJob(self, request: object, context: grpc.aio.ServicerContext) -> object:  # type: ignore[type-arg]
            try:
                await redis.asyncio.Redis(port=closed).ping()
            except Exception as error:
                raise RuntimeError("the cache failed") from error  # wrapped: the cause counts
            raise AssertionError("unreachable")

    async def setup(server: grpc.aio.Server) -> Mounted:
        register(server, ipb.DESCRIPTOR.services_by_name["IntegrationsService"], StorageDown())

        async def always() -> bool:
            return True

        return Mounted(["atende.integrations.v1.IntegrationsService"], always)

    server = await start(ServiceSettings(port=0), setup)
    errors = []
    async with grpc.aio.insecure_channel(f"127.0.0.1:{server.port}") as channel:
        for method in ("GetJob", "RetryJob"):
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await channel.unary_unary(BROKEN_METHOD.replace("GetJob", method))(b"", timeout=10)
            errors.append(caught.value)
    await server.stop(0)
    for error in errors:
        assert error.code() == grpc.StatusCode.UNAVAILABLE, error.details()
        assert error.details() == "a storage server is unreachable; try again"
        status = rpc_status.from_call(error)  # type: ignore[arg-type]
        retry = error_details_pb2.RetryInfo()
        assert status is not None and status.details[0].Unpack(retry) and retry.retry_delay.seconds == 1


def test_an_upstream_setting_becomes_a_grpc_target() -> None:
    from atende_runtime.channels import grpc_target

    assert grpc_target("memory:50053") == "dns:///memory:50053"
    assert grpc_target("127.0.0.1:1, 127.0.0.1:2") == "ipv4:127.0.0.1:1,127.0.0.1:2"
    assert grpc_target("dns:///memory-headless:50053") == "dns:///memory-headless:50053"
    assert grpc_target("unix:/run/memory.sock") == "unix:/run/memory.sock"


async def test_a_service_that_records_no_spans_still_passes_the_callers_trace_on() -> None:
    """A gateway's trace must not break at a service whose tracing is off (or that
    samples nothing): the calls it makes carry the same trace id, and the caller's
    sampling decision."""
    received: list[str] = []

    async def echo(request: bytes, context: grpc.aio.ServicerContext) -> bytes:  # type: ignore[type-arg]
        received.extend(value for key, value in context.invocation_metadata() if key == "traceparent")
        return request

    async def echo_setup(server: grpc.aio.Server) -> Mounted:
        handler = grpc.method_handlers_generic_handler("test.Echo", {"Call": grpc.unary_unary_rpc_method_handler(echo)})
        server.add_generic_rpc_handlers((handler,))
        return Mounted(["test.Echo"], _always_healthy)

    downstream = await start(ServiceSettings(port=0), echo_setup)
    channel = open_channel(f"127.0.0.1:{downstream.port}", default_timeout=5)

    async def relay(request: bytes, context: grpc.aio.ServicerContext) -> bytes:  # type: ignore[type-arg]
        return await channel.unary_unary("/test.Echo/Call")(request)  # type: ignore[no-any-return]

    async def relay_setup(server: grpc.aio.Server) -> Mounted:
        handler = grpc.method_handlers_generic_handler("test.Relay", {"Call": grpc.unary_unary_rpc_method_handler(relay)})
        server.add_generic_rpc_handlers((handler,))
        return Mounted(["test.Relay"], _always_healthy)

    upstream = await start(ServiceSettings(port=0), relay_setup)
    trace_id = "4bf92f3577b34da6a3ce929d0e0e4736"
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{upstream.port}") as caller:
            for flags in ("01", "00"):
                metadata = (("traceparent", f"00-{trace_id}-00f067aa0ba902b7-{flags}"),)
                assert await caller.unary_unary("/test.Relay/Call")(b"ping", metadata=metadata, timeout=5) == b"ping"
    finally:
        await channel.close()
        await upstream.stop(0)
        await downstream.stop(0)
    assert [value.split("-")[1] for value in received] == [trace_id, trace_id]
    assert [value.split("-")[3] for value in received] == ["01", "00"]


async def _always_healthy() -> bool:
    return True
