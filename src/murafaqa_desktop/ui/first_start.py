"""First start on an empty database: who is the coach, in which region, and
whether to load the demonstration programme to try the software on."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from .. import assets
from .kit.i18n import lang


class FirstStartDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Murafaqa"))
        intro = QLabel(self.tr("This laptop has no data yet. Tell us who you are; "
                               "you can also load a demonstration programme to try the software."))
        intro.setWordWrap(True)
        self.coach = QLineEdit()
        self.region = QComboBox()
        for code, place in assets.reference().regions.items():
            self.region.addItem(f"{code} · {place.name(lang())}", code)
        self.demo = QCheckBox(self.tr("Load the demonstration programme (2,000 cooperatives)"))
        form = QFormLayout()
        form.addRow(self.tr("Coach name"), self.coach)
        form.addRow(self.tr("Region"), self.region)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.demo)
        layout.addWidget(self.buttons, alignment=Qt.AlignmentFlag.AlignTrailing)
        self.resize(480, 240)

    def profile(self) -> dict[str, str]:
        return {"coach": self.coach.text().strip(), "region": self.region.currentData()}
