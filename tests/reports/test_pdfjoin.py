"""Joining sheets into one file (``reports.pdfjoin``)."""
from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.generic import NullObject
from reportlab.pdfgen import canvas

from murafaqa_desktop.reports.pdfjoin import PdfJoiner


def one_page(text: str) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    c.drawString(72, 72, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_reference_to_a_missing_object_is_copied_as_null() -> None:
    # same length, so the cross-reference table stays right: the page's
    # thumbnail is object 99, which the file does not have
    pdf = one_page("dangling").replace(b"/Trans <<\n\n>>", b"/Thumb 99 0 R", 1)
    assert b"/Thumb 99 0 R" in pdf
    out = io.BytesIO()
    joiner = PdfJoiner(out, title="t")
    assert joiner.add(pdf) == 1
    assert joiner.add(one_page("second")) == 1
    joiner.close()
    reader = PdfReader(io.BytesIO(out.getvalue()), strict=True)
    assert len(reader.pages) == 2
    assert isinstance(reader.pages[0]["/Thumb"], NullObject)
    assert "dangling" in reader.pages[0].extract_text()
    assert "second" in reader.pages[1].extract_text()
