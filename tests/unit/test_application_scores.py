"""The ranking reads each application's score from one kept table
(``application_scores``, migration m010): it must always hold what the
ratings say, whoever writes them (a rating in place, a pulled change, a
deletion, a cascade) and in whatever order they arrive."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from murafaqa_desktop.services import calls
from murafaqa_desktop.store import sync_state
from murafaqa_desktop.store.db import open_db
from murafaqa_desktop.store.migrations import MIGRATIONS
from selection_data import CRITERIA, REG, make_selection

NOW = "2026-06-01T10:00:00+00:00"


def _kept(db: Database) -> dict[str, tuple[Any, ...]]:
    rows = db.execute("SELECT application_id, total, rated, unevidenced FROM application_scores").fetchall()
    return {r[0]: (r[1], r[2], set((r[3] or "").split(",")) - {""}) for r in rows}


def _counted(db: Database) -> dict[str, tuple[Any, ...]]:
    """The same facts, counted here from the ratings row by row."""
    out: dict[str, tuple[Any, ...]] = {}
    for (app_id,) in db.execute("SELECT id FROM applications").fetchall():
        ratings = db.execute("SELECT criterion, rating, document FROM application_ratings "
                             "WHERE application_id = ?", [app_id]).fetchall()
        out[app_id] = (sum(r[1] for r in ratings), len(ratings), {r[0] for r in ratings if r[1] > 0 and not r[2]})
    return out


def _holds(db: Database) -> dict[str, tuple[Any, ...]]:
    kept = _kept(db)
    assert kept == _counted(db)
    return kept


def test_every_application_s_score_follows_its_ratings(db: Database) -> None:
    data = make_selection(db)
    kept = _holds(db)
    assert kept[data.apps[REG["A"]]][:2] == (15, 6)

    # a rating changed in place, then its evidence document ticked
    calls.rate(db, data.apps[REG["D"]], CRITERIA[0], 0)
    assert _holds(db)[data.apps[REG["D"]]][0] == 3
    calls.rate(db, data.apps[REG["A"]], CRITERIA[1], 3, "PV n° 12", document=True)
    assert CRITERIA[1] not in _holds(db)[data.apps[REG["A"]]][2]

    # a rating deleted (as a pulled deletion deletes it)
    rating_id = db.execute("SELECT id FROM application_ratings WHERE application_id = ? AND criterion = ?",
                           [data.apps[REG["B"]], CRITERIA[5]]).fetchone()[0]
    sync_state.delete_row(db, "application_ratings", rating_id)
    assert _holds(db)[data.apps[REG["B"]]][1] == 5

    # an application deleted takes its ratings and its kept row along
    sync_state.delete_row(db, "applications", data.apps[REG["F"]])
    assert data.apps[REG["F"]] not in _holds(db)


def test_a_rating_pulled_before_its_application_is_counted_when_it_arrives(db: Database) -> None:
    data = make_selection(db, rate=False)
    coop = db.execute("SELECT cooperative_id FROM applications WHERE id = ?", [data.apps[REG["A"]]]).fetchone()[0]
    with db.atomic():
        db.execute("PRAGMA defer_foreign_keys = ON")  # a pull applies a page's rows in the order they came
        sync_state.insert_row(db, "application_ratings", "r-1", {
            "application_id": "app-late", "criterion": CRITERIA[0], "rating": 3, "evidence": "PV"}, NOW)
        sync_state.insert_row(db, "applications", "app-late", {
            "call_id": data.call_id, "cooperative_id": "coop-late", "received_on": "2026-05-20"}, NOW)
        sync_state.insert_row(db, "cooperatives", "coop-late", {
            "registration_number": "11/2024/999", "name_fr": "Tardive", "region": "11", "legal_date": "2024-01-10",
            "activity_start": "2024-03-01"}, NOW)
    assert coop
    assert _holds(db)["app-late"] == (3, 1, {CRITERIA[0]})


def test_a_laptop_of_the_previous_release_gets_its_scores_when_it_opens_its_file(tmp_path: Path) -> None:
    path = tmp_path / "older.db"
    db = open_db(path)
    data = make_selection(db)
    before = _counted(db)
    # As the release before m010 left it: no kept table, no triggers.
    for name in [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                          "AND name LIKE '%score%'").fetchall()]:
        db.execute(f"DROP TRIGGER {name}")
    db.execute("DROP TABLE application_scores")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm010_application_scores'")
    db.close()

    reopened = open_db(path)
    assert "m010_application_scores" in {m.name for m in MIGRATIONS.applied(reopened)}
    assert _holds(reopened) == before
    ranked = calls.ranking(reopened, data.call_id)
    assert [r.registration_number for r in ranked if r.region == "11"][:2] == [REG["A"], REG["C"]]
    assert dt.date(2026, 6, 30) == calls.get_call(reopened, data.call_id).reference_date
