"""Migrations run twice and concurrently; every query the service runs has an index;
the retention job deletes what is past the period, by itself."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
from atende.memory.v1 import memory_service_pb2 as pb
from memory_helpers import Service, close_service, open_service, turn
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from atende_runtime.postgres import open_pool
from memory_svc.settings import Settings
from memory_svc.store import MIGRATIONS, PostgresStore


async def test_migrations_twice_and_from_two_replicas_at_once(database_url: str, unique_name: str) -> None:
    pools = [await open_pool(database_url, min_size=1, max_size=2) for _ in range(2)]
    try:
        stores = [PostgresStore(pool, unique_name) for pool in pools]
        results = await asyncio.gather(*(store.migrate() for store in stores))
        versions = len(list(MIGRATIONS.glob("*.sql")))
        assert versions >= 2
        assert sorted(len(applied) for applied in results) == [0, versions]  # one replica did it all
        assert await stores[0].migrate() == []
        async with pools[0].connection() as conn:
            cursor = await conn.execute(
                f"SELECT count(*) AS n FROM {unique_name}.schema_migrations".encode()  # type: ignore[arg-type]
            )
            row: Any = await cursor.fetchone()
            assert row["n"] == versions
    finally:
        async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
            await conn.execute(f"DROP SCHEMA IF EXISTS {unique_name} CASCADE".encode())
        for pool in pools:
            await pool.close()


_APPEND = {
    "cid": "c", "user_id": "u", "channel": "web", "agent": "", "cmid": "k", "n": 1,
    "req_kinds": ["agent"], "req_id": "", "new_kind": "", "new_id": "", "packet": None,
    "i_on": True, "i_id": str(uuid.uuid4()), "i_input": "oi", "i_response": "olá", "i_agent": "sales",
    "i_metadata": Jsonb({}),
    "rows": Jsonb([{"message_id": str(uuid.uuid4()), "role": "user", "text": "oi", "agent": "", "intent": None,
                    "metadata": {}, "citations": [], "guardrails": [], "pos": 0}]),
    "l_on": True, "l_id": str(uuid.uuid4()), "l_name": "Ana", "l_email": "", "l_phone": "", "l_company": "",
    "l_score": 10, "l_budget": "", "l_authority": "", "l_need": "", "l_timeline": "", "l_sync": str(uuid.uuid4()),
    "a_ids": [str(uuid.uuid4())], "a_keys": ["m:0"], "a_kinds": ["sync_lead"], "a_payloads": [b"\x0a\x00"], "a_trace": "",
}
_ACTION_OUTCOME = {
    "id": str(uuid.uuid4()), "token": str(uuid.uuid4()), "status": "done", "job_id": "j", "attempted": 1,
    "error": "", "next": datetime.now(UTC), "crm_status": "synced", "crm_id": "crm-1", "crm_error": "",
}
_AUDIT_PAGE = {
    "since": datetime(1, 1, 1, tzinfo=UTC), "until": datetime.now(UTC), "actor": "ana", "resource": "c1",
    "action": "", "outcome": "", "after_time": datetime.now(UTC), "after_id": str(uuid.uuid4()), "limit": 51,
}
# Sample parameters for each query of the store, to EXPLAIN them.
_SAMPLES: dict[str, Any] = {
    "append": _APPEND,
    "append_existing": _APPEND,
    "owner": ("c",),
    "turn": ("c", "k"),
    "conversation_with_messages": ("c",),
    "window": (20, "c"),
    "summary_sources": {"cid": "c", "upto": 10, "recent": 41},
    "list_handoffs": {
        "queue": "default", "claimed": True, "after_time": datetime.now(UTC), "after_id": "c", "limit": 21,
    },
    "list_conversations_first": ("u", 21),
    "list_conversations_after": ("u", datetime.now(UTC), "c", 21),
    "insert_interaction": None,
    "upsert_lead": None,  # unique index on user_id by construction
    "lead_by_id": (str(uuid.uuid4()),),
    "lead_by_user": ("u",),
    "list_leads": {"min": 0, "max": 100, "last_score": 101, "last_id": str(uuid.UUID(int=0)), "limit": 21},
    "list_leads_status": {
        "status": "new", "min": 0, "max": 100, "last_score": 50, "last_id": str(uuid.UUID(int=0)), "limit": 21,
    },
    "subject_conversation_ids": ("u",),
    "delete_messages": (["c1", "c2"],),
    "delete_conversations": (["c1", "c2"],),
    "delete_leads": ("u",),
    "delete_interactions": ("u", ["c1", "c2"]),
    "export_conversations": ("u",),
    "export_messages": ("u",),
    "export_leads": ("u",),
    "export_interactions": ("u", ["c1"]),
    "expire_conversations": (datetime.now(UTC), 500),
    "expire_interactions": (datetime.now(UTC), 500),
    "delete_actions": ("u",),
    "expire_actions": (datetime.now(UTC), 500),
    "claim_actions": {
        "now": datetime.now(UTC), "lease_until": datetime.now(UTC), "limit": 32, "token": str(uuid.uuid4()),
    },
    "update_action": _ACTION_OUTCOME,
    "finish_action": _ACTION_OUTCOME,
    "insert_audit_events": None,
    "list_audit_events": _AUDIT_PAGE,
    "list_audit_events_by_actor": _AUDIT_PAGE,
    "list_audit_events_by_resource": _AUDIT_PAGE,
    "expire_audit_events": (datetime.now(UTC), 500),
    # LGPD: the erasure and its receipt.
    "subject_actions_lock": ("u",),
    "export_actions": ("u",),
    "insert_erasure": None,
    "insert_steps": None,
    "insert_erase_action": None,
    "erasure": (str(uuid.uuid4()),),
    "erasures_of_user": ("u",),
    "upsert_step": None,
    "drop_step": (str(uuid.uuid4()), "crm"),
    "note_steps": {"id": str(uuid.uuid4()), "detail": "d", "outcome": "pending"},
    "cache_swept": {"id": str(uuid.uuid4()), "detail": "d"},
    # LiveService: where a resuming watcher left off, and what it has not seen.
    "live_seq_of": ("c", str(uuid.uuid4())),
    "live_messages_after": ("c", 3, 200),
    "live_notify": None,  # no table
}


async def test_every_query_has_an_index(service: Service) -> None:
    store = service.app.store
    assert store is not None
    assert set(_SAMPLES) == set(store.q), "a new query needs a sample here"
    async with await psycopg.AsyncConnection.connect(
        service.settings.database_url, autocommit=True, row_factory=dict_row
    ) as conn:
        # On empty tables a sequential scan is cheapest; forbid it to see which index serves.
        await conn.execute("SET enable_seqscan = off")
        for name, params in _SAMPLES.items():
            if params is None:
                continue
            async with conn.transaction():
                cursor = await conn.execute(("EXPLAIN " + store.q[name]).encode(), params)
                plan = "\n".join(str(next(iter(r.values()))) for r in await cursor.fetchall())
                assert "Seq Scan" not in plan, f"{name} scans a whole table:\n{plan}"
                raise psycopg.Rollback()


async def test_retention_job_runs_by_itself(settings_for: Callable[..., Settings]) -> None:
    service = await open_service(settings_for(retention_days=30, retention_interval_seconds=0.2))
    try:
        for cid in ("old", "recent"):
            await service.memory.AppendMessages(turn(cid, [("user", "oi"), ("assistant", "olá")]))
            await service.memory.RecordInteraction(
                pb.RecordInteractionRequest(interaction=pb.Interaction(conversation_id=cid, user_id="u1"))
            )
        await service.sql(
            "UPDATE conversations SET update_time = now() - interval '31 days' WHERE conversation_id = 'old'"
        )
        await service.sql(
            "UPDATE interactions SET create_time = now() - interval '31 days' WHERE conversation_id = 'old'"
        )
        prefix = service.settings.redis_prefix.encode()
        assert prefix + b"c2:old:m" in await service.keys()

        deadline = time.monotonic() + 10
        while await service.sql("SELECT 1 FROM conversations WHERE conversation_id = 'old'"):
            assert time.monotonic() < deadline, "the retention job did not run"
            await asyncio.sleep(0.1)
        assert await service.sql("SELECT count(*) FROM messages WHERE conversation_id = 'old'") == [(0,)]
        assert await service.sql("SELECT conversation_id FROM interactions") == [("recent",)]
        assert await service.sql("SELECT conversation_id FROM conversations") == [("recent",)]
        await asyncio.sleep(0.1)
        keys = await service.keys()
        assert prefix + b"c2:old:m" not in keys and prefix + b"c2:recent:m" in keys

        # run_once, as an operator or a test would call it.
        assert service.app.retention is not None
        later = datetime.now(UTC) + timedelta(days=31)
        result = await service.app.retention.run_once(now=later)
        if result.ran:  # unless the background run held the lock just then
            assert (result.conversations, result.interactions) == (1, 1)
    finally:
        await close_service(service)
