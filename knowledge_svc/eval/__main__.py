"""python -m knowledge_svc.eval"""

from atende_runtime.main import limit_blas_threads

limit_blas_threads()

from knowledge_svc.eval.run import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
