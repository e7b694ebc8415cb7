"""The record tabs that are mostly read: strategic diagnosis (form, sections,
needs added, edited and removed), trainings attended, financing (list and a
new application)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QSplitter, QVBoxLayout, QWidget

from ... import assets
from ...domain.entities import (
    DIAGNOSIS,
    DIAGNOSIS_NEED,
    DIAGNOSIS_SECTION,
    FINANCING,
    TRAINING_ATTENDANCE,
    TRAINING_SESSION,
)
from ...domain.vocab import (
    AGE_BANDS,
    ASSISTANCE_AREAS,
    DIAGNOSIS_SECTIONS,
    FINANCING_STATUS,
    GENDER,
    NEED_KINDS,
    PARTICIPANT_ROLES,
    PRIORITY,
    SECTION_RATING,
    TRAINING_AXES,
    label,
)
from ...services import diagnosis, financing
from ..kit.form import FormPanel
from ..kit.i18n import lang, locale
from ..kit.rows_model import Column, RowsModel
from ..kit.tasks import Tasks
from ..kit.widgets import row_keys, select_row, table_view
from .dialog import RecordDialog, Save


def _money(value: Any) -> str:
    return "" if value is None else locale().toString(float(value), "f", 0)


class _Tab(QWidget):
    changed = Signal()
    models: list[RowsModel]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            for m in self.models:
                m.retranslate()
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        pass


class DiagnosisTab(_Tab):
    """The diagnosis form, then its sections and its needs, each table with
    the buttons that act on it beside it."""

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.coop_id: str | None = None
        self.form = FormPanel(DIAGNOSIS, ("diagnosed_on", "diagnosed_by", "completed", "strengths", "weaknesses",
                                          "summary"), columns=2)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.section_button = QPushButton()
        self.section_button.clicked.connect(self.edit_section)
        self.need_button = QPushButton()
        self.need_button.clicked.connect(self.add_need)
        self.edit_need_button = QPushButton()
        self.edit_need_button.clicked.connect(self.edit_need)
        self.remove_need_button = QPushButton()
        self.remove_need_button.clicked.connect(lambda: self.remove_need())
        self.dialog: RecordDialog | None = None
        self._reselect: str | int | None = None  # the need to select again once the record reloads
        s, n = DIAGNOSIS_SECTION.field, DIAGNOSIS_NEED.field
        self.sections = RowsModel([
            Column(lambda: s("section").label(lang()), lambda r: label(DIAGNOSIS_SECTIONS, r["section"], lang())),
            Column(lambda: s("rating").label(lang()), lambda r: label(SECTION_RATING, r["rating"], lang())),
            Column(lambda: s("findings").label(lang()), lambda r: r["findings"]),
        ], warn=lambda r: r.get("rating") == "1", parent=self)
        self.needs = RowsModel([
            Column(lambda: n("kind").label(lang()), lambda r: label(NEED_KINDS, r["kind"], lang())),
            Column(lambda: n("axis").label(lang()), lambda r: label(
                TRAINING_AXES if r["kind"] == "training" else ASSISTANCE_AREAS, r["axis"], lang())),
            Column(lambda: n("description").label(lang()), lambda r: r["description"]),
            Column(lambda: n("priority").label(lang()), lambda r: label(PRIORITY, r["priority"], lang())),
        ], parent=self)
        self.models = [self.sections, self.needs]
        self.sections_view = table_view(self.sections, stretch=2)
        self.sections_view.doubleClicked.connect(lambda _i: self.edit_section())
        self.needs_view = table_view(self.needs, stretch=2)
        self.needs_view.doubleClicked.connect(lambda _i: self.edit_need())
        row_keys(self.needs_view, self.edit_need, self.remove_need)
        self.needs_view.selectionModel().selectionChanged.connect(self._need_buttons)
        self.needs.modelReset.connect(self._need_buttons)  # a reset clears the selection without a signal
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(_button_row([], [self.save_button]))
        # one above the other, each table as wide as the tab: side by side,
        # the needs' four columns did not fit and scrolled sideways
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(_pane([self.section_button], self.sections_view))
        split.addWidget(_pane([self.need_button, self.edit_need_button, self.remove_need_button], self.needs_view))
        layout.addWidget(split, 1)
        self._need_buttons()
        self.retranslate()

    def retranslate(self) -> None:
        self.save_button.setText(QCoreApplication.translate("RecordTabs", "Save the diagnosis"))
        self.section_button.setText(QCoreApplication.translate("RecordTabs", "Assess a section"))
        self.need_button.setText(QCoreApplication.translate("RecordTabs", "Add a need"))
        self.edit_need_button.setText(QCoreApplication.translate("RecordTabs", "Edit the need"))
        self.remove_need_button.setText(QCoreApplication.translate("RecordTabs", "Remove the need"))
        # one width for the buttons beside both tables, so that the tables' edges line up
        side = (self.section_button, self.need_button, self.edit_need_button, self.remove_need_button)
        width = max(b.sizeHint().width() for b in side)
        for b in side:
            b.setMinimumWidth(width)

    def show_file(self, file: dict[str, Any]) -> None:
        self.coop_id = file["cooperative"]["id"]
        diag = file["diagnosis"] or {}
        self.form.set_values({name: diag.get(name) for name in self.form.editors})
        self.sections.set_rows(diag.get("sections", []))
        self.needs.set_rows(diag.get("needs", []))
        self._select_need_again()

    def save(self) -> None:
        coop_id, values = self.coop_id, self.form.values()
        if coop_id:
            self.tasks.run(lambda db: diagnosis.save(db, coop_id, values), lambda _r: self.changed.emit(),
                           self.form.show_error)

    def edit_section(self) -> None:
        """Rate a section and write what was found (the selected one, or a new one)."""
        coop_id = self.coop_id
        if coop_id is None:
            return
        rows = self.sections_view.selectionModel().selectedRows()
        current = self.sections.rows[rows[0].row()] if rows else None

        def save(db: Any, v: dict[str, Any]) -> Any:
            return diagnosis.set_section(db, coop_id, v["section"], v["rating"], v["findings"])

        self._open(RecordDialog(self.tasks, DIAGNOSIS_SECTION, ("section", "rating", "findings"), save, current,
                                self))

    # -- needs ------------------------------------------------------------
    def add_need(self) -> None:
        """A training need (one of the three training axes) or a technical-assistance need."""
        coop_id = self.coop_id
        if coop_id is None:
            return
        self._open(self._need_dialog(lambda db, v: diagnosis.add_need(db, coop_id, v),
                                     {"kind": "training", "priority": "medium"}, None))

    def edit_need(self) -> None:
        """The selected need in the same form, filled in; saved through the service."""
        need = self._selected_need()
        if need is None:
            return
        need_id = need["id"]
        dialog = self._need_dialog(lambda db, v: diagnosis.update_need(db, need_id, v), need, need)
        dialog.accepted.connect(lambda: setattr(self, "_reselect", need_id))  # before the reload it starts
        self._open(dialog)

    def remove_need(self, confirm: bool = True) -> None:
        """Remove the selected need, once the coach has said yes."""
        need = self._selected_need()
        if need is None:
            return
        if confirm and QMessageBox.question(
                self, QCoreApplication.translate("RecordTabs", "Remove the need"),
                QCoreApplication.translate("RecordTabs", "Remove this need from the diagnosis?")
                + "\n\n" + (need["description"] or ""),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        need_id, row = need["id"], self.needs.rows.index(need)
        self.tasks.run(lambda db: diagnosis.delete_need(db, need_id), lambda _r: self._removed(row),
                       self.tasks.reporter.report)

    def _removed(self, row: int) -> None:
        self._reselect = row  # the next need, so that Delete can go on
        self.changed.emit()

    def _need_dialog(self, save: Save, values: dict[str, Any], current: dict[str, Any] | None) -> RecordDialog:
        made: list[RecordDialog] = []  # the options are first asked for while the dialog is being built

        def axes() -> list[tuple[str, str]]:
            # while the dialog is being built, the kind it is about to show
            kind = made[0].form.editors["kind"].value() if made else values.get("kind")
            vocab = TRAINING_AXES if kind == "training" else ASSISTANCE_AREAS
            return [(code, label(vocab, code, lang())) for code in vocab]

        dialog = RecordDialog(self.tasks, DIAGNOSIS_NEED, ("kind", "axis", "description", "priority"), save,
                              current, self, defaults=values, options={"axis": axes})
        made.append(dialog)
        dialog.form.editors["kind"].changed.connect(dialog.form.editors["axis"].retranslate)
        return dialog

    def _selected_need(self) -> dict[str, Any] | None:
        rows = self.needs_view.selectionModel().selectedRows()
        index = rows[0] if rows else self.needs_view.currentIndex()
        return self.needs.rows[index.row()] if index.isValid() and index.row() < len(self.needs.rows) else None

    def _need_buttons(self) -> None:
        chosen = bool(self.needs_view.selectionModel().selectedRows())
        self.edit_need_button.setEnabled(chosen)
        self.remove_need_button.setEnabled(chosen)

    def _select_need_again(self) -> None:
        target, self._reselect = self._reselect, None
        if isinstance(target, str):
            target = next((i for i, r in enumerate(self.needs.rows) if r["id"] == target), None)
        if target is not None and self.needs.rows:
            select_row(self.needs_view, min(target, len(self.needs.rows) - 1))

    def _open(self, dialog: RecordDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(self.changed)
        dialog.open()


def _button_row(start: list[QPushButton], end: list[QPushButton]) -> QHBoxLayout:
    row = QHBoxLayout()
    for b in start:
        row.addWidget(b)
    row.addStretch(1)
    for b in end:
        row.addWidget(b)
    return row


def _pane(buttons: list[QPushButton], view: QWidget) -> QWidget:
    """A table with the buttons that act on it in a column beside it, where
    they cost no height: the two tables share the tab's."""
    pane = QWidget()
    column = QVBoxLayout()
    for b in buttons:
        column.addWidget(b)
    column.addStretch(1)
    box = QHBoxLayout(pane)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(view, 1)
    box.addLayout(column)
    return pane


class TrainingsAttendedTab(_Tab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        a, t = TRAINING_ATTENDANCE.field, TRAINING_SESSION.field
        ref = assets.reference()
        self.model = RowsModel([
            Column(lambda: t("held_on").label(lang()), lambda r: r["held_on"]),
            Column(lambda: t("module_code").label(lang()),
                   lambda r: ref.modules[r["module_code"]].title(lang()) if r["module_code"] in ref.modules
                   else r["module_code"]),
            Column(lambda: t("place").label(lang()), lambda r: r["place"]),
            Column(lambda: a("participant").label(lang()), lambda r: r["participant"]),
            Column(lambda: a("role").label(lang()), lambda r: label(PARTICIPANT_ROLES, r["role"], lang())),
            Column(lambda: a("gender").label(lang()), lambda r: label(GENDER, r["gender"], lang())),
            Column(lambda: a("age_band").label(lang()), lambda r: label(AGE_BANDS, r["age_band"], lang())),
        ], parent=self)
        self.models = [self.model]
        layout = QVBoxLayout(self)
        layout.addWidget(table_view(self.model, stretch=1))

    def show_file(self, file: dict[str, Any]) -> None:
        self.model.set_rows(file["trainings"])


class FinancingTab(_Tab):
    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.coop_id: str | None = None
        f = FINANCING.field
        self.model = RowsModel([
            Column(lambda: f("applied_on").label(lang()), lambda r: r["applied_on"]),
            Column(lambda: f("project").label(lang()), lambda r: r["project"]),
            Column(lambda: f("amount_requested").label(lang()), lambda r: _money(r["amount_requested"])),
            Column(lambda: f("amount_granted").label(lang()), lambda r: _money(r["amount_granted"])),
            Column(lambda: f("partner").label(lang()), lambda r: r["partner"]),
            Column(lambda: f("status").label(lang()), lambda r: label(FINANCING_STATUS, r["status"], lang())),
        ], parent=self)
        self.models = [self.model]
        self.group = QGroupBox()
        self.form = FormPanel(FINANCING, ("applied_on", "status", "amount_requested", "amount_granted",
                                          "partner", "project"), columns=2)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.submit)
        box = QVBoxLayout(self.group)
        box.addWidget(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        box.addLayout(row)
        self.empty = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(table_view(self.model, stretch=1), 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.group)
        self.retranslate()

    def retranslate(self) -> None:
        self.group.setTitle(QCoreApplication.translate("RecordTabs", "New financing application"))
        self.add_button.setText(QCoreApplication.translate("RecordTabs", "Record the application"))
        self.empty.setText(QCoreApplication.translate("RecordTabs", "No financing application yet."))

    def show_file(self, file: dict[str, Any]) -> None:
        self.coop_id = file["cooperative"]["id"]
        self.model.set_rows(file["financing"])
        self.empty.setVisible(not file["financing"])

    def submit(self) -> None:
        coop_id, values = self.coop_id, self.form.values()
        if coop_id:
            self.tasks.run(lambda db: financing.apply(db, coop_id, values), self._done, self.form.show_error)

    def _done(self, _row: Any) -> None:
        self.form.clear()
        self.changed.emit()
