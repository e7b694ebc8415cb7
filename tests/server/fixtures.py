"""Fixtures of the server and sync tests (loaded by tests/conftest.py): a fresh
in-process server per test, on SQLite and on PostgreSQL."""
from __future__ import annotations

import pytest

from server.mfq_harness import Server, make_server, postgres_schema_or_skip, sqlite_engine


@pytest.fixture(autouse=True)
def _fast_password_hashing(monkeypatch):
    """Argon2 at its lightest in tests: the hashing is argon2's business, the
    accounts logic is ours."""
    from argon2 import PasswordHasher

    from murafaqa_server import security

    monkeypatch.setattr(security, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


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
