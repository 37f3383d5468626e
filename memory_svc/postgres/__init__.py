"""PostgreSQL, the durable truth, one module per concept: the turn's append statement,
conversations, interactions, leads, subjects (LGPD), the outbox, retention and the
audit trail. memory_svc/store.py assembles them into PostgresStore, which implements
the Protocols of memory_svc/storage.py."""
