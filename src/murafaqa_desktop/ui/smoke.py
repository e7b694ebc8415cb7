"""``murafaqa --smoke-test``: does this installation work? Opens the main
window offscreen on a temporary database, loads both translations and the
fonts, builds one PDF, and exits 0, or 1 saying what failed."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def run() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="murafaqa-smoke-") as tmp:
        os.environ["MURAFAQA_DATA_DIR"] = tmp
        try:
            _check(Path(tmp))
        except Exception as e:  # the point is to report anything at all
            print(f"smoke test FAILED: {e.__class__.__name__}: {e}", file=sys.stderr)
            return 1
    print("smoke test passed")
    return 0


def _check(tmp: Path) -> None:
    from PySide6.QtCore import QSettings, QTranslator
    from PySide6.QtGui import QFontDatabase

    from .. import assets
    from ..reports.batch import build_batch
    from ..services import demo
    from ..store import cooperatives as coop_store
    from ..store.db import open_db
    from .app import make_application, start

    app = make_application()
    for code in ("ar", "fr"):
        translator = QTranslator()
        if not translator.load(str(assets.translations_dir() / f"murafaqa_{code}.qm")):
            raise RuntimeError(f"translation {code} did not load")
    _check_charts()
    fonts = sorted(assets.fonts_dir().glob("*.ttf"))
    if not fonts or any(QFontDatabase.addApplicationFont(str(f)) < 0 for f in fonts):
        raise RuntimeError("a bundled font did not load")
    from ..store import keys

    # encrypted, as every database the application makes: SQLCipher, Argon2id
    # (at a light cost here) and AES-GCM are in the bundle
    db_path = tmp / "smoke.db"
    passphrase = "smoke test passphrase"
    key, _recovery = keys.create(keys.key_path(db_path), passphrase, kdf=keys.Kdf(1, 8 * 1024, 1))
    db = open_db(db_path, key=key)
    demo.generate(db, 5, seed=1)
    coop_id = coop_store.page(db, coop_store.CooperativeFilter(), limit=1)[0]["id"]
    db.close()
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    window, _language = start(db_path, "ar", settings=settings, interactive=False)
    window.show()
    for _ in range(20):
        app.processEvents()
    if window.grab().isNull():
        raise RuntimeError("the main window did not paint")
    if window.lock_screen is None:
        raise RuntimeError("the encrypted database did not open on the lock screen")
    window.lock_screen.passphrase.setText(passphrase)
    window.lock_screen.unlock()
    if window.lock_screen is not None:
        raise RuntimeError(f"the passphrase did not unlock: {window.lock_screen.unlock_error.text()}")
    window.tasks.wait_idle()
    if window.coops.model.rowCount() != 5:
        raise RuntimeError("the unlocked window did not list the cooperatives")
    window.close()
    pdf = tmp / "sheet.pdf"
    db = open_db(db_path)
    try:
        build_batch(db, "diagnostic", [coop_id], pdf, "ar")
    finally:
        db.close()
    if not pdf.read_bytes().startswith(b"%PDF"):
        raise RuntimeError("the diagnostic sheet is not a PDF")


def _check_charts() -> None:
    """The dashboard page imports Qt Charts only when it opens, so nothing at
    start-up would notice a bundle without it: import it and draw a chart."""
    try:
        from PySide6.QtCharts import QBarSeries, QBarSet, QChart, QChartView
    except ImportError as e:
        raise RuntimeError(f"PySide6.QtCharts is missing: {e}") from e
    bars = QBarSet("sessions")
    bars.append([3, 5, 2])
    series = QBarSeries()
    series.append(bars)
    chart = QChart()
    chart.addSeries(series)
    chart.createDefaultAxes()
    view = QChartView(chart)
    view.resize(320, 200)
    if view.grab().isNull():
        raise RuntimeError("a Qt Charts chart did not paint")
