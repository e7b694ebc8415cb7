"""A laptop the administrator revoked (lost or stolen): at the sync that
hears it, the window stops syncing, closes its database, erases it and the
copies beside it (``store/erase.py``), tells the user in their language and
closes. The changes not yet sent are lost on purpose: they may be a
thief's."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QWidget

from ...domain.errors import DomainError
from ...store.erase import erase_database
from ...sync import errors
from ..kit.i18n import lang

if TYPE_CHECKING:
    from ..kit.tasks import Tasks
    from .scheduler import SyncScheduler


class RevocableWindow(Protocol):
    """What of the main window this needs (the window imports this module)."""

    erased: bool
    revoked_message: str
    interactive: bool
    tasks: Tasks

    def close(self) -> bool: ...


def watch_revocation(window: RevocableWindow, scheduler: SyncScheduler) -> None:
    def failed(kind: str, fr: str, ar: str) -> None:
        if kind == errors.REVOKED:
            # After every other slot of this signal (the status line's
            # refresh reads the database): then nothing opens it again.
            QTimer.singleShot(0, lambda: erase_revoked_laptop(window, scheduler, fr, ar))

    scheduler.failed.connect(failed)


def erase_revoked_laptop(window: RevocableWindow, scheduler: SyncScheduler, fr: str, ar: str) -> list[Path]:
    """Erase this laptop's data and close the window; the files removed."""
    from PySide6.QtWidgets import QMessageBox

    if window.erased:
        return []
    window.erased = True  # the close guard keeps no draft, the status reads nothing
    scheduler.stop()
    window.tasks.close()
    message = ar if lang() == "ar" else fr
    try:
        removed = erase_database(window.tasks.db_path)
    except DomainError as e:
        removed, message = [], f"{message}\n\n{e.message(lang())}"
    title = QCoreApplication.translate("RevokedLaptop", "This laptop was revoked")
    if window.interactive:
        QMessageBox.critical(cast(QWidget, window), title, message)
    window.revoked_message = message
    window.close()
    return removed
