"""python -m integrations_svc: serve atende.integrations.v1.IntegrationsService."""

from __future__ import annotations

import functools

from atende_runtime.server import run
from integrations_svc.app import setup
from integrations_svc.settings import Settings


def main() -> None:
    settings = Settings()
    run("integrations_svc", settings, functools.partial(setup, settings=settings))


if __name__ == "__main__":
    main()
