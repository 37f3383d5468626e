"""The Python client as its users get it: the wheel `make client` builds, installed in a
new virtual environment that holds nothing of the server.

Nothing can be downloaded while tests run, so the new environment gets the client's three
dependencies (grpcio, protobuf, googleapis-common-protos) and theirs (grpcio needs
typing-extensions) as links to the files this interpreter has installed for them, listed
by their own RECORDs, and nothing else; the wheel itself goes in with pip. Tests read the
wheel's Requires-Dist for what `pip install` of it would pull."""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
CLIENT = ROOT / "clients" / "python"
# The command of `make client` (the Makefile's, checked by a test), minus the output folder.
WHEEL_COMMAND = ["-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--wheel-dir"]
DEPENDENCIES = ("grpcio", "protobuf", "googleapis-common-protos")


def build_wheel(out: Path) -> Path:
    """Builds the client's wheel into `out` as `make client` does; returns its path."""
    shutil.rmtree(CLIENT / "build", ignore_errors=True)  # setuptools' leftovers would leak stale files in
    subprocess.run([sys.executable, *WHEEL_COMMAND, str(out), str(CLIENT)], check=True, cwd=ROOT, timeout=300)
    shutil.rmtree(CLIENT / "build", ignore_errors=True)
    (wheel,) = out.glob("atende_client-*.whl")
    return wheel


def requires(wheel: Path) -> list[str]:
    """The wheel's Requires-Dist lines: what `pip install` of it pulls."""
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = archive.read(name).decode()
    return [line.split(":", 1)[1].strip() for line in metadata.splitlines() if line.startswith("Requires-Dist:")]


@dataclass(frozen=True)
class Venv:
    folder: Path

    @property
    def python(self) -> Path:
        return self.folder / "bin" / "python"

    @property
    def atende(self) -> Path:
        return self.folder / "bin" / "atende"

    def env(self, **extra: str) -> dict[str, str]:
        """The caller's environment without the repository's PYTHONPATH (and so without the server)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
        return env | {"PYTHONNOUSERSITE": "1"} | extra


def closure(names: tuple[str, ...]) -> set[str]:
    """The distributions `names` need, theirs included (markers for this interpreter, no extras)."""
    found: set[str] = set()
    pending = [canonicalize_name(n) for n in names]
    while pending:
        name = pending.pop()
        if name in found:
            continue
        found.add(name)
        for line in importlib.metadata.requires(name) or ():
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                pending.append(canonicalize_name(requirement.name))
    return found


def _link_distribution(name: str, into: Path) -> None:
    distribution = importlib.metadata.distribution(name)
    for file in distribution.files or ():
        source = Path(str(distribution.locate_file(file))).resolve()
        if file.parts[0] == ".." or "__pycache__" in file.parts or not source.is_file():
            continue  # scripts outside site-packages, byte code: not needed to import
        target = into / file
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            target.symlink_to(source)


def make_venv(folder: Path, wheel: Path) -> Venv:
    """A new virtual environment with the wheel installed and only its dependencies beside it."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True, timeout=120)
    venv = Venv(folder)
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(venv.python), "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True, timeout=300, env=venv.env(),
    )
    site = Path(subprocess.run(
        [str(venv.python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True, capture_output=True, text=True, env=venv.env(),
    ).stdout.strip())
    dependencies = folder / "dependencies"
    for name in sorted(closure(DEPENDENCIES)):
        _link_distribution(name, dependencies)
    (site / "atende-client-dependencies.pth").write_text(f"{dependencies}\n")
    return venv
