"""memory_svc: the one owner of conversational state. PostgreSQL is the durable truth;
Redis is the hot tier for active conversations and may vanish at any moment."""
