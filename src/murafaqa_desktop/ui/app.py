"""Starting the window: application names (so Qt's data folder is the one
paths.data_dir() computes), fonts, language, the database, first start."""
from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from .. import paths
from .kit.errors import install_excepthook, setup_logging

if TYPE_CHECKING:  # loaded by start(), after the application exists
    from .kit.i18n import Language
    from .main_window import MainWindow


def make_application(argv: Sequence[str] = ()) -> QApplication:
    """The QApplication with our names set (idempotent: tests share one)."""
    # instance() is typed as the core application; the one here is made below, a QApplication
    app = cast(QApplication, QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "murafaqa", *argv]))
    app.setOrganizationName(paths.ORGANIZATION)
    app.setApplicationName(paths.APPLICATION)
    return app


def start(db_path: Path, language_code: str | None = None, settings: QSettings | None = None,
          interactive: bool = True) -> tuple[MainWindow, Language]:
    from .kit import fonts
    from .kit.i18n import Language
    from .main_window import MainWindow

    app = make_application()
    fonts.register(app)
    settings = settings or QSettings()
    language = Language.of(app)
    language.set(language_code or os.environ.get("MURAFAQA_LANG") or str(settings.value("language", "ar")))
    paths.make_private_dir(db_path.parent)
    window = MainWindow(db_path, language, settings, interactive=interactive)
    return window, language


def run(argv: Sequence[str]) -> int:
    import argparse  # here, not at the top: the window's start needs none of it

    parser = argparse.ArgumentParser(prog="murafaqa")
    parser.add_argument("--db", type=Path, default=None, help="database file (default: the data folder)")
    parser.add_argument("--lang", choices=("ar", "fr"), default=None)
    args, qt_args = parser.parse_known_args(list(argv))
    app = make_application(qt_args)
    setup_logging()
    window, _language = start(args.db or paths.default_db_path(), args.lang)
    install_excepthook(window.reporter)
    window.show()
    window.check_first_start()
    window.start_sync_if_enrolled()
    return app.exec()
