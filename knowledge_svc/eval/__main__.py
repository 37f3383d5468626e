"""python -m knowledge_svc.eval"""

import os

from atende_runtime.main import blas_single_thread_env

for _name, _value in blas_single_thread_env().items():
    os.environ.setdefault(_name, _value)

from knowledge_svc.eval.run import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
