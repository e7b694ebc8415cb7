"""Help → About: version, where the data and the log file are."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from .. import __version__, paths


class AboutDialog(QDialog):
    def __init__(self, db_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Murafaqa"))
        title = QLabel(self.tr("Murafaqa — coaching of new cooperatives"))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        form = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, label, value in (("version", self.tr("Version"), __version__),
                                  ("database", self.tr("Database"), db_path),
                                  ("data", self.tr("Data folder"), str(paths.data_dir())),
                                  ("log", self.tr("Log file"), str(paths.log_path()))):
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # paths read left to right
            self.fields[key] = shown
            form.addRow(label, shown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(buttons)
