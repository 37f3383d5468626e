"""router_svc's tests run with one BLAS thread; the local sentence encoder they share
is tests/conftest.py's `encoder` fixture."""

from __future__ import annotations

from atende_runtime.main import limit_blas_threads

limit_blas_threads()
