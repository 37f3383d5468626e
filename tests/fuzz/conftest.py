"""The fuzz tests' stack (one for the package) and their tally, printed at the end."""

from __future__ import annotations

import os
from collections.abc import Iterator

import grpc
import httpx
import pytest
from hypothesis import settings

from devstack.stack import Stack

from .stack import fuzz_stack, gateway_client
from .surface import PROCESS_OF_PACKAGE, Tally

settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="package")
def stack(tmp_path_factory: pytest.TempPathFactory, database_url: str, redis_url: str) -> Iterator[Stack]:
    with fuzz_stack(tmp_path_factory.mktemp("fuzz"), database_url, redis_url) as running:
        yield running


@pytest.fixture(scope="package")
def gateway(stack: Stack) -> Iterator[httpx.Client]:
    with gateway_client(stack) as client:
        yield client


@pytest.fixture(scope="package")
def channels(stack: Stack) -> Iterator[dict[str, grpc.Channel]]:
    """A channel to each service process, by its name."""
    opened = {process: grpc.insecure_channel(stack.address(process)) for process in set(PROCESS_OF_PACKAGE.values())}
    yield opened
    for channel in opened.values():
        channel.close()


# The package's tally, printed in the terminal summary (fixture teardown output is captured).
_TALLY = Tally()


@pytest.fixture(scope="package")
def tally() -> Tally:
    return _TALLY


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _TALLY.rest["requests"] + _TALLY.rpc["calls"]:
        terminalreporter.section("fuzzing counts (tests/fuzz)")
        for line in _TALLY.table().splitlines():
            terminalreporter.write_line(line)
