"""The Development plan tab: the actions in order; add, edit, move up/down."""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ...domain.entities import PLAN_ACTION
from ...domain.errors import DomainError
from ...services import plans
from ..kit.i18n import FollowsLanguage
from ..kit.tasks import Tasks
from ..kit.widgets import select_row, table_view
from .dialog import RecordDialog
from .plan_table_model import COLUMNS, PlanTableModel


class PlanTab(FollowsLanguage, QWidget):
    changed = Signal()

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.coop_id: str | None = None
        self.model = PlanTableModel(self)
        self.table = table_view(self.model, stretch=1)
        self.table.verticalHeader().show()
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.add_button, self.edit_button = QPushButton(), QPushButton()
        self.up_button, self.down_button = QPushButton(), QPushButton()
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(lambda: self.remove())
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.up_button.clicked.connect(lambda: self.move_action(-1))
        self.down_button.clicked.connect(lambda: self.move_action(+1))
        QShortcut(QKeySequence("Alt+Up"), self, lambda: self.move_action(-1))
        QShortcut(QKeySequence("Alt+Down"), self, lambda: self.move_action(+1))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.dialog: RecordDialog | None = None
        self._select_after_reload: int | None = None  # the row a move put its action on
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add an action"))
        self.edit_button.setText(self.tr("Edit"))
        self.up_button.setText(self.tr("Move up"))
        self.down_button.setText(self.tr("Move down"))
        self.remove_button.setText(self.tr("Remove"))
        self.model.retranslate()

    def show_file(self, file: dict[str, Any]) -> None:
        self.coop_id = file["cooperative"]["id"]
        self.model.set_rows(file["plan"], dt.date.today().isoformat())

    def _selected(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        current = self.table.currentIndex()
        return current.row() if current.isValid() else None

    def add(self) -> None:
        coop_id = self.coop_id
        if coop_id is None:
            return
        self._open(RecordDialog(self.tasks, PLAN_ACTION, COLUMNS, lambda db, v: plans.add_action(db, coop_id, v), None,
                                self, defaults={"status": "planned"}))

    def edit(self) -> None:
        row = self._selected()
        if row is None:
            return
        action_id = self.model.action_id(row)
        self._open(RecordDialog(self.tasks, PLAN_ACTION, COLUMNS,
                                lambda db, v: plans.update_action(db, action_id, v), self.model.rows[row], self))

    def _open(self, dialog: RecordDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(self.changed)
        dialog.open()

    def remove(self, confirm: bool = True) -> None:
        """Remove the selected action, after a question (its reviews go with it)."""
        row = self._selected()
        if row is None:
            return
        action = self.model.rows[row]
        if confirm and QMessageBox.question(
                self, self.tr("Remove"), self.tr("Remove this action from the plan?") + "\n\n" + action["objective"],
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        action_id = action["id"]
        self.tasks.run(lambda db: plans.delete_action(db, action_id), lambda _r: self.changed.emit(),
                       self._refused)

    def move_action(self, step: int) -> None:
        """Move the selected action step places up (-1) or down (+1) in the plan."""
        row = self._selected()
        if row is None or not 0 <= row + step < self.model.rowCount():
            return
        action_id, target = self.model.action_id(row), row + step
        self.tasks.run(lambda db: plans.move_action(db, action_id, target), lambda _r: self._moved(target),
                       self._refused)

    def _moved(self, target: int) -> None:
        self._select_after_reload = target
        self.changed.emit()

    def _refused(self, error: DomainError) -> None:
        self.tasks.reporter.report(error)

    def after_reload(self) -> None:
        target = self._select_after_reload
        if target is not None:
            select_row(self.table, target)
            self._select_after_reload = None
