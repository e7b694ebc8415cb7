"""A new call for applications: tranche, phase, title, opening and closing
dates, the reference date of eligibility (the closing date when left empty),
and the places of each region the call covers (a region left at 0 is not
covered). A refusal shows under its field, in the interface's language."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ... import assets
from ...domain.calls import Call
from ...domain.entities import CALL
from ...domain.errors import DomainError, ValidationError
from ...services import calls
from ..kit.form import ERROR_STYLE, FormPanel
from ..kit.i18n import FollowsLanguage, lang
from ..kit.tasks import Tasks

FIELDS = ("tranche", "phase", "title", "opens_on", "closes_on", "reference_date")


class NewCallForm(FollowsLanguage, QWidget):
    created = Signal(object)  # the new Call
    cancelled = Signal()

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.form = FormPanel(CALL, FIELDS)
        self.places_box = QGroupBox()
        grid = QGridLayout(self.places_box)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        self.places_error = QLabel()
        self.region_labels: dict[str, QLabel] = {}
        self.places: dict[str, QSpinBox] = {}
        regions = assets.reference().regions
        for i, code in enumerate(sorted(regions)):
            caption, spin = QLabel(), QSpinBox()
            spin.setRange(0, 100000)
            spin.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            spin.setMaximumWidth(110)
            spin.setObjectName(f"places_{code}")
            spin.valueChanged.connect(lambda _v: self.places_error.hide())
            row, col = i % 6, (i // 6) * 2
            grid.addWidget(caption, row, col)
            grid.addWidget(spin, row, col + 1)
            self.region_labels[code], self.places[code] = caption, spin
        self.places_error.setStyleSheet(ERROR_STYLE)
        self.places_error.setWordWrap(True)
        self.places_error.hide()
        grid.addWidget(self.places_error, 6, 0, 1, 4)
        grid.setColumnStretch(4, 1)  # the two columns of regions keep to the start side
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancelled)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.form)
        layout.addWidget(self.places_box)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("New call for applications"))
        self.places_box.setTitle(self.tr("Places per region (0: the call does not cover the region)"))
        regions = assets.reference().regions
        for code, caption in self.region_labels.items():
            caption.setText(f"{code} · {regions[code].name(lang())}")
        self.save_button.setText(self.tr("Create the call"))
        self.cancel_button.setText(self.tr("Cancel"))

    def clear(self) -> None:
        self.form.clear()
        for spin in self.places.values():
            spin.setValue(0)
        self.places_error.hide()

    def values(self) -> dict[str, Any]:
        values = self.form.values()
        values["places"] = {code: spin.value() for code, spin in self.places.items() if spin.value() > 0}
        return values

    def save(self) -> None:
        values = self.values()

        def job(db: Any) -> Call:
            return calls.create_call(db, tranche=values["tranche"], phase=values["phase"],
                                     closes_on=values["closes_on"], places=values["places"],
                                     opens_on=values["opens_on"], reference_date=values["reference_date"],
                                     title=values["title"] or None)

        self.tasks.run(job, self._created, self.show_error)

    def _created(self, call: Call) -> None:
        self.clear()
        self.created.emit(call)

    def show_error(self, error: DomainError) -> None:
        """Each message under its field; the places' under the regions."""
        items = error.items()
        places = [e for e in items if e.field == "places"]
        rest = [e for e in items if e.field != "places"]
        if rest:
            self.form.show_error(ValidationError(rest))
        else:
            self.form.clear_errors()
        self.places_error.setText("\n".join(e.message(lang()) for e in places))
        self.places_error.setVisible(bool(places))

    def error_text(self, name: str) -> str:
        return self.places_error.text() if name == "places" else self.form.error_text(name)
