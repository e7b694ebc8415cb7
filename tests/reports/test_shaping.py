"""Text shaping for the page: bracket pairs, numbers, wrapping at the width."""
from __future__ import annotations

import unicodedata

import pytest
from pdftext import undo_visual

from murafaqa_desktop.reports import fonts, shaping
from murafaqa_desktop.reports.bidi_line import keep_ltr, visual


@pytest.mark.parametrize("logical, shown", [
    ("الهاتف (0612345678)", "(0612345678) فتاهلا"),
    ("تعاونية Al Amal (Tamesloht) للنحل", "لحنلل Al Amal (Tamesloht) ةينواعت"),
    ("الاسم: Coopérative Al Amal (Tamesloht)", "Coopérative Al Amal (Tamesloht) :مسالا"),
    ("رقم 07/2021/00012 في (الجهة)", "(ةهجلا) يف 07/2021/00012 مقر"),
    ("[ملاحظة] نص", "صن [ةظحالم]"),
    ("المبلغ 12\u00a0500,00 درهم", "مهرد 12\u00a0500,00 غلبملا"),
])
def test_arabic_line_reads_in_order_with_brackets_paired(logical: str, shown: str) -> None:
    assert visual(logical, "R") == shown


def test_plain_python_bidi_gets_latin_brackets_wrong_which_is_why_we_pair_them() -> None:
    from bidi.algorithm import get_display

    assert get_display("تعاونية Al Amal (Tamesloht) للنحل", base_dir="R") != \
        visual("تعاونية Al Amal (Tamesloht) للنحل", "R")


def test_phone_with_spaces_keeps_its_order_inside_arabic() -> None:
    assert visual(f"الهاتف: {keep_ltr('06 12 34 56 78')} (مكتب)", "R") == "(بتكم) 06 12 34 56 78 :فتاهلا"


def test_arabic_in_a_french_line_is_reversed_in_place_only() -> None:
    assert visual("Présidente : فاطمة (الرئيسة) ok", "L") == "Présidente : (ةسيئرلا) ةمطاف ok"


def test_latin_only_text_is_left_alone_and_marks_are_dropped() -> None:
    assert visual(keep_ltr("10/2021/01391"), "R") == "10/2021/01391"


LONG = ("تعاني التعاونية من ضعف في تسويق منتوجاتها خارج السوق الأسبوعي ويقترح المؤطر إبرام شراكة مع "
        "جمعية Dar Si Hmad (أكادير) قبل نهاية السنة ") * 4


@pytest.mark.parametrize("base", ["R", "L"])
def test_wrapped_lines_fit_the_width_and_keep_the_text_in_order(base: str) -> None:
    width = 160.0
    lines = shaping.shape(LONG, width, fonts.REGULAR, 9, base)
    assert len(lines) > 5
    assert all(line.width <= width + 0.01 for line in lines)
    # a paragraph that starts in Arabic reads right to left even in a French document
    back = " ".join(undo_visual(line.text, "R") for line in lines)
    assert " ".join(back.split()) == unicodedata.normalize("NFKC", " ".join(LONG.split()))
    # the first line holds the start of the paragraph (bidi after wrapping, per line)
    assert undo_visual(lines[0].text, base).startswith("تعاني التعاونية")


def test_letters_are_joined_into_presentation_forms() -> None:
    line = shaping.one_line("تعاونية", fonts.REGULAR, 9, "R")
    assert all("\ufe70" <= ch <= "\ufeff" for ch in line.text)
    assert unicodedata.normalize("NFKC", line.text)[::-1] == "تعاونية"


def test_a_word_wider_than_the_column_is_cut_not_overflowing() -> None:
    lines = shaping.shape("x" * 200, 50, fonts.REGULAR, 9, "L")
    assert len(lines) > 1 and all(line.width <= 50 for line in lines)


def test_each_run_uses_a_font_that_has_its_glyphs() -> None:
    line = shaping.one_line("تعاونية Coopérative (Tamesloht) 12/03/2024", fonts.REGULAR, 9, "R")
    for font, text in line.runs:
        cmap = fonts._cmap(font)
        assert all(ord(ch) in cmap for ch in text), (font, text)


def test_a_french_sentence_holding_an_arabic_name_stays_left_to_right() -> None:
    line = shaping.one_line("Présidente : فاطمة بناني (Tamesloht)", fonts.REGULAR, 9, "L")
    assert line.text.startswith("Présidente : ") and line.text.endswith("(Tamesloht)")
