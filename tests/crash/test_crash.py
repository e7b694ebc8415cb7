"""A crash at any moment: the laptop's process (a real one) killed with SIGKILL
at a random moment during a form save, an import of 5,000 rows, a sync (push
and pull, against a real server process) and a backup, and the server's
process killed in the middle of pushes (on PostgreSQL).

After each kill: every save the user was told of is there, an import is all
or nothing, ``murafaqa check`` passes, a backup is whole or absent, and the
next sync converges with no duplicate; a push the server was killed under is
applied once when resent.

Short by default; ``MURAFAQA_CRASH_KILLS=200`` for the full run (docs/field.md).
"""
from __future__ import annotations

import json
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text

from crash.harness import ServerProcess, drive, kills, seeded
from factories import make_cooperative
from murafaqa_desktop import cli
from murafaqa_desktop.services import cooperatives, plans
from murafaqa_desktop.store import changes
from murafaqa_desktop.store import sync_state as st
from murafaqa_desktop.store.backup import check_backup
from murafaqa_desktop.store.db import open_db
from murafaqa_desktop.sync import account, errors
from murafaqa_desktop.sync.engine import SyncEngine
from murafaqa_desktop.sync.transport import HttpTransport
from murafaqa_protocol.tables import TABLES
from murafaqa_server import data, services
from murafaqa_server.database import make_engine, migrate
from murafaqa_server.tables import counters, devices
from server.mfq_harness import PASSWORD, PostgresSchema, postgres_url, require_postgres

pytestmark = pytest.mark.slow


def check_passes(db_path: Path) -> None:
    """``murafaqa check`` on the database: exit 0."""
    assert cli.main(["check", "--db", str(db_path)]) == 0


def count(db_path: Path, sql: str) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


# -- a form save ---------------------------------------------------------------------

def test_a_save_killed_at_any_moment_keeps_every_save_the_user_was_told_of(tmp_path, capsys):
    rnd = seeded("save")
    db_path = tmp_path / "laptop.db"
    open_db(db_path).close()
    told: dict[tuple[str, str, str], object] = {}
    acknowledged = 0
    for k in range(kills("save")):
        run = drive(["save", str(db_path), str(rnd.randrange(10**6) * 1000 + k)], kill_after=rnd.uniform(0, 1.5))
        in_flight: dict[tuple[str, str, str], object] = {}  # tried, not acknowledged: there or not
        for line in run.lines:
            word, _kind, table, row_id, field, value = line.split(" ", 5)
            if word == "TRY":
                in_flight = {(table, row_id, field): json.loads(value)}
            else:
                told[(table, row_id, field)] = json.loads(value)
                in_flight = {}
                acknowledged += 1
        check_passes(db_path)
        db = open_db(db_path)
        try:
            for key, value in told.items():
                table, row_id, field = key
                row = changes.get_row(db, table, row_id)
                assert row is not None, f"kill {k}: {table} {row_id} lost"
                assert row[field] in (value, in_flight.get(key, value)), f"kill {k}: {table} {row_id} {field} lost"
                told[key] = row[field]  # what is there now is what the next saves build on
            # Each edit waits in the outbox with its row: what the next sync sends.
            pending = {(e["tbl"], e["row_id"]) for e in st.outbox_batch(db, 10**6)}
            assert {(t, r) for t, r, _f in told} <= pending
        finally:
            db.close()
    print(f"save: {kills('save')} kills, {acknowledged} saves acknowledged, all found")


# -- an import of 5,000 rows -------------------------------------------------------------

def write_csv(path: Path, prefix: str, n: int = 5000) -> Path:
    rows = [f"{prefix}/{i};تعاونية {prefix} {i};Coop {prefix} {i};2022-01-01;07" for i in range(n)]
    path.write_text("registration_number;name_ar;name_fr;legal_date;region\n" + "\n".join(rows) + "\n",
                    encoding="utf-8")
    return path


def test_an_import_killed_at_any_moment_is_all_or_nothing(tmp_path):
    rnd = seeded("import")
    db_path = tmp_path / "laptop.db"
    open_db(db_path).close()
    whole = drive(["import", str(db_path), str(write_csv(tmp_path / "first.csv", "IM0"))], kill_after=None)
    assert whole.lines[-1] == "DONE 0", whole.lines
    assert count(db_path, "SELECT count(*) FROM cooperatives") == 5000
    outcomes = {"nothing": 0, "all": 0}
    for k in range(kills("import")):
        before = count(db_path, "SELECT count(*) FROM cooperatives")
        queued = count(db_path, "SELECT count(*) FROM outbox")
        source = write_csv(tmp_path / f"import{k}.csv", f"IM{k + 1}")
        drive(["import", str(db_path), str(source)], kill_after=rnd.uniform(0, whole.seconds * 1.1))
        after = count(db_path, "SELECT count(*) FROM cooperatives")
        assert after in (before, before + 5000), f"kill {k}: {after - before} of 5000 rows imported"
        assert count(db_path, "SELECT count(*) FROM outbox") - queued == after - before
        outcomes["all" if after > before else "nothing"] += 1
        check_passes(db_path)
    print(f"import: {kills('import')} kills ({whole.seconds:.1f} s uncut), outcomes {outcomes}")


# -- a backup ---------------------------------------------------------------------------------

def test_a_backup_killed_at_any_moment_is_whole_or_absent(tmp_path, demo_db_file):
    rnd = seeded("backup")
    db_path = tmp_path / "laptop.db"
    shutil.copy(demo_db_file, db_path)
    held = count(db_path, "SELECT count(*) FROM cooperatives")
    whole = drive(["backup", str(db_path), str(tmp_path / "whole.db")], kill_after=None)
    assert whole.lines[-1] == "DONE 0"
    outcomes = {"absent": 0, "whole": 0}
    for k in range(kills("backup")):
        target = tmp_path / "usb" / f"copy{k}.db"
        target.parent.mkdir(exist_ok=True)
        drive(["backup", str(db_path), str(target)], kill_after=rnd.uniform(0, whole.seconds * 1.2))
        if target.exists():
            check_backup(target)
            assert count(target, "SELECT count(*) FROM cooperatives") == held
            outcomes["whole"] += 1
        else:
            outcomes["absent"] += 1
        check_passes(db_path)
    print(f"backup: {kills('backup')} kills ({whole.seconds:.1f} s uncut), outcomes {outcomes}")


# -- a sync, against a real server process -------------------------------------------------------

def server_users(engine: Engine, *users: tuple[str, str, str | None]) -> None:
    with engine.begin() as conn:
        for name, role, region in users:
            services.add_user(conn, name, role, region, PASSWORD)


def enrolled(path: Path, server: ServerProcess, user: str):
    db = open_db(path)
    transport = HttpTransport(server.url)
    account.enrol(db, transport, server.url, user, PASSWORD, label=path.stem)
    transport.close()
    return db


def sync_to_the_end(db) -> None:
    transport = account.transport_for(db)
    try:
        SyncEngine(db, transport).run()
    finally:
        transport.close()


def some_work(db, prefix: str, rnd, n: int) -> None:
    """A day's saves on one laptop: new cooperatives, edits of them, plan actions."""
    mine = [make_cooperative(db, registration_number=f"{prefix}/{i}", members=20 + i)["id"] for i in range(n)]
    for coop in rnd.sample(mine, n // 2):
        cooperatives.update(db, coop, {"members": rnd.randint(20, 400)})
    for coop in rnd.sample(mine, n // 3):
        plans.add_action(db, coop, {"axis": "marketing", "objective": f"Vendre {prefix}"})


def assert_converged(engine: Engine, laptop_db, *, scope_region: str = "07") -> None:
    """The laptop holds exactly the server's live rows of its region, field by
    field; nothing was created twice (no suffixed registration number, no
    conflict: the two laptops never touch the same rows)."""
    with engine.connect() as conn:
        live = data.all_live(conn)
        conflicts = data.all_conflicts(conn)
    assert conflicts == [], [(c["kind"], c["tbl"]) for c in conflicts[:5]]
    numbers = [r.data["registration_number"] for r in live if r.tbl == "cooperatives"]
    assert len(numbers) == len(set(numbers)) and not any("~" in n for n in numbers), "a cooperative twice"
    assert st.outbox_count(laptop_db) == 0
    for table in ("cooperatives", "plan_actions"):
        server_rows = {r.id: r for r in live if r.tbl == table and r.region == scope_region}
        local = {r["id"]: r for r in st.synced_rows(laptop_db, table)}
        assert set(local) == set(server_rows), f"{table}: {len(local)} here, {len(server_rows)} on the server"
        for rid, rec in server_rows.items():
            for f in TABLES[table].fields:
                assert local[rid][f] == rec.data.get(f), f"{table}.{f} of {rid}"


@pytest.fixture
def sqlite_server(tmp_path) -> Iterator[tuple[ServerProcess, Engine]]:
    url = f"sqlite:///{tmp_path / 'server.db'}"
    engine = make_engine(url)
    migrate(engine)
    server = ServerProcess(url, tmp_path)
    server.start()
    yield server, engine
    server.kill()
    engine.dispose()


def test_a_sync_killed_at_any_moment_converges_at_the_next_with_no_duplicate(tmp_path, sqlite_server):
    """The killed laptop is a coordinator's: it pushes its own work and pulls
    a coach's, several requests each way (batches of 100, pages of 250)."""
    rnd = seeded("sync")
    server, engine = sqlite_server
    server_users(engine, ("ali", "coach", "07"), ("karim", "coordinator", "07"))
    coach = enrolled(tmp_path / "ali.db", server, "ali")
    coordinator_path = tmp_path / "karim.db"
    coordinator = enrolled(coordinator_path, server, "karim")
    coordinator.close()
    cut = {"before any answer": 0, "mid-sync": 0, "finished first": 0}
    uncut = None
    for k in range(kills("sync") + 1):
        some_work(coach, f"A{k}", rnd, 200)  # to pull: ~270 rows
        sync_to_the_end(coach)
        db = open_db(coordinator_path)
        some_work(db, f"K{k}", rnd, 200)  # to push: ~270 entries
        before = (st.outbox_count(db), st.get_int(db, "cursor"), st.staged_count(db))
        db.close()
        if uncut is None:  # the first round measures a whole sync, unkilled
            run = drive(["sync", str(coordinator_path)], kill_after=None)
            assert run.lines[-1].startswith("DONE 0"), run.lines
            uncut = run.seconds
        else:
            run = drive(["sync", str(coordinator_path)], kill_after=rnd.uniform(0, uncut * 1.1))
            db = open_db(coordinator_path)
            after = (st.outbox_count(db), st.get_int(db, "cursor"), st.staged_count(db))
            db.close()
            cut["finished first" if not run.killed else "before any answer" if after == before else "mid-sync"] += 1
        check_passes(coordinator_path)
        db = open_db(coordinator_path)
        try:
            sync_to_the_end(db)
            sync_to_the_end(coach)
            sync_to_the_end(db)
            check_passes(coordinator_path)
            assert_converged(engine, db)
        finally:
            db.close()
    coach.close()
    print(f"sync: {kills('sync')} kills ({uncut:.1f} s uncut), {cut}")


# -- the server killed in the middle of pushes (PostgreSQL) -------------------------------------

@pytest.fixture
def postgres_server(tmp_path) -> Iterator[tuple[ServerProcess, Engine]]:
    url = postgres_url()
    if not url:
        if require_postgres():
            pytest.fail("MURAFAQA_TEST_POSTGRES_URL is not set (MURAFAQA_REQUIRE_POSTGRES=1)")
        pytest.skip("PostgreSQL crash test skipped: MURAFAQA_TEST_POSTGRES_URL is not set")
    schema = PostgresSchema(url)
    separator = "&" if "?" in url else "?"
    server = ServerProcess(f"{url}{separator}options=-csearch_path%3D{schema.schema}", tmp_path)
    server.start()
    yield server, schema.engine
    server.kill()
    schema.drop()


def sync_once(db, outcome: list[BaseException | None]) -> None:
    """One sync in small batches (many pushes); its failure kept, not raised."""
    transport = account.transport_for(db)
    try:
        SyncEngine(db, transport, batch=25).run()
        outcome.append(None)
    except errors.SyncError as e:
        outcome.append(e)
    finally:
        transport.close()


@pytest.mark.postgres
def test_a_server_killed_in_the_middle_of_pushes_applies_each_resent_push_once(tmp_path, postgres_server):
    rnd = seeded("server")
    server, engine = postgres_server
    server_users(engine, ("ali", "coach", "07"))
    lap = enrolled(tmp_path / "ali.db", server, "ali")
    created = 0
    killed_under_push = 0
    for k in range(kills("server")):
        for i in range(300):
            make_cooperative(lap, registration_number=f"S{k}/{i}")
        created += 300
        # The laptop's thread owns its connection while it syncs.
        lap.close()
        lap = open_db(tmp_path / "ali.db", check_same_thread=False)
        worker = threading.Thread(target=sync_once, args=(lap, outcome := []))
        worker.start()
        time.sleep(rnd.uniform(0.2, 3.0))
        server.kill()
        worker.join(120)
        assert not worker.is_alive()
        if outcome[0] is not None:
            killed_under_push += 1
        server.start()
        for _ in range(3):
            sync_once(lap, outcome)  # resent: the pushes the server may have applied before it died, and the rest
        assert outcome[-1] is None
        assert st.outbox_count(lap) == 0
        with engine.connect() as conn:
            live = [r for r in data.all_live(conn) if r.tbl == "cooperatives"]
            sequence = conn.execute(select(counters.c.value).where(counters.c.name == "seq")).scalar_one()
            last_n = conn.execute(select(devices.c.last_n)).scalar_one()
            conflicts = conn.execute(text("SELECT count(*) FROM conflicts")).scalar_one()
        # Each creation took one sequence: a push applied twice would take more (or suffix a number).
        assert len(live) == created and sequence == created and conflicts == 0
        assert not any("~" in r.data["registration_number"] for r in live)
        assert last_n == count(tmp_path / "ali.db", "SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")
        check_passes(tmp_path / "ali.db")
    lap.close()
    print(f"server: {kills('server')} kills, {killed_under_push} during a sync, {server.starts} starts")
