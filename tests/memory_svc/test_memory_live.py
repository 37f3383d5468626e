"""LiveService: a conversation and the hand-off queue pushed to watchers from changes
committed on any replica (PostgreSQL LISTEN/NOTIFY), resumed from the last message
seen with no gap and no duplicate, and refused to callers that may not watch."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import grpc
import pytest
from atende.common.v1 import types_pb2
from atende.memory.v1 import live_service_pb2 as live_pb
from atende.memory.v1 import live_service_pb2_grpc as live_grpc
from atende.memory.v1 import memory_service_pb2 as pb
from memory_helpers import Service, close_service, open_service, turn
from test_memory_handoffs import escalate

from memory_svc.settings import Settings

Stream = Any  # grpc.aio.UnaryStreamCall


def live(service: Service) -> live_grpc.LiveServiceStub:
    return live_grpc.LiveServiceStub(service.channel)


def customer(conversation_id: str, user: str = "maria") -> list[tuple[str, str]]:
    return [("x-atende-role", "customer"), ("x-atende-subject", user), ("x-atende-conversation", conversation_id)]


class Reader:
    """Reads a stream in the background: a timed-out wait must not cancel the call
    (cancelling a read of grpc.aio cancels the RPC)."""

    def __init__(self, stream: Stream) -> None:
        self.stream = stream
        self.queue: asyncio.Queue[Any] = asyncio.Queue()
        self.task = asyncio.create_task(self._pump())

    async def _pump(self) -> None:
        try:
            async for event in self.stream:
                await self.queue.put(event)
        except BaseException as error:  # the error is the test's to see
            await self.queue.put(error)

    async def read(self, within: float = 5.0) -> Any:
        item = await asyncio.wait_for(self.queue.get(), within)
        if isinstance(item, BaseException):
            raise item
        return item

    def cancel(self) -> None:
        self.stream.cancel()
        self.task.cancel()


def watch(service: Service, conversation_id: str, after: str = "", **kwargs: Any) -> Reader:
    return Reader(live(service).WatchConversation(
        live_pb.WatchConversationRequest(conversation_id=conversation_id, after_message_id=after), **kwargs))


async def next_event(stream: Reader, within: float = 5.0, *, skip_heartbeats: bool = True) -> live_pb.WatchConversationResponse:
    while True:
        event: live_pb.WatchConversationResponse = await stream.read(within)
        if not (skip_heartbeats and event.WhichOneof("event") == "heartbeat"):
            return event


async def messages(stream: Reader, count: int) -> list[str]:
    """The texts of the next `count` messages (owner and typing events skipped)."""
    texts: list[str] = []
    while len(texts) < count:
        event = await next_event(stream)
        if event.WhichOneof("event") == "message":
            texts.append(event.message.text)
    return texts


async def quiet(stream: Reader, seconds: float = 0.6) -> list[str]:
    """Whatever messages arrive within `seconds` (expected: none)."""
    seen: list[str] = []
    try:
        while True:
            event = await stream.read(seconds)
            if event.WhichOneof("event") == "message":
                seen.append(event.message.text)
    except TimeoutError:
        return seen


async def say(service: Service, conversation_id: str, *texts: str) -> pb.AppendMessagesResponse:
    return await service.memory.AppendMessages(
        turn(conversation_id, [("user", t) for t in texts], agent="support")
    )


async def test_history_then_live_then_resume_without_gaps_or_duplicates(service: Service) -> None:
    await say(service, "c-live", "one", "two")
    stream = watch(service, "c-live")
    first = await next_event(stream)
    assert first.WhichOneof("event") == "owner" and first.owner.kind == types_pb2.OWNER_KIND_AGENT
    assert await messages(stream, 2) == ["one", "two"]
    stored = await say(service, "c-live", "three")
    event = await next_event(stream)
    assert event.message.text == "three" and event.message.message_id == stored.messages[0].message_id
    stream.cancel()
    # Offline: two messages are stored; the client comes back with the last id it showed.
    await say(service, "c-live", "four")
    await say(service, "c-live", "five")
    resumed = watch(service, "c-live", stored.messages[0].message_id)
    assert (await next_event(resumed)).WhichOneof("event") == "owner"
    assert await messages(resumed, 2) == ["four", "five"]
    assert await quiet(resumed) == []
    await say(service, "c-live", "six")
    assert await messages(resumed, 1) == ["six"]
    resumed.cancel()


async def test_a_human_message_on_another_replica_reaches_every_watcher(settings_for: Callable[..., Settings]) -> None:
    watched, other = await open_service(settings_for()), await open_service(settings_for())
    try:
        await escalate(other, "c-multi")
        streams = [watch(watched, "c-multi") for _ in range(3)]
        for stream in streams:
            await messages(stream, 2)
        await other.handoffs.ClaimConversation(pb.ClaimConversationRequest(conversation_id="c-multi", human_id="ana"))
        await other.handoffs.SendHumanMessage(
            pb.SendHumanMessageRequest(conversation_id="c-multi", human_id="ana", text="Oi, aqui é a Ana.")
        )
        for stream in streams:
            kinds: list[str] = []
            while "Oi, aqui é a Ana." not in kinds:
                event = await next_event(stream)
                which = event.WhichOneof("event")
                if which == "owner":
                    kinds.append(f"owner:{event.owner.id}")
                elif which == "message":
                    kinds.append(event.message.text)
            assert "owner:ana" in kinds and kinds.count("Oi, aqui é a Ana.") == 1
            assert await quiet(stream, 0.3) == []
            stream.cancel()
    finally:
        await close_service(other, drop=False)
        await close_service(watched)


async def test_a_customer_watches_only_its_own_conversation(service: Service) -> None:
    await say(service, "c-mine", "hello")
    own = watch(service, "c-mine", metadata=customer("c-mine"))
    assert (await next_event(own)).WhichOneof("event") == "owner"
    own.cancel()
    other = watch(service, "c-other", metadata=customer("c-mine"))
    with pytest.raises(grpc.aio.AioRpcError) as denied:
        await other.read()
    assert denied.value.code() == grpc.StatusCode.PERMISSION_DENIED
    queue = Reader(live(service).WatchHandoffs(live_pb.WatchHandoffsRequest(), metadata=customer("c-mine")))
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await queue.read()
    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.aio.AioRpcError) as typing:
        await live(service).SendTyping(live_pb.SendTypingRequest(conversation_id="c-other", active=True),
                                       metadata=customer("c-mine"))
    assert typing.value.code() == grpc.StatusCode.PERMISSION_DENIED


@pytest.mark.parametrize(
    ("conversation_id", "after", "field"),
    [("bad id", "", "conversation_id"), ("c-x", "not-a-uuid", "after_message_id"),
     ("c-x", "8a0e7c55-5f7e-4c53-9a57-0c5b7f0c0c0c", "after_message_id")],
)
async def test_bad_requests_fail_before_the_first_event(service: Service, conversation_id: str, after: str, field: str) -> None:
    stream = watch(service, conversation_id, after)
    with pytest.raises(grpc.aio.AioRpcError) as error:
        await stream.read()
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT and field in (error.value.details() or "")


async def test_the_queue_is_pushed_on_hand_off_claim_and_hand_back(settings_for: Callable[..., Settings]) -> None:
    watched, other = await open_service(settings_for()), await open_service(settings_for())
    try:
        stream = Reader(live(watched).WatchHandoffs(live_pb.WatchHandoffsRequest(include_claimed=True)))
        first = await stream.read()
        assert list(first.handoffs) == []
        await escalate(other, "c-q")
        queued = await stream.read()
        assert [h.conversation_id for h in queued.handoffs] == ["c-q"]
        assert queued.handoffs[0].packet.reason == "the customer asked for a person"
        assert queued.handoffs[0].owner.kind == types_pb2.OWNER_KIND_HUMAN_QUEUE
        await other.handoffs.ClaimConversation(pb.ClaimConversationRequest(conversation_id="c-q", human_id="bia"))
        claimed = await stream.read()
        assert claimed.handoffs[0].owner.id == "bia"
        await other.handoffs.ReturnConversation(pb.ReturnConversationRequest(conversation_id="c-q", human_id="bia"))
        back = await stream.read()
        assert list(back.handoffs) == []
        stream.cancel()
    finally:
        await close_service(other, drop=False)
        await close_service(watched)


async def test_typing_reaches_the_watchers_and_is_not_stored(service: Service) -> None:
    await say(service, "c-typing", "hi")
    stream = watch(service, "c-typing")
    await messages(stream, 1)
    agent = [("x-atende-role", "agent"), ("x-atende-subject", "ana")]
    await live(service).SendTyping(live_pb.SendTypingRequest(conversation_id="c-typing", active=True), metadata=agent)
    event = await next_event(stream)
    assert event.WhichOneof("event") == "typing"
    assert (event.typing.role, event.typing.name, event.typing.active) == ("human", "ana", True)
    conversation = await service.memory.GetConversation(pb.GetConversationRequest(conversation_id="c-typing"))
    assert len(conversation.conversation.messages) == 1
    stream.cancel()


async def test_heartbeats_keep_an_idle_stream_alive(settings_for: Callable[..., Settings]) -> None:
    service = await open_service(settings_for(live_heartbeat_seconds=0.2))
    try:
        stream = watch(service, "c-idle")
        assert (await next_event(stream)).WhichOneof("event") == "owner"
        beat = await next_event(stream, 2, skip_heartbeats=False)
        assert beat.WhichOneof("event") == "heartbeat" and beat.heartbeat.time.seconds > 0
        # A conversation that did not exist when the watch began: its first turn arrives.
        await say(service, "c-idle", "first")
        assert await messages(stream, 1) == ["first"]
        stream.cancel()
    finally:
        await close_service(service)
