"""Qt tests run without a display; each window gets its own database,
data folder and settings file."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qapp, qtbot, settings):
    """make_window(db_path, lang) -> a shown MainWindow, closed at the end."""
    from murafaqa_desktop.ui.app import make_application, start

    make_application()
    made = []

    def make(db_path: Path, lang: str = "ar", close_answer=None):
        window, _language = start(Path(db_path), lang, settings=settings, interactive=False)
        window.close_answer = close_answer
        qtbot.addWidget(window)
        window.show()
        window.tasks.wait_idle()
        made.append(window)
        return window

    yield make
    for window in made:
        window.tasks.close()
    # A window opened in French leaves the application French: give it back
    # in Arabic, the default every Qt test starts from.
    from murafaqa_desktop.ui.kit.i18n import Language

    Language.of(qapp).set("ar")


@pytest.fixture
def window(make_window, db_path):
    return make_window(db_path)


@pytest.fixture
def demo_window(make_window, demo_db_file, tmp_path):
    import shutil

    path = tmp_path / "demo.db"
    shutil.copy(demo_db_file, path)
    return make_window(path)
