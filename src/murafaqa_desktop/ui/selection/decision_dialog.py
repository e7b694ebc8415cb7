"""The committee's decision on one application: retained, waiting list or
not retained, and the written reason — required when the decision differs
from the proposal, and always for "not retained". The service judges; a
refusal shows under the reason and the dialog stays open."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.calls import RankedApplication, proposal_of
from ...domain.vocab import CALL_DECISIONS, label
from ...services import calls
from ..kit.i18n import lang, locale
from ..kit.job_dialog import JobDialog
from ..kit.tasks import Tasks
from .applications_table_model import proposal


class DecisionDialog(JobDialog):
    decided = Signal(object)  # the application as ranked after the decision

    def __init__(self, tasks: Tasks, call_id: str, item: RankedApplication, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.call_id, self.item = call_id, item
        self.setWindowTitle(self.tr("Committee decision"))
        self.setMinimumWidth(480)
        self.who = QLabel(f"{item.registration_number} — {item.name}")
        self.who.setStyleSheet("font-weight: bold;")
        self.proposal = QLabel()
        self.decision = QComboBox()
        for code in CALL_DECISIONS:
            self.decision.addItem(label(CALL_DECISIONS, code, lang()), code)
        current = item.decision or proposal_of(item)
        self.decision.setCurrentIndex(max(0, self.decision.findData(current)))
        self.reason = QPlainTextEdit(item.decision_reason or "")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(90)
        self.reason_hint = QLabel()
        self.reason_hint.setWordWrap(True)
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
        needed = self.chosen() == "rejected" or self.chosen() != proposal_of(self.item)
        self.reason_hint.setText(self.tr("A written reason is required for this decision.") if needed
                                 else self.tr("A reason may be written; it is not required."))

    def save(self) -> None:
        call_id, reg = self.call_id, self.item.application_id
        decision, reason = self.chosen(), self.reason.toPlainText().strip() or None

        def job(db: Any) -> RankedApplication:
            return calls.decide(db, call_id, reg, decision, reason)

        self.run_job(job)

    def succeeded(self, item: RankedApplication) -> None:
        self.decided.emit(item)

    def refusal_focus(self) -> QWidget:
        return self.reason
