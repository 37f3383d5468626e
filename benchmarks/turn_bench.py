"""The whole customer turn under load: 50 and 200 concurrent conversations, with the
local engine and with an OpenAI-compatible provider stub on loopback that answers
after a fixed 300 ms. Prints latency p50/p95/p99, throughput, and the mesh's
overhead: turn latency minus the time spent waiting for the LLM.

    .venv/bin/python benchmarks/turn_bench.py                 # both engines, 50 and 200
    .venv/bin/python benchmarks/turn_bench.py --duration 20 --concurrency 200 --engines stub

Modes: `stack` drives POST-equivalent SendMessage calls through the gateway (Envoy,
router, memory, knowledge, agents: devstack); `direct` drives
agent_svc's GenerateReply over gRPC, the router's call. `auto` (the default) uses the
stack when every service package can start, else direct.

LLM time per turn: agent_svc measures it around each provider call (the HTTP client
included) and reports it in trailing metadata (atende-llm-ms), which router_svc
passes on to its own gRPC callers; both modes subtract it. agent_svc's own time inside the handler (atende-turn-ms
minus LLM time) is printed too, free of the load generator's queueing.

Tracing's cost (stack mode): `--telemetry off,100,10` runs the same load on a stack
with tracing off (OTEL_SDK_DISABLED, no tracer in Envoy), on with every turn traced,
and on with 10 % sampled (Envoy's head decision, the services following it), and
prints throughput, p99 and CPU per turn of each side by side (the local OTLP receiver's
CPU, which writes the spans, is counted with the rest). Metrics are recorded in all three.

    .venv/bin/python benchmarks/turn_bench.py --mode stack --engines local --concurrency 50 --telemetry off,100,10

Every target is on 127.0.0.1; each run stops by itself after --duration seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "gen" / "python")]

import grpc  # noqa: E402
from atende.agent.v1 import agent_service_pb2 as apb  # noqa: E402
from atende.agent.v1 import agent_service_pb2_grpc as agrpc  # noqa: E402
from atende.common.v1 import types_pb2  # noqa: E402
from grpc_health.v1 import health_pb2, health_pb2_grpc  # noqa: E402

from atende_runtime.main import blas_single_thread_env  # noqa: E402
from devstack.embedded import free_port  # noqa: E402

STUB_LATENCY_MS = 300.0
SCRIPT = [
    "Oi, tudo bem?",
    "Preciso de energia solar para minha loja",
    "Quanto custa o kit solar comercial?",
    "Uns R$ 60 mil",
    "Só eu decido",
    "No mês que vem, é urgente",
    "Sim, pode passar: cliente{n}@exemplo.com",
]
PROVIDER_KEYS = (
    "ANTHROPIC_API_KEY",
    "ANTHROPIC_BASE_URL",
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "OPENAI_MODEL",
    "VLLM_BASE_URL",
    "VLLM_API_KEY",
    "VLLM_MODEL",
)


@dataclass
class Sample:
    latency_ms: float
    llm_ms: float
    server_ms: float


@dataclass
class Result:
    engine: str
    concurrency: int
    seconds: float
    samples: list[Sample] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    # Stack mode: CPU seconds each process spent during the measured window.
    cpu_seconds: dict[str, float] = field(default_factory=dict)


def _own_cpu(pid: int) -> tuple[int, float] | None:
    """(parent pid, user plus system CPU seconds) of a live process."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process and of its descendants (a service run as
    several workers is a supervisor and its worker processes): what the work costs,
    which the shared machine's noise moves far less than latency."""
    stats = {int(entry.name): stat for entry in Path("/proc").iterdir()
             if entry.name.isdigit() and (stat := _own_cpu(int(entry.name))) is not None}
    tree, grew = {pid} & stats.keys(), True
    while grew:
        more = {child for child, (parent, _) in stats.items() if parent in tree and child not in tree}
        tree |= more
        grew = bool(more)
    return sum(stats[member][1] for member in tree)


_JITTER = random.Random(11)


def first_message_delay(index: int, think: float) -> float:
    """Customers do not all start typing at the same instant: with a think time, the
    first messages spread over one think time; without, a 2 ms stagger."""
    return _JITTER.uniform(0, think) if think else index * 0.002


def think_time(mean: float) -> float:
    """A customer's pause between a reply and their next message: the mean, give or
    take half (a fixed pause would keep every conversation in lockstep, arriving in bursts)."""
    return _JITTER.uniform(0.5 * mean, 1.5 * mean)


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def service_env(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in PROVIDER_KEYS}
    for name, value in blas_single_thread_env().items():
        env.setdefault(name, value)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "gen" / "python")])
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra)
    return env


@contextmanager
def fake_provider(latency_ms: float, log_dir: Path) -> Iterator[str]:
    """The stub runs in its own process, like a real provider would."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "devstack.fake_llm",
            "--port",
            "0",
            "--latency-ms",
            str(latency_ms),
            "--text",
            "Temos kits solares residenciais e comerciais. Posso ajudar a escolher o melhor para você.",
        ],
        cwd=ROOT,
        env=service_env({}),
        stdout=subprocess.PIPE,
        stderr=(log_dir / "fake_llm.log").open("ab"),
        text=True,
    )
    try:
        line = process.stdout.readline() if process.stdout else ""
        if "listening on" not in line:
            raise RuntimeError(f"the provider stub did not start: {line!r}")
        port = line.rsplit(":", 1)[1].strip()
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        process.terminate()
        process.wait(timeout=10)


def wait_serving(target: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    with grpc.insecure_channel(target) as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"agent_svc exited with {process.returncode}")
            try:
                if (
                    stub.Check(health_pb2.HealthCheckRequest(service=""), timeout=1).status
                    == health_pb2.HealthCheckResponse.SERVING
                ):
                    return
            except grpc.RpcError:
                pass
            time.sleep(0.1)
    raise TimeoutError("agent_svc did not become SERVING")


@contextmanager
def agent_service(provider_env: dict[str, str], log_dir: Path, name: str) -> Iterator[str]:
    port = free_port()
    env = service_env({"AGENT_PORT": str(port), "AGENT_HOST": "127.0.0.1", "AGENT_KNOWLEDGE_ADDR": "", **provider_env})
    log = (log_dir / f"agent_svc-{name}.log").open("ab")
    process = subprocess.Popen([sys.executable, "-m", "agent_svc"], cwd=ROOT, env=env, stdout=log, stderr=log)
    try:
        wait_serving(f"127.0.0.1:{port}", process)
        yield f"127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def stack_ready() -> bool:
    from devstack.stack import SERVICES

    return all((ROOT / service / "__main__.py").exists() for service in SERVICES)


class Conversation:
    """One customer working through the sales script, history kept like the router."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.round = 0
        self.step = 0
        self.history: list[types_pb2.Message] = []
        self.lead = types_pb2.Lead()

    @property
    def conversation_id(self) -> str:
        return f"bench-{self.index}-{self.round}"

    def next_text(self) -> str:
        if self.step >= len(SCRIPT):  # the script is done (or a turn failed at its end): a new conversation
            self.round, self.step, self.history, self.lead = self.round + 1, 0, [], types_pb2.Lead()
        text = SCRIPT[self.step].format(n=self.index)
        self.step += 1
        return text

    def record(self, text: str, reply: apb.GenerateReplyResponse) -> None:
        self.history += [
            types_pb2.Message(role="user", text=text),
            types_pb2.Message(role="assistant", text=reply.text, agent=reply.agent),
        ]
        self.history = self.history[-12:]
        if reply.HasField("lead_update"):
            update = reply.lead_update
            for name in ("name", "email", "phone", "company"):
                if getattr(update, name):
                    setattr(self.lead, name, getattr(update, name))
            for slot in ("budget", "authority", "need", "timeline"):
                if getattr(update.qualification, slot):
                    setattr(self.lead.qualification, slot, getattr(update.qualification, slot))
            self.lead.score = update.score
        if self.step >= len(SCRIPT):
            self.round, self.step, self.history, self.lead = self.round + 1, 0, [], types_pb2.Lead()


async def drive_direct(target: str, engine: str, concurrency: int, duration: float, warmup: float, think: float) -> Result:
    result = Result(engine, concurrency, duration)
    channel = grpc.aio.insecure_channel(target, options=[("grpc.max_concurrent_streams", 1000)])
    stub = agrpc.AgentServiceStub(channel)
    started = time.perf_counter()
    measure_from = started + warmup
    stop_at = measure_from + duration

    async def worker(index: int) -> None:
        conversation = Conversation(index)
        await asyncio.sleep(first_message_delay(index, think))
        while time.perf_counter() < stop_at:
            text = conversation.next_text()
            request = apb.GenerateReplyRequest(
                agent="sales",
                conversation_id=conversation.conversation_id,
                user_id=f"u-{index}",
                text=text,
                channel="web",
                language="pt",
                history=conversation.history,
                lead=conversation.lead if conversation.lead.score else None,
            )
            sent = time.perf_counter()
            try:
                call = stub.GenerateReply(request, timeout=30)
                reply = await call
                trailing = dict(await call.trailing_metadata() or ())
            except grpc.aio.AioRpcError as error:
                if sent >= measure_from:
                    result.errors[error.code().name] = result.errors.get(error.code().name, 0) + 1
                continue
            done = time.perf_counter()
            conversation.record(text, reply)
            if sent >= measure_from and done <= stop_at:
                llm = float(trailing.get("atende-llm-ms", 0) or 0)
                server = float(trailing.get("atende-turn-ms", 0) or 0)
                result.samples.append(Sample((done - sent) * 1000, llm, server))
            if think:
                await asyncio.sleep(think_time(think))

    await asyncio.gather(*(worker(i) for i in range(concurrency)))
    await channel.close(None)
    return result


async def drive_stack(
    target: str, engine: str, concurrency: int, duration: float, warmup: float, think: float,
    pids: dict[str, int] | None = None,
) -> Result:
    from atende.conversation.v1 import conversation_service_pb2 as cpb
    from atende.conversation.v1 import conversation_service_pb2_grpc as cgrpc

    result = Result(engine, concurrency, duration)
    channel = grpc.aio.insecure_channel(target)
    stub = cgrpc.ConversationServiceStub(channel)
    measure_from = time.perf_counter() + warmup
    stop_at = measure_from + duration

    async def worker(index: int) -> None:
        conversation = Conversation(index)
        await asyncio.sleep(first_message_delay(index, think))
        while time.perf_counter() < stop_at:
            text = conversation.next_text()
            sent = time.perf_counter()
            try:
                call = stub.SendMessage(
                    cpb.SendMessageRequest(
                        conversation_id=conversation.conversation_id, user_id=f"u-{index}", text=text, channel="web"
                    ),
                    timeout=30,
                )
                await call
                trailing = dict(await call.trailing_metadata() or ())
            except grpc.aio.AioRpcError as error:
                if sent >= measure_from:
                    result.errors[error.code().name] = result.errors.get(error.code().name, 0) + 1
                continue
            done = time.perf_counter()
            if sent >= measure_from and done <= stop_at:
                # What agent_svc measured around its provider calls (HTTP client
                # included), as router_svc reports it; the local engine counts too.
                llm = float(trailing.get("atende-llm-ms", 0.0) or 0.0)
                result.samples.append(Sample((done - sent) * 1000, llm, 0.0))
            if think:
                await asyncio.sleep(think_time(think))

    async def account() -> None:
        await asyncio.sleep(max(0.0, measure_from - time.perf_counter()))
        before = {name: cpu_seconds(pid) for name, pid in (pids or {}).items()}
        await asyncio.sleep(max(0.0, stop_at - time.perf_counter()))
        result.cpu_seconds = {name: cpu_seconds(pid) - before[name] for name, pid in (pids or {}).items()}

    await asyncio.gather(account(), *(worker(i) for i in range(concurrency)))
    await channel.close(None)
    return result


def report(results: list[Result], mode: str) -> None:
    print(f"\nturn benchmark ({mode}): latency and overhead in ms, throughput in turns/s")
    header = (
        f"{'engine':<11}{'conc':>5}{'turns':>7}{'err':>5}{'tput':>8}  {'p50':>7}{'p95':>7}{'p99':>7}  "
        f"{'llm p50':>8}  {'ovh p50':>8}{'ovh p95':>8}{'ovh p99':>8}  {'svc p50':>8}{'svc p99':>8}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        lat = [s.latency_ms for s in r.samples]
        llm = [s.llm_ms for s in r.samples]
        overhead = [s.latency_ms - s.llm_ms for s in r.samples]
        service = [max(0.0, s.server_ms - s.llm_ms) for s in r.samples if s.server_ms]
        print(
            f"{r.engine:<11}{r.concurrency:>5}{len(lat):>7}{sum(r.errors.values()):>5}{len(lat) / r.seconds:>8.1f}  "
            f"{pct(lat, 50):>7.1f}{pct(lat, 95):>7.1f}{pct(lat, 99):>7.1f}  {statistics.median(llm) if llm else 0:>8.1f}  "
            f"{pct(overhead, 50):>8.1f}{pct(overhead, 95):>8.1f}{pct(overhead, 99):>8.1f}  "
            f"{pct(service, 50):>8.1f}{pct(service, 99):>8.1f}"
        )
        if r.errors:
            print(f"        errors: {r.errors}")
    print("ovh = client-observed latency minus LLM time; svc = agent_svc's own time in the handler minus LLM time.")
    for r in results:
        turns = len(r.samples)
        if r.cpu_seconds and turns:
            parts = "  ".join(f"{name} {seconds * 1000 / turns:.1f}" for name, seconds in r.cpu_seconds.items())
            total = sum(r.cpu_seconds.values()) * 1000 / turns
            print(f"CPU ms per turn, {r.engine} at {r.concurrency}: {parts}  (all {total:.1f})")


async def run_direct(args: argparse.Namespace, log_dir: Path) -> list[Result]:
    results: list[Result] = []
    with fake_provider(args.stub_latency_ms, log_dir) as base_url:
        engines = {
            "local": {},
            "stub": {"OPENAI_BASE_URL": base_url, "OPENAI_API_KEY": "bench-not-a-key", "OPENAI_MODEL": "bench-model"},
        }
        for engine in args.engines:
            with agent_service(engines[engine], log_dir, engine) as target:
                for concurrency in args.concurrency:
                    print(f"  {engine}: {concurrency} conversations for {args.duration:.0f} s…", flush=True)
                    results.append(
                        await drive_direct(target, engine, concurrency, args.duration, args.warmup, args.think_ms / 1000)
                    )
    return results


async def run_stack(args: argparse.Namespace, log_dir: Path) -> list[Result]:
    from devstack.stack import StackConfig, running

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_compare import _wait_knowledge_loaded

    results: list[Result] = []
    with fake_provider(args.stub_latency_ms, log_dir) as base_url:
        engines = {
            "local": {},
            "stub": {"OPENAI_BASE_URL": base_url, "OPENAI_API_KEY": "bench-not-a-key", "OPENAI_MODEL": "bench-model"},
        }
        for engine in args.engines:
            for telemetry in args.telemetry:
                data = Path(tempfile.mkdtemp(prefix=f"atende-bench-{engine}-"))
                # A load test: the per-key rate limit would answer most turns with 429.
                config = StackConfig.on_free_ports(
                    data, extra_env=engines[engine], rate_limit_per_minute=10_000_000,
                    tracing=telemetry != "off", trace_sample_ratio=1.0 if telemetry == "off" else float(telemetry) / 100,
                )
                label = engine if args.telemetry == ["100"] and not args.json_out else f"{engine}/{telemetry}"
                with running(config) as stack:
                    # knowledge_svc loads the sample KB after it reports SERVING: a load
                    # under way would count its embedding in the turns' CPU and empty the
                    # row cache while the turns run.
                    _wait_knowledge_loaded(stack)
                    for concurrency in args.concurrency:
                        print(f"  {label}: {concurrency} conversations for {args.duration:.0f} s…", flush=True)
                        results.append(
                            await drive_stack(
                                stack.gateway_target,
                                label,
                                concurrency,
                                args.duration,
                                args.warmup,
                                args.think_ms / 1000,
                                {name: process.pid for name, process in stack.processes.items()},
                            )
                        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description="atende turn benchmark")
    parser.add_argument("--mode", choices=["auto", "stack", "direct"], default="auto")
    parser.add_argument("--engines", type=lambda s: s.split(","), default=["local", "stub"])
    parser.add_argument("--concurrency", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--duration", type=float, default=10.0, help="measured seconds per run")
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument(
        "--think-ms", type=float, default=0.0,
        help="a customer's mean pause between a reply and the next message (uniform, ±50%%); 0: none",
    )
    parser.add_argument("--stub-latency-ms", type=float, default=STUB_LATENCY_MS)
    parser.add_argument(
        "--telemetry", type=lambda s: s.split(","), default=["100"],
        help="stack mode: tracing settings to compare, comma-separated: off, or a percentage sampled (100, 10)",
    )
    parser.add_argument("--rounds", type=int, default=1,
                        help="with several --telemetry settings: run them in turn this many times (a shared machine's "
                             "load moves; rounds interleave it) and report them merged")
    parser.add_argument("--json-out", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode == "stack" and len(args.telemetry) > 1:
        report(compare_telemetry(args), "gateway → router → agents, tracing off and on")
        return
    mode = args.mode
    if mode == "auto":
        mode = "stack" if stack_ready() else "direct"
        if mode == "direct":
            print("the full stack cannot start yet (a service package has no __main__); driving agent_svc directly")
    log_dir = Path(tempfile.mkdtemp(prefix="atende-turn-bench-"))
    print(f"logs in {log_dir}")
    if mode == "stack":
        try:
            results = asyncio.run(run_stack(args, log_dir))
        except (RuntimeError, TimeoutError, OSError) as error:
            if args.mode == "stack":
                raise
            print(f"the full stack did not start ({error}); driving agent_svc directly")
            mode = "direct"
    if mode == "direct":
        results = asyncio.run(run_direct(args, log_dir))
    if args.json_out is not None:
        args.json_out.write_text(json.dumps([asdict(result) for result in results]))
        return
    label = "gateway → router → agents" if mode == "stack" else "router's call: agent_svc GenerateReply over gRPC"
    report(results, label)


def compare_telemetry(args: argparse.Namespace) -> list[Result]:
    """Each tracing setting in a process of its own, one after the other: a process
    that has used grpc.aio and starts another stack can hang in gRPC's shutdown, and
    each setting then starts from the same clean state."""
    results: list[Result] = []
    rounds: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        for telemetry in args.telemetry:
            for result in _one_setting(args, telemetry):
                rounds.setdefault(result.engine, []).append(len(result.samples) / result.seconds)
                results.append(result)
    if args.rounds > 1:
        print("\nthroughput of each round (turns/s): " + "; ".join(
            f"{label} {', '.join(f'{t:.0f}' for t in values)}" for label, values in rounds.items()))
    return _merged(results)


def _merged(results: list[Result]) -> list[Result]:
    """The rounds of each setting as one result: every sample, the summed time and CPU."""
    merged: dict[tuple[str, int], Result] = {}
    for result in results:
        key = (result.engine, result.concurrency)
        into = merged.setdefault(key, Result(result.engine, result.concurrency, 0.0))
        into.seconds += result.seconds
        into.samples += result.samples
        for name, count in result.errors.items():
            into.errors[name] = into.errors.get(name, 0) + count
        for name, seconds in result.cpu_seconds.items():
            into.cpu_seconds[name] = into.cpu_seconds.get(name, 0.0) + seconds
    return list(merged.values())


def _one_setting(args: argparse.Namespace, telemetry: str) -> list[Result]:
    """One tracing setting's stack and load, in a child process of its own."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        argv = [
            sys.executable, __file__, "--mode", "stack", "--engines", ",".join(args.engines),
            "--concurrency", *map(str, args.concurrency), "--duration", str(args.duration),
            "--warmup", str(args.warmup), "--think-ms", str(args.think_ms),
            "--stub-latency-ms", str(args.stub_latency_ms), "--telemetry", telemetry, "--json-out", out.name,
        ]
        subprocess.run(argv, check=True, timeout=600 + 3 * args.duration * len(args.concurrency) * len(args.engines))
        results = []
        for raw in json.loads(Path(out.name).read_text()):
            samples = [Sample(**sample) for sample in raw.pop("samples")]
            results.append(Result(**raw, samples=samples))
    return results


if __name__ == "__main__":
    main()
