"""The Python client (clients/python) without the stack: its wheel, and its behaviour
against a gRPC server on loopback that fails on purpose (UNAVAILABLE first, then an
answer; every status with its details; a slow answer). The client against the real
stack is tests/e2e/test_client.py."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from concurrent import futures
from pathlib import Path

import grpc
import pytest
from atende.common.v1 import types_pb2
from atende.conversation.v1 import conversation_service_pb2 as cpb
from atende.conversation.v1 import conversation_service_pb2_grpc as cgrpc
from atende_client import AsyncClient, Client, InvalidArgument, ResourceExhausted, Unavailable
from atende_client.chat import Sentences
from atende_client.errors import ERRORS, AtendeError, DeadlineExceeded
from client_venv import CLIENT, DEPENDENCIES, ROOT, WHEEL_COMMAND, Venv, closure, requires
from google.protobuf import any_pb2, duration_pb2
from google.rpc import error_details_pb2, status_pb2
from grpc_status import rpc_status
from packaging.requirements import Requirement


class FlakyConversations(cgrpc.ConversationServiceServicer):
    """Answers UNAVAILABLE to the first `failures` turns, as a restarting router would, and
    records what every call carried. GetConversation answers the status its id names."""

    def __init__(self, failures: int = 1) -> None:
        self.failures = failures
        self.ids: list[str] = []
        self.metadata: list[dict[str, str]] = []
        self.lock = threading.Lock()

    def _arrive(self, request: cpb.SendMessageRequest | cpb.StreamMessageRequest, context: grpc.ServicerContext) -> None:
        with self.lock:
            self.ids.append(request.client_message_id)
            self.metadata.append({k: str(v) for k, v in context.invocation_metadata()})
            failing = len(self.ids) <= self.failures
        if failing:
            context.abort(grpc.StatusCode.UNAVAILABLE, "router_svc is restarting")

    def SendMessage(self, request: cpb.SendMessageRequest, context: grpc.ServicerContext) -> cpb.SendMessageResponse:
        self._arrive(request, context)
        return cpb.SendMessageResponse(conversation_id=request.conversation_id, reply=cpb.Reply(text="Olá!", agent="sales"))

    def StreamMessage(
        self, request: cpb.StreamMessageRequest, context: grpc.ServicerContext
    ) -> Iterator[cpb.StreamMessageResponse]:
        self._arrive(request, context)
        yield cpb.StreamMessageResponse(delta="Olá! ")
        yield cpb.StreamMessageResponse(delta="Tudo bem?")
        yield cpb.StreamMessageResponse(final=cpb.SendMessageResponse(reply=cpb.Reply(text="Olá! Tudo bem?", agent="sales")))

    def GetConversation(self, request: cpb.GetConversationRequest, context: grpc.ServicerContext) -> types_pb2.Conversation:
        if request.conversation_id == "slow":
            time.sleep(2)
            return types_pb2.Conversation()
        with self.lock:
            self.ids.append(request.conversation_id)
        code = grpc.StatusCode[request.conversation_id]
        status = status_pb2.Status(code=code.value[0], message=f"{code.name.lower()} on purpose")
        if code == grpc.StatusCode.INVALID_ARGUMENT:
            bad = error_details_pb2.BadRequest(field_violations=[
                error_details_pb2.BadRequest.FieldViolation(field="user_id", description="is required"),
                error_details_pb2.BadRequest.FieldViolation(field="text", description="is longer than 4000 characters"),
            ])
            status.details.append(_packed(bad))
        if code == grpc.StatusCode.RESOURCE_EXHAUSTED:
            status.details.append(_packed(error_details_pb2.RetryInfo(retry_delay=duration_pb2.Duration(seconds=2))))
        context.abort_with_status(rpc_status.to_status(status))
        raise AssertionError("abort_with_status returns only by raising")


def _packed(message: object) -> any_pb2.Any:
    packed = any_pb2.Any()
    packed.Pack(message)  # type: ignore[arg-type]
    return packed


@pytest.fixture
def fake() -> Iterator[tuple[str, FlakyConversations]]:
    servicer = FlakyConversations()
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    cgrpc.add_ConversationServiceServicer_to_server(servicer, server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    yield f"127.0.0.1:{port}", servicer
    server.stop(grace=None)


def test_a_turn_that_ends_unavailable_is_resent_with_the_same_client_message_id(fake: tuple[str, FlakyConversations]) -> None:
    address, servicer = fake
    servicer.failures = 2
    with Client(address, api_key="k") as client:
        turn = client.send_message("c-1", "oi", user_id="maria")
    assert turn.reply.text == "Olá!"
    assert len(servicer.ids) == 3 and len(set(servicer.ids)) == 1 and servicer.ids[0], servicer.ids


def test_the_callers_client_message_id_is_the_one_resent(fake: tuple[str, FlakyConversations]) -> None:
    address, servicer = fake
    with Client(address) as client:
        client.send_message("c-1", "oi", user_id="maria", client_message_id="order-42")
    assert servicer.ids == ["order-42", "order-42"]


def test_two_turns_get_two_client_message_ids(fake: tuple[str, FlakyConversations]) -> None:
    address, servicer = fake
    servicer.failures = 0
    with Client(address) as client:
        client.send_message("c-1", "oi", user_id="maria")
        client.send_message("c-1", "oi", user_id="maria")
    assert len(set(servicer.ids)) == 2


def test_after_the_retries_the_caller_gets_unavailable(fake: tuple[str, FlakyConversations]) -> None:
    address, servicer = fake
    servicer.failures = 100
    with Client(address, retries=2) as client, pytest.raises(Unavailable, match="restarting"):
        client.send_message("c-1", "oi", user_id="maria")
    assert len(servicer.ids) == 3 and len(set(servicer.ids)) == 1


async def test_the_async_client_resends_a_stream_that_failed_before_its_first_piece(fake: tuple[str, FlakyConversations]) -> None:
    address, servicer = fake
    async with AsyncClient(address, token="jwt-here") as client:
        pieces = [piece async for piece in client.stream_message("c-1", "oi", user_id="maria")]
        turn = await client.send_message("c-2", "oi", user_id="maria")
    assert "".join(p.delta for p in pieces) == pieces[-1].final.reply.text == "Olá! Tudo bem?"
    assert turn.reply.agent == "sales"
    assert servicer.ids[0] == servicer.ids[1] != servicer.ids[2], servicer.ids
    assert all(m["authorization"] == "Bearer jwt-here" for m in servicer.metadata)


def test_the_sync_stream_and_the_credentials(fake: tuple[str, FlakyConversations]) -> None:
    address, servicer = fake
    with Client(address, api_key="key-1", token="jwt-1") as client:
        pieces = list(client.stream_message("c-1", "oi", user_id="maria"))
    assert [p.delta for p in pieces[:-1]] == ["Olá! ", "Tudo bem?"] and pieces[-1].HasField("final")
    assert servicer.metadata[-1]["x-api-key"] == "key-1" and servicer.metadata[-1]["authorization"] == "Bearer jwt-1"
    assert servicer.ids[0] == servicer.ids[1]


def test_address_and_key_come_from_the_environment(fake: tuple[str, FlakyConversations], monkeypatch: pytest.MonkeyPatch) -> None:
    address, servicer = fake
    monkeypatch.setenv("ATENDE_ADDRESS", address)
    monkeypatch.setenv("ATENDE_API_KEY", "from-env")
    with Client() as client:
        client.send_message("c-1", "oi", user_id="maria")
    assert servicer.metadata[-1]["x-api-key"] == "from-env"


@pytest.mark.parametrize("code", [c for c in grpc.StatusCode if c != grpc.StatusCode.OK], ids=lambda c: c.name)
def test_every_status_is_a_typed_exception_with_its_details(fake: tuple[str, FlakyConversations], code: grpc.StatusCode) -> None:
    address, servicer = fake
    with Client(address, retries=0) as client, pytest.raises(AtendeError) as raised:
        client.get_conversation(code.name)
    error = raised.value
    assert type(error) is ERRORS[code] and error.code == code and error.message == f"{code.name.lower()} on purpose"
    assert servicer.ids == [code.name], "only UNAVAILABLE is sent again"
    if isinstance(error, InvalidArgument):
        assert [(v.field, v.description) for v in error.field_violations] == [
            ("user_id", "is required"), ("text", "is longer than 4000 characters")]
        assert "user_id: is required" in str(error)
    if isinstance(error, ResourceExhausted):
        assert error.retry_delay == 2.0


def test_a_call_past_its_deadline_is_deadline_exceeded(fake: tuple[str, FlakyConversations]) -> None:
    address, _ = fake
    started = time.monotonic()
    with Client(address, timeout=5) as client, pytest.raises(DeadlineExceeded):
        client.get_conversation("slow", timeout=0.3)
    assert time.monotonic() - started < 1.5


def test_nothing_answers_is_unavailable_after_the_resends() -> None:
    with Client("127.0.0.1:1", retries=1, timeout=5) as client, pytest.raises(Unavailable):
        client.list_agents()


def test_replies_are_cut_into_sentences_as_they_stream() -> None:
    sentences = Sentences()
    cut = [*sentences.feed("Olá! Temos kits "), *sentences.feed("de 3 kWp. Quer um orç"), *sentences.feed("amento?")]
    assert cut == ["Olá!", "Temos kits de 3 kWp."]
    assert list(sentences.rest()) == ["Quer um orçamento?"]


def test_the_wheel_holds_the_typed_stubs_and_needs_only_grpc_and_protobuf(client_wheel: Path) -> None:
    names = {Requirement(line).name for line in requires(client_wheel)}
    assert names == set(DEPENDENCIES)
    assert closure(DEPENDENCIES) == {"grpcio", "protobuf", "googleapis-common-protos", "typing-extensions"}
    with zipfile.ZipFile(client_wheel) as archive:
        files = set(archive.namelist())
        entry_points = next(archive.read(n).decode() for n in files if n.endswith("entry_points.txt"))
    generated = {str(p.relative_to(ROOT / "gen" / "python")) for p in (ROOT / "gen" / "python" / "atende").rglob("*")
                 if p.is_file() and "__pycache__" not in p.parts}
    assert generated <= files, sorted(generated - files)
    stubs = [name for name in generated if name.endswith("_pb2_grpc.py")]
    assert stubs and all(name + "i" in files for name in stubs), "every _pb2_grpc module ships its .pyi"
    assert {"atende/py.typed", "atende_client/py.typed", "atende_client/client.py", "atende_client/aio.py"} <= files
    assert "atende = atende_client.chat:main" in entry_points
    assert not any(name.startswith(("atende_runtime", "router_svc", "gateway", "devstack")) for name in files)


def test_make_client_builds_it_the_way_the_tests_do() -> None:
    makefile = (ROOT / "Makefile").read_text()
    target = re.search(r"^client: .*?## .*\n((?:\t.*\n)+)", makefile, re.M)
    assert target, "make client has no recipe"
    assert f"$(BIN)/python {' '.join(WHEEL_COMMAND)} build/client ./clients/python" in target.group(1)
    assert "pip install --quiet --no-deps -e clients/python" in makefile
    assert (CLIENT / "atende").resolve() == (ROOT / "gen" / "python" / "atende").resolve(), "one copy of the generated code"


def test_the_installed_wheel_works_without_the_server(client_venv: Venv, tmp_path: Path) -> None:
    probe = (
        "import importlib.util, atende_client, atende.conversation.v1.conversation_service_pb2_grpc\n"
        "print(sorted(n for n in ('atende_runtime', 'router_svc', 'grpc_status', 'grpc_tools')"
        " if importlib.util.find_spec(n)))\n"
    )
    result = subprocess.run([str(client_venv.python), "-c", probe], capture_output=True, text=True,
                            env=client_venv.env(), cwd=tmp_path, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stdout + result.stderr
    usage = subprocess.run([str(client_venv.atende), "chat", "--help"], capture_output=True, text=True,
                           env=client_venv.env(), cwd=tmp_path, timeout=60)
    assert usage.returncode == 0 and "--conversation" in usage.stdout and "--json" in usage.stdout


def test_the_stubs_are_typed_so_mypy_catches_a_wrong_request(tmp_path: Path) -> None:
    """The `_pb2_grpc` stubs carry types (mypy-protobuf's .pyi): a caller's mistake is a
    type error, and the client's own calls type-check as their messages."""
    program = tmp_path / "caller.py"
    program.write_text(
        "import grpc\n"
        "from atende.conversation.v1 import conversation_service_pb2 as cpb\n"
        "from atende.conversation.v1 import conversation_service_pb2_grpc as cgrpc\n"
        "from atende_client import AsyncClient, Client\n\n"
        "async def main(client: Client, aclient: AsyncClient) -> None:\n"
        "    stub = cgrpc.ConversationServiceStub(grpc.insecure_channel('localhost:8080'))\n"
        "    reveal_type(stub.SendMessage(cpb.SendMessageRequest()))\n"
        "    stub.SendMessage(cpb.GetConversationRequest())\n"
        "    reveal_type(client.get_conversation('c'))\n"
        "    reveal_type(await aclient.send_message('c', 't', user_id='u'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--config-file=", str(program)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
        env={**os.environ, "MYPYPATH": os.pathsep.join([str(ROOT / "gen" / "python"), str(CLIENT)])},
    )
    out = result.stdout
    assert 'Revealed type is "atende.conversation.v1.conversation_service_pb2.SendMessageResponse"' in out, out
    assert 'Revealed type is "atende.common.v1.types_pb2.Conversation"' in out, out
    assert out.count("SendMessageResponse") >= 2, out
    assert re.search(r'caller\.py:9: error: Argument 1 to "__call__" .*"GetConversationRequest"', out), out
    assert out.count(": error:") == 1, out
