"""python -m knowledge_svc"""

import os

from atende_runtime.embedded import blas_single_thread_env

# numpy's OpenBLAS starts a spinning thread per core unless told otherwise before it
# loads; the encoder runs one query at a time, so one thread is faster here.
for _name, _value in blas_single_thread_env().items():
    os.environ.setdefault(_name, _value)

from atende_runtime.server import run  # noqa: E402
from knowledge_svc.app import make_setup  # noqa: E402
from knowledge_svc.settings import Settings  # noqa: E402


def main() -> None:
    settings = Settings()
    run("knowledge_svc", settings, make_setup(settings))


if __name__ == "__main__":
    main()
