"""A dialog that adds or edits one row (a plan action, a diagnosis need or
section): the form is built from the entity's fields, the save runs on the
worker, and a refusal stays in the dialog, next to its field."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ...domain.schema import EntitySpec
from ..kit.form import FormPanel
from ..kit.i18n import lang
from ..kit.tasks import Tasks

Save = Callable[[Any, dict[str, Any]], Any]


class RecordDialog(QDialog):
    def __init__(self, tasks: Tasks, entity: EntitySpec, names: Iterable[str], save: Save,
                 current: dict[str, Any] | None, parent: QWidget | None = None,
                 defaults: dict[str, Any] | None = None,
                 options: dict[str, Callable[[], list[tuple[str, str]]]] | None = None) -> None:
        super().__init__(parent)
        self.tasks, self._save = tasks, save
        self.setWindowTitle(entity.ar if lang() == "ar" else entity.fr)
        self.form = FormPanel(entity, names, columns=1, options=options)
        values = current or defaults
        if values:
            self.form.set_values(values)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.resize(560, 480)

    def submit(self) -> None:
        values, save = self.form.values(), self._save
        self.tasks.run(lambda db: save(db, values), lambda _r: self.accept(), self.form.show_error)
