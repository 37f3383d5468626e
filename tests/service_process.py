"""A service as the stack starts it (`python -m <service>`), on a fresh port each start,
for the tests that kill one with SIGKILL and start it again."""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from devstack.embedded import free_port

ROOT = Path(__file__).resolve().parent.parent


class ServiceProcess:
    def __init__(self, service: str, env: dict[str, str], log: Path) -> None:
        self.service = service
        # MEMORY_PORT, INTEGRATIONS_PORT…: the port variable of the service's settings.
        self.port_variable = service.removesuffix("_svc").upper() + "_PORT"
        self.env = env
        self.log = log
        self.process: asyncio.subprocess.Process | None = None
        self.port = 0

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    async def start(self, within: float = 30.0) -> None:
        """Starts the service and returns once its health service says SERVING."""
        self.port = free_port()
        with self.log.open("ab") as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", self.service, cwd=str(ROOT), env=self.env | {self.port_variable: str(self.port)},
                stdin=asyncio.subprocess.DEVNULL, stdout=log, stderr=log,
            )
        deadline = time.monotonic() + within
        async with grpc.aio.insecure_channel(self.address) as channel:
            health = health_pb2_grpc.HealthStub(channel)
            while not await self._serving(health):
                if time.monotonic() > deadline:
                    raise AssertionError(f"{self.service} was not serving within {within} s")
                await asyncio.sleep(0.1)

    async def _serving(self, health: health_pb2_grpc.HealthStub) -> bool:
        assert self.process is not None
        if self.process.returncode is not None:
            raise AssertionError(f"{self.service} exited: {self.log.read_text()[-3000:]}")
        try:
            answer = await health.Check(health_pb2.HealthCheckRequest(), timeout=0.5)
        except grpc.aio.AioRpcError:
            return False
        return bool(answer.status == health_pb2.HealthCheckResponse.SERVING)

    async def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()

    async def terminate(self, grace: float = 15.0) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.process.wait(), grace)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
