"""The integrations process killed mid-delivery (SIGKILL, a subprocess running
`python -m integrations_svc`) and restarted: every lead reaches the CRM exactly once
and no accepted job is lost."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import grpc
import pytest
from atende.common.v1 import types_pb2
from atende.integrations.v1 import integrations_service_pb2 as pb
from atende.integrations.v1 import integrations_service_pb2_grpc as pb_grpc
from integrations_support import Db, wait_until
from integrations_vendors import FakeHubSpot
from service_process import ServiceProcess

from devstack.embedded import environ_with


@pytest.fixture
async def crm() -> AsyncIterator[FakeHubSpot]:
    fake = FakeHubSpot()
    await fake.start()
    yield fake
    await fake.close()


async def test_killed_mid_delivery_then_restarted(
    crm: FakeHubSpot, database_url: str, unique_name: str, schemas: list[str], db: Db
) -> None:
    schemas.append(unique_name)
    env = environ_with(
        {
            "DATABASE_URL": database_url,
            "INTEGRATIONS_DB_SCHEMA": unique_name,
            "INTEGRATIONS_CRM_ADAPTER": "hubspot",
            "INTEGRATIONS_HUBSPOT_BASE_URL": crm.server.url,
            "INTEGRATIONS_HUBSPOT_ACCESS_TOKEN": crm.token,
            "INTEGRATIONS_WORKER_CONCURRENCY": "4",
            "INTEGRATIONS_WORKER_POLL_INTERVAL_SECONDS": "0.05",
            "INTEGRATIONS_HTTP_TIMEOUT_SECONDS": "3",
            "INTEGRATIONS_DELIVERY_TIMEOUT_SECONDS": "3.5",
            "INTEGRATIONS_LEASE_SECONDS": "4",
            "INTEGRATIONS_BACKOFF_BASE_SECONDS": "0.05",
            "INTEGRATIONS_BACKOFF_MAX_SECONDS": "0.5",
            "INTEGRATIONS_HEALTH_INTERVAL_SECONDS": "0.2",
            "INTEGRATIONS_SHUTDOWN_GRACE_SECONDS": "2",
        }
    )
    log = Path(tempfile.mkdtemp(prefix="integrations-crash-")) / "service.log"
    service = ServiceProcess("integrations_svc", env, log)
    await service.start()
    try:
        # The CRM records each create, then holds its answer: the process dies after
        # the vendor acted and before the outcome was committed.
        crm.chaos.hold_creates = asyncio.Event()
        emails = {f"crash{i}@example.com" for i in range(10)}
        async with grpc.aio.insecure_channel(service.address) as channel:
            stub: Any = pb_grpc.IntegrationsServiceStub(channel)
            for i, email in enumerate(sorted(emails)):
                lead = types_pb2.Lead(email=email, name=f"Crash {i}", score=80)
                await stub.SyncLead(pb.SyncLeadRequest(lead=lead, idempotency_key=f"crash-{i}"))
        await wait_until(lambda: crm.chaos.held >= 2, 10, 0.01)
        await service.kill()
        crm.chaos.hold_creates.set()

        statuses = await db.statuses()
        assert statuses.get("queued") == 10, statuses  # every accepted job survived the kill
        assert await db.count("SELECT count(*) FROM attempts WHERE finished_at IS NULL") >= 2
        created_before_restart = crm.contact_creates
        assert created_before_restart >= 2

        await service.start()

        async def all_delivered() -> bool:
            return (await db.statuses()) == {"delivered": 10}

        await wait_until(all_delivered, 30, 0.1)
    finally:
        await service.terminate()

    assert sorted(crm.emails()) == sorted(emails), log.read_text()[-3000:]
    assert crm.contact_creates == 10
    # High-score leads also got their deal, once each.
    assert sorted(d["dealname"] for d in crm.deals.values()) == sorted(f"atende lead: {e}" for e in emails)
    interrupted = await db.count("SELECT count(*) FROM attempts WHERE outcome = 'interrupted'")
    assert interrupted >= 2
    assert await db.count("SELECT count(*) FROM attempts WHERE finished_at IS NULL") == 0
