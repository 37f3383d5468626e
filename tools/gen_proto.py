"""Generate Python messages, gRPC stubs, type stubs, Envoy's descriptor set and the
gateway's OpenAPI document (gen/openapi.json, tools/gen_openapi.py).

Type stubs: protoc's own --pyi_out for the messages, mypy-protobuf's protoc-gen-mypy_grpc
for the `_pb2_grpc` stubs (sync and grpc.aio), so a caller of the Python client
(clients/python, which ships gen/python/atende) gets types for both.

Usage: python tools/gen_proto.py [OUT_DIR]   (default: gen/)

The output is committed; tests/test_generated_code.py regenerates into a temporary
folder and fails when the committed copy differs, so nobody edits it by hand.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import grpc_tools
from grpc_tools import protoc

ROOT = Path(__file__).resolve().parent.parent
PROTO_DIR = ROOT / "proto"


def include_dirs() -> list[Path]:
    """The folders that hold google/protobuf/*.proto and google/api/*.proto."""
    well_known = Path(grpc_tools.__file__).parent / "_proto"
    import google.api.annotations_pb2 as annotations

    googleapis = Path(annotations.__file__).parent.parent.parent
    return [PROTO_DIR, well_known, googleapis]


def mypy_grpc_plugin() -> str:
    """protoc-gen-mypy_grpc, installed by mypy-protobuf (extra dev) beside this Python."""
    found = shutil.which("protoc-gen-mypy_grpc", path=str(Path(sys.executable).parent)) or shutil.which(
        "protoc-gen-mypy_grpc"
    )
    if not found:
        raise SystemExit("protoc-gen-mypy_grpc not found: `make install` installs mypy-protobuf (extra dev)")
    return found


def proto_files() -> list[str]:
    return sorted(str(p.relative_to(PROTO_DIR)) for p in PROTO_DIR.rglob("*.proto"))


def generate(out_dir: Path) -> None:
    python_out = out_dir / "python"
    python_out.mkdir(parents=True, exist_ok=True)
    includes = [f"-I{d}" for d in include_dirs()]
    files = proto_files()
    code = protoc.main(
        [
            "protoc",
            *includes,
            f"--python_out={python_out}",
            f"--pyi_out={python_out}",
            f"--grpc_python_out={python_out}",
            f"--plugin=protoc-gen-mypy_grpc={mypy_grpc_plugin()}",
            f"--mypy_grpc_out=quiet:{python_out}",
            *files,
        ]
    )
    if code != 0:
        raise SystemExit(f"protoc failed generating Python code (exit {code})")
    # Envoy's transcoder needs every imported file, including the error-detail types
    # that convert_grpc_status may put in a response body.
    code = protoc.main(
        [
            "protoc",
            *includes,
            "--include_imports",
            "--include_source_info",
            f"--descriptor_set_out={out_dir / 'atende.pb'}",
            "google/rpc/error_details.proto",
            "google/rpc/status.proto",
            *files,
        ]
    )
    if code != 0:
        raise SystemExit(f"protoc failed writing the descriptor set (exit {code})")
    for package_dir in sorted(p for p in (python_out / "atende").rglob("*") if p.is_dir()):
        (package_dir / "__init__.py").touch()
    (python_out / "atende" / "__init__.py").touch()
    (python_out / "atende" / "py.typed").touch()
    # The REST surface's OpenAPI document, from the descriptor set just written.
    code = subprocess.call([sys.executable, str(ROOT / "tools" / "gen_openapi.py"), str(out_dir / "atende.pb"),
                            str(out_dir / "openapi.json")])
    if code != 0:
        raise SystemExit(f"tools/gen_openapi.py failed (exit {code})")


if __name__ == "__main__":
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "gen")
