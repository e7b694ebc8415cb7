"""Collective trainings: the sessions (module, date, place, region, trainer),
a form for a new one, and the attendance sheet of the selected session."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from ... import assets
from ...domain.entities import TRAINING_SESSION
from ...services import trainings
from ...store import agenda
from ..kit.form import FormPanel
from ..kit.i18n import FollowsLanguage, lang
from ..kit.rows_model import Column, RowsModel
from ..kit.tasks import Tasks
from ..kit.widgets import select_row, table_view
from .attendance import AttendanceSheet
from .titles import session_title


class TrainingsView(FollowsLanguage, QWidget):
    loaded = Signal()

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        ref = assets.reference()
        t = TRAINING_SESSION.field
        self.model = RowsModel([
            Column(lambda: t("held_on").label(lang()), lambda r: r["held_on"]),
            Column(lambda: t("module_code").label(lang()),
                   lambda r: ref.modules[r["module_code"]].title(lang()) if r["module_code"] in ref.modules
                   else r["module_code"]),
            Column(lambda: t("region").label(lang()),
                   lambda r: ref.regions[r["region"]].name(lang()) if r["region"] in ref.regions else r["region"]),
            Column(lambda: "#", lambda r: r["participants"]),
        ], parent=self)
        self.table = table_view(self.model, stretch=1)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.group = QGroupBox()
        self.form = FormPanel(TRAINING_SESSION, ("module_code", "held_on", "region", "place", "trainer"))
        self.create_button = QPushButton()
        self.create_button.clicked.connect(self.create_session)
        box = QVBoxLayout(self.group)
        box.addWidget(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.create_button)
        box.addLayout(row)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.table, 1)
        left_box.addWidget(self.group)
        self.sheet = AttendanceSheet(tasks)
        self.sheet.added.connect(lambda _n: self.refresh(keep=True))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.sheet)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([560, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._select_id: str | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.group.setTitle(self.tr("New training session"))
        self.create_button.setText(self.tr("Create the session"))
        self.model.retranslate()

    def refresh(self, keep: bool = False) -> None:
        if keep and self.sheet.session:
            self._select_id = self.sheet.session["id"]
        self.tasks.run(agenda.training_sessions_page, self._show)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        if self._select_id:
            for i, r in enumerate(rows):
                if r["id"] == self._select_id:
                    select_row(self.table, i)
            self._select_id = None
        self.loaded.emit()

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            row = self.model.rows[rows[0].row()]
            if self.sheet.session is None or self.sheet.session["id"] != row["id"]:
                self.sheet.show_session(row, session_title)

    def select(self, session_id: str) -> None:
        for i, r in enumerate(self.model.rows):
            if r["id"] == session_id:
                select_row(self.table, i)

    def create_session(self) -> None:
        """Create a training session from the form; it is then selected, its sheet open."""
        values = self.form.values()
        self.tasks.run(lambda db: trainings.create_session(db, values), self._created, self.form.show_error)

    def _created(self, row: dict[str, Any]) -> None:
        self.form.clear()
        self._select_id = row["id"]
        self.sheet.show_session({**row, "participants": 0}, session_title)
        self.refresh()
