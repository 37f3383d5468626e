"""The measuring pieces of benchmarks/bench_compare.py and benchmarks/profile_turn.py:
CPU read from /proc for a side's real processes, the comparison table, and the
summary of py-spy's raw stacks by kind of work."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from bench_compare import CpuWindow, Measure, failed_sides, knowledge_folder, side_processes, table
from profile_turn import kind_of, summarize

# Waits before burning, so the test's window (opened once the process exists) holds the whole burn.
# Then writes `done` (a path), so a test waits for the burn however busy the machine is.
BURN = (
    "import pathlib, time\ntime.sleep(0.5)\nend = time.process_time() + {seconds}\n"
    "while time.process_time() < end: pass\npathlib.Path({done!r}).touch()\ntime.sleep(30)"
)


def wait_for_burns(tmp_path: Path) -> None:
    deadline = time.monotonic() + 30
    while len(list(tmp_path.glob("*.done"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)


@pytest.fixture
def burners(tmp_path: Path) -> Iterator[list[subprocess.Popen[bytes]]]:
    """A parent that starts a child which burns 0.4 s of CPU, then idles (a side's server
    and its worker), and an unrelated process that burns too."""
    marker = tmp_path / "side-marker"
    child = BURN.format(seconds=0.4, done=str(tmp_path / "child.done"))
    parent = (
        "import subprocess, sys, time\n"
        f"subprocess.Popen([sys.executable, '-c', {child!r}, {str(marker)!r}])\n"
        "time.sleep(30)"
    )
    started = [
        subprocess.Popen([sys.executable, "-c", parent]),
        subprocess.Popen([sys.executable, "-c", BURN.format(seconds=0.4, done=str(tmp_path / "unrelated.done"))]),
    ]
    deadline = time.monotonic() + 10
    while len(side_processes([started[0].pid], [], [])) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)  # the side's worker has started
    yield started
    for process in started:
        process.kill()
        process.wait()
    # the parent's child, found by its marker
    for pid in side_processes([], [str(marker)], []):
        subprocess.run(["kill", "-9", str(pid)], check=False)


def test_cpu_window_counts_the_side_and_its_descendants_only(
    burners: list[subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    side, unrelated = burners
    window = CpuWindow([side.pid], [], {side.pid: "server"})
    window.start()
    wait_for_burns(tmp_path)  # both burners run their 0.4 s inside the window
    spent = window.stop()
    total = sum(spent.values())
    assert 0.3 < total < 0.8, spent  # the child's burn, not the unrelated process's too
    assert "server" in spent  # the stack's own name for its process
    assert unrelated.pid not in side_processes([side.pid], [], [])


def test_cpu_window_leaves_out_excluded_pids(burners: list[subprocess.Popen[bytes]], tmp_path: Path) -> None:
    side, _ = burners
    children = [pid for pid in side_processes([side.pid], [], []) if pid != side.pid]
    window = CpuWindow([side.pid], [])
    assert children
    window.start()
    wait_for_burns(tmp_path)
    assert sum(window.stop(exclude=children).values()) < 0.1


def test_table_gives_the_ratio_and_cpu_per_turn() -> None:
    mesh = {50: Measure(turns=4000, turns_per_s=200.0, p99_ms=400.0, errors=0, cpu_ms=20_000.0, cpu_by_process={})}
    mono = {50: Measure(turns=2000, turns_per_s=100.0, p99_ms=800.0, errors=3, cpu_ms=24_000.0, cpu_by_process={})}
    row = table("kb", mesh, mono).splitlines()[2]
    assert row == "| kb | 50 users | 200 | 100 | 2.00x | 0.40 s | 0.80 s | 0/3 | 5.0 | 12.0 |"


def test_a_side_whose_turns_failed_is_no_measurement() -> None:
    # A monolith that never started: k6 counts every refused request as a turn.
    ok = Measure(turns=4000, turns_per_s=200.0, p99_ms=400.0, errors=3, cpu_ms=20_000.0, cpu_by_process={})
    down = Measure(turns=98_749, turns_per_s=3289.0, p99_ms=1.0, errors=98_749, cpu_ms=0.0, cpu_by_process={})
    assert failed_sides({50: ok}, {50: ok}) == []
    assert failed_sides({50: ok}, {50: down, 200: ok}) == ["monolith at 50 users: 98749 of 98749 turns failed"]


def test_summary_sorts_samples_by_kind_of_work(tmp_path: Path) -> None:
    raw = tmp_path / "memory_svc.txt"
    loop = "_run_module_as_main (<frozen runpy>:198);run (uvloop/__init__.py:92);Runner.run (asyncio/runners.py:118)"
    raw.write_text(
        f"{loop} 50\n"
        f"{loop};Memory._append (memory_svc/service.py:10);execute (psycopg/cursor_async.py:90) 30\n"
        f"{loop};Memory._append (memory_svc/service.py:10);_record (atende_runtime/storage_spans.py:57);"
        "Tracer.start_span (trace/__init__.py:1150) 20\n"
    )
    text = summarize(raw)
    assert "100 samples" in text
    assert "event loop in C (uvloop, grpc aio, sockets) 50 %, SQL 30 %, tracing 20 %" in text
    assert " 50.0 %  Memory._append (memory_svc/service.py)" in text
    assert kind_of(["f (redis/asyncio/connection.py:1)", "g (asyncio/streams.py:2)"]) == "Redis"


def test_several_knowledge_folders_are_merged_with_the_files_both_sides_read(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "kb", tmp_path / "b" / "kb"
    for folder in (first, second):
        folder.mkdir(parents=True)
        (folder / "precos.md").write_text(f"# {folder.parent.name}\n")
        (folder / "notes.txt").write_text("plain\n")
        (folder / "page.html").write_text("<p>the monolith does not read this</p>")
    assert knowledge_folder(str(first)) == first
    merged = knowledge_folder(f"{first}:{second}")
    assert sorted(p.name for p in merged.iterdir()) == ["a-notes.txt", "a-precos.md", "b-notes.txt", "b-precos.md"]
    assert (merged / "b-precos.md").read_text() == "# b\n"
    with pytest.raises(SystemExit, match="not a folder"):
        knowledge_folder(f"{first}:{tmp_path / 'missing'}")
