"""Reflection through the gateway describes the public API only: router_svc answers it
from a pool of the public methods and the types they reach (atende_runtime.reflection)."""

from __future__ import annotations

import pytest
from google.protobuf import descriptor_pool
from grpc_health.v1 import health
from grpc_reflection.v1alpha import reflection

from atende_runtime.reflection import is_public, public_pool
from router_svc.app import PUBLIC_SERVICES, SERVICE_NAME

NAMES = [SERVICE_NAME, *PUBLIC_SERVICES, health.SERVICE_NAME, reflection.SERVICE_NAME]


def test_the_public_pool_holds_public_methods_and_what_they_use_only() -> None:
    pool = public_pool(NAMES)
    full = descriptor_pool.Default()
    for name in NAMES:
        kept = pool.FindServiceByName(name)
        original = full.FindServiceByName(name)
        expected = [m.name for m in original.methods if is_public(m) or not name.startswith("atende.")]
        assert [m.name for m in kept.methods] == expected
        for method in kept.methods:  # every type a public method uses resolves, with its fields
            for message in (method.input_type, method.output_type):
                assert [f.name for f in message.fields] == [f.name for f in full.FindMessageTypeByName(
                    message.full_name).fields]
    assert "UpsertLead" not in [m.name for m in pool.FindServiceByName("atende.memory.v1.LeadService").methods]
    for internal in ("atende.memory.v1.MemoryService", "atende.memory.v1.AppendMessagesRequest",
                     "atende.memory.v1.RecordAuditEventsRequest", "atende.agent.v1.GenerateReplyRequest",
                     "atende.integrations.v1.IntegrationsService"):
        with pytest.raises(KeyError):
            pool.FindFileContainingSymbol(internal)
    # The options our contracts carry still parse: the access option's enum is there.
    pool.FindEnumTypeByName("atende.common.v1.Access")
    # A type internal RPCs share is public once a public response holds it: the LGPD
    # export shows a person's outbox actions (SubjectAction.action).
    pool.FindMessageTypeByName("atende.common.v1.AgentAction")
