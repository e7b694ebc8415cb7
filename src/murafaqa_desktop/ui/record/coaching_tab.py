"""The Coaching tab: "n / 12" progress, the two-year window, the overdue
mark, the sessions so far and the form for the next one."""
from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QScrollArea, QTableView, QVBoxLayout, QWidget

from ...domain.coaching import MAX_SESSIONS
from ...domain.entities import COACHING_SESSION
from ...domain.vocab import ACTION_AXES, label
from ..kit.i18n import lang, locale, of_twelve
from ..kit.rows_model import Column, RowsModel
from ..kit.tasks import Tasks
from ..kit.widgets import table_view
from .session_form import SessionForm


def _topics(row: dict[str, Any]) -> str:
    try:
        items = json.loads(row.get("topics") or "[]")
    except ValueError:
        return str(row.get("topics"))
    return " · ".join(f"{label(ACTION_AXES, i.get('axis'), lang())}: {i.get('text', '')}" for i in items)


class CoachingTab(QWidget):
    changed = Signal()

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress = QProgressBar()
        self.progress.setRange(0, MAX_SESSIONS)
        self.progress.setMinimumWidth(220)
        self.progress.setMaximumWidth(320)
        self.window_label = QLabel()
        self.overdue_label = QLabel()
        self.overdue_label.setStyleSheet("color: #b3261e; font-weight: bold;")
        f = COACHING_SESSION.field
        self.sessions = RowsModel([
            Column(lambda: f("number").label(lang()), lambda r: r["number"]),
            Column(lambda: f("held_on").label(lang()), lambda r: r["held_on"]),
            Column(lambda: f("duration_minutes").label(lang()), lambda r: r["duration_minutes"]),
            Column(lambda: f("place").label(lang()), lambda r: r["place"]),
            Column(lambda: f("topics").label(lang()), _topics),
            Column(lambda: f("next_date").label(lang()), lambda r: r["next_date"]),
        ], parent=self)
        self.table: QTableView = table_view(self.sessions, stretch=4)
        self.table.setMinimumHeight(190)
        self.form = SessionForm(tasks)
        self.form.saved.connect(self.changed)
        self.full_label = QLabel()
        self.full_label.setWordWrap(True)
        self.full_label.hide()
        top = QHBoxLayout()
        top.addWidget(self.progress)
        top.addWidget(self.window_label, 1)
        top.addWidget(self.overdue_label)
        inner = QWidget()
        box = QVBoxLayout(inner)
        box.addLayout(top)
        box.addWidget(self.table)
        box.addWidget(self.full_label)
        box.addWidget(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._file: dict[str, Any] | None = None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.sessions.retranslate()
            self.progress.setFormat(of_twelve(self.progress.value()))
            if self._file:
                self._labels(self._file)
        super().changeEvent(event)

    def show_file(self, file: dict[str, Any], title: str) -> None:
        self._file = file
        sessions = file["coaching"]["sessions"]
        self.sessions.set_rows(sessions)
        self.progress.setValue(len(sessions))
        self.progress.setFormat(of_twelve(len(sessions)))
        self.form.show_cooperative(file["cooperative"]["id"], title.lstrip("\u200e\u200f"), sessions, file["plan"])
        self._labels(file)

    def _labels(self, file: dict[str, Any]) -> None:
        prog = file["coaching"]["progress"]
        loc = locale()
        if prog["first"]:
            self.window_label.setText(QCoreApplication.translate("CoachingTab", "Two-year window: %1 → %2")
                                      .replace("%1", prog["first"]).replace("%2", prog["window_end"]))
        else:
            self.window_label.setText(QCoreApplication.translate("CoachingTab", "Coaching has not started yet."))
        if prog["overdue"]:
            self.overdue_label.setText(QCoreApplication.translate("CoachingTab", "Overdue by %1 days (due %2)")
                                       .replace("%1", loc.toString(prog["overdue_days"]))
                                       .replace("%2", prog["next_due"]))
        elif prog["next_due"]:
            self.overdue_label.setText("")
            due = QCoreApplication.translate("CoachingTab", "next session due %1").replace("%1", prog["next_due"])
            self.window_label.setText(self.window_label.text() + " · " + due)
        else:
            self.overdue_label.setText("")
        self.progress.setToolTip(QCoreApplication.translate("CoachingTab", "%1 sessions of 12 done")
                                 .replace("%1", loc.toString(prog["done"])))
        full = prog["done"] >= MAX_SESSIONS
        self.full_label.setVisible(full)
        self.full_label.setText(QCoreApplication.translate(
            "CoachingTab", "All 12 sessions are recorded: the programme plans no 13th session."))
