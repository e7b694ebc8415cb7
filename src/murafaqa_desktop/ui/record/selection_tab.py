"""Eligibility & selection: eligible or not with every reason, then the six
criteria, each with its rating and evidence, and the score."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...domain.errors import DomainError
from ...domain.vocab import CRITERION_RATING, SELECTION_CRITERIA, label
from ...services import selection
from ..kit.form import ERROR_STYLE
from ..kit.i18n import FollowsLanguage, lang, locale
from ..kit.tasks import Tasks


class SelectionTab(FollowsLanguage, QWidget):
    changed = Signal()

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.coop_id: str | None = None
        self._file: dict[str, Any] | None = None
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setStyleSheet(ERROR_STYLE)
        self.score = QLabel()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        grid = QGridLayout()
        self.names: dict[str, QLabel] = {}
        self.ratings: dict[str, QComboBox] = {}
        self.evidence: dict[str, QLineEdit] = {}
        for row, code in enumerate(SELECTION_CRITERIA):
            self.names[code], self.ratings[code], self.evidence[code] = QLabel(), QComboBox(), QLineEdit()
            self.ratings[code].setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            grid.addWidget(self.names[code], row, 0)
            grid.addWidget(self.ratings[code], row, 1)
            grid.addWidget(self.evidence[code], row, 2)
        grid.setColumnStretch(2, 1)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict)
        layout.addWidget(self.reasons)
        layout.addSpacing(12)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addWidget(self.score, 1)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        for code in SELECTION_CRITERIA:
            self.names[code].setText(label(SELECTION_CRITERIA, code, lang()))
            combo = self.ratings[code]
            current = combo.currentData()
            combo.clear()
            combo.addItem("", None)
            for value in CRITERION_RATING:
                combo.addItem(f"{value} · {label(CRITERION_RATING, value, lang())}", value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            self.evidence[code].setPlaceholderText(self.tr("Evidence"))
        self.save_button.setText(self.tr("Save the ratings"))
        if self._file:
            self._texts(self._file)

    def show_file(self, file: dict[str, Any]) -> None:
        self._file = file
        self.coop_id = file["cooperative"]["id"]
        by_code = {r["criterion"]: r for r in file["selection"]["ratings"]}
        for code in SELECTION_CRITERIA:
            r = by_code.get(code)
            self.ratings[code].setCurrentIndex(max(self.ratings[code].findData(
                None if r is None else str(r["rating"])), 0))
            self.evidence[code].setText((r or {}).get("evidence") or "")
        self.error.clear()
        self._texts(file)

    def _texts(self, file: dict[str, Any]) -> None:
        e = file["eligibility"]
        if e["eligible"]:
            self.verdict.setText(self.tr("Eligible on %1.").replace("%1", e["at"]))
            self.verdict.setStyleSheet("color: #1b6e2d; font-weight: bold;")
            self.reasons.clear()
        else:
            self.verdict.setText(self.tr("Not eligible on %1:").replace("%1", e["at"]))
            self.verdict.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
            self.reasons.setText("\n".join("• " + (r["ar"] if lang() == "ar" else r["fr"]) for r in e["reasons"]))
        self.score.setText(self.tr("Selection score: %1 / 100").replace(
            "%1", locale().toString(float(file["selection"]["score"]), "f", 0)))

    def save(self) -> None:
        coop_id = self.coop_id
        if coop_id is None:
            return
        wanted = [(code, self.ratings[code].currentData(), self.evidence[code].text())
                  for code in SELECTION_CRITERIA if self.ratings[code].currentData() is not None]

        def job(db: Any) -> None:
            for code, rating, evidence in wanted:
                selection.rate(db, coop_id, code, int(rating), evidence or None)

        self.tasks.run(job, lambda _r: self.changed.emit(), self._refused)

    def _refused(self, error: DomainError) -> None:
        self.error.setText(error.message(lang()))
