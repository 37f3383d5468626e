"""Long-lived client channels: one per upstream, with retries on UNAVAILABLE."""

from __future__ import annotations

import json

import grpc

from atende_runtime.interceptors import ClientContextInterceptor

# Retries only UNAVAILABLE (the upstream was not reached), which is safe for every
# call: the request did not run.
_SERVICE_CONFIG = json.dumps(
    {
        # Spread calls over every replica a DNS name resolves to (a headless Service
        # in Kubernetes), instead of pinning one connection to one pod.
        "loadBalancingConfig": [{"round_robin": {}}],
        "methodConfig": [
            {
                "name": [{}],
                "retryPolicy": {
                    "maxAttempts": 4,
                    "initialBackoff": "0.05s",
                    "maxBackoff": "1s",
                    "backoffMultiplier": 2,
                    "retryableStatusCodes": ["UNAVAILABLE"],
                },
            }
        ]
    }
)

_OPTIONS = [
    ("grpc.service_config", _SERVICE_CONFIG),
    ("grpc.enable_retries", 1),
    ("grpc.keepalive_time_ms", 300_000),
    ("grpc.keepalive_timeout_ms", 20_000),
    ("grpc.max_receive_message_length", 32 * 1024 * 1024),
    ("grpc.max_send_message_length", 32 * 1024 * 1024),
]


def open_channel(target: str, default_timeout: float) -> grpc.aio.Channel:
    """Create inside the running event loop and keep for the process's lifetime."""
    if "://" not in target:
        target = f"dns:///{target}"
    return grpc.aio.insecure_channel(
        target, options=_OPTIONS, interceptors=[ClientContextInterceptor(default_timeout)],  # type: ignore[list-item]
    )
