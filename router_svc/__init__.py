"""router_svc: the conversation turn (seed §4.2 and §5.1)."""
