"""The mesh against the seed's monolith (../shared/baseline), one after the other, on the
same knowledge base with the same k6 script (closed loop, no think time), at each number
of virtual users; prints one table with throughput, p99, errors and the CPU each side
spends per turn. What `make bench-compare` runs.

    .venv/bin/python benchmarks/bench_compare.py
    DURATION=20s VUS="50 200" KB_DIR=/path/to/docs .venv/bin/python benchmarks/bench_compare.py
    KB_DIR=knowledge_svc/sample_kb:evals/vetorfibra/kb .venv/bin/python benchmarks/bench_compare.py  # ~250 chunks

Order: the monolith first (`run.sh up`, every load, `run.sh down`), then the mesh (a
devstack on free ports and a throwaway data folder, every load, stopped). Only one side is
up at a time, so on this 2-core machine neither side's idle processes (pollers, Milvus,
the tracer's exporter) take CPU from the side being measured.

CPU per turn: user plus system time of every process of the side (its servers, their
workers, PostgreSQL's backends, Redis, Milvus, Envoy, the local trace receiver), read
from /proc before and after each k6 run, divided by the turns k6 counted. k6's own CPU
is not counted. CPU time moves far less than latency when other jobs share the machine.

Env: DURATION (30s), VUS ("50 200"), KB_DIR (knowledge_svc/sample_kb; several folders joined by ":"
are merged into one throwaway folder, their .md and .txt files only, which is what the monolith reads), K6
(/tmp/baseline-venv/bin/k6), BASELINE (../shared/baseline), WARMUP (5s, each side, not measured),
MESH_TRACING (on: every turn traced, as `make run` does; off: no tracer in the services or Envoy, like
the monolith, which traces nothing).
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "gen" / "python")]

from devstack.stack import Stack, StackConfig, running  # noqa: E402

BASELINE_URL = "http://127.0.0.1:8090"
BASELINE_PORTS = (8090, 6390, 19540)  # the monolith, its Redis, its Milvus (run.sh)
BASELINE_DATA = Path("/tmp/baseline-data")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Measure:
    """One k6 run against one side."""

    turns: int
    turns_per_s: float
    p99_ms: float
    errors: int
    cpu_ms: float
    # CPU milliseconds by process name, for the breakdown printed on stderr.
    cpu_by_process: dict[str, float]

    @property
    def cpu_ms_per_turn(self) -> float:
        return self.cpu_ms / self.turns if self.turns else float("nan")


# --- CPU accounting from /proc -------------------------------------------------------

def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds) of a live process: its own user+system time plus that of
    children it has reaped (a worker that exits inside the window still counts)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[1]), sum(int(f) for f in fields[11:15]) / CLOCK_TICKS


def _parent(pid: int) -> int:
    """A worker process counts under its supervisor's name (ServiceSettings.workers)."""
    stat = _stat(pid)
    return stat[0] if stat else 0


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _comm(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return str(pid)


def side_processes(roots: Iterable[int], markers: Iterable[str], exclude: Iterable[int]) -> dict[int, float]:
    """CPU seconds of every process of one side: the roots and their descendants, and any
    process (with its descendants) whose command line names one of the markers (PostgreSQL
    daemonizes away from whoever started it, but its command line names its data folder)."""
    stats: dict[int, tuple[int, float]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) is not None:
            stats[int(entry.name)] = stat
    marks = [m for m in markers if m]
    chosen = {pid for pid in roots if pid in stats}
    chosen |= {pid for pid in stats if any(m in _cmdline(pid) for m in marks)}
    grew = True
    while grew:  # close over descendants
        more = {pid for pid, (parent, _) in stats.items() if parent in chosen and pid not in chosen}
        chosen |= more
        grew = bool(more)
    chosen -= set(exclude)
    return {pid: stats[pid][1] for pid in chosen}


class CpuWindow:
    """CPU spent by one side between start() and stop(); processes that appear inside
    the window count from zero."""

    def __init__(self, roots: list[int], markers: list[str], names: dict[int, str] | None = None) -> None:
        self.roots, self.markers, self.names = roots, markers, names or {}
        self.before: dict[int, float] = {}

    def start(self) -> None:
        self.before = side_processes(self.roots, self.markers, [os.getpid()])

    def stop(self, exclude: Iterable[int] = ()) -> dict[str, float]:
        """CPU seconds by process name (the stack's name for its own, else the command)."""
        after = side_processes(self.roots, self.markers, [os.getpid(), *exclude])
        spent: dict[str, float] = {}
        for pid, seconds in after.items():
            name = self.names.get(pid) or self.names.get(_parent(pid), "") or _comm(pid)
            spent[name] = spent.get(name, 0.0) + seconds - self.before.get(pid, 0.0)
        return spent


# --- k6 -------------------------------------------------------------------------------

def k6_run(k6: str, script: Path, target: str, vus: int, duration: str, cpu: CpuWindow | None) -> Measure:
    with tempfile.TemporaryDirectory(prefix="bench-compare-") as out:
        summary = Path(out) / "summary.json"
        env = dict(os.environ, TARGET=target, VUS=str(vus), DURATION=duration)
        if cpu is not None:
            cpu.start()
        process = subprocess.Popen(
            [k6, "run", "-q", "--summary-export", str(summary), str(script)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        process.wait()
        spent = cpu.stop(exclude=[process.pid]) if cpu is not None else {}
        if not summary.exists():
            raise RuntimeError(f"k6 wrote no summary (exit {process.returncode}) for {target}")
        metrics = json.loads(summary.read_text())["metrics"]
    reqs = metrics["http_reqs"]
    checks = metrics.get("checks", {})
    return Measure(
        turns=int(reqs["count"]),
        turns_per_s=float(reqs["rate"]),
        p99_ms=float(metrics["http_req_duration"]["p(99)"]),
        errors=int(checks.get("fails", 0)),
        cpu_ms=sum(spent.values()) * 1000,
        cpu_by_process={name: seconds * 1000 for name, seconds in spent.items()},
    )


def measure_all(k6: str, script: Path, target: str, loads: list[int], duration: str, warmup: str,
                cpu: CpuWindow, name: str) -> dict[int, Measure]:
    print(f"  {name}: warm-up {warmup}", file=sys.stderr, flush=True)
    k6_run(k6, script, target, min(loads), warmup, None)
    results: dict[int, Measure] = {}
    for vus in loads:
        print(f"  {name}: {vus} users for {duration}", file=sys.stderr, flush=True)
        result = results[vus] = k6_run(k6, script, target, vus, duration, cpu)
        if result.turns:
            parts = sorted(result.cpu_by_process.items(), key=lambda item: -item[1])
            shown = "  ".join(f"{name} {ms / result.turns:.2f}" for name, ms in parts if ms > 0)
            print(f"    {result.turns} turns; CPU-ms per turn by process: {shown}", file=sys.stderr, flush=True)
    return results


# --- the two sides --------------------------------------------------------------------

def _port_busy(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def _answers_a_turn(url: str) -> bool:
    """One customer turn as turn.js sends it gets a 200."""
    body = json.dumps({"user_id": "bench-check", "text": "qual a garantia do painel solar?", "channel": "api"}).encode()
    request = urllib.request.Request(f"{url}/v1/conversations/bench-check/messages", data=body,
                                     headers={"content-type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return bool(response.status == 200)
    except OSError:  # refused, reset, timed out, or an HTTP error status (HTTPError is one)
        return False


def run_baseline(baseline: Path, kb_dir: Path, k6: str, loads: list[int], duration: str,
                 warmup: str) -> tuple[dict[int, Measure], str]:
    busy = [p for p in BASELINE_PORTS if _port_busy(p)]
    if busy:
        raise SystemExit(f"ports {busy} are in use: is a baseline already up? stop it ({baseline}/run.sh down)")
    env = dict(os.environ, KB_DIR=str(kb_dir))
    print("monolith: starting (run.sh up)", file=sys.stderr, flush=True)
    up = subprocess.run([str(baseline / "run.sh"), "up"], cwd=ROOT, env=env, capture_output=True, text=True)
    if "baseline up" in up.stdout and not _answers_a_turn(BASELINE_URL):
        # On a fresh data folder its two uvicorn workers race to create the same tables and
        # one start fails (uvicorn.log: UniqueViolation); the tables exist the second time.
        print("monolith: no answer to a turn, starting it again", file=sys.stderr, flush=True)
        subprocess.run([str(baseline / "run.sh"), "down"], cwd=ROOT, env=env, capture_output=True)
        up = subprocess.run([str(baseline / "run.sh"), "up"], cwd=ROOT, env=env, capture_output=True, text=True)
    try:
        if "baseline up" not in up.stdout:
            raise SystemExit(f"the baseline did not start:\n{up.stdout}\n{up.stderr}")
        if not _answers_a_turn(BASELINE_URL):
            log = BASELINE_DATA / "uvicorn.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise SystemExit(f"the baseline started but answers no turn; {log}:\n{tail}")
        chunks = re.search(r"^(\d+) chunks$", up.stdout, re.MULTILINE)
        roots = [int(p) for p in (BASELINE_DATA / "pids").read_text().split()]
        cpu = CpuWindow(roots, [str(BASELINE_DATA)])
        return measure_all(k6, baseline / "turn.js", BASELINE_URL, loads, duration, warmup, cpu, "monolith"), \
            chunks.group(1) if chunks else "?"
    finally:
        subprocess.run([str(baseline / "run.sh"), "down"], cwd=ROOT, env=env, capture_output=True)
        print("monolith: stopped", file=sys.stderr, flush=True)


def _wait_knowledge_loaded(stack: Stack, timeout: float = 300.0) -> str:
    """knowledge_svc loads the documents after it reports SERVING: wait for its log line,
    so no measured turn searches a half-loaded collection. Returns the chunk count."""
    log = (stack.config.log_dir or Path()) / "knowledge_svc.log"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log.read_text(errors="replace") if log.exists() else ""
        if "sample knowledge base loaded" in text:
            found = re.search(r'sample knowledge base loaded".*?"chunks":\s*(\d+)', text)
            return found.group(1) if found else "?"
        if "loading the sample knowledge base failed" in text:
            raise SystemExit(f"knowledge_svc could not load the documents; see {log}")
        time.sleep(0.5)
    raise SystemExit(f"knowledge_svc did not load the documents in {timeout:.0f} s; see {log}")


def run_mesh(kb_dir: Path, k6: str, script: Path, loads: list[int], duration: str,
             warmup: str, tracing: bool = True) -> tuple[dict[int, Measure], str]:
    data = Path(tempfile.mkdtemp(prefix="atende-bench-compare-"))
    # Free ports (not 8080 and friends: another stack may be up on this machine), its
    # own PostgreSQL and Redis in the throwaway folder, the rate limit out of the way.
    config = StackConfig.on_free_ports(
        data, rate_limit_per_minute=100_000_000, tracing=tracing,
        extra_env={"KNOWLEDGE_SAMPLE_KB_DIR": str(kb_dir)},
    )
    print(f"mesh: starting (devstack, data in {data})", file=sys.stderr, flush=True)
    with running(config) as stack:
        chunks = _wait_knowledge_loaded(stack)
        names = {p.pid: name for name, p in stack.processes.items()}
        # Every process this one started (the services, Envoy, Redis; not k6, excluded
        # by pid) and PostgreSQL, which names the data folder on its command line.
        cpu = CpuWindow([os.getpid()], [str(data)], names)
        return measure_all(k6, script, stack.gateway_url, loads, duration, warmup, cpu, "mesh"), chunks


# --- the table ------------------------------------------------------------------------

def table(kb_label: str, mesh: dict[int, Measure], mono: dict[int, Measure]) -> str:
    rows = [
        "| knowledge base | load | mesh turns/s | monolith turns/s | ratio | mesh p99 | monolith p99 "
        "| errors (mesh/monolith) | mesh CPU-ms/turn | monolith CPU-ms/turn |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for vus in sorted(mesh):
        m, b = mesh[vus], mono[vus]
        ratio = m.turns_per_s / b.turns_per_s if b.turns_per_s else float("nan")
        rows.append(
            f"| {kb_label} | {vus} users | {m.turns_per_s:.0f} | {b.turns_per_s:.0f} | {ratio:.2f}x "
            f"| {m.p99_ms / 1000:.2f} s | {b.p99_ms / 1000:.2f} s | {m.errors}/{b.errors} "
            f"| {m.cpu_ms_per_turn:.1f} | {b.cpu_ms_per_turn:.1f} |"
        )
    return "\n".join(rows)


def failed_sides(mesh: dict[int, Measure], mono: dict[int, Measure], share: float = 0.01) -> list[str]:
    """Each side and load where more than `share` of the turns failed: its throughput is
    no measurement of that side (a monolith that never started answers nothing, fast)."""
    return [f"{side} at {vus} users: {m.errors} of {m.turns} turns failed"
            for side, results in (("mesh", mesh), ("monolith", mono)) for vus, m in sorted(results.items())
            if m.errors > share * max(1, m.turns)]


def knowledge_folder(spec: str) -> Path:
    """KB_DIR: one folder as it is, or several (a:b) merged into a throwaway folder with the
    files both sides read (.md, .txt), each prefixed by its folder's name so none collide."""
    folders = [Path(part).resolve() for part in spec.split(":") if part]
    for folder in folders:
        if not folder.is_dir():
            raise SystemExit(f"KB_DIR: {folder} is not a folder")
    if len(folders) == 1:
        return folders[0]
    if not folders:
        raise SystemExit("KB_DIR is empty")
    merged = Path(tempfile.mkdtemp(prefix="bench-kb-")) / "+".join(f.name for f in folders)
    merged.mkdir()
    for folder in folders:
        for document in sorted([*folder.glob("*.md"), *folder.glob("*.txt")]):
            (merged / f"{folder.parent.name}-{document.name}").write_bytes(document.read_bytes())
    return merged


def main() -> int:
    if len(sys.argv) > 1:  # no options: everything is set by the environment
        print(__doc__)
        return 0 if sys.argv[1] in ("-h", "--help") else 2
    env = os.environ
    tracing = env.get("MESH_TRACING", "on").strip().lower()
    if tracing not in ("on", "off"):
        raise SystemExit(f"MESH_TRACING must be on or off, not {tracing!r}")
    duration = env.get("DURATION", "30s")
    warmup = env.get("WARMUP", "5s")
    loads = [int(v) for v in env.get("VUS", "50 200").split()]
    kb_dir = knowledge_folder(env.get("KB_DIR", str(ROOT / "knowledge_svc" / "sample_kb")))
    baseline = Path(env.get("BASELINE", str(ROOT.parent / "shared" / "baseline"))).resolve()
    if not (baseline / "run.sh").exists():
        baseline = Path("/work/shared/baseline")
    k6 = env.get("K6", "/tmp/baseline-venv/bin/k6")
    if not loads:
        raise SystemExit('VUS is empty: give numbers of users, e.g. VUS="50 200"')

    mono, mono_chunks = run_baseline(baseline, kb_dir, k6, loads, duration, warmup)  # also installs k6
    mesh, mesh_chunks = run_mesh(kb_dir, k6, baseline / "turn.js", loads, duration, warmup, tracing == "on")
    documents = len(list(kb_dir.glob("*.md")) + list(kb_dir.glob("*.txt")))
    label = f"{kb_dir.name}: {documents} documents ({mesh_chunks} mesh / {mono_chunks} monolith chunks)"
    print(f"\nk6 closed loop, no think time, {duration} a load, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"{os.cpu_count()} CPUs, mesh tracing {tracing}\n")
    print(table(label, mesh, mono))
    failed = failed_sides(mesh, mono)
    if failed:
        print("NOT A MEASUREMENT (more than 1% of turns failed): " + "; ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
