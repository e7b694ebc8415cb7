"""What the first frame loads: only what it shows. The store, the domain
rules, the reference data, printing and the dialogs come after it; a module
that creeps in shows in ``startup_ratio`` (benchmarks/RESULTS.md), whose
margin is small. Checked in a fresh interpreter, at the window's first paint."""
from __future__ import annotations

import json
import os
import subprocess
import sys

CHILD = r'''
import json, os, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QSettings
from murafaqa_desktop.ui.app import make_application, start

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(json.dumps(sorted(sys.modules)), flush=True)
            os._exit(0)
        return False

app = make_application()
window, _ = start(Path(sys.argv[1]), "ar", settings=QSettings(sys.argv[2], QSettings.Format.IniFormat),
                  interactive=False)
watch = Watch()
window.installEventFilter(watch)
window.show()
app.exec()
'''

NOT_BEFORE_THE_FIRST_FRAME = (
    "murafaqa_desktop.store",  # the worker loads it, after the first frame
    "murafaqa_desktop.services",
    "murafaqa_desktop.reports",
    "murafaqa_desktop.sync",
    "murafaqa_desktop.domain.schema",
    "murafaqa_desktop.domain.entities",
    "murafaqa_desktop.domain.eligibility",
    "murafaqa_desktop.domain.reference",
    "murafaqa_desktop.ui.cooperatives.text_cell_delegate",
    "murafaqa_desktop.ui.record",  # the screens other than the list come when first shown
    "murafaqa_desktop.ui.agenda",
    "murafaqa_desktop.ui.sync",
    "murafaqa_desktop.ui.printing",
    "murafaqa_desktop.ui.dashboard",
    "murafaqa_desktop.ui.selection",
    "sqlite_utils",
    "sqlite3",
    "reportlab",
    "httpx",
    "PySide6.QtPrintSupport",
    "PySide6.QtPdf",
    "PySide6.QtCharts",  # with the dashboard only
)


def test_the_first_frame_loads_only_what_it_shows(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MURAFAQA_DATA_DIR": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "m.db"), str(tmp_path / "s.ini")],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    early = [m for m in loaded if any(m == name or m.startswith(name + ".") for name in NOT_BEFORE_THE_FIRST_FRAME)]
    assert early == []
    ours = [m for m in loaded if m.startswith("murafaqa_desktop")]
    assert "murafaqa_desktop.ui.main_window" in ours and "murafaqa_desktop.ui.cooperatives.list_view" in ours


def test_the_unlock_screen_as_first_frame_loads_no_store_and_no_key_derivation(tmp_path):
    """On an encrypted database the first frame is the lock screen: still no
    store, nor Argon2 or the ciphers, before it (they load when the coach
    presses Unlock)."""
    (tmp_path / "m.db").write_bytes(b"\x8a" * 4096)  # an encrypted file: no plain header
    (tmp_path / "m.db.key").write_text("{}")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MURAFAQA_DATA_DIR": str(tmp_path / "data")}
    env.pop("MURAFAQA_UNENCRYPTED", None)
    out = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "m.db"), str(tmp_path / "s.ini")],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    early = [m for m in loaded if any(m == name or m.startswith(name + ".")
                                      for name in (*NOT_BEFORE_THE_FIRST_FRAME, "argon2", "cryptography",
                                                   "sqlcipher3"))]
    assert early == []
    assert "murafaqa_desktop.ui.lock.screen" in loaded
