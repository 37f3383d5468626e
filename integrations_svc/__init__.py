"""integrations_svc: CRM, e-mail, calendar and analytics behind a durable outbox.

Every operation is accepted into PostgreSQL at once (the caller gets a Job) and
delivered by workers inside the service with retries, backoff with jitter, a circuit
breaker per vendor and idempotent vendor calls, so no lead is lost or duplicated."""
