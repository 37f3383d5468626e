"""Keeps the local stack up: a service (or Envoy) that exits is started again after
a backoff that doubles with each restart inside a window (0.5 s, 1 s, 2 s … up to
30 s), while the rest keeps serving. A process that keeps dying (max_restarts within
the window) cannot be kept up: the supervisor gives up and `make run` exits non-zero.
In Kubernetes the kubelet does this job; here it is ours."""

from __future__ import annotations

import subprocess
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol


class Restartable(Protocol):
    """What the supervisor needs of a stack (devstack.stack.Stack)."""

    @property
    def processes(self) -> Mapping[str, subprocess.Popen[bytes]]: ...

    def respawn(self, name: str) -> None:
        """Starts process `name` again without waiting for it to serve."""
        ...


class GaveUp(RuntimeError):
    """A process died too often to be kept up."""


@dataclass
class _Record:
    # When it was restarted, within the window.
    restarts: deque[float] = field(default_factory=deque)
    # When the pending restart is due; None while it runs.
    due: float | None = None


class Supervisor:
    def __init__(
        self,
        stack: Restartable,
        *,
        first_delay: float = 0.5,
        max_delay: float = 30.0,
        max_restarts: int = 5,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        log: Callable[[str], None] = print,
    ) -> None:
        self.stack = stack
        self.first_delay = first_delay
        self.max_delay = max_delay
        self.max_restarts = max_restarts
        self.window = window
        self.clock = clock
        self.log = log
        self._records: dict[str, _Record] = {}

    def check(self) -> list[str]:
        """One look at every process: schedules a restart for one that exited, restarts
        those whose backoff is over; returns their names. Raises GaveUp."""
        now = self.clock()
        restarted: list[str] = []
        for name, process in list(self.stack.processes.items()):
            if process.poll() is None:
                continue
            record = self._records.setdefault(name, _Record())
            if record.due is None:
                record.due = now + self._delay(name, process.returncode, record, now)
            elif now >= record.due:
                self.stack.respawn(name)
                record.restarts.append(now)
                record.due = None
                restarted.append(name)
                self.log(f"{name} restarted (pid {self.stack.processes[name].pid})")
        return restarted

    def _delay(self, name: str, code: int | None, record: _Record, now: float) -> float:
        while record.restarts and now - record.restarts[0] > self.window:
            record.restarts.popleft()
        if len(record.restarts) >= self.max_restarts:
            raise GaveUp(
                f"{name} exited with code {code} after {len(record.restarts)} restarts within "
                f"{self.window:.0f} s; giving up"
            )
        delay: float = min(self.max_delay, self.first_delay * 2.0 ** len(record.restarts))
        self.log(f"{name} exited with code {code}; restarting in {delay:.1f} s")
        return delay
