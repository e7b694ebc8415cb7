"""The one place an error reaches the user.

A broken rule (DomainError) is shown in the user's language; anything else
is logged with its traceback to the data folder's log file and shown as a
short message that says where the details are. The user never sees a
traceback.
"""
from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ... import paths
from ...domain.errors import DomainError
from .i18n import lang

if TYPE_CHECKING:
    import logging

LOGGER = "murafaqa.ui"


def _log() -> logging.Logger:
    # logging loads with the first message, not with the window: once PySide6
    # is loaded, every module first imported costs it a read of its source
    import logging

    return logging.getLogger(LOGGER)


def setup_logging() -> None:
    """Log to the data folder's log file (created if needed); once per folder."""
    import logging

    log = _log()
    path = paths.log_path()
    for handler in list(log.handlers):
        if isinstance(handler, logging.FileHandler):
            if handler.baseFilename == str(path.resolve()):
                return
            log.removeHandler(handler)
            handler.close()
    paths.make_private_dir(path.parent)
    paths.make_private_file(path)  # before the handler opens it: never readable by others, not even briefly
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def tr(text: str) -> str:
    return QCoreApplication.translate("ErrorReporter", text)


class ErrorReporter(QObject):
    """Shows a message box; tests and benchmarks read ``last`` instead
    (``interactive=False``)."""

    reported = Signal(str)

    def __init__(self, parent: QObject | None = None, interactive: bool = True) -> None:
        super().__init__(parent)
        self.interactive = interactive
        self.last: str | None = None
        self.window: QWidget | None = None

    def report(self, error: BaseException) -> None:
        details = None
        if not isinstance(error, DomainError):
            from ...store.db import disk_full  # loaded only when an error comes

            error = disk_full(error) or error  # the user's to fix: said, not logged as a bug
        if isinstance(error, DomainError):
            text = error.message(lang())
            _log().info("refused: %s (%s)", error.code, error.fr)
        else:
            import traceback

            setup_logging()
            details = "".join(traceback.format_exception(error))
            _log().error("unexpected error\n%s", details)
            text = tr("Something went wrong and the action was not done. "
                      "The details were written to the log file:") + "\n" + str(paths.log_path())
        self.last = text
        self.reported.emit(text)
        if self.interactive:
            self._show(text, details)

    def _show(self, text: str, details: str | None) -> None:
        """A refusal is a plain message; a bug also offers its details, to
        copy into a message to the support team."""
        from PySide6.QtWidgets import QMessageBox  # a class (and its enums) made only when an error comes

        box = QMessageBox(QMessageBox.Icon.Warning, tr("Murafaqa"), text, QMessageBox.StandardButton.Ok,
                          self.window)
        if details:
            box.setDetailedText(details)
            copy = box.addButton(tr("Copy the details"), QMessageBox.ButtonRole.ActionRole)
            copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(f"{text}\n\n{details}"))
        box.exec()


def install_excepthook(reporter: ErrorReporter) -> None:
    """Route an exception escaping a Qt slot (a bug, not a refusal) to the
    same place: logged with its traceback, a short message on screen."""
    import sys

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        reporter.report(error.with_traceback(tb))

    sys.excepthook = hook
