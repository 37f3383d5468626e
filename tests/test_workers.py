"""Several server processes for one service (ServiceSettings.workers, atende_runtime/workers.py),
on real processes: tests/workers_service.py started as every service is (run_service),
with PIDSVC_WORKERS=2. Each call goes over a new channel, so a new connection, which the
kernel hands to one of the workers listening on the port."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import grpc
import httpx
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from atende_runtime.workers import RestartPolicy
from devstack.embedded import free_port

ROOT = Path(__file__).resolve().parent.parent
SERVICE = ROOT / "tests" / "workers_service.py"
CALL = "/test.Pid/Call"


@dataclass
class Supervised:
    process: subprocess.Popen[bytes]
    log: Path
    port: int
    health_port: int
    metrics_port: int

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def workers(self) -> set[int]:
        """Pids of the supervisor's children (from /proc)."""
        children = set()
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rpartition(")")[2].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                children.add(int(stat.parent.name))
        return children

    def metrics(self) -> str:
        return httpx.get(f"http://127.0.0.1:{self.metrics_port}/metrics", timeout=5).text

    def log_lines(self) -> list[dict[str, object]]:
        return [json.loads(line) for line in self.log.read_text().splitlines() if line.startswith("{")]


def _env(**extra: str) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "PYTHONPATH": f"{ROOT}:{ROOT / 'gen' / 'python'}", "OTEL_SDK_DISABLED": "true",
            "OPENBLAS_NUM_THREADS": "1", **extra}


def _start(tmp_path: Path, **extra: str) -> Supervised:
    ports = {"PIDSVC_PORT": str(free_port()), "PIDSVC_HEALTH_PORT": str(free_port()),
             "PIDSVC_METRICS_PORT": str(free_port())} | extra
    log = tmp_path / "service.log"
    with log.open("ab") as output:
        process = subprocess.Popen([sys.executable, str(SERVICE)], cwd=ROOT, stdout=output, stderr=output,
                                   env=_env(PIDSVC_WORKERS="2", **ports))
    return Supervised(process, log, int(ports["PIDSVC_PORT"]), int(ports["PIDSVC_HEALTH_PORT"]),
                      int(ports["PIDSVC_METRICS_PORT"]))


def _call(address: str, delay: float = 0.0, timeout: float = 5.0) -> int:
    """One call on a new connection; the pid of the worker that served it."""
    with grpc.insecure_channel(address) as channel:
        return int(channel.unary_unary(CALL)(str(delay).encode() if delay else b"", timeout=timeout).decode())


def _serving(address: str) -> bool:
    with grpc.insecure_channel(address) as channel:
        try:
            answer = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=1)
        except grpc.RpcError:
            return False
    return bool(answer.status == health_pb2.HealthCheckResponse.SERVING)


def _wait(what: str, condition: Callable[[], bool], within: float = 30.0) -> None:
    deadline = time.monotonic() + within
    while not condition():
        assert time.monotonic() < deadline, f"{what} within {within} s"
        time.sleep(0.1)


def _wait_serving(service: Supervised, workers: int = 2) -> None:
    def ready() -> bool:
        assert service.process.poll() is None, service.log.read_text()[-3000:]
        return len(service.workers()) == workers and _serving(service.address) and "pid_svc" in _metrics_or_empty(service)

    _wait("serving", ready)
    # Both workers listen once both have logged "listening" (the kernel then spreads connections).
    _wait("every worker listening", lambda: sum(1 for e in service.log_lines()
                                                 if e["msg"] == "listening" and "worker" in e) >= workers)


def _metrics_or_empty(service: Supervised) -> str:
    try:
        return service.metrics()
    except httpx.HTTPError:
        return ""


def _sample(metrics: str, name: str, **labels: str) -> float:
    """The value of the one series `name` with these labels (others ignored)."""
    values = []
    for line in metrics.splitlines():
        match = re.match(rf"{re.escape(name)}(?:{{(.*)}})? (\S+)$", line)
        if match and all(f'{k}="{v}"' in (match.group(1) or "") for k, v in labels.items()):
            values.append(float(match.group(2)))
    assert len(values) == 1, f"{name} {labels}: {values}"
    return values[0]


def _stop(service: Supervised) -> int:
    if service.process.poll() is None:
        service.process.send_signal(signal.SIGTERM)
    try:
        return service.process.wait(timeout=20)
    finally:
        if service.process.poll() is None:
            service.process.kill()


@pytest.fixture
def service(tmp_path: Path) -> Iterator[Supervised]:
    started = _start(tmp_path)
    try:
        _wait_serving(started)
        yield started
    finally:
        leftovers = started.workers()
        _stop(started)
        for pid in leftovers:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def test_two_workers_serve_one_port_with_one_health_and_one_metrics_endpoint(service: Supervised) -> None:
    workers = service.workers()
    assert len(workers) == 2 and service.process.pid not in workers
    served = [_call(service.address) for _ in range(60)]
    assert set(served) == workers, "both workers serve calls on the one port"
    assert _serving(f"127.0.0.1:{service.health_port}"), "the plaintext health port answers"

    metrics = service.metrics()
    # The supervisor sums every worker's counters: one scrape target, all the calls.
    handled = _sample(metrics, "grpc_server_handled_total", grpc_service="test.Pid", grpc_method="Call", grpc_code="OK")
    assert handled == len(served)
    assert _sample(metrics, "atende_workers", service="pid_svc") == 2
    assert _sample(metrics, "atende_serving") == 1
    for pid in workers:
        assert _sample(metrics, "atende_process_info", service="pid_svc", pid=str(pid)) == 1
    assert _sample(metrics, "atende_worker_restarts_total", service="pid_svc") == 0


def test_a_killed_worker_is_started_again_and_the_port_keeps_answering(service: Supervised) -> None:
    first, second = sorted(service.workers())
    os.kill(first, signal.SIGKILL)
    _wait("the supervisor to notice", lambda: first not in service.workers())
    # Meanwhile every call is served (by the worker left, then by both).
    started = time.monotonic()
    while len(service.workers() - {second}) < 1 or time.monotonic() - started < 1.0:
        assert _call(service.address) in service.workers()
        assert time.monotonic() - started < 30, "the worker was not started again"
    (restarted,) = service.workers() - {second}
    assert restarted != first
    _wait("the new worker serving", lambda: sum(1 for e in service.log_lines() if e["msg"] == "listening"
                                                 and "worker" in e) >= 3)
    assert {_call(service.address) for _ in range(60)} == {second, restarted}
    metrics = service.metrics()
    assert _sample(metrics, "atende_worker_restarts_total", service="pid_svc") == 1
    assert _sample(metrics, "atende_workers", service="pid_svc") == 2
    assert f'pid="{first}"' not in metrics, "a dead worker's live gauges are dropped"
    assert _stop(service) == 0


def test_sigterm_drains_the_calls_in_flight_and_every_process_exits_cleanly(service: Supervised) -> None:
    workers = service.workers()
    with ThreadPoolExecutor(4) as pool:
        calls: list[Future[int]] = [pool.submit(_call, service.address, 1.5) for _ in range(4)]
        time.sleep(0.5)
        service.process.send_signal(signal.SIGTERM)
        assert {call.result(timeout=15) for call in calls} <= workers, "every call in flight completed"
    assert service.process.wait(timeout=20) == 0
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers), "no worker left behind"
    stopped = [e for e in service.log_lines() if e["msg"] == "stopped"]
    assert sorted(str(e.get("worker", "supervisor")) for e in stopped) == ["0", "1", "supervisor"]


def test_on_port_zero_the_supervisor_picks_one_port_for_every_worker(tmp_path: Path) -> None:
    service = _start(tmp_path, PIDSVC_PORT="0", PIDSVC_HEALTH_PORT="0")
    try:
        _wait("the supervisor's listening line", lambda: any(e["msg"] == "listening" and "workers" in e
                                                             for e in service.log_lines()))
        (line,) = [e for e in service.log_lines() if e["msg"] == "listening" and "workers" in e]
        service.port = int(str(line["address"]).rpartition(":")[2])
        service.health_port = int(str(line["health_port"]))
        _wait_serving(service)
        assert {_call(service.address) for _ in range(60)} == service.workers()
        assert _serving(f"127.0.0.1:{service.health_port}")
    finally:
        assert _stop(service) == 0


def test_workers_that_keep_dying_make_the_supervisor_exit_non_zero(tmp_path: Path) -> None:
    service = _start(tmp_path, PIDSVC_CRASH="true", PIDSVC_FAST_RESTARTS="1")
    try:
        assert service.process.wait(timeout=60) == 1
    finally:
        if service.process.poll() is None:
            service.process.kill()
    entries = service.log_lines()
    assert any(e["msg"] == "worker keeps exiting; giving up" for e in entries)
    assert sum(1 for e in entries if e["msg"] == "worker started") >= 2 + 3, "restarted before giving up"


def test_a_restart_waits_longer_each_time_and_gives_up_past_the_limit() -> None:
    policy = RestartPolicy(first_delay=0.5, max_delay=4.0, max_restarts=5, window=60.0)
    restarts: deque[float] = deque()
    delays = []
    for now in range(5):
        delays.append(policy.delay(restarts, float(now)))
        restarts.append(float(now))
    assert delays == [0.5, 1.0, 2.0, 4.0, 4.0]
    assert policy.delay(restarts, 5.0) is None, "five restarts within the window: give up"
    assert policy.delay(restarts, 70.0) == 0.5, "restarts older than the window are forgotten"


def test_one_worker_is_one_process_as_before(tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "one.log"
    with log.open("ab") as output:
        process = subprocess.Popen([sys.executable, str(SERVICE)], cwd=ROOT, stdout=output, stderr=output,
                                   env=_env(PIDSVC_PORT=str(port)))
    try:
        _wait("serving", lambda: _serving(f"127.0.0.1:{port}"))
        assert _call(f"127.0.0.1:{port}") == process.pid
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0



def test_make_run_gives_the_hot_services_two_workers_where_cores_are_spare(monkeypatch: pytest.MonkeyPatch) -> None:
    from devstack.stack import Stack, StackConfig

    for variable in ("ROUTER_WORKERS", "AGENT_WORKERS", "MEMORY_WORKERS"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    stack = Stack(StackConfig.from_env())
    assert stack._service_env("router_svc")["ROUTER_WORKERS"] == "2"
    assert stack._service_env("agent_svc")["AGENT_WORKERS"] == "2"
    assert "MEMORY_WORKERS" not in stack._service_env("memory_svc")
    assert (stack.workers("router_svc"), stack.workers("memory_svc")) == (2, 1)
    # Tests' stacks (on free ports) keep one process a service unless asked.
    assert Stack(StackConfig()).workers("router_svc") == 1
    monkeypatch.setenv("ROUTER_WORKERS", "1")
    assert stack.workers("router_svc") == 1
    # Two cores: the stack fills both already; the environment can still ask.
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.delenv("ROUTER_WORKERS")
    two_cores = Stack(StackConfig.from_env())
    assert (two_cores.workers("router_svc"), two_cores.workers("agent_svc")) == (1, 1)
    monkeypatch.setenv("AGENT_WORKERS", "2")
    assert two_cores.workers("agent_svc") == 2


def test_knowledge_svc_refuses_workers_on_milvus_lite(monkeypatch: pytest.MonkeyPatch) -> None:
    """Milvus Lite lets one process open its folder: a second worker could never start."""
    from pydantic import ValidationError

    from knowledge_svc.settings import Settings

    monkeypatch.delenv("MILVUS_URI", raising=False)
    monkeypatch.setenv("KNOWLEDGE_WORKERS", "2")
    with pytest.raises(ValidationError, match="needs a Milvus server"):
        Settings()
    monkeypatch.setenv("MILVUS_URI", "http://milvus:19530")
    assert Settings().workers == 2
