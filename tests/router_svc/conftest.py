"""router_svc's tests run with one BLAS thread; the local sentence encoder they share
is tests/conftest.py's `encoder` fixture."""

from __future__ import annotations

import os

from atende_runtime.embedded import blas_single_thread_env

for _name, _value in blas_single_thread_env().items():
    os.environ.setdefault(_name, _value)
