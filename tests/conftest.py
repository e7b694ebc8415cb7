"""Shared fixtures: every test works in its own data folder, never the user's."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from murafaqa_desktop.store.db import open_db

pytest_plugins = ("server.fixtures",)

# Where encryption is not the subject, databases are made plain (as
# --unencrypted does), the session's fixtures and subprocesses included; the
# tests of encryption clear it (monkeypatch.delenv) and key their databases.
os.environ["MURAFAQA_UNENCRYPTED"] = "1"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv("MURAFAQA_DATA_DIR", str(data))
    monkeypatch.delenv("MURAFAQA_LANG", raising=False)
    monkeypatch.delenv("MURAFAQA_PASSPHRASE", raising=False)
    return data


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "murafaqa.db"


@pytest.fixture
def db(db_path: Path) -> Database:
    database = open_db(db_path)
    yield database
    database.close()


@pytest.fixture
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Key files made by the test cost Argon2id almost nothing (the product's
    cost is measured in benchmarks/); a key file records its own cost, so
    it still opens the same way the product opens one."""
    from murafaqa_desktop.store import keys

    monkeypatch.setattr(keys, "DEFAULT_KDF", keys.Kdf(time_cost=1, memory_kib=1024, parallelism=1))


@pytest.fixture
def encryption_on(monkeypatch: pytest.MonkeyPatch, cheap_kdf: None) -> Iterator[None]:
    """Databases made as the product makes them, encrypted (the suite makes
    them plain otherwise), with nothing unlocked before or after the test."""
    from murafaqa_desktop.store import keys

    monkeypatch.delenv("MURAFAQA_UNENCRYPTED", raising=False)
    keys.forget()
    yield
    keys.forget()


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo programme (200 cooperatives), made once per test run.
    Copy it (``demo_db``) before writing to it."""
    from murafaqa_desktop.services import demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    database = open_db(path)
    demo.generate(database, 200, seed=7)
    database.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return path


@pytest.fixture
def demo_db(demo_db_file: Path, tmp_path: Path) -> Database:
    import shutil

    path = tmp_path / "demo-copy.db"
    shutil.copy(demo_db_file, path)
    database = open_db(path)
    yield database
    database.close()
