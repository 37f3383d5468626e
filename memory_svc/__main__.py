from atende_runtime.server import run
from memory_svc.app import MemoryApp
from memory_svc.settings import Settings

if __name__ == "__main__":
    settings = Settings()  # type: ignore[call-arg]  # the environment supplies the required URLs
    run("memory_svc", settings, MemoryApp(settings).mount)
