"""A Hypothesis model of the programme's sync: several laptops and the server.

Random creates, edits (same and different fields, concurrently), deletes,
session logs and assignments; a transport that drops requests, drops
responses, duplicates requests, cuts paged pulls; laptops killed between any
two steps (their database closed and reopened, their engine forgotten) and
clocks skewed by a day either way. At the end, after quiet syncs: every
laptop equals the server on its scope, every pushed mutation was applied or
recorded as a conflict, no id is duplicated, no unique key is held twice,
and replaying any request already sent changes nothing on the server.

Run length: the "ci" profile (default) is bounded; MURAFAQA_MODEL_EXAMPLES
raises it for a longer hunt.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as S
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select

import murafaqa_desktop.store.changes as changes_mod
import murafaqa_desktop.sync.engine as engine_mod
from murafaqa_desktop.store import changes
from murafaqa_desktop.store import sync_state as st
from murafaqa_desktop.store.db import open_db
from murafaqa_desktop.sync import errors
from murafaqa_desktop.sync.engine import SyncEngine
from murafaqa_protocol.messages import SyncResponse
from murafaqa_protocol.tables import TABLES
from murafaqa_server import data, scope
from murafaqa_server.tables import conflicts as conflicts_table
from murafaqa_server.tables import devices as devices_table
from server.mfq_harness import Laptop, make_server, sqlite_engine
from sync.faults import Faulty

STATS: Counter = Counter()  # what the runs exercised, printed with -s
EXAMPLES = int(os.environ.get("MURAFAQA_MODEL_EXAMPLES", "20"))
USERS = {"c1": ("coach", None), "c2": ("coach", None), "coord": ("coordinator", "07")}
LAPTOPS = (("c1", -1), ("c2", +1), ("coord", 0), ("c1", +1))  # (user, clock skew in days)
MODEL_TABLES = ("cooperatives", "plan_actions", "coaching_sessions")
FAULTS = S.sampled_from(["ok", "ok", "drop_request", "drop_response", "duplicate"])
VALUES = S.sampled_from(["a", "b", "c", None])


def skewed(days: int):
    def now() -> str:
        return (dt.datetime.now(dt.UTC) + dt.timedelta(days=days)).isoformat(timespec="seconds")
    return now


class SyncModel(RuleBasedStateMachine):
    engine_factory = None  # set by the test: returns (engine, cleanup)

    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="mfq-model-"))
        engine, self.cleanup = type(self).engine_factory(self.tmp)
        self.server = make_server(engine, "model")
        for name, (role, region) in USERS.items():
            self.server.user(name, role, region)
        self.laptops: list[Laptop] = []
        self.faulty: list[Faulty] = []
        for i, (user, _skew) in enumerate(LAPTOPS):
            lap = Laptop(self.server, self.tmp / f"laptop{i}.db", user)
            self.laptops.append(lap)
            self.faulty.append(Faulty(lap.transport))
        self.created: set[tuple[str, str]] = set()
        self.serial = 0

    def teardown(self) -> None:
        for lap in self.laptops:
            lap.close()
        self.server.client.close()
        self.cleanup()
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- helpers -------------------------------------------------------------
    def _on(self, i: int):
        days = LAPTOPS[i][1]
        return _Clock(days)

    def _rows(self, i: int, table: str) -> list[dict]:
        return st.synced_rows(self.laptops[i].db, table)

    @initialize()
    def shared_start(self) -> None:
        """One cooperative every laptop holds, so that concurrent edits meet."""
        self.create_cooperative(0, "R0")
        SyncEngine(self.laptops[0].db, self.laptops[0].transport).run()
        with self.server.engine.connect() as conn:
            coop = next(r for r in data.all_live(conn) if r.tbl == "cooperatives")
        self.server.assign("c2", coop.id)
        for lap in self.laptops:
            SyncEngine(lap.db, lap.transport).run()

    # -- edits on a laptop ---------------------------------------------------------
    @rule(i=S.integers(0, len(LAPTOPS) - 1), reg=S.sampled_from(["R1", "R2", "R3", "R4", "R5", "R6"]))
    def create_cooperative(self, i: int, reg: str) -> None:
        db = self.laptops[i].db
        if db.execute("SELECT 1 FROM cooperatives WHERE registration_number = ?", [reg]).fetchone():
            return
        with self._on(i), db.atomic():
            row = changes.insert(db, "cooperatives", {"registration_number": reg, "legal_date": "2022-01-01",
                                                      "region": "07", "members": 10})
        self.created.add(("cooperatives", row["id"]))

    @rule(i=S.integers(0, len(LAPTOPS) - 1), pick=S.integers(0, 50), objective=S.sampled_from(["x", "y"]))
    def add_action(self, i: int, pick: int, objective: str) -> None:
        coops = self._rows(i, "cooperatives")
        if not coops:
            return
        coop = coops[pick % len(coops)]
        db = self.laptops[i].db
        with self._on(i), db.atomic():
            row = changes.insert(db, "plan_actions", {"cooperative_id": coop["id"], "axis": "marketing",
                                                      "objective": objective})
        self.created.add(("plan_actions", row["id"]))

    @rule(i=S.integers(0, len(LAPTOPS) - 1), pick=S.integers(0, 50))
    def log_session(self, i: int, pick: int) -> None:
        coops = self._rows(i, "cooperatives")
        if not coops:
            return
        coop = coops[pick % len(coops)]
        db = self.laptops[i].db
        last = db.execute("SELECT max(number) FROM coaching_sessions WHERE cooperative_id = ?",
                          [coop["id"]]).fetchone()[0] or 0
        if last >= 12:
            return
        with self._on(i), db.atomic():
            row = changes.insert(db, "coaching_sessions", {"cooperative_id": coop["id"], "number": last + 1,
                                                           "held_on": "2024-05-01", "author": LAPTOPS[i][0]})
        self.created.add(("coaching_sessions", row["id"]))

    @rule(i=S.integers(0, len(LAPTOPS) - 1), table=S.sampled_from(MODEL_TABLES), pick=S.integers(0, 50),
          field=S.sampled_from(["note", "other"]), value=VALUES)
    def edit(self, i: int, table: str, pick: int, field: str, value) -> None:
        rows = self._rows(i, table)
        if not rows:
            return
        row = rows[pick % len(rows)]
        name = {"cooperatives": {"note": "notes", "other": "president"},
                "plan_actions": {"note": "owner", "other": "indicator"},
                "coaching_sessions": {"note": "place", "other": "topics"}}[table][field]
        db = self.laptops[i].db
        with self._on(i), db.atomic():
            changes.update(db, table, row["id"], {name: value})

    @rule(i=S.integers(0, len(LAPTOPS) - 1), value=VALUES, field=S.sampled_from(["notes", "president"]))
    def edit_shared(self, i: int, value, field: str) -> None:
        """The cooperative every laptop started with: where concurrent edits meet."""
        db = self.laptops[i].db
        row = db.execute("SELECT id FROM cooperatives WHERE registration_number = 'R0'").fetchone()
        if row:
            with self._on(i), db.atomic():
                changes.update(db, "cooperatives", row[0], {field: value})

    @rule(i=S.integers(0, len(LAPTOPS) - 1), table=S.sampled_from(["plan_actions", "coaching_sessions",
                                                                     "cooperatives"]), pick=S.integers(0, 50))
    def delete(self, i: int, table: str, pick: int) -> None:
        rows = self._rows(i, table)
        if not rows:
            return
        row = rows[pick % len(rows)]
        db = self.laptops[i].db
        with self._on(i), db.atomic():
            changes.delete(db, table, row["id"])

    # -- the server ---------------------------------------------------------------------
    @rule(coach=S.sampled_from(["c1", "c2"]), pick=S.integers(0, 50), active=S.booleans())
    def assign(self, coach: str, pick: int, active: bool) -> None:
        with self.server.engine.connect() as conn:
            coops = [r for r in data.all_live(conn) if r.tbl == "cooperatives"]
        if coops:
            self.server.assign(coach, coops[pick % len(coops)].id, active=active)

    # -- the link ---------------------------------------------------------------------------
    @rule(i=S.integers(0, len(LAPTOPS) - 1), faults=S.lists(FAULTS, min_size=1, max_size=3),
          page_rows=S.sampled_from([2, 3, 500]))
    def sync(self, i: int, faults: list[str], page_rows: int) -> None:
        faulty = self.faulty[i]
        faulty.plan = list(faults)
        try:
            with self._on(i):
                SyncEngine(self.laptops[i].db, faulty, page_rows=page_rows, batch=4).run()
        except errors.SyncError as e:
            assert e.kind == "network", e
        faulty.plan = []

    @rule(i=S.integers(0, len(LAPTOPS) - 1))
    def kill(self, i: int) -> None:
        """The process dies between two steps: only what was committed survives."""
        lap = self.laptops[i]
        lap.db.close()
        lap.db = open_db(lap.path)

    @precondition(lambda self: any(f.sent for f in self.faulty))
    @rule(i=S.integers(0, len(LAPTOPS) - 1), pick=S.integers(0, 1000))
    def replay(self, i: int, pick: int) -> None:
        sent = [b for path, b in self.faulty[i].sent if path == "/sync"]
        if not sent:
            return
        body = sent[pick % len(sent)]
        before = self._server_state()
        self.laptops[i].transport.post("/sync", body, SyncResponse)
        assert self._server_state() == before, "replaying a request changed the server"

    def _server_state(self):
        with self.server.engine.connect() as conn:
            live = [(r.tbl, r.id, r.data, r.seq, r.deleted) for r in data.all_live(conn)]
            confl = conn.execute(select(conflicts_table.c.id, conflicts_table.c.resolved)).all()
            seq = data.current_sequence(conn)
        return live, confl, seq

    # -- what must always hold ----------------------------------------------------------------
    @invariant()
    def ids_are_unique_on_the_server(self) -> None:
        with self.server.engine.connect() as conn:
            live = data.all_live(conn)
        keys = [r.ukey for r in live if r.ukey]
        assert len(keys) == len(set(keys))
        numbers = [(r.coop_id, r.data["number"]) for r in live if r.tbl == "coaching_sessions"]
        assert len(numbers) == len(set(numbers))
        assert all(1 <= n <= 12 for _, n in numbers)

    def check_converged(self) -> None:
        """Quiet syncs on a good link, then every copy against the server."""
        for _ in range(3):
            for i in range(len(self.laptops)):
                SyncEngine(self.laptops[i].db, self.laptops[i].transport).run()
        with self.server.engine.connect() as conn:
            live = data.all_live(conn)
            all_ids = {r.id for r in live}
            conflicts = data.all_conflicts(conn)
            last_n = {d.id: d.last_n for d in conn.execute(select(devices_table.c.id, devices_table.c.last_n))}
            scopes = {name: scope.assigned(conn, data.user_by_name(conn, name)["id"]) for name in ("c1", "c2")}
        by_table = {t: {r.id: r for r in live if r.tbl == t} for t in TABLES}
        STATS.update(c["kind"] for c in conflicts)
        STATS.update(f"live {r.tbl}" for r in live)
        for i, (user, _skew) in enumerate(LAPTOPS):
            lap = self.laptops[i]
            assert st.outbox_count(lap.db) == 0, f"laptop {i}: outbox not drained"
            for table in MODEL_TABLES:
                local = {r["id"]: r for r in st.synced_rows(lap.db, table)}
                expected = {}
                for rid, rec in by_table[table].items():
                    if user == "coord" or rec.coop_id in scopes[user]:
                        expected[rid] = rec
                assert set(local) == set(expected), f"laptop {i} ({user}) {table}: rows differ"
                for rid, rec in expected.items():
                    for f in TABLES[table].fields:
                        assert local[rid][f] == rec.data.get(f), f"laptop {i} {table}.{f} of {rid}"
            # Every mutation this laptop sent was applied or answered (its number reached).
            device = st.get(lap.db, "device_id")
            sent = [m.n for path, b in self.faulty[i].sent if path == "/sync" for m in b.mutations]
            assert all(n <= last_n[device] for n in sent)
        # Every row a laptop created is on the server (live or deleted) or kept in a conflict.
        with self.server.engine.connect() as conn:
            known = {(r.tbl, r.id) for r in _all_records(conn)}
        in_conflict = {(c["tbl"], c["row_id"]) for c in conflicts}
        for key in self.created:
            assert key in known or key in in_conflict or key[1] not in all_ids, key
            if key not in known:
                # Never reached the server: it was removed before any push (create-then-delete),
                # or its parent went first (its creation is then in a conflict, or was never sent).
                assert not any(key[1] == m.id for f in self.faulty for p, b in f.sent if p == "/sync"
                               for m in b.mutations) or key in in_conflict, key


def _all_records(conn):
    from murafaqa_server.tables import records

    return conn.execute(select(records.c.tbl, records.c.id)).all()


class _Clock:
    """Laptop clocks skewed by a day: display stamps only, never an order."""

    def __init__(self, days: int) -> None:
        self.days = days

    def __enter__(self):
        self.saved = (changes_mod.now_iso, engine_mod.now_iso)
        changes_mod.now_iso = engine_mod.now_iso = skewed(self.days)

    def __exit__(self, *exc):
        changes_mod.now_iso, engine_mod.now_iso = self.saved


class ModelWithFinalCheck(SyncModel):
    def teardown(self) -> None:
        try:
            self.check_converged()
        finally:
            super().teardown()


def _sqlite_factory(tmp: Path):
    engine = sqlite_engine(tmp / "server.db")
    return engine, engine.dispose


MODEL_SETTINGS = settings(max_examples=EXAMPLES, stateful_step_count=30, deadline=None,
                          suppress_health_check=list(HealthCheck), derandomize=False)


def test_model_on_sqlite():
    ModelWithFinalCheck.engine_factory = staticmethod(_sqlite_factory)
    run_state_machine_as_test(ModelWithFinalCheck, settings=MODEL_SETTINGS)
    print("model on SQLite exercised:", dict(STATS))


@pytest.mark.postgres
def test_model_on_postgres(pg_schema):
    def factory(_tmp: Path):
        pg_schema.reset()
        return pg_schema.engine, lambda: None

    ModelWithFinalCheck.engine_factory = staticmethod(factory)
    run_state_machine_as_test(ModelWithFinalCheck, settings=settings(
        MODEL_SETTINGS, max_examples=max(5, EXAMPLES // 2)))

