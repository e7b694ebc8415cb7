"""The selection's commands: a call, its applications from a file, the
ranking as JSON, decisions and the committee's grid; bad input exits 2 with
one line and changes nothing, in French and in Arabic."""
from __future__ import annotations

import json

import openpyxl
import pytest

from murafaqa_desktop import cli
from murafaqa_desktop.domain.vocab import SELECTION_CRITERIA
from murafaqa_desktop.store.db import open_db

CRITERIA = list(SELECTION_CRITERIA)


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def outbox(db_path) -> int:
    db = open_db(db_path)
    try:
        return db.execute("SELECT count(*) FROM outbox").fetchone()[0]
    finally:
        db.close()


HEADER = ("registration_number,name_fr,name_ar,legal_date,activity_start,region,members,women,youth,"
          "received_on,complete,c1,c1_evidence,c2,c2_evidence,c3,c3_evidence,c4,c4_evidence,c5,c5_evidence,"
          "c6,c6_evidence")


def row(reg, region="11", complete="oui", ratings=(3, 3, 3, 3, 3, 3), women=2, received="2026-05-01"):
    cells = []
    for r in ratings:
        cells += [str(r), "constat" if r else ""]
    return (f"{reg},Coop {reg},تعاونية {reg},2024-01-01,2024-03-01,{region},10,{women},2,{received},{complete},"
            + ",".join(cells))


@pytest.fixture
def call(capsys, db_path):
    code, out, err = run(capsys, "call", "add", "--tranche", 4, "--phase", 2, "--places", "11=2,06=1",
                         "--closes", "2026-06-30", "--title", "AMI T4-P2", "--db", db_path)
    assert code == 0, err
    return out.strip()


@pytest.fixture
def applied(capsys, db_path, call, tmp_path):
    f = tmp_path / "applications.csv"
    f.write_text("\n".join([HEADER, row("A"), row("B", ratings=(2, 2, 2, 2, 2, 2)),
                            row("C", ratings=(2, 2, 2, 2, 2, 2), women=6), row("D", ratings=(1, 1, 1, 1, 1, 1)),
                            row("X", complete="non"), row("F", region="06")]), encoding="utf-8")
    code, out, err = run(capsys, "apply", call, f, "--db", db_path)
    assert code == 0, err
    assert "6 candidature(s) nouvelle(s)" in out and "6 coopérative(s) créée(s)" in out
    return call


def test_call_add_prints_the_id_and_call_list_shows_it(capsys, db_path, call):
    code, out, _ = run(capsys, "call", "list", "--json", "--db", db_path)
    assert code == 0
    [listed] = json.loads(out)
    assert listed["id"] == call and listed["places"] == {"06": 1, "11": 2}
    assert listed["reference_date"] == "2026-06-30" and listed["tranche"] == 4


def test_ranking_json_has_the_issue_s_fields_in_ranking_order(capsys, db_path, applied):
    code, out, _ = run(capsys, "ranking", applied, "--region", "11", "--json", "--db", db_path)
    assert code == 0
    ranked = json.loads(out)
    assert [r["registration_number"] for r in ranked] == ["A", "C", "B", "D", "X"]
    first = ranked[0]
    assert list(first)[:10] == ["registration_number", "region", "complete", "eligible", "reasons", "score",
                                "rank", "proposed", "waiting_position", "decision"]
    assert [(r["rank"], r["proposed"], r["waiting_position"]) for r in ranked] == [
        (1, True, None), (2, True, None), (2, False, 1), (4, False, 2), (None, False, None)]
    assert ranked[-1]["complete"] is False and ranked[-1]["reasons"][0]["code"] == "incomplete"
    assert ranked[0]["decision"] is None and ranked[0]["score"] == 100.0


def test_decide_with_and_without_the_reason(capsys, db_path, applied):
    code, out, _ = run(capsys, "decide", applied, "A", "retained", "--db", db_path)
    assert code == 0 and "Retenue" in out
    before = outbox(db_path)
    code, out, err = run(capsys, "decide", applied, "B", "retained", "--db", db_path, "--lang", "ar")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "تعليل" in err
    code, _, err = run(capsys, "decide", applied, "D", "rejected", "--db", db_path)
    assert code == 2 and "motif" in err
    assert outbox(db_path) == before
    code, _, _ = run(capsys, "decide", applied, "D", "rejected", "--reason", "Hors secteur", "--db", db_path)
    assert code == 0
    code, out, _ = run(capsys, "ranking", applied, "--json", "--db", db_path)
    decided = {r["registration_number"]: r["decision"] for r in json.loads(out)}
    assert decided == {"A": "retained", "B": None, "C": None, "D": "rejected", "X": None, "F": None}


def test_withdraw_offers_the_place_to_the_first_waiting(capsys, db_path, applied):
    run(capsys, "decide", applied, "A", "retained", "--db", db_path)
    code, out, _ = run(capsys, "withdraw", applied, "A", "--reason", "Dissolution", "--db", db_path)
    assert code == 0 and "Place offerte à B" in out


@pytest.mark.parametrize("argv, fr, ar", [
    (["ranking", "NOPE"], "introuvable", "غير موجود"),
    (["ranking", "{call}", "--region", "01"], "ne couvre pas", "لا يشمل"),
    (["decide", "{call}", "ZZZ", "retained"], "introuvable", "غير موجود"),
    (["call", "add", "--tranche", "4", "--phase", "2", "--places", "99=3", "--closes", "2026-06-30"],
     "inconnue", "غير معروفة"),
    (["call", "add", "--tranche", "4", "--phase", "2", "--places", "11", "--closes", "2026-06-30"],
     "mal écrites", "بشكل خاطئ"),
    (["grid", "export", "NOPE", "-o", "g.xlsx"], "introuvable", "غير موجود"),
])
def test_bad_input_exits_2_with_one_line_and_changes_nothing(capsys, db_path, applied, argv, fr, ar):
    before = outbox(db_path)
    for lang, fragment in (("fr", fr), ("ar", ar)):
        code, out, err = run(capsys, *[a.replace("{call}", applied) for a in argv], "--db", db_path, "--lang", lang)
        assert code == 2 and out == ""
        assert len(err.strip().splitlines()) == 1 and fragment in err, err
        assert "Traceback" not in err
    assert outbox(db_path) == before


def test_apply_refuses_the_whole_file_for_one_bad_row(capsys, db_path, call, tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("\n".join([HEADER, row("OK1"), row("FAR", region="01"), row("BAD", ratings=(4, 0, 0, 0, 0, 0)),
                            row("OK2")]), encoding="utf-8")
    before = outbox(db_path)
    code, out, err = run(capsys, "apply", call, f, "--db", db_path)
    assert code == 2
    lines = err.strip().splitlines()
    assert lines[0].startswith("bad.csv:3:") and "ne couvre pas" in lines[0]
    assert lines[1].startswith("bad.csv:4:") and "au plus 3" in lines[1]
    assert "rien n'a été importé" in lines[-1] and len(lines) == 3
    assert outbox(db_path) == before


def test_apply_dry_run_writes_nothing_and_complete_follows_the_documents(capsys, db_path, call, tmp_path):
    f = tmp_path / "docs.csv"
    f.write_text("registration_number,name_fr,legal_date,activity_start,region,statuts,doc_constituent_minutes,"
                 "doc_registration,doc_members_list,c1,c1_evidence,c1_document\n"
                 "FULL,Full,2024-01-01,2024-03-01,11,oui,oui,oui,oui,2,photos,oui\n"
                 "NOEV,Noev,2024-01-01,2024-03-01,11,oui,oui,oui,oui,2,photos,non\n"
                 "NONE,None,2024-01-01,2024-03-01,11,,,,,0,,\n", encoding="utf-8")
    before = outbox(db_path)
    code, out, _ = run(capsys, "apply", call, f, "--dry-run", "--db", db_path)
    assert code == 0 and out.startswith("Simulation") and outbox(db_path) == before
    code, _, _ = run(capsys, "apply", call, f, "--db", db_path)
    assert code == 0
    code, out, _ = run(capsys, "ranking", call, "--json", "--db", db_path)
    complete = {r["registration_number"]: r["complete"] for r in json.loads(out)}
    assert complete == {"FULL": True, "NOEV": False, "NONE": False}


def test_apply_without_complete_nor_documents_leaves_the_file_unchecked(capsys, db_path, call, tmp_path):
    f = tmp_path / "plain.csv"
    f.write_text("registration_number,name_fr,legal_date,activity_start,region\nP1,P,2024-01-01,2024-03-01,11\n",
                 encoding="utf-8")
    assert run(capsys, "apply", call, f, "--db", db_path)[0] == 0
    code, out, _ = run(capsys, "ranking", call, "--json", "--db", db_path)
    [item] = json.loads(out)
    assert item["complete"] is None and item["reasons"][0]["code"] == "not_checked"


def test_apply_reads_an_xlsx_file(capsys, db_path, call, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["N° d'immatriculation", "Nom (arabe)", "Date de création légale", "Début d'activité", "Région",
                  "Reçue le", "Dossier complet"])
    sheet.append(["XL-1", "تعاونية", "2024-01-01", "2024-03-01", "11", "2026-05-03", "نعم"])
    book.save(tmp_path / "a.xlsx")
    code, _, err = run(capsys, "apply", call, tmp_path / "a.xlsx", "--db", db_path)
    assert code == 0, err
    code, out, _ = run(capsys, "ranking", call, "--json", "--db", db_path)
    [item] = json.loads(out)
    assert item["complete"] is True and item["received_on"] == "2026-05-03"


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_grid_export_then_import_round_trip(capsys, db_path, applied, tmp_path, lang):
    grid = tmp_path / "grid.xlsx"
    code, out, _ = run(capsys, "grid", "export", applied, "-o", grid, "--lang", lang, "--db", db_path)
    assert code == 0
    sheet = openpyxl.load_workbook(grid).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    first_criterion = SELECTION_CRITERIA[CRITERIA[0]][1 if lang == "ar" else 0]
    assert header[3] == first_criterion and len(rows) == 7
    assert bool(sheet.sheet_view.rightToLeft) == (lang == "ar")
    # The committee changes D's first rating, with an evidence that looks like a formula.
    d = next(i for i, r in enumerate(rows) if r[0] == "D")
    sheet.cell(row=d + 1, column=4, value=3)
    sheet.cell(row=d + 1, column=5).value = "=SUM(A1)"
    sheet.cell(row=d + 1, column=5).data_type = "s"
    sheet.title = "x"
    sheet.parent.save(grid)
    code, out, err = run(capsys, "grid", "import", applied, grid, "--db", db_path, "--lang", lang)
    assert code == 0, err
    code, out, _ = run(capsys, "ranking", applied, "--region", "11", "--json", "--db", db_path)
    scores = {r["registration_number"]: r["score"] for r in json.loads(out)}
    assert scores["D"] == pytest.approx(round(100 * 8 / 18, 1))
    code, _, _ = run(capsys, "grid", "export", applied, "-o", grid, "--db", db_path)
    again = list(openpyxl.load_workbook(grid).active.iter_rows(values_only=True))
    assert next(r for r in again if r[0] == "D")[4] == "=SUM(A1)"  # text, not a formula


def test_grid_import_refuses_every_bad_row_and_writes_nothing(capsys, db_path, applied, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["N° d'immatriculation", SELECTION_CRITERIA[CRITERIA[0]][0],
                  SELECTION_CRITERIA[CRITERIA[0]][0] + " — justificatif"])
    sheet.append(["A", 4, "x"])
    sheet.append(["B", 2, None])
    sheet.append(["NOPE", 1, "y"])
    sheet.append(["C", 1, "fine"])
    book.save(tmp_path / "g.xlsx")
    before = outbox(db_path)
    code, _, err = run(capsys, "grid", "import", applied, tmp_path / "g.xlsx", "--db", db_path)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 4
    assert lines[0].startswith("g.xlsx:2:") and lines[1].startswith("g.xlsx:3:") and lines[2].startswith("g.xlsx:4:")
    assert "justifiée" in lines[1] and "candidature" in lines[2]
    assert outbox(db_path) == before
