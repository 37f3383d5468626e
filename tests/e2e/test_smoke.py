"""tools/smoke.py, the deploy and recovery smoke test (docs/runbooks/recovery.md),
passes against a local stack started as `make run` starts it, and fails (exit 1)
against a gateway that refuses its key."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from devstack.stack import Stack, StackConfig

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
KEY = "smoke-key"


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory, database_url: str, redis_url: str) -> Iterator[Stack]:
    suffix = uuid.uuid4().hex[:10]
    config = StackConfig.on_free_ports(
        tmp_path_factory.mktemp("smoke"),
        database_url=database_url,
        redis_url=redis_url,
        api_keys=(KEY,),
        extra_env={
            "MEMORY_DB_SCHEMA": f"smoke_memory_{suffix}",
            "MEMORY_REDIS_PREFIX": f"smoke:{suffix}:",
            "INTEGRATIONS_DB_SCHEMA": f"smoke_integrations_{suffix}",
        },
    )
    running = Stack(config)
    running.start()
    yield running
    running.stop()


def smoke(stack: Stack, key: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "tools" / "smoke.py"), "--url", stack.gateway_url, "--key", key],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)


def test_the_smoke_test_passes_against_the_local_stack(stack: Stack) -> None:
    result = smoke(stack, KEY)
    assert result.returncode == 0, result.stdout + result.stderr
    for step in ("agents", "turn", "read-back", "lead", "hand-off"):
        assert any(line.startswith(f"ok   {step} ") for line in result.stdout.splitlines()), result.stdout


def test_the_smoke_test_fails_loudly(stack: Stack) -> None:
    result = smoke(stack, "not-a-key")
    assert result.returncode == 1 and "FAIL" in result.stdout and "HTTP 401" in result.stdout, result.stdout
