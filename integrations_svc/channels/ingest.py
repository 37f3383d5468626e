"""Group commit for the webhooks: deliveries that arrive together are stored in one
transaction, and each is acknowledged once that transaction has committed.

Why (benchmarks/webhook_bench.py, profiled with py-spy): with one transaction and one
pooled connection per delivery, 50 concurrent senders queued behind each other's WAL
flushes and behind the background turns, which share the event loop and the pool; a
transaction's round trips each waited for a turn of an event loop busy with that
background work (ack p99 of seconds).

Here `writers` threads, each with its own connection and its own small event loop,
take everything that waits and write it with one statement, one round trip (an
INSERT ... ON CONFLICT DO NOTHING: deduplication by the vendor's message id; and the
contacts' windows), committed once. The webhook's handler
waits only for its answer to come back to the server's loop; its 200 still comes only
after its delivery is durably stored.

A batch that fails for a reason of its content is written again one delivery at a
time, so one bad delivery fails alone and not its neighbours; with the database away
every delivery of the batch fails (503: the vendor delivers it again later)."""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass
from typing import Any

from psycopg import AsyncConnection, InterfaceError, OperationalError
from psycopg.rows import dict_row

from integrations_svc.channels.store import ChannelStore, Delivery

log = logging.getLogger("integrations.channels.ingest")


@dataclass
class _Waiting:
    delivery: Delivery
    done: asyncio.Future[int]
    loop: asyncio.AbstractEventLoop

    def answer(self, result: int | Exception) -> None:
        """From a writer thread: the result, on the loop of the waiting handler."""
        try:
            self.loop.call_soon_threadsafe(_settle, self.done, result)
        except RuntimeError:  # that loop is closed: nobody waits any more
            pass


def _settle(future: asyncio.Future[int], result: int | Exception) -> None:
    if future.done():  # the request went away (cancelled): its delivery is stored all the same
        return
    if isinstance(result, Exception):
        future.set_exception(result)
    else:
        future.set_result(result)


class GroupCommit:
    def __init__(self, store: ChannelStore, database_url: str, *, writers: int = 2, max_batch: int = 256) -> None:
        self.store = store
        self.database_url = database_url
        self.max_batch = max_batch
        self._cond = threading.Condition()
        self._queue: list[_Waiting] = []
        self._closing = False
        self._threads = [
            threading.Thread(target=self._run, name=f"channels-ingest-{i}", daemon=True) for i in range(writers)
        ]
        for thread in self._threads:
            thread.start()

    async def store_inbound(self, delivery: Delivery) -> int:
        """Stores one delivery (with the others waiting now); how many of its items were new.
        Returns only after the transaction that holds it has committed."""
        loop = asyncio.get_running_loop()
        waiting = _Waiting(delivery, loop.create_future(), loop)
        with self._cond:
            if self._closing:
                raise OperationalError("the server is stopping")
            self._queue.append(waiting)
            self._cond.notify()
        return await waiting.done

    async def close(self) -> None:
        """Writes what is queued, then stops the writers."""
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        for thread in self._threads:
            await asyncio.to_thread(thread.join)

    # --- the writer threads ---

    def _take(self) -> list[_Waiting] | None:
        with self._cond:
            while not self._queue and not self._closing:
                self._cond.wait()
            if not self._queue:
                return None
            batch, self._queue = self._queue[: self.max_batch], self._queue[self.max_batch:]
            return batch

    def _run(self) -> None:
        # The thread's own loop runs nothing but this writer: blocking in _take() is fine.
        asyncio.run(self._writer())

    async def _writer(self) -> None:
        conn: AsyncConnection[Any] | None = None
        try:
            while (batch := self._take()) is not None:
                try:
                    if conn is None or conn.closed or conn.broken:
                        conn = await AsyncConnection.connect(
                            self.database_url, autocommit=True, row_factory=dict_row, prepare_threshold=1,
                            connect_timeout=5,
                        )
                    counts = await self._commit(conn, [w.delivery for w in batch])
                except Exception as error:
                    await self._failed(conn, batch, error)
                    continue
                for waiting, count in zip(batch, counts, strict=True):
                    waiting.answer(count)
        finally:
            if conn is not None:
                await conn.close()

    async def _commit(self, conn: AsyncConnection[Any], deliveries: list[Delivery]) -> list[int]:
        if any(d.statuses for d in deliveries):
            async with conn.transaction():
                return await self.store.store_deliveries(conn, deliveries)
        # One statement in autocommit: its own transaction, one round trip.
        return await self.store.store_deliveries(conn, deliveries)

    async def _failed(self, conn: AsyncConnection[Any] | None, batch: list[_Waiting], error: Exception) -> None:
        if conn is not None and len(batch) > 1 and _bad_data(error) and not conn.broken:
            log.warning("a batch of deliveries failed; writing them one at a time",
                        extra={"deliveries": len(batch), "error": type(error).__name__})
            for waiting in batch:
                try:
                    waiting.answer((await self._commit(conn, [waiting.delivery]))[0])
                except Exception as alone:
                    waiting.answer(alone)
            return
        log.warning("deliveries could not be stored", extra={"deliveries": len(batch), "error": type(error).__name__})
        for waiting in batch:
            waiting.answer(error)


def _bad_data(error: Exception) -> bool:
    """An error one delivery's content may have caused (a value PostgreSQL refuses, or
    psycopg could not send), not the server being away, which would fail each delivery
    again."""
    if isinstance(error, InterfaceError):
        return False
    if isinstance(error, OperationalError):
        return error.sqlstate is not None and not error.sqlstate.startswith(("08", "53", "57"))
    return True
