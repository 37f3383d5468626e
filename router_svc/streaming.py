"""A turn whose reply is shown as it is written. Every piece passes the output
gate before it leaves, a sentence at a time, and nothing is shown once a person
has taken the conversation: the turn watches the conversation's owner (one
memory_svc stream for the whole reply, not a question before every sentence),
and memory_svc's fenced append refuses an AI reply in a conversation people own,
whatever the watch saw."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from atende.agent.v1 import agent_service_pb2 as apb
from atende.conversation.v1 import conversation_service_pb2 as cpb

from router_svc.domain import PEOPLE, PreparedTurn
from router_svc.ports import MemoryPort
from router_svc.replies import evidence

if TYPE_CHECKING:
    from router_svc.turn import TurnService

log = logging.getLogger("atende.router.streaming")


async def replay_stream(replay: cpb.SendMessageResponse) -> AsyncIterator[cpb.StreamMessageResponse]:
    yield cpb.StreamMessageResponse(delta=replay.reply.text)
    yield cpb.StreamMessageResponse(final=replay)


class OwnerWatch:
    """Follows who owns a conversation while its reply streams. When the watch
    cannot be had (memory_svc restarting), each question asks memory_svc directly,
    as a stream must never talk over a person."""

    def __init__(self, memory: MemoryPort, conversation_id: str) -> None:
        self.memory = memory
        self.conversation_id = conversation_id
        self._people = False
        self._seen = asyncio.Event()
        self._broken = False
        self._task = asyncio.create_task(self._follow())

    async def _follow(self) -> None:
        try:
            async for owner in self.memory.watch_owner(self.conversation_id):
                self._people = owner.kind in PEOPLE
                self._seen.set()
        except asyncio.CancelledError:
            raise
        except Exception as error:
            log.info("owner watch unavailable; asking memory_svc instead",
                     extra={"conversation_id": self.conversation_id, "error": str(error)[:200]})
        # The stream ended or failed: from now on, ask.
        self._broken = True
        self._seen.set()

    async def people_own(self) -> bool:
        # The first answer arrives while the agent is still writing its first sentence.
        await self._seen.wait()
        if self._broken:
            context = await self.memory.get_context(self.conversation_id, 1)
            return context.owner.kind in PEOPLE
        return self._people

    async def close(self) -> None:
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task


class StreamedTurn:
    def __init__(self, turns: TurnService, turn: PreparedTurn, started: float) -> None:
        self.turns = turns
        self.turn = turn
        self.started = started
        self.sent: list[str] = []

    async def run(self) -> AsyncIterator[cpb.StreamMessageResponse]:
        turns, turn = self.turns, self.turn
        if turn.held_by_people:
            yield cpb.StreamMessageResponse(final=await turns.store_for_people(turn, self.started))
            return
        if turn.answered_by_router:
            checked = turns.replies.router_reply(turn)
            yield cpb.StreamMessageResponse(delta=checked.text)
            yield cpb.StreamMessageResponse(final=await turns.store(turn, checked, self.started))
            return
        watch = OwnerWatch(turns.memory, turn.request.conversation_id)
        try:
            async for piece in self._agent_reply(watch):
                yield piece
        finally:
            await watch.close()

    async def _agent_reply(self, watch: OwnerWatch) -> AsyncIterator[cpb.StreamMessageResponse]:
        turns, turn = self.turns, self.turn
        gate = turns.replies.gate(turn)
        reply = apb.GenerateReplyResponse()
        async for piece in turns.agents.stream(await turns.agent_request(turn)):
            if piece.HasField("final"):
                reply = piece.final
                break
            if piece.delta:
                pieces = await asyncio.to_thread(gate.feed, piece.delta)
                if pieces and await watch.people_own():
                    yield await self._taken_over()
                    return
                for checked_piece in pieces:
                    yield self._show(checked_piece)
        # Text the agent put only in the final message (none, normally) still goes through the gate.
        remainder = reply.text[len(gate.fed) :] if reply.text.startswith(gate.fed) else ""
        tail = await asyncio.to_thread(gate.feed, remainder) if remainder else []
        tail += await asyncio.to_thread(gate.finish, evidence(reply))
        if tail and await watch.people_own():
            yield await self._taken_over()
            return
        for checked_piece in tail:
            yield self._show(checked_piece)
        checked = turns.replies.checked(turn, reply, gate)
        final = await turns.store(turn, checked, self.started, streamed="".join(self.sent))
        yield cpb.StreamMessageResponse(final=final)

    def _show(self, piece: str) -> cpb.StreamMessageResponse:
        self.sent.append(piece)
        return cpb.StreamMessageResponse(delta=piece)

    async def _taken_over(self) -> cpb.StreamMessageResponse:
        final = await self.turns.store_for_people(self.turn, self.started, "".join(self.sent))
        return cpb.StreamMessageResponse(final=final)
