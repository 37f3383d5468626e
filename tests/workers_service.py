"""A light service for tests/test_workers.py, started as the real ones are (run_service):

    PIDSVC_WORKERS=2 PIDSVC_PORT=... python tests/workers_service.py

test.Pid/Call sleeps the seconds its request says (text, empty: none) and answers the
pid of the worker that served it. PIDSVC_CRASH=1: every worker fails at start-up.
PIDSVC_FAST_RESTARTS=1: the supervisor restarts (and gives up) within a second or two."""

from __future__ import annotations

import asyncio
import os
from typing import Any

from pydantic_settings import SettingsConfigDict

from atende_runtime import workers
from atende_runtime.main import run_service
from atende_runtime.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="PIDSVC_", extra="ignore")

    crash: bool = False


async def setup(server: Any, settings: Settings) -> Any:
    import grpc

    from atende_runtime.server import Mounted

    if settings.crash:
        raise RuntimeError("this worker fails at start-up, as asked")

    async def call(request: bytes, context: grpc.aio.ServicerContext[bytes, bytes]) -> bytes:
        if request:
            await asyncio.sleep(float(request.decode()))
        return str(os.getpid()).encode()

    async def always() -> bool:
        return True

    handler = grpc.method_handlers_generic_handler("test.Pid", {"Call": grpc.unary_unary_rpc_method_handler(call)})
    server.add_generic_rpc_handlers((handler,))
    return Mounted(["test.Pid"], always)


if __name__ == "__main__":
    if os.environ.get("PIDSVC_FAST_RESTARTS"):
        workers.RESTART_POLICY = workers.RestartPolicy(first_delay=0.05, max_delay=0.2, max_restarts=3, window=30.0)
    run_service("pid_svc", app="__main__:setup", settings="__main__:Settings")
