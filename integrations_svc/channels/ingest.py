"""Group commit for the webhooks: deliveries that arrive together are stored in one
transaction, and each is acknowledged once that transaction has committed.

Why: a durable commit waits for the WAL flush, and with one transaction (and one
pooled connection) per delivery, 50 concurrent senders queued behind each other's
flushes and behind the background turns' use of the shared pool (ack p99 of seconds).
Here a few writer tasks, each with its own connection (a small pool nobody else
uses), take everything that is waiting, write it with one INSERT ... ON CONFLICT DO
NOTHING (deduplication by the vendor's message id) and commit once; the webhook's
200 still comes only after its delivery is durably stored.

A batch that fails for a reason other than the database being away is written again
one delivery at a time, so one bad delivery fails alone and not its neighbours."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from psycopg import Error

from atende_runtime.postgres import Pool
from integrations_svc.channels.store import ChannelStore, Delivery

log = logging.getLogger("integrations.channels.ingest")


@dataclass
class _Waiting:
    delivery: Delivery
    done: asyncio.Future[int] = field(default_factory=lambda: asyncio.get_running_loop().create_future())

    def answer(self, result: int | Exception) -> None:
        if self.done.done():  # the request went away (cancelled): its delivery is stored all the same
            return
        if isinstance(result, Exception):
            self.done.set_exception(result)
        else:
            self.done.set_result(result)


class GroupCommit:
    def __init__(self, store: ChannelStore, pool: Pool, *, writers: int = 2, max_batch: int = 256) -> None:
        self.store = store
        # A pool of `writers` connections for the writers alone: a delivery never
        # waits for a connection that the background work holds.
        self.pool = pool
        self.max_batch = max_batch
        self._queue: list[_Waiting] = []
        self._ready = asyncio.Event()
        self._closing = False
        self._writers = [asyncio.create_task(self._writer(), name=f"channels-ingest-{i}") for i in range(writers)]

    async def store_inbound(self, delivery: Delivery) -> int:
        """Stores one delivery (with the others waiting now); how many of its items were new.
        Returns only after the transaction that holds it has committed."""
        waiting = _Waiting(delivery)
        self._queue.append(waiting)
        self._ready.set()
        return await waiting.done

    async def close(self) -> None:
        """Writes what is queued, then stops the writers."""
        self._closing = True
        self._ready.set()
        await asyncio.gather(*self._writers, return_exceptions=True)
        await self.pool.close()

    async def _writer(self) -> None:
        while True:
            if not self._queue:
                if self._closing:
                    return
                self._ready.clear()
                await self._ready.wait()
                continue
            batch, self._queue = self._queue[: self.max_batch], self._queue[self.max_batch:]
            try:
                counts = await self._commit([w.delivery for w in batch])
            except Exception as error:
                await self._failed(batch, error)
                continue
            for waiting, count in zip(batch, counts, strict=True):
                waiting.answer(count)

    async def _failed(self, batch: list[_Waiting], error: Exception) -> None:
        if len(batch) > 1 and _bad_data(error):
            log.warning("a batch of deliveries failed; writing them one at a time",
                        extra={"deliveries": len(batch), "error": type(error).__name__})
            for waiting in batch:
                try:
                    waiting.answer((await self._commit([waiting.delivery]))[0])
                except Exception as alone:
                    waiting.answer(alone)
            return
        for waiting in batch:
            waiting.answer(error)

    async def _commit(self, deliveries: list[Delivery]) -> list[int]:
        async with self.pool.connection() as conn, conn.transaction():
            return await self.store.store_deliveries(conn, deliveries)


def _bad_data(error: Exception) -> bool:
    """An error one delivery's content may have caused (not the server being away,
    which would fail each delivery again)."""
    state = error.sqlstate if isinstance(error, Error) else None
    return isinstance(error, Error) and state is not None and not state.startswith(("08", "53", "57"))
