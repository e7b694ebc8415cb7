"""An application's file, rated in place beside the list: the documents of
the file (statuts, PV of the constituent assembly, registration certificate,
list of members) and the six criteria, each with its rating, its evidence
and whether the supporting document is in the file. Saved in one
transaction; a refusal (a positive rating without its evidence) shows under
the criterion it concerns."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.calls import RankedApplication
from ...domain.errors import DomainError, ValidationError
from ...domain.vocab import APPLICATION_DOCUMENTS, CRITERION_RATING, SELECTION_CRITERIA, label
from ...services import calls
from ...store import calls as call_store
from ..kit.form import ERROR_STYLE
from ..kit.i18n import FollowsLanguage, lang
from ..kit.tasks import Tasks


class RatingPanel(FollowsLanguage, QWidget):
    saved = Signal(str)  # the application's id

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.application_id: str | None = None
        self.item: RankedApplication | None = None
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.who.setStyleSheet("font-weight: bold;")
        self.docs_box = QGroupBox()
        docs = QVBoxLayout(self.docs_box)
        self.documents: dict[str, QCheckBox] = {}
        for code in APPLICATION_DOCUMENTS:
            self.documents[code] = QCheckBox()
            docs.addWidget(self.documents[code])
        self.criteria_box = QGroupBox()
        grid = QGridLayout(self.criteria_box)
        grid.setVerticalSpacing(2)
        self.names: dict[str, QLabel] = {}
        self.ratings: dict[str, QComboBox] = {}
        self.evidence: dict[str, QLineEdit] = {}
        self.attached: dict[str, QCheckBox] = {}
        self.errors: dict[str, QLabel] = {}
        for i, code in enumerate(SELECTION_CRITERIA):
            name, combo, evidence, attached, error = QLabel(), QComboBox(), QLineEdit(), QCheckBox(), QLabel()
            name.setWordWrap(True)
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            evidence.textEdited.connect(lambda _t, e=error: e.hide())
            grid.addWidget(name, i * 3, 0, 1, 2)
            grid.addWidget(combo, i * 3 + 1, 0)
            grid.addWidget(evidence, i * 3 + 1, 1)
            grid.addWidget(attached, i * 3 + 1, 2)
            grid.addWidget(error, i * 3 + 2, 0, 1, 3)
            self.names[code], self.ratings[code], self.evidence[code] = name, combo, evidence
            self.attached[code], self.errors[code] = attached, error
        grid.setColumnStretch(1, 1)
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addWidget(self.docs_box)
        layout.addWidget(self.criteria_box)
        layout.addWidget(self.general_error)
        layout.addLayout(bottom)
        layout.addStretch(1)
        self.setEnabled(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.docs_box.setTitle(self.tr("Documents of the file"))
        self.criteria_box.setTitle(self.tr("The six criteria: rating, evidence, document in the file"))
        for code, box in self.documents.items():
            box.setText(label(APPLICATION_DOCUMENTS, code, lang()))
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
            self.attached[code].setText(self.tr("document"))
        self.save_button.setText(self.tr("Save the file and its ratings"))
        if self.item is None:
            self.who.setText(self.tr("Choose an application to rate it."))

    # -- loading ----------------------------------------------------------
    def show_application(self, item: RankedApplication | None) -> None:
        self.item = item
        self.application_id = item.application_id if item else None
        self._clear_errors()
        if item is None:
            self.setEnabled(False)
            self.who.setText(self.tr("Choose an application to rate it."))
            return
        self.who.setText(f"{item.registration_number} — {item.name}")
        app_id = item.application_id

        def job(db: Any) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
            return call_store.application(db, app_id), call_store.ratings(db, app_id)

        self.tasks.run(job, lambda found: self._fill(app_id, *found))

    def _fill(self, app_id: str, app: dict[str, Any] | None, ratings: list[dict[str, Any]]) -> None:
        if app_id != self.application_id or app is None:
            return  # another application was chosen meanwhile
        for code, box in self.documents.items():
            box.setChecked(bool(app.get(f"doc_{code}")))
        by_code = {r["criterion"]: r for r in ratings}
        for code in SELECTION_CRITERIA:
            r = by_code.get(code) or {}
            value = None if r.get("rating") is None else str(r["rating"])
            self.ratings[code].setCurrentIndex(max(self.ratings[code].findData(value), 0))
            self.evidence[code].setText(r.get("evidence") or "")
            self.attached[code].setChecked(bool(r.get("document")))
        self.setEnabled(True)

    # -- saving -----------------------------------------------------------
    def save(self) -> None:
        app_id = self.application_id
        if app_id is None:
            return
        documents = {code: box.isChecked() for code, box in self.documents.items()}
        wanted = [(code, self.ratings[code].currentData(), self.evidence[code].text().strip() or None,
                   self.attached[code].isChecked())
                  for code in SELECTION_CRITERIA if self.ratings[code].currentData() is not None]

        def job(db: Any) -> None:
            with db.atomic():  # the file and its six ratings, or nothing
                refused: list[DomainError] = []
                for code, rating, evidence, attached in wanted:
                    try:
                        calls.rate(db, app_id, code, int(rating), evidence, attached)
                    except ValidationError as e:  # said under the criterion it concerns
                        refused += [DomainError(x.code, x.fr, x.ar, code) for x in e.errors]
                if refused:
                    raise ValidationError(refused)
                calls.set_documents(db, app_id, documents)

        self._clear_errors()
        self.save_button.setEnabled(False)
        self.tasks.run(job, lambda _r: self._saved(app_id), self._refused)

    def _saved(self, app_id: str) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(app_id)

    def _clear_errors(self) -> None:
        for error in self.errors.values():
            error.hide()
            error.clear()
        self.general_error.hide()

    def _refused(self, error: DomainError) -> None:
        self.save_button.setEnabled(True)
        items = error.items()
        loose = []
        for item in items:
            code = item.field
            if code in self.errors:
                self.errors[code].setText(item.message(lang()))
                self.errors[code].show()
            else:
                loose.append(item.message(lang()))
        self.general_error.setText("\n".join(loose))
        self.general_error.setVisible(bool(loose))

    def error_text(self, criterion: str) -> str:
        return self.errors[criterion].text()

