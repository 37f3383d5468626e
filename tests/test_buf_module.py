"""The buf module other languages consume: buf.yaml names it and declares googleapis;
our own checks still build it offline (build/buf.offline.yaml); buf.gen.yaml generates
Go and TypeScript clients, and where the plugins are installed the generated code is
checked (TypeScript: type-checked with tsc)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BUF = Path(sys.executable).with_name("buf")
NPM_BIN = ROOT / "build" / "tools" / "npm" / "node_modules" / ".bin"


def _load(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / name).read_text())
    return loaded


@pytest.fixture(scope="module")
def offline() -> Path:
    """The vendored googleapis and build/buf.offline.yaml, as `make lint-proto` makes them."""
    subprocess.run([sys.executable, str(ROOT / "tools" / "third_party_protos.py"), str(ROOT / "build" / "third_party")],
                   check=True)
    return ROOT / "build" / "buf.offline.yaml"


def _buf(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BUF), *args], cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)


def test_the_module_is_named_and_declares_googleapis() -> None:
    config = _load("buf.yaml")
    assert config["version"] == "v2"
    assert config["modules"] == [{"path": "proto", "name": "buf.build/atende/api"}]
    assert config["deps"] == ["buf.build/googleapis/googleapis"]
    listed = _buf("config", "ls-modules", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    modules = [json.loads(line) for line in listed.stdout.splitlines() if line.strip()]
    assert [(m["path"], m.get("name")) for m in modules] == [("proto", "buf.build/atende/api")]


def test_the_offline_configuration_keeps_the_rules_and_builds_without_the_registry(offline: Path, tmp_path: Path) -> None:
    config, published = yaml.safe_load(offline.read_text()), _load("buf.yaml")
    assert config["lint"] == published["lint"] and config["breaking"] == published["breaking"]
    assert config["modules"] == [{"path": "proto"}, {"path": "build/third_party"}] and "deps" not in config
    # No network: a proxy that does not exist would fail any fetch.
    env = {**os.environ, "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9"}
    image = tmp_path / "image.binpb"
    built = _buf("build", "--config", str(offline), "-o", str(image), env=env)
    assert built.returncode == 0, built.stderr
    linted = _buf("lint", "proto", "--config", str(offline), env=env)
    assert linted.returncode == 0, linted.stdout + linted.stderr
    from google.protobuf import descriptor_pb2

    files = {f.name for f in descriptor_pb2.FileDescriptorSet.FromString(image.read_bytes()).file}
    assert "atende/conversation/v1/conversation_service.proto" in files and "google/api/annotations.proto" in files


def test_the_offline_configuration_of_an_older_buf_yaml_is_the_same_workspace(tmp_path: Path) -> None:
    """make lint-breaking derives the configuration of the commit it compares with;
    buf.yaml before it was a named module listed build/third_party itself."""
    older = tmp_path / "buf.yaml"
    older.write_text("version: v2\nmodules:\n  - path: proto\n  - path: build/third_party\nlint:\n  use: [STANDARD]\n")
    out = tmp_path / "offline.yaml"
    subprocess.run([sys.executable, str(ROOT / "tools" / "third_party_protos.py"), "--config", str(older), str(out)], check=True)
    assert yaml.safe_load(out.read_text())["modules"] == [{"path": "proto"}, {"path": "build/third_party"}]


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args], cwd=cwd, check=True,
                   capture_output=True)


def test_lint_breaking_compares_with_main_else_origin_main_else_head(tmp_path: Path) -> None:
    """The Makefile's BUF_AGAINST default, evaluated by make in a repository with main,
    in a fresh clone of another branch (origin/main only), and in one without either."""
    line = next(x for x in (ROOT / "Makefile").read_text().splitlines() if x.startswith("BUF_AGAINST ?="))
    makefile = tmp_path / "against.mk"
    makefile.write_text(line + "\nprint:\n\t@echo $(BUF_AGAINST)\n")

    def against(repo: Path) -> str:
        return subprocess.run(["make", "-s", "-f", str(makefile), "print"], cwd=repo, capture_output=True, text=True,
                              check=True).stdout.strip()

    origin = tmp_path / "origin"
    origin.mkdir()
    _git(origin, "init", "-q", "-b", "main")
    _git(origin, "commit", "-q", "--allow-empty", "-m", "first")
    _git(origin, "branch", "feature")
    assert against(origin) == "main"
    _git(tmp_path, "clone", "-q", "--branch", "feature", str(origin), "clone")
    assert against(tmp_path / "clone") == "origin/main"
    other = tmp_path / "other"
    other.mkdir()
    _git(other, "init", "-q", "-b", "trunk")
    _git(other, "commit", "-q", "--allow-empty", "-m", "first")
    assert against(other) == "HEAD"
    makefile_text = (ROOT / "Makefile").read_text()
    assert "lint: $(STAMP) lint-proto lint-breaking" in makefile_text and "buf build $(BUF_OFFLINE)" in makefile_text


def test_breaking_changes_are_found_offline(offline: Path, tmp_path: Path) -> None:
    """What make lint-breaking does, on a copy of proto/ with a field renamed."""
    changed = tmp_path / "changed"
    shutil.copytree(ROOT / "proto", changed / "proto")
    (changed / "build").mkdir()
    (changed / "build" / "third_party").symlink_to(ROOT / "build" / "third_party")
    turn = changed / "proto" / "atende" / "conversation" / "v1" / "conversation_service.proto"
    turn.write_text(turn.read_text().replace("string user_id = 2", "string customer_id = 2", 1))
    before, after = tmp_path / "before.binpb", tmp_path / "after.binpb"
    assert _buf("build", "--config", str(offline), "-o", str(before)).returncode == 0
    built = subprocess.run([str(BUF), "build", "--config", str(offline), "-o", str(after)], cwd=changed, capture_output=True,
                           text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    same = _buf("breaking", str(before), "--against", str(before))
    assert same.returncode == 0, same.stdout
    broken = _buf("breaking", str(after), "--against", str(before))
    assert broken.returncode != 0 and 'changed name from "user_id" to "customer_id"' in broken.stdout, broken.stdout


def test_the_generation_template_makes_go_and_typescript_clients() -> None:
    template = _load("buf.gen.yaml")
    assert template["version"] == "v2"
    plugins = {p["local"]: p for p in template["plugins"]}
    assert plugins["protoc-gen-go"]["out"] == plugins["protoc-gen-go-grpc"]["out"] == "build/clients/go"
    assert plugins["protoc-gen-go"]["opt"] == "paths=source_relative"
    assert plugins["protoc-gen-es"]["out"] == "build/clients/ts" and plugins["protoc-gen-es"]["opt"] == "target=ts"
    assert template["inputs"] == [{"directory": "proto"}] and (ROOT / "proto").is_dir()
    overrides = {o["file_option"]: o["value"] for o in template["managed"]["override"]}
    assert overrides["go_package_prefix"].endswith("/gen/go")


def _template_for(tmp_path: Path, plugins: list[str]) -> Path:
    """buf.gen.yaml with only `plugins`, writing under tmp_path."""
    template = _load("buf.gen.yaml")
    template["plugins"] = [{**p, "out": str(tmp_path / p["out"])} for p in template["plugins"] if p["local"] in plugins]
    path = tmp_path / "buf.gen.yaml"
    path.write_text(yaml.safe_dump(template))
    return path


def test_generation_runs_the_template_and_names_a_missing_plugin(offline: Path, tmp_path: Path) -> None:
    """Without a plugin, buf builds the inputs, then says which plugin it could not run."""
    env = {**os.environ, "PATH": str(tmp_path / "empty")}
    ran = _buf("generate", "proto", "--template", str(_template_for(tmp_path, ["protoc-gen-go", "protoc-gen-es"])),
               "--config", str(offline), env=env)
    assert ran.returncode != 0 and "protoc-gen-go" in ran.stderr and "not found" in ran.stderr, ran.stderr


def test_the_typescript_client_is_generated_and_type_checks(offline: Path, tmp_path: Path) -> None:
    es = shutil.which("protoc-gen-es", path=f"{NPM_BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    tsc = NPM_BIN / "tsc"
    if es is None or not tsc.exists():
        pytest.skip("protoc-gen-es and tsc are not installed (tools/buf_plugins.sh installs them from npm)")
    env = {**os.environ, "PATH": f"{Path(es).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    ran = _buf("generate", "proto", "--template", str(_template_for(tmp_path, ["protoc-gen-es"])), "--config", str(offline),
               env=env)
    assert ran.returncode == 0, ran.stderr
    out = tmp_path / "build" / "clients" / "ts"
    generated = (out / "atende" / "conversation" / "v1" / "conversation_service_pb.ts").read_text()
    assert "export type SendMessageRequest" in generated and "export const ConversationService" in generated
    assert (out / "google" / "api" / "annotations_pb.ts").exists()  # include_imports: googleapis too
    (out / "node_modules").symlink_to(NPM_BIN.parent)
    (out / "tsconfig.json").write_text(json.dumps({
        "compilerOptions": {"strict": True, "noEmit": True, "skipLibCheck": True, "target": "es2022", "lib": ["esnext"],
                            "module": "nodenext", "moduleResolution": "nodenext", "types": []},
        "include": ["atende/**/*.ts", "google/**/*.ts"],
    }))
    checked = subprocess.run([str(tsc), "-p", str(out)], capture_output=True, text=True, timeout=300)
    assert checked.returncode == 0, checked.stdout[-3000:]


def test_the_go_client_is_generated(offline: Path, tmp_path: Path) -> None:
    go, grpc = shutil.which("protoc-gen-go"), shutil.which("protoc-gen-go-grpc")
    if go is None or grpc is None:
        pytest.skip("protoc-gen-go and protoc-gen-go-grpc are not on PATH (a Go toolchain's `go install` puts them there)")
    ran = _buf("generate", "proto", "--template", str(_template_for(tmp_path, ["protoc-gen-go", "protoc-gen-go-grpc"])),
               "--config", str(offline))
    assert ran.returncode == 0, ran.stderr
    out = tmp_path / "build" / "clients" / "go" / "atende" / "conversation" / "v1"
    assert (out / "conversation_service.pb.go").exists() and (out / "conversation_service_grpc.pb.go").exists()
