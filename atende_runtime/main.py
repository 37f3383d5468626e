"""The one entry point of every service: `python -m <service>` calls run_service.

    run_service("memory_svc", app="memory_svc.app:setup", settings="memory_svc.settings:Settings")

It sets the process up the same way for all five, in this order: numpy's BLAS
limited to one thread (before anything imports numpy, hence the service's modules
are imported here, by name, afterwards), the settings read from the environment,
then the server on uvloop's event loop until SIGTERM or SIGINT. With settings.workers
above 1 the process is instead the supervisor of that many such servers, each the same
command line started again (atende_runtime/workers.py)."""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

# numpy's BLAS starts a spinning thread per core in every process and reads these
# once, when it loads; a service answers one request at a time per core, so one
# thread each is faster (and five services on one machine do not fight).
_BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def blas_single_thread_env() -> dict[str, str]:
    """The environment that limits numpy's BLAS to one thread (for child processes)."""
    return {name: "1" for name in _BLAS_THREAD_VARIABLES}


def limit_blas_threads() -> None:
    """One BLAS thread for this process, unless the environment already says otherwise.
    Call it before numpy is imported: later it has no effect."""
    for name, value in blas_single_thread_env().items():
        os.environ.setdefault(name, value)


def run_service(name: str, app: str, settings: str) -> None:
    """Runs service `name`: `app` and `settings` name, as "module:attribute", its
    `async def setup(server, settings) -> Mounted` and its ServiceSettings subclass."""
    limit_blas_threads()
    from atende_runtime.workers import current_worker, follow_supervisor, supervise

    service_settings = _load(settings)()
    worker = current_worker()
    if worker is not None:
        follow_supervisor(worker)
        service_settings = worker.apply(service_settings)
    elif service_settings.workers > 1:
        # The supervisor serves nothing itself and creates no gRPC object.
        sys.exit(supervise(name, service_settings))
    # uvloop and the service's modules only now, after the environment is set.
    import uvloop

    from atende_runtime.server import serve

    setup = _load(app)

    async def mount(server: Any) -> Any:
        return await setup(server, service_settings)

    # uvloop's event loop: about 40 % more unary RPCs a second than asyncio's own
    # loop on the same core (benchmarks/memory_bench.py).
    uvloop.run(serve(name, service_settings, mount))


def _load(reference: str) -> Any:
    module, _, attribute = reference.partition(":")
    return getattr(importlib.import_module(module), attribute)
