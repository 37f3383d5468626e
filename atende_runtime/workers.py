"""Several server processes for one service: ServiceSettings.workers > 1 (ROUTER_WORKERS=2).

A Python process uses one core at most (the GIL), so a CPU-bound service on a machine or
pod with two cores needs two processes to use both. `python -m router_svc` with
ROUTER_WORKERS=2 becomes a supervisor and two workers:

- The supervisor is the process the devstack or the kubelet started: it reads the
  settings, creates no gRPC object and serves no RPC. It starts each worker as its own
  command line again (a fresh interpreter, so nothing of its state is inherited and
  grpc's "never fork once a gRPC object exists" cannot bite), marked by ATENDE_WORKER.
- A worker is a whole server (atende_runtime.server.serve): its own event loop, gRPC
  server, health servicer, pools and channels. Every worker binds the service port, and
  the health port, with SO_REUSEPORT: the kernel hashes each new connection to one of
  the listening sockets, so connections (not single calls) are spread over the workers.
  They share one health answer because they share the same dependencies.
- /metrics: workers write their series to files in a folder of the supervisor's
  (prometheus_client's multiprocess mode, PROMETHEUS_MULTIPROC_DIR) and the supervisor
  serves them summed on metrics_port (atende_runtime/worker_metrics.py): one scrape
  target a pod, as with one process.
- A worker that exits is started again after a backoff (0.5 s, doubling, up to 10 s);
  one that exits five times within a minute cannot be kept up: the supervisor stops the
  others and exits 1, for the kubelet (or devstack's supervisor) to take over.
- SIGTERM or SIGINT is passed on to every worker; each drains its in-flight calls
  (shutdown_grace_seconds) and the supervisor exits when all have stopped: 0 when they
  all stopped cleanly.
- Port 0 (a free port, in tests): the supervisor binds one without listening and keeps
  it, so every worker binds that same port; the kernel gives connections only to
  listening sockets.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import logging
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from atende_runtime.settings import ServiceSettings

log = logging.getLogger("atende.workers")

# How the supervisor describes a worker to it (JSON of WorkerSpec).
WORKER_ENV = "ATENDE_WORKER"
# Where prometheus_client's multiprocess mode keeps every worker's series.
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
# Exit codes of a worker that count as a clean stop once the supervisor asked for one:
# a worker still starting when SIGTERM came had no handler yet (and nothing in flight).
_CLEAN_STOP = (0, -signal.SIGTERM, -signal.SIGINT)
_STOP_SIGNALS = {signal.SIGTERM, signal.SIGINT}
# Seconds after the drain's grace before the workers still running are killed.
_STOP_MARGIN = 5.0
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class WorkerSpec:
    """What a worker is told by its supervisor."""

    index: int
    count: int
    port: int
    health_port: int | None
    supervisor: int

    def to_env(self) -> str:
        return json.dumps(self.__dict__)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> WorkerSpec | None:
        raw = env.get(WORKER_ENV, "")
        return cls(**json.loads(raw)) if raw else None

    def apply(self, settings: ServiceSettings) -> ServiceSettings:
        """The worker's settings: the supervisor's ports, no metrics endpoint of its own
        (the supervisor serves every worker's series), no workers of its own."""
        return settings.model_copy(
            update={"port": self.port, "health_port": self.health_port, "metrics_port": None, "workers": 1}
        )


def current_worker() -> WorkerSpec | None:
    """This process's place among its service's workers; None when it is not a worker."""
    return WorkerSpec.from_env(os.environ)


def follow_supervisor(spec: WorkerSpec) -> None:
    """SIGTERM when the supervisor dies, even by SIGKILL, so no worker is left holding
    the port (it drains as on any SIGTERM)."""
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != spec.supervisor:  # it died before prctl took effect
        raise SystemExit(f"the supervisor (pid {spec.supervisor}) is gone")


@dataclass
class RestartPolicy:
    """When a worker that exited starts again: after first_delay, doubled with each
    restart within the window, at most max_delay; never after max_restarts within it."""

    first_delay: float = 0.5
    max_delay: float = 10.0
    max_restarts: int = 5
    window: float = 60.0

    def delay(self, restarts: deque[float], now: float) -> float | None:
        """Seconds before the next restart, given the earlier ones; None: give up."""
        while restarts and now - restarts[0] > self.window:
            restarts.popleft()
        if len(restarts) >= self.max_restarts:
            return None
        return float(min(self.max_delay, self.first_delay * 2.0 ** len(restarts)))


# What the supervisor uses; tests replace it with a faster one.
RESTART_POLICY = RestartPolicy()


@dataclass
class _Worker:
    index: int
    process: subprocess.Popen[bytes] | None = None
    # When a restart is due; None while running (or stopped for good).
    due: float | None = None
    restarts: deque[float] = field(default_factory=deque)


class WorkerPool:
    """Starts `count` workers (`command` with env(index)) and keeps them up until SIGTERM
    or SIGINT; run() returns the supervisor's exit code."""

    def __init__(
        self,
        command: Sequence[str],
        count: int,
        env: Callable[[int], dict[str, str]],
        *,
        grace: float,
        policy: RestartPolicy | None = None,
        on_exit: Callable[[int], None] = lambda pid: None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.command = list(command)
        self.env = env
        self.grace = grace
        self.policy = policy or RESTART_POLICY
        self.on_exit = on_exit
        self.clock = clock
        self.workers = [_Worker(index) for index in range(count)]
        # Read by the supervisor's /metrics (another thread): plain ints.
        self.restarts = 0
        # Once stopping: when the workers still running get SIGKILL.
        self._deadline: float | None = None
        self._failed = False

    @property
    def live(self) -> int:
        return sum(1 for worker in self.workers if worker.process is not None)

    def pids(self) -> list[int]:
        return [worker.process.pid for worker in self.workers if worker.process is not None]

    def run(self) -> int:
        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)
        # A signal writes its number to `writer`: select() below wakes at once, for a
        # stop request as for a worker's exit (SIGCHLD).
        previous_fd = signal.set_wakeup_fd(writer.fileno())
        watched = (signal.SIGTERM, signal.SIGINT, signal.SIGCHLD)
        previous = {sig: signal.signal(sig, _wake) for sig in watched}
        try:
            for worker in self.workers:
                self._start(worker)
            return self._supervise(reader)
        finally:
            for worker in self.workers:  # only on an unexpected error: run() waits for them
                if worker.process is not None and worker.process.poll() is None:
                    worker.process.kill()
                    worker.process.wait()
            signal.set_wakeup_fd(previous_fd)
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            reader.close()
            writer.close()

    def _start(self, worker: _Worker) -> None:
        worker.process = subprocess.Popen(self.command, env=self.env(worker.index))
        worker.due = None
        log.info("worker started", extra={"worker": worker.index, "pid": worker.process.pid})

    def _supervise(self, reader: socket.socket) -> int:
        timeout: float | None = None
        while True:
            received = _wait(reader, timeout)
            now = self.clock()
            if received & _STOP_SIGNALS:
                self._stop(now)
            for worker in self.workers:
                self._reap(worker, now)
            if self._deadline is None:
                timeout = self._restart_due(now)
                continue
            code = self._stopped(now)
            if code is not None:
                return code
            timeout = self._deadline - now

    def _stop(self, now: float, *, failed: bool = False) -> None:
        """Asks every worker to drain (again, on a repeated signal); no more restarts."""
        if self._deadline is None:
            log.info("stopping workers", extra={"grace_seconds": self.grace})
            self._deadline = now + self.grace + _STOP_MARGIN
        self._failed = self._failed or failed
        for worker in self.workers:
            worker.due = None
        self._signal_all(signal.SIGTERM)

    def _reap(self, worker: _Worker, now: float) -> None:
        """Notes a worker that exited: a restart after the policy's delay, or none when
        stopping (or when it keeps exiting: then everything stops)."""
        if worker.process is None or worker.process.poll() is None:
            return
        code, pid = worker.process.returncode, worker.process.pid
        worker.process = None
        self.on_exit(pid)
        if self._deadline is not None:
            if code not in _CLEAN_STOP:
                log.warning("worker stopped with an error", extra={"worker": worker.index, "pid": pid, "code": code})
                self._failed = True
            return
        delay = self.policy.delay(worker.restarts, now)
        if delay is None:
            log.error(
                "worker keeps exiting; giving up",
                extra={"worker": worker.index, "code": code, "restarts": len(worker.restarts),
                       "window_seconds": self.policy.window},
            )
            self._stop(now, failed=True)
            return
        worker.due = now + delay
        log.warning("worker exited; restarting",
                    extra={"worker": worker.index, "pid": pid, "code": code, "delay_seconds": delay})

    def _restart_due(self, now: float) -> float:
        """Starts the workers whose backoff is over; returns the seconds to the next one due."""
        for worker in self.workers:
            if worker.due is not None and now >= worker.due:
                worker.restarts.append(now)
                self.restarts += 1
                self._start(worker)
        pending = [worker.due - now for worker in self.workers if worker.due is not None]
        # A SIGCHLD is never lost (its wakeup byte waits to be read), but a look now and
        # then costs nothing and survives a full wakeup buffer.
        return max(0.0, min(pending, default=5.0))

    def _stopped(self, now: float) -> int | None:
        """While stopping: the exit code once every worker has exited (killing those
        still there past the deadline), else None."""
        assert self._deadline is not None
        if self.live and now >= self._deadline:
            log.error("workers did not stop in time; killing them", extra={"pids": self.pids()})
            self._signal_all(signal.SIGKILL)
            for worker in self.workers:
                if worker.process is not None:
                    worker.process.wait()
                    self.on_exit(worker.process.pid)
                    worker.process = None
            return 1
        if self.live:
            return None
        return 1 if self._failed else 0

    def _signal_all(self, sig: int) -> None:
        for worker in self.workers:
            if worker.process is not None and worker.process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    worker.process.send_signal(sig)


def _wake(signum: int, frame: Any) -> None:
    """A handler that does nothing: the wakeup fd carries the signal to the loop."""


def _wait(reader: socket.socket, timeout: float | None) -> set[int]:
    """Waits for a signal (or the timeout); returns the signals received since the last call."""
    select.select([reader], [], [], timeout)
    received: set[int] = set()
    while True:
        try:
            data = reader.recv(256)
        except (BlockingIOError, InterruptedError):
            return received
        if not data:
            return received
        received.update(data)


def reserve_port(host: str) -> socket.socket:
    """A socket bound to a free port of `host` with SO_REUSEPORT, not listening: the
    workers' servers bind the same port beside it, and the kernel never hands it a
    connection. Keep it open while the workers may (re)bind."""
    family, kind, protocol, _, address = socket.getaddrinfo(host.strip("[]"), 0, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, protocol)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(address)
    return sock


def supervise(name: str, settings: ServiceSettings) -> int:
    """Runs `settings.workers` workers of service `name` until SIGTERM or SIGINT; returns
    the process's exit code."""
    from atende_runtime.logs import configure_logging
    from atende_runtime.worker_metrics import mark_worker_dead, serve_worker_metrics

    configure_logging(name, settings.log_level)
    reserved: list[socket.socket] = []
    port, health_port = settings.port, settings.health_port
    if port == 0:
        reserved.append(reserve_port(settings.host))
        port = int(reserved[-1].getsockname()[1])
    if health_port == 0:
        reserved.append(reserve_port(settings.host))
        health_port = int(reserved[-1].getsockname()[1])
    folder = Path(tempfile.mkdtemp(prefix=f"{name}-metrics-"))
    supervisor = os.getpid()

    def env(index: int) -> dict[str, str]:
        spec = WorkerSpec(index, settings.workers, port, health_port, supervisor)
        return {**os.environ, WORKER_ENV: spec.to_env(), MULTIPROC_ENV: str(folder)}

    # The same command line: `python -m router_svc` starts a router_svc worker.
    pool = WorkerPool([sys.executable, *sys.orig_argv[1:]], settings.workers, env,
                      grace=settings.shutdown_grace_seconds, on_exit=lambda pid: mark_worker_dead(folder, pid))
    metrics = serve_worker_metrics(name, settings.host, settings.metrics_port, folder, pool)
    log.info(
        "listening",
        extra={"address": f"{settings.host}:{port}", "workers": settings.workers, "health_port": health_port,
               "metrics_port": metrics.port if metrics else None},
    )
    try:
        code = pool.run()
    finally:
        if metrics is not None:
            metrics.close()
        for sock in reserved:
            sock.close()
        shutil.rmtree(folder, ignore_errors=True)
    log.info("stopped", extra={"code": code})
    return code
