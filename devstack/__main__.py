"""python -m devstack: the whole mesh on this machine until Ctrl-C (what `make run` does)."""

from __future__ import annotations

import signal
import sys
import time

from devstack.stack import Stack, StackConfig


def _banner(stack: Stack) -> str:
    # The key itself is a secret and is never printed; ATENDE_API_KEY is the reader's copy.
    key_header = ' -H "x-api-key: $ATENDE_API_KEY"' if stack.config.api_keys else ""
    return f"""
atende is running.
  gateway (REST and gRPC): {stack.gateway_url}
  Envoy admin:             http://127.0.0.1:{stack.config.admin_port}
  data folder:             {stack.config.data_dir}

Try it:
  curl -s -X POST {stack.gateway_url}/v1/conversations/demo-1/messages{key_header} \\
    -H 'content-type: application/json' \\
    -d '{{"user_id": "maria", "text": "Quanto custa o kit solar para minha casa?", "channel": "web"}}'
  curl -s {stack.gateway_url}/v1/conversations/demo-1{key_header}
  grpcurl -plaintext localhost:{stack.config.gateway_port} list

Ctrl-C stops everything.
"""


def main() -> None:
    stack = Stack(StackConfig.from_env())
    stopping = False

    def request_stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    print("starting atende: PostgreSQL, Redis, five services and the gateway…", flush=True)
    started = time.monotonic()
    try:
        stack.start()
        print(_banner(stack) + f"(ready in {time.monotonic() - started:.1f} s)", flush=True)
        while not stopping:
            for name, process in stack.processes.items():
                if process.poll() is not None:
                    print(f"{name} exited with code {process.returncode}; stopping", file=sys.stderr, flush=True)
                    stopping = True
            time.sleep(0.5)
    finally:
        print("stopping…", flush=True)
        stack.stop()
        print("stopped.", flush=True)



if __name__ == "__main__":
    main()
