"""A half-typed session survives the application being killed."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from tests.factories import make_cooperative

from murafaqa_desktop.store import drafts
from murafaqa_desktop.store.db import open_db

CHILD = textwrap.dedent(r'''
    import os, signal, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from murafaqa_desktop.ui.app import make_application, start
    app = make_application()
    db, coop, settings = sys.argv[1:4]
    w, _ = start(Path(db), "ar", settings=QSettings(settings, QSettings.Format.IniFormat), interactive=False)
    w.show(); w.tasks.wait_idle()
    w.open_cooperative(coop); w.tasks.wait_idle()
    w.record.tabs.setCurrentWidget(w.record.coaching)
    form = w.record.coaching.form
    saved = []
    form.drafts.saved.connect(lambda: saved.append(1))
    QTest.keyClicks(form.form.editors["duration_minutes"].edit, "90")
    place = form.form.editors["place"].edit
    place.insert("بمقر التعاونية")
    place.textEdited.emit(place.text())
    form.form.editors["recommendations"].edit.setPlainText("تحسين التغليف")
    deadline = time.monotonic() + 10
    while not saved and time.monotonic() < deadline:
        app.processEvents(); time.sleep(0.01)
    print("draft saved" if saved else "no draft", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # no close, no cleanup: a crash
''')


def test_killed_with_a_half_typed_session_then_the_draft_comes_back(make_window, db_path, tmp_path):
    db = open_db(db_path)
    coop = make_cooperative(db)
    db.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run([sys.executable, "-c", CHILD, str(db_path), coop["id"], str(tmp_path / "child.ini")],
                           capture_output=True, text=True, timeout=60, env=env)
    assert child.returncode == -9, child.stderr[-2000:]
    assert "draft saved" in child.stdout
    db = open_db(db_path)
    kept = drafts.load(db, f"coaching_session:{coop['id']}")
    db.close()
    assert kept and kept["fields"]["place"] == "بمقر التعاونية"

    window = make_window(db_path)
    window.open_cooperative(coop["id"])
    window.tasks.wait_idle()
    form = window.record.coaching.form
    assert form.restore_button.isVisibleTo(form)
    form.restore_button.click()
    values = form.form.values()
    assert values["place"] == "بمقر التعاونية"
    assert values["duration_minutes"] == "90"
    assert values["recommendations"] == "تحسين التغليف"
    # recording the session removes the draft
    form.form.editors["held_on"].set_value("2024-03-01")
    form.submit()
    window.tasks.wait_idle()
    assert window.record.coaching.progress.text() == "1 من 12"
    db = open_db(db_path)
    assert drafts.load(db, f"coaching_session:{coop['id']}") is None
    db.close()


def test_discarding_a_kept_draft_forgets_it(window, db_path):
    db = open_db(db_path)
    coop = make_cooperative(db)
    drafts.save(db, f"coaching_session:{coop['id']}", "coaching_session", {"fields": {"place": "x"}, "reviews": []})
    db.close()
    window.open_cooperative(coop["id"])
    window.tasks.wait_idle()
    form = window.record.coaching.form
    assert form.discard_button.isVisibleTo(form)
    form.discard_button.click()
    window.tasks.wait_idle()
    assert not form.discard_button.isVisibleTo(form)
    db = open_db(db_path)
    assert drafts.load(db, f"coaching_session:{coop['id']}") is None
    db.close()
