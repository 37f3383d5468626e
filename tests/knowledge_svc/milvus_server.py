"""A Milvus server protocol peer for the tests: milvus-lite's server mode
(`python -m milvus_lite server --data-dir … --port …`), which speaks Milvus's gRPC
API, in a temporary folder on a free port."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from devstack.embedded import free_port


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


@contextmanager
def milvus_lite_server(folder: Path, startup_seconds: float = 60.0) -> Iterator[str]:
    """Runs the server until the block ends; yields its URI once it accepts connections."""
    port = free_port()
    log_path = folder / "milvus-lite-server.log"
    command = [sys.executable, "-m", "milvus_lite", "server", "--data-dir", str(folder / "data"), "--host", "127.0.0.1",
               "--port", str(port)]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + startup_seconds
        while not _accepts(port):
            if process.poll() is not None:
                raise RuntimeError(f"milvus-lite server exited with {process.returncode}: {log_path.read_text()[-2000:]}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"milvus-lite server did not listen on {port} in {startup_seconds} s")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
