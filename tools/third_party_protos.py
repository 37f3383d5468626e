"""Copies the googleapis and well-known .proto files that PyPI packages ship into a
folder buf can read, and writes the buf configuration that uses them, so `buf lint`
and `buf breaking` need no network.

buf.yaml is the module other teams consume: named, with googleapis as a dependency
from the Buf Schema Registry. Offline we cannot fetch that dependency, so buf runs with
--config build/buf.offline.yaml instead: buf.yaml's own lint and breaking rules, its
modules without names, no deps, and build/third_party (these files) as one more module.

    python tools/third_party_protos.py build/third_party
        the .proto files, and build/buf.offline.yaml from ./buf.yaml
    python tools/third_party_protos.py --config OTHER/buf.yaml OUT.yaml
        only the offline configuration of another buf.yaml (an older commit's, for
        `make lint-breaking`)
Paths in the configuration are relative to the folder buf runs in (the repository's).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import google.api.annotations_pb2 as annotations
import grpc_tools
import yaml

ROOT = Path(__file__).resolve().parent.parent
THIRD_PARTY = "build/third_party"
OFFLINE_CONFIG = "build/buf.offline.yaml"


def copy_protos(out: Path) -> None:
    googleapis = Path(annotations.__file__).parent.parent
    sources = {
        googleapis / "api": out / "google" / "api",
        googleapis / "rpc": out / "google" / "rpc",
        Path(grpc_tools.__file__).parent / "_proto" / "google" / "protobuf": out / "google" / "protobuf",
    }
    for source, target in sources.items():
        target.mkdir(parents=True, exist_ok=True)
        for proto in source.rglob("*.proto"):
            destination = target / proto.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(proto, destination)


def offline_config(buf_yaml: str) -> dict[str, Any]:
    """buf.yaml (v2) as it can build offline: same rules, unnamed modules, no deps,
    the vendored googleapis as a module."""
    config: dict[str, Any] = yaml.safe_load(buf_yaml)
    modules = [{"path": module["path"]} for module in config.get("modules", []) if module["path"] != THIRD_PARTY]
    config["modules"] = [*modules, {"path": THIRD_PARTY}]
    config.pop("deps", None)
    return config


def write_offline_config(buf_yaml: Path, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    header = f"# Written by tools/third_party_protos.py from {buf_yaml.name}: do not edit.\n"
    out.write_text(header + yaml.safe_dump(offline_config(buf_yaml.read_text()), sort_keys=False))


def main(argv: list[str]) -> None:
    if argv[:1] == ["--config"]:
        write_offline_config(Path(argv[1]), Path(argv[2]))
        return
    out = Path(argv[0])
    copy_protos(out)
    write_offline_config(ROOT / "buf.yaml", out.parent / Path(OFFLINE_CONFIG).name)


if __name__ == "__main__":
    main(sys.argv[1:])
