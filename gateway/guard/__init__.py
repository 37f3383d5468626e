"""The gateway's guard: Envoy asks it (ext_authz over HTTP) about every request that
carries an API key, and about every request for the limit shared by all gateway
replicas. It knows API keys only by their hash (PostgreSQL), checks a key's client
addresses, and counts requests per credential in Redis."""
