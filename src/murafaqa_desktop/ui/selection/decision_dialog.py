"""The committee's decision on one application: retained, waiting list or
not retained, and the written reason — required when the decision differs
from the proposal, and always for "not retained". The service judges; a
refusal shows under the reason and the dialog stays open."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.calls import RankedApplication
from ...domain.errors import DomainError
from ...domain.vocab import CALL_DECISIONS, label
from ...services import calls
from ..kit.form import ERROR_STYLE
from ..kit.i18n import lang, locale
from ..kit.tasks import Tasks
from .applications_table_model import proposal


def proposed_decision(item: RankedApplication) -> str:
    """The decision the ranking proposes (not ranked: not retained)."""
    if item.rank is None:
        return "rejected"
    return "retained" if item.proposed else "waiting"


class DecisionDialog(QDialog):
    decided = Signal(object)  # the application as ranked after the decision

    def __init__(self, tasks: Tasks, call_id: str, item: RankedApplication, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.call_id, self.item = tasks, call_id, item
        self.setWindowTitle(self.tr("Committee decision"))
        self.setMinimumWidth(480)
        self.who = QLabel(f"{item.registration_number} — {item.name}")
        self.who.setStyleSheet("font-weight: bold;")
        self.proposal = QLabel()
        self.decision = QComboBox()
        for code in CALL_DECISIONS:
            self.decision.addItem(label(CALL_DECISIONS, code, lang()), code)
        current = item.decision or proposed_decision(item)
        self.decision.setCurrentIndex(max(0, self.decision.findData(current)))
        self.reason = QPlainTextEdit(item.decision_reason or "")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(90)
        self.reason_hint = QLabel()
        self.reason_hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Proposal:"), self.proposal)
        form.addRow(self.tr("Decision:"), self.decision)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow("", self.reason_hint)
        form.addRow("", self.error)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.decision.currentIndexChanged.connect(self._hint)
        self.reason.textChanged.connect(self.error.hide)
        score = locale().toString(float(item.score), "f", 1)
        shown = proposal(item) or label(CALL_DECISIONS, "rejected", lang())
        rank = "" if item.rank is None else self.tr("rank %1, ").replace("%1", str(item.rank))
        score_text = self.tr("score %1").replace("%1", score)
        self.proposal.setText(f"{shown} ({rank}{score_text})")
        self._hint()

    def chosen(self) -> str:
        code: str = self.decision.currentData()
        return code

    def _hint(self) -> None:
        needed = self.chosen() == "rejected" or self.chosen() != proposed_decision(self.item)
        self.reason_hint.setText(self.tr("A written reason is required for this decision.") if needed
                                 else self.tr("A reason may be written; it is not required."))

    def save(self) -> None:
        call_id, reg = self.call_id, self.item.application_id
        decision, reason = self.chosen(), self.reason.toPlainText().strip() or None

        def job(db: Any) -> RankedApplication:
            return calls.decide(db, call_id, reg, decision, reason)

        self.buttons.setEnabled(False)
        self.tasks.run(job, self._done, self._refused)

    def _done(self, item: RankedApplication) -> None:
        self.buttons.setEnabled(True)
        self.decided.emit(item)
        self.accept()

    def _refused(self, error: DomainError) -> None:
        self.buttons.setEnabled(True)
        items = error.items()
        self.error.setText("\n".join(e.message(lang()) for e in items))
        self.error.show()
        self.reason.setFocus()
