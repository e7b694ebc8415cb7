"""A laptop the administrator revoked (lost or stolen): at the sync that
hears it, the window stops syncing, closes its database, erases it and the
copies beside it (``store/erase.py``), tells the user in their language and
closes. The changes not yet sent are lost on purpose: they may be a
thief's."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

from ...domain.errors import DomainError
from ...store.erase import erase_database
from ...sync import errors
from ..kit.i18n import lang

if TYPE_CHECKING:
    from ..main_window import MainWindow
    from .scheduler import SyncScheduler


def watch_revocation(window: MainWindow, scheduler: SyncScheduler) -> None:
    def failed(kind: str, fr: str, ar: str) -> None:
        if kind == errors.REVOKED:
            # After every other slot of this signal (the status line's
            # refresh reads the database): then nothing opens it again.
            QTimer.singleShot(0, lambda: erase_revoked_laptop(window, fr, ar))

    scheduler.failed.connect(failed)


def erase_revoked_laptop(window: MainWindow, fr: str, ar: str) -> list[Path]:
    """Erase this laptop's data and close the window; the files removed."""
    from PySide6.QtWidgets import QMessageBox

    if window.erased:
        return []
    window.erased = True  # the close guard keeps no draft, the status reads nothing
    if window._scheduler is not None:
        window._scheduler.stop()
    window.tasks.close()
    message = ar if lang() == "ar" else fr
    try:
        removed = erase_database(window.tasks.db_path)
    except DomainError as e:
        removed, message = [], f"{message}\n\n{e.message(lang())}"
    title = QCoreApplication.translate("RevokedLaptop", "This laptop was revoked")
    if window.interactive:
        QMessageBox.critical(window, title, message)
    window.revoked_message = message
    window.close()
    return removed
