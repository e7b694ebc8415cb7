"""The cooperatives screen: search as you type, filters, sortable list, counts."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ... import assets
from ...domain.vocab import PROGRAMME_STATUS, label
from ..kit.i18n import FollowsLanguage, lang, locale
from ..kit.tasks import Tasks
from .table_model import CooperativeTableModel

# The filters the list's own widgets show (search box, combos, check box).
_SHOWN = frozenset({"text", "region", "tranche", "status", "eligible", "overdue"})


class CooperativeList(FollowsLanguage, QWidget):
    open_requested = Signal(str)
    new_requested = Signal()

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CooperativeTableModel(tasks, self)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.model.set_text)
        self.region = QComboBox()
        self.tranche = QComboBox()
        self.status = QComboBox()
        self.eligible = QComboBox()
        self.overdue = QCheckBox()
        for combo in (self.region, self.tranche, self.status, self.eligible):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.overdue.toggled.connect(self._filters_changed)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_requested)
        self.count = QLabel()
        # A filter the combos cannot show (a stage, a province, a coach…), set
        # by a figure of the dashboard: said above the list, with a way out.
        self.extra = QLabel()
        self.extra.setWordWrap(True)
        self.clear_extra = QPushButton()
        self.clear_extra.clicked.connect(self.clear_extra_filters)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.model.modelReset.connect(self._use_cell_delegate)
        self._places = False  # the region filter's choices come after the first frame
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)  # one line per cooperative; wrapping costs a text layout per cell
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 120), (2, 150), (3, 60), (4, 150), (5, 125), (6, 65), (7, 70), (8, 130)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(lambda index: self.open_requested.emit(self.model.row_id(index.row())))
        self.model.loaded.connect(self._show_count)
        self.model.modelReset.connect(self._stretch_name)
        self.model.rowsInserted.connect(lambda *_: self._show_count(self.model.total))

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        for w in (self.region, self.tranche, self.status, self.eligible):
            filters.addWidget(w, 1)
        filters.addWidget(self.overdue)
        filters.addStretch(0)
        extra = QHBoxLayout()
        extra.addWidget(self.extra, 1)
        extra.addWidget(self.clear_extra)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addLayout(extra)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.retranslate()
        self._show_extra()
        self.model.reload()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search by name, registration number, president, commune…"))
        self.new_button.setText(self.tr("New cooperative"))
        self.overdue.setText(self.tr("Overdue coaching only"))
        self._fill(self.region, self.tr("All regions"), self._regions())
        self._fill(self.tranche, self.tr("All tranches"),
                   [(f"{t}", self.tr("Tranche %1").replace("%1", locale().toString(t))) for t in (1, 2, 3, 4)])
        self._fill(self.status, self.tr("Every status"),
                   [(c, label(PROGRAMME_STATUS, c, lang())) for c in PROGRAMME_STATUS])
        self._fill(self.eligible, self.tr("Eligible or not"),
                   [("1", self.tr("Eligible today")), ("0", self.tr("Not eligible today"))])
        self.clear_extra.setText(self.tr("Show every cooperative"))
        self.model.retranslate()
        self._show_count(self.model.total)
        self._show_extra()

    def load_places(self) -> None:
        """Give the region filter its choices. Until then (the first frame) it
        shows "All regions", and the reference data is not yet read."""
        self._places = True
        self._fill(self.region, self.tr("All regions"), self._regions())

    def _regions(self) -> list[tuple[str, str]]:
        if not self._places:
            return []
        return [(code, place.name(lang())) for code, place in assets.reference().regions.items()]

    def _use_cell_delegate(self) -> None:
        """The list's own delegate (texts shaped once and reused between
        searches), set with the first rows: the empty first frame paints no
        cell, so its painting classes load after it."""
        from .text_cell_delegate import TextCellDelegate

        self.model.modelReset.disconnect(self._use_cell_delegate)
        self.table.setItemDelegate(TextCellDelegate(self.model, self.table))

    def _fill(self, combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for code, text in items:
            combo.addItem(text, code)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def _filters_changed(self) -> None:
        tranche, eligible = self.tranche.currentData(), self.eligible.currentData()
        self.model.update_filter(
            region=self.region.currentData(), tranche=int(tranche) if tranche else None,
            status=self.status.currentData(), eligible=None if eligible is None else eligible == "1",
            overdue=True if self.overdue.isChecked() else None)

    def show_filter(self, filters: dict[str, Any]) -> None:
        """List exactly the cooperatives of a filter (fields of the store's
        ``CooperativeFilter``: a dashboard figure's), replacing the search and
        the filters shown; the combos show what they can, the line above the
        list the rest."""
        widgets = (self.search, self.region, self.tranche, self.status, self.eligible, self.overdue)
        for w in widgets:
            w.blockSignals(True)
        self.search.clear()
        self._choose(self.region, filters.get("region"))
        tranche = filters.get("tranche")
        self._choose(self.tranche, None if tranche is None else f"{tranche}")
        self._choose(self.status, filters.get("status"))
        eligible = filters.get("eligible")
        self._choose(self.eligible, None if eligible is None else ("1" if eligible else "0"))
        self.overdue.setChecked(bool(filters.get("overdue")))
        for w in widgets:
            w.blockSignals(False)
        self.model.set_filter(dict(filters))
        self._show_extra()

    def clear_extra_filters(self) -> None:
        """Drop what the combos do not show; keep the search and the combos' filters."""
        self.model.set_filter({k: v for k, v in self.model.filters.items() if k in _SHOWN})
        self._show_extra()

    @staticmethod
    def _choose(combo: QComboBox, code: str | None) -> None:
        if code is not None and combo.findData(code) < 0:
            combo.addItem(code, code)  # a region before the reference data is read: its code for now
        combo.setCurrentIndex(max(combo.findData(code), 0))

    def _show_extra(self) -> None:
        parts = [self._extra_text(name, value) for name, value in self.model.filters.items() if name not in _SHOWN]
        self.extra.setText(self.tr("Also filtered on: %1").replace("%1", " · ".join(parts)) if parts else "")
        self.extra.setVisible(bool(parts))
        self.clear_extra.setVisible(bool(parts))

    def _extra_text(self, name: str, value: Any) -> str:
        if name == "province":
            place = assets.reference().provinces.get(value)
            return place.name(lang()) if place else f"{value}"
        if name == "phase":
            return self.tr("phase %1").replace("%1", locale().toString(int(value)))
        if name == "coach":
            return self.tr("coach %1").replace("%1", f"{value}")
        if name == "stage":
            from ..kit.stages import stage_title  # a dashboard figure's stage, named as the dashboard names it

            return stage_title(value)
        return f"{value}"

    def _stretch_name(self) -> None:
        """A reset may forget per-section resize modes: the name takes the room left."""
        header = self.table.horizontalHeader()
        if header.sectionResizeMode(1) != QHeaderView.ResizeMode.Stretch:
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def _show_count(self, total: int) -> None:
        shown = locale().toString(len(self.model.rows))
        text = self.tr("%n cooperative(s)", "", total).replace(str(total), locale().toString(total))
        if len(self.model.rows) < total:
            text += " · " + self.tr("%1 loaded").replace("%1", shown)
        self.count.setText(text)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

