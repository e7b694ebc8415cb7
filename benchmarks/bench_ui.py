"""Desktop figures on the national-scale demo: ``python benchmarks/run.py ui --json [--db PATH]``.

- ``startup_ratio``: process start to the first painted main window, over the
  same for a bare PySide6 window started the same way (a child process each,
  medians of ``--runs``, after one untimed start of each), in the same run on
  the same machine. The application's modules are byte-compiled first, as in
  an installed copy or the bundle: where PYTHONDONTWRITEBYTECODE is set, each
  start would otherwise compile them from source (≈ 14 ms) while PySide6's
  own modules come compiled. ``qt_only_ratio`` is the same for the list's
  first frame built with Qt alone (``first_frame_qt_only.py``: same classes,
  fonts, translators and widgets, none of our code): the floor;
- ``keystroke_median_ms``: a character typed in the search box to the list
  showing the new matches (count and first page in the model, then the
  table's own paint of them, as Qt schedules it, done);
  ``keystroke_model_median_ms`` stops before the paint;
- ``open_record_ms``: median time from opening a cooperative to every tab
  filled and painted (the record page itself is built once, before timing);
- ``peak_rss_mb``: peak resident memory of the process that ran the window,
  typed, opened records and scrolled 10,000 rows into the list.

The database is made once with
``murafaqa demo --cooperatives 60000 --db benchmarks/.work/ui-60000.db``.
Runs offscreen unless ``QT_QPA_PLATFORM`` says otherwise.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
WORK = Path(__file__).resolve().parent / ".work"

# The child prints "painted" at the first paint of its main window.
_PAINT_WATCH = r'''
from PySide6.QtCore import QEvent, QObject
class _Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            import os; os._exit(0)
        return False
'''
BARE = _PAINT_WATCH + r'''
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800)
watch = _Watch(); w.installEventFilter(watch)
w.show(); app.exec()
'''
APP = _PAINT_WATCH + r'''
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
from murafaqa_desktop.ui.app import make_application, start
app = make_application()
window, _ = start(Path(sys.argv[1]), "ar", settings=QSettings(sys.argv[2], QSettings.Format.IniFormat),
                  interactive=False)
window.resize(1280, 800)
watch = _Watch(); window.installEventFilter(watch)
window.show(); app.exec()
'''
# Typed the way a coach types: prefixes in both scripts, names, numbers.
TYPED = ["تعاونية الأمل", "النور", "فاطمة", "coop", "argane", "Fatima", "08/2021"]


def _child_seconds(code: str, args: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120,
                         env=env)
    if "painted" not in out.stdout:
        raise RuntimeError(f"the child never painted: {out.stderr[-1500:]}")
    return time.perf_counter() - started


def startup(db: Path, runs: int) -> dict[str, float]:
    import compileall

    import murafaqa_desktop

    compileall.compile_dir(Path(murafaqa_desktop.__file__).parent, quiet=1)
    tmp = Path(tempfile.mkdtemp())
    _child_seconds(BARE, [])  # one untimed start each: files in the page cache for both
    _child_seconds(APP, [str(db), str(tmp / "warm.ini")])
    qt_only_code = _PAINT_WATCH + (Path(__file__).parent / "first_frame_qt_only.py").read_text(encoding="utf-8")
    root = str(Path(__file__).resolve().parents[1])
    # An encrypted database: the first frame is the unlock screen (its bytes
    # and key file are all that screen reads before the passphrase is typed).
    encrypted = tmp / "encrypted.db"
    encrypted.write_bytes(os.urandom(4096))
    (tmp / "encrypted.db.key").write_text("{}")
    locked_env = {k: v for k, v in os.environ.items() if k != "MURAFAQA_UNENCRYPTED"}
    bare, app, qt_only, locked = [], [], [], []
    for i in range(runs):  # interleaved, so all see the same machine state
        bare.append(_child_seconds(BARE, []))
        app.append(_child_seconds(APP, [str(db), str(tmp / f"s{i}.ini")]))
        qt_only.append(_child_seconds(qt_only_code, [root, str(tmp / f"q{i}.ini")]))
        locked.append(_child_seconds(APP, [str(encrypted), str(tmp / f"l{i}.ini")], locked_env))
    b, a, q, u = (statistics.median(bare), statistics.median(app), statistics.median(qt_only),
                  statistics.median(locked))
    return {"startup_ratio": round(a / b, 2), "startup_ms": round(a * 1000, 1), "bare_window_ms": round(b * 1000, 1),
            "qt_only_ratio": round(q / b, 2), "unlock_screen_startup_ratio": round(u / b, 2),
            "unlock_screen_startup_ms": round(u * 1000, 1)}


def in_process(db: Path) -> dict[str, float]:
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, QTimer

    from murafaqa_desktop.store import agenda
    from murafaqa_desktop.store.cooperatives import CooperativeFilter, page
    from murafaqa_desktop.store.db import open_db
    from murafaqa_desktop.ui.app import make_application, start

    app = make_application()
    tmp = Path(tempfile.mkdtemp())
    window, _ = start(db, "ar", settings=QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat),
                      interactive=False)
    window.resize(1280, 800)
    window.show()
    window.tasks.wait_idle(60000)
    coops = window.coops
    model = coops.model

    def wait_for(signal) -> None:
        # sleep in Qt's event loop until the signal, as the application does
        # between keystrokes (a busy loop would take the interpreter from the worker)
        loop = QEventLoop()
        signal.connect(loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)

    # -- keystrokes --------------------------------------------------------------
    # The clock stops when the list has painted itself after its new rows came
    # in: the paint Qt schedules for the reset, as a coach's screen gets it.
    class PaintWatch(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.armed = self.painted = False
            self.loop = QEventLoop()

        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and self.armed:
                self.painted = True
                QTimer.singleShot(0, self.loop.quit)  # once this paint is done
            return False

    watch = PaintWatch()
    coops.table.viewport().installEventFilter(watch)
    model.modelReset.connect(lambda: setattr(watch, "armed", True))
    model_loaded = QEventLoop()
    model.loaded.connect(model_loaded.quit)  # connected once: connecting costs ~2 ms
    latencies: list[float] = []
    model_only: list[float] = []
    for text in TYPED:
        coops.search.clear()
        window.tasks.wait_idle(60000)
        app.processEvents()
        for ch in text:
            watch.armed = watch.painted = False
            started = time.perf_counter()
            coops.search.insert(ch)
            model_loaded.exec()
            model_only.append(time.perf_counter() - started)
            if not watch.painted:
                watch.loop.exec()
            latencies.append(time.perf_counter() - started)
    coops.search.clear()
    window.tasks.wait_idle(60000)

    # -- opening records ---------------------------------------------------------
    reader = open_db(db, migrate=False)
    ids = [agenda.showcase_cooperative(reader)]
    ids += [r["id"] for r in page(reader, CooperativeFilter(tranche=4), limit=20, offset=500, columns="c.id")]
    reader.close()
    opened: list[float] = []
    window.open_cooperative(ids[-1])  # the record page is built once, on first use
    wait_for(window.record.loaded)
    for coop_id in ids:
        started = time.perf_counter()
        window.open_cooperative(coop_id)
        wait_for(window.record.loaded)
        window.record.repaint()
        opened.append(time.perf_counter() - started)
    window.back_to_list()

    # -- scrolling the list: 10,000 rows fetched page by page ----------------------
    while len(model.rows) < min(10000, model.total):
        if model.canFetchMore():
            model.fetchMore()
        window.tasks.wait_idle(60000)
        coops.table.scrollToBottom()
        app.processEvents()
    window.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    return {
        "keystroke_median_ms": round(statistics.median(latencies) * 1000, 2),
        "keystroke_p95_ms": round(sorted(latencies)[int(len(latencies) * 0.95)] * 1000, 2),
        "keystroke_model_median_ms": round(statistics.median(model_only) * 1000, 2),
        "keystrokes": len(latencies),
        "open_record_ms": round(statistics.median(opened) * 1000, 1),
        "open_record_max_ms": round(max(opened) * 1000, 1),
        "rows_scrolled": len(model.rows),
        "peak_rss_mb": round(peak, 1),
    }


def main(argv: list[str]) -> dict:
    parser = argparse.ArgumentParser(prog="run.py ui")
    parser.add_argument("--db", type=Path, default=WORK / "ui-60000.db")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    if not args.db.exists():
        raise SystemExit(f"{args.db} is missing: murafaqa demo --cooperatives 60000 --db {args.db}")
    os.environ.setdefault("MURAFAQA_DATA_DIR", tempfile.mkdtemp())
    # The list, the records and startup_ratio on the plain demo, as before
    # encryption (the encrypted store is timed by run.py store); the window
    # on an encrypted database is unlock_screen_startup_ratio.
    os.environ["MURAFAQA_UNENCRYPTED"] = "1"
    from murafaqa_desktop.store.cooperatives import count_all
    from murafaqa_desktop.store.db import open_db

    db = open_db(args.db)  # brings the schema up to date (drafts) before timing
    cooperatives = count_all(db)
    db.close()
    figures: dict[str, float] = {"cooperatives": cooperatives}
    figures.update(startup(args.db, args.runs))
    figures.update(in_process(args.db))
    return figures
