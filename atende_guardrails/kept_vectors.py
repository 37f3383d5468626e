"""An example set's vectors kept on disk between starts.

A router encodes its business's examples when it starts: some four thousand texts, about five seconds of the local
encoder on this kind of machine, every start of every process. The vectors depend only on the model and the texts, so
they are kept in a file named by both, and the next start with the same examples reads the file instead (a changed
example is a new set, and a new file). A folder that cannot be read or written only costs the encoding again."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

import numpy as np

from atende_guardrails.encoder import ENCODER_MODEL, SyncEncoder, TextEncoder, Vectors
from atende_guardrails.kept_model import cache_base, write_whole

# Files kept in a folder: the newest ones, the others removed when a new one is written.
KEPT_FILES = 32


def default_folder() -> Path:
    """The user's cache folder for atende (kept_model.cache_base), vectors in it."""
    return cache_base() / "vectors"


def _path(folder: Path, texts: Sequence[str]) -> Path:
    digest = hashlib.sha256("\x00".join([ENCODER_MODEL, *texts]).encode("utf-8")).hexdigest()[:40]
    return folder / f"{ENCODER_MODEL}-{digest}.npy"


def load(folder: Path | None, texts: Sequence[str]) -> Vectors | None:
    """The kept vectors of exactly these texts, or None."""
    if folder is None or not texts:
        return None
    try:
        matrix: Vectors = np.asarray(np.load(_path(folder, texts), allow_pickle=False), dtype=np.float32)
    except (OSError, ValueError):
        return None
    if matrix.ndim != 2 or matrix.shape[0] != len(texts):
        return None
    return matrix


def save(folder: Path | None, texts: Sequence[str], matrix: Vectors) -> None:
    """Keeps the vectors."""
    if folder is not None and texts:
        _write(_path(folder, texts), lambda out: np.save(out, np.asarray(matrix, dtype=np.float32), allow_pickle=False))


def _write(path: Path, write: Callable[[BinaryIO], None]) -> None:
    if write_whole(path, write):
        with contextlib.suppress(OSError):  # another process may be pruning too
            _prune(path.parent)


def _prune(folder: Path) -> None:
    files = sorted(folder.glob("*.np[yz]"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEPT_FILES:]:
        old.unlink(missing_ok=True)


def load_arrays(folder: Path | None, name: str) -> list[np.ndarray] | None:
    """Arrays kept under `name` (what was fit on some vectors, named by a digest of them), or None."""
    if folder is None:
        return None
    try:
        with np.load(folder / f"{name}.npz", allow_pickle=False) as kept:
            return [kept[f"arr_{i}"] for i in range(len(kept.files))]
    except (OSError, ValueError, KeyError):
        return None


def save_arrays(folder: Path | None, name: str, arrays: Sequence[np.ndarray]) -> None:
    """Keeps the arrays under `name`."""
    if folder is not None:
        _write(folder / f"{name}.npz", lambda out: np.savez(out, *arrays))


def encode(encoder: SyncEncoder, texts: Sequence[str], folder: Path | None) -> Vectors:
    """The texts' vectors: kept ones when there are, else encoded and kept."""
    kept = load(folder, texts)
    if kept is not None:
        return kept
    matrix = encoder.encode(texts)
    save(folder, texts, matrix)
    return matrix


async def aencode(encoder: TextEncoder, texts: Sequence[str], folder: Path | None) -> Vectors:
    """`encode` for a service's start: the model runs on the encoder's thread, the files are read and written on
    a worker thread."""
    kept = await asyncio.to_thread(load, folder, texts)
    if kept is not None:
        return kept
    matrix = await encoder.aencode(texts)
    await asyncio.to_thread(save, folder, texts, matrix)
    return matrix
