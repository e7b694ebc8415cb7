"""The in-process server used by the server and sync tests, on SQLite and on
PostgreSQL.

PostgreSQL: ``MURAFAQA_TEST_POSTGRES_URL`` (or ``DATABASE_URL`` when it is a
PostgreSQL URL) names the server; each test session works in a schema of its
own, dropped at the end. With ``MURAFAQA_REQUIRE_POSTGRES=1`` (CI) a missing
or unreachable PostgreSQL fails the tests instead of skipping them.
"""
from __future__ import annotations

import os
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
from murafaqa_server.database import make_engine, migrate

PASSWORD = "secret-pass-1"
BASE = "http://murafaqa.test"


def postgres_url() -> str | None:
    url = os.environ.get("MURAFAQA_TEST_POSTGRES_URL")
    if not url and os.environ.get("DATABASE_URL", "").startswith("postgresql"):
        url = os.environ["DATABASE_URL"]
    return url


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
            conn.execute(text("TRUNCATE set_aside, conflicts, assignments, records, devices, users "
                              "RESTART IDENTITY CASCADE"))
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
        reason = "PostgreSQL tests skipped: MURAFAQA_TEST_POSTGRES_URL is not set"
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


def make_server(engine: Engine, kind: str) -> Server:
    return Server(engine, TestClient(create_app(engine), base_url=BASE), kind)


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
