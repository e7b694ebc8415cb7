"""Importing a coordinator's list: all or nothing, line numbers in the errors."""
import pytest
from openpyxl import Workbook

from murafaqa_desktop.domain.errors import DomainError
from murafaqa_desktop.services.importer import ImportRefused, import_file
from murafaqa_desktop.store import cooperatives as store
from murafaqa_desktop.store import outbox

HEADER = ("registration_number,name_ar,name_fr,legal_date,activity_start,region,province,commune,"
          "sector,members,women,youth,president,phone,tranche,phase")
GOOD = [
    "RC/1,تعاونية الأمل,Coopérative Al Amal,2022-03-01,2022-06-01,07,Al Haouz,Tamesloht,argan,20,15,8,"
    "فاطمة,0612345678,4,1",
    "RC/2,تعاونية النور,,15/01/2023,2023-02-01,Guelmim-Oued Noun,كلميم,Guelmim,Safran,12,12,3,Ahmed,,4,",
]


def write(tmp_path, name, lines, *, sep=",", bom=False, encoding="utf-8"):
    path = tmp_path / name
    text = "\n".join(line.replace(",", sep) for line in lines) + "\n"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding))
    return path


def test_a_good_csv_is_imported(db, tmp_path):
    report = import_file(db, write(tmp_path, "list.csv", [HEADER, *GOOD]))
    assert (report.created, report.updated) == (2, 0)
    second = store.find(db, "RC/2")
    assert (second["region"], second["province"], second["legal_date"]) == ("10", "10.01", "2023-01-15")
    assert second["sector"] == "Safran" and second["phase"] == 1  # free-text sector kept; phase from region
    assert outbox.pending_count(db) == 2


@pytest.mark.parametrize("sep, bom", [(";", True), (";", False), (",", True)])
def test_semicolons_and_byte_order_marks(db, tmp_path, sep, bom):
    report = import_file(db, write(tmp_path, "list.csv", [HEADER, *GOOD], sep=sep, bom=bom))
    assert report.created == 2


def test_french_and_arabic_headers(db, tmp_path):
    header = ("N° d'immatriculation;الاسم بالعربية;Nom (français);تاريخ التأسيس;Début d'activité;الجهة;"
              "Province;Commune;Secteur;Adhérents;Femmes;Jeunes;Président(e);Téléphone;Tranche;Phase")
    lines = [header, GOOD[0].replace(",", ";")]
    assert import_file(db, write(tmp_path, "fr.csv", lines)).created == 1
    assert store.find(db, "RC/1")["name_ar"] == "تعاونية الأمل"


def test_a_row_whose_number_exists_updates_it_and_blank_cells_erase_nothing(db, tmp_path):
    import_file(db, write(tmp_path, "a.csv", [HEADER, *GOOD]))
    changed = GOOD[0].replace(",20,15,8,", ",25,15,8,").replace(",0612345678,", ",,")
    report = import_file(db, write(tmp_path, "b.csv", [HEADER, changed, GOOD[1]]))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    row = store.find(db, "RC/1")
    assert row["members"] == 25 and row["phone"] == "0612345678"


def test_any_bad_row_imports_nothing_and_names_each_line(db, tmp_path):
    bad = [
        HEADER, GOOD[0],
        "RC/3,تعاونية,,2022-13-01,2022-06-01,07,,,,10,2,1,,,4,1",
        "RC/4,,,2022-01-01,2021-06-01,99,,,,10,12,1,,,4,1",
        GOOD[0],
    ]
    with pytest.raises(ImportRefused) as e:
        import_file(db, write(tmp_path, "bad.csv", bad))
    lines = e.value.report.errors
    assert [line.split(":")[1] for line in lines] == ["3", "4", "5"]
    assert "date invalide" in lines[0]
    for what in ("Région : inconnue « 99 »", "Nom : au moins un nom", "Début d'activité : antérieur",
                 "Femmes : 12 dépasse"):
        assert what in lines[1]
    assert "déjà à la ligne 2" in lines[2]
    assert store.count_all(db) == 0 and outbox.pending_count(db) == 0


def test_dry_run_reports_without_writing(db, tmp_path):
    report = import_file(db, write(tmp_path, "a.csv", [HEADER, *GOOD]), dry_run=True)
    assert report.created == 2 and report.dry_run
    assert store.count_all(db) == 0


def test_excel_workbooks(db, tmp_path):
    import datetime as dt

    wb = Workbook()
    ws = wb.active
    ws.append(HEADER.split(","))
    row = GOOD[0].split(",")
    row[3] = dt.datetime(2022, 3, 1)  # Excel gives real dates
    row[9] = 20
    ws.append(row)
    ws.append([None] * len(row))  # empty rows are skipped
    path = tmp_path / "list.xlsx"
    wb.save(path)
    assert import_file(db, path).created == 1
    assert store.find(db, "RC/1")["legal_date"] == "2022-03-01"


def test_files_that_cannot_be_read(db, tmp_path):
    with pytest.raises(DomainError, match="introuvable"):
        import_file(db, tmp_path / "missing.csv")
    with pytest.raises(DomainError, match="UTF-8"):
        import_file(db, write(tmp_path, "latin.csv", [HEADER, "X,,Coopérative é,2022-01-01"], encoding="cp1252"))
    with pytest.raises(DomainError, match="registration_number"):
        import_file(db, write(tmp_path, "nohead.csv", ["name_fr,region", "x,07"]))
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(DomainError, match="illisible"):
        import_file(db, tmp_path / "broken.xlsx")
