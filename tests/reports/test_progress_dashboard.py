"""The dashboard's section of the printed progress report, from a hand-built
Dashboard whose every figure is known, read back from the PDF in Arabic and
in French; the charts' drawings looked into."""
from __future__ import annotations

import dataclasses
import io
import sys
import types

import pytest
from dashboard_data import MONTHS, TODAY, sample
from pdftext import pdf_text, rows
from pypdf import PdfReader
from reportlab.graphics.charts.barcharts import BarChart
from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.graphics.widgetbase import Widget

from murafaqa_desktop import assets
from murafaqa_desktop.domain.dashboard import Count, RegionRow, Scope
from murafaqa_desktop.reports import charts, documents, fonts, shaping
from murafaqa_desktop.reports import words as W
from murafaqa_desktop.reports.doc_progress import freshness

FONTS = {fonts.ARABIC, fonts.ARABIC_BOLD, fonts.LATIN, fonts.LATIN_BOLD}


def render(lang: str, **changes) -> tuple[bytes, str, str]:
    """The report of tranche 4 phase 1 with the sample dashboard (no rows of
    the programme's table: this is about the dashboard's section)."""
    d = dataclasses.replace(sample(), **changes) if changes else sample()
    pdf = documents.render_record("progress", {"scope": (4, 1), "rows": [], "dashboard": d}, lang, TODAY)
    return pdf, pdf_text(pdf, lang), "\n".join(rows(pdf, lang))


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_pages_numbered(pdf: bytes, text: str, lang: str) -> None:
    n = len(PdfReader(io.BytesIO(pdf)).pages)
    word = "Page" if lang == "fr" else "الصفحة"
    for page in range(1, n + 1):
        assert f"{word} {page} / {n}" in text
    assert text.count("Programme Mourafaka" if lang == "fr" else "برنامج مرافقة") == n


def test_dashboard_section_in_french() -> None:
    pdf, text, table = render("fr")
    assert_pages_numbered(pdf, text, "fr")
    t = flat(text)
    assert "Tableau de bord du programme" in t
    assert ("Chiffres au 29/11/2026 — dernière synchronisation le 29/11/2026 à 08:15 — "
            "4 modification(s) de cet ordinateur non encore envoyée(s)") in t
    # the pipeline: each stage, its count and its share of the programme; financed against the target
    for line in ("Dans le programme | 120 | 100 %", "Diagnostiquées | 96 | 80 %",
                 "Plan de développement établi | 80 | 67 %",
                 "Accompagnées (au moins une séance) | 50 | 42 %", "Accompagnement achevé (12 séances) | 12 | 10 %",
                 "Retirées | 3 | 2 %", "Financées | 9 / 80 (objectif) | 8 %"):
        assert line in table, line
    # coaching: held against due, on time, overdue and the oldest
    assert "Séances réalisées / | 410 / 460" in table
    assert "Séances tenues | 86 % (352 / 410)" in table
    assert "Coopératives en | 7" in table
    assert "Plus ancienne | 14/09/2026" in table
    # collective training per axis, with the shares of women and young people
    assert "Communication et animation de groupe | 4 | 60 | 40 (67 %) | 22 (37 %)" in table
    assert "Total | 15 | 225 | 130 (58 %) | 82 (36 %)" in table
    assert "Part des femmes : 58 % — Part des jeunes : 36 %" in t
    # the programme's plan beside the database
    assert "Tranche 4 | — | 600 | 120 | — | 96 | 80 | 9" in table
    assert "Tranche 4 | 1 | — | 120 | 243 | 96 | — | 9" in table
    # regions, adding up to the total
    assert "Marrakech-Safi | 50 | 22 | 6 | 3" in table
    assert "Total | 120 | 50 | 12 | 7" in table
    # the team
    assert "Fatima Zahra El Idrissi | 40 | 9 | 2 | 28/11/2026 16:42 | 3 | 1.4.0" in table
    assert "خديجة بنعلي | 50 | 14 | 4 | 27/11/2026 09:05 | 0 | 1.3.2" in table
    assert "Youssef Amrani | 30 | 0 | 1 | — | — | —" in table


def test_dashboard_section_in_arabic() -> None:
    pdf, text, table = render("ar")
    assert_pages_numbered(pdf, text, "ar")
    t = flat(text)
    assert "لوحة قيادة البرنامج" in t
    assert "الأرقام بتاريخ 29/11/2026" in t
    assert "آخر مزامنة بتاريخ 29/11/2026 على الساعة" in t and "08:15" in t
    assert "تعديل(ات) على هذا الحاسوب لم تُرسل بعد" in t
    # first column on the right: a row reads stage | count | share
    for line in ("في البرنامج | 120 | 100%", "المشخصة | 96 | 80%", "المنسحبة | 3 | 2%",
                 "الممولة | 9 / 80 (الهدف) | 8%"):
        assert line in table, line
    assert "الحصص المنجزة / | 410 / 460" in table
    # "86% (352 / 410)" read right to left: the rate first, on the right
    assert "الحصص المنجزة في | (352 / 410) 86%" in table
    assert "أقدم موعد متجاوز | 14/09/2026" in table
    assert "التواصل وتنشيط المجموعات | 4 | 60 | (67%) 40 | (37%) 22" in table
    assert "المجموع | 15 | 225 | (58%) 130 | (36%) 82" in table
    assert "نسبة النساء: 58% — نسبة الشباب: 36%" in t
    assert "الشطر 4 | 1 | — | 120 | 243 | 96 | — | 9" in table
    assert "مراكش آسفي | 50 | 22 | 6 | 3" in table
    assert "المجموع | 120 | 50 | 12 | 7" in table
    assert "Fatima Zahra El Idrissi | 40 | 9 | 2 | 16:42 28/11/2026 | 3 | 1.4.0" in table


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_sessions_per_month_read_oldest_first_in_the_documents_direction(lang) -> None:
    """rows() gives each line in reading order: in Arabic from the right, so
    the oldest month first means the first column is on the right."""
    _, _, table = render(lang)
    names = " | ".join(W.month(m, lang).split()[0] for m, _ in MONTHS)
    years = " | ".join(m[:4] for m, _ in MONTHS)
    lines = table.splitlines()
    assert names in lines
    assert lines[lines.index(names) + 1] == years


def _strings(node) -> list[String]:
    out: list[String] = []
    for child in getattr(node, "contents", []):
        if isinstance(child, String):
            out.append(child)
        elif isinstance(child, Widget):  # a chart, an axis, a bar's label: drawn as shapes
            out += _strings(child.draw())
        elif isinstance(child, Group | Drawing):
            out += _strings(child)
    return out


def _label_x(drawing: Drawing, word: str, rtl: bool) -> float:
    """Where a one-word category name is drawn (it is one run of one font)."""
    shown = shaping.one_line(word, fonts.REGULAR, charts.LABEL_SIZE, "R" if rtl else "L").text
    xs = [s.x for s in _strings(drawing) if s.text == shown]
    assert len(xs) == 1, word
    return xs[0]


def test_column_chart_is_mirrored_in_arabic() -> None:
    fonts.register()
    months = ["يناير", "فبراير", "مارس"]
    ar = charts.columns(months, [charts.Series("الحصص", [1, 2, 3])], 300, 120, rtl=True)
    fr = charts.columns(["janvier", "février", "mars"], [charts.Series("Séances", [1, 2, 3])], 300, 120, rtl=False)
    assert _label_x(ar, "يناير", True) > _label_x(ar, "فبراير", True) > _label_x(ar, "مارس", True)
    assert _label_x(fr, "janvier", False) < _label_x(fr, "février", False) < _label_x(fr, "mars", False)
    # the columns themselves: the first category's value (1) is drawn rightmost
    chart = next(c for c in ar.contents if isinstance(c, BarChart))
    assert chart.data == [[3, 2, 1]]


def test_bar_chart_in_arabic_has_its_names_on_the_right_and_grows_left() -> None:
    fonts.register()
    names = [assets.reference().regions[c].name("ar") for c in ("07", "10")]
    drawing = charts.bars(names, [charts.Series("التعاونيات", [50, 0])], 400, rtl=True)
    chart = next(c for c in drawing.contents if isinstance(c, BarChart))
    axis = chart.x + chart.width
    label_runs = [s for s in _strings(drawing) if any("\ufb50" <= c <= "\ufeff" for c in s.text)]
    assert label_runs and all(s.x >= axis for s in label_runs)  # names right of the axis
    drawn = chart.draw()
    bars = [r for r in _walk(drawn) if isinstance(r, Rect) and r.height < 20 and r.width]
    assert bars and all(r.width < 0 and abs(r.x - axis) < 0.5 for r in bars)  # from the axis, leftwards
    figures = [w for w in _walk(drawn) if isinstance(w, Widget) and getattr(w, "_text", None) in ("50", "0")]
    assert len(figures) == 2
    ends = {"50": min(r.x + r.width for r in bars), "0": axis}
    for figure in figures:  # past the bar's end, and "0" of an empty bar off the names too
        assert figure.draw().getBounds()[2] <= ends[figure._text], figure._text


def _walk(node):
    for child in getattr(node, "contents", []):
        yield child
        yield from _walk(child)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_charts_draw_shaped_text_in_the_projects_fonts_with_western_digits(lang) -> None:
    """Reportlab never gets raw Arabic: every letter of a chart is a joined
    presentation form in visual order, drawn in one of the four fonts."""
    from murafaqa_desktop.reports.common import Doc
    from murafaqa_desktop.reports.doc_progress import coaching, pipeline, regions

    doc = Doc(lang, TODAY)
    d = sample()
    drawings = []
    for block in (pipeline(d, doc), coaching(d, doc), regions(d, doc)):
        block.wrap(700, 500)
        drawings.append(block.second._drawing)
    texts = [s for drawing in drawings for s in _strings(drawing)]
    assert len(texts) > 80  # names, legends, axes and the figures on the bars
    for s in texts:
        assert s.fontName in FONTS, s.fontName
        assert not any("\u0621" <= c <= "\u064a" for c in s.text), s.text  # unjoined Arabic letters
        assert not any("\u0660" <= c <= "\u0669" or "\u06f0" <= c <= "\u06f9" for c in s.text), s.text
    if lang == "ar":
        assert any("\ufe70" <= c <= "\ufeff" for s in texts for c in s.text)


def page_texts(pdf: bytes, lang: str) -> list[str]:
    from pypdf import PdfWriter

    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        one = PdfWriter()
        one.add_page(page)
        buffer = io.BytesIO()
        one.write(buffer)
        out.append(flat(pdf_text(buffer.getvalue(), lang)))
    return out


def test_twelve_regions_lay_out_and_add_up() -> None:
    ref = assets.reference()
    regions = [RegionRow(code, Count(10 + i), Count(5), Count(i % 3), Count(1)) for i, code in enumerate(ref.regions)]
    for lang in ("fr", "ar"):
        pdf, text, table = render(lang, regions=regions)
        # the heading goes with its table and chart, never alone at a page's foot
        heading = "Par région" if lang == "fr" else "حسب الجهة"
        first = ref.regions["01"].name(lang)
        pages = [p for p in page_texts(pdf, lang) if heading in p]
        assert pages and all(first in p for p in pages)
        for code in ref.regions:
            assert ref.regions[code].name(lang) in flat(text) or ref.regions[code].name(lang) in table
        total = sum(10 + i for i in range(12))
        word = "Total" if lang == "fr" else "المجموع"
        assert f"{word} | {total} | 60 | 12 | 12" in table


def test_freshness_says_when_never_synced_and_nothing_waits() -> None:
    d = sample(last_sync=None, pending=0)
    assert freshness(d, "fr") == "Chiffres au 29/11/2026 — cet ordinateur n'a jamais été synchronisé"
    assert freshness(d, "ar") == "الأرقام بتاريخ 29/11/2026 — لم تتم مزامنة هذا الحاسوب بعد"


def test_a_scope_without_coaches_or_sessions_says_so() -> None:
    d = sample(team=False)
    nothing = dataclasses.replace(d.coaching, held=0, on_time=0, on_time_rate=None, oldest_overdue=None)
    pdf, text, table = render("fr", team=[], coaching=nothing)
    assert "Aucun accompagnateur dans ce périmètre" in flat(text)
    assert "Séances tenues | —" in table
    assert "Plus ancienne | —" in table


def test_without_a_dashboard_the_report_is_the_programmes_table_alone() -> None:
    pdf = documents.render_record("progress", {"scope": (4, 1), "rows": []}, "fr", TODAY)
    assert "Tableau de bord" not in pdf_text(pdf, "fr")


@pytest.fixture
def asked(monkeypatch) -> list[tuple[Scope, object]]:
    """services.dashboard.figures replaced by one that notes what it was
    asked and answers the sample dashboard."""
    import murafaqa_desktop.services as services

    calls: list[tuple[Scope, object]] = []

    def figures(_db, scope, today=None):
        calls.append((scope, today))
        return sample()

    fake = types.ModuleType("murafaqa_desktop.services.dashboard")
    fake.figures = figures  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "murafaqa_desktop.services.dashboard", fake)
    monkeypatch.setattr(services, "dashboard", fake, raising=False)
    return calls


def test_the_loader_asks_for_the_reports_scope_as_of_the_print_date(db, asked) -> None:
    """``load_progress`` takes the figures from services.dashboard.figures for
    the tranche and phase printed, counted as of the print date."""
    pdf = documents.build(db, "progress", "4/1", "fr", printed_on=TODAY)
    assert asked == [(Scope(tranche=4, phase=1), TODAY)]
    assert "Tableau de bord du programme" in pdf_text(pdf, "fr")
    asked.clear()
    documents.load(db, "progress", "all")
    assert asked == [(Scope(), None)]


def test_print_progress_counts_as_of_the_printed_on_date(db_path, db, asked, tmp_path) -> None:
    """``murafaqa print progress --printed-on`` reprints the same figures."""
    from murafaqa_desktop import cli

    out = tmp_path / "progress.pdf"
    assert cli.main(["print", "progress", "4", "-o", str(out), "--db", str(db_path), "--printed-on",
                     "2026-11-29"]) == 0
    assert asked == [(Scope(tranche=4), TODAY)]
    assert "Tableau de bord du programme" in pdf_text(out, "fr")


def test_words_of_the_dashboard() -> None:
    assert W.percent(130 / 225, "fr") == "58\u00a0%" and W.percent(130 / 225, "ar") == "58%"
    assert W.percent(None, "fr") == "—"
    assert W.month("2026-11", "fr") == "novembre 2026" and W.month("2026-05", "ar") == "ماي 2026"
    assert W.time_of("2026-11-28T16:42:07") == ("28/11/2026", "16:42")
    assert W.time_of(None) is None and W.time_of("hier") is None
    assert W.numbers_rtl("130 (58%)", "ar") == "\u200f130 (58%)" and W.numbers_rtl("130", "fr") == "130"
