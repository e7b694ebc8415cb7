"""Drafts saved as the user types, so a crash or a flat battery loses
nothing: a short pause after the last keystroke writes the form's values to
the store (through the worker, like every write); saving or discarding the
form removes the draft."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ...store import drafts as store
from .tasks import Tasks

DELAY_MS = 400


class DraftKeeper(QObject):
    """``found`` carries a kept draft's values when the form opens."""

    found = Signal(dict)
    saved = Signal()

    def __init__(self, tasks: Tasks, form: str, values: Callable[[], dict[str, Any]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.form, self.values = tasks, form, values
        self.key: str | None = None
        self.title: str | None = None
        self.dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.save_now)

    def attach(self, key: str, title: str | None = None) -> None:
        """Follow a new record; announce a draft left from an earlier run."""
        self._timer.stop()
        self.key, self.title, self.dirty = key, title, False
        self.tasks.run(lambda db: store.load(db, key), lambda data: self._loaded(key, data))

    def _loaded(self, key: str, data: dict[str, Any] | None) -> None:
        if data and key == self.key:
            self.found.emit(data)

    def touched(self) -> None:
        self.dirty = True
        self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        if self.key is None or not self.dirty:
            return
        key, form, title, values = self.key, self.form, self.title, self.values()
        self.tasks.run(lambda db: store.save(db, key, form, values, title), lambda _r: self.saved.emit())

    def discard(self) -> None:
        self._timer.stop()
        self.dirty = False
        if self.key is not None:
            key = self.key
            self.tasks.run(lambda db: store.discard(db, key))
