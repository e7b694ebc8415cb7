"""The in-process server used by the server and sync tests, on SQLite and on
PostgreSQL.

PostgreSQL: ``MURAFAQA_TEST_POSTGRES_URL`` (or ``DATABASE_URL`` when it is a
PostgreSQL URL) names the server; when neither is set, the usual local one
(``LOCAL_POSTGRES``) is used if it answers within a second, so that a
newcomer's first test run covers PostgreSQL too. Set the variable to an
empty value to leave PostgreSQL out. Each test session works in a schema of
its own, dropped at the end. With ``MURAFAQA_REQUIRE_POSTGRES=1`` (CI) a
missing or unreachable PostgreSQL fails the tests instead of skipping them.
"""
from __future__ import annotations

import functools
import os
import socket
import uuid
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

with warnings.catch_warnings():  # the in-process client's own deprecation notice
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from murafaqa_desktop.store.db import open_db
from murafaqa_desktop.sync import account
from murafaqa_desktop.sync.engine import SyncEngine, SyncReport
from murafaqa_desktop.sync.transport import HttpTransport
from murafaqa_server import services
from murafaqa_server.app import create_app
from murafaqa_server.config import Settings
from murafaqa_server.database import make_engine, migrate
from murafaqa_server.policy import Policy

PASSWORD = "secret-pass-1"
BASE = "https://murafaqa.test"  # as in production: tokens go over HTTPS only


LOCAL_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PROBE_TIMEOUT_S = 1.0


def postgres_url() -> str | None:
    url = os.environ.get("MURAFAQA_TEST_POSTGRES_URL")
    if url is not None:
        return url or None  # set but empty: PostgreSQL left out on purpose
    if os.environ.get("DATABASE_URL", "").startswith("postgresql"):
        return os.environ["DATABASE_URL"]
    return LOCAL_POSTGRES if answers(LOCAL_POSTGRES) else None


@functools.cache
def answers(url: str) -> bool:
    """Whether a PostgreSQL server takes a connection at ``url`` within
    PROBE_TIMEOUT_S: a closed port fails at once, a silent host or a
    listener that is not PostgreSQL within the timeout."""
    import psycopg
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    try:
        socket.create_connection((parsed.host or "127.0.0.1", parsed.port or 5432), timeout=PROBE_TIMEOUT_S).close()
        psycopg.connect(host=parsed.host, port=parsed.port or 5432, user=parsed.username,
                        password=parsed.password, dbname=parsed.database,
                        connect_timeout=max(1, round(PROBE_TIMEOUT_S))).close()
    except (OSError, psycopg.Error):
        return False
    return True


def require_postgres() -> bool:
    return os.environ.get("MURAFAQA_REQUIRE_POSTGRES") == "1"


class PostgresSchema:
    """A schema of its own for this test session, dropped at the end."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.schema = f"mfq_test_{uuid.uuid4().hex[:10]}"
        admin = make_engine(url, pool_size=1, max_overflow=0)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{self.schema}"'))
        admin.dispose()
        self.engine = make_engine(url, connect_args={"options": f"-csearch_path={self.schema}"})
        migrate(self.engine)

    def reset(self) -> None:
        with self.engine.begin() as conn:
            conn.execute(text("TRUNCATE set_aside, history, conflicts, assignments, records, devices, users, "
                              "sign_in_failures, audit_log RESTART IDENTITY CASCADE"))
            conn.execute(text("UPDATE counters SET value = 0"))

    def drop(self) -> None:
        self.engine.dispose()
        admin = make_engine(self.url, pool_size=1, max_overflow=0)
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{self.schema}" CASCADE'))
        admin.dispose()


def postgres_schema_or_skip() -> Iterator[PostgresSchema]:
    url = postgres_url()
    if not url:
        reason = ("PostgreSQL tests skipped: MURAFAQA_TEST_POSTGRES_URL is not set and no PostgreSQL answers at "
                  f"{LOCAL_POSTGRES}")
        if require_postgres():
            pytest.fail(reason + " (MURAFAQA_REQUIRE_POSTGRES=1)")
        print(reason)
        pytest.skip(reason)
    try:
        schema = PostgresSchema(url)
    except Exception as e:  # noqa: BLE001 - any failure to reach it is a skip (or a failure on CI)
        reason = f"PostgreSQL tests skipped: cannot use {url}: {str(e).splitlines()[0]}"
        if require_postgres():
            pytest.fail(reason)
        print(reason)
        pytest.skip(reason)
    yield schema
    schema.drop()


@dataclass
class Server:
    engine: Engine
    client: TestClient
    kind: str

    def user(self, name: str, role: str = "coach", region: str | None = None) -> str:
        with self.engine.begin() as conn:
            services.add_user(conn, name, role, region, PASSWORD)
        return name

    def assign(self, coach: str, *coops: str, active: bool = True) -> list[str]:
        with self.engine.begin() as conn:
            return services.assign(conn, coach, list(coops), active)

    def disable(self, name: str) -> None:
        with self.engine.begin() as conn:
            services.disable_user(conn, name)


# The escrow key of the test servers: given, so that no test makes a key file.
TEST_ESCROW_KEY = "3c" * 32


def policy_for_tests() -> Policy:
    return Policy(Settings(escrow_key=TEST_ESCROW_KEY))


def make_server(engine: Engine, kind: str) -> Server:
    return Server(engine, TestClient(create_app(engine, policy_for_tests()), base_url=BASE), kind)


def sqlite_engine(path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    return engine


class Laptop:
    """A laptop: its own database, enrolled for one user on the test server."""

    def __init__(self, server: Server, path: Path, user: str, *, transport: HttpTransport | None = None) -> None:
        self.server = server
        self.path = path
        self.db = open_db(path)
        self.user = user
        self.transport = transport or HttpTransport(BASE, client=server.client)
        account.enrol(self.db, self.transport, BASE, user, PASSWORD, label=path.stem)

    def sync(self, **kwargs) -> SyncReport:
        return SyncEngine(self.db, self.transport, **kwargs).run()

    def close(self) -> None:
        self.db.close()


def coaches_sharing_a_cooperative(server: Server, folder: Path) -> tuple[Laptop, Laptop, dict]:
    """Ali's and Sara's laptops, both holding one cooperative Ali created."""
    from factories import make_cooperative

    server.user("ali")
    server.user("sara")
    a = Laptop(server, folder / "a.db", "ali")
    coop = make_cooperative(a.db)
    a.sync()
    server.assign("sara", coop["id"])
    b = Laptop(server, folder / "b.db", "sara")
    b.sync()
    return a, b, coop
