"""A call's applications as a table, filtered the way a coordinator sorts
the files on the desk: by region, complete or not, eligible or not, rated or
not, and by the committee's decision.

The rows are ``domain.calls.RankedApplication``s of the whole call (the
service ranks them on the worker); filtering is done here, on the main
thread, so that changing a filter costs no query.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.calls import RankedApplication
from ...domain.vocab import CALL_DECISIONS, label
from ..kit.i18n import lang, locale
from ..kit.rows_model import TableOfRows

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("registration_number", "name", "region", "received_on", "complete", "eligible", "rated", "score",
           "rank", "proposal", "decision")
WARN = QColor("#b3261e")
UNDECIDED = "none"  # the decision filter's value for "no decision yet"


def header(name: str) -> str:
    return {"registration_number": QCoreApplication.translate("ApplicationsTableModel", "Registration no."),
            "name": QCoreApplication.translate("ApplicationsTableModel", "Cooperative"),
            "region": QCoreApplication.translate("ApplicationsTableModel", "Region"),
            "received_on": QCoreApplication.translate("ApplicationsTableModel", "Received"),
            "complete": QCoreApplication.translate("ApplicationsTableModel", "Complete"),
            "eligible": QCoreApplication.translate("ApplicationsTableModel", "Eligible"),
            "rated": QCoreApplication.translate("ApplicationsTableModel", "Rated"),
            "score": QCoreApplication.translate("ApplicationsTableModel", "Score"),
            "rank": QCoreApplication.translate("ApplicationsTableModel", "Rank"),
            "proposal": QCoreApplication.translate("ApplicationsTableModel", "Proposal"),
            "decision": QCoreApplication.translate("ApplicationsTableModel", "Decision")}[name]


def yes_no(value: bool | None) -> str:
    if value is None:
        return QCoreApplication.translate("ApplicationsTableModel", "not checked")
    if value:
        return QCoreApplication.translate("ApplicationsTableModel", "yes")
    return QCoreApplication.translate("ApplicationsTableModel", "no")


def proposal(item: RankedApplication) -> str:
    """Proposed, "waiting 2", withdrawn, or nothing (not ranked)."""
    if item.withdrawn_on is not None:
        return QCoreApplication.translate("ApplicationsTableModel", "withdrawn")
    if item.proposed:
        return QCoreApplication.translate("ApplicationsTableModel", "proposed")
    if item.waiting_position is not None:
        text = QCoreApplication.translate("ApplicationsTableModel", "waiting %1")
        return text.replace("%1", str(item.waiting_position))
    return ""


def decision(item: RankedApplication) -> str:
    return label(CALL_DECISIONS, item.decision, lang()) if item.decision else ""


def reasons(item: RankedApplication) -> str:
    return "\n".join("• " + (r.get(lang()) or r.get("fr") or "") for r in item.reasons)


@dataclass(frozen=True)
class ApplicationFilter:
    """None everywhere: every application. ``complete`` is True, False or
    "unchecked"; ``decision`` a decision code or ``UNDECIDED``."""

    region: str | None = None
    complete: bool | str | None = None
    eligible: bool | None = None
    rated: bool | None = None
    decision: str | None = None

    def keeps(self, item: RankedApplication) -> bool:
        if self.region is not None and item.region != self.region:
            return False
        if self.complete == "unchecked":
            if item.complete is not None:
                return False
        elif self.complete is not None and bool(item.complete) != self.complete:
            return False
        if self.eligible is not None and item.eligible != self.eligible:
            return False
        if self.rated is not None and item.rated != self.rated:
            return False
        if self.decision == UNDECIDED:
            return item.decision is None
        return self.decision is None or item.decision == self.decision


class ApplicationRows(TableOfRows):
    """A table of a call's applications, one a row."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[RankedApplication] = []

    def application(self, row: int) -> RankedApplication:
        return self.rows[row]

    def row_of(self, application_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.application_id == application_id), -1)

    # The columns whose values are centred (numbers, ranks).
    CENTRED: frozenset[str] = frozenset()

    def text(self, item: RankedApplication, column: str) -> str:
        raise NotImplementedError

    def tooltip(self, item: RankedApplication, column: str) -> str:
        """The committee's reason on a decision, else the cell's text."""
        if column == "decision" and item.decision_reason:
            return item.decision_reason
        return self.text(item, column)

    def more_data(self, row: int, item: RankedApplication, column: str, role: int) -> Any:  # noqa: ARG002
        """A table's own roles (colours, the places line)."""
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item, column = self.rows[index.row()], self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(item, column)
        if role == Qt.ItemDataRole.UserRole:
            return item.application_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.CENTRED:
            return int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignCenter)
        return self.more_data(index.row(), item, column, role)


class ApplicationsTableModel(ApplicationRows):
    COLUMNS = COLUMNS
    CENTRED = frozenset({"score", "rank"})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.all_rows: list[RankedApplication] = []
        self.rows: list[RankedApplication] = []
        self.filter = ApplicationFilter()
        self.region_names: dict[str, str] = {}

    def set_rows(self, rows: list[RankedApplication], region_names: dict[str, str] | None = None) -> None:
        self.all_rows = list(rows)
        if region_names is not None:
            self.region_names = region_names
        self._apply()

    def set_filter(self, new: ApplicationFilter) -> None:
        self.filter = new
        self._apply()

    def _apply(self) -> None:
        self.beginResetModel()
        self.rows = [r for r in self.all_rows if self.filter.keeps(r)]
        self.endResetModel()

    def header(self, column: str) -> str:
        return header(column)

    def text(self, item: RankedApplication, column: str) -> str:
        if column == "registration_number":
            return item.registration_number
        if column == "name":
            return item.name
        if column == "region":
            return self.region_names.get(item.region, item.region)
        if column == "received_on":
            return item.received_on.isoformat() if item.received_on else ""
        if column == "complete":
            return yes_no(item.complete)
        if column == "eligible":
            return yes_no(item.eligible)
        if column == "rated":
            return yes_no(item.rated)
        if column == "score":
            return locale().toString(float(item.score), "f", 1)
        if column == "rank":
            return "" if item.rank is None else str(item.rank)
        if column == "proposal":
            return proposal(item)
        return decision(item)

    def tooltip(self, item: RankedApplication, column: str) -> str:
        if column in ("eligible", "complete", "rank") and item.reasons:
            return reasons(item)
        return super().tooltip(item, column)

    def more_data(self, row: int, item: RankedApplication, column: str, role: int) -> Any:  # noqa: ARG002
        if role == Qt.ItemDataRole.ForegroundRole and (
                (column == "eligible" and not item.eligible) or (column == "complete" and item.complete is False)):
            return QBrush(WARN)
        return None
