"""python -m integrations_svc"""

from atende_runtime.main import run_service

if __name__ == "__main__":
    run_service("integrations_svc", app="integrations_svc.app:setup", settings="integrations_svc.settings:Settings")
