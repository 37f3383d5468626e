"""Copies the googleapis and well-known .proto files that PyPI packages ship into a
folder buf can read, so `buf lint` needs no network."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import google.api.annotations_pb2 as annotations
import grpc_tools


def main(out: Path) -> None:
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


if __name__ == "__main__":
    main(Path(sys.argv[1]))
