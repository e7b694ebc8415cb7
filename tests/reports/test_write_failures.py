"""A document that cannot be written says why in the user's language, not
in the system's English, and leaves nothing behind."""
from __future__ import annotations

import errno
import os

import pytest

from murafaqa_desktop.reports import batch


@pytest.mark.parametrize(("code", "fr", "ar"), [
    (errno.ENOSPC, "Le disque est plein", "القرص ممتلئ"),
    (errno.EACCES, "accès refusé", "تم رفض الوصول"),
    (errno.EROFS, "lecture seule", "للقراءة فقط"),
])
def test_a_failed_write_says_why_in_french_and_arabic(tmp_path, monkeypatch, code, fr, ar) -> None:
    def fails(_fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(batch.os, "fsync", fails)
    target = tmp_path / "sheet.pdf"
    with pytest.raises(Exception) as caught, batch.atomic_file(target) as f:
        f.write(b"%PDF-1.4")
    assert fr in caught.value.fr and ar in caught.value.ar
    assert os.strerror(code) not in caught.value.fr + caught.value.ar
    assert list(tmp_path.iterdir()) == []  # no half-written file, no temporary left
