"""Attendance of one training session, typed with the keyboard only.

One entry line — name, cooperative, role, gender, age band — and Enter:
the participant is saved at once (nothing to lose), appears in the list
below, and the cursor returns to the name with the cooperative and role
kept, since participants often come several from one cooperative.
Choices accept typing (``F``/``M``, the first letters of a role); the
cooperative box completes on any part of the name or number.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...domain.entities import TRAINING_ATTENDANCE
from ...domain.errors import DomainError
from ...domain.vocab import AGE_BANDS, GENDER, PARTICIPANT_ROLES, label
from ...services import trainings
from ...store import agenda, aggregates
from ..kit.form import ERROR_STYLE
from ..kit.i18n import FollowsLanguage, lang
from ..kit.rows_model import Column, RowsModel
from ..kit.tasks import Tasks
from ..kit.widgets import table_view


def _combo(choices: Any, blank: bool) -> QComboBox:
    combo = QComboBox()
    combo.setProperty("choices", choices)
    combo.setProperty("blank", blank)
    return combo


class AttendanceSheet(FollowsLanguage, QWidget):
    added = Signal(int)

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.session: dict[str, Any] | None = None
        self._title: Callable[[dict[str, Any]], str] = lambda _session: ""
        self._coops: list[dict[str, Any]] = []
        self.coop_names: dict[str, str] = {}
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.name = QLineEdit()
        self.cooperative = QComboBox()
        self.cooperative.setEditable(True)
        self.cooperative.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.cooperative.completer()
        assert completer is not None  # an editable combo box has one
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.role = _combo(PARTICIPANT_ROLES, True)
        self.gender = _combo(GENDER, False)
        self.age = _combo(AGE_BANDS, True)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #5f6368;")
        self.captions = [QLabel() for _ in range(5)]
        grid = QGridLayout()
        for col, (caption, widget) in enumerate(zip(self.captions, (self.name, self.cooperative, self.role,
                                                                     self.gender, self.age))):
            grid.addWidget(caption, 0, col)
            grid.addWidget(widget, 1, col)
            widget.installEventFilter(self)
        for col, stretch in enumerate((3, 4, 2, 1, 2)):
            grid.setColumnStretch(col, stretch)
        for combo, chars in ((self.cooperative, 14), (self.role, 8), (self.gender, 5), (self.age, 8)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(chars)
        a = TRAINING_ATTENDANCE.field
        self.model = RowsModel([
            Column(lambda: "#", lambda r: r.get("line")),
            Column(lambda: a("participant").label(lang()), lambda r: r["participant"]),
            Column(lambda: a("cooperative_id").label(lang()), lambda r: self.coop_names.get(r["cooperative_id"], "")),
            Column(lambda: a("role").label(lang()), lambda r: label(PARTICIPANT_ROLES, r["role"], lang())),
            Column(lambda: a("gender").label(lang()), lambda r: label(GENDER, r["gender"], lang())),
            Column(lambda: a("age_band").label(lang()), lambda r: label(AGE_BANDS, r["age_band"], lang())),
        ], parent=self)
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        layout.addWidget(table_view(self.model, stretch=1), 1)
        layout.addWidget(self.count)
        self.setEnabled(False)
        self.retranslate()

    def retranslate(self) -> None:
        a = TRAINING_ATTENDANCE.field
        for caption, name in zip(self.captions, ("participant", "cooperative_id", "role", "gender", "age_band")):
            caption.setText(a(name).label(lang()) + (" *" if a(name).required else ""))
        for combo in (self.role, self.gender, self.age):
            current = combo.currentData()
            combo.clear()
            if combo.property("blank"):
                combo.addItem("", None)
            choices = combo.property("choices")
            for code in choices:
                combo.addItem(label(choices, code, lang()), code)
            combo.setCurrentIndex(max(combo.findData(current), 0))
        self.hint.setText(self.tr("Type the name, Tab to the next box, Enter to save the participant."))
        self.model.retranslate()
        self._count()
        if self.session is None:
            self.title.setText(self.tr("Choose a training session to enter its attendance."))
        else:
            self.title.setText(self._title(self.session))
            self._name_cooperatives()

    def show_session(self, session: dict[str, Any], title: Callable[[dict[str, Any]], str]) -> None:
        """``title`` names the session in the current language (called again on a switch)."""
        self.session, self._title = session, title
        self.title.setText(title(session))
        self.setEnabled(True)
        sid, region = session["id"], session["region"]
        self.tasks.run(lambda db: (agenda.cooperative_choices(db, region), aggregates.attendance(db, sid)),
                       lambda result: self._loaded(sid, *result))

    def _loaded(self, session_id: str, coops: list[dict[str, Any]], rows: list[dict[str, Any]]) -> None:
        if self.session is None or self.session["id"] != session_id:
            return
        self._coops = coops
        self._name_cooperatives()
        for i, r in enumerate(rows, 1):
            r["line"] = i
        self.model.set_rows(rows)
        self._count()
        self.name.setFocus()

    def _name_cooperatives(self) -> None:
        first, second = ("name_ar", "name_fr") if lang() == "ar" else ("name_fr", "name_ar")
        self.coop_names = {c["id"]: f"{c[first] or c[second]} · {c['registration_number']}" for c in self._coops}
        current = self.cooperative.currentData()
        self.cooperative.clear()
        self.cooperative.addItem("", None)
        for cid, text in self.coop_names.items():
            self.cooperative.addItem(text, cid)
        self.cooperative.setCurrentIndex(max(self.cooperative.findData(current), 0))
        self.model.retranslate()

    def _count(self) -> None:
        n = len(self.model.rows)
        women = sum(1 for r in self.model.rows if r["gender"] == "F")
        self.count.setText(self.tr("%1 participants, of whom %2 women").replace("%1", str(n))
                           .replace("%2", str(women)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not (watched is self.cooperative and self._completing())):
            self.submit()
            return True
        return super().eventFilter(watched, event)

    def _completing(self) -> bool:
        """The cooperative's completion list is open: Enter picks from it."""
        completer = self.cooperative.completer()
        popup = completer.popup() if completer is not None else None
        return popup is not None and popup.isVisible()

    def entry(self) -> dict[str, Any]:
        coop = self.cooperative.currentData() if self.cooperative.currentText() else None
        return {"participant": self.name.text(), "cooperative_id": coop, "role": self.role.currentData(),
                "gender": self.gender.currentData(), "age_band": self.age.currentData()}

    def submit(self) -> None:
        if self.session is None:
            return
        sid, data = self.session["id"], self.entry()
        self.tasks.run(lambda db: trainings.add_attendance(db, sid, [data]), self._saved, self._refused)

    def _refused(self, error: DomainError) -> None:
        self.error.setText(error.message(lang()).replace("Ligne 1 — ", "").replace("السطر 1 — ", ""))

    def _saved(self, rows: list[dict[str, Any]]) -> None:
        self.error.clear()
        for r in rows:
            r["line"] = len(self.model.rows) + 1
            self.model.beginInsertRows(self.model.index(0, 0).parent(), len(self.model.rows), len(self.model.rows))
            self.model.rows.append(r)
            self.model.endInsertRows()
        self._count()
        self.name.clear()
        self.age.setCurrentIndex(0)
        self.name.setFocus()
        self.added.emit(len(self.model.rows))
