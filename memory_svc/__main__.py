"""python -m memory_svc"""

from atende_runtime.main import run_service

if __name__ == "__main__":
    run_service("memory_svc", app="memory_svc.app:setup", settings="memory_svc.settings:Settings")
