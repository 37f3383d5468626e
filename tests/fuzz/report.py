"""Fuzzes the whole stack and prints the counts: per surface, requests, 2xx, 4xx and
5xx (REST) and calls by status code (gRPC); then every problem found, with the
command or bytes that show it. Exit status 1 when there is any.

    python -m tests.fuzz.report [--examples N] [--per-route]     # what `make fuzz` runs

It starts its own stack on free ports (the machine's PostgreSQL and Redis when
DATABASE_URL / REDIS_URL are set, else embedded ones) and runs the same
properties as the tests, with the "deep" hypothesis profile (random, not
derandomized) and N examples per route and per method (default: FUZZ_EXAMPLES, or
250)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

import grpc
import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import HypothesisWarning

from devstack.stack import Stack

from .stack import API_KEY, fuzz_stack, gateway_client
from .surface import (
    PROCESS_OF_PACKAGE,
    GrpcCall,
    GrpcMethod,
    RestRequest,
    RestRoute,
    Tally,
    call_grpc,
    grpc_calls,
    grpc_methods,
    rest_requests,
    rest_routes,
    send_rest,
)


def fuzz_rest(client: httpx.Client, route: RestRoute, tally: Tally) -> None:
    @given(rest_requests(route, API_KEY))
    def attack(request: RestRequest) -> None:
        send_rest(client, route, request, tally)

    attack()


def fuzz_grpc(channels: dict[str, grpc.Channel], method: GrpcMethod, tally: Tally) -> None:
    @given(grpc_calls(method))
    def attack(call: GrpcCall) -> None:
        call_grpc(channels, method, call, tally)

    attack()


def run(stack: Stack, tally: Tally, log: bool) -> None:
    with gateway_client(stack) as client:
        for route in rest_routes():
            started = time.monotonic()
            fuzz_rest(client, route, tally)
            if log:
                print(f"  REST {route.name}: {time.monotonic() - started:.1f} s", file=sys.stderr)
    channels = {process: grpc.insecure_channel(stack.address(process)) for process in set(PROCESS_OF_PACKAGE.values())}
    try:
        for method in grpc_methods():
            started = time.monotonic()
            fuzz_grpc(channels, method, tally)
            if log:
                print(f"  gRPC {method.path}: {time.monotonic() - started:.1f} s", file=sys.stderr)
    finally:
        for channel in channels.values():
            channel.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=int(os.environ.get("FUZZ_EXAMPLES", "250")),
                        help="examples per REST route and per gRPC method")
    parser.add_argument("--per-route", action="store_true", help="a row for each route and each method")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    args = parser.parse_args()
    settings.register_profile(
        "report", settings.get_profile("deep"), max_examples=args.examples,
        suppress_health_check=list(HealthCheck),
    )
    settings.load_profile("report")
    warnings.filterwarnings("ignore", category=HypothesisWarning)  # the reprs of 100 KB strategies
    tally = Tally()
    started = time.monotonic()
    command = " ".join(["python -m tests.fuzz.report", *sys.argv[1:]])
    with tempfile.TemporaryDirectory(prefix="atende-fuzz-") as folder:
        print(f"starting the stack in {folder}", file=sys.stderr)
        database, redis = os.environ.get("DATABASE_URL", ""), os.environ.get("REDIS_URL", "")
        with fuzz_stack(Path(folder), database, redis) as stack:
            run(stack, tally, log=not args.quiet)
    print(f"$ {command}   ({args.examples} examples per route and method, {time.monotonic() - started:.0f} s)")
    print(tally.table(per_route=args.per_route))
    print(f"\nproblems: {len(tally.problems)}")
    for problem in tally.problems:
        print(problem)
    return 1 if tally.problems else 0


if __name__ == "__main__":
    sys.exit(main())
