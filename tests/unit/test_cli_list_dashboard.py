"""``murafaqa list`` and ``murafaqa dashboard``: every cooperative of a scope,
every figure of the page; bad input is one line and exit 2."""
from __future__ import annotations

import json

import pytest

from murafaqa_desktop import cli
from murafaqa_desktop.cli import programme
from murafaqa_desktop.store.db import open_db
from programme_factory import AMINA, TODAY, build_programme


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def hand(db_path):
    db = open_db(db_path)
    ids = build_programme(db)
    db.close()
    return db_path, ids


def listed(capsys, db_path, *options) -> list[dict]:
    code, out, err = run(capsys, "list", "--json", "--at", TODAY, "--db", db_path, *options)
    assert code == 0, err
    return json.loads(out)


def test_list_gives_every_cooperative_with_the_lists_columns(capsys, hand):
    db_path, ids = hand
    rows = listed(capsys, db_path)
    assert len(rows) == 6  # `search ""` finds none: the list gives them all
    assert all(list(r) == list(programme.LIST_COLUMNS) for r in rows)
    by_id = {r["id"]: r for r in rows}
    a = by_id[ids["A"]]
    assert (a["registration_number"], a["region"], a["tranche"], a["phase"], a["status"], a["coach"],
            a["sessions_done"], a["next_due"]) == ("RC-HAND-A", "07", 4, 1, "coaching", AMINA, 3, "2026-07-01")
    assert a["eligible"] is True


@pytest.mark.parametrize("options, keys", [
    (["--region", "07"], "ABC"),
    (["--region", "Marrakech-Safi"], "ABC"),
    (["--tranche", "4"], "ABCEF"),
    (["--tranche", "4", "--phase", "2"], "CF"),
    (["--status", "coaching"], "AB"),
    (["--overdue"], "B"),
    (["--coach", AMINA], "AB"),
    (["--stage", "coached"], "ABDE"),
    (["--stage", "financed"], "B"),
    (["--region", "04", "--stage", "coached"], "DE"),
])
def test_list_filters(capsys, hand, options, keys):
    db_path, ids = hand
    assert sorted(r["id"] for r in listed(capsys, db_path, *options)) == sorted(ids[k] for k in keys)


def test_list_reads_as_a_table_without_json(capsys, hand):
    db_path, _ = hand
    code, out, _ = run(capsys, "list", "--region", "07", "--db", db_path)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 4 and lines[-1] == "3 coopérative(s)"
    assert lines[0].split("\t")[:4] == ["RC-HAND-A", "Coopérative A", "07", "T4/P1"]


def test_dashboard_json_holds_every_figure(capsys, hand):
    db_path, _ = hand
    code, out, err = run(capsys, "dashboard", "--json", "--at", TODAY, "--db", db_path)
    assert code == 0, err
    page = json.loads(out)
    assert set(page) == {"scope", "today", "pipeline", "coaching", "training", "plan", "regions", "team",
                         "freshness"}
    assert page["today"] == "2026-06-15"
    assert page["pipeline"]["stages"]["coached"] == {"value": 4, "filter": {"stage": "coached"}}
    assert page["coaching"]["overdue"] == {"value": 1, "filter": {"overdue": True, "as_of": "2026-06-15"}}
    assert page["coaching"]["held"] == 18 and page["coaching"]["oldest_overdue"] == "2026-04-01"
    assert [r["planned"] for r in page["plan"]] == [438, 478, 474, 600, None, None]
    assert page["freshness"] == {"last_sync": None, "pending_here": page["freshness"]["pending_here"]}


def test_dashboard_scope_options(capsys, hand):
    db_path, _ = hand
    code, out, _ = run(capsys, "dashboard", "--json", "--at", TODAY, "--region", "7", "--coach", AMINA,
                       "--db", db_path)
    page = json.loads(out)
    assert code == 0
    assert page["scope"] == {"region": "07", "province": None, "tranche": None, "phase": None, "coach": AMINA}
    assert page["pipeline"]["stages"]["in_programme"]["value"] == 2
    assert page["pipeline"]["stages"]["in_programme"]["filter"] == {
        "region": "07", "coach": AMINA, "stage": "in_programme"}


@pytest.mark.parametrize("argv, fragment", [
    (["list", "--region", "Atlantis"], "région inconnue"),
    (["list", "--tranche", "7"], "--tranche '7' inconnue"),
    (["list", "--tranche", "x"], "--tranche 'x' inconnue"),
    (["list", "--tranche", "1", "--phase", "1"], "n'a pas de phases"),
    (["list", "--phase", "3"], "--phase '3' inconnue"),
    (["list", "--status", "sleeping"], "--status 'sleeping' inconnu"),
    (["list", "--stage", "hatched"], "--stage 'hatched' inconnu"),
    (["list", "--province", "99.99"], "province inconnue"),
    (["dashboard", "--region", "13"], "région inconnue"),
    (["dashboard", "--tranche", "7"], "--tranche '7' inconnue"),
    (["dashboard", "--stage", "coached"], "unrecognized arguments"),
    (["list", "--at", "2026-02-30"], "not a date"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, hand, argv, fragment):
    db_path, _ = hand
    code, out, err = run(capsys, *argv, "--db", db_path)
    assert code == 2
    assert out == ""
    assert fragment in err and len(err.strip().splitlines()) == 1


def test_bad_input_is_said_in_arabic(capsys, hand):
    db_path, _ = hand
    code, _, err = run(capsys, "list", "--region", "Atlantis", "--lang", "ar", "--db", db_path)
    assert code == 2 and "جهة غير معروفة" in err and len(err.strip().splitlines()) == 1
