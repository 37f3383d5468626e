"""python -m agent_svc"""

from atende_runtime.main import run_service

if __name__ == "__main__":
    run_service("agent_svc", app="agent_svc.app:setup", settings="agent_svc.settings:Settings")
