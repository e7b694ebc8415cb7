"""The engine and the schema: one code path for SQLite and PostgreSQL."""
from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError

from . import logs

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """SQLite waits for a writer instead of failing at once, and enforces
    foreign keys; PostgreSQL gets a pool sized for a few dozen laptops."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False}, **kwargs)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            if ":memory:" not in url and url != "sqlite://":
                cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

        return engine
    kwargs.setdefault("pool_size", 20)
    kwargs.setdefault("max_overflow", 40)
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


def open_connections(engine: Engine, n: int) -> None:
    """Open n connections now; the pool keeps them. Laptops arriving all at
    once right after a start then find them ready instead of waiting while
    each is opened (a PostgreSQL connection is a new server process). A
    database still starting is no reason not to serve: the pool opens
    connections as they are needed."""
    try:
        with ExitStack() as held:
            for _ in range(n):
                held.enter_context(engine.connect())
    except OperationalError as e:
        logs.event("pool_not_opened", error=str(e).splitlines()[0])


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    # configparser interpolates "%": escape it (URL-encoded options, passwords).
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest revision (idempotent)."""
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
