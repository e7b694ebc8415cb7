"""Any file a coordinator may be handed, imported with ``murafaqa import``:
bytes of any kind named .csv or .xlsx, CSV text with quotes, delimiters and
control characters in every cell, workbooks with cells of every type
(dates, times, huge numbers, formulas), workbooks damaged byte by byte, and
well-formed zips holding sheets that lie (cells past the last column,
shared strings that do not exist, types their value is not).

Whatever the file: the command exits 0 or 2, says so in lines with no
traceback, and a refused import leaves the database byte for byte as it
was; an accepted one is whole (each row it counts is there, ``murafaqa
check`` passes). The command's own entry function runs in process, for
speed; a few files go through a real ``murafaqa`` process as well.

``MURAFAQA_FUZZ_EXAMPLES`` and ``MURAFAQA_FUZZ_SEED``: tests/fuzzing.py.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils.exceptions import IllegalCharacterError

from factories import make_cooperative
from fuzzing import EXAMPLES, fuzz
from murafaqa_desktop import cli
from murafaqa_desktop.services.importer import cooperative_headers
from murafaqa_desktop.store.db import open_db

FUZZ = fuzz(EXAMPLES * 2)
COLUMNS = sorted(set(cooperative_headers().values()))
SHEET = "xl/worksheets/sheet1.xml"
_counter = itertools.count()
OUTCOMES: Counter[str] = Counter()  # what the files became, printed at the end (-s)


@pytest.fixture(scope="module", autouse=True)
def _tally():
    yield
    print(f"\nimports: {sum(OUTCOMES.values())}; {dict(OUTCOMES)}")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A database holding two cooperatives, checkpointed: each example
    imports into a copy of it."""
    path = tmp_path_factory.mktemp("import-fuzz") / "template.db"
    db = open_db(path)
    make_cooperative(db)
    make_cooperative(db, registration_number="RC-2022-0002", name_fr="Coopérative Atlas")
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def _files(db: Path) -> tuple[bytes, bytes]:
    """The database file's bytes and its write-ahead log's (empty when it
    holds nothing: opening the database may create it, and its index)."""
    wal = db.with_name(db.name + "-wal")
    return db.read_bytes(), wal.read_bytes() if wal.exists() else b""


def _rows(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM cooperatives").fetchone()[0]


def _import(template: Path, tmp_path: Path, content: bytes, suffix: str, lang: str = "fr") -> tuple[int, str, str]:
    """Import ``content`` (a file named with ``suffix``) into a fresh copy of
    the template; check what every import must hold, and give back the
    exit code and the output."""
    n = next(_counter)
    folder = tmp_path / f"case{n}"
    folder.mkdir()
    db = folder / "murafaqa.db"
    shutil.copy(template, db)
    source = folder / f"list{suffix}"
    source.write_bytes(content)
    before, rows_before = _files(db), _rows(db)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(["import", str(source), "--db", str(db), "--lang", lang])
    stdout, stderr = out.getvalue(), err.getvalue()
    OUTCOMES["imported" if code == 0 else "refused" if code == 2 else f"exit {code}"] += 1
    assert "Traceback" not in stderr + stdout
    assert code in (0, 2), (code, stderr)
    if code == 2:
        lines = stderr.strip().splitlines()
        assert lines and all(line.strip() for line in lines), stderr
        assert _files(db) == before, "a refused import changed the database"
    else:
        created = re.search(r"(\d+) créée|(\d+) جديدة", stdout)
        assert created, stdout
        assert _rows(db) == rows_before + int(created.group(1) or created.group(2))
        check = io.StringIO()
        with redirect_stdout(check), redirect_stderr(check):
            assert cli.main(["check", "--db", str(db)]) == 0, check.getvalue()
    shutil.rmtree(folder)
    return code, stdout, stderr


# -- what goes in the cells --------------------------------------------------------------------------------

# Characters that break parsers: delimiters, quotes, line ends, NUL and other
# controls, the BOM, bidi marks, a lone surrogate's neighbours, Arabic.
NASTY = st.sampled_from([",", ";", '"', "'", "\n", "\r", "\r\n", "\t", "\x00", "\x01", "\x0b", "\x1b", "\x7f",
                         "\ufeff", "\u200f", "\u202e", "\ufffd", "=", "+", "-", "@", "ت", "é", " ", "\u2028"])
TEXT = st.lists(st.one_of(NASTY, st.text(max_size=12)), max_size=8).map("".join)
DATE_TEXT = st.one_of(st.dates().map(str), st.sampled_from(["2022-02-30", "31/12/2022", "2022-13-01", "0000-00-00",
                                                            "9999-12-31", "2022-01-01T10:00", "-1"]))
NUMBER_TEXT = st.one_of(st.integers().map(str), st.floats().map(str), st.sampled_from(["1e309", "NaN", "-0", "٣"]))
CELL_TEXT = st.one_of(TEXT, DATE_TEXT, NUMBER_TEXT)
HEADER = st.lists(st.one_of(st.sampled_from(COLUMNS), TEXT), min_size=1, max_size=8)


# A list the importer should take, its free text full of nasty characters
# (and, now and then, one value it must refuse): the accepting side of the
# property is exercised as well as the refusing one.
REQUIRED = ["registration_number", "legal_date", "activity_start", "region", "name_fr"]
FREE_TEXT = ["name_ar", "president", "commune", "notes"]


@st.composite
def plausible_rows(draw) -> list[list[str]]:
    extra = draw(st.lists(st.sampled_from(FREE_TEXT), unique=True, max_size=len(FREE_TEXT)))
    header = REQUIRED + extra
    rows = []
    for n in range(draw(st.integers(1, 5))):
        year = draw(st.integers(2015, 2023))
        cells = [f"RC/{draw(st.integers(0, 99))}-{n}", f"{year}-01-01", f"{year}-06-01",
                 draw(st.sampled_from(["01", "07", "12"])), "Coop " + draw(TEXT)]
        rows.append(cells + [draw(TEXT) for _ in extra])
    if draw(st.integers(0, 3)) == 3:  # one value it must refuse, in a list out of four or so
        row = draw(st.sampled_from(rows))
        row[draw(st.integers(0, len(row) - 1))] = draw(CELL_TEXT)
    return [header, *rows]


@st.composite
def csv_bytes(draw) -> bytes:
    if draw(st.booleans()):  # written as Excel writes it: quoted where needed, UTF-8
        out = io.StringIO()
        csv.writer(out, delimiter=draw(st.sampled_from([",", ";"]))).writerows(draw(plausible_rows()))
        return out.getvalue().encode(draw(st.sampled_from(["utf-8", "utf-8-sig"])))
    header = draw(HEADER)
    rows = draw(st.lists(st.lists(CELL_TEXT, max_size=len(header) + 2), max_size=6))
    sep = draw(st.sampled_from([",", ";", "\t"]))

    def line(cells: list[str]) -> str:
        if draw(st.booleans()):
            cells = ['"' + c.replace('"', '""') + '"' for c in cells]
        return sep.join(cells)

    text = "\n".join(line(r) for r in [header, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1256"]))
    return text.encode(encoding, errors="replace")


CELL_VALUE = st.one_of(
    st.none(), CELL_TEXT, st.integers(min_value=-(2**70), max_value=2**70), st.floats(allow_nan=False),
    st.booleans(), st.datetimes(min_value=dt.datetime(1900, 3, 1)), st.dates(min_value=dt.date(1900, 3, 1)),
    st.times(), st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=99999)),
    st.sampled_from(["=1/0", "=A1", "=SUM(A:A)", '=HYPERLINK("x")', "#N/A", "#REF!"]))


@st.composite
def workbook_bytes(draw) -> bytes:
    book = Workbook()
    book.properties.created = book.properties.modified = dt.datetime(2024, 1, 1)  # the same bytes each run
    sheet = book.active
    if draw(st.booleans()):  # what openpyxl cannot write left out (the lying sheets hold it)
        header, *rows = [[ILLEGAL_CHARACTERS_RE.sub("", c) for c in r] for r in draw(plausible_rows())]
    else:
        header = draw(HEADER)
        rows = draw(st.lists(st.lists(CELL_VALUE, max_size=len(header) + 2), max_size=6))
    second = draw(HEADER) if draw(st.booleans()) else None
    try:
        for row in [header, *rows]:
            sheet.append(row)
        if second is not None:
            book.create_sheet("second").append(second)
    except (IllegalCharacterError, ValueError, TypeError):
        # openpyxl will not write these (control characters): the damaged and
        # hand-made sheets below carry them instead
        sheet.delete_rows(1, sheet.max_row)
    out = io.BytesIO()
    book.save(out)
    return _stable(out.getvalue())


def _stable(workbook: bytes) -> bytes:
    """The workbook with the time of its saving taken out (openpyxl stamps
    it): the same example gives the same bytes on every run, as Hypothesis
    needs to replay and shrink it."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT[0-9:.]+Z?", b"2024-01-01T00:00:00Z", data)
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0)), data,
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


@st.composite
def damaged(draw, good: st.SearchStrategy[bytes]) -> bytes:
    """A valid file with bytes flipped, cut off or inserted."""
    data = bytearray(draw(good))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, max(0, len(data) - 1)))
        kind = draw(st.sampled_from(["flip", "cut", "insert"]))
        if kind == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "cut":
            del data[at:at + draw(st.integers(1, 200))]
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=20))
    return bytes(data)


CELL_XML = st.builds(
    lambda ref, kind, value, junk: f'<c r="{ref}"{kind}>{value}{junk}</c>',
    st.one_of(st.sampled_from(["A1", "B2", "XFD1", "XFE1", "A0", "A1048577", "AAAAAA1", "1A", "", "A-1", "ZZ99"]),
              st.from_regex(r"[A-Z]{1,3}[0-9]{1,7}", fullmatch=True)),
    st.sampled_from(["", ' t="s"', ' t="n"', ' t="b"', ' t="d"', ' t="e"', ' t="str"', ' t="inlineStr"', ' t="zz"',
                     ' s="99"', ' t="s" s="-1"']),
    st.sampled_from(["<v>0</v>", "<v>99999</v>", "<v>-1</v>", "<v>abc</v>", "<v>2</v>", "<v>1e400</v>",
                     "<v>2022-01-01T00:00:00</v>", "<v></v>", "<is><t>RC/9</t></is>", "<is><t>x</t></is>",
                     "<f>1/0</f><v>#DIV/0!</v>", "<v>" + "9" * 400 + "</v>", ""]),
    st.sampled_from(["", "<x/>", "&amp;", "&#0;", "&#x1F;", "&undefined;", "<v>1</v><v>2</v>"]))


@st.composite
def lying_sheet(draw) -> bytes:
    """A workbook from openpyxl whose first sheet (and shared strings) are
    replaced by hand-made XML: well-formed or not, cells that lie."""
    rows = draw(st.lists(st.lists(CELL_XML, max_size=5), max_size=5))
    row_refs = draw(st.lists(st.sampled_from(["1", "2", "0", "-5", "1048577", "x", ""]), min_size=len(rows),
                             max_size=len(rows)))
    dimension = draw(st.sampled_from(["A1:B2", "A1", "A1:XFD1048576", "", "Z9:A1", "garbage"]))
    body = "".join(f'<row r="{r}">{"".join(cells)}</row>' for r, cells in zip(row_refs, rows))
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns='
             '"http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f'<dimension ref="{dimension}"/><sheetData>{body}</sheetData></worksheet>')
    if draw(st.booleans()):
        sheet = sheet[:draw(st.integers(0, len(sheet)))]  # cut short: not well-formed
    strings = draw(st.sampled_from([None, "", "<sst><si><t>registration_number</t></si></sst>",
                                    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                                    'count="5"><si><t>registration_number</t></si><si><r><t>RC/1</t></r></si></sst>',
                                    "<sst><si>"]))
    book = io.BytesIO()
    Workbook().save(book)
    out = io.BytesIO()
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename != SHEET:
                dst.writestr(info, src.read(info))
        dst.writestr(SHEET, sheet)
        if strings is not None:
            dst.writestr("xl/sharedStrings.xml", strings)
    return out.getvalue()


# -- the properties ----------------------------------------------------------------------------------------

@FUZZ
@given(content=st.binary(max_size=3000), suffix=st.sampled_from([".csv", ".xlsx", ".txt", ".xlsm"]))
def test_any_bytes_are_refused_in_lines_or_imported_whole(template, tmp_path, content, suffix):
    _import(template, tmp_path, content, suffix)


@FUZZ
@given(content=csv_bytes(), lang=st.sampled_from(["fr", "ar"]))
def test_any_csv_text_is_refused_in_lines_or_imported_whole(template, tmp_path, content, lang):
    _import(template, tmp_path, content, ".csv", lang)


@FUZZ
@given(content=workbook_bytes(), lang=st.sampled_from(["fr", "ar"]))
def test_any_cells_of_a_workbook_are_refused_in_lines_or_imported_whole(template, tmp_path, content, lang):
    _import(template, tmp_path, content, ".xlsx", lang)


@FUZZ
@given(content=damaged(st.one_of(workbook_bytes(), csv_bytes())), suffix=st.sampled_from([".xlsx", ".csv"]))
def test_a_damaged_file_is_refused_in_lines_or_imported_whole(template, tmp_path, content, suffix):
    _import(template, tmp_path, content, suffix)


@FUZZ
@given(content=lying_sheet())
def test_a_workbook_whose_sheet_lies_is_refused_in_lines_or_imported_whole(template, tmp_path, content):
    _import(template, tmp_path, content, ".xlsx")


def test_a_row_past_the_ones_already_there_imports_and_a_bad_one_refuses_all(template, tmp_path):
    """The properties above are not vacuous: a good file imports, and one bad
    row among good ones refuses them all."""
    good = "registration_number,name_fr,legal_date,activity_start,region\nRC/77,Tafoukt,2022-01-01,2022-03-01,07\n"
    assert _import(template, tmp_path, good.encode(), ".csv")[0] == 0
    code, _, err = _import(template, tmp_path, (good + "RC/78,Atlas,2022-02-30,2022-03-01,07\n").encode(), ".csv")
    assert code == 2 and ":3:" in err


# -- a few through a real process ------------------------------------------------------------------------

@pytest.mark.parametrize("suffix, content, lang", [
    (".csv", b'registration_number,name_fr\n"RC/1,"unclosed\n\x00\x1b[2J\xff\xfe\n', "fr"),
    (".xlsx", b"PK\x03\x04" + b"\x00" * 100, "ar"),
])
def test_a_real_murafaqa_process_refuses_in_lines(template, tmp_path, suffix, content, lang):
    db = tmp_path / "murafaqa.db"
    shutil.copy(template, db)
    before = _files(db)
    source = tmp_path / f"list{suffix}"
    source.write_bytes(content)
    done = subprocess.run([sys.executable, "-m", "murafaqa_desktop", "import", str(source), "--db", str(db),
                           "--lang", lang], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 2, done
    assert done.stdout == "" and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) >= 1
    assert _files(db) == before


def test_a_real_murafaqa_process_imports_a_nasty_but_valid_list_whole(template, tmp_path):
    db = tmp_path / "murafaqa.db"
    shutil.copy(template, db)
    source = tmp_path / "list.csv"
    source.write_text('registration_number;name_fr;legal_date;activity_start;region;notes\n'
                      'RC/90;"Tafoukt; ""la"" \u202eسعادة\u2028";2022-01-01;2022-03-01;07;"a\nb\tc\x1b"\n'
                      'RC/91;NEAR(x) OR "y*;2021-01-01;2021-03-01;12;\n', encoding="utf-8-sig")
    done = subprocess.run([sys.executable, "-m", "murafaqa_desktop", "import", str(source), "--db", str(db)],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0 and "2 créée(s)" in done.stdout, done
    assert _rows(db) == 4
