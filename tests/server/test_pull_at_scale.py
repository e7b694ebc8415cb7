"""A coach's pull reads their rows, not the table: with many other
cooperatives on the server, the page of a coach's first sync is found
through the indexes (their cooperatives', the rows with no cooperative of
their regions), and the statement reads about as many rows as it returns.

Read from the database's own account of the statement it ran (PostgreSQL's
EXPLAIN ANALYZE, SQLite's query plan), on the statement the pull really
sends."""
from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import Connection, event, text

from murafaqa_server import data
from murafaqa_server.data import Record

OTHERS = 150  # other coaches' cooperatives
ROWS_EACH = 40  # rows of each cooperative (its own included)


def _rows(coop: str, region: str, seq: int) -> list[Record]:
    out = [Record(tbl="cooperatives", id=coop, data={}, versions={}, seq=seq, cseq=seq, coop_id=coop, region=region)]
    out += [Record(tbl="financing", id=f"{coop}-{k}", data={}, versions={}, seq=seq, cseq=seq, coop_id=coop,
                   region=region) for k in range(ROWS_EACH - 1)]
    return out


@pytest.fixture
def crowded(server):
    """Ali's 3 cooperatives among 150 others of his region and the next;
    trainings (no cooperative) in both."""
    server.user("ali", "coach", "07")
    with server.engine.begin() as conn:
        ali = data.user_by_name(conn, "ali")
        assert ali is not None
        rows: list[Record] = []
        for i in range(OTHERS):
            rows += _rows(f"other-{i:03d}", "07" if i % 2 else "08", 1 + i)
        for i in range(3):
            rows += _rows(f"ali-{i}", "07", 200 + i)
        rows += [Record(tbl="training_sessions", id=f"T{region}-{k}", data={}, versions={}, seq=300, cseq=300,
                        region=region) for region in ("07", "08") for k in range(5)]
        data.insert_records(conn, rows)
        for i in range(3):
            data.assign(conn, ali["id"], f"ali-{i}", True, 400)
        data.save_sequence(conn, 400)
    with server.engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT")
        conn.execute(text("ANALYZE" if server.kind == "postgres" else "ANALYZE records"))
    return data.Actor(ali["id"], "ali", "coach", "07")


def _sent(conn: Connection, call: Any) -> tuple[str, Any]:
    """The statement ``call`` sends on ``conn`` (its last), and its parameters."""
    seen: list[tuple[str, Any]] = []

    def keep(_c: Any, _cur: Any, statement: str, parameters: Any, _ctx: Any, _many: bool) -> None:
        seen.append((statement, parameters))

    event.listen(conn, "before_cursor_execute", keep)
    try:
        call()
    finally:
        event.remove(conn, "before_cursor_execute", keep)
    return seen[-1]


def _removed(node: dict[str, Any]) -> int:
    """Rows a PostgreSQL plan read and threw away, all its nodes together."""
    own = int(node.get("Rows Removed by Filter", 0)) + int(node.get("Rows Removed by Index Recheck", 0))
    return own * int(node.get("Actual Loops", 1)) + sum(_removed(n) for n in node.get("Plans", []))


def test_a_coachs_first_page_reads_their_rows_not_the_table(server, crowded):
    mine = 3 * ROWS_EACH + 5  # their cooperatives' rows, and the trainings of region 07
    with server.engine.connect() as conn:
        assert len(data.changes_page(conn, crowded, 0, 0, 1000, set())) == mine
        statement, parameters = _sent(conn, lambda: data.changes_page(conn, crowded, 0, 0, 40, set()))
        if server.kind == "postgres":
            [(plan,)] = conn.exec_driver_sql("EXPLAIN (ANALYZE, FORMAT JSON) " + statement, parameters).all()
            plan = json.loads(plan) if isinstance(plan, str) else plan
            # Walking the table in position order, it threw away the other
            # cooperatives' rows (some 6,000 here).
            assert _removed(plan[0]["Plan"]) <= mine, json.dumps(plan, indent=1)[:3000]
        else:
            steps = [r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
            assert not any(s.startswith("SCAN records") for s in steps), steps


def test_a_coachs_cooperatives_reach_the_database_as_they_are(server):
    """Their ids travel as one array's text on PostgreSQL: quotes, commas,
    braces and backslashes in them stay what they are."""
    server.user("ali", "coach", "07")
    odd = ['q"uote', "com,ma", "{brace}", "back\\slash", "plain-1"]
    with server.engine.begin() as conn:
        ali = data.user_by_name(conn, "ali")
        assert ali is not None
        data.insert_records(conn, [r for i, c in enumerate([*odd, "not-his"]) for r in _rows(c, "07", 1 + i)[:2]])
        for coop in odd:
            data.assign(conn, ali["id"], coop, True, 10)
        data.save_sequence(conn, 10)
    actor = data.Actor(ali["id"], "ali", "coach", "07")
    with server.engine.connect() as conn:
        seen = {r.coop_id for r in data.changes_page(conn, actor, 0, 0, 100, set())}
    assert seen == set(odd)
