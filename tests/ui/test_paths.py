"""The command line (no Qt) and the window must open the same data folder."""
import sys

import pytest
from PySide6.QtCore import QStandardPaths

from murafaqa_desktop import paths
from murafaqa_desktop.ui.app import make_application


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG_DATA_HOME is how Linux places data")
def test_qt_app_data_location_is_paths_data_dir(qapp, monkeypatch, tmp_path):
    monkeypatch.delenv("MURAFAQA_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    make_application()
    qt = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    assert qt == str(paths.data_dir())
    assert str(paths.data_dir()).startswith(str(tmp_path / "xdg"))
