"""Fixtures: a fresh in-process server per test, on SQLite and on PostgreSQL."""
from __future__ import annotations

import pytest

from server.mfq_harness import Server, make_server, postgres_schema_or_skip, sqlite_engine


@pytest.fixture(scope="session")
def pg_schema():
    yield from postgres_schema_or_skip()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request, tmp_path) -> Server:
    if request.param == "sqlite":
        engine = sqlite_engine(tmp_path / "server.db")
        yield make_server(engine, "sqlite")
        engine.dispose()
    else:
        schema = request.getfixturevalue("pg_schema")
        schema.reset()
        yield make_server(schema.engine, "postgres")
