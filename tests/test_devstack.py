"""The local launcher's supervisor on real processes: a process that exits is started
again after its backoff, the others are left alone, and one that keeps dying makes
the supervisor give up. The clock is the test's, so backoffs take no time."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from devstack.embedded import free_port
from devstack.supervisor import GaveUp, Supervisor

SLEEPER = [sys.executable, "-c", "import time; time.sleep(120)"]


class Processes:
    """Two long-running processes and the respawn a Stack offers."""

    def __init__(self) -> None:
        self.processes: dict[str, subprocess.Popen[bytes]] = {name: subprocess.Popen(SLEEPER) for name in ("a", "b")}
        self.respawned: list[str] = []

    def respawn(self, name: str) -> None:
        self.processes[name] = subprocess.Popen(SLEEPER)
        self.respawned.append(name)

    def crash(self, name: str) -> None:
        self.processes[name].kill()
        self.processes[name].wait()

    def close(self) -> None:
        for process in self.processes.values():
            process.kill()
            process.wait()


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def stack() -> Iterator[Processes]:
    processes = Processes()
    yield processes
    processes.close()


def test_a_dead_process_is_restarted_after_its_backoff_and_the_others_keep_running(stack: Processes) -> None:
    clock, lines = Clock(), []
    supervisor = Supervisor(stack, first_delay=0.5, clock=clock, log=lines.append)
    untouched = stack.processes["b"].pid
    stack.crash("a")

    assert supervisor.check() == []  # noticed, backoff starts
    clock.now += 0.4
    assert supervisor.check() == []
    clock.now += 0.2
    assert supervisor.check() == ["a"]

    assert stack.processes["a"].poll() is None
    assert stack.processes["b"].pid == untouched and stack.respawned == ["a"]
    assert lines[0] == "a exited with code -9; restarting in 0.5 s" and lines[1].startswith("a restarted (pid ")


def test_the_backoff_doubles_while_a_process_keeps_dying_then_the_supervisor_gives_up(stack: Processes) -> None:
    clock, lines = Clock(), []
    supervisor = Supervisor(stack, first_delay=0.5, max_restarts=3, window=60, clock=clock, log=lines.append)
    for delay in (0.5, 1.0, 2.0):
        stack.crash("a")
        supervisor.check()
        clock.now += delay
        assert supervisor.check() == ["a"]
    stack.crash("a")
    with pytest.raises(GaveUp, match="a exited with code -9 after 3 restarts within 60 s"):
        supervisor.check()
    assert [line.split("; ")[1] for line in lines if "restarting in" in line] == [
        "restarting in 0.5 s", "restarting in 1.0 s", "restarting in 2.0 s"]


def test_restarts_older_than_the_window_are_forgiven(stack: Processes) -> None:
    clock = Clock()
    supervisor = Supervisor(stack, first_delay=0.5, max_restarts=1, window=60, clock=clock, log=lambda line: None)
    stack.crash("a")
    supervisor.check()
    clock.now += 0.5
    assert supervisor.check() == ["a"]
    clock.now += 61  # up for longer than the window: the next crash starts over
    stack.crash("a")
    supervisor.check()
    clock.now += 0.5
    assert supervisor.check() == ["a"]


def test_a_launched_process_dies_with_its_launcher_even_when_the_launcher_is_killed() -> None:
    # The launcher spawns the way the stack does (no preexec_fn, so subprocess can vfork:
    # see die_with_parent), prints its child's pid, then waits to be SIGKILLed.
    launcher = subprocess.Popen(
        [sys.executable, "-c",
         "import subprocess, sys, time\n"
         "from devstack.stack import die_with_parent\n"
         f"child = subprocess.Popen(die_with_parent({SLEEPER!r}))\n"
         "print(child.pid, flush=True)\n"
         "time.sleep(120)"],
        stdout=subprocess.PIPE,
    )
    assert launcher.stdout is not None
    child = int(launcher.stdout.readline())
    launcher.kill()
    launcher.wait()
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child), "the child outlived its launcher"


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_free_ports_are_distinct_bindable_and_outside_the_kernels_ephemeral_range() -> None:
    # A port the kernel hands out for port 0 may be handed to an outgoing connection before
    # the server binds it (Envoy then failed its start-up with "Address already in use").
    low, high = (int(n) for n in Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split())
    ports = [free_port() for _ in range(50)]
    assert len(set(ports)) == len(ports), "no port is handed out twice"
    assert not [port for port in ports if low <= port <= high], "no port from the ephemeral range"
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", ports[-1]))  # and it is free to bind
