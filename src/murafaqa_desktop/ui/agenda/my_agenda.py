"""My agenda: coaching sessions overdue, due this week and coming next,
and the collective training sessions to come."""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QTableView, QVBoxLayout, QWidget

from ... import assets
from ...store import agenda
from ..kit.i18n import FollowsLanguage, lang, of_twelve
from ..kit.rows_model import Column, RowsModel
from ..kit.tasks import Tasks
from ..kit.widgets import table_view
from .titles import session_title


class AgendaView(FollowsLanguage, QWidget):
    open_requested = Signal(str)
    loaded = Signal()

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.groups: list[QGroupBox] = []
        self.models: list[RowsModel] = []
        self.views: list[QTableView] = []
        grid = QGridLayout()
        for i in range(4):
            model = self._coaching_model(overdue=i == 0) if i < 3 else RowsModel([
                Column(lambda: self.tr("Training session"), session_title),
                Column(lambda: "#", lambda r: r["participants"]),
            ], parent=self)
            view = table_view(model, stretch=1 if i < 3 else 0)
            if i < 3:
                view.activated.connect(lambda index, m=model: self.open_requested.emit(m.rows[index.row()]["id"]))
            group = QGroupBox()
            QVBoxLayout(group).addWidget(view)
            grid.addWidget(group, i // 2, i % 2)
            self.groups.append(group)
            self.models.append(model)
            self.views.append(view)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        self.retranslate()

    def _coaching_model(self, overdue: bool) -> RowsModel:
        ref = assets.reference()

        def name(r: dict[str, Any]) -> str:
            shown: str = (r["name_ar"] if lang() == "ar" else r["name_fr"]) or r["registration_number"]
            return shown

        return RowsModel([
            Column(lambda: self.tr("Due"), lambda r: r["next_due"]),
            Column(lambda: self.tr("Cooperative"), name),
            Column(lambda: self.tr("Region"),
                   lambda r: ref.regions[r["region"]].name(lang()) if r["region"] in ref.regions else r["region"]),
            Column(lambda: self.tr("Sessions"), lambda r: of_twelve(r["done"])),
        ], warn=(lambda _row: True) if overdue else None, parent=self)

    def retranslate(self) -> None:
        titles = (self.tr("Overdue coaching sessions"), self.tr("Due this week"), self.tr("Coming next (30 days)"),
                  self.tr("Training sessions to come"))
        for group, title, model in zip(self.groups, titles, self.models):
            group.setTitle(f"{title} ({len(model.rows)})")
            model.retranslate()

    def refresh(self, today: dt.date | None = None) -> None:
        day = today or dt.date.today()
        week_end = day + dt.timedelta(days=7 - day.weekday())

        def iso(d: dt.date) -> str:
            return d.isoformat()

        def job(db: Any) -> list[list[dict[str, Any]]]:
            return [agenda.coaching_due(db, None, iso(day)),
                    agenda.coaching_due(db, iso(day), iso(week_end)),
                    agenda.coaching_due(db, iso(week_end), iso(day + dt.timedelta(days=30))),
                    agenda.trainings_from(db, iso(day))]

        self.tasks.run(job, self._show)

    def _show(self, lists: list[list[dict[str, Any]]]) -> None:
        for model, rows in zip(self.models, lists):
            model.set_rows(rows)
        self.retranslate()
        self.loaded.emit()

    def view(self, i: int) -> QTableView:
        return self.views[i]
