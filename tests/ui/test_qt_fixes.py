"""A day of Qt calls must not wear down Python's None, True and False."""
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

import murafaqa_desktop.ui  # noqa: F401  (installs the guard when needed)
from murafaqa_desktop.ui.kit import qt_fixes


class _Sender(QObject):
    value = Signal(int)


def test_many_calls_leave_the_singletons_alive(qapp):
    sender = _Sender()
    sender.value.connect(lambda _v: None)
    label = QLabel()
    for i in range(20000):
        sender.value.emit(i)
        label.setText("x")
        label.isVisible()
    for singleton in (None, True, False):
        assert sys.getrefcount(singleton) > 1000


def test_the_guard_is_only_installed_where_needed():
    if sys.version_info >= (3, 12):
        assert not qt_fixes.installed
    else:
        # pinned: far above any real count, though the calls of the tests run
        # before this one have each taken a reference off it since
        assert qt_fixes.installed == (sys.getrefcount(None) > qt_fixes.PIN // 2)
