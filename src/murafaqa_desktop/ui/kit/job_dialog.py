"""A dialog whose OK runs one job on the store's worker (recording an
application, a committee's decision): the buttons wait meanwhile; a refusal
is shown in the dialog, one message a line, and the dialog stays open with
the focus back where the user types; a result closes it."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from ...domain.errors import DomainError
from .form import ERROR_STYLE
from .i18n import lang
from .tasks import Tasks


class JobDialog(QDialog):
    """A subclass lays out ``error`` and ``buttons``, calls ``run_job`` from
    its ``save`` (OK), and says what a result does (``succeeded``) and where
    the focus goes after a refusal (``refusal_focus``)."""

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def save(self) -> None:
        raise NotImplementedError

    def succeeded(self, result: Any) -> None:
        raise NotImplementedError

    def refusal_focus(self) -> QWidget:
        raise NotImplementedError

    def run_job(self, job: Callable[[Any], Any]) -> None:
        self.buttons.setEnabled(False)
        self.tasks.run(job, self._done, self._refused)

    def _done(self, result: Any) -> None:
        self.buttons.setEnabled(True)
        self.succeeded(result)
        self.accept()

    def _refused(self, error: DomainError) -> None:
        self.buttons.setEnabled(True)
        self.error.setText("\n".join(e.message(lang()) for e in error.items()))
        self.error.show()
        self.refusal_focus().setFocus()
