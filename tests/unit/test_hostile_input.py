"""Input that would crash or run away: oversized cells, zip bombs, endless rows
and columns, searches of thousands of words. Each is refused or bounded with
a clear message, and nothing is written."""
from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from factories import make_cooperative
from murafaqa_desktop import cli
from murafaqa_desktop.domain.errors import DomainError
from murafaqa_desktop.services import import_limits
from murafaqa_desktop.services.importer import ImportRefused, import_file
from murafaqa_desktop.store import cooperatives as store
from murafaqa_desktop.store import search
from murafaqa_desktop.store.cooperatives import CooperativeFilter
from murafaqa_desktop.store.db import open_db

HEADER = "registration_number,name_fr,legal_date,activity_start,region"
GOOD_ROW = "RC/1,Coopérative Test,2022-01-01,2022-03-01,07"
SHEET = "xl/worksheets/sheet1.xml"
# as Excel writes it: the dimension first, so that opening the workbook reads no further
SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<dimension ref="{dimension}"/><sheetData>')
SHEET_TAIL = b"</sheetData></worksheet>"


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def csv_file(tmp_path: Path, lines: list[str], name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _inline(ref: str, text: str) -> bytes:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()


def workbook_with_sheet(tmp_path: Path, rows, *, dimension: str = "A1:B2", name: str = "list.xlsx") -> Path:
    """A real workbook whose first sheet's XML is streamed from ``rows``
    (an iterable of bytes), so that huge sheets cost the test little memory."""
    template = tmp_path / "template.xlsx"
    Workbook().save(template)
    path = tmp_path / name
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != SHEET:
                dst.writestr(info, src.read(info))
                continue
            with dst.open(SHEET, "w", force_zip64=True) as sheet:
                sheet.write(SHEET_HEAD.format(dimension=dimension).encode())
                for chunk in rows:
                    sheet.write(chunk)
                sheet.write(SHEET_TAIL)
    return path


def numbered_rows(count: int):
    yield b'<row r="1">' + _inline("A1", "registration_number") + _inline("B1", "name_fr") + b"</row>"
    for n in range(2, count + 2):
        yield f'<row r="{n}">'.encode() + _inline(f"A{n}", f"RC/{n}") + b"</row>"


def set_declared_size(path: Path, member: str, size: int) -> None:
    """Rewrite the uncompressed size the zip's central directory declares."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")  # the first central directory entry
    while at != -1:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + name_len].decode() == member:
            struct.pack_into("<I", data, at + 24, size)
            break
        at = data.find(b"PK\x01\x02", at + 46)
    else:
        raise AssertionError(f"{member} not in {path}")
    path.write_bytes(bytes(data))


# -- item 5: a cell over the CSV module's field limit --------------------------------------------

def test_a_cell_over_the_csv_field_limit_is_one_line_and_exit_2(capsys, db_path, tmp_path):
    path = csv_file(tmp_path, [HEADER, GOOD_ROW, "RC/2," + "x" * 200_000 + ",2022-01-01,2022-03-01,07"])
    for lang, words in (("fr", "ligne 3"), ("ar", "السطر 3")):
        code, out, err = run(capsys, "import", path, "--db", db_path, "--lang", lang)
        assert code == 2 and out == ""
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert words in err and f"{import_limits.MAX_CELL_CHARS}" in err.replace(" ", "")
    assert store.count_all(open_db(db_path)) == 0


def test_a_cell_longer_than_the_cap_but_under_the_csv_limit_is_refused(db, tmp_path):
    long_name = "x" * (import_limits.MAX_CELL_CHARS + 1)
    path = csv_file(tmp_path, [HEADER, GOOD_ROW, f"RC/2,{long_name},2022-01-01,2022-03-01,07"])
    with pytest.raises(DomainError) as e:
        import_file(db, path)
    assert e.value.code == "cell_too_long" and "ligne 3" in e.value.fr
    assert store.count_all(db) == 0


# -- item 6: file size, uncompressed size, rows; the errors printed -------------------------------

def test_a_file_over_the_size_cap_is_refused_before_it_is_read(db, tmp_path, monkeypatch):
    path = tmp_path / "huge.csv"
    with path.open("wb") as f:  # sparse: costs no disk
        f.truncate(import_limits.MAX_FILE_BYTES + 1)

    def no_reading(*args, **kwargs):
        raise AssertionError("a file over the cap must not be read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(DomainError) as e:
        import_file(db, path)
    assert e.value.code == "file_too_large" and "20 Mo" in e.value.fr and "20" in e.value.ar


def test_a_zip_bomb_workbook_is_refused_on_its_declared_size(capsys, db_path, tmp_path):
    # ~101 MB of XML that compresses to a few hundred KB, like the hostile file of the issue
    filler = b" " * (1 << 20)
    path = workbook_with_sheet(
        tmp_path, (filler for _ in range(import_limits.MAX_XLSX_UNCOMPRESSED_BYTES // len(filler) + 1)))
    assert path.stat().st_size < 1_000_000
    code, out, err = run(capsys, "import", path, "--db", db_path)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "décompressé" in err and "100 Mo" in err


def never_opened(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("openpyxl must not open this workbook")

    monkeypatch.setattr("openpyxl.load_workbook", refuse)


def test_a_workbook_past_the_row_cap_is_refused_before_openpyxl_reads_it(db, tmp_path, monkeypatch):
    count = import_limits.MAX_ROWS + 5_000
    path = workbook_with_sheet(tmp_path, numbered_rows(count), dimension=f"A1:B{count + 1}")
    never_opened(monkeypatch)
    with pytest.raises(DomainError) as e:
        import_file(db, path)
    assert e.value.code == "too_many_rows" and "10 000 lignes" in e.value.fr
    assert store.count_all(db) == 0


def test_a_row_numbered_past_the_cap_stops_the_reading(db, tmp_path, monkeypatch):
    # two rows in the XML, but openpyxl fills the gap between them with empty rows
    far = import_limits.MAX_ROWS + 10_000
    rows = [b'<row r="1">' + _inline("A1", "registration_number") + b"</row>",
            f'<row r="{far}">'.encode() + _inline(f"A{far}", "RC/1") + b"</row>"]
    path = workbook_with_sheet(tmp_path, iter(rows), dimension=f"A1:A{far}")
    read = []
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    original = ReadOnlyWorksheet._cells_by_row

    def counting(self, *args, **kwargs):
        for row in original(self, *args, **kwargs):
            read.append(1)
            yield row

    monkeypatch.setattr(ReadOnlyWorksheet, "_cells_by_row", counting)
    with pytest.raises(DomainError) as e:
        import_file(db, path)
    assert e.value.code == "too_many_rows"
    assert len(read) <= import_limits.MAX_ROWS + 2  # the header, the cap, and the one row past it


def test_a_row_of_too_many_cells_is_refused_before_openpyxl_builds_it(capsys, db_path, tmp_path, monkeypatch):
    # openpyxl holds a whole row in memory: 5 million cells took 2.3 GB
    row = b'<row r="1">' + b"<c><v>1</v></c>" * (import_limits.MAX_CELLS_IN_A_ROW + 1) + b"</row>"
    path = workbook_with_sheet(tmp_path, iter([row]))
    never_opened(monkeypatch)
    code, out, err = run(capsys, "import", path, "--db", db_path)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "16 384 cellules" in err


def test_a_sheet_of_too_many_cells_is_refused_before_openpyxl_reads_it(db, tmp_path, monkeypatch):
    per_row = 14_000  # empty formatted cells, under the row's cap
    rows = (f'<row r="{n}">'.encode() + b"<c/>" * per_row + b"</row>"
            for n in range(1, import_limits.MAX_CELLS // per_row + 2))
    path = workbook_with_sheet(tmp_path, rows)
    never_opened(monkeypatch)
    with pytest.raises(DomainError) as e:
        import_file(db, path)
    assert e.value.code == "too_many_cells" and "500 000 cellules" in e.value.fr


def test_only_the_first_sheet_is_held_to_the_caps(db, tmp_path):
    wb = Workbook(write_only=True)
    first = wb.create_sheet("Liste")
    first.append(HEADER.split(","))
    first.append(GOOD_ROW.split(","))
    other = wb.create_sheet("Référentiel")  # a big second sheet the import never reads
    for n in range(import_limits.MAX_ROWS + 100):
        other.append([f"ligne {n}"])
    path = tmp_path / "two-sheets.xlsx"
    wb.save(path)
    assert import_file(db, path).created == 1


def test_a_csv_past_the_row_cap_is_refused(db, tmp_path):
    path = csv_file(tmp_path, [HEADER] + [f"RC/{n},Coop {n},2022-01-01,2022-03-01,07"
                                          for n in range(import_limits.MAX_ROWS + 1)])
    with pytest.raises(DomainError) as e:
        import_file(db, path)
    assert e.value.code == "too_many_rows"
    assert store.count_all(db) == 0


def test_a_workbook_whose_declared_size_lies_is_one_line(capsys, db_path, tmp_path):
    path = workbook_with_sheet(tmp_path, numbered_rows(3_000), dimension="A1:B3001")
    # zipfile reads no further than declared: the sheet ends in a bad checksum
    set_declared_size(path, SHEET, 100_000)
    code, out, err = run(capsys, "import", path, "--db", db_path)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "illisible" in err


def test_a_workbook_damaged_inside_its_sheet_is_one_line(capsys, db_path, tmp_path):
    path = workbook_with_sheet(tmp_path, numbered_rows(3_000), dimension="A1:B3001")
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(SHEET)
    data = bytearray(path.read_bytes())
    name_len, extra_len = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_len + extra_len
    for at in range(start, start + 64):  # the deflate stream itself is broken: zlib's own error
        data[at] ^= 0xFF
    path.write_bytes(bytes(data))
    code, out, err = run(capsys, "import", path, "--db", db_path, "--lang", "ar")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "مصنف غير مقروء" in err


def test_the_errors_printed_are_the_first_50_and_a_count(capsys, db_path, tmp_path):
    bad = [f"RC/{n},Coop {n},hier,2022-03-01,07" for n in range(120)]
    path = csv_file(tmp_path, [HEADER, *bad])
    code, _, err = run(capsys, "import", path, "--db", db_path)
    lines = err.strip().splitlines()
    assert code == 2
    assert len(lines) == import_limits.MAX_ERRORS_SHOWN + 2
    assert [line.split(":")[1] for line in lines[:2]] == ["2", "3"]
    assert lines[-2] == "… autres lignes invalides : 70"
    assert lines[-1].startswith("120 ligne")
    code, _, err = run(capsys, "import", path, "--db", db_path, "--lang", "ar")
    assert err.strip().splitlines()[-2] == "… عدد الأسطر غير الصالحة الأخرى: 70"
    assert store.count_all(open_db(db_path)) == 0


def test_the_refusal_keeps_every_error_for_callers(db, tmp_path):
    path = csv_file(tmp_path, [HEADER, *[f"RC/{n},Coop {n},hier,2022-03-01,07" for n in range(60)]])
    with pytest.raises(ImportRefused) as e:
        import_file(db, path)
    assert len(e.value.report.errors) == 60


# -- item 7: thousands of columns ----------------------------------------------------------------

def test_a_file_with_10000_columns_is_one_line(capsys, db_path, tmp_path):
    extra = [f"col{n}" for n in range(10_000 - 5)]
    path = csv_file(tmp_path, [HEADER + "," + ",".join(extra), GOOD_ROW + "," * len(extra)])
    code, out, err = run(capsys, "import", path, "--db", db_path)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "ligne 1 : 10 000 colonnes (200 au plus)" in err
    assert store.count_all(open_db(db_path)) == 0


def test_a_row_wider_than_the_cap_is_refused_even_under_a_short_header(db, tmp_path):
    path = csv_file(tmp_path, [HEADER, GOOD_ROW + ",x" * import_limits.MAX_COLUMNS])
    with pytest.raises(DomainError) as e:
        import_file(db, path)
    assert e.value.code == "too_many_columns" and "ligne 2" in e.value.fr


def test_trailing_empty_cells_do_not_count_as_columns(db, tmp_path):
    path = csv_file(tmp_path, [HEADER + "," * 500, GOOD_ROW + "," * 500])
    assert import_file(db, path).created == 1


def test_ignored_columns_are_named_in_one_line(capsys, db_path, tmp_path):
    extra = [f"Colonne {n}" for n in range(1, 41)]
    path = csv_file(tmp_path, [HEADER + "," + ",".join(extra), GOOD_ROW + "," * len(extra)])
    code, out, _ = run(capsys, "import", path, "--db", db_path)
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0] == "colonnes ignorées (40) : Colonne 1, Colonne 2, Colonne 3, Colonne 4, Colonne 5, …"
    assert len(lines) == 2 and "1 créée" in lines[1]
    path = csv_file(tmp_path, [HEADER + ",Remarque", GOOD_ROW + ",x"], name="one.csv")
    code, out, _ = run(capsys, "import", path, "--db", db_path, "--lang", "ar")
    assert out.strip().splitlines()[0] == "عمود متجاهل: Remarque"


# -- item 8: a search of thousands of words ------------------------------------------------------

def fts_queries(db) -> list[str]:
    seen: list[str] = []
    db.conn.set_trace_callback(lambda sql: seen.append(sql) if "MATCH" in sql else None)
    return seen


def test_a_33000_word_search_reaches_fts5_bounded_and_still_finds(db):
    make_cooperative(db, registration_number="T1", name_fr="Coopérative Tifaout")
    make_cooperative(db, registration_number="T2", name_fr="Coopérative Tighremt")
    query = " ".join(["tifaout"] + [f"mot{n}" for n in range(33_000)])
    seen = fts_queries(db)
    assert store.search_rows(db, query) == []  # every word must match: no name has mot0…mot14
    assert [r["registration_number"] for r in store.search_rows(db, "tifaout " * 33_000)] == ["T1"]
    assert store.count(db, CooperativeFilter(text=query)) == 0  # the list's filter: the same bound
    assert len(seen) == 3
    for sql in seen:
        assert sql.count('"*') <= search.MAX_QUERY_WORDS
        assert len(sql) < 2_000


def test_the_query_is_cut_to_its_first_words_and_characters():
    words = search.match_expression(" ".join(f"w{n}" for n in range(100)))
    assert words == " ".join(f'"w{n}"*' for n in range(search.MAX_QUERY_WORDS))
    one_long_word = search.match_expression("a" * 10_000)
    assert one_long_word == '"' + "a" * search.MAX_QUERY_CHARS + '"*'


def test_the_cli_search_of_33000_words_answers(capsys, db_path):
    db = open_db(db_path)
    make_cooperative(db, registration_number="T1", name_fr="Coopérative Tifaout")
    db.close()
    code, out, _ = run(capsys, "search", "tifaout " * 33_000, "--db", db_path)
    assert code == 0 and out.startswith("T1\t")


def test_the_readme_states_the_caps():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Importing a list of cooperatives"):readme.index("## The programme's rules")]
    L = import_limits
    for cell in (f"{L.MAX_FILE_BYTES // 2**20} MB", f"{L.MAX_XLSX_UNCOMPRESSED_BYTES // 2**20} MB",
                 f"{L.MAX_ROWS:,}", f"{L.MAX_COLUMNS}", f"{L.MAX_CELLS:,}", f"{L.MAX_CELLS_IN_A_ROW:,}",
                 f"{L.MAX_CELL_CHARS:,}"):
        assert f"| {cell} " in section
    assert f"The first {L.MAX_ERRORS_SHOWN} bad" in section
    assert f"first {search.MAX_QUERY_CHARS} characters and, of those, {search.MAX_QUERY_WORDS} distinct" in readme
