"""One call's page: the counts per region (received, complete, eligible,
rated, retained of the places), the applications with their filters, the
ranking of a region with the places line drawn across it, the file of the
chosen application rated in place beside them, the committee's decisions,
the committee's rating grid (export, import) and the three documents.

Everything is read on the worker (``services.calls.ranking`` ranks the call
once per refresh) and filtered here."""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ... import assets
from ...domain.calls import Call, RankedApplication
from ...domain.errors import DomainError
from ...domain.vocab import CALL_DECISIONS, label
from ...services import calls
from ..kit.i18n import FollowsLanguage, lang
from ..kit.rows_model import Column, RowsModel
from ..kit.tasks import Tasks
from ..kit.widgets import select_row, table_view
from .applications_table_model import UNDECIDED, ApplicationFilter, ApplicationsTableModel
from .places_line_delegate import PlacesLineDelegate
from .ranking_table_model import RankingTableModel
from .rating_panel import RatingPanel

# Who decides: a coordinator or an admin (an unenrolled laptop is its user's own).
DECIDERS = frozenset({"coordinator", "admin", None})


class CallPage(FollowsLanguage, QWidget):
    back_requested = Signal()
    loaded = Signal()

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.call: Call | None = None
        self.ranking: list[RankedApplication] = []
        self.role: str | None = None
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back_requested)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.facts = QLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.counts = RowsModel([
            Column(lambda: self.tr("Region"), lambda r: r["name"]),
            Column(lambda: self.tr("Received"), lambda r: r["received"]),
            Column(lambda: self.tr("Complete"), lambda r: r["complete"]),
            Column(lambda: self.tr("Eligible"), lambda r: r["eligible"]),
            Column(lambda: self.tr("Rated"), lambda r: r["rated"]),
            Column(lambda: self.tr("Retained / places"), lambda r: f"{r['retained']} / {r['places']}", ltr=True),
        ], parent=self)
        self.counts_view = table_view(self.counts, stretch=0)

        # applications, filtered
        self.applications = ApplicationsTableModel(self)
        self.applications_view = table_view(self.applications)
        names = self.applications_view.horizontalHeader()
        names.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)  # the name: wide, not the whole table
        names.resizeSection(1, 220)
        self.filter_labels: list[QLabel] = []
        self.filters: dict[str, QComboBox] = {name: QComboBox() for name in
                                              ("region", "complete", "eligible", "rated", "decision")}
        filters_row = QHBoxLayout()
        for combo in self.filters.values():
            caption = QLabel()
            caption.setBuddy(combo)
            self.filter_labels.append(caption)
            filters_row.addWidget(caption)
            filters_row.addWidget(combo)
            combo.currentIndexChanged.connect(self._filter_changed)
        filters_row.addStretch(1)
        self.shown_count = QLabel()
        applications_tab = QWidget()
        box = QVBoxLayout(applications_tab)
        box.addLayout(filters_row)
        box.addWidget(self.applications_view, 1)
        box.addWidget(self.shown_count)

        # the ranking of one region, its places line drawn across
        self.ranking_model = RankingTableModel(self)
        self.ranking_view = table_view(self.ranking_model, stretch=2)
        self.ranking_view.setItemDelegate(PlacesLineDelegate(self.ranking_view))
        self.ranking_region = QComboBox()
        self.ranking_region.currentIndexChanged.connect(self._show_ranking)
        self.ranking_caption = QLabel()
        self.ranking_caption.setBuddy(self.ranking_region)
        self.ranking_legend = QLabel()
        self.ranking_legend.setWordWrap(True)
        ranking_tab = QWidget()
        box = QVBoxLayout(ranking_tab)
        top = QHBoxLayout()
        top.addWidget(self.ranking_caption)
        top.addWidget(self.ranking_region)
        top.addStretch(1)
        box.addLayout(top)
        box.addWidget(self.ranking_view, 1)
        box.addWidget(self.ranking_legend)

        self.tabs = QTabWidget()
        self.tabs.addTab(applications_tab, "")
        self.tabs.addTab(ranking_tab, "")
        self.tabs.currentChanged.connect(lambda _i: self._current_changed())

        self.rating = RatingPanel(tasks)
        self.rating.saved.connect(lambda _id: self.refresh())
        side = QScrollArea()
        side.setWidgetResizable(True)
        side.setWidget(self.rating)
        side.setMinimumWidth(360)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tabs)
        split.addWidget(side)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)

        self.decide_button = QPushButton()
        self.decide_button.clicked.connect(self.decide_current)
        self.apply_button = QPushButton()
        self.apply_button.clicked.connect(self.new_application)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_grid)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.import_grid)
        self.print_buttons = {kind: QPushButton() for kind in ("ranking", "minutes", "letters")}
        for kind, button in self.print_buttons.items():
            button.clicked.connect(lambda _c=False, k=kind: self.print_document(k))
        for view in (self.applications_view, self.ranking_view):
            view.selectionModel().currentRowChanged.connect(lambda _a, _b: self._current_changed())
            view.doubleClicked.connect(lambda _i: self.decide_current())

        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.heading, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.apply_button)
        actions.addWidget(self.decide_button)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        actions.addWidget(self.import_button)
        for button in self.print_buttons.values():
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.facts)
        layout.addWidget(self.counts_view)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addLayout(actions)
        self.retranslate()

    # -- texts ------------------------------------------------------------
    def retranslate(self) -> None:
        self.back_button.setText(self.tr("← Calls"))
        self.tabs.setTabText(0, self.tr("Applications"))
        self.tabs.setTabText(1, self.tr("Ranking"))
        for caption, text in zip(self.filter_labels, (self.tr("Region:"), self.tr("Complete:"),
                                                      self.tr("Eligible:"), self.tr("Rated:"),
                                                      self.tr("Decision:"))):
            caption.setText(text)
        self.ranking_caption.setText(self.tr("Region:"))
        self.ranking_legend.setText(self.tr(
            "The line across the ranking marks the places: above it the proposed applications, below it the "
            "waiting list in order. Equal scores share a rank; the order among them is the share of women and "
            "young people, then the earlier received date, then the registration number."))
        self.decide_button.setText(self.tr("Decide…"))
        self.apply_button.setText(self.tr("New application…"))
        self.export_button.setText(self.tr("Export the rating grid…"))
        self.import_button.setText(self.tr("Import the rating grid…"))
        self.print_buttons["ranking"].setText(self.tr("Print the ranking"))
        self.print_buttons["minutes"].setText(self.tr("Print the minutes"))
        self.print_buttons["letters"].setText(self.tr("Print the letters"))
        self._fill_filters()
        self.counts.retranslate()
        self.applications.retranslate()
        self.ranking_model.retranslate()
        self._texts()

    def _fill_filters(self) -> None:
        """The filters' choices in the interface's language, each keeping its value."""
        yes, no, every = self.tr("yes"), self.tr("no"), self.tr("all")
        regions = assets.reference().regions
        codes = sorted(self.call.places) if self.call else []
        choices: dict[str, list[tuple[str, Any]]] = {
            "region": [(every, None)] + [(regions[c].name(lang()) if c in regions else c, c) for c in codes],
            "complete": [(every, None), (yes, True), (no, False), (self.tr("not checked"), "unchecked")],
            "eligible": [(every, None), (yes, True), (no, False)],
            "rated": [(every, None), (yes, True), (no, False)],
            "decision": [(every, None), (self.tr("not decided"), UNDECIDED)]
                        + [(label(CALL_DECISIONS, c, lang()), c) for c in CALL_DECISIONS],
        }
        for name, combo in self.filters.items():
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, value in choices[name]:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        current = self.ranking_region.currentData()
        self.ranking_region.blockSignals(True)
        self.ranking_region.clear()
        for text, value in choices["region"][1:]:
            self.ranking_region.addItem(text, value)
        self.ranking_region.setCurrentIndex(max(0, self.ranking_region.findData(current)))
        self.ranking_region.blockSignals(False)

    def _texts(self) -> None:
        call = self.call
        if call is None:
            self.heading.setText("")
            self.facts.setText("")
            return
        self.heading.setText(call.title or self.tr("Call of tranche %1, phase %2").replace(
            "%1", str(call.tranche)).replace("%2", str(call.phase)))
        def iso(day: dt.date) -> str:  # isolated left to right: a date keeps its order in Arabic
            return f"\u2066{day.isoformat()}\u2069"

        self.facts.setText(self.tr("Tranche %1, phase %2 · closes %3 · eligibility judged on %4").replace(
            "%1", str(call.tranche)).replace("%2", str(call.phase)).replace(
            "%3", iso(call.closes_on)).replace("%4", iso(call.reference_date)))
        self.shown_count.setText(self.tr("%1 of %2 applications shown").replace(
            "%1", str(self.applications.rowCount())).replace("%2", str(len(self.ranking))))

    # -- data -------------------------------------------------------------
    def open(self, call_id: str) -> None:
        if self.call is None or self.call.id != call_id:
            self.call = None
            self.rating.show_application(None)
        self._load(call_id)

    def refresh(self) -> None:
        if self.call is not None:
            self._load(self.call.id)

    def _load(self, call_id: str) -> None:
        language = lang()

        def job(db: Any) -> tuple[Call, list[RankedApplication], list[calls.RegionCounts], str | None]:
            from ...store import sync_state

            role = sync_state.get(db, "role") if sync_state.get(db, "token") else None
            return (calls.get_call(db, call_id), calls.ranking(db, call_id, lang=language),
                    calls.region_counts(db, call_id), role)

        self.tasks.run(job, lambda found: self._show(*found), self._failed)

    def _failed(self, error: DomainError) -> None:
        self.status.setText(error.message(lang()))

    def _show(self, call: Call, ranking: list[RankedApplication], counts: list[calls.RegionCounts],
              role: str | None) -> None:
        selected = self.current_application()
        new_call = self.call is None or self.call.id != call.id
        self.call, self.ranking, self.role = call, ranking, role
        regions = assets.reference().regions
        names = {c: regions[c].name(lang()) if c in regions else c
                 for c in {*call.places, *(r.region for r in ranking)}}
        self.counts.set_rows([{"name": names.get(c.region, c.region), "received": c.received, "complete": c.complete,
                               "eligible": c.eligible, "rated": c.rated, "retained": c.retained,
                               "places": c.places} for c in counts])
        view = self.counts_view  # as tall as its rows: the lists below get the room
        view.setFixedHeight(view.horizontalHeader().height() + 2 * view.frameWidth()
                            + sum(view.rowHeight(i) for i in range(self.counts.rowCount())) + 2)
        if new_call:
            self._fill_filters()
        self.applications.set_rows(ranking, names)
        self._show_ranking()
        self._texts()
        allowed = role in DECIDERS
        self.decide_button.setEnabled(allowed)
        self.decide_button.setToolTip("" if allowed else self.tr("Only a coordinator or an administrator decides."))
        if selected is not None:
            self.select_application(selected.application_id)
        self.loaded.emit()

    def _filter_changed(self) -> None:
        f = self.filters
        self.applications.set_filter(ApplicationFilter(
            region=f["region"].currentData(), complete=f["complete"].currentData(),
            eligible=f["eligible"].currentData(), rated=f["rated"].currentData(),
            decision=f["decision"].currentData()))
        self._texts()

    def _show_ranking(self) -> None:
        region = self.ranking_region.currentData()
        if self.call is None or region is None:
            self.ranking_model.set_rows([], 0)
            return
        self.ranking_model.set_rows([r for r in self.ranking if r.region == region], self.call.places.get(region, 0))

    # -- the chosen application -----------------------------------------------
    def _view(self) -> QTableView:
        return self.applications_view if self.tabs.currentIndex() == 0 else self.ranking_view

    def current_application(self) -> RankedApplication | None:
        view = self._view()
        row = view.currentIndex().row()
        model = self.applications if view is self.applications_view else self.ranking_model
        return model.application(row) if 0 <= row < model.rowCount() else None

    def select_application(self, application_id: str) -> None:
        view = self._view()
        model = self.applications if view is self.applications_view else self.ranking_model
        row = model.row_of(application_id)
        if row >= 0:
            select_row(view, row)

    def _current_changed(self) -> None:
        item = self.current_application()
        if item is None or item.application_id != self.rating.application_id:
            self.rating.show_application(item)

    # -- decisions -------------------------------------------------------------
    def decide_current(self, _index: QModelIndex | None = None) -> None:
        from .decision_dialog import DecisionDialog

        item = self.current_application()
        if item is None or self.call is None or self.role not in DECIDERS:
            return
        dialog = DecisionDialog(self.tasks, self.call.id, item, self)
        dialog.decided.connect(lambda _item: self.refresh())
        self.decision_dialog = dialog  # tests answer it
        dialog.open()

    def new_application(self) -> None:
        from .application_dialog import ApplicationDialog

        if self.call is None:
            return
        dialog = ApplicationDialog(self.tasks, self.call.id, self)
        dialog.recorded.connect(lambda _id: self.refresh())
        self.application_dialog = dialog  # tests answer it
        dialog.open()

    # -- the committee's rating grid ---------------------------------------------
    def _region_shown(self) -> str | None:
        if self.tabs.currentIndex() == 1:
            region: str | None = self.ranking_region.currentData()
        else:
            region = self.filters["region"].currentData()
        return region

    def export_grid(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if self.call is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the rating grid"),
                                              f"grille-{self.call.tranche}-{self.call.phase}.xlsx",
                                              self.tr("Excel workbooks (*.xlsx)"))
        if name:
            self.export_grid_to(name)

    def export_grid_to(self, path: str) -> None:
        """The grid of the call (of the region shown, if one is), its titles
        in the interface's language."""
        assert self.call is not None
        call_id, region, language = self.call.id, self._region_shown(), lang()

        def job(db: Any) -> int:
            from ...services import grid

            return grid.export_grid(db, call_id, path, lang=language, region=region)

        self.tasks.run(job, lambda rows: self.status.setText(
            self.tr("%n application(s) written to the grid %1", "", rows).replace("%1", path)), self._failed)

    def import_grid(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if self.call is None:
            return
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import the rating grid"), "",
                                              self.tr("Rating grids (*.xlsx *.csv)"))
        if name:
            self.import_grid_from(name)

    def import_grid_from(self, path: str) -> None:
        """All rows or none: a refused grid says each bad row on its line."""
        assert self.call is not None
        call_id, language = self.call.id, lang()

        def job(db: Any) -> Any:
            from ...services import grid

            return grid.import_grid(db, call_id, path, lang=language)

        def done(report: Any) -> None:
            self.status.setText(self.tr("Grid imported: %n application(s) changed", "", report.updated))
            self.refresh()

        def refused(error: DomainError) -> None:
            lines = [error.message(lang()), *getattr(getattr(error, "report", None), "errors", [])]
            self.status.setText("\n".join(lines[:12]) + ("\n…" if len(lines) > 12 else ""))

        self.tasks.run(job, done, refused)

    # -- documents ---------------------------------------------------------------
    def print_document(self, kind: str) -> None:
        from ..printing.preview import PrintPreviewDialog

        if self.call is None:
            return
        region = self._region_shown()
        call_id = self.call.id
        if kind != "letters":
            dialog = PrintPreviewDialog(self.tasks.db_path, kind, [call_id], lang(), self, ui_lang=lang(),
                                        region=region)
            self._preview(dialog)
            return

        def job(db: Any) -> list[str]:
            from ...reports.documents import letter_keys

            return letter_keys(db, call_id, region)

        def ready(keys: list[str]) -> None:
            self._preview(PrintPreviewDialog(self.tasks.db_path, "letters", keys, lang(), self, ui_lang=lang(),
                                             cache={}))

        self.tasks.run(job, ready, self._failed)

    def _preview(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview = dialog  # tests look at it
        dialog.open()
