"""A plain database encrypted in place survives kill -9 at any moment: the
path then holds one good database, plain or encrypted, with all its rows."""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from murafaqa_desktop.services import demo
from murafaqa_desktop.store import cooperatives as coops
from murafaqa_desktop.store import keys
from murafaqa_desktop.store.db import is_plain, open_db
from murafaqa_desktop.store.encrypt import encrypt_in_place, partial_path

KEY = bytes(range(32))

CHILD = r"""
import sys
from murafaqa_desktop.store.encrypt import encrypt_in_place
print("go", flush=True)
encrypt_in_place(sys.argv[1], bytes.fromhex(sys.argv[2]))
"""


@pytest.fixture(scope="module")
def plain_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("plain") / "murafaqa.db"
    db = open_db(path, unencrypted=True)
    demo.generate(db, 80, seed=11)
    counts = _counts(db)
    db.close()
    return path, counts


def _counts(db) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
            for t in ("cooperatives", "coaching_sessions", "outbox", "drafts", "cooperatives_fts")}


def _one_good_database(path: Path, counts: dict[str, int]) -> str:
    keys.forget()
    plain = is_plain(path)
    db = open_db(path, key=None if plain else KEY, unencrypted=plain)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert _counts(db) == counts
        registration, president = db.execute("SELECT registration_number, president FROM cooperatives "
                                              "ORDER BY rid DESC LIMIT 1").fetchone()
        assert registration in [r["registration_number"] for r in coops.search_rows(db, president, 200)]
    finally:
        db.close()
    return "plain" if plain else "encrypted"


def test_encryption_keeps_every_row_and_leaves_no_copy(plain_file, tmp_path: Path) -> None:
    source, counts = plain_file
    path = tmp_path / "murafaqa.db"
    shutil.copy(source, path)
    encrypt_in_place(path, KEY)
    assert _one_good_database(path, counts) == "encrypted"
    assert not partial_path(path).exists()
    assert not path.with_name(path.name + "-wal").exists()


def _kill_during_encryption(plain_file, tmp_path: Path, kills: int) -> list[str]:  # type: ignore[no-untyped-def]
    source, counts = plain_file
    path = tmp_path / "murafaqa.db"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}

    def child() -> subprocess.Popen[bytes]:
        shutil.copy(source, path)
        started = subprocess.Popen([sys.executable, "-c", CHILD, str(path), KEY.hex()], env=env,
                                   stdout=subprocess.PIPE)
        assert started.stdout is not None and started.stdout.readline() == b"go\n"
        return started

    # How long the child itself takes, from "go" to its end, on this machine
    # now: the kills are spread over that span and a little beyond, so that
    # some fall before the rename and some after, however loaded the machine.
    whole = child()
    began = time.perf_counter()
    assert whole.wait() == 0
    duration = time.perf_counter() - began
    outcomes = []
    rng = random.Random(16)
    for i in range(kills):
        running = child()
        time.sleep(duration * 1.2 * (i + rng.random()) / kills)
        running.send_signal(signal.SIGKILL)
        running.wait()
        outcomes.append(_one_good_database(path, counts))
        # the next start finishes the work: the plain database is encrypted then
        if is_plain(path):
            encrypt_in_place(path, KEY)
            assert _one_good_database(path, counts) == "encrypted"
    return outcomes


def test_kill_during_encryption_leaves_one_good_database(plain_file, tmp_path: Path) -> None:
    outcomes = _kill_during_encryption(plain_file, tmp_path, 3)
    assert len(outcomes) == 3


@pytest.mark.slow
def test_thirty_kills_during_encryption_leave_one_good_database_each_time(plain_file, tmp_path: Path) -> None:
    outcomes = _kill_during_encryption(plain_file, tmp_path, 30)
    # the kills fell both before and after the rename
    assert set(outcomes) == {"plain", "encrypted"}
