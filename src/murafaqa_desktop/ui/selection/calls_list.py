"""The calls for applications, the latest closing first: title, tranche and
phase, dates, the regions covered with their places, and the applications
received. Enter or a double click opens a call."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ... import assets
from ...domain.calls import Call
from ...services import calls
from ..kit.i18n import FollowsLanguage, lang
from ..kit.rows_model import Column, RowsModel
from ..kit.tasks import Tasks
from ..kit.widgets import row_keys, table_view


def call_row(call: Call, received: int) -> dict[str, Any]:
    return {"id": call.id, "title": call.title, "tranche": call.tranche, "phase": call.phase,
            "opens_on": call.opens_on.isoformat() if call.opens_on else "",
            "closes_on": call.closes_on.isoformat(), "reference_date": call.reference_date.isoformat(),
            "places": dict(call.places), "received": received}


def places_text(places: dict[str, int]) -> str:
    """"Fès-Meknès 35 · Laâyoune-Sakia El Hamra 40"."""
    regions = assets.reference().regions
    return " · ".join(f"{regions[c].name(lang()) if c in regions else c} {n}" for c, n in sorted(places.items()))


class CallsList(FollowsLanguage, QWidget):
    open_requested = Signal(str)
    new_requested = Signal()
    loaded = Signal()

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._open_current)
        self.empty = QLabel()
        self.model = RowsModel([
            Column(lambda: self.tr("Call"), lambda r: r["title"]),
            Column(lambda: self.tr("Tranche / phase"), lambda r: f"{r['tranche']} / {r['phase']}", ltr=True),
            Column(lambda: self.tr("Opens"), lambda r: r["opens_on"]),
            Column(lambda: self.tr("Closes"), lambda r: r["closes_on"]),
            Column(lambda: self.tr("Eligibility judged on"), lambda r: r["reference_date"]),
            Column(lambda: self.tr("Applications"), lambda r: r["received"]),
            Column(lambda: self.tr("Regions and places"), lambda r: places_text(r["places"])),
        ], parent=self)
        self.table = table_view(self.model)
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        row_keys(self.table, self._open_current, lambda: None)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Calls for applications"))
        self.new_button.setText(self.tr("New call…"))
        self.open_button.setText(self.tr("Open the call"))
        self.empty.setText(self.tr("No call yet: a coordinator creates one with “New call…”."))
        self.model.retranslate()

    def refresh(self) -> None:
        def job(db: Any) -> list[dict[str, Any]]:
            return [call_row(call, sum(r.received for r in calls.region_counts(db, call.id)))
                    for call in calls.list_calls(db)]

        self.tasks.run(job, self._show)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.loaded.emit()

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.model.rows):
            self.open_requested.emit(self.model.rows[row]["id"])

    def _open_current(self) -> None:
        self._open(self.table.currentIndex().row())
