"""The export read back with openpyxl: one sheet per table, headers and codes
in the chosen language, dates as dates and numbers as numbers, right to left
in Arabic, formula-like text kept as text, a table split over sheets, the
filters, CSV with a byte-order mark, and nothing written on bad input."""
from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from factories import make_cooperative
from murafaqa_desktop.cli import main
from murafaqa_desktop.domain.entities import COOPERATIVE, PLAN_ACTION
from murafaqa_desktop.domain.errors import DomainError
from murafaqa_desktop.services import coaching, diagnosis, export, financing, plans, selection, trainings
from murafaqa_desktop.services.xlsx_stream import XlsxWriter, column_letter, sheet_title
from murafaqa_desktop.store import export_rows

TODAY = dt.date(2024, 6, 1)
FORMULA_NAME = '=HYPERLINK("http://x.example","clic")'
SHEETS_FR = ["Coopératives", "Diagnostics", "Volets des diagnostics", "Besoins identifiés", "Actions des plans",
             "Séances d'accompagnement", "Actions revues en séance", "Formations collectives",
             "Présences aux formations", "Financements", "Indicateurs"]


@pytest.fixture
def programme(db):
    """Two cooperatives of two regions, every kind of row for the first one."""
    amal = make_cooperative(db, name_fr=FORMULA_NAME, president="@SUM(A1)", commune="-1+2",
                            notes="+212 dit le président", legal_standing="regular", status="coaching")
    other = make_cooperative(db, registration_number="RC-2019-0002", name_ar="تعاونية النور", name_fr=None,
                             region="01", province="01.01", tranche=2, phase=None, legal_date="2019-01-10",
                             activity_start="2019-02-01", application_date="2020-01-01", members=30, women=3,
                             youth=10)
    for criterion, rating in (("social_impact", 3), ("local_resources", 3), ("promising_sector", 2)):
        selection.rate(db, amal["id"], criterion, rating, "constaté sur place")
    diagnosis.save(db, amal["id"], {"diagnosed_on": "2024-02-10", "diagnosed_by": "Karim", "completed": True})
    for section in ("governance_legal", "accounting_finance", "human_resources", "supply", "production_quality"):
        diagnosis.set_section(db, amal["id"], section, 2, f"constat {section}")
    diagnosis.add_need(db, amal["id"], {"kind": "training", "axis": "marketing", "description": "Vendre en ligne",
                                        "priority": "high"})
    action = plans.add_action(db, amal["id"], {"axis": "marketing", "objective": "Ouvrir un point de vente",
                                               "due_date": "2024-12-31", "estimated_cost": 12500.5})
    coaching.log_session(db, amal["id"], {"held_on": "2024-03-01", "duration_minutes": 90, "place": "Siège",
                                          "topics": '[{"axis": "marketing", "text": "Prix"}]'},
                         reviews=[{"action_id": action["id"], "progress": 40, "comment": "devis reçus"}])
    marrakech = trainings.create_session(db, {"module_code": "GOV-01", "held_on": "2024-04-02", "region": "07",
                                              "place": "Marrakech", "trainer": "Salma"})
    trainings.add_attendance(db, marrakech["id"], [{"participant": "Fatima", "gender": "F", "age_band": "25_34",
                                                    "role": "president", "cooperative_id": amal["id"]}])
    tanger = trainings.create_session(db, {"module_code": "COM-01", "held_on": "2024-04-03", "region": "01"})
    trainings.add_attendance(db, tanger["id"], [{"participant": "Omar", "gender": "M", "cooperative_id": other["id"]}])
    financing.apply(db, amal["id"], {"applied_on": "2024-05-01", "project": "Unité de conditionnement",
                                     "amount_requested": 80000, "amount_granted": 60000, "status": "granted"})
    return {"amal": amal, "other": other, "action": action}


def _export(db, path: Path, **options):
    options.setdefault("today", TODAY)
    return export.export(db, path, **options)


def _rows(ws) -> list[tuple]:
    return list(ws.iter_rows(values_only=True))


def _records(ws) -> list[dict]:
    rows = _rows(ws)
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_one_sheet_per_table_headers_labels_dates_and_numbers_in_french(db, programme, tmp_path):
    out = tmp_path / "programme.xlsx"
    result = _export(db, out)
    wb = load_workbook(out)
    assert wb.sheetnames == SHEETS_FR
    assert dict(result.sheets)["Coopératives"] == 2

    coops = {r["N° d'immatriculation"]: r for r in _records(wb["Coopératives"])}
    amal = coops["RC-2022-0001"]
    assert amal["Région"] == "Marrakech-Safi" and amal["Province / préfecture"] == "Al Haouz"
    assert amal["Secteur"] == "Argan"
    assert amal["Statut dans le programme"] == "En accompagnement"
    assert amal["Situation juridique"] == "En règle"
    assert amal["Date de création légale"] == dt.datetime(2022, 3, 1)  # a date, not a text
    assert amal["Adhérents"] == 20 and isinstance(amal["Adhérents"], int)
    assert amal["Tranche"] == 4 and amal["Phase"] == 1
    assert amal["Éligible au 2024-06-01"] == "Oui" and amal["Motifs de non-éligibilité"] is None
    assert amal["Score de sélection (/100)"] == pytest.approx(44.4)  # (3 + 3 + 2) / 18
    assert amal["Identifiant"] == programme["amal"]["id"]  # the id, last, for a re-import
    assert list(amal)[-1] == "Identifiant"
    assert list(amal)[:len(COOPERATIVE.fields)] == [f.fr for f in COOPERATIVE.fields]
    other = coops["RC-2019-0002"]
    assert other["Éligible au 2024-06-01"] == "Non"
    assert "4 ans" in other["Motifs de non-éligibilité"]
    assert other["Région"] == "Tanger-Tétouan-Al Hoceïma"

    cell = wb["Coopératives"]["D2"]
    assert cell.is_date and cell.number_format == "yyyy-mm-dd"

    action = _records(wb["Actions des plans"])[0]
    assert action["Coopérative"] == FORMULA_NAME and action["N° d'immatriculation"] == "RC-2022-0001"
    assert action["Axe"] == "Commercialisation" and action["Échéance"] == dt.datetime(2024, 12, 31)
    assert action["Coût estimé (MAD)"] == pytest.approx(12500.5)
    assert action["Identifiant de la coopérative"] == programme["amal"]["id"]
    assert list(action)[:2] == [COOPERATIVE.field("registration_number").fr, "Coopérative"]
    assert PLAN_ACTION.field("objective").fr in action

    review = _records(wb["Actions revues en séance"])[0]
    assert review["Action"] == "Ouvrir un point de vente" and review["N° de séance"] == 1
    assert review["Avancement (%)"] == 40 and review["Date de la séance"] == dt.datetime(2024, 3, 1)
    assert review["Identifiant de l'action"] == programme["action"]["id"]

    session = _records(wb["Séances d'accompagnement"])[0]
    assert session["Thèmes abordés"] == "Commercialisation : Prix"
    sections = _records(wb["Volets des diagnostics"])
    assert {s["Appréciation"] for s in sections} == {"Faible"} and len(sections) == 5
    need = _records(wb["Besoins identifiés"])[0]
    assert need["Axe"] == "Techniques de commercialisation et promotion des ventes"
    assert need["Priorité"] == "Haute"
    assert _records(wb["Diagnostics"])[0]["Diagnostic achevé"] == "Oui"
    training = {r["Région"]: r for r in _records(wb["Formations collectives"])}
    assert training["Marrakech-Safi"]["Axe"].startswith("Gouvernance")
    attendance = {r["Nom du participant"]: r for r in _records(wb["Présences aux formations"])}
    assert attendance["Fatima"]["Sexe"] == "Femme" and attendance["Fatima"]["Fonction"] == "Président(e)"
    assert attendance["Fatima"]["Date de la session"] == dt.datetime(2024, 4, 2)
    assert attendance["Omar"]["Coopérative"] == "تعاونية النور"  # no French name: the Arabic one
    money = _records(wb["Financements"])[0]
    assert money["Statut"] == "Accordée" and money["Montant accordé (MAD)"] == 60000


def test_every_sheet_has_a_frozen_header_under_an_autofilter(db, programme, tmp_path):
    out = tmp_path / "programme.xlsx"
    _export(db, out)
    for ws in load_workbook(out).worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref == f"A1:{column_letter(ws.max_column)}{ws.max_row}", ws.title
        assert not ws.sheet_view.rightToLeft
        assert all(cell.font.b for cell in ws[1])


def test_arabic_headers_labels_and_right_to_left(db, programme, tmp_path):
    out = tmp_path / "programme-ar.xlsx"
    _export(db, out, lang="ar")
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "التعاونيات" and wb.sheetnames[-1] == "المؤشرات"
    assert all(ws.sheet_view.rightToLeft for ws in wb.worksheets)
    amal = _records(wb["التعاونيات"])[0] if _records(wb["التعاونيات"])[0]["رقم التسجيل"] == "RC-2022-0001" \
        else _records(wb["التعاونيات"])[1]
    assert amal["الجهة"] == "مراكش آسفي"
    assert amal["الوضعية في البرنامج"] == "في طور المواكبة"
    assert amal["مؤهلة في 2024-06-01"] == "نعم"
    assert amal["تاريخ التأسيس القانوني"] == dt.datetime(2022, 3, 1)
    action = _records(wb["إجراءات مخططات التنمية"])[0]
    assert action["التعاونية"] == "تعاونية الأمل" and action["المحور"] == "التسويق"
    assert _records(wb["الحضور في التكوينات"])[0]["الجنس"] in ("امرأة", "رجل")


def test_formula_like_text_is_written_as_text_never_a_formula(db, programme, tmp_path):
    out = tmp_path / "programme.xlsx"
    _export(db, out)
    ws = load_workbook(out)["Coopératives"]
    records = {r["N° d'immatriculation"]: r for r in _records(ws)}
    amal = records["RC-2022-0001"]
    assert amal["Nom (français)"] == FORMULA_NAME
    assert amal["Président(e)"] == "@SUM(A1)" and amal["Commune"] == "-1+2"
    assert amal["Observations"] == "+212 dit le président"
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                assert cell.data_type == "s", cell.coordinate
    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                xml = z.read(name).decode("utf-8")
                assert "<f>" not in xml and "<f " not in xml, name
        assert '<t>=HYPERLINK("http://x.example","clic")</t>' in z.read("xl/worksheets/sheet1.xml").decode()


def test_a_table_longer_than_a_sheet_continues_on_the_next(db, programme, tmp_path):
    whole, split = tmp_path / "whole.xlsx", tmp_path / "split.xlsx"
    _export(db, whole)
    result = _export(db, split, max_rows=3)  # the header and two rows a sheet
    wb = load_workbook(split)
    sections = [n for n in wb.sheetnames if n.startswith("Volets des diagnostics")]
    assert sections == ["Volets des diagnostics", "Volets des diagnostics (2)", "Volets des diagnostics (3)"]
    assert [ws.max_row for ws in (wb[n] for n in sections)] == [3, 3, 2]  # 5 rows: 2 + 2 + 1
    header = _rows(wb[sections[0]])[0]
    assert all(_rows(wb[n])[0] == header for n in sections)
    assert [r for n in sections for r in _rows(wb[n])[1:]] == _rows(load_workbook(whole)["Volets des diagnostics"])[1:]
    assert dict(result.sheets)["Volets des diagnostics (3)"] == 1
    assert "Coopératives (2)" not in wb.sheetnames  # two cooperatives fit in one sheet of three rows


def test_filters_keep_a_region_and_its_rows(db, programme, tmp_path):
    out = tmp_path / "tanger.xlsx"
    _export(db, out, region="01")
    wb = load_workbook(out)
    assert [r["N° d'immatriculation"] for r in _records(wb["Coopératives"])] == ["RC-2019-0002"]
    for title in ("Diagnostics", "Volets des diagnostics", "Actions des plans", "Séances d'accompagnement",
                  "Actions revues en séance", "Financements"):
        assert wb[title].max_row == 1, title  # the rows of Marrakech's cooperative stay out
    assert [r["Région"] for r in _records(wb["Formations collectives"])] == ["Tanger-Tétouan-Al Hoceïma"]
    assert [r["Nom du participant"] for r in _records(wb["Présences aux formations"])] == ["Omar"]
    assert {r["Région"] for r in _records(wb["Indicateurs"])} == {"Tanger-Tétouan-Al Hoceïma"}

    out = tmp_path / "t4p1.xlsx"
    _export(db, out, tranche=4, phase=1, region="Marrakech-Safi")  # a region by its name
    wb = load_workbook(out)
    assert [r["N° d'immatriculation"] for r in _records(wb["Coopératives"])] == ["RC-2022-0001"]
    assert wb["Actions revues en séance"].max_row == 2
    assert [(r["Tranche"], r["Phase"]) for r in _records(wb["Indicateurs"])] == [(4, 1)]

    out = tmp_path / "t3.xlsx"
    _export(db, out, tranche=3)
    assert load_workbook(out)["Coopératives"].max_row == 1


def test_indicators_count_the_programme_and_add_up(db, programme, tmp_path):
    out = tmp_path / "programme.xlsx"
    _export(db, out)
    rows = _records(load_workbook(out)["Indicateurs"])
    by_region = {r["Région"]: r for r in rows}
    amal = by_region["Marrakech-Safi"]
    assert (amal["Tranche"], amal["Phase"], amal["Coopératives"], amal["Diagnostiquées"]) == (4, 1, 1, 1)
    assert amal["Accompagnées (au moins une séance)"] == 1 and amal["Séances d'accompagnement tenues"] == 1
    assert amal["Financées"] == 1 and amal["Accompagnement achevé"] == 0
    assert (amal["Adhérents"], amal["dont femmes"], amal["dont jeunes (< 35 ans)"]) == (20, 15, 8)
    other = by_region["Tanger-Tétouan-Al Hoceïma"]
    assert (other["Coopératives"], other["Diagnostiquées"], other["Financées"], other["Adhérents"]) == (1, 0, 0, 30)
    assert sum(r["Coopératives"] for r in rows) == 2


def test_csv_is_a_folder_of_utf8_files_with_a_byte_order_mark(db, programme, tmp_path):
    out = tmp_path / "csv"
    result = _export(db, out, fmt="csv", lang="ar", max_rows=3)
    files = sorted(p.name for p in out.iterdir())
    assert files[0] == "01 التعاونيات.csv" and len(files) == len(result.sheets)
    assert "03 محاور التشخيص (3).csv" in files  # the same split as the workbook's
    raw = (out / "01 التعاونيات.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("رقم التسجيل,الاسم بالعربية")
    assert "مراكش آسفي" in text and ",2022-03-01," in text
    # Excel would run a CSV cell beginning with = as a formula: an apostrophe makes it text
    assert "'" + FORMULA_NAME.replace('"', '""') in text and "'@SUM(A1)" in text and ",'-1+2," in text
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_failure_or_a_cancel_leaves_nothing_and_the_old_file_whole(db, programme, tmp_path, monkeypatch):
    out = tmp_path / "programme.xlsx"
    out.write_bytes(b"the previous export")
    monkeypatch.setattr(export, "BATCH", 1)
    with pytest.raises(export.Cancelled):
        _export(db, out, should_cancel=lambda: True)
    assert out.read_bytes() == b"the previous export"

    def broken(_at):  # a column that fails on the fifth sheet's first row
        def fail(_row):
            raise RuntimeError("boom")
        return fail

    original = export._columns
    monkeypatch.setattr(export, "_columns", lambda table, lab, today: [
        *original(table, lab, today), export.Column("x", "x", broken)] if table == "plan_actions"
        else original(table, lab, today))
    with pytest.raises(RuntimeError):
        _export(db, out)
    with pytest.raises(RuntimeError):
        _export(db, tmp_path / "csv", fmt="csv")
    assert out.read_bytes() == b"the previous export"
    left = [p.name for p in tmp_path.iterdir() if p.name.endswith(".part") or p.name == "csv"]
    assert left == []


def test_bad_input_is_refused_before_anything_is_written(db, programme, tmp_path):
    for options, code in (({"region": "Atlantide"}, "bad_region"), ({"tranche": 9}, "bad_tranche"),
                          ({"phase": 3}, "bad_phase"), ({"fmt": "ods"}, "bad_format")):
        with pytest.raises(DomainError) as e:
            _export(db, tmp_path / "x.xlsx", **options)
        assert e.value.code == code
    with pytest.raises(DomainError):
        _export(db, tmp_path / "missing" / "x.xlsx")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    with pytest.raises(DomainError):
        _export(db, tmp_path / "full", fmt="csv")
    assert os.listdir(tmp_path / "full") == ["keep.txt"]
    assert not (tmp_path / "x.xlsx").exists()
    (tmp_path / "empty").mkdir()
    _export(db, tmp_path / "empty", fmt="csv")  # an empty folder is filled
    assert len(os.listdir(tmp_path / "empty")) == len(SHEETS_FR)


def test_the_command_writes_the_workbook_and_says_where(db, programme, db_path, tmp_path, capsys):
    out = tmp_path / "programme.xlsx"
    assert main(["--db", str(db_path), "export", str(out), "--region", "07", "--lang", "ar"]) == 0
    said = capsys.readouterr().out
    assert str(out) in said and "11 ورقة" in said
    wb = load_workbook(out)
    assert wb["التعاونيات"].max_row == 2 and wb["التعاونيات"].sheet_view.rightToLeft

    assert main(["--db", str(db_path), "export", str(tmp_path / "csv"), "--format", "csv"]) == 0
    assert (tmp_path / "csv" / "01 Coopératives.csv").exists()


@pytest.mark.parametrize(("args", "fr", "ar"), [
    (["--region", "Atlantide"], "Région inconnue « Atlantide »", "جهة غير معروفة «Atlantide»"),
    (["--tranche", "9"], "Tranche inconnue « 9 »", "شطر غير معروف «9»"),
])
def test_the_command_refuses_bad_input_in_one_line_and_writes_nothing(db, programme, db_path, tmp_path, capsys,
                                                                       args, fr, ar):
    out = tmp_path / "x.xlsx"
    for lang, message in (("fr", fr), ("ar", ar)):
        assert main(["--db", str(db_path), "--lang", lang, "export", str(out), *args]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert not out.exists()
    assert main(["--db", str(db_path), "export", str(tmp_path / "no" / "x.xlsx")]) == 2
    assert "n'existe pas" in capsys.readouterr().err


def test_the_exported_cooperatives_sheet_imports_back(db, programme, tmp_path):
    from murafaqa_desktop.services.importer import import_file
    from murafaqa_desktop.store.db import open_db

    out = tmp_path / "programme.xlsx"
    _export(db, out)
    fresh = open_db(tmp_path / "fresh.db")
    report = import_file(fresh, out, lang="fr")
    assert report.created == 2
    row = fresh.execute("SELECT region, province, legal_date, status, name_fr FROM cooperatives "
                        "WHERE registration_number = 'RC-2022-0001'").fetchone()
    assert row == ("07", "07.03", "2022-03-01", "coaching", FORMULA_NAME)
    fresh.close()


def test_rows_are_read_in_batches_from_a_cursor(db, programme):
    names, rows = export_rows.rows(db, "diagnosis_sections", export_rows.ExportFilter(), batch=2)
    assert "coop_registration" in names and "section" in names
    first = next(rows)
    assert first[names.index("coop_registration")] == "RC-2022-0001"
    assert len([first, *rows]) == 5


def test_text_xml_cannot_hold_is_escaped_not_lost(tmp_path):
    out = tmp_path / "odd.xlsx"
    with XlsxWriter(out) as book:
        sheet = book.add_sheet("a/b:c*?[x]", [10, 10, 10])
        sheet.header(["text", "number", "date"])
        sheet.append(["bell\x07 & <tag> _x0041_", float("inf"), dt.date(1900, 3, 1)])
        sheet.append([" padded ", -0.5, None])
    ws = load_workbook(out).worksheets[0]
    assert ws.title == "a-b-c--[x]".replace("[", "-").replace("]", "-")
    assert ws["A2"].value == "bell_x0007_ & <tag> _x005F_x0041_"  # Excel reads its escapes back
    assert ws["B2"].value == "inf" and ws["C2"].value == dt.datetime(1900, 3, 1)
    assert ws["A3"].value == " padded " and ws["B3"].value == -0.5 and ws["C3"].value is None


def test_sheet_names_fit_excel():
    assert sheet_title("x" * 40) == "x" * 31
    assert sheet_title("x" * 40, " (2)") == "x" * 27 + " (2)"
    assert [column_letter(n) for n in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]
