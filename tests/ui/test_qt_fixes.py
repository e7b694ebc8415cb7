"""Emitting signals all day must not wear down Python's ``True``."""
import sys

from PySide6.QtCore import QObject, Signal

import murafaqa_desktop.ui  # noqa: F401  (installs the guard when needed)


class _Sender(QObject):
    value = Signal(int)


def test_emit_keeps_the_reference_count_of_true(qapp):
    sender = _Sender()
    sender.value.connect(lambda _v: None)
    before = sys.getrefcount(True)
    for i in range(5000):
        sender.value.emit(i)
    assert abs(sys.getrefcount(True) - before) < 50
