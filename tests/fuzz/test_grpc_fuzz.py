"""Every gRPC method of every service, called on the service's own port with
random bytes and random messages: never UNKNOWN, INTERNAL, DATA_LOSS,
UNAVAILABLE or RESOURCE_EXHAUSTED, and no Python internals in a message."""

from __future__ import annotations

import grpc
import pytest
from hypothesis import given

from .surface import GrpcCall, GrpcMethod, Tally, call_grpc, grpc_calls, grpc_methods

pytestmark = pytest.mark.e2e

METHODS = grpc_methods()


def test_the_methods_come_from_the_descriptor_set() -> None:
    processes = {method.process for method in METHODS}
    assert processes == {"router_svc", "agent_svc", "memory_svc", "knowledge_svc", "integrations_svc"}


@pytest.mark.parametrize("method", METHODS, ids=lambda method: method.path)
def test_random_requests_never_get_a_server_error(method: GrpcMethod, channels: dict[str, grpc.Channel], tally: Tally) -> None:
    @given(grpc_calls(method))
    def attack(call: GrpcCall) -> None:
        problems = call_grpc(channels, method, call, tally)
        assert not problems, "\n".join(problems)

    attack()
