"""First-time enrolment: server address, user, password. Later starts work
offline with the same user (``account.offline_login``).

The dialog binds the database it is given to the user; a user who is not the
database's owner is refused with the reason (each user has their own
database file: ``account.account_db_path``)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from murafaqa_protocol.messages import Account

from ...domain.errors import DomainError
from ...store.db import open_db
from ...sync import account
from ...sync.transport import HttpTransport
from ..kit.i18n import lang


class EnrolDialog(QDialog):
    def __init__(self, db_path: Path, parent: QWidget | None = None, *, server: str = "",
                 client_factory: Callable[[], Any] | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.client_factory = client_factory
        self.account: Account | None = None
        self.setWindowTitle(self.tr("Connect this laptop to the server"))
        self.setMinimumWidth(420)
        self.server = QLineEdit(server)
        self.server.setPlaceholderText("https://murafaqa.example.ma")
        self.server.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("Server"), self.server)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.enrol)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def enrol(self) -> None:
        url, user, password = self.server.text().strip(), self.user.text().strip(), self.password.text()
        if not (url and user and password):
            self.message.setText(self.tr("Fill in the server, the user and the password."))
            return
        try:  # before the database opens: an address refused leaves it as it was
            transport = HttpTransport(url, client=self.client_factory() if self.client_factory else None)
        except DomainError as e:
            self.message.setText(e.message(lang()))
            return
        db = open_db(self.db_path)
        try:
            self.account = account.enrol(db, transport, url, user, password).account
        except DomainError as e:
            self.message.setText(e.message(lang()))
            return
        finally:
            db.close()
        self.accept()
