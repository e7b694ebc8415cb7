"""A deletion finds the rows that go with it in their cooperative: every
link of a row stays inside one cooperative (a session's review of another
cooperative's action is refused), so a cascade is looked for through the
cooperative's index, never by scanning the two million rows of the national
table (a second and more on PostgreSQL)."""
from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import event
from test_api import coop_mutation, enrol, sync

from murafaqa_server import data

BIG = 10**9


def _new() -> str:
    return str(uuid.uuid4())


def _upsert(n: int, table: str, row_id: str, **fields: Any) -> dict[str, Any]:
    return {"n": n, "t": table, "id": row_id, "op": "upsert", "f": fields, "b": {}}


def _results(response) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.text
    return json.loads(response.text)["results"]


def _live(server, row_id: str) -> bool:  # type: ignore[no-untyped-def]
    with server.engine.connect() as conn:
        return any(r.id == row_id for r in data.all_live(conn))


def test_a_review_of_another_cooperative_s_action_is_refused_and_a_deletion_reads_one_cooperative(server):
    server.user("ali")
    ali = enrol(server, "ali")
    a, b = _new(), _new()
    session, action_a, action_b = _new(), _new(), _new()
    assert [r["st"] for r in _results(sync(server, ali, [
        coop_mutation(1, a, "RC-A"), coop_mutation(2, b, "RC-B"),
        _upsert(3, "coaching_sessions", session, cooperative_id=a, number=1, held_on="2026-05-01"),
        _upsert(4, "plan_actions", action_a, cooperative_id=a, axis="marketing", objective="o"),
        _upsert(5, "plan_actions", action_b, cooperative_id=b, axis="marketing", objective="o")]))] == ["ok"] * 5

    across, within = _new(), _new()
    refused, accepted = _results(sync(server, ali, [
        _upsert(6, "session_reviews", across, session_id=session, action_id=action_b, progress=1),
        _upsert(7, "session_reviews", within, session_id=session, action_id=action_a, progress=1)]))
    assert refused["st"] == "rejected" and refused["why"] == "parent_missing"
    assert accepted["st"] == "ok"
    assert not _live(server, across) and _live(server, within)

    statements: list[str] = []

    def keep(_conn, _cursor, statement, _parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(server.engine, "before_cursor_execute", keep)
    try:
        deleted = _results(sync(server, ali, [
            {"n": 8, "t": "plan_actions", "id": action_a, "op": "delete", "f": {}, "b": {"_row": BIG}}]))
    finally:
        event.remove(server.engine, "before_cursor_execute", keep)
    assert deleted[0]["st"] == "ok"
    assert not _live(server, action_a) and not _live(server, within), "the review went with its action"
    assert _live(server, session) and _live(server, action_b)
    mentions = [s for s in statements if " LIKE " in s.upper()]
    assert mentions and all("coop_id" in s for s in mentions), mentions
