"""Refusals that say nothing of rows out of the caller's scope, and sign-ins
that neither tell accounts apart nor starve the server.

A push naming a row the caller may not see is answered byte for byte as one
naming an id the server never held, and writes the same conflict; so is
every kind of mutation (edit, deletion, replay, another table's id, a child
under it), on every synced table, for a live row and a deleted one."""
from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from functools import partial
from typing import Any

import anyio
import anyio.to_thread
import httpx
import pytest
from sqlalchemy import select

from murafaqa_protocol.messages import SCHEMA_VERSION
from murafaqa_protocol.tables import TABLES
from murafaqa_server import data, security, throttle
from murafaqa_server.app import create_app
from murafaqa_server.routes.deps import PASSWORD_THREADS
from murafaqa_server.tables import records as records_table
from murafaqa_server.throttle import THRESHOLD
from server.mfq_harness import PASSWORD

V = SCHEMA_VERSION
BIG = 10**6


def enrol(server, user: str) -> dict[str, str]:
    r = server.client.post("/api/v1/enrol", json={"schema_version": V, "user": user, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


def post(server, headers, mutations=(), pull=None):
    body: dict[str, Any] = {"schema_version": V, "mutations": list(mutations)}
    if pull is not None:
        body["pull"] = pull
    r = server.client.post("/api/v1/sync", json=body, headers=headers)
    assert r.status_code == 200, r.text
    return r


def new_id() -> str:
    return str(uuid.uuid4())


def tree(region: str, tag: str) -> dict[str, dict[str, Any]]:
    """One row of every synced table, linked: a cooperative with all that
    hangs off it, and a training session of the same region with one
    attendance. Table -> {"id", "f"}."""
    ids = {t: new_id() for t in TABLES}
    rows = {
        "cooperatives": {"registration_number": f"RC-{tag}", "legal_date": "2022-01-01", "region": region,
                         "president": f"Président {tag}", "phone": "0600000000", "members": 12},
        "selection_ratings": {"cooperative_id": ids["cooperatives"], "criterion": "c1", "rating": 3},
        "diagnoses": {"cooperative_id": ids["cooperatives"], "summary": f"secret {tag}"},
        "diagnosis_sections": {"diagnosis_id": ids["diagnoses"], "section": "finance", "rating": 2},
        "diagnosis_needs": {"diagnosis_id": ids["diagnoses"], "kind": "training", "axis": "marketing",
                            "description": "need"},
        "plan_actions": {"cooperative_id": ids["cooperatives"], "axis": "marketing", "objective": "o",
                         "estimated_cost": 5000},
        "coaching_sessions": {"cooperative_id": ids["cooperatives"], "number": 1, "held_on": "2024-01-01",
                              "place": "siège"},
        "session_reviews": {"session_id": ids["coaching_sessions"], "action_id": ids["plan_actions"],
                            "progress": 40},
        "training_sessions": {"module_code": "M1", "held_on": "2024-02-01", "region": region},
        "training_attendance": {"training_session_id": ids["training_sessions"], "participant": "Fatima",
                                "gender": "F", "cooperative_id": ids["cooperatives"]},
        "financing": {"cooperative_id": ids["cooperatives"], "applied_on": "2024-03-01", "project": "p",
                      "status": "submitted", "amount_requested": 90000},
        # A call is the whole programme's (everyone sees it); its places and
        # the application are the region's.
        "calls": {"tranche": 4, "phase": 2, "closes_on": "2024-06-30", "title": f"Appel {tag}"},
        "call_places": {"call_id": ids["calls"], "region": region, "places": 5},
        "applications": {"call_id": ids["calls"], "cooperative_id": ids["cooperatives"],
                         "received_on": "2024-05-01", "complete": 1},
        "application_ratings": {"application_id": ids["applications"], "criterion": "c1", "rating": 2,
                                "evidence": f"secret {tag}"},
    }
    assert set(rows) == set(TABLES)  # a table added to the protocol gets a row here
    return {t: {"id": ids[t], "f": rows[t]} for t in TABLES}


def creations(rows: dict[str, dict[str, Any]], first_n: int) -> list[dict[str, Any]]:
    return [{"n": first_n + i, "t": t, "id": r["id"], "op": "upsert", "f": r["f"], "b": {}}
            for i, (t, r) in enumerate(rows.items())]


def edit_fields(table: str) -> dict[str, Any]:
    """Fields an edit would carry: those that are neither a link nor required."""
    spec = TABLES[table]
    links = {fk for fk, _ in ((spec.parent,) if spec.parent else ()) + spec.cascades + spec.nulls}
    free = [f for f in spec.fields if f not in links and f not in spec.required]
    return dict.fromkeys(free[:3], "?")


def links_to(table: str) -> list[tuple[str, str]]:
    """(child table, field) of every row kind that hangs off ``table``."""
    out = []
    for spec in TABLES.values():
        for fk, target in ((spec.parent,) if spec.parent else ()) + spec.cascades:
            if target == table:
                out.append((spec.name, fk))
    return out


def other_table(table: str) -> str:
    return "financing" if table != "financing" else "plan_actions"


def cases(table: str, row_id: str, visible: dict[str, dict[str, Any]], whole: dict[str, Any]
          ) -> dict[str, list[dict[str, Any]]]:
    """Every kind of mutation naming ``row_id`` of ``table``, by name. ``n``
    is left for the caller; a child's own id is a fresh one each time."""
    edit = edit_fields(table)
    other = other_table(table)
    out = {
        "edit": [{"t": table, "id": row_id, "op": "upsert", "f": edit, "b": {}}],
        "edit_since": [{"t": table, "id": row_id, "op": "upsert", "f": edit, "b": dict.fromkeys(edit, BIG)}],
        "whole_row": [{"t": table, "id": row_id, "op": "upsert", "f": whole, "b": {}}],
        "delete": [{"t": table, "id": row_id, "op": "delete", "f": {}, "b": {"_row": 0}}],
        "delete_since": [{"t": table, "id": row_id, "op": "delete", "f": {}, "b": {"_row": BIG}}],
        "as_other_table": [{"t": other, "id": row_id, "op": "upsert", "f": edit_fields(other), "b": {}}],
        "delete_as_other_table": [{"t": other, "id": row_id, "op": "delete", "f": {}, "b": {"_row": 0}}],
        "replay": [{"t": table, "id": row_id, "op": "upsert", "f": edit, "b": {}, "replay": True}],
        "replay_delete": [{"t": table, "id": row_id, "op": "delete", "f": {}, "b": {}, "replay": True}],
    }
    for child, fk in links_to(table):
        # The child's other links point at rows the caller sees.
        f = {**visible[child]["f"], fk: row_id}
        if child == "coaching_sessions":
            f["number"] = 7
        out[f"child_{child}_{fk}"] = [{"t": child, "id": new_id(), "op": "upsert", "f": f, "b": {}}]
    return out


class Caller:
    """Two laptops of one user, their mutation numbers kept in step, so
    that one answer can be compared with the other byte for byte."""

    def __init__(self, server, user: str) -> None:
        self.server = server
        self.laptops = [enrol(server, user), enrol(server, user)]
        self.n = 0
        # One harmless mutation each, so that n = 1 is a replay on both.
        for laptop in self.laptops:
            post(server, laptop, [{"n": 1, "t": "cooperatives", "id": new_id(), "op": "delete", "f": {}, "b": {}}])
        self.n = 1

    def both(self, first: list[dict[str, Any]], second: list[dict[str, Any]]) -> tuple[bytes, bytes]:
        """Push ``first`` from one laptop and ``second`` from the other, with the same numbers."""
        answers = []
        start = end = self.n
        for laptop, mutations in zip(self.laptops, (first, second)):
            n = start
            numbered = []
            for m in mutations:
                m = dict(m)
                if m.pop("replay", False):
                    numbered.append({**m, "n": 1})
                else:
                    n += 1
                    numbered.append({**m, "n": n})
            answers.append(post(self.server, laptop, numbered).content)
            end = max(end, n)
        self.n = end
        return answers[0], answers[1]

    def pull(self, cursor: int) -> dict[str, Any]:
        return post(self.server, self.laptops[0], pull={"cursor": cursor}).json()["page"]


def sequence(server) -> int:
    with server.engine.connect() as conn:
        return data.current_sequence(conn)


def records(server) -> list[tuple]:
    """Every row the server holds, live or deleted: (id, table, data, seq, deleted, cooperative, region)."""
    with server.engine.connect() as conn:
        return sorted((r.id, r.tbl, json.dumps(r.data, sort_keys=True), r.seq, r.deleted, r.coop_id, r.region)
                      for r in (data._record(row) for row in conn.execute(select(records_table))))


def anonymous(conflict: dict[str, Any], names: dict[str, str]) -> str:
    """A pulled conflict with what differs by construction taken out: its
    number, sequence, time, and the ids of the two sides."""
    kept = {k: v for k, v in conflict.items() if k not in ("id", "seq", "at")}
    text = json.dumps(kept, sort_keys=True, ensure_ascii=False)
    for real, name in names.items():
        text = text.replace(real, name)
    return text


@pytest.fixture
def scoped(server):
    """Region 07 (the callers') and region 08 (out of their scope): each a
    whole tree; region 08 has a second tree, deleted."""
    server.user("boss", "admin")
    server.user("ali")  # a coach assigned to the 07 cooperative
    server.user("coord7", "coordinator", "07")
    boss = enrol(server, "boss")
    seen, hidden, hidden_gone = tree("07", "seen"), tree("08", "hidden"), tree("08", "gone")
    post(server, boss, creations(seen, 1) + creations(hidden, 20) + creations(hidden_gone, 40))
    post(server, boss, [{"n": 60, "t": "cooperatives", "id": hidden_gone["cooperatives"]["id"], "op": "delete",
                         "f": {}, "b": {"_row": BIG}},
                        {"n": 61, "t": "training_sessions", "id": hidden_gone["training_sessions"]["id"],
                         "op": "delete", "f": {}, "b": {"_row": BIG}},
                        {"n": 62, "t": "calls", "id": hidden_gone["calls"]["id"], "op": "delete",
                         "f": {}, "b": {"_row": BIG}}])
    server.assign("ali", seen["cooperatives"]["id"])
    held = {r[0]: r[4] for r in records(server)}  # id -> deleted
    assert [held[r["id"]] for r in hidden.values()] == [False] * len(TABLES)
    assert [held[r["id"]] for r in hidden_gone.values()] == [True] * len(TABLES)
    return {"seen": seen, "hidden": hidden, "hidden_gone": hidden_gone}


@pytest.mark.parametrize("user", ["ali", "coord7"])
@pytest.mark.parametrize("target", ["hidden", "hidden_gone"])
def test_a_refusal_says_nothing_of_a_row_out_of_scope(scoped, server, user, target):
    caller = Caller(server, user)
    hidden_before = [r for r in records(server) if r[6] == "08"]
    compared = 0
    for table, row in scoped[target].items():
        if TABLES[table].programme_wide:
            continue  # a call is seen by everyone: nothing of it is hidden
        if user == "ali" and set(TABLES[table].fields) <= set(TABLES[table].deciders):
            continue  # a coach writing a call's places is refused whole (403), whatever the row
        unknown = new_id()
        # A whole row with the hidden one's links, but none of its words (the
        # caller must not find them anywhere).
        whole = {f: "mine" if isinstance(v, str) and (" " in v or v.startswith("RC-")) else v
                 for f, v in row["f"].items()}
        mine = cases(table, row["id"], scoped["seen"], whole)
        theirs = cases(table, unknown, scoped["seen"], whole)
        for kind in mine:
            if kind == "whole_row" and (table, user) == ("cooperatives", "ali"):
                continue  # a coach may create a cooperative anywhere: see the next test
            cursor = sequence(server)
            first, second = caller.both(mine[kind], theirs[kind])
            assert first == second, (table, kind, first, second)
            page = caller.pull(cursor)
            assert page.get("changes", []) == [], (table, kind)
            names = {row["id"]: "ROW", unknown: "ROW", mine[kind][0]["id"]: "NEW", theirs[kind][0]["id"]: "NEW"}
            found = [anonymous(c, names) for c in page.get("conflicts", [])]
            assert len(found) % 2 == 0 and found[: len(found) // 2] == found[len(found) // 2:], (table, kind)
            assert all(c.get("server") is None for c in page.get("conflicts", [])), (table, kind)
            compared += 1
    assert compared >= (len(TABLES) - 2) * 9
    # Nothing of region 08 changed, and nothing of it ever reached the caller.
    assert [r for r in records(server) if r[6] == "08"] == hidden_before
    page = caller.pull(0)
    hidden_ids = {r["id"] for t, r in scoped[target].items() if not TABLES[t].programme_wide}
    assert not hidden_ids & {c["id"] for c in page.get("changes", [])}
    everything = json.dumps(page, ensure_ascii=False)
    for secret in ("Président hidden", "secret hidden", "Président gone", "secret gone"):
        assert secret not in everything


def test_a_whole_new_row_under_a_taken_id_learns_only_that_it_is_taken(scoped, server):
    """Ids are unique across all scopes, so a whole new row in the caller's
    scope under an id held out of it cannot be created: it is refused as
    ``id_taken``, the answer of any taken id, with nothing of the holder."""
    ali = Caller(server, "ali")
    hidden = scoped["hidden"]
    coop = {"registration_number": "RC-new", "legal_date": "2023-01-01", "region": "07"}
    action = {**scoped["seen"]["plan_actions"]["f"], "objective": "mine"}
    for table, f in (("cooperatives", coop), ("plan_actions", action)):
        for holder in (hidden[table]["id"], hidden["financing"]["id"], scoped["hidden_gone"][table]["id"]):
            cursor = sequence(server)
            first, _ = ali.both([{"t": table, "id": holder, "op": "upsert", "f": f, "b": {}}], [])
            assert json.loads(first)["results"] == [{"n": ali.n, "st": "rejected", "gone": True, "why": "id_taken"}]
            page = ali.pull(cursor)
            assert page.get("changes", []) == []
            assert [(c["kind"], c.get("server"), c["client"]) for c in page["conflicts"]] == [("rejected", None, f)]
    # The same rows under free ids are created.
    first, _ = ali.both([{"t": "cooperatives", "id": new_id(), "op": "upsert", "f": coop, "b": {}},
                         {"t": "plan_actions", "id": new_id(), "op": "upsert", "f": action, "b": {}}], [])
    assert [r["st"] for r in json.loads(first)["results"]] == ["ok", "ok"]


def test_rows_the_caller_sees_keep_their_answers(scoped, server):
    """What the caller may see is still said: a parent of theirs deleted, a
    row of theirs under another table's name, a replay of their own edit."""
    ali = Caller(server, "ali")
    seen = scoped["seen"]
    action = {"t": "plan_actions", "id": seen["plan_actions"]["id"], "op": "upsert", "f": {"status": "done"},
              "b": {"status": BIG}}
    first, _ = ali.both([action], [])
    assert json.loads(first)["results"][0]["st"] == "ok"
    replayed, _ = ali.both([{**action, "n": ali.n, "replay": True}], [])
    result = json.loads(replayed)["results"][0]
    assert result["st"] == "replay" and "gone" not in result and result["vs"]["status"] > 0
    first, _ = ali.both([{"t": "financing", "id": seen["plan_actions"]["id"], "op": "upsert",
                          "f": {"status": "x"}, "b": {}}], [])
    assert json.loads(first)["results"][0]["why"] == "id_taken"
    first, _ = ali.both([{"t": "plan_actions", "id": seen["plan_actions"]["id"], "op": "delete", "f": {},
                          "b": {"_row": BIG}},
                         {"t": "session_reviews", "id": new_id(), "op": "upsert", "b": {},
                          "f": {"session_id": seen["coaching_sessions"]["id"],
                                "action_id": seen["plan_actions"]["id"]}}], [])
    assert [(r["st"], r.get("why")) for r in json.loads(first)["results"]] == [
        ("ok", None), ("rejected", "parent_missing")]


# -- sign-in ----------------------------------------------------------------------------

class WatchedHasher:
    """The password hasher in use, its verifications counted; with ``gate``
    set, each waits for the gate to open (and those running at once are counted)."""

    def __init__(self, inner, gate: threading.Event | None = None) -> None:
        self.inner = inner
        self.gate = gate
        self.verified = 0
        self.running = 0
        self.most_at_once = 0
        self._lock = threading.Lock()

    def hash(self, password: str) -> str:
        return self.inner.hash(password)

    def verify(self, stored: str, password: str) -> bool:
        with self._lock:
            self.verified += 1
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        try:
            if self.gate is not None:
                assert self.gate.wait(30), "the gate was never opened"
            return self.inner.verify(stored, password)
        finally:
            with self._lock:
                self.running -= 1


def test_every_sign_in_checks_one_password_known_user_or_not(server, monkeypatch):
    """An unknown name, a disabled account, a wrong password and the right
    one each cost exactly one argon2 verification: the time of the answer
    does not say which names are accounts."""
    server.user("ali")
    server.user("gone")
    server.disable("gone")
    hasher = WatchedHasher(security._hasher)
    monkeypatch.setattr(security, "_hasher", hasher)
    refusals = []
    for user, password in (("nobody", PASSWORD), ("gone", PASSWORD), ("ali", "wrong-pass"), ("ali", PASSWORD)):
        before = hasher.verified
        r = server.client.post("/api/v1/enrol", json={"schema_version": V, "user": user, "password": password})
        assert hasher.verified - before == 1, user
        if r.status_code != 200:
            refusals.append((r.status_code, r.content))
    assert len(refusals) == 3 and len(set(refusals)) == 1  # one answer for the three


def test_password_checks_run_one_at_a_time_and_starve_no_one(server, monkeypatch):
    """Sign-ins blocked in argon2: at most PASSWORD_THREADS check at once,
    the others wait; meanwhile /healthz and a sync answer. The sixth wrong
    password in a row finds the name blocked and checks no password."""
    server.user("ali")
    token = enrol(server, "ali")
    app = create_app(server.engine)
    monkeypatch.setattr(throttle, "FIRST_DELAY", dt.timedelta(minutes=1))  # outlasts a slow machine
    gate = threading.Event()
    hasher = WatchedHasher(security._hasher, gate)
    monkeypatch.setattr(security, "_hasher", hasher)
    signing_in = 6
    answers: list[int] = []

    async def sign_in(client: httpx.AsyncClient) -> None:
        r = await client.post("/api/v1/enrol", json={"schema_version": V, "user": "ali", "password": "wrong-pass"})
        answers.append(r.status_code)

    async def main() -> None:
        async with (httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client,
                    anyio.create_task_group() as tg):
            for _ in range(signing_in):
                tg.start_soon(sign_in, client)
            with anyio.fail_after(20):
                while hasher.running < PASSWORD_THREADS:
                    await anyio.sleep(0.01)
                health = await client.get("/healthz")
                synced = await client.post("/api/v1/sync", headers=token,
                                           json={"schema_version": V, "pull": {"cursor": 0}})
                await anyio.sleep(0.2)  # time for any more to start, were they allowed to
            assert health.status_code == 200 and synced.status_code == 200
            assert hasher.running == PASSWORD_THREADS and answers == []
            gate.set()
        assert answers == [401] * THRESHOLD + [429] * (signing_in - THRESHOLD)
        assert hasher.verified == THRESHOLD and hasher.most_at_once == PASSWORD_THREADS

    try:
        anyio.run(main)
    finally:
        gate.set()


def test_healthz_answers_with_the_shared_thread_pool_full(server):
    """The health probe has a thread of its own: with every thread of the
    shared pool taken (by slow routes), it still answers."""
    app = create_app(server.engine)
    gate = threading.Event()

    async def main() -> None:
        limiter = anyio.to_thread.current_default_thread_limiter()
        limiter.total_tokens = 2
        async with anyio.create_task_group() as tg:
            for _ in range(2):
                tg.start_soon(partial(anyio.to_thread.run_sync, gate.wait, 30))
            while limiter.borrowed_tokens < 2:
                await anyio.sleep(0.01)
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
                with anyio.fail_after(10):
                    r = await client.get("/healthz")
            assert r.status_code == 200 and r.json()["status"] == "ok"
            gate.set()

    try:
        anyio.run(main)
    finally:
        gate.set()
