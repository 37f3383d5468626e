"""The rendered Envoy configuration is one Envoy accepts, with and without API keys."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gateway.render import GatewayConfig, write

ENVOY = Path(sys.executable).with_name("envoy")


@pytest.mark.parametrize("keys", [[], ["key-one", "key-two"]])
def test_envoy_accepts_the_rendered_config(tmp_path: Path, keys: list[str]) -> None:
    path = write(GatewayConfig(api_keys=keys), tmp_path / "envoy.yaml")
    result = subprocess.run([str(ENVOY), "--mode", "validate", "-c", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_admin_listens_on_loopback_only(tmp_path: Path) -> None:
    text = write(GatewayConfig(bind="0.0.0.0"), tmp_path / "envoy.yaml").read_text()
    admin = text.split("static_resources:")[0]
    assert "address: 127.0.0.1" in admin and "0.0.0.0" not in admin


def test_an_upstream_with_several_instances_is_one_cluster_with_each_endpoint(tmp_path: Path) -> None:
    """`make run` with replicas gives Envoy every instance; a retry goes to another one."""
    config = GatewayConfig(upstreams={"router_svc": "127.0.0.1:7001,127.0.0.1:7002", "agent_svc": "127.0.0.1:7003",
                                      "memory_svc": "127.0.0.1:7004", "knowledge_svc": "127.0.0.1:7005"})
    path = write(config, tmp_path / "envoy.yaml")
    result = subprocess.run([str(ENVOY), "--mode", "validate", "-c", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    router = path.read_text().split("- name: router_svc")[1].split("- name: agent_svc")[0]
    assert "port_value: 7001" in router and "port_value: 7002" in router
    assert "outlier_detection" in router
    assert path.read_text().count("previous_hosts") >= 10
