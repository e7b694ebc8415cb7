"""The ranking of one region of a call, as the committee reads it: rank,
registration number, name, score, the share of women and young people and
the received date (what breaks a tie, in that order), the proposal and the
decision. The places line — between the last proposed application and the
first of the waiting list — is a role of the model (``PLACES_LINE``) that
``places_line_delegate`` draws across the table."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.calls import RankedApplication
from ..kit.i18n import lang, locale
from .applications_table_model import ApplicationRows, decision, proposal

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("rank", "registration_number", "name", "score", "women_youth", "received_on", "proposal", "decision")
PLACES_LINE = int(Qt.ItemDataRole.UserRole) + 1  # "below" or "above": where the line runs along this row
PROPOSED_SHADE = QColor("#e6f2e8")


def header(name: str) -> str:
    return {"rank": QCoreApplication.translate("RankingTableModel", "Rank"),
            "registration_number": QCoreApplication.translate("RankingTableModel", "Registration no."),
            "name": QCoreApplication.translate("RankingTableModel", "Cooperative"),
            "score": QCoreApplication.translate("RankingTableModel", "Score"),
            "women_youth": QCoreApplication.translate("RankingTableModel", "Women + youth"),
            "received_on": QCoreApplication.translate("RankingTableModel", "Received"),
            "proposal": QCoreApplication.translate("RankingTableModel", "Proposal"),
            "decision": QCoreApplication.translate("RankingTableModel", "Decision")}[name]


class RankingTableModel(ApplicationRows):
    COLUMNS = COLUMNS
    CENTRED = frozenset({"rank", "score", "women_youth"})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[RankedApplication] = []
        self.places = 0

    def set_rows(self, rows: list[RankedApplication], places: int) -> None:
        """One region's applications in ranking order; those not ranked are left out."""
        self.beginResetModel()
        self.rows = [r for r in rows if r.rank is not None]
        self.places = places
        self.endResetModel()

    def line_at(self, row: int) -> str | None:
        """Where the places line runs along ``row``: below the last proposed
        (the last row when there are fewer applications than places), above
        the first row when the region has no place."""
        if not self.rows:
            return None
        if self.places <= 0:
            return "above" if row == 0 else None
        return "below" if row == min(self.places, len(self.rows)) - 1 else None

    def header(self, column: str) -> str:
        return header(column)

    def text(self, item: RankedApplication, column: str) -> str:
        loc = locale()
        if column == "rank":
            return str(item.rank)
        if column == "registration_number":
            return item.registration_number
        if column == "name":
            return item.name
        if column == "score":
            return loc.toString(float(item.score), "f", 1)
        if column == "women_youth":
            share = item.women_youth_share
            if share is None:
                return ""
            # "58%" in Arabic, where the sign then stays after the digits; "58 %" in French
            return loc.toString(round(share * 100)) + ("%" if lang() == "ar" else "\u00a0%")
        if column == "received_on":
            return item.received_on.isoformat() if item.received_on else ""
        if column == "proposal":
            return proposal(item)
        return decision(item)

    def more_data(self, row: int, item: RankedApplication, column: str, role: int) -> Any:  # noqa: ARG002
        if role == PLACES_LINE:
            return self.line_at(row)
        if role == Qt.ItemDataRole.BackgroundRole and item.proposed and item.withdrawn_on is None:
            return QBrush(PROPOSED_SHADE)
        return None
