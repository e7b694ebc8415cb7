#!/usr/bin/env python3
"""Render every main screen of the desktop, in Arabic and in French, to
``docs/screenshots/<screen>-<lang>.png``, on a fresh demonstration programme.

    python scripts/screenshots.py [--out docs/screenshots] [--cooperatives 600] [--only record-history]

Runs without a display (Qt's offscreen platform). Look at the images: right
to left in Arabic, nothing cut off, Arabic joined, a calm layout.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--cooperatives", type=int, default=600)
    parser.add_argument("--only", action="append", metavar="SCREEN", help="write only this screen (repeatable)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="murafaqa-shots-"))
    os.environ["MURAFAQA_DATA_DIR"] = str(work / "data")

    from PySide6.QtCore import QSettings

    from murafaqa_desktop.services import demo
    from murafaqa_desktop.store import agenda
    from murafaqa_desktop.store import cooperatives as coop_store
    from murafaqa_desktop.store.db import open_db
    from murafaqa_desktop.ui.app import make_application, start
    from murafaqa_desktop.ui.kit.widgets import select_row

    db_path = work / "demo.db"
    db = open_db(db_path)
    demo.generate(db, args.cooperatives, seed=3)
    from selection_demo import make_call

    call_id = make_call(db)  # tranche 4, phase 2: the Selection page's call
    rich = agenda.showcase_cooperative(db)  # in coaching, with a plan, trainings, financing
    ineligible = next(r["id"] for r in coop_store.page(db, coop_store.CooperativeFilter(status="applied"), limit=400)
                      if _ineligible(r))
    _history_kept(db, rich)
    db.close()

    app = make_application()
    args.out.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window, language = start(db_path, "ar", settings=settings, interactive=False)
    window.resize(1280, 800)
    window.show()
    idle = window.tasks.wait_idle

    def shot(name: str, lang: str, widget=None) -> None:
        app.processEvents()
        if args.only and name not in args.only:
            return
        (widget or window).grab().save(str(args.out / f"{name}-{lang}.png"))

    for lang in ("ar", "fr"):
        language.set(lang)
        window.nav.setCurrentRow(0)  # the dashboard, its whole height
        idle()
        window.resize(1280, 800 + window.dashboard.scroll_area.widget().sizeHint().height() - 600)
        shot("dashboard", lang)
        window.resize(1280, 800)
        window.back_to_list()
        idle()
        shot("cooperatives", lang)
        window.open_cooperative(rich)
        idle()
        for i, name in enumerate(("record-profile", "record-selection", "record-diagnosis", "record-plan",
                                  "record-coaching", "record-trainings", "record-financing")):
            window.record.tabs.setCurrentIndex(i)
            shot(name, lang)
        history = window.record.history
        window.record.tabs.setCurrentWidget(history)
        history.wait()  # a demonstration database is never sent: the fetch says "not enrolled"
        app.processEvents()
        idle()
        history.state = "fetched"  # shown as after a fetch: what _history_kept wrote is what one keeps
        history.retranslate()
        shot("record-history", lang)
        window.open_cooperative(ineligible)
        idle()
        window.record.tabs.setCurrentIndex(1)
        shot("record-ineligible", lang)
        window.new_cooperative()
        form = window.record.profile.form
        form.editors["registration_number"].set_value(f"RC-2025-0007-{lang.upper()}")
        form.editors["legal_date"].set_value("2024-05-02")
        form.editors["activity_start"].set_value("2019-01-01")
        form.editors["members"].set_value("12a")
        window.record.save_profile()
        idle()
        window.record.tabs.setCurrentIndex(0)
        shot("new-cooperative-refused", lang)
        form.editors["members"].set_value("12")
        form.editors["activity_start"].set_value("2024-06-01")
        form.editors["name_ar"].set_value("تعاونية الواحة للكسكس")
        form.editors["name_fr"].set_value("Coopérative Al Waha du couscous")
        form.editors["region"].set_value("07")
        window.record.save_profile()  # a real change: the sync page lists it
        idle()
        window.back_to_list()
        window.nav.setCurrentRow(2)
        idle()
        shot("agenda", lang)
        window.nav.setCurrentRow(3)
        idle()
        if window.trainings.model.rowCount():
            select_row(window.trainings.table, 0)
            idle()
        shot("trainings", lang)
        _selection_shots(window, call_id, lang, shot, idle)
        window.nav.setCurrentRow(5)
        idle()
        shot("sync", lang)
        from murafaqa_desktop.ui.first_start import FirstStartDialog

        dialog = FirstStartDialog(window)
        dialog.show()
        shot("first-start", lang, dialog)
        dialog.close()
    window.close()
    print(f"screenshots written to {args.out}")
    return 0


def _history_kept(db, coop_id: str) -> None:
    """The history a fetch would keep for the cooperative (its creation by its
    coach, the coordinator's selection, a plan action, a need removed) and
    one edit of this laptop not yet sent."""
    from murafaqa_desktop.services import cooperatives
    from murafaqa_desktop.store import history
    from murafaqa_protocol.messages import HistoryEntryOut

    coop = cooperatives.get(db, coop_id)
    changes = [
        ("2024-01-15T09:12:00+00:00", "coach.nadia", "cooperatives", coop_id, "insert", f, None, coop[f])
        for f in ("registration_number", "name_ar", "name_fr", "president", "phone", "members", "status")
    ] + [
        ("2024-02-20T14:03:00+00:00", "coord.marrakech", "cooperatives", coop_id, "update", "status", "applied",
         "preselected"),
        ("2024-03-11T10:40:00+00:00", "coord.marrakech", "cooperatives", coop_id, "update", "status", "preselected",
         "diagnosis"),
        ("2024-04-02T08:55:00+00:00", "coach.nadia", "plan_actions", "a-1", "insert", "objective", None,
         "Obtenir l'agrément ONSSA"),
        ("2024-04-02T08:55:00+00:00", "coach.nadia", "plan_actions", "a-1", "insert", "due_date", None, "2024-09-30"),
        ("2024-05-06T11:20:00+00:00", "coach.nadia", "diagnosis_needs", "n-3", "delete", None,
         {"description": "Étiquetage"}, None),
        ("2024-06-18T16:45:00+00:00", "coord.marrakech", "cooperatives", coop_id, "update", "status", "diagnosis",
         "coaching"),
        ("2024-07-01T09:30:00+00:00", "coach.nadia", "cooperatives", coop_id, "update", "members", coop["members"],
         (coop["members"] or 0) + 3),
    ]
    entries = [HistoryEntryOut(id=i, seq=100 + i, at=at, user=user, device="d-" + user, table=table, row=row, op=op,
                               field=field, old=old, new=new)
               for i, (at, user, table, row, op, field, old, new) in enumerate(changes, 1)]
    with db.atomic():
        history.replace(db, coop_id, reversed(entries), "2026-11-30T08:15:00+00:00")
        cooperatives.update(db, coop_id, {"phone": "0661 23 45 67"})


def _selection_shots(window, call_id: str, lang: str, shot, idle) -> None:
    """The calls, a new call refused, a call's applications with a file
    rated in place, the ranking of a region with its places line, and a
    decision refused for want of its reason."""
    from murafaqa_desktop.ui.kit.widgets import select_row

    window.nav.setCurrentRow(4)
    idle()
    page = window.selection
    page.show_calls()
    idle()
    shot("selection-calls", lang)
    page.new_call()
    page.form.form.editors["tranche"].set_value("4")
    page.form.form.editors["phase"].set_value("2")
    page.form.places["11"].setValue(40)
    page.form.save_button.click()
    idle()
    shot("selection-new-call-refused", lang)
    page.open_call(call_id)
    idle()
    call_page = page.call_page
    call_page.tabs.setCurrentIndex(0)
    select_row(call_page.applications_view, 1)
    idle()
    shot("selection-applications", lang)
    call_page.tabs.setCurrentIndex(1)
    call_page.ranking_region.setCurrentIndex(call_page.ranking_region.findData("03"))
    idle()
    select_row(call_page.ranking_view, 5)
    idle()
    shot("selection-ranking", lang)
    call_page.decide_current()
    dialog = call_page.decision_dialog
    dialog.decision.setCurrentIndex(dialog.decision.findData("rejected"))
    dialog.save()
    idle()
    shot("selection-decision-refused", lang, dialog)
    dialog.reject()


def _ineligible(row: dict) -> bool:
    from murafaqa_desktop.services.cooperatives import eligibility_of

    return not eligibility_of(row).eligible


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
