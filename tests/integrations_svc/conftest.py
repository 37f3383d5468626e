"""Fixtures of the integrations_svc tests: settings on a fresh schema with fast
timings (dropped afterwards), and direct reads of the service's tables."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import psycopg
import pytest
from integrations_support import FAST, Db
from psycopg import sql

from integrations_svc.settings import Settings


@pytest.fixture
def schemas(database_url: str) -> Iterator[list[str]]:
    """Schemas a test created; dropped afterwards."""
    created: list[str] = []
    yield created
    with psycopg.connect(database_url, autocommit=True) as conn:
        for name in created:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(name)))


@pytest.fixture
def make_settings(database_url: str, unique_name: str, schemas: list[str]) -> Callable[..., Settings]:
    def make(**overrides: Any) -> Settings:
        values: dict[str, Any] = {"database_url": database_url, "db_schema": unique_name, **FAST, **overrides}
        if values["db_schema"] not in schemas:
            schemas.append(values["db_schema"])
        return Settings(**values)

    return make


@pytest.fixture
def db(database_url: str, unique_name: str) -> Db:
    return Db(database_url, unique_name)
