"""The screen that covers the window while the database is locked.

Its pages: unlock with the passphrase; a forgotten passphrase (the recovery
key, or a one-time code an administrator issued from the server's escrow);
choosing a passphrase (a new database, an older database to encrypt, or
after a recovery); and the recovery key shown once, with its sheet to print.

The store's code (the key file, Argon2id) is loaded when a button is
pressed, never to draw the screen: it is the window's first frame."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..kit.i18n import lang
from . import mode as modes

if TYPE_CHECKING:
    from PySide6.QtCore import QThread

    from ...domain.errors import DomainError

CREATE_PURPOSE, ENCRYPT_PURPOSE, RESET_PURPOSE = "create", "encrypt", "reset"


class _Busy:
    """The wait cursor around a short blocking step (the key derivation,
    about half a second)."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        QGuiApplication.processEvents()

    def __exit__(self, *_exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()


class _Encryption(QObject):
    """An older plain database encrypted in place (``store.encrypt``), on a
    thread of its own: a region's database takes seconds, the whole
    programme's minutes, and the window must keep drawing meanwhile. It is
    not cancelled: a crash at any moment already leaves one good database."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, db_path: Path, key: bytes) -> None:
        super().__init__()
        self.db_path, self.key = db_path, key

    def run(self) -> None:
        from ...domain.errors import DomainError
        from ...store.encrypt import encrypt_in_place

        try:
            encrypt_in_place(self.db_path, self.key)
        except DomainError as e:
            self.failed.emit(e)
            return
        self.finished.emit(None)


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumWidth(320)
    return field


class LockScreen(QWidget):
    """``unlocked`` once the database's key is known (and remembered by the
    store), or when the coach chose not to encrypt an older database now."""

    unlocked = Signal()

    def __init__(self, db_path: Path, start: str, parent: QWidget | None = None, interactive: bool = True) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.interactive = interactive
        self.recovery_key: str | None = None
        self.encryption_thread: QThread | None = None  # an older database being encrypted
        self._key: bytes | None = None
        self._purpose = CREATE_PURPOSE
        # Opaque: nothing of the window (a list of cooperatives, a record) shows through
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        self.setObjectName("lockScreen")
        self.setStyleSheet("#lockScreen { background: #eef2f5; } "
                           "#lockCard { background: white; border: 1px solid #c8d0d8; border-radius: 6px; }")
        card = QFrame()
        card.setObjectName("lockCard")
        card.setMaximumWidth(520)
        self.pages = QStackedWidget()
        QVBoxLayout(card).addWidget(self.pages)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        # Only the page shown first is built before the first frame; the
        # others when first needed (the monospaced font's lookup alone costs)
        self._built: set[str] = set()
        self._build_unlock()
        if start == modes.UNLOCK:
            self.show_unlock()
        else:
            self.show_choose(ENCRYPT_PURPOSE if start == modes.ENCRYPT else CREATE_PURPOSE)

    # -- the pages -------------------------------------------------------------
    def _page(self, title: str, text: str) -> tuple[QWidget, QVBoxLayout, QLabel]:
        page = QWidget()
        box = QVBoxLayout(page)
        heading = QLabel(title)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        heading.setFont(font)
        body = QLabel(text)
        body.setWordWrap(True)
        box.addWidget(heading)
        box.addWidget(body)
        self.pages.addWidget(page)
        return page, box, body

    def _build_unlock(self) -> None:
        self.unlock_page, box, _ = self._page(
            self.tr("Murafaqa is locked"),
            self.tr("The cooperatives' data on this laptop is encrypted. Type your passphrase to open it."))
        self.passphrase = _password_field()
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.unlock_error = _error_label()
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.forgot_button = QPushButton(self.tr("Forgotten passphrase…"))
        self.forgot_button.setFlat(True)
        self.passphrase.returnPressed.connect(self.unlock)
        self.unlock_button.clicked.connect(self.unlock)
        self.forgot_button.clicked.connect(self.show_recover)
        for w in (self.passphrase, self.unlock_error, self.unlock_button, self.forgot_button):
            box.addWidget(w)

    def _build_encrypting(self) -> None:
        self.encrypting_page, box, _ = self._page(
            self.tr("Encrypting the data…"),
            self.tr("The data on this laptop is being encrypted. Keep Murafaqa open until it is done: this takes "
                    "from a few seconds to a few minutes, and an interruption loses nothing."))
        from PySide6.QtWidgets import QProgressBar  # not for the first frame: its enums cost

        bar = QProgressBar()
        bar.setRange(0, 0)  # SQLite says nothing of its progress: a moving bar
        box.addWidget(bar)
        box.addStretch(1)  # packed at the top of a card as tall as the tallest page

    def _build_recover(self) -> None:
        self.recover_page, box, _ = self._page(
            self.tr("Forgotten passphrase"),
            self.tr("Type the recovery key printed when this laptop was set up, or the one-time recovery code "
                    "your administrator gives you. You will then choose a new passphrase."))
        self.recovery_input = QLineEdit()
        self.recovery_input.setPlaceholderText(self.tr("Recovery key or recovery code"))
        self.recover_error = _error_label()
        self.recover_button = QPushButton(self.tr("Continue"))
        back = QPushButton(self.tr("Back"))
        self.recovery_input.returnPressed.connect(self.recover)
        self.recover_button.clicked.connect(self.recover)
        back.clicked.connect(self.show_unlock)
        for w in (self.recovery_input, self.recover_error, self.recover_button, back):
            box.addWidget(w)

    def _build_choose(self) -> None:
        self.choose_page, box, self.choose_text = self._page(self.tr("Choose a passphrase"), "")
        self.rule = QLabel(self.tr("At least 10 characters. A sentence you remember is best; it cannot be "
                                   "recovered without the recovery key."))
        self.rule.setWordWrap(True)
        self.new_passphrase = _password_field()
        self.new_passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.again = _password_field()
        self.again.setPlaceholderText(self.tr("The same passphrase again"))
        self.choose_error = _error_label()
        self.choose_button = QPushButton(self.tr("Encrypt and continue"))
        self.later_button = QPushButton(self.tr("Not now"))
        self.again.returnPressed.connect(self.choose)
        self.choose_button.clicked.connect(self.choose)
        self.later_button.clicked.connect(self.unlocked.emit)
        for w in (self.rule, self.new_passphrase, self.again, self.choose_error, self.choose_button,
                  self.later_button):
            box.addWidget(w)

    def _build_show_key(self) -> None:
        self.key_page, box, _ = self._page(
            self.tr("Your recovery key"),
            self.tr("Write this key down or print it, and keep it away from the laptop (the coordinator can keep "
                    "it). It opens the data if the passphrase is forgotten. It is shown only now."))
        self.key_label = QLabel()
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(QFont().pointSizeF() * 1.4)
        font.setBold(True)
        self.key_label.setFont(font)
        self.print_button = QPushButton(self.tr("Save the sheet to print (PDF)…"))
        self.done_button = QPushButton(self.tr("I have kept it: continue"))
        self.print_button.clicked.connect(self.save_sheet)
        self.done_button.clicked.connect(self._finish)
        self.key_error = _error_label()
        for w in (self.key_label, self.print_button, self.key_error, self.done_button):
            box.addWidget(w)

    # -- showing ---------------------------------------------------------------
    def focus_field(self) -> None:
        """The first field of the page shown: typing goes there, never to the
        window's own widgets under the lock."""
        shown = self.pages.currentWidget()
        field = (self.passphrase if shown is self.unlock_page
                 else self.new_passphrase if "choose" in self._built and shown is self.choose_page
                 else self.recovery_input if "recover" in self._built and shown is self.recover_page else None)
        if field is not None:
            field.setFocus()

    def show_unlock(self) -> None:
        self.pages.setCurrentWidget(self.unlock_page)
        self.passphrase.setFocus()

    def _ensure(self, page: str) -> None:
        if page not in self._built:
            self._built.add(page)
            {"recover": self._build_recover, "choose": self._build_choose, "key": self._build_show_key,
             "encrypting": self._build_encrypting}[page]()

    def show_recover(self) -> None:
        self._ensure("recover")
        self.recover_error.hide()
        self.pages.setCurrentWidget(self.recover_page)
        self.recovery_input.setFocus()

    def show_choose(self, purpose: str) -> None:
        self._ensure("choose")
        self._purpose = purpose
        self.choose_text.setText({
            CREATE_PURPOSE: self.tr("The cooperatives' data on this laptop will be encrypted: choose the passphrase "
                                    "that opens it. You will type it each time Murafaqa starts or locks."),
            ENCRYPT_PURPOSE: self.tr("The data on this laptop was kept in clear by an earlier version. Choose a "
                                     "passphrase to encrypt it now: a lost laptop then leaks nothing."),
            RESET_PURPOSE: self.tr("The data is open again. Choose a new passphrase."),
        }[purpose])
        self.choose_button.setText(self.tr("Continue") if purpose == RESET_PURPOSE
                                   else self.tr("Encrypt and continue"))
        self.later_button.setVisible(purpose == ENCRYPT_PURPOSE)
        self.choose_error.hide()
        self.pages.setCurrentWidget(self.choose_page)
        self.new_passphrase.setFocus()

    def _show_key(self, recovery: str) -> None:
        self._ensure("key")
        self.recovery_key = recovery
        self.key_label.setText(recovery)
        self.pages.setCurrentWidget(self.key_page)

    @staticmethod
    def _say(label: QLabel, error: DomainError | str) -> None:
        label.setText(error if isinstance(error, str) else error.message(lang()))
        label.show()

    # -- actions ---------------------------------------------------------------
    def unlock(self) -> None:
        from ...domain.errors import DomainError
        from ...store import keys

        with _Busy():
            try:
                key = keys.unlock(keys.key_path(self.db_path), self.passphrase.text())
            except DomainError as e:
                self._say(self.unlock_error, e)
                self.passphrase.selectAll()
                return
        self.passphrase.clear()
        self.unlock_error.hide()
        self._open(key)

    def recover(self) -> None:
        from ...domain.errors import DomainError
        from ...store import keys

        text = self.recovery_input.text()
        key_file = keys.key_path(self.db_path)
        with _Busy():
            try:
                key = keys.unlock_with_recovery_key(key_file, text)
            except DomainError as wrong_key:
                device = keys.device(key_file)
                if device is None:
                    self._say(self.recover_error, wrong_key)
                    return
                from ...sync import escrow

                try:
                    key = escrow.recover(*device, text)
                except DomainError as e:
                    self._say(self.recover_error, e)
                    return
        self.recovery_input.clear()
        self._key = key
        self.show_choose(RESET_PURPOSE)

    def choose(self) -> None:
        from ...domain.errors import DomainError
        from ...store import keys

        first, second = self.new_passphrase.text(), self.again.text()
        if first != second:
            self._say(self.choose_error, self.tr("The two passphrases differ: type the same one twice."))
            return
        key_file = keys.key_path(self.db_path)
        try:
            with _Busy():
                if self._purpose == RESET_PURPOSE:
                    assert self._key is not None
                    recovery = keys.set_passphrase(key_file, self._key, first)
                else:
                    keys.check_passphrase(first)
                    if key_file.exists():  # an earlier attempt made it: not a second key
                        self._key = keys.unlock(key_file, first)
                        recovery = None
                    else:
                        self._key, recovery = keys.create(key_file, first)
        except DomainError as e:
            self._say(self.choose_error, e)
            return
        self.new_passphrase.clear()
        self.again.clear()
        if self._purpose == ENCRYPT_PURPOSE:
            assert self._key is not None
            self._encrypt(self._key, lambda: self._chosen(recovery), self.choose_page, self.choose_error)
        else:
            self._chosen(recovery)

    def encrypting(self) -> bool:
        """An older database is being encrypted now."""
        return self.encryption_thread is not None and self.encryption_thread.isRunning()

    def _chosen(self, recovery: str | None) -> None:
        if recovery is not None:
            self._show_key(recovery)
        else:
            self._finish()

    def _encrypt(self, key: bytes, then: Callable[[], None], back: QWidget, error_label: QLabel) -> None:
        """Encrypt the older plain database on a thread, the encrypting page
        shown meanwhile; then ``then``, or back to ``back`` with the error."""
        from ..kit.background import start_on_thread

        self._ensure("encrypting")
        self.pages.setCurrentWidget(self.encrypting_page)

        def failed(error: DomainError) -> None:
            self.pages.setCurrentWidget(back)
            self._say(error_label, error)

        self.encryption = _Encryption(self.db_path, key)
        self.encryption_thread = start_on_thread(self.encryption, finished=lambda _none: then(),
                                                          failed=failed)

    def save_sheet(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if self.recovery_key is None:
            return
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Recovery key sheet"),
                                                str(Path.home() / "murafaqa-recovery-key.pdf"), "PDF (*.pdf)")
        if target:
            self.write_sheet(Path(target))

    def write_sheet(self, target: Path) -> None:
        import socket  # here, not for the first frame: the module alone costs some 6 ms

        from ...reports.doc_recovery_key import pdf

        assert self.recovery_key is not None
        try:
            target.write_bytes(pdf(self.recovery_key, socket.gethostname(), lang()))
        except OSError as e:
            self._say(self.key_error, f"{target}: {e.strerror or e}")

    def _finish(self) -> None:
        assert self._key is not None
        self.recovery_key = None
        if "key" in self._built:
            self.key_label.clear()
        self._open(self._key)

    def _open(self, key: bytes) -> None:
        """Remember the key for every connection of this process, finish an
        encryption a crash interrupted, and check the key opens the data."""
        from ...domain.errors import DomainError
        from ...store import keys
        from ...store.db import is_plain, open_db

        shown = self.pages.currentWidget()
        error_label = (self.unlock_error if shown is self.unlock_page
                       else self.key_error if "key" in self._built and shown is self.key_page
                       else self.choose_error)
        if is_plain(self.db_path):  # an encryption a crash interrupted: finished first
            self._encrypt(key, lambda: self._open(key), shown or self.unlock_page, error_label)
            return
        try:
            with _Busy():
                open_db(self.db_path, key=key, migrate=False).close()
        except DomainError as e:
            self._say(error_label, e)
            return
        keys.remember(self.db_path, key)
        self._key = None
        self.unlocked.emit()
