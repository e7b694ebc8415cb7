"""Each document, in Arabic and in French, for edge data: the text read back
from the PDF holds what the record holds, in reading order."""
from __future__ import annotations

import re

import pytest
from edge_data import LONG_AR, PRINTED
from pdftext import pdf_text, rows
from pypdf import PdfReader
from sqlite_utils import Database

from murafaqa_desktop.reports import documents

LANGS = ("ar", "fr")


def build(db: Database, kind: str, key: str, lang: str, **options) -> tuple[bytes, str]:
    pdf = documents.build(db, kind, key, lang, printed_on=PRINTED, **options)
    assert pdf.startswith(b"%PDF")
    return pdf, pdf_text(pdf, lang)


def pages(pdf: bytes) -> int:
    import io

    return len(PdfReader(io.BytesIO(pdf)).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_frame(pdf: bytes, text: str, lang: str) -> None:
    """Header, print date and "x / y" on every page."""
    n = pages(pdf)
    if lang == "fr":
        assert text.count("Programme Mourafaka") == n
        assert text.count("Imprimé le 29 novembre 2026") == n
        for page in range(1, n + 1):
            assert f"Page {page} / {n}" in text
    else:
        assert text.count("برنامج مرافقة") == n
        assert text.count("تاريخ الطبع: 29 نونبر 2026") == n
        for page in range(1, n + 1):
            assert f"الصفحة {page} / {n}" in text


@pytest.mark.parametrize("lang", LANGS)
def test_diagnostic_sheet_of_a_nearly_empty_cooperative_shows_blanks_on_purpose(db, edge, lang) -> None:
    pdf, text = build(db, "diagnostic", edge.empty_id, lang)
    assert_frame(pdf, text, lang)
    if lang == "fr":
        assert "Fiche de diagnostic stratégique" in text
        assert "Diagnostic non encore réalisé" in text
        assert "Plan de développement non encore établi" in text
        assert flat(text).count("non renseigné") >= 6
        assert "RC-EMPTY-1" in text
    else:
        assert "بطاقة التشخيص الاستراتيجي" in text
        assert "لم يتم إنجاز التشخيص بعد" in text
        assert flat(text).count("غير محدد") >= 6
        assert "RC-EMPTY-1" in text
    assert "—" in text  # empty cells drawn on purpose
    assert "None" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_diagnostic_sheet_with_long_texts_and_mixed_names(db, edge, lang) -> None:
    pdf, text = build(db, "diagnostic", edge.full_id, lang)
    assert_frame(pdf, text, lang)
    assert pages(pdf) >= 3  # the long texts flow over pages instead of being cut
    t = flat(text)
    assert "07/2022/00042" in t
    assert "10/03/2024" in t  # diagnosis date, day first, Western digits
    assert "coop.tamount@example.ma" in t
    # a long Arabic text, wrapped: every one of its sentences comes back whole and in order
    assert t.count("تعاني التعاونية من ضعف") >= 12
    if lang == "ar":
        assert "تعاونية أركان Tamount للنساء" in t
        assert "الحكامة والجوانب القانونية" in t
        assert "Dar Si Hmad (أكادير)" in t
        assert "المؤطر" in t and "رئيس(ة) التعاونية" in t and "المنسق الجهوي" in t
    else:
        assert "Coopérative Argane Tamount (femmes)" in t
        assert "Gouvernance et aspects juridiques" in t
        assert "L'accompagnateur" in t and "Le coordinateur régional" in t
        assert "La coopérative vend surtout au souk hebdomadaire" in t
        assert "Score de sélection : 50,0 / 100" in t


def test_arabic_table_columns_are_mirrored(db, edge) -> None:
    """The first column (the section) is on the right of the page in Arabic."""
    import io
    import unicodedata

    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    def x_of(pdf: bytes, needle: str, reverse: bool) -> float:
        for page in extract_pages(io.BytesIO(pdf)):
            for box in page:
                if isinstance(box, LTTextContainer):
                    raw = unicodedata.normalize("NFKC", box.get_text())
                    if (needle[::-1] if reverse else needle) in raw:
                        return box.x0
        raise AssertionError(needle)

    ar = documents.build(db, "diagnostic", edge.full_id, "ar", printed_on=PRINTED)
    fr = documents.build(db, "diagnostic", edge.full_id, "fr", printed_on=PRINTED)
    assert x_of(ar, "المحاسبة", True) > x_of(ar, "مرض", True)  # section right of the rating
    assert x_of(fr, "Comptabilité", False) < x_of(fr, "Satisfaisant", False)


@pytest.mark.parametrize("lang", LANGS)
def test_development_plan_totals(db, edge, lang) -> None:
    pdf, text = build(db, "plan", edge.full_id, lang)
    assert_frame(pdf, text, lang)
    t = flat(text)
    total = sum(12500 + i * 1000 for i in range(12))
    assert total == 216000
    if lang == "fr":
        assert "216 000,00 MAD" in t
        assert "Sous-total — Approvisionnement" in t
        assert "49 500,00 MAD" in t  # supply: actions 1, 5, 9 (12 500 + 16 500 + 20 500)
        assert "Nombre d'actions 12" in t
    else:
        assert "216 000,00 درهم" in t
        assert "المجموع الفرعي — التموين" in t
        assert "49 500,00 درهم" in t
    assert "30/06/2025" in t


@pytest.mark.parametrize("lang", LANGS)
def test_coaching_session_report_of_the_12th_session(db, edge, lang) -> None:
    pdf, text = build(db, "session", f"{edge.full_reg}:12", lang)
    assert_frame(pdf, text, lang)
    t = flat(text)
    if lang == "fr":
        assert "Séance n° 12 sur 12" in t
        assert "12 / 12" in t
        assert "Le représentant de la coopérative" in t
    else:
        assert "الحصة رقم 12 من 12" in t
        assert "ممثل(ة) التعاونية" in t
        assert "الرئيسة، أمينة المال (Khadija)، 3 متعاونات" in rows(pdf, lang)
    assert any(re.search(r"\| 50 % \|", row) for row in rows(pdf, lang))  # progress of the action reviewed
    assert t.count("تعاني التعاونية من ضعف") == 12  # long recommendations, wrapped, all there


def test_session_by_id_and_by_number_are_the_same_document(db, edge) -> None:
    by_id = documents.build(db, "session", edge.session_ids[2], "fr", printed_on=PRINTED)
    by_number = documents.build(db, "session", "07/2022/00042:3", "fr", printed_on=PRINTED)
    assert pdf_text(by_id, "fr") == pdf_text(by_number, "fr")
    assert "Séance n° 3 sur 12" in pdf_text(by_id, "fr")


@pytest.mark.parametrize("lang", LANGS)
def test_attendance_sheet_with_40_participants(db, edge, lang) -> None:
    pdf, text = build(db, "attendance", edge.training_id, lang)
    assert_frame(pdf, text, lang)
    assert pages(pdf) >= 2
    t = flat(text)
    table = "\n".join(rows(pdf, lang))
    for n in range(1, 41):  # every participant on a numbered line
        assert re.search(rf"(?m)^{n} \| ", table), n
    if lang == "fr":
        assert "Participant 39 بن علي" in t or "Participant 39" in t
        assert "Participants | 40 | Femmes | 30" in table
        assert "Jeunes (< 35 ans) | 20 | Coopératives | 2" in table
        assert re.search(r"39 \| Participant 39 بن علي \| Coopérative Argane[^|]* \| Adhérent\(e\) \| Femme "
                         r"\| 45-59 ans", table)
        assert "14 mai 2024" in t
    else:
        assert "39 | Participant 39 بن علي | تعاونية أركان Tamount للنساء | متعاون(ة) | امرأة | 45-59 سنة" in table
        assert "المشاركون | 40 | النساء | 30" in table
        assert "14 ماي 2024" in t
        assert "الإطار القانوني للتعاونيات (القانون 112.12)" in t


@pytest.mark.parametrize("lang", LANGS)
def test_blank_attendance_sheet_has_lines_to_sign(db, edge, lang) -> None:
    pdf, text = build(db, "attendance", edge.empty_training_id, lang, blank=True, lines=30)
    assert_frame(pdf, text, lang)
    lines = re.findall(r"(?m)^(\d{1,2})$", text)
    assert {str(n) for n in range(1, 31)} <= set(lines)
    assert ("Signature" if lang == "fr" else "التوقيع") in text


def test_progress_report_reproduces_the_programme_table(demo_db) -> None:
    pdf, text = build(demo_db, "progress", "all", "fr")
    assert_frame(pdf, text, "fr")
    table = "\n".join(rows(pdf, "fr"))
    for tranche, planned in ((1, 438), (2, 478), (3, 474), (4, 600)):
        assert f"Tranche {tranche} | {planned} | " in table
    assert "Total | 1 990 | 200 | " in table  # planned, then the demo's 200 cooperatives
    assert re.search(r"Tranche 4 \| 600 \|( [^|]+ \|){5} \d+ / 80", table)


def test_progress_report_reproduces_the_programme_table_in_arabic(demo_db) -> None:
    pdf, text = build(demo_db, "progress", "all", "ar")
    assert_frame(pdf, text, "ar")
    table = "\n".join(rows(pdf, "ar"))
    for tranche, planned in ((1, 438), (2, 478), (3, 474), (4, 600)):
        assert f"الشطر {tranche} | {planned} | " in table  # first column on the right
    assert re.search(r"الشطر 4 \| 600 \|( [^|]+ \|){5} \d+ / 80", table)


def test_progress_report_in_arabic_for_one_phase(demo_db) -> None:
    pdf, text = build(demo_db, "progress", "4/1", "ar")
    assert_frame(pdf, text, "ar")
    t = flat(text)
    assert "الشطر 4 — المرحلة 1" in t
    assert "مراكش آسفي" in t and "كلميم واد نون" in t
    assert "فاس مكناس" not in t  # a phase 2 region


def test_progress_figures_add_up(demo_db) -> None:
    from murafaqa_desktop.store import report_figures

    rows = report_figures.progress_rows(demo_db)
    assert sum(r["cooperatives"] for r in rows) == 200
    sessions = demo_db.execute("SELECT count(*) FROM coaching_sessions").fetchone()[0]
    assert sum(r["sessions_done"] for r in rows) == sessions
    assert all(r["diagnosed"] <= r["cooperatives"] and r["women"] <= r["members"] for r in rows)
    phase1 = report_figures.progress_rows(demo_db, 4, 1)
    assert {r["region"] for r in phase1} <= {"10", "07", "04", "08"}


@pytest.mark.parametrize("key", ["5", "4/3", "x", "0"])
def test_unknown_progress_scope_is_refused(demo_db, key) -> None:
    from murafaqa_desktop.domain.errors import DomainError

    with pytest.raises(DomainError):
        documents.build(demo_db, "progress", key, "fr")


def test_long_text_survives_in_full(db, edge) -> None:
    """Nothing is cut: every word of a long note comes back (Arabic, wrapped)."""
    _, text = build(db, "diagnostic", edge.full_id, "ar")
    words = LONG_AR.split()
    assert flat(text).count(" ".join(words[:12])) >= 12
