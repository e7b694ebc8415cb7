"""The coach's workflows, through the window, on a temporary database."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from tests.factories import make_cooperative

from murafaqa_desktop.services import coaching, diagnosis, plans, trainings
from murafaqa_desktop.store import outbox
from murafaqa_desktop.store.db import open_db
from murafaqa_desktop.ui.kit.widgets import select_row


def idle(window) -> None:
    assert window.tasks.wait_idle()


def open_new_cooperative(window, db_path) -> dict:
    """A cooperative made in the store, open in the window."""
    db = open_db(db_path)
    coop = make_cooperative(db)
    db.close()
    window.open_cooperative(coop["id"])
    idle(window)
    return coop


def fill_cooperative(record, **values) -> None:
    form = record.profile.form
    for name, value in values.items():
        editor = form.editors[name]
        if hasattr(editor, "edit") and hasattr(editor.edit, "setText"):
            editor.edit.setText(value)
            editor.edit.textEdited.emit(value)  # as typed
        else:
            editor.set_value(value)
            editor.changed.emit()


def test_create_a_cooperative_then_find_it_in_the_list_and_by_search(window, qtbot):
    window.new_action.trigger()  # Ctrl+N
    record = window.record
    assert window.stack.currentWidget() is record
    qtbot.keyClicks(record.profile.form.editors["registration_number"].edit, "RC-2024-0042")
    fill_cooperative(record, name_ar="تعاونية الأمل للأركان", name_fr="Coopérative Al Amal",
                     legal_date="2022-03-01", activity_start="2022-06-01", application_date="2024-01-15",
                     region="07")
    window.save_action.trigger()  # Ctrl+S
    idle(window)
    assert record.file is not None, window.reporter.last
    assert record.title.text().lstrip("\u200f") == "تعاونية الأمل للأركان"
    window.escape()  # Esc: back to the list
    idle(window)
    assert window.stack.currentWidget() is window.coops
    assert any(r["registration_number"] == "RC-2024-0042" for r in window.coops.model.rows)
    window.find_action.trigger()  # Ctrl+F
    window.coops.search.setText("تعاونيه الامل")  # no hamza, teh marbuta as heh
    idle(window)
    assert [r["registration_number"] for r in window.coops.model.rows] == ["RC-2024-0042"]
    assert window.coops.count.text() == "تعاونية واحدة"
    window.escape()
    assert window.coops.search.text() == ""


def test_a_refused_field_is_explained_next_to_it_in_the_users_language(window, qtbot):
    window.new_cooperative()
    record = window.record
    fill_cooperative(record, registration_number="RC-1", legal_date="2022-03-01", region="07",
                     email="x@example.org", members="beaucoup")
    record.save_profile()
    idle(window)
    assert record.file is None
    members_error = record.profile.form.error_text("members")
    assert "عدد المتعاونين" in members_error and "beaucoup" in members_error
    assert record.profile.form.errors["members"].isVisibleTo(record)
    assert record.profile.form.error_text("name_ar") == ""


def test_an_ineligible_cooperative_is_flagged_with_its_reason(window, qtbot, db_path):
    db = open_db(db_path)
    coop = make_cooperative(db, registration_number="RC-OLD", legal_date="2015-01-10",
                            activity_start="2015-02-01", application_date="2024-01-15")
    db.close()
    window.coops.model.reload()
    idle(window)
    model = window.coops.model
    row = next(i for i, r in enumerate(model.rows) if r["id"] == coop["id"])
    assert model.index(row, 6).data() == "لا"
    assert "4" in model.index(row, 6).data(Qt.ItemDataRole.ToolTipRole)
    window.open_cooperative(coop["id"])
    idle(window)
    tab = window.record.selection
    assert "غير مؤهلة" in tab.verdict.text()
    assert "يقبل البرنامج 4 سنوات على الأكثر" in tab.reasons.text()


def test_add_edit_and_reorder_plan_actions(window, qtbot, db_path):
    open_new_cooperative(window, db_path)
    tab = window.record.plan
    window.record.tabs.setCurrentWidget(tab)
    for objective, axis in (("Obtenir l'agrément ONSSA", "production"), ("Ouvrir un point de vente", "marketing")):
        tab.add()
        dialog = tab.dialog
        dialog.form.editors["axis"].set_value(axis)
        dialog.form.editors["objective"].set_value(objective)
        dialog.form.editors["due_date"].set_value("2025-06-30")
        dialog.form.editors["estimated_cost"].set_value("12000")
        dialog.submit()
        idle(window)
        assert dialog.result() == dialog.DialogCode.Accepted, dialog.form.general_error.text()
        idle(window)
    assert [r["objective"] for r in tab.model.rows] == ["Obtenir l'agrément ONSSA", "Ouvrir un point de vente"]
    # an action without objective is refused next to the field
    tab.add()
    tab.dialog.form.editors["axis"].set_value("supply")
    tab.dialog.submit()
    idle(window)
    assert "الهدف" in tab.dialog.form.error_text("objective")
    tab.dialog.reject()
    # move the second one up, by keyboard
    tab.table.setCurrentIndex(tab.model.index(1, 0))
    tab.move_action(-1)
    idle(window)
    assert [r["objective"] for r in tab.model.rows] == ["Ouvrir un point de vente", "Obtenir l'agrément ONSSA"]
    # edit
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    tab.edit()
    tab.dialog.form.editors["progress"].set_value("50")
    tab.dialog.submit()
    idle(window)
    assert tab.model.rows[0]["progress"] == 50
    # remove the second
    tab.table.setCurrentIndex(tab.model.index(1, 0))
    tab.remove(confirm=False)
    idle(window)
    assert [r["objective"] for r in tab.model.rows] == ["Ouvrir un point de vente"]


def test_log_sessions_then_the_13th_is_refused_with_its_message(window, qtbot, db_path):
    db = open_db(db_path)
    coop = make_cooperative(db)
    first = dt.date(2024, 2, 1)
    for n in range(11):
        coaching.log_session(db, coop["id"], {"held_on": (first + dt.timedelta(days=60 * n)).isoformat()})
    db.close()
    window.open_cooperative(coop["id"])
    idle(window)
    tab = window.record.coaching
    assert tab.progress.text() == "11 من 12"
    form = tab.form
    form.form.editors["held_on"].set_value((first + dt.timedelta(days=60 * 11)).isoformat())
    form.form.editors["place"].edit.setText("بمقر التعاونية")
    form.submit()
    idle(window)
    assert tab.progress.text() == "12 من 12", form.form.general_error.text()
    assert tab.full_label.isVisibleTo(tab)
    form.form.editors["held_on"].set_value((first + dt.timedelta(days=60 * 12)).isoformat())
    window.record.tabs.setCurrentWidget(tab)
    window.save_action.trigger()
    idle(window)
    assert tab.progress.text() == "12 من 12"
    message = form.form.general_error.text() + form.form.error_text("held_on")
    assert "لا يتضمن البرنامج حصة ثالثة عشرة" in message
    # and in French, after switching language
    window.set_language("fr")
    form.submit()
    idle(window)
    assert "pas de 13e" in form.form.general_error.text()
    window.set_language("ar")


def test_a_session_past_the_two_year_window_is_refused_next_to_its_date(window, qtbot, db_path):
    db = open_db(db_path)
    coop = make_cooperative(db)
    coaching.log_session(db, coop["id"], {"held_on": "2024-02-01"})
    db.close()
    window.open_cooperative(coop["id"])
    idle(window)
    form = window.record.coaching.form
    form.form.editors["held_on"].set_value("2026-03-01")
    form.submit()
    idle(window)
    assert "يتجاوز مدة السنتين" in form.form.error_text("held_on")


def test_keyboard_only_attendance_for_a_training(window, qtbot, db_path):
    db = open_db(db_path)
    coop = make_cooperative(db)
    session = trainings.create_session(db, {"module_code": "GOV-01", "held_on": "2025-03-10", "region": "07",
                                            "place": "Marrakech", "trainer": "M. Alaoui"})
    db.close()
    window.set_language("fr")
    window.nav.setCurrentRow(3)
    idle(window)
    view = window.trainings
    view.select(session["id"])
    idle(window)
    sheet = view.sheet
    assert sheet.isEnabled()
    people = [("Fatima Ait Ali", "F"), ("Mohamed Ouali", "M"), ("Khadija Bennani", "F")]
    for name, gender in people:
        qtbot.keyClicks(sheet.name, name)
        qtbot.keyClick(sheet.name, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() in (sheet.cooperative, sheet.cooperative.lineEdit())
        qtbot.keyClick(sheet.cooperative, Qt.Key.Key_Down)  # the first cooperative of the region
        qtbot.keyClick(sheet.cooperative, Qt.Key.Key_Tab)
        qtbot.keyClick(sheet.role, Qt.Key.Key_Down)
        qtbot.keyClick(sheet.role, Qt.Key.Key_Tab)
        sheet.gender.setFocus()
        qtbot.keyClick(sheet.gender, Qt.Key.Key_Home if gender == "F" else Qt.Key.Key_End)
        qtbot.keyClick(sheet.gender, Qt.Key.Key_Return)
        idle(window)
        assert sheet.error.text() == ""
        assert QApplication.focusWidget() is sheet.name and sheet.name.text() == ""
    assert [r["participant"] for r in sheet.model.rows] == [p for p, _ in people]
    assert [r["gender"] for r in sheet.model.rows] == [g for _, g in people]
    assert all(r["cooperative_id"] == coop["id"] for r in sheet.model.rows)
    assert "3 participants, dont 2 femmes" in sheet.count.text()
    # a line without a name is refused, and nothing is added
    qtbot.keyClick(sheet.name, Qt.Key.Key_Return)
    idle(window)
    assert "obligatoire" in sheet.error.text() and len(sheet.model.rows) == 3


def test_switching_language_changes_direction_and_texts(window, qtbot):
    app = QApplication.instance()
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.nav.item(1).text() == "التعاونيات"
    assert window.file_menu.title() == "&ملف"
    window.language_actions["fr"].trigger()
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.nav.item(1).text() == "Coopératives"
    assert window.file_menu.title() == "&Fichier"
    assert window.coops.model.headerData(0, Qt.Orientation.Horizontal) == "N° d'immat."
    assert window.record.profile.form.labels["legal_date"].text().startswith("Date de création légale")
    assert window.record.tabs.tabText(1) == "Éligibilité && sélection"
    assert "hors ligne" in window.sync_label.text()
    assert window.settings.value("language") == "fr"
    window.language_actions["ar"].trigger()
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.nav.item(1).text() == "التعاونيات"
    assert window.record.profile.form.labels["legal_date"].text().startswith("تاريخ التأسيس القانوني")
    assert "غير متصل" in window.sync_label.text()


def test_phone_email_and_registration_stay_left_to_right_in_arabic(window):
    form = window.record.profile.form
    for name in ("phone", "email", "registration_number"):
        assert form.editors[name].edit.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert form.editors["name_ar"].edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    date = form.editors["legal_date"]
    date.set_value("2007-10-05")
    assert date.edit.text() == "2007-10-05"  # not mirrored into 05-10-2007


def test_sync_status_counts_the_changes_waiting(window, qtbot):
    assert "لا توجد تعديلات" in window.sync_label.text()
    window.new_cooperative()
    fill_cooperative(window.record, registration_number="RC-9", name_fr="Coopérative Nour", legal_date="2022-03-01",
                     region="07")
    window.record.save_profile()
    idle(window)
    idle(window)
    assert "تعديل واحد" in window.sync_label.text()
    from murafaqa_desktop.ui.main_window import PAGES

    window.nav.setCurrentRow([p.key for p in PAGES].index("sync"))
    idle(window)
    assert window.outbox.model.rowCount() == 1


def test_agenda_lists_overdue_coaching(demo_window):
    window = demo_window
    window.nav.setCurrentRow(2)
    idle(window)
    overdue = window.agenda.models[0]
    assert overdue.rowCount() > 0
    today = dt.date.today().isoformat()
    assert all(r["next_due"] < today for r in overdue.rows)
    window.agenda.view(0).activated.emit(overdue.index(0, 0))
    idle(window)
    assert window.record.coop_id == overdue.rows[0]["id"]


def test_close_guard_keeps_the_window_open_when_asked(window, qtbot, db_path):
    from PySide6.QtWidgets import QMessageBox

    open_new_cooperative(window, db_path)
    window.record.coaching.form.form.editors["place"].edit.setText("x")
    window.record.coaching.form.form.editors["place"].changed.emit()
    window.close_answer = QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert window.isVisible()


def test_diagnosis_sections_and_needs_from_the_window(window, db_path):
    open_new_cooperative(window, db_path)
    tab = window.record.diagnosis
    tab.edit_section()
    tab.dialog.form.editors["section"].set_value("marketing_sales")
    tab.dialog.form.editors["rating"].set_value("1")
    tab.dialog.form.editors["findings"].set_value("البيع محصور في السوق الأسبوعي")
    tab.dialog.submit()
    idle(window)
    assert [r["section"] for r in tab.sections.rows] == ["marketing_sales"]
    tab.add_need()
    form = tab.dialog.form
    form.editors["kind"].set_value("assistance")
    form.editors["kind"].changed.emit()
    axes = [form.editors["axis"].combo.itemData(i) for i in range(form.editors["axis"].combo.count())]
    assert "production" in axes and "governance" not in axes  # assistance areas, not training axes
    form.editors["axis"].set_value("production")
    tab.dialog.submit()
    idle(window)
    assert "الوصف" in form.error_text("description")  # refused next to the field
    form.editors["description"].set_value("مواكبة للحصول على الترخيص الصحي")
    tab.dialog.submit()
    idle(window)
    assert [(r["kind"], r["axis"]) for r in tab.needs.rows] == [("assistance", "production")]


def _coop_with_needs(db_path) -> str:
    db = open_db(db_path)
    coop = make_cooperative(db)
    diagnosis.add_need(db, coop["id"], {"kind": "training", "axis": "marketing", "description": "Fixer les prix",
                                        "priority": "high"})
    diagnosis.add_need(db, coop["id"], {"kind": "assistance", "axis": "production",
                                        "description": "مواكبة للحصول على الترخيص الصحي", "priority": "medium"})
    db.execute("UPDATE outbox SET sent = 1")  # as if pushed: a removal must then travel to the server
    db.close()
    return coop["id"]


def _needs_in_store(db_path) -> list[tuple[str, str, str]]:
    db = open_db(db_path)
    rows = db.execute("SELECT kind, axis, description FROM diagnosis_needs ORDER BY id").fetchall()
    db.close()
    return [tuple(r) for r in rows]


def _row_of(tab, description: str) -> int:
    return next(i for i, r in enumerate(tab.needs.rows) if r["description"] == description)


def test_edit_a_diagnosis_need_from_the_window(window, qtbot, db_path):
    window.open_cooperative(_coop_with_needs(db_path))
    idle(window)
    tab = window.record.diagnosis
    window.record.tabs.setCurrentWidget(tab)
    assert not tab.edit_need_button.isEnabled()  # nothing chosen yet
    select_row(tab.needs_view, _row_of(tab, "مواكبة للحصول على الترخيص الصحي"))
    assert tab.edit_need_button.isEnabled() and tab.remove_need_button.isEnabled()
    qtbot.keyClick(tab.needs_view, Qt.Key.Key_Return)  # Enter opens the chosen need
    form = tab.dialog.form
    # the same form, filled in, the axis among the assistance areas
    assert (form.editors["kind"].value(), form.editors["axis"].value()) == ("assistance", "production")
    assert form.editors["description"].value() == "مواكبة للحصول على الترخيص الصحي"
    form.editors["kind"].set_value("training")
    form.editors["kind"].changed.emit()
    form.editors["axis"].set_value("governance")
    form.editors["priority"].set_value("high")
    tab.dialog.submit()
    idle(window)
    assert tab.dialog.result() == tab.dialog.DialogCode.Accepted, tab.dialog.form.general_error.text()
    idle(window)
    row = _row_of(tab, "مواكبة للحصول على الترخيص الصحي")
    assert (tab.needs.rows[row]["kind"], tab.needs.rows[row]["axis"], tab.needs.rows[row]["priority"]) == (
        "training", "governance", "high")
    assert "الحكامة" in tab.needs.data(tab.needs.index(row, 1))
    assert ("training", "governance", "مواكبة للحصول على الترخيص الصحي") in _needs_in_store(db_path)
    assert tab._selected_need() is tab.needs.rows[row]  # still the chosen one, wherever the reload put it
    # a double click opens a need too
    where = tab.needs_view.visualRect(tab.needs.index(_row_of(tab, "Fixer les prix"), 0)).center()
    qtbot.mouseClick(tab.needs_view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(tab.needs_view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert tab.dialog.form.editors["description"].value() == "Fixer les prix"
    tab.dialog.reject()


def test_a_refused_need_edit_shows_its_reason_and_changes_nothing(window, db_path):
    window.open_cooperative(_coop_with_needs(db_path))
    idle(window)
    tab = window.record.diagnosis
    before, db = _needs_in_store(db_path), open_db(db_path)
    waiting = outbox.pending_count(db)
    db.close()
    select_row(tab.needs_view, _row_of(tab, "Fixer les prix"))
    tab.edit_need_button.click()
    form = tab.dialog.form
    form.editors["description"].set_value("")
    form.editors["priority"].set_value("low")
    tab.dialog.submit()
    idle(window)
    assert tab.dialog.isVisible() and "الوصف" in form.error_text("description")
    assert _needs_in_store(db_path) == before
    db = open_db(db_path)
    assert outbox.pending_count(db) == waiting
    db.close()
    tab.dialog.reject()


def test_remove_a_diagnosis_need_after_a_question(window, qtbot, db_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window.open_cooperative(_coop_with_needs(db_path))
    idle(window)
    tab = window.record.diagnosis
    window.record.tabs.setCurrentWidget(tab)
    asked: list[str] = []

    def answer(reply):
        def question(_parent, _title, text, *_args):
            asked.append(text)
            return reply
        return question

    select_row(tab.needs_view, _row_of(tab, "Fixer les prix"))
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    tab.remove_need_button.click()
    idle(window)
    assert "Fixer les prix" in asked[-1] and len(tab.needs.rows) == 2  # "no" keeps it
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    need_id = tab._selected_need()["id"]
    qtbot.keyClick(tab.needs_view, Qt.Key.Key_Delete)
    idle(window)
    idle(window)
    assert len(asked) == 2
    assert [r["description"] for r in tab.needs.rows] == ["مواكبة للحصول على الترخيص الصحي"]
    assert [d for _k, _a, d in _needs_in_store(db_path)] == ["مواكبة للحصول على الترخيص الصحي"]
    db = open_db(db_path)
    last = outbox.entries(db)[-1]
    db.close()
    assert (last["tbl"], last["row_id"], last["op"]) == ("diagnosis_needs", need_id, "delete")
    assert tab._selected_need() is tab.needs.rows[0]  # the next one is chosen: Delete can go on


def test_first_start_saves_the_profile_and_loads_the_demo(window, db_path):
    from murafaqa_desktop.services import profile

    db = open_db(db_path)
    assert profile.is_first_start(db)
    db.close()
    window.first_start("Fatima Zahra", "07", load_demo=True, cooperatives=60)
    idle(window)
    idle(window)
    assert window.coops.model.total == 60
    db = open_db(db_path)
    assert profile.get(db) == {"coach": "Fatima Zahra", "region": "07"}
    assert not profile.is_first_start(db)
    db.close()


def test_cancelling_the_demo_load_keeps_the_profile_and_no_cooperative(window, db_path):
    import threading

    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from murafaqa_desktop.services import profile

    gate = threading.Event()
    window.tasks.run(lambda _db: gate.wait(10))  # holds the worker until the cancel is in
    window.first_start("Fatima Zahra", "07", load_demo=True, cooperatives=60)
    progress = window.findChild(QProgressDialog)
    assert progress.isVisible()
    progress.findChild(QPushButton).click()
    gate.set()
    idle(window)
    QApplication.sendPostedEvents()  # the dialog's deferred deletion
    assert window.findChild(QProgressDialog) is None
    assert "إلغاء" in window.statusBar().currentMessage()
    db = open_db(db_path)
    assert db.execute("SELECT count(*) FROM cooperatives").fetchone()[0] == 0
    assert profile.get(db) == {"coach": "Fatima Zahra", "region": "07"}
    db.close()
    # the window goes on: the list is empty and the demo can still be loaded whole
    window.coops.model.reload()
    idle(window)
    assert window.coops.model.total == 0
    window.first_start("Fatima Zahra", "07", load_demo=True, cooperatives=60)
    idle(window)
    idle(window)
    assert window.coops.model.total == 60


def test_sector_by_name_or_free_text(window):
    editor = window.record.profile.form.editors["sector"]
    editor.set_value("argan")
    assert editor.value() == "argan" and editor.combo.currentText() not in ("", "argan")
    editor.set_value("تربية الحلزون")
    assert editor.value() == "تربية الحلزون"
    editor.set_value(None)
    assert editor.value() is None


def test_a_session_reviews_plan_actions_and_moves_their_progress(window, db_path):
    db = open_db(db_path)
    coop = make_cooperative(db)
    action = plans.add_action(db, coop["id"], {"axis": "marketing", "objective": "Ouvrir un point de vente"})
    db.close()
    window.open_cooperative(coop["id"])
    idle(window)
    form = window.record.coaching.form
    assert form.reviews.rowCount() == 1
    form.form.editors["held_on"].set_value("2024-03-01")
    form.reviews.cellWidget(0, 1).setValue(40)
    form.reviews.item(0, 2).setText("Local trouvé au souk")
    form.submit()
    idle(window)
    assert window.record.coaching.progress.text() == "1 من 12"
    assert window.record.plan.model.rows[0]["progress"] == 40
    assert window.record.plan.model.rows[0]["status"] == "in_progress"
    assert form.reviews.cellWidget(0, 1).value() == 40  # the next session starts from there
    assert form.review_values() == []
    session = window.record.file["coaching"]["sessions"][0]
    assert [(r["action_id"], r["progress"]) for r in session["reviews"]] == [(action["id"], 40)]


def test_the_region_filter_offers_every_region_in_the_interface_language(window, qtbot):
    """Its choices come from the reference data, read just after the first frame."""
    from murafaqa_desktop import assets

    regions = assets.reference().regions
    combo = window.coops.region
    qtbot.waitUntil(lambda: combo.count() == 1 + len(regions))
    code = next(iter(regions))
    assert combo.itemText(combo.findData(code)) == regions[code].name("ar")
    combo.setCurrentIndex(combo.findData(code))
    assert window.coops.model.filters["region"] == code
    window.language_actions["fr"].trigger()
    assert combo.currentData() == code  # the choice survives the switch
    assert combo.currentText() == regions[code].name("fr")
    assert window.coops.model.filters["region"] == code
    window.language_actions["ar"].trigger()


def test_the_list_paints_with_its_own_delegate_once_rows_come(demo_window, qtbot):
    from murafaqa_desktop.ui.cooperatives.text_cell_delegate import TextCellDelegate

    coops = demo_window.coops
    qtbot.waitUntil(lambda: len(coops.model.rows) > 0)
    assert isinstance(coops.table.itemDelegate(), TextCellDelegate)
    before = coops.table.itemDelegate()
    coops.search.setText("تعاونية")  # another reset: the same delegate, not a new one each time
    qtbot.waitUntil(lambda: not coops.model._in_flight)
    assert coops.table.itemDelegate() is before


def test_progress_typed_in_a_session_stays_with_its_action_when_the_plan_is_reordered(window, db_path):
    """A session being typed keeps what was typed when the plan changes
    meanwhile (another tab reloads the file), each value on its own action."""
    db = open_db(db_path)
    coop = make_cooperative(db)
    first = plans.add_action(db, coop["id"], {"axis": "production", "objective": "Obtenir l'agrément ONSSA"})
    second = plans.add_action(db, coop["id"], {"axis": "marketing", "objective": "Ouvrir un point de vente"})
    db.close()
    window.open_cooperative(coop["id"])
    idle(window)
    form = window.record.coaching.form
    form.form.editors["held_on"].set_value("2024-03-01")
    form.reviews.cellWidget(1, 1).setValue(80)  # the point of sale
    form.reviews.item(1, 2).setText("Local trouvé au souk")
    assert form.dirty
    tab = window.record.plan
    tab.table.setCurrentIndex(tab.model.index(1, 0))
    tab.move_action(-1)  # the point of sale comes first now
    idle(window)
    assert [a["id"] for a in form.plan_actions] == [second["id"], first["id"]]
    assert "Ouvrir un point de vente" in form.reviews.item(0, 0).text()
    assert form.reviews.cellWidget(0, 1).value() == 80
    assert form.reviews.item(0, 2).text() == "Local trouvé au souk"
    assert form.reviews.cellWidget(1, 1).value() == 0
    assert form.review_values() == [{"action_id": second["id"], "progress": 80, "comment": "Local trouvé au souk"}]
    form.submit()
    idle(window)
    progress = {r["id"]: r["progress"] for r in window.record.plan.model.rows}
    assert progress[second["id"]] == 80
    assert not progress[first["id"]]


def test_the_navigation_is_built_from_the_table_of_pages(window, qtbot, settings):
    """Each page of the table has its place in the navigation, in order, titled
    in the interface's language; chosen, it is made, shown and remembered."""
    from murafaqa_desktop.ui.main_window import PAGES

    assert [page.key for page in PAGES] == ["dashboard", "cooperatives", "agenda", "trainings", "selection", "sync"]
    assert window.nav.count() == len(PAGES)
    assert [window.nav.item(i).text() for i in range(len(PAGES))] == [
        "لوحة القيادة", "التعاونيات", "مفكرتي", "التكوين الجماعي", "الانتقاء", "المزامنة"]
    window.set_language("fr")
    assert window.nav.item(4).text() == "Sélection"
    assert window.nav.item(5).text() == "Synchronisation"
    for row, page in reversed(list(enumerate(PAGES))):
        window.nav.setCurrentRow(row)
        window.tasks.wait_idle()
        assert window.stack.currentWidget() is window._pages[page.key]
        assert settings.value("page") == page.key
