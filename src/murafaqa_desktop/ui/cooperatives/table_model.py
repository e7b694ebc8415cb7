"""The cooperatives list as a Qt table model over the store.

Rows arrive a page at a time (``canFetchMore``/``fetchMore``), so 60,000
cooperatives never become 60,000 rows in memory or widgets. Queries run on
the worker (``Tasks``); while one is running, newer filters replace each
other and only the latest is queried next: typing fast never queues a
backlog of stale searches.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ... import assets
from ...domain.vocab import PROGRAMME_STATUS, label
from ..kit.i18n import lang, of_twelve
from ..kit.tasks import Tasks

FIRST_PAGE = 60  # a search shows a screenful (a tall screen's) at once: fewer rows read on each keystroke
PAGE = 200  # then the rest as the list is scrolled
COLUMNS = ("registration_number", "name", "region", "tranche", "status", "coach", "eligible", "sessions", "next_due")
SORT_KEYS = {"registration_number": "registration_number", "name": "name_ar", "region": "region",
             "tranche": "tranche", "status": "status", "coach": "coach", "sessions": "sessions",
             "next_due": "next_due"}
SELECT = ("c.id, c.registration_number, c.name_ar, c.name_fr, c.region, c.tranche, c.phase, c.status, c.coach, "
          "c.legal_date, c.activity_start, c.application_date, coalesce(p.done, 0) AS sessions_done, p.next_due")
OVERDUE = QColor("#b3261e")
# What a row's cells depend on: the columns SELECT reads.
_CONTENT = ("id", "registration_number", "name_ar", "name_fr", "region", "tranche", "phase", "status", "coach",
            "legal_date", "activity_start", "application_date", "sessions_done", "next_due")
SEEN_LIMIT = 5000  # rows' cells kept across searches
CLOSED = frozenset({"withdrawn", "rejected", "completed"})  # no longer late for anything
_Index = QModelIndex | QPersistentModelIndex
FILTERS = ("text", "region", "province", "tranche", "phase", "status", "coach", "eligible", "overdue")

if TYPE_CHECKING:
    import datetime as dt

    from sqlite_utils import Database

    from ...domain.eligibility import Eligibility
    from ...store.cooperatives import CooperativeFilter


def _filter(values: dict[str, Any]) -> CooperativeFilter:
    """A store filter; the store is imported on first use (on the worker:
    startup stays light), as the jobs below import theirs."""
    from ...store.cooperatives import CooperativeFilter

    return CooperativeFilter(**values)


def _header(name: str) -> str:
    """A column's title. The interface's own strings, not the domain's field
    labels: the titles are painted in the first frame, before the domain
    modules load (region, tranche and coach read as the fields' labels do,
    which a test checks)."""
    from PySide6.QtCore import QCoreApplication

    return {"registration_number": QCoreApplication.translate("CooperativeTableModel", "Registration no."),
            "name": QCoreApplication.translate("CooperativeTableModel", "Name"),
            "region": QCoreApplication.translate("CooperativeTableModel", "Region"),
            "tranche": QCoreApplication.translate("CooperativeTableModel", "Tranche"),
            "status": QCoreApplication.translate("CooperativeTableModel", "Status"),
            "coach": QCoreApplication.translate("CooperativeTableModel", "Coach"),
            "eligible": QCoreApplication.translate("CooperativeTableModel", "Eligible"),
            "sessions": QCoreApplication.translate("CooperativeTableModel", "Sessions"),
            "next_due": QCoreApplication.translate("CooperativeTableModel", "Next session")}[name]


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_USER = int(Qt.ItemDataRole.UserRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_CENTRED = int(Qt.AlignmentFlag.AlignCenter)
_CENTRED_COLUMNS = frozenset({"tranche", "sessions", "eligible"})
# One painted cell: its text, its colour (None: the palette's) and alignment (None: the default).
Cell = tuple[str, QBrush | None, int | None]


class CooperativeTableModel(QAbstractTableModel):
    """``loaded`` fires when the first page of a new filter or sort is in."""

    loaded = Signal(int)

    def __init__(self, tasks: Tasks, parent: Any = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.filters: dict[str, Any] = {}
        self.sort_key, self.descending = "registration_number", False
        self.rows: list[dict[str, Any]] = []
        self.total = 0
        self._generation = 0
        self._in_flight = False
        self._wanted: tuple[int, dict[str, Any], str, bool] | None = None
        self._fetching = False
        self._today: dt.date | None = None
        self._eligible: dict[str, Eligibility] = {}
        self._texts_key = ""  # the language the cached row texts are in
        # A row's cells by language and content: refining a search ("تع",
        # "تعا", …) brings back mostly the same cooperatives, as new rows.
        self._seen: dict[tuple[Any, ...], tuple[Cell, ...]] = {}

    @property
    def today(self) -> dt.date:
        """The day "overdue" and eligibility are read against: taken when the
        first rows come (datetime loads then, not with the window)."""
        if self._today is None:
            import datetime

            self._today = datetime.date.today()
        return self._today

    # -- loading ----------------------------------------------------------
    @property
    def filter(self) -> CooperativeFilter:
        return _filter(self.filters)

    def set_filter(self, f: CooperativeFilter | dict[str, Any]) -> None:
        values = f if isinstance(f, dict) else {name: getattr(f, name) for name in FILTERS}
        self.filters = {k: v for k, v in values.items() if v is not None}
        self.reload()

    def update_filter(self, **changes: Any) -> None:
        self.set_filter({**self.filters, **changes})

    def set_text(self, text: str) -> None:
        self.update_filter(text=text.strip() or None)

    def reload(self) -> None:
        self._generation += 1
        self._wanted = (self._generation, dict(self.filters), self.sort_key, self.descending)
        if not self._in_flight:
            self._start()

    def _start(self) -> None:
        assert self._wanted is not None
        generation, filters, sort, desc = self._wanted
        self._wanted = None
        self._in_flight = True

        def job(db: Database) -> tuple[int, list[dict[str, Any]]]:
            from ...store import cooperative_list

            f = _filter(filters)
            return (cooperative_list.count(db, f),
                    cooperative_list.first_page(db, f, sort=sort, descending=desc, limit=FIRST_PAGE, columns=SELECT))

        self.tasks.run(job, lambda result: self._first_page(generation, result), self._failed)

    def _failed(self, error: Exception) -> None:
        self._in_flight = False
        self.tasks.reporter.report(error)

    def _first_page(self, generation: int, result: tuple[int, list[dict[str, Any]]]) -> None:
        self._in_flight = False
        if self._wanted is not None:  # a newer filter arrived meanwhile: query that one
            self._start()
            return
        if generation != self._generation:
            return
        self.beginResetModel()
        self.total, self.rows = result
        self._eligible.clear()
        self._fetching = False
        self.endResetModel()
        self.loaded.emit(self.total)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._fetching and len(self.rows) < self.total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:
        if parent.isValid() or self._fetching:
            return
        self._fetching = True
        generation, filters, sort, desc, offset = (self._generation, dict(self.filters), self.sort_key,
                                                   self.descending, len(self.rows))

        def job(db: Database) -> list[dict[str, Any]]:
            from ...store import cooperative_list

            return cooperative_list.first_page(db, _filter(filters), sort=sort, descending=desc,
                                               offset=offset, limit=PAGE, columns=SELECT)

        self.tasks.run(job, lambda rows: self._more(generation, offset, rows))

    def _more(self, generation: int, offset: int, rows: list[dict[str, Any]]) -> None:
        if generation != self._generation:
            return  # a new filter took over; its first page resets the fetching state
        self._fetching = False
        if offset != len(self.rows):
            return
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    # -- the model --------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _header(COLUMNS[section])
        return None

    def eligibility(self, row: dict[str, Any]) -> Eligibility:
        found = self._eligible.get(row["id"])
        if found is None:
            from ...domain.eligibility import assess  # with the first rows, after the first frame
            from ...domain.schema import as_date

            when = as_date(row.get("application_date")) or self.today
            found = assess(as_date(row.get("legal_date")), as_date(row.get("activity_start")), when)
            self._eligible[row["id"]] = found
        return found

    def _cells(self, row: dict[str, Any]) -> tuple[Cell, ...]:
        """What a row shows, worked out once per language (a view asks for it
        on every paint, and repaints on every keystroke)."""
        cached = row.get("_cells")
        if cached is None or cached[0] != self._texts_key:
            key = (self._texts_key, *(row[c] for c in _CONTENT))
            cells = self._seen.get(key)
            if cells is None:
                if len(self._seen) >= SEEN_LIMIT:
                    self._seen.clear()
                cells = self._seen[key] = tuple(self._cell(row, c) for c in COLUMNS)
            cached = row["_cells"] = (self._texts_key, cells)
        return cached[1]

    def _cell(self, row: dict[str, Any], column: str) -> Cell:
        ineligible = column == "eligible" and not self.eligibility(row).eligible
        overdue = (column == "next_due" and row["next_due"] and row["next_due"] < self.today.isoformat()
                   and row["status"] not in CLOSED)
        brush = QBrush(OVERDUE) if ineligible or overdue else None
        return str(self._display(row, column)), brush, _CENTRED if column in _CENTRED_COLUMNS else None

    def cell(self, row: int, column: int) -> Cell:
        """A painted cell in one call (the list's delegate draws from this)."""
        return self._cells(self.rows[row])[column]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        role = int(role)
        row = self.rows[index.row()]
        if role == _USER:
            return row["id"]
        if role == _TOOLTIP:
            if COLUMNS[index.column()] != "eligible":
                return None
            return "\n".join(r.message(lang()) for r in self.eligibility(row).reasons) or None
        if role in (_DISPLAY, _FOREGROUND, _ALIGNMENT):
            text, brush, alignment = self._cells(row)[index.column()]
            return text if role == _DISPLAY else brush if role == _FOREGROUND else alignment
        return None

    def _display(self, row: dict[str, Any], column: str) -> Any:
        from PySide6.QtCore import QCoreApplication

        if column == "name":
            first, second = ("name_ar", "name_fr") if lang() == "ar" else ("name_fr", "name_ar")
            return row[first] or row[second] or ""
        if column == "region":
            place = assets.reference().regions.get(row["region"])
            return place.name(lang()) if place else row["region"]
        if column == "tranche":
            return f"{row['tranche'] or '–'}" + (f" · {row['phase']}" if row["phase"] else "")
        if column == "status":
            return label(PROGRAMME_STATUS, row["status"], lang())
        if column == "eligible":
            return (QCoreApplication.translate("CooperativeTableModel", "yes") if self.eligibility(row).eligible
                    else QCoreApplication.translate("CooperativeTableModel", "no"))
        if column == "sessions":
            return of_twelve(row["sessions_done"])
        if column == "next_due":
            return row["next_due"] or ""
        return row.get(column) or ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(COLUMNS[column])
        if key is None:
            return
        if key == "name_ar" and lang() == "fr":
            key = "name_fr"
        self.sort_key, self.descending = key, order == Qt.SortOrder.DescendingOrder
        self.reload()

    def retranslate(self) -> None:
        self._texts_key = lang()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))

    def row_id(self, row: int) -> str:
        coop_id: str = self.rows[row]["id"]
        return coop_id
