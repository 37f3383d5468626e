"""python -m gateway.guard: the guard's HTTP server (Envoy's ext_authz service)."""

from __future__ import annotations

import asyncio
import signal

from aiohttp import web

from atende_runtime.logs import configure_logging
from gateway.guard.server import build
from gateway.guard.settings import Settings


async def serve(settings: Settings) -> None:
    # Envoy sends the client's path and headers along: as long as the gateway accepts.
    runner = web.AppRunner(await build(settings), access_log=None, max_line_size=65536, max_field_size=65536)
    await runner.setup()
    await web.TCPSite(runner, settings.host, settings.port).start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()
    await runner.cleanup()


def main() -> None:
    settings = Settings()  # type: ignore[call-arg]
    configure_logging("guard", settings.log_level)
    asyncio.run(serve(settings))


if __name__ == "__main__":
    main()
