"""python -m devstack: the whole mesh on this machine until Ctrl-C (what `make run` does);
a process that dies is restarted (devstack/supervisor.py)."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

from devstack.stack import Stack, StackConfig
from devstack.supervisor import GaveUp, Supervisor


def _banner(stack: Stack) -> str:
    # The key itself is a secret and is never printed; ATENDE_API_KEY is the reader's copy.
    key_header = ' -H "x-api-key: $ATENDE_API_KEY"' if stack.config.api_keys else ""
    grpc_key = ' -H "x-api-key: $ATENDE_API_KEY"' if stack.config.api_keys else ""
    lines = ["", "atende is running."]
    if stack.config.gateway_plaintext:
        lines.append(f"  gateway (REST and gRPC): http://{_host(stack)}:{stack.config.gateway_port}")
    if stack.config.gateway_tls_port:
        lines.append(f"  gateway over TLS:        {stack.gateway_https_url}  (certificate {_shown(stack.tls_files[0])})")
    lines += [
        f"  web chat (demo page):    {stack.chat_url}",
        f"    embed it in a page:    <script src=\"{stack.gateway_url}/chat/widget.js\" defer></script>",
        f"  agents' console:         {stack.console_url}#token=<agent token, below>",
        f"  API reference:           {stack.gateway_url}/docs/  (OpenAPI: {stack.gateway_url}/openapi.json)",
        f"  Envoy admin:             http://127.0.0.1:{stack.config.admin_port}",
        f"  data folder:             {stack.config.data_dir}",
        "",
        "Try it:",
        f"  curl -s -X POST {stack.gateway_url}/v1/conversations/demo-1/messages{key_header}{_cacert(stack)} \\",
        "    -H 'content-type: application/json' \\",
        """    -d '{"user_id": "maria", "text": "Quanto custa o kit solar para minha casa?", "channel": "web"}'""",
        f"  curl -s {stack.gateway_url}/v1/conversations/demo-1{key_header}{_cacert(stack)}",
    ]
    if stack.config.gateway_plaintext:
        lines.append(f"  grpcurl -plaintext{grpc_key} localhost:{stack.config.gateway_port} list")
    if stack.config.gateway_tls_port:
        cert = _shown(stack.tls_files[0])
        if stack.config.gateway_plaintext:  # the examples above were plaintext: one over TLS
            lines.append(f"  curl -s --cacert {cert} {stack.gateway_https_url}/v1/agents{key_header}")
        lines.append(f"  grpcurl -cacert {cert}{grpc_key} localhost:{stack.config.gateway_tls_port} list")
    lines += ["", *_telemetry_lines(stack)]
    lines += [
        "",
        "A customer's token for one conversation (a human agent's: --role agent --subject ana):",
        f"  TOKEN=$(.venv/bin/python -m gateway.tokens mint --keys {stack.config.data_dir / 'jwt'} \\",
        "    --role customer --subject maria --conversation demo-1)",
        f'  curl -s {stack.gateway_url}/v1/conversations/demo-1 -H "authorization: Bearer $TOKEN"{_cacert(stack)}',
        "",
        f"{stack.config.replicas} instance(s) of each service{_knowledge_note(stack)}{_workers_note(stack)};",
        "a process that dies is restarted;",
        "Ctrl-C stops everything.",
        "",
    ]
    return "\n".join(lines)


def _telemetry_lines(stack: Stack) -> list[str]:
    lines = ["Observability:"]
    if not stack.config.tracing:
        lines.append("  traces:                  off (ATENDE_TRACING=off)")
    elif stack.config.otlp_endpoint:
        lines.append(f"  traces:                  exported to {stack.config.otlp_endpoint}")
    else:
        lines += [
            f"  traces:                  {_shown(stack.traces_file)} (OTLP/JSON lines)",
            "  the last turn's trace:   make trace      (.venv/bin/python -m devstack.traces --list: recent traces)",
        ]
    metrics = "  ".join(f"{name.removesuffix('_svc')} :{stack.metrics_port(name)}" for name in stack.config.services)
    lines += [
        f"  metrics (/metrics):      {metrics}",
        f"  gateway metrics:         curl -s {stack.metrics_url('gateway')}",
    ]
    return lines


def _host(stack: Stack) -> str:
    return "localhost" if stack.config.gateway_bind in ("127.0.0.1", "0.0.0.0") else stack.config.gateway_bind


def _cacert(stack: Stack) -> str:
    """curl's option for the examples that use the https URL (TLS only)."""
    return "" if stack.config.gateway_plaintext else f" --cacert {_shown(stack.tls_files[0])}"


def _shown(path: Path) -> str:
    """A path as the reader types it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _knowledge_note(stack: Stack) -> str:
    if stack.config.replicas > 1 and len(stack.instances("knowledge_svc")) == 1:
        return " (knowledge_svc once: Milvus Lite is one process's; set MILVUS_URI to a server)"
    return ""


def _workers_note(stack: Stack) -> str:
    several = [f"{name} {stack.workers(name)}" for name in stack.config.services if stack.workers(name) > 1]
    return f", with worker processes: {', '.join(several)}" if several else ""


def main() -> int:
    """Runs the stack until SIGTERM or SIGINT (0), or until a process cannot be kept
    up or the stack cannot start (1)."""
    stack = Stack(StackConfig.from_env())
    supervisor = Supervisor(stack, log=lambda line: print(line, file=sys.stderr, flush=True))
    stopping = False

    def request_stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    print(f"starting atende: PostgreSQL, Redis, five services ({stack.config.replicas} of each) and the gateway…", flush=True)
    started = time.monotonic()
    try:
        stack.start()
        print(_banner(stack) + f"(ready in {time.monotonic() - started:.1f} s)", flush=True)
        while not stopping:
            supervisor.check()
            time.sleep(0.25)
    except GaveUp as error:
        print(error, file=sys.stderr, flush=True)
        return 1
    finally:
        print("stopping…", flush=True)
        stack.stop()
        print("stopped.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
