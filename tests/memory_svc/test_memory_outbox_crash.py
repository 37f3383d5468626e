"""memory_svc (`python -m memory_svc`, as the stack runs it) commits a turn that owes
a lead sync while integrations_svc is unreachable, is SIGKILLed, and restarts with
integrations_svc up: the lead reaches the CRM exactly once and ends SYNCED."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import grpc
import redis.asyncio as aioredis
from atende.common.v1 import types_pb2
from atende.memory.v1 import memory_service_pb2 as pb
from atende.memory.v1 import memory_service_pb2_grpc as pb_grpc
from memory_outbox_support import (
    ROOT,
    action_turn,
    drop_schema,
    integrations_serving,
    integrations_settings,
    lead,
    rows,
    send_email,
    sync_lead,
    wait_until,
)
from service_process import ServiceProcess

from devstack.embedded import environ_with, free_port


async def test_a_killed_memory_svc_delivers_after_restart_exactly_once(
    database_url: str, redis_url: str, unique_name: str, tmp_path: Path
) -> None:
    integrations_port = free_port()  # closed until integrations_svc starts below
    integrations_schema = "ti_" + uuid.uuid4().hex[:12]
    env = environ_with({
        "PYTHONPATH": f"{ROOT}:{ROOT / 'gen' / 'python'}",
        "PYTHONUNBUFFERED": "1",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "MEMORY_DB_SCHEMA": unique_name,
        "MEMORY_REDIS_PREFIX": f"{unique_name}:",
        "INTEGRATIONS_ADDR": f"127.0.0.1:{integrations_port}",
        "MEMORY_HEALTH_INTERVAL_SECONDS": "0.2",
        "MEMORY_RETENTION_DAYS": "0",
        "MEMORY_RELAY_POLL_INTERVAL_SECONDS": "0.2",
        "MEMORY_RELAY_BACKOFF_BASE_SECONDS": "0.2",
        "MEMORY_RELAY_BACKOFF_MAX_SECONDS": "1",
        "MEMORY_RELAY_CALL_TIMEOUT_SECONDS": "1",
        "MEMORY_RELAY_LEASE_SECONDS": "3",
    })
    log = tmp_path / "memory.log"
    first = ServiceProcess("memory_svc", env, log)
    second: ServiceProcess | None = None

    async def actions() -> list[dict[str, Any]]:
        return await rows(
            database_url, unique_name,
            "SELECT idempotency_key, kind, status, attempts, last_error, job_id FROM actions ORDER BY seq",
        )

    try:
        await first.start()
        async with grpc.aio.insecure_channel(first.address) as channel:
            response = await pb_grpc.MemoryServiceStub(channel).AppendMessages(
                action_turn("k-1", client_message_id="t1",
                            turn_lead=lead(name="Ana Souza", email="ana@example.com", score=75),
                            actions=[sync_lead(), send_email()])
            )
        assert response.lead.crm_status == types_pb2.CRM_STATUS_PENDING
        keys = [f"{response.messages[-1].message_id}:{i}" for i in range(2)]

        async def tried() -> bool:
            return all(r["attempts"] >= 2 for r in await actions())

        await wait_until(tried)  # the relay keeps trying, and failing
        assert all(r["status"] == "pending" and "UNAVAILABLE" in r["last_error"] for r in await actions())
        await first.kill()

        async with integrations_serving(integrations_settings(database_url, integrations_schema, integrations_port)):
            second = ServiceProcess("memory_svc", env, log)
            await second.start()
            async with grpc.aio.insecure_channel(second.address) as channel:
                leads = pb_grpc.LeadServiceStub(channel)

                async def synced() -> bool:
                    got = await leads.GetLead(pb.GetLeadRequest(lead_id=response.lead.lead_id))
                    return bool(got.crm_status == types_pb2.CRM_STATUS_SYNCED)

                await wait_until(synced, within=30)
                final = await leads.GetLead(pb.GetLeadRequest(lead_id=response.lead.lead_id))

            stored = await actions()
            assert [(r["idempotency_key"], r["status"]) for r in stored] == [(keys[0], "done"), (keys[1], "done")]
            jobs = await rows(database_url, integrations_schema, "SELECT idempotency_key, job_id, status FROM jobs")
            assert sorted(j["idempotency_key"] for j in jobs) == sorted(keys)
            assert {str(j["job_id"]) for j in jobs} == {r["job_id"] for r in stored}
            crm = await rows(database_url, integrations_schema, "SELECT lead_id, email, score, updates FROM local_crm_leads")
            assert [(c["email"], c["score"], c["updates"]) for c in crm] == [("ana@example.com", 75, 1)]
            assert (final.crm_id, final.crm_error) == (str(crm[0]["lead_id"]), "")

            # SIGTERM: the relay stops with the server, and the process exits cleanly.
            await second.terminate()
            assert second.process is not None and second.process.returncode == 0, log.read_text()[-3000:]
    finally:
        await first.terminate()
        if second is not None:
            await second.terminate()
        await drop_schema(database_url, unique_name)
        await drop_schema(database_url, integrations_schema)
        client = aioredis.Redis.from_url(redis_url)
        try:
            keys_left = [key async for key in client.scan_iter(match=f"{unique_name}:*")]
            if keys_left:
                await client.unlink(*keys_left)
        finally:
            await client.aclose()
