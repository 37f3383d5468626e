"""Starts the whole mesh on one machine: PostgreSQL and Redis (the machine's, when
DATABASE_URL / REDIS_URL are set, else the embedded ones), the five services and
Envoy in front; stops every process it started on Ctrl-C, SIGTERM or exit.

    python -m devstack          # what `make run` does (devstack/__main__.py)

Tests use Stack directly, on free ports and a temporary data folder."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from atende_runtime.main import blas_single_thread_env
from devstack.embedded import EmbeddedPostgres, EmbeddedRedis, free_port

ROOT = Path(__file__).resolve().parent.parent
# Start order: dependencies first, so each service finds its upstreams.
SERVICES = ("memory_svc", "knowledge_svc", "integrations_svc", "agent_svc", "router_svc")
DEFAULT_PORTS = {
    "router_svc": 50051,
    "agent_svc": 50052,
    "memory_svc": 50053,
    "knowledge_svc": 50054,
    "integrations_svc": 50055,
}
# Each service's Prometheus endpoint (/metrics) and the gateway's (Envoy's /stats/prometheus).
DEFAULT_METRICS_PORTS = {
    "router_svc": 9101,
    "agent_svc": 9102,
    "memory_svc": 9103,
    "knowledge_svc": 9104,
    "integrations_svc": 9105,
    "channels": 9106,
    "gateway": 9902,
}
_PREFIX = {
    "router_svc": "ROUTER",
    "agent_svc": "AGENT",
    "memory_svc": "MEMORY",
    "knowledge_svc": "KNOWLEDGE",
    "integrations_svc": "INTEGRATIONS",
    "guard": "GUARD",
    "channels": "CHANNELS",
}
# Server processes of the services that spend the most CPU a turn (docs/performance.md,
# "Workers"), under `make run` on a machine with at least WORKER_MIN_CORES cores: there
# one process each would leave cores idle under load. On two cores the stack's processes
# already fill both, and extra workers measured slower there. ROUTER_WORKERS,
# AGENT_WORKERS… in the environment override this either way (1: one process).
HOT_SERVICE_WORKERS = {"router_svc": 2, "agent_svc": 2}
WORKER_MIN_CORES = 4


def default_workers() -> dict[str, int]:
    """The worker processes `make run` gives each service on this machine (none listed: 1)."""
    return dict(HOT_SERVICE_WORKERS) if (os.cpu_count() or 1) >= WORKER_MIN_CORES else {}


def die_with_parent(argv: list[str]) -> list[str]:
    """argv run so that it gets SIGTERM if the launcher dies, even by SIGKILL: none left
    behind. util-linux's setpriv sets that and execs argv (same pid, through a check). Not a preexec_fn
    doing the same prctl: with one, subprocess must fork() instead of vfork(), and a
    fork() while this process holds gRPC channels runs grpc's at-fork handlers in the
    child, which since grpcio 1.80 can abort it before exec (a service "exited with
    code -6 during start-up", its log holding ev_epoll1_linux.cc's failed wakeup check)."""
    setpriv = shutil.which("setpriv")
    if not setpriv:
        return argv
    # The death signal only counts from the moment setpriv sets it: a launcher killed
    # before then leaves the child to init. So, once it is set, a shell checks that its
    # parent is still this process (else exits) and execs argv in its place (same pid).
    check = f'[ "$PPID" = {os.getpid()} ] || exit 1; exec "$@"'
    return [setpriv, "--pdeathsig", "TERM", "--", "/bin/sh", "-c", check, "sh", *argv]


@dataclass
class StackConfig:
    data_dir: Path = ROOT / "data"
    gateway_bind: str = "127.0.0.1"
    gateway_port: int = 8080
    admin_port: int = 9901
    # The same API over TLS (0: none); without tls_cert/tls_key, a self-signed
    # certificate for localhost is made once in data/tls/ (gateway/tls.py).
    gateway_tls_port: int = 8443
    tls_cert: Path | None = None
    tls_key: Path | None = None
    # False: TLS only, as in production.
    gateway_plaintext: bool = True
    ports: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_PORTS))
    services: tuple[str, ...] = SERVICES
    database_url: str = ""
    redis_url: str = ""
    milvus_uri: str = ""
    api_keys: tuple[str, ...] = ()
    # Processes of each service. With more than one, callers reach every instance
    # (gRPC round robin, Envoy endpoints), and knowledge_svc, which cannot share a
    # Milvus Lite folder between processes, gets a Milvus server (milvus-lite's server
    # mode) unless milvus_uri names one.
    replicas: int = 1
    # Server processes inside each instance of a service (its <PREFIX>_WORKERS setting,
    # atende_runtime/workers.py): one process the stack starts and supervises, which runs
    # that many on one port. Not listed: 1, or what the environment says.
    workers: dict[str, int] = field(default_factory=dict)
    # Ports of the instances after the first ("router_svc-2": 50061); free ports by default.
    replica_ports: dict[str, int] = field(default_factory=dict)
    # Requests a minute for each API key at the gateway.
    rate_limit_per_minute: int = 100
    # Extra environment for every service (tests set fresh schemas and key prefixes).
    extra_env: dict[str, str] = field(default_factory=dict)
    # Where service and Envoy logs go; None means this process's stderr.
    log_dir: Path | None = None
    ready_timeout: float = 90.0
    # Each service's /metrics port, and the gateway's stats listener ("gateway").
    metrics_ports: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_METRICS_PORTS))
    # Traces: with an OTLP collector named (OTEL_EXPORTER_OTLP_ENDPOINT), every service and
    # Envoy export there; without one, the services append to data/traces/spans.jsonl and
    # Envoy exports to a small receiver of the stack's own that appends to the same file
    # (python -m devstack.traces shows them). False: no tracing.
    tracing: bool = True
    otlp_endpoint: str = ""
    # The share of requests traced (the gateway decides, the services follow).
    trace_sample_ratio: float = 1.0
    # The local OTLP receiver's port (0: a free one).
    otlp_port: int = 0

    @classmethod
    def from_env(cls) -> StackConfig:
        from gateway.render import GatewayConfig

        env = os.environ
        gateway = GatewayConfig.from_env()  # the gateway's own reading of GATEWAY_*
        if (gateway.tls_cert is None) != (gateway.tls_key is None):
            raise ValueError("set both GATEWAY_TLS_CERT and GATEWAY_TLS_KEY, or neither (a self-signed pair in data/tls/)")
        return cls(
            data_dir=Path(env.get("ATENDE_DATA_DIR", str(ROOT / "data"))),
            gateway_bind=gateway.bind,
            gateway_port=gateway.port,
            admin_port=gateway.admin_port,
            gateway_tls_port=gateway.tls_port,
            tls_cert=gateway.tls_cert,
            tls_key=gateway.tls_key,
            gateway_plaintext=gateway.plaintext,
            database_url=env.get("DATABASE_URL", ""),
            redis_url=env.get("REDIS_URL", ""),
            milvus_uri=env.get("MILVUS_URI", ""),
            api_keys=tuple(k.strip() for k in env.get("ATENDE_API_KEYS", "").split(",") if k.strip()),
            rate_limit_per_minute=int(env.get("GATEWAY_RATE_LIMIT_PER_MINUTE", "100")),
            replicas=max(1, int(env.get("ATENDE_REPLICAS", "1"))),
            workers=default_workers(),
            tracing=env.get("ATENDE_TRACING", "on").strip().lower() not in ("off", "false", "no", "0"),
            otlp_endpoint=env.get("OTEL_EXPORTER_OTLP_ENDPOINT", ""),
            trace_sample_ratio=float(env.get("ATENDE_TRACE_SAMPLE_RATIO", "1.0")),
        )

    @classmethod
    def on_free_ports(cls, data_dir: Path, **overrides: object) -> StackConfig:
        ports = iter([free_port() for _ in range(4 + len(SERVICES) + len(DEFAULT_METRICS_PORTS))])
        config = cls(
            data_dir=data_dir,
            gateway_port=next(ports),
            admin_port=next(ports),
            gateway_tls_port=next(ports),
            ports={name: next(ports) for name in SERVICES},
            metrics_ports={name: next(ports) for name in DEFAULT_METRICS_PORTS},
            otlp_port=next(ports),
            log_dir=data_dir / "logs",
        )
        for key, value in overrides.items():
            setattr(config, key, value)
        return config


class Stack:
    def __init__(self, config: StackConfig) -> None:
        self.config = config
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self._logs: list[IO[bytes]] = []
        self._postgres: EmbeddedPostgres | None = None
        self._redis: EmbeddedRedis | None = None
        self.database_url = config.database_url
        self.redis_url = config.redis_url
        self.milvus_uri = config.milvus_uri
        self.otlp_endpoint = config.otlp_endpoint if config.tracing else ""

    @property
    def _gateway_host(self) -> str:
        return "localhost" if self.config.gateway_bind in ("127.0.0.1", "0.0.0.0") else self.config.gateway_bind

    @property
    def guarded(self) -> bool:
        """With API keys, the gateway's guard checks them (by hash) and keeps the shared limit."""
        return bool(self.config.api_keys)

    @property
    def guard_addr(self) -> str:
        return f"127.0.0.1:{self.port('guard')}"

    @property
    def gateway_url(self) -> str:
        """The plaintext URL, or the https one when the gateway serves TLS only."""
        if not self.config.gateway_plaintext:
            return self.gateway_https_url
        return f"http://{self._gateway_host}:{self.config.gateway_port}"

    @property
    def gateway_https_url(self) -> str:
        return f"https://{self._gateway_host}:{self.config.gateway_tls_port}"

    @property
    def gateway_target(self) -> str:
        """The plaintext gRPC target."""
        return f"127.0.0.1:{self.config.gateway_port}"

    @property
    def gateway_tls_target(self) -> str:
        """The gRPC target over TLS: a name the certificate covers."""
        return f"localhost:{self.config.gateway_tls_port}"

    @property
    def tls_files(self) -> tuple[Path, Path]:
        """The gateway's certificate and key: the configured files, else the
        self-signed pair in data/tls/ (made on first use, then reused)."""
        if self.config.tls_cert and self.config.tls_key:
            return self.config.tls_cert, self.config.tls_key
        from gateway.tls import ensure_self_signed, local_names

        return ensure_self_signed(self.config.data_dir.resolve() / "tls", local_names(self.config.gateway_bind))

    def instances(self, service: str) -> list[str]:
        """Process names of a service's instances: "router_svc", "router_svc-2", …"""
        count = 1 if service == "knowledge_svc" and self._knowledge_on_lite() else self.config.replicas
        return [service] + [f"{service}-{i}" for i in range(2, count + 1)]

    def _knowledge_on_lite(self) -> bool:
        # One process per Milvus Lite folder: replicas need a Milvus server.
        return not self.milvus_uri.startswith(("http://", "https://", "tcp://"))

    def port(self, instance: str) -> int:
        if instance in self.config.ports:
            return self.config.ports[instance]
        return self.config.replica_ports.setdefault(instance, free_port())

    def address(self, instance: str) -> str:
        """host:port of one instance ("memory_svc" is the first of its service)."""
        return f"127.0.0.1:{self.port(instance)}"

    def upstream(self, service: str) -> str:
        """Every instance of a service, comma-separated: what callers and Envoy are given."""
        return ",".join(self.address(instance) for instance in self.instances(service))

    @property
    def traces_file(self) -> Path:
        """Where the stack's own OTLP receiver writes spans (no collector configured)."""
        return self.config.data_dir / "traces" / "spans.jsonl"

    def workers(self, service: str) -> int:
        """Server processes in each instance of `service` (what its <PREFIX>_WORKERS says)."""
        return max(1, int(self._service_env(service).get(f"{_PREFIX[service]}_WORKERS", "1")))

    def metrics_port(self, instance: str) -> int:
        """The /metrics port of a service instance ("gateway": Envoy's stats listener)."""
        if instance in self.config.metrics_ports:
            return self.config.metrics_ports[instance]
        return self.config.replica_ports.setdefault(f"{instance}:metrics", free_port())

    def metrics_url(self, instance: str) -> str:
        path = "/stats/prometheus" if instance == "gateway" else "/metrics"
        return f"http://127.0.0.1:{self.metrics_port(instance)}{path}"

    def start(self) -> None:
        try:
            collector = self._spawn_collector_if_needed()
            self._start_stores()
            # Every process but Envoy starts at once (each loads its models on its own); a caller's channel connects
            # when the callee is up, and a service that needs another reports not serving until it answers. Envoy
            # comes last: a first health check that fails would hold an upstream out for its 5 s interval.
            instances = [instance for service in self.config.services for instance in self.instances(service)]
            for instance in instances:
                self._spawn_service(instance)
            if self.guarded:
                self._spawn_guard()
            self._spawn_web()
            channels = "router_svc" in self.config.services
            if channels:
                self._spawn_channels()
            if collector:
                self._wait_collector()
            for instance in instances:
                self.wait_serving(instance)
            if self.guarded:
                self._wait_guard()
            self._wait_web()
            if channels:
                self._wait_channels()
            self._spawn_gateway()
            self._wait_gateway()
        except BaseException:
            self.stop()
            raise

    def _start_stores(self) -> None:
        data = self.config.data_dir
        data.mkdir(parents=True, exist_ok=True)
        if not self.database_url:
            self._postgres = EmbeddedPostgres(data / "postgres")
            self.database_url = self._postgres.start()
        if not self.redis_url:
            self._redis = EmbeddedRedis(data / "redis")
            self.redis_url = self._redis.start()
        if not self.milvus_uri and self.config.replicas > 1 and "knowledge_svc" in self.config.services:
            self.milvus_uri = f"http://127.0.0.1:{free_port()}"
            self._spawn_milvus()
            self._wait_milvus()

    def _spawn_collector_if_needed(self) -> bool:
        """Spawns the local OTLP receiver when tracing is on and no collector is named; whether it did."""
        if not self.config.tracing or self.otlp_endpoint:
            return False
        port = self.config.otlp_port or free_port()
        self.otlp_endpoint = f"http://127.0.0.1:{port}"
        self._spawn_collector(port)
        return True

    def _wait_collector(self) -> None:
        port = int(self.otlp_endpoint.rpartition(":")[2])
        deadline = time.monotonic() + self.config.ready_timeout
        while time.monotonic() < deadline:
            self._check_alive("otlp_sink")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        raise TimeoutError("the local OTLP receiver did not listen")

    def _spawn_collector(self, port: int) -> None:
        argv = [sys.executable, "-m", "devstack.otlp_sink", "--port", str(port), "--out", str(self.traces_file)]
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "gen" / "python"), env.get("PYTHONPATH", "")])
        self._spawn("otlp_sink", argv, env)

    def _telemetry_env(self, instance: str) -> dict[str, str]:
        service = instance.partition("-")[0]
        measured = service in SERVICES or instance in self.config.metrics_ports  # the services and the webhooks
        env = {f"{_PREFIX[service]}_METRICS_PORT": str(self.metrics_port(instance))} if measured else {}
        if not self.config.tracing:
            env["OTEL_SDK_DISABLED"] = "true"
            return env
        if self.config.otlp_endpoint:
            env["OTEL_EXPORTER_OTLP_ENDPOINT"] = self.otlp_endpoint
        else:
            # The services append OTLP/JSON lines themselves (the cheapest path: no
            # protobuf in between); Envoy, which speaks only OTLP, sends to the receiver.
            env["ATENDE_TRACES_FILE"] = str(self.traces_file)
        # The services' spans reach the file within a second (the SDK's default is 5 s).
        env["OTEL_BSP_SCHEDULE_DELAY"] = os.environ.get("OTEL_BSP_SCHEDULE_DELAY", "1000")
        if self.config.trace_sample_ratio < 1.0:
            env["OTEL_TRACES_SAMPLER"] = "parentbased_traceidratio"
            env["OTEL_TRACES_SAMPLER_ARG"] = f"{self.config.trace_sample_ratio:g}"
        return env

    def _spawn_milvus(self) -> None:
        """milvus-lite's server mode: a Milvus that several knowledge_svc processes share."""
        port = self.milvus_uri.rpartition(":")[2]
        folder = self.config.data_dir / "milvus-server"
        argv = [sys.executable, "-m", "milvus_lite", "server", "--data-dir", str(folder), "--host", "127.0.0.1", "--port", port]
        self._spawn("milvus", argv, dict(os.environ))

    def _wait_milvus(self) -> None:
        port = int(self.milvus_uri.rpartition(":")[2])
        deadline = time.monotonic() + self.config.ready_timeout
        while time.monotonic() < deadline:
            self._check_alive("milvus")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        raise TimeoutError(f"the Milvus server did not listen after {self.config.ready_timeout:.0f} s")

    def _service_env(self, instance: str) -> dict[str, str]:
        service = instance.partition("-")[0]
        env = dict(os.environ)
        for name, value in blas_single_thread_env().items():
            env.setdefault(name, value)
        env.update(
            {
                "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "gen" / "python"), env.get("PYTHONPATH", "")]),
                "PYTHONUNBUFFERED": "1",
                "DATABASE_URL": self.database_url,
                "REDIS_URL": self.redis_url,
                # knowledge_svc's own name for it: pymilvus reads a global MILVUS_URI at
                # import time and rejects a Milvus Lite path there.
                "KNOWLEDGE_MILVUS_URI": self.milvus_uri or str(self.config.data_dir / "milvus" / "knowledge.db"),
                "ROUTER_ADDR": self.upstream("router_svc"),
                "AGENT_ADDR": self.upstream("agent_svc"),
                "MEMORY_ADDR": self.upstream("memory_svc"),
                "KNOWLEDGE_ADDR": self.upstream("knowledge_svc"),
                "INTEGRATIONS_ADDR": self.upstream("integrations_svc"),
                f"{_PREFIX[service]}_PORT": str(self.port(instance)),
                f"{_PREFIX[service]}_HOST": "127.0.0.1",
            }
        )
        env.pop("MILVUS_URI", None)
        if service in self.config.workers:  # the environment's own <PREFIX>_WORKERS wins
            env.setdefault(f"{_PREFIX[service]}_WORKERS", str(self.config.workers[service]))
        env.update(self._telemetry_env(instance))
        env.update(self.config.extra_env)
        return env

    def _output(self, name: str) -> IO[bytes] | None:
        if self.config.log_dir is None:
            return None
        self.config.log_dir.mkdir(parents=True, exist_ok=True)
        handle = (self.config.log_dir / f"{name}.log").open("ab")
        self._logs.append(handle)
        return handle

    def _spawn(self, name: str, argv: list[str], env: dict[str, str]) -> None:
        output = self._output(name)
        self.processes[name] = subprocess.Popen(die_with_parent(argv), cwd=ROOT, env=env, stdout=output, stderr=output)

    def _spawn_service(self, instance: str) -> None:
        self._spawn(instance, [sys.executable, "-m", instance.partition("-")[0]], self._service_env(instance))

    def _spawn_guard(self) -> None:
        limit = str(self.config.rate_limit_per_minute)
        env = {
            # Counters of this stack's own (tests run several stacks on one Redis).
            "GUARD_REDIS_PREFIX": f"guard:{hashlib.sha256(str(self.config.data_dir).encode()).hexdigest()[:8]}:",
            **{f"GUARD_{kind}_PER_MINUTE": limit for kind in ("CUSTOMER", "AGENT", "ADMIN", "ANONYMOUS")},
        }
        env.update(self._service_env("guard"))
        env["ATENDE_API_KEYS"] = ",".join(self.config.api_keys)
        self._spawn("guard", [sys.executable, "-m", "gateway.guard"], env)

    @property
    def web_addr(self) -> str:
        """The web chat's and console's server (gateway/web), behind the gateway."""
        return f"127.0.0.1:{self.port('web')}"

    @property
    def chat_url(self) -> str:
        return f"{self.gateway_url}/chat/"

    @property
    def console_url(self) -> str:
        return f"{self.gateway_url}/console/"

    def _spawn_web(self) -> None:
        from gateway.tokens import TokenKeys

        TokenKeys(self.config.data_dir / "jwt").ensure()
        env = dict(os.environ)
        env.update({"WEB_PORT": str(self.port("web")), "WEB_JWT_KEYS": str(self.config.data_dir / "jwt"),
                    "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "gen" / "python")])})
        self._spawn("web", [sys.executable, "-m", "gateway.web"], env)

    @property
    def channels_addr(self) -> str:
        """The channels' webhook server (integrations_svc/channels), behind the gateway's /webhooks/."""
        return f"127.0.0.1:{self.port('channels')}"

    def _spawn_channels(self) -> None:
        env = self._service_env("channels")
        self._spawn("channels", [sys.executable, "-m", "integrations_svc.channels"], env)

    def _wait_channels(self) -> None:
        import httpx

        deadline = time.monotonic() + self.config.ready_timeout
        while time.monotonic() < deadline:
            self._check_alive("channels")
            try:
                if httpx.get(f"http://{self.channels_addr}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise TimeoutError(f"the channels server did not answer after {self.config.ready_timeout:.0f} s")

    def _wait_web(self) -> None:
        import httpx

        deadline = time.monotonic() + self.config.ready_timeout
        while time.monotonic() < deadline:
            self._check_alive("web")
            try:
                if httpx.get(f"http://{self.web_addr}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise TimeoutError(f"the web server did not answer after {self.config.ready_timeout:.0f} s")

    def _wait_guard(self) -> None:
        import httpx

        deadline = time.monotonic() + self.config.ready_timeout
        while time.monotonic() < deadline:
            self._check_alive("guard")
            try:
                if httpx.get(f"http://{self.guard_addr}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise TimeoutError(f"the guard did not answer after {self.config.ready_timeout:.0f} s")

    def _spawn_gateway(self) -> None:
        from gateway.authz import JwtConfig
        from gateway.render import GatewayConfig, write
        from gateway.tokens import TokenKeys

        # The key that signs customer and agent tokens: made on the first start, kept.
        keys = TokenKeys(self.config.data_dir / "jwt").ensure()
        web_addr = self.web_addr if "web" in self.processes else ""
        channels_addr = self.channels_addr if "channels" in self.processes else ""
        tls_cert, tls_key = self.tls_files if self.config.gateway_tls_port else (None, None)
        config = GatewayConfig(
            jwt=JwtConfig(jwks_file=str(keys.jwks_path)),
            guard_addr=self.guard_addr if self.guarded else "",
            bind=self.config.gateway_bind,
            port=self.config.gateway_port,
            admin_port=self.config.admin_port,
            plaintext=self.config.gateway_plaintext,
            tls_port=self.config.gateway_tls_port,
            tls_cert=tls_cert,
            tls_key=tls_key,
            api_keys=list(self.config.api_keys),
            rate_limit_per_minute=self.config.rate_limit_per_minute,
            upstreams={name: self.upstream(name) for name in ("router_svc", "agent_svc", "memory_svc", "knowledge_svc")},
            otlp_endpoint=self.otlp_endpoint,
            trace_sampling=min(100.0, max(0.0, self.config.trace_sample_ratio * 100)),
            # A turn's trace is whole on disk within about a second (`make trace` right after a
            # curl), and under load Envoy sends its spans in batches of 200, not 5.
            trace_flush_ms=1000,
            trace_flush_spans=200,
            stats_port=self.metrics_port("gateway"),
            web_addr=web_addr,
            channels_addr=channels_addr,
        )
        path = write(config, self.config.data_dir / "envoy.yaml")
        envoy = Path(sys.executable).with_name("envoy")
        self._spawn(
            "envoy",
            [str(envoy), "-c", str(path), "--disable-hot-restart", "--log-level", "warn", "--concurrency", "2"],
            dict(os.environ),
        )

    def _check_alive(self, name: str) -> None:
        process = self.processes[name]
        if process.poll() is not None:
            where = f" (see {self.config.log_dir / (name + '.log')})" if self.config.log_dir else ""
            raise RuntimeError(f"{name} exited with code {process.returncode} during start-up{where}")

    def wait_serving(self, instance: str, target: str | None = None) -> None:
        deadline = time.monotonic() + self.config.ready_timeout
        with grpc.insecure_channel(target or self.address(instance)) as channel:
            stub = health_pb2_grpc.HealthStub(channel)
            while time.monotonic() < deadline:
                self._check_alive(instance)
                try:
                    status = stub.Check(health_pb2.HealthCheckRequest(service=""), timeout=1).status
                    if status == health_pb2.HealthCheckResponse.SERVING:
                        return
                except grpc.RpcError:
                    pass
                time.sleep(0.1)
        raise TimeoutError(f"{instance} was not SERVING after {self.config.ready_timeout:.0f} s")

    def wait_ready(self, name: str) -> None:
        """Waits until a process of the stack answers as it should: a service's gRPC
        health SERVING, the guard's and the gateway's HTTP, the Milvus server's port."""
        waits = {"envoy": self._wait_gateway, "guard": self._wait_guard, "milvus": self._wait_milvus, "web": self._wait_web,
                 "otlp_sink": self._wait_collector, "channels": self._wait_channels}
        wait = waits.get(name)
        if wait is not None:
            wait()
        else:
            self.wait_serving(name)

    def _wait_gateway(self) -> None:
        import httpx

        deadline = time.monotonic() + self.config.ready_timeout
        headers = {"x-api-key": self.config.api_keys[0]} if self.config.api_keys else {}
        # Whether Envoy answers, not who it is: a configured certificate may name
        # another host than localhost.
        verify = self.config.gateway_plaintext
        while time.monotonic() < deadline:
            self._check_alive("envoy")
            try:
                # Envoy answers 503 until its health checks have seen the upstream.
                answer = httpx.get(f"{self.gateway_url}/v1/agents", headers=headers, timeout=1, verify=verify)
                if answer.status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise TimeoutError(f"the gateway did not answer after {self.config.ready_timeout:.0f} s")

    def kill(self, service: str) -> None:
        """Ends a service at once (SIGKILL), as a crash or the OOM killer would."""
        process = self.processes[service]
        process.kill()
        process.wait()

    def respawn(self, name: str) -> None:
        """Starts a process of the stack (a service or "envoy") again, without waiting
        for it to serve: the supervisor's restart."""
        if name == "envoy":
            self._spawn_gateway()
        elif name == "milvus":
            self._spawn_milvus()
        elif name == "guard":
            self._spawn_guard()
        elif name == "web":
            self._spawn_web()
        elif name == "channels":
            self._spawn_channels()
        elif name == "otlp_sink":
            self._spawn_collector(int(self.otlp_endpoint.rpartition(":")[2]))
        else:
            self._spawn_service(name)

    def restart(self, service: str) -> None:
        """Starts a service that stopped (or was killed) again, and waits until it serves."""
        if self.processes[service].poll() is None:
            self.kill(service)
        self._spawn_service(service)
        self.wait_serving(service)

    def stop(self, grace: float = 15.0) -> None:
        """SIGTERM in reverse start order (gateway first, stores last), each process
        given time to drain, then SIGKILL for any that will not stop."""
        for name in reversed(list(self.processes)):
            process = self.processes[name]
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + grace
        for process in self.processes.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes.clear()
        # A later start() starts its own receiver (on the configured or a new free port).
        self.otlp_endpoint = self.config.otlp_endpoint if self.config.tracing else ""
        if self._redis is not None:
            self._redis.stop()
            self._redis = None
        if self._postgres is not None:
            self._postgres.stop()
            self._postgres = None
        for handle in self._logs:
            handle.close()
        self._logs.clear()


@contextmanager
def running(config: StackConfig) -> Iterator[Stack]:
    stack = Stack(config)
    stack.start()
    try:
        yield stack
    finally:
        stack.stop()
