"""python -m knowledge_svc"""

from atende_runtime.main import run_service

if __name__ == "__main__":
    run_service("knowledge_svc", app="knowledge_svc.app:setup", settings="knowledge_svc.settings:Settings")
