import os

from atende_runtime.embedded import blas_single_thread_env

for _name, _value in blas_single_thread_env().items():
    os.environ.setdefault(_name, _value)

from agent_svc.app import setup  # noqa: E402
from agent_svc.settings import Settings  # noqa: E402
from atende_runtime.server import run  # noqa: E402

if __name__ == "__main__":
    settings = Settings()  # type: ignore[call-arg]
    run("agent_svc", settings, lambda server: setup(server, settings))
