"""Record an application to a call: a cooperative already in the database
(its registration number), the date the file was received, and the
documents found in it. A cooperative not yet known is created with its
application by ``murafaqa apply`` (or recorded first in its own record).
The service judges; a refusal shows in the dialog, which stays open."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.vocab import APPLICATION_DOCUMENTS, label
from ...services import calls
from ..kit.i18n import lang
from ..kit.job_dialog import JobDialog
from ..kit.tasks import Tasks


class ApplicationDialog(JobDialog):
    recorded = Signal(str)  # the new application's id

    def __init__(self, tasks: Tasks, call_id: str, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.call_id = call_id
        self.setWindowTitle(self.tr("New application"))
        self.setMinimumWidth(460)
        self.registration = QLineEdit()
        self.registration.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # an identifier
        self.received = QDateEdit(QDate.currentDate())
        self.received.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # before the format (see docs/ui.md)
        self.received.setDisplayFormat("yyyy-MM-dd")
        self.received.setCalendarPopup(True)
        self.documents = {code: QCheckBox(label(APPLICATION_DOCUMENTS, code, lang())) for code in APPLICATION_DOCUMENTS}
        form = QFormLayout()
        form.addRow(self.tr("Registration number:"), self.registration)
        form.addRow(self.tr("Received on:"), self.received)
        docs = QVBoxLayout()
        for box in self.documents.values():
            docs.addWidget(box)
        form.addRow(self.tr("Documents in the file:"), docs)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.registration.textEdited.connect(lambda _t: self.error.hide())

    def save(self) -> None:
        call_id, reg = self.call_id, self.registration.text().strip()
        received = self.received.date().toString("yyyy-MM-dd")
        documents = {code: box.isChecked() for code, box in self.documents.items()}

        def job(db: Any) -> str:
            app: dict[str, Any] = calls.record_application(db, call_id, reg, received_on=received,
                                                           documents=documents)
            return str(app["id"])

        self.run_job(job)

    def succeeded(self, application_id: str) -> None:
        self.recorded.emit(application_id)

    def refusal_focus(self) -> QWidget:
        return self.registration
