"""python -m integrations_svc.channels: the channels' webhook server.

python -m integrations_svc.channels opt-in --address 5511999990000 --source "site form 2025-03-01"
records a WhatsApp opt-in gathered elsewhere (a form, a contract), before any
business-initiated message; `opt-out` likewise."""

from __future__ import annotations

import argparse
import asyncio
import signal

from aiohttp import web

from atende_runtime.logs import configure_logging
from atende_runtime.metrics import serve_metrics
from atende_runtime.postgres import open_pool
from integrations_svc.channels.app import open_channels
from integrations_svc.channels.engine import email_user, utcnow, whatsapp_ids
from integrations_svc.channels.grpc_ports import LiveConversations, RouterTurns
from integrations_svc.channels.settings import ChannelSettings
from integrations_svc.channels.store import ChannelStore
from integrations_svc.pg_store import PostgresStore


async def serve(settings: ChannelSettings) -> None:
    serve_metrics("channels", settings.host, settings.metrics_port)
    turns = RouterTurns(settings.router_addr, settings.turn_timeout_seconds)
    live = LiveConversations(settings.memory_addr)
    channels = await open_channels(settings, turns, live)
    runner = web.AppRunner(channels.app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, settings.host, settings.port).start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()
    await runner.cleanup()
    await channels.close()
    await turns.close()
    await live.close()


async def consent(settings: ChannelSettings, kind: str, channel: str, address: str, source: str) -> None:
    pool = await open_pool(settings.database_url, min_size=1, max_size=2, name="channels-cli")
    try:
        await PostgresStore(pool, settings.db_schema).migrate()
        store = ChannelStore(pool, settings.db_schema)
        if channel == "whatsapp":
            user_id, conversation_id = whatsapp_ids(address)
        else:
            user_id, conversation_id = email_user(address.lower()), ""
        await store.ensure_contact(channel, address, user_id, conversation_id, utcnow())
        await store.record_consent(channel, address, kind, source, utcnow())
    finally:
        await pool.close()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m integrations_svc.channels")
    sub = parser.add_subparsers(dest="command")
    for name in ("opt-in", "opt-out"):
        cmd = sub.add_parser(name, help=f"record a customer's {name} (consent) gathered elsewhere")
        cmd.add_argument("--channel", choices=("whatsapp", "email"), default="whatsapp")
        cmd.add_argument("--address", required=True, help="the WhatsApp id (digits) or the e-mail address")
        cmd.add_argument("--source", required=True, help="where the consent was given (kept with it)")
    args = parser.parse_args()
    settings = ChannelSettings()
    configure_logging("channels", settings.log_level)
    if args.command in ("opt-in", "opt-out"):
        if args.channel == "whatsapp" and not args.address.isdigit():
            parser.error("--address: a WhatsApp id is digits only (country code first)")
        asyncio.run(consent(settings, args.command.replace("-", "_"), args.channel, args.address, args.source))
        print(f"{args.command} recorded for {args.channel} {args.address}")
        return
    import sys

    import uvloop

    # The group commit's writer threads (ingest.py) wait for the GIL at each step of a
    # transaction; with the default 5 ms switch interval an acknowledgement waited tens
    # of ms for it behind the HTTP handling.
    sys.setswitchinterval(0.0005)

    # uvloop's event loop, as the gRPC services (atende_runtime/main.py): the webhooks'
    # HTTP handling costs less CPU on it, which the acknowledgements' latency feels.
    uvloop.run(serve(settings))


if __name__ == "__main__":
    main()
