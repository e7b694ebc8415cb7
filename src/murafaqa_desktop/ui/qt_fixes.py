"""A guard against a reference-counting fault in some PySide6 builds.

In PySide6 6.12 on Python 3.11, ``SignalInstance.emit()`` returns ``True``
without owning a reference to it: every emit from Python takes one
reference away from ``True`` until the interpreter aborts ("bool_dealloc:
deallocating True or False") — after some thousands of emits, i.e. during
an ordinary working day. The fault is detected once, at import, and only
then is ``emit`` wrapped to give the missing reference back.
"""
from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    ping = Signal()


def emit_steals_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    return sys.getrefcount(True) <= before - 8


def install() -> bool:
    """Wrap ``SignalInstance.emit`` if this build needs it; returns whether it did."""
    if getattr(SignalInstance.emit, "_murafaqa_fixed", False) or not emit_steals_a_reference():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]

    def emit(self: SignalInstance, *args: object) -> object:
        result = original(self, *args)
        incref(result)
        return result

    emit._murafaqa_fixed = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit  # type: ignore[method-assign]
    return True


installed = install()
