"""python -m router_svc"""

from atende_runtime.main import run_service

if __name__ == "__main__":
    run_service("router_svc", app="router_svc.app:setup", settings="router_svc.settings:Settings")
