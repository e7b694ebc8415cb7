"""The command line: JSON shapes, exit code 2 with one line for bad input, nothing changed."""
import json

import pytest

from factories import make_cooperative
from murafaqa_desktop import cli
from murafaqa_desktop.store.db import open_db


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filled(db_path):
    db = open_db(db_path)
    make_cooperative(db, registration_number="RC/1", name_ar="تعاونية الأمل", name_fr="Coopérative Al Amal")
    make_cooperative(db, registration_number="OLD", legal_date="2015-01-01", activity_start="2015-03-01",
                     name_ar="تعاونية النور", name_fr=None)
    db.close()
    return db_path


def test_search_json_has_the_documented_keys(capsys, filled):
    code, out, _ = run(capsys, "search", "تعاونيه الامل", "--json", "--db", filled)
    assert code == 0
    [row] = json.loads(out)
    assert {"id", "registration_number", "name_ar", "name_fr", "region", "tranche"} <= set(row)
    assert row["registration_number"] == "RC/1" and row["region"] == "07" and row["tranche"] == 4


def test_show_json_with_eligibility_at_a_date(capsys, filled):
    code, out, _ = run(capsys, "show", "OLD", "--json", "--at", "2024-01-01", "--db", filled)
    record = json.loads(out)
    assert code == 0
    assert record["eligibility"]["eligible"] is False
    assert record["eligibility"]["reasons"][0]["code"] == "legal_age_over_4_years"
    assert {"selection", "plan", "coaching", "diagnosis"} <= set(record)
    code, out, _ = run(capsys, "show", "RC/1", "--db", filled, "--lang", "ar")
    assert "مؤهلة" in out and "تعاونية الأمل" in out


@pytest.mark.parametrize("argv, fragment", [
    (["show", "NOPE"], "introuvable"),
    (["show", "RC/1", "--at", "2024-02-30"], "not a date"),
    (["search"], "required"),
    (["import", "missing.csv"], "introuvable"),
    (["frobnicate"], "commande inconnue"),
])
def test_bad_input_exits_2_with_one_line(capsys, filled, argv, fragment):
    code, out, err = run(capsys, *argv, "--db", filled)
    assert code == 2
    assert fragment in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_missing_or_unreadable_database(capsys, tmp_path):
    code, _, err = run(capsys, "search", "x", "--db", tmp_path / "none.db")
    assert code == 2 and "murafaqa demo" in err
    assert not (tmp_path / "none.db").exists()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    code, _, err = run(capsys, "check", "--db", junk)
    assert code == 2 and "Impossible d'ouvrir" in err
    assert junk.read_bytes() == b"this is not a database" * 100


def test_import_refusal_lists_each_bad_line_and_changes_nothing(capsys, filled, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("registration_number;name_ar;legal_date;region\nN1;تعاونية;2022-01-01;07\n"
                    "N2;تعاونية;hier;07\nN3;;2022-01-01;77\n", encoding="utf-8")
    code, _, err = run(capsys, "import", path, "--db", filled)
    assert code == 2
    assert [line.split(":")[1] for line in err.strip().splitlines()[:2]] == ["3", "4"]
    code, out, _ = run(capsys, "search", "N1", "--json", "--db", filled)
    assert json.loads(out) == []


def test_import_dry_run_then_real(capsys, filled, tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text("\ufeffregistration_number,name_fr,legal_date,region\nN1,Coopérative Test,2022-01-01,Fès-Meknès\n",
                    encoding="utf-8")
    code, out, _ = run(capsys, "import", path, "--dry-run", "--db", filled)
    assert code == 0 and "1 créée" in out
    assert json.loads(run(capsys, "search", "test", "--json", "--db", filled)[1]) == []
    assert run(capsys, "import", path, "--db", filled)[0] == 0
    assert json.loads(run(capsys, "search", "test", "--json", "--db", filled)[1])[0]["region"] == "03"


def test_check_exits_1_on_problems(capsys, filled):
    assert run(capsys, "check", "--db", filled)[0] == 0
    db = open_db(filled)
    db.execute("DELETE FROM cooperatives_fts")
    db.close()
    code, out, _ = run(capsys, "check", "--db", filled)
    assert code == 1 and "search index" in out


def test_demo_is_deterministic_and_refuses_a_filled_database(capsys, tmp_path, filled):
    def snapshot(path):
        db = open_db(path)
        rows = db.execute(
            "SELECT id, registration_number, name_ar, legal_date FROM cooperatives ORDER BY id").fetchall()
        sessions = db.execute("SELECT id, held_on FROM coaching_sessions ORDER BY id").fetchall()
        db.close()
        return rows, sessions

    a, b = tmp_path / "a.db", tmp_path / "b.db"
    assert run(capsys, "demo", "--cooperatives", 60, "--seed", 3, "--db", a)[0] == 0
    assert run(capsys, "demo", "--cooperatives", 60, "--seed", 3, "--db", b)[0] == 0
    assert snapshot(a) == snapshot(b)
    assert run(capsys, "demo", "--cooperatives", 60, "--seed", 4, "--db", tmp_path / "c.db")[0] == 0
    assert snapshot(a)[0] != snapshot(tmp_path / "c.db")[0]
    code, _, err = run(capsys, "demo", "--db", filled)
    assert code == 2 and "vide" in err
