"""Start-up: the PostgreSQL pool and migrations, the Redis hot tier, the five gRPC
services, the audit trail, the retention job and the outbox relay."""

from __future__ import annotations

import logging

import grpc
from atende.memory.v1 import audit_service_pb2 as audit_pb
from atende.memory.v1 import live_service_pb2 as live_pb
from atende.memory.v1 import memory_service_pb2 as pb

from atende_runtime.audit import Auditor, AuditQueue
from atende_runtime.metrics import GaugeSampler
from atende_runtime.postgres import open_pool, ping
from atende_runtime.server import Mounted
from atende_runtime.service import register
from memory_svc import metrics
from memory_svc.audit import AUDITED, AuditServicer, AuditTrail
from memory_svc.cache import RedisCache
from memory_svc.handoffs import Handoffs
from memory_svc.integrations_client import GrpcIntegrations
from memory_svc.live import Live
from memory_svc.live_servicer import LiveServicer
from memory_svc.owners import OwnerChanges
from memory_svc.paging import PageTokens
from memory_svc.relay import Relay
from memory_svc.retention import RetentionJob
from memory_svc.service import Memory
from memory_svc.servicer import HandoffServicer, LeadServicer, MemoryServicer, SubjectServicer
from memory_svc.settings import Settings
from memory_svc.store import PostgresStore

log = logging.getLogger("memory_svc")

SERVICES = ("MemoryService", "LeadService", "SubjectService", "HandoffService")
# Health name of the Redis hot tier: NOT_SERVING while memory_svc runs degraded on
# PostgreSQL alone (the service names stay SERVING).
CACHE_HEALTH_NAME = "atende.memory.v1.MemoryService/cache"
SERVICE_NAMES = [
    *(pb.DESCRIPTOR.services_by_name[name].full_name for name in SERVICES),
    audit_pb.DESCRIPTOR.services_by_name["AuditService"].full_name,
    live_pb.DESCRIPTOR.services_by_name["LiveService"].full_name,
]


class MemoryApp:
    """The running service's parts, so tests and the benchmark can look inside
    (the `degraded` flag, the retention job) while the server runs."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store: PostgresStore | None = None
        self.cache: RedisCache | None = None
        self.memory: Memory | None = None
        self.retention: RetentionJob | None = None
        self.relay: Relay | None = None
        self.audit: AuditQueue | None = None
        self.live: Live | None = None
        self._reported_degraded = False

    @property
    def degraded(self) -> bool:
        """True while Redis is unavailable: still serving, from PostgreSQL alone."""
        return self.cache is not None and self.cache.degraded

    async def mount(self, server: grpc.aio.Server) -> Mounted:
        s = self.settings
        pool = await open_pool(
            s.database_url, min_size=s.db_pool_min_size, max_size=max(s.db_pool_max_size, s.db_pool_min_size),
            name="memory_svc",
        )
        try:
            store = PostgresStore(pool, s.db_schema)
            applied = await store.migrate()
            if applied:
                log.info("migrations applied", extra={"versions": applied, "schema": s.db_schema})
        except BaseException:
            await pool.close()
            raise
        cache = RedisCache(
            s.redis_url,
            s.redis_prefix,
            ttl_seconds=s.redis_ttl_seconds,
            window=s.redis_window_messages,
            timeout_seconds=s.redis_timeout_seconds,
            probe_interval_seconds=s.redis_probe_interval_seconds,
        )
        await cache.start()
        tokens = PageTokens(s.page_token_secret)
        integrations = GrpcIntegrations(s.integrations_addr, timeout_seconds=s.relay_call_timeout_seconds)
        relay = Relay(
            store,
            integrations,
            cache,
            poll_interval_seconds=s.relay_poll_interval_seconds,
            batch_size=s.relay_batch_size,
            backoff_base_seconds=s.relay_backoff_base_seconds,
            backoff_max_seconds=s.relay_backoff_max_seconds,
            lease_seconds=s.relay_lease_seconds,
        )
        owners = OwnerChanges(s.redis_url, s.redis_prefix, fallback_poll_seconds=s.owner_watch_poll_seconds)
        memory = Memory(
            store,
            cache,
            tokens,
            context_messages=min(s.context_messages, s.context_messages_max),
            context_messages_max=s.context_messages_max,
            summary_max_chars=s.summary_max_chars,
            on_actions=relay.wake,
            owners=owners,
            integrations=integrations,
        )
        retention = RetentionJob(store, cache, days=s.retention_days, interval_seconds=s.retention_interval_seconds,
                                 audit_days=s.audit_retention_days)
        # memory_svc's own audit events go straight to its table, written in the
        # background so a request never waits on them.
        audit = AuditQueue(store.insert_audit_events, name="memory_svc", capacity=s.audit_queue_capacity)
        auditor = Auditor(audit)
        self.store, self.cache, self.memory, self.retention, self.relay = store, cache, memory, retention, relay
        self.audit = audit
        # Conversations and the hand-off queue pushed to watchers (PostgreSQL LISTEN/NOTIFY).
        live = Live(store, s.database_url, s.db_schema, fallback_poll_seconds=s.owner_watch_poll_seconds,
                    heartbeat_seconds=s.live_heartbeat_seconds)
        self.live = live

        servicers = {
            "MemoryService": MemoryServicer(memory),
            "LeadService": LeadServicer(memory),
            "SubjectService": SubjectServicer(memory),
            "HandoffService": HandoffServicer(Handoffs(memory, store, tokens)),
        }
        for name, servicer in servicers.items():
            register(server, pb.DESCRIPTOR.services_by_name[name], servicer, auditor=auditor, audited=AUDITED.get(name))
        register(server, audit_pb.DESCRIPTOR.services_by_name["AuditService"], AuditServicer(AuditTrail(store, tokens)),
                 auditor=auditor, audited=AUDITED["AuditService"])
        register(server, live_pb.DESCRIPTOR.services_by_name["LiveService"], LiveServicer(live), auditor=auditor)
        gauges = GaugeSampler("memory_svc", metrics.sampler(pool, s.db_schema), s.metrics_sample_seconds)
        if s.metrics_port is not None:
            gauges.start()
        audit.start()
        retention.start()
        owners.start()
        live.start()
        if s.relay_enabled:
            relay.start()
            log.info("outbox relay started", extra={"integrations_addr": s.integrations_addr})

        async def healthy() -> bool:
            # PostgreSQL is the truth: without it nothing can be served. Without Redis
            # everything still works, slower, so the service stays SERVING, degraded.
            serving = await ping(pool)
            if cache.degraded != self._reported_degraded:
                self._reported_degraded = cache.degraded
                log.warning("health: degraded, redis unavailable" if cache.degraded else "health: redis back",
                            extra={"degraded": cache.degraded})
            return serving

        async def close() -> None:
            await gauges.stop()
            await retention.stop()
            # Lets a delivery in flight record its outcome; anything cut short stays
            # leased in PostgreSQL and is delivered after a restart.
            await relay.stop(s.relay_call_timeout_seconds + 1)
            await integrations.close()
            await memory.close()
            await owners.close()
            await live.close()
            await cache.close()
            await audit.close(s.shutdown_grace_seconds)
            await pool.close()

        return Mounted(SERVICE_NAMES, healthy, close, components={CACHE_HEALTH_NAME: lambda: not cache.degraded})


async def setup(server: grpc.aio.Server, settings: Settings) -> Mounted:
    return await MemoryApp(settings).mount(server)
