"""A guard against a reference-counting fault in some PySide6 builds.

PySide6 6.12 on Python 3.11 returns ``None``, ``True`` and ``False`` from
wrapped methods (``QLabel.setText``, ``SignalInstance.emit``, …) without
owning a reference to them, as if they were immortal — which they are only
from Python 3.12 on. Each call takes a reference away until the interpreter
aborts ("none_dealloc: deallocating None") after some thousands of calls,
i.e. during an ordinary working day.

When the fault is seen (once, at import), the three singletons are given the
same treatment Python 3.12 gives them: a reference count so large that no
day of work can bring it to zero. Nothing else changes.
"""
from __future__ import annotations

# ctypes before PySide6: once PySide6 is loaded, it reads the source of every
# module an import statement names for the first time (its __feature__
# switch), ctypes' own imports included; this build needs ctypes anyway.
import ctypes
import sys

from PySide6.QtCore import QObject

PIN = 1 << 40


def calls_steal_references() -> bool:
    """Whether a void Qt call takes a reference from None in this build."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setObjectName("probe")
    return sys.getrefcount(None) <= before - 16


def install() -> bool:
    """Pin None, True and False if this build needs it; returns whether it did."""
    if sys.version_info >= (3, 12) or sys.getrefcount(None) > PIN or not calls_steal_references():
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += PIN
    return True


installed = install()
