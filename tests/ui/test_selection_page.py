"""The Selection page as a coordinator uses it: create a call (a refusal
said under its field), open it, filter its applications, rate a file in
place, decide (refused inline without the reason it needs), and see the
counts follow; the ranking's places line drawn across the table."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint

from murafaqa_desktop.domain.calls import RankedApplication
from murafaqa_desktop.services import calls
from murafaqa_desktop.store.db import open_db
from murafaqa_desktop.ui.kit.widgets import select_row
from selection_data import REG, SelectionData, decide_all, make_selection


@pytest.fixture
def selection(db_path) -> SelectionData:
    db = open_db(db_path)
    data = make_selection(db)
    db.close()
    return data


def idle(window) -> None:
    window.tasks.wait_idle()
    window.tasks.wait_idle()


def open_selection(window):
    window.nav.setCurrentRow(4)
    idle(window)
    return window.selection


def open_call(window, call_id: str):
    page = open_selection(window)
    page.open_call(call_id)
    idle(window)
    return page.call_page


def counts(call_page) -> dict[str, dict[str, object]]:
    return {r["name"]: r for r in call_page.counts.rows}


def test_a_new_call_refused_inline_then_created_and_opened(make_window, db_path):
    window = make_window(db_path, "fr")
    page = open_selection(window)
    assert page.calls.model.rowCount() == 0 and not page.calls.empty.isHidden()
    page.calls.new_button.click()
    form = page.form
    assert page.stack.currentWidget() is form
    form.form.editors["tranche"].set_value("4")
    form.form.editors["phase"].set_value("2")
    form.save_button.click()
    idle(window)
    assert form.error_text("closes_on")  # required: said under the field
    assert form.error_text("places")  # no region covered: said under the regions
    check = open_db(db_path)
    assert not calls.list_calls(check)  # nothing written
    check.close()
    form.form.editors["closes_on"].set_value("2026-06-30")
    form.form.editors["title"].set_value("AMI Mourafaka T4-P2")
    form.places["11"].setValue(40)
    form.places["06"].setValue(35)
    form.save_button.click()
    idle(window)
    assert page.stack.currentWidget() is page.call_page
    call = page.call_page.call
    assert call is not None and call.places == {"06": 35, "11": 40} and call.reference_date == dt.date(2026, 6, 30)
    assert page.call_page.heading.text() == "AMI Mourafaka T4-P2"
    page.call_page.back_button.click()
    idle(window)
    assert page.calls.model.rowCount() == 1


def test_the_new_call_form_speaks_arabic(make_window, db_path):
    window = make_window(db_path, "ar")
    page = open_selection(window)
    page.new_call()
    page.form.save_button.click()
    idle(window)
    text = page.form.error_text("places")
    assert any("\u0600" <= ch <= "\u06ff" for ch in text)


def test_applications_are_filtered_by_region_completeness_eligibility_rating_and_decision(
        make_window, db_path, selection):
    window = make_window(db_path, "fr")
    page = open_call(window, selection.call_id)
    model = page.applications
    assert model.rowCount() == 8

    def shown(**choices) -> set[str]:
        for name, value in choices.items():
            combo = page.filters[name]
            combo.setCurrentIndex(combo.findData(value))
        regs = {model.application(r).registration_number for r in range(model.rowCount())}
        for name in choices:
            page.filters[name].setCurrentIndex(0)
        return regs

    assert shown(region="03") == {REG["E"], REG["F"]}
    assert shown(complete=False) == {REG["INC"]}
    assert shown(eligible=False) == {REG["OLD"]}
    assert shown(region="11", eligible=True, complete=True) == {REG[k] for k in "ABCD"}
    assert shown(rated=False) == set()
    assert shown(decision="none") == {REG[k] for k in ("A", "B", "C", "D", "E", "F", "INC", "OLD")}
    page.filters["region"].setCurrentIndex(page.filters["region"].findData("03"))
    assert page.shown_count.text() == "2 candidature(s) affichée(s) sur 8"


def test_rate_in_place_refused_without_evidence_then_saved_and_counted(make_window, db_path):
    db = open_db(db_path)
    data = make_selection(db, rate=False)
    db.close()
    window = make_window(db_path, "fr")
    page = open_call(window, data.call_id)
    assert counts(page)["Fès-Meknès"]["rated"] == 0
    page.filters["region"].setCurrentIndex(page.filters["region"].findData("03"))
    select_row(page.applications_view, 0)
    idle(window)
    panel = page.rating
    assert panel.isEnabled() and panel.application_id == page.applications.application(0).application_id
    for code, combo in panel.ratings.items():
        combo.setCurrentIndex(combo.findData("2"))
        panel.evidence[code].setText("PV de l'AG constitutive")
    panel.evidence["social_impact"].setText("")
    panel.save_button.click()
    idle(window)
    assert "justifiée" in panel.error_text("social_impact")  # under the criterion it concerns
    assert not panel.error_text("local_resources")
    check = open_db(db_path)
    assert not check.execute("SELECT count(*) FROM application_ratings").fetchone()[0]  # nothing half-written
    check.close()
    panel.evidence["social_impact"].setText("Emplois de 12 femmes")
    panel.documents["statutes"].setChecked(True)
    panel.save_button.click()
    idle(window)
    assert not panel.error_text("social_impact")
    assert counts(page)["Fès-Meknès"]["rated"] == 1
    item = next(r for r in page.ranking if r.application_id == panel.application_id)
    assert item.rated and item.score == pytest.approx(66.7, abs=0.1)


def test_decide_refused_inline_without_its_reason_then_counted(make_window, db_path, selection):
    window = make_window(db_path, "fr")
    page = open_call(window, selection.call_id)
    page.tabs.setCurrentIndex(1)
    page.ranking_region.setCurrentIndex(page.ranking_region.findData("11"))
    idle(window)
    row = page.ranking_model.row_of(selection.apps[REG["B"]])  # proposed for the waiting list
    select_row(page.ranking_view, row)
    page.decide_button.click()
    dialog = page.decision_dialog
    assert "attente" in dialog.proposal.text().lower()
    optional = dialog.reason_hint.text()
    dialog.decision.setCurrentIndex(dialog.decision.findData("retained"))
    assert dialog.reason_hint.text() != optional  # the hint now says a reason is required
    dialog.save()
    idle(window)
    assert dialog.isVisible() and "motif écrit" in dialog.error.text()  # refused, the dialog stays open
    check = open_db(db_path)
    assert calls.ranking(check, selection.call_id, "11")[2].decision is None
    check.close()
    dialog.reason.setPlainText("Projet structurant pour la région")
    dialog.save()
    idle(window)
    assert not dialog.isVisible()
    assert counts(page)["Laâyoune-Sakia El Hamra"]["retained"] == 1
    decided = next(r for r in page.ranking if r.application_id == selection.apps[REG["B"]])
    assert decided.decision == "retained" and decided.decision_reason == "Projet structurant pour la région"


def test_following_the_proposal_needs_no_reason(make_window, db_path, selection):
    window = make_window(db_path, "ar")
    page = open_call(window, selection.call_id)
    page.tabs.setCurrentIndex(1)
    page.ranking_region.setCurrentIndex(page.ranking_region.findData("03"))
    idle(window)
    select_row(page.ranking_view, 0)
    page.decide_current()
    dialog = page.decision_dialog
    assert dialog.chosen() == "retained"
    dialog.save()
    idle(window)
    assert not dialog.isVisible()
    assert page.ranking_model.application(0).decision == "retained"


def test_the_places_line_is_drawn_across_the_ranking(make_window, db_path, selection):
    window = make_window(db_path, "fr")
    window.resize(1400, 900)
    page = open_call(window, selection.call_id)
    page.tabs.setCurrentIndex(1)
    page.ranking_region.setCurrentIndex(page.ranking_region.findData("11"))
    idle(window)
    view = page.ranking_view
    assert [view.model().application(r).registration_number for r in range(4)] == [REG[k] for k in "ACBD"]
    image = view.viewport().grab().toImage()
    line_y = view.rowViewportPosition(1) + view.rowHeight(1) - 2  # the lower edge of C, the 2nd of 2 places
    other_y = view.rowViewportPosition(2) + view.rowHeight(2) - 2

    def dark(y: int) -> int:
        return sum(1 for x in range(0, view.viewport().width(), 7)
                   if image.pixelColor(QPoint(x, y)).lightness() < 110)

    columns_width = sum(view.columnWidth(c) for c in range(view.model().columnCount()))
    assert dark(line_y) >= columns_width // 7 - 2  # across every column
    assert dark(other_y) < columns_width // 7 // 3


def test_a_coach_cannot_decide(make_window, db_path, selection):
    from murafaqa_desktop.store import sync_state

    db = open_db(db_path)
    with db.atomic():
        sync_state.put(db, token="t", role="coach")
    db.close()
    window = make_window(db_path, "fr")
    page = open_call(window, selection.call_id)
    assert not page.decide_button.isEnabled()
    select_row(page.applications_view, 0)
    idle(window)
    assert page.rating.isEnabled()  # a coach still rates the files


def test_the_counts_show_the_retained_of_the_places(make_window, db_path, selection):
    db = open_db(db_path)
    decide_all(db, selection)
    db.close()
    window = make_window(db_path, "fr")
    page = open_call(window, selection.call_id)
    assert isinstance(page.ranking[0], RankedApplication)
    assert counts(page)["Laâyoune-Sakia El Hamra"]["retained"] == 2
    assert counts(page)["Fès-Meknès"]["retained"] == 1


def test_the_rating_grid_goes_out_and_comes_back_all_rows_or_none(make_window, db_path, tmp_path):
    db = open_db(db_path)
    data = make_selection(db, rate=False)
    db.close()
    window = make_window(db_path, "fr")
    page = open_call(window, data.call_id)
    out = tmp_path / "grille.xlsx"
    page.export_grid_to(str(out))
    idle(window)
    assert out.exists() and "8" in page.status.text()
    from openpyxl import load_workbook

    book = load_workbook(out)
    sheet = book.active
    rows = list(sheet.iter_rows(values_only=True))
    sheet.cell(row=2, column=4, value=3)  # the first criterion of the first application: 3 without evidence
    book.save(out)
    page.import_grid_from(str(out))
    idle(window)
    assert "rien n'a été importé" in page.status.text() and "grille.xlsx:2" in page.status.text()
    assert all(r["rated"] == 0 for r in page.counts.rows)
    sheet.cell(row=2, column=5, value="PV de l'AG constitutive")
    for column in range(6, 6 + 2 * 5, 2):
        sheet.cell(row=2, column=column, value=0)
    book.save(out)
    page.import_grid_from(str(out))
    idle(window)
    assert "1" in page.status.text()
    reg = rows[1][0]
    assert next(r for r in page.ranking if r.registration_number == reg).rated


def test_an_application_is_recorded_and_counted_an_unknown_cooperative_refused(make_window, db_path, selection):
    from factories import make_cooperative

    db = open_db(db_path)
    make_cooperative(db, registration_number="06/2024/777", region="06", province="06.01", legal_date="2024-01-10",
                     activity_start="2024-03-01", tranche=None, phase=None)
    make_cooperative(db, registration_number="03/2024/778", region="03", province="03.01", legal_date="2024-01-10",
                     activity_start="2024-03-01", tranche=None, phase=None)
    db.close()
    window = make_window(db_path, "fr")
    page = open_call(window, selection.call_id)
    page.apply_button.click()
    dialog = page.application_dialog
    dialog.registration.setText("NO-SUCH-COOP")
    dialog.save()
    idle(window)
    assert dialog.isVisible() and "introuvable" in dialog.error.text()
    dialog.registration.setText("06/2024/777")  # Casablanca-Settat: the call does not cover it
    dialog.save()
    idle(window)
    assert dialog.isVisible() and "ne couvre pas" in dialog.error.text()
    dialog.registration.setText("03/2024/778")
    for box in dialog.documents.values():
        box.setChecked(True)
    dialog.save()
    idle(window)
    assert not dialog.isVisible()
    assert counts(page)["Fès-Meknès"]["received"] == 3 and counts(page)["Fès-Meknès"]["complete"] == 3


def test_the_letters_open_in_the_preview_one_page_each(make_window, db_path, selection, qtbot):
    db = open_db(db_path)
    decide_all(db, selection)
    db.close()
    window = make_window(db_path, "fr")
    page = open_call(window, selection.call_id)
    page.filters["region"].setCurrentIndex(page.filters["region"].findData("03"))
    page.print_buttons["letters"].click()
    idle(window)
    preview = page.preview
    if preview.pdf_path is None:
        with qtbot.waitSignal(preview.ready, timeout=60_000):
            pass
    assert preview.kind == "letters" and preview.document.pageCount() == 2  # E retained, F waiting
    preview.reject()
