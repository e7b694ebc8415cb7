"""``murafaqa print``: exit codes, and never a partial file."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from pdftext import pdf_text
from pypdf import PdfReader

from murafaqa_desktop import cli
from murafaqa_desktop.domain.errors import DomainError
from murafaqa_desktop.reports import batch, documents


def run(db_path: Path, *args: str) -> int:
    return cli.main(["print", *args, "--db", str(db_path), "--printed-on", "2026-11-29"])


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".part")]


def test_print_one_sheet_in_arabic(db_path, edge, tmp_path, capsys) -> None:
    out = tmp_path / "sheet.pdf"
    assert run(db_path, "diagnostic", edge.full_reg, "-o", str(out), "--lang", "ar") == 0
    assert len(PdfReader(out).pages) >= 3
    assert "تمت الكتابة" in capsys.readouterr().out


def test_several_ids_make_one_pdf_with_a_bookmark_each(db_path, edge, tmp_path) -> None:
    out = tmp_path / "plans.pdf"
    assert run(db_path, "plan", edge.full_reg, "RC-EMPTY-1", edge.full_id, "-o", str(out)) == 0
    reader = PdfReader(out)
    assert [item.title for item in reader.outline] == [edge.full_reg, "RC-EMPTY-1", edge.full_reg]
    text = "".join(page.extract_text() for page in reader.pages)
    assert text.count("Plan de développement") >= 3


def test_split_writes_one_file_each(db_path, edge, tmp_path) -> None:
    folder = tmp_path / "sheets"
    assert run(db_path, "diagnostic", edge.full_reg, "RC-EMPTY-1", "-o", str(folder), "--split") == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["diagnostic-07-2022-00042-fr.pdf", "diagnostic-RC-EMPTY-1-fr.pdf"]


def test_session_by_cooperative_and_number_and_blank_attendance(db_path, edge, tmp_path) -> None:
    assert run(db_path, "session", f"{edge.full_reg}:12", edge.session_ids[0], "-o", str(tmp_path / "s.pdf")) == 0
    assert run(db_path, "attendance", edge.training_id, "--blank", "-o", str(tmp_path / "a.pdf")) == 0
    assert run(db_path, "progress", "all", "4", "4/1", "-o", str(tmp_path / "p.pdf"), "--lang", "ar") == 0


@pytest.mark.parametrize("kind, key", [
    ("diagnostic", "NO-SUCH-COOP"), ("plan", "NO-SUCH-COOP"), ("session", "NO-SUCH-SESSION"),
    ("session", "07/2022/00042:13"), ("session", "NO-SUCH-COOP:1"), ("attendance", "NO-SUCH-TRAINING"),
    ("progress", "7"), ("progress", "4/9"),
])
def test_unknown_id_exits_2_with_one_line_and_no_file(db_path, edge, tmp_path, capsys, kind, key) -> None:
    out = tmp_path / "out.pdf"
    known = edge.full_reg if kind in ("diagnostic", "plan") else "all" if kind == "progress" else \
        edge.session_ids[0] if kind == "session" else edge.training_id
    assert run(db_path, kind, known, key, "-o", str(out)) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and key in err
    assert not out.exists() and not leftovers(tmp_path)


def test_unknown_id_in_split_mode_writes_nothing(db_path, edge, tmp_path) -> None:
    folder = tmp_path / "split"
    assert run(db_path, "diagnostic", edge.full_reg, "NOPE", "-o", str(folder), "--split") == 2
    assert not folder.exists() or not any(folder.iterdir())


@pytest.mark.parametrize("where", ["missing-folder", "under-a-file", "a-folder"])
def test_unwritable_path_exits_2_with_no_file(db_path, edge, tmp_path, capsys, where) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    out = {"missing-folder": tmp_path / "nope" / "x.pdf", "under-a-file": blocker / "x.pdf",
           "a-folder": tmp_path}[where]
    assert run(db_path, "diagnostic", edge.full_reg, "-o", str(out)) == 2
    err = capsys.readouterr().err
    assert str(out) in err and len(err.strip().splitlines()) == 1
    assert not leftovers(tmp_path)
    assert blocker.read_text() == "x"


def test_failure_in_the_middle_of_a_batch_leaves_no_file(db, edge, tmp_path, monkeypatch) -> None:
    real = documents.render_record
    calls = {"n": 0}

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk on fire")
        return real(*args, **kwargs)

    monkeypatch.setattr(documents, "render_record", failing)
    out = tmp_path / "batch.pdf"
    with pytest.raises(RuntimeError):
        batch.build_batch(db, "plan", [edge.full_id, edge.empty_id, edge.full_id, edge.empty_id], out)
    assert not out.exists() and not leftovers(tmp_path)


def test_an_existing_file_is_kept_when_the_new_one_fails(db, edge, tmp_path) -> None:
    out = tmp_path / "keep.pdf"
    out.write_bytes(b"previous")
    with pytest.raises(DomainError):  # an unknown cooperative: refused whole
        batch.build_batch(db, "plan", [edge.full_id, "NOPE"], out)
    assert out.read_bytes() == b"previous"


def test_cancel_stops_the_batch_and_leaves_no_file(db, edge, tmp_path) -> None:
    seen: list[int] = []
    out = tmp_path / "cancelled.pdf"
    with pytest.raises(batch.Cancelled):
        batch.build_batch(db, "diagnostic", [edge.full_id, edge.empty_id] * 3, out,
                          on_progress=lambda p: seen.append(p.done), should_cancel=lambda: len(seen) >= 2)
    assert seen == [1, 2]
    assert not out.exists() and not leftovers(tmp_path)


def test_progress_is_reported_for_each_sheet_and_the_joined_file_is_whole(db, edge, tmp_path) -> None:
    seen = []
    out = tmp_path / "all.pdf"
    result = batch.build_batch(db, "diagnostic", [edge.full_id, edge.empty_id, edge.full_id], out, "ar",
                               on_progress=lambda p: seen.append((p.done, p.total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    one = len(PdfReader(io.BytesIO(documents.build(db, "diagnostic", edge.full_id, "ar"))).pages)
    empty = len(PdfReader(io.BytesIO(documents.build(db, "diagnostic", edge.empty_id, "ar"))).pages)
    assert len(PdfReader(out, strict=True).pages) == result.pages == 2 * one + empty
    assert "بطاقة التشخيص الاستراتيجي" in pdf_text(out.read_bytes(), "ar")  # pdfminer reads the joined file


def test_the_joined_file_renders_with_poppler(db, edge, tmp_path) -> None:
    import shutil
    import subprocess

    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) not installed")
    out = tmp_path / "joined.pdf"
    batch.build_batch(db, "session", edge.session_ids[:3], out, "fr")
    proc = subprocess.run(["pdftoppm", "-png", "-r", "20", "-f", "3", "-l", "3", str(out), str(tmp_path / "p")],
                          capture_output=True, text=True)
    assert proc.returncode == 0 and not proc.stderr.strip()
    assert list(tmp_path.glob("p*.png"))


def test_a_selection_prints_every_sheet_of_a_region_and_phase(demo_db, tmp_path) -> None:
    from murafaqa_desktop.store import cooperatives

    path = demo_db.conn.execute("PRAGMA database_list").fetchone()[2]
    expected = cooperatives.ids(demo_db, cooperatives.CooperativeFilter(region="07", tranche=4, phase=1))
    assert expected
    out = tmp_path / "marrakech.pdf"
    assert run(Path(path), "diagnostic", "--region", "7", "--tranche", "4", "--phase", "1", "-o", str(out)) == 0
    assert len(PdfReader(out).outline) == len(expected)


def test_no_id_and_no_selection_is_a_usage_error(db_path, edge, tmp_path) -> None:
    assert run(db_path, "diagnostic", "-o", str(tmp_path / "x.pdf")) == 2
    assert run(db_path, "session", "--region", "07", "-o", str(tmp_path / "x.pdf")) == 2
    assert not list(tmp_path.glob("*.pdf"))
