"""router_svc: the conversation orchestrator (seed §4.2 and §5.1)."""
