"""A turn whose reply is shown as it is written. Every piece has passed agent_svc's
output gate before it arrives, a sentence at a time, and nothing is shown once people
hold the conversation in a way that silences the AI (a person took it; or it went to
the queue, where the deployment keeps the AI silent): the turn watches the
conversation's owner (one memory_svc stream for the whole reply, not a question
before every sentence), and memory_svc's fenced append refuses an AI reply in a
conversation people own, whatever the watch saw."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Protocol

from atende.agent.v1 import agent_service_pb2 as apb
from atende.conversation.v1 import conversation_service_pb2 as cpb

from router_svc.domain import CheckedReply, PreparedTurn, silences_ai
from router_svc.ports import AgentPort, MemoryPort
from router_svc.replies import ReplyChecks

log = logging.getLogger("atende.router.streaming")


async def replay_stream(replay: cpb.SendMessageResponse) -> AsyncIterator[cpb.StreamMessageResponse]:
    yield cpb.StreamMessageResponse(delta=replay.reply.text)
    yield cpb.StreamMessageResponse(final=replay)


class OwnerWatch:
    """Follows who owns a conversation while its reply streams. When the watch
    cannot be had (memory_svc restarting), each question asks memory_svc directly,
    as a stream must never talk over a person."""

    def __init__(self, memory: MemoryPort, conversation_id: str, answer_while_queued: bool = False) -> None:
        self.memory = memory
        self.conversation_id = conversation_id
        self.answer_while_queued = answer_while_queued
        self._people = False
        self._seen = asyncio.Event()
        self._broken = False
        self._task = asyncio.create_task(self._follow())

    async def _follow(self) -> None:
        try:
            async for owner in self.memory.watch_owner(self.conversation_id):
                self._people = silences_ai(owner.kind, self.answer_while_queued)
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
            return silences_ai(context.owner.kind, self.answer_while_queued)
        return self._people

    async def close(self) -> None:
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task


class TurnSteps(Protocol):
    """What a streamed turn needs of the turn service (turn.TurnService)."""

    memory: MemoryPort
    agents: AgentPort
    replies: ReplyChecks

    async def agent_request(self, turn: PreparedTurn) -> apb.GenerateReplyRequest: ...

    async def grounded_instead(self, turn: PreparedTurn) -> tuple[PreparedTurn, apb.GenerateReplyResponse] | None: ...

    async def store(
        self, turn: PreparedTurn, checked: CheckedReply, started: float, streamed: str = ""
    ) -> cpb.SendMessageResponse: ...

    async def store_for_people(
        self, turn: PreparedTurn, started: float, interrupted: str = ""
    ) -> cpb.SendMessageResponse: ...


class StreamedTurn:
    def __init__(self, turns: TurnSteps, turn: PreparedTurn, started: float) -> None:
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
            # An out-of-scope message the knowledge base answers: the agent's checked reply, in one piece.
            grounded = await turns.grounded_instead(turn)
            if grounded is not None:
                turn, reply = grounded
                checked = turns.replies.from_agent(turn, reply)
            else:
                checked = turns.replies.router_reply(turn)
            yield cpb.StreamMessageResponse(delta=checked.text)
            yield cpb.StreamMessageResponse(final=await turns.store(turn, checked, self.started))
            return
        watch = OwnerWatch(turns.memory, turn.request.conversation_id, turn.answer_while_queued)
        try:
            async for piece in self._agent_reply(watch):
                yield piece
        finally:
            await watch.close()

    async def _agent_reply(self, watch: OwnerWatch) -> AsyncIterator[cpb.StreamMessageResponse]:
        turns, turn = self.turns, self.turn
        reply = apb.GenerateReplyResponse()
        async for piece in turns.agents.stream(await turns.agent_request(turn)):
            if piece.HasField("final"):
                reply = piece.final
                break
            # Each delta is a checked sentence (or more) that agent_svc's gate released.
            if piece.delta:
                if await watch.people_own():
                    yield await self._taken_over()
                    return
                yield self._show(piece.delta)
        # The reply's checked text is what is stored; a part the stream did not carry
        # (none, normally) is shown now, never text that differs from it.
        shown = "".join(self.sent)
        remainder = reply.text[len(shown) :] if reply.text.startswith(shown) else ""
        if remainder:
            if await watch.people_own():
                yield await self._taken_over()
                return
            yield self._show(remainder)
        checked = turns.replies.from_agent(turn, reply)
        final = await turns.store(turn, checked, self.started, streamed="".join(self.sent))
        yield cpb.StreamMessageResponse(final=final)

    def _show(self, piece: str) -> cpb.StreamMessageResponse:
        self.sent.append(piece)
        return cpb.StreamMessageResponse(delta=piece)

    async def _taken_over(self) -> cpb.StreamMessageResponse:
        final = await self.turns.store_for_people(self.turn, self.started, "".join(self.sent))
        return cpb.StreamMessageResponse(final=final)
