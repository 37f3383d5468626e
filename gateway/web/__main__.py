"""python -m gateway.web: the web chat's and the console's server (behind the gateway)."""

from __future__ import annotations

import asyncio
import signal

from aiohttp import web

from atende_runtime.logs import configure_logging
from gateway.web.server import build
from gateway.web.settings import Settings


async def serve(settings: Settings) -> None:
    runner = web.AppRunner(build(settings), access_log=None)
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
    configure_logging("web", settings.log_level)
    asyncio.run(serve(settings))


if __name__ == "__main__":
    main()
