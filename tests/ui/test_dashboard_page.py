"""The dashboard page, fed a hand-built ``Dashboard`` (the figures' own
computation is tested with the service): every figure shown, every count a
link to the list behind it, charts mirrored in Arabic, the freshness line
in both languages, the team table, and the page a coordinator opens on."""
from __future__ import annotations

import datetime as dt
import sys
import types
from dataclasses import replace

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from tests.factories import make_cooperative
from tests.ui.dashboard_sample import MONTHS, REGIONS, STAGE_VALUES, sample_dashboard

from murafaqa_desktop.domain.dashboard import STAGES, CoachRow, Count, Freshness, Scope
from murafaqa_desktop.store import sync_state
from murafaqa_desktop.store.db import open_db
from murafaqa_desktop.ui.dashboard import team_model
from murafaqa_desktop.ui.dashboard.page import DashboardPage, freshness_text, list_filter, month_label
from murafaqa_desktop.ui.dashboard.team_model import COLUMNS, TeamTableModel
from murafaqa_desktop.ui.kit.errors import ErrorReporter
from murafaqa_desktop.ui.kit.i18n import Language
from murafaqa_desktop.ui.kit.tasks import Tasks


@pytest.fixture
def language(qapp):
    from murafaqa_desktop.ui.app import make_application

    app = make_application()
    lang = Language.of(app)
    lang.set("ar")
    yield lang
    lang.set("ar")


@pytest.fixture
def page(language, qtbot, tmp_path):
    """The page alone, its worker never started: it shows what it is given."""
    tasks = Tasks(tmp_path / "m.db", ErrorReporter(None, False), start=False)
    made = DashboardPage(tasks)
    qtbot.addWidget(made)
    made.resize(1100, 900)
    made.show()
    return made


@pytest.fixture
def fake_figures(monkeypatch):
    """The figures' service as the page calls it on the worker: the sample,
    in the scope asked for (the scopes asked are kept)."""
    asked: list[Scope] = []

    def figures(_db, scope, today=None):
        asked.append(scope)
        return sample_dashboard(scope)

    module = types.ModuleType("murafaqa_desktop.services.dashboard")
    module.figures = figures  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "murafaqa_desktop.services.dashboard", module)
    return asked


def _clicked(qtbot, page, button) -> dict:
    with qtbot.waitSignal(page.list_requested) as signal:
        button.click()
    return signal.args[0]


# -- every figure shown -------------------------------------------------------------
def test_every_figure_is_on_a_tile_in_western_digits(page, language):
    page.show_dashboard(sample_dashboard())
    for stage in STAGES:
        assert page.stage_tiles[stage].button.text() == str(STAGE_VALUES[stage])
    assert page.stage_tiles["financed"].note.text() == "الهدف: 80"
    assert page.stage_tiles["diagnosed"].title.text() == "مشخصة"
    assert page.held_tile.value.text() == "926" and "1004" in page.held_tile.note.text()
    assert page.on_time_tile.value.text().startswith("87")  # 801 of 926
    assert page.overdue_tile.button.text() == "44" and "2025-03-02" in page.overdue_tile.note.text()
    assert [page.axis_tiles[a].value.text() for a in ("governance", "communication", "marketing")] == ["14", "9", "11"]
    assert page.women_tile.value.text().startswith("61") and page.youth_tile.value.text().startswith("35")
    # the plan: five lines of three counts; the regions: twelve lines of four
    assert [b.count.value for b in page.plan_grid.buttons[:3]] == [438, 438, 0]
    assert len(page.plan_grid.buttons) == 15 and len(page.regions_grid.buttons) == 48
    assert [b.count.value for b in page.regions_grid.buttons[::4]] == list(REGIONS.values())
    assert page.team_model.rowCount() == 4
    language.set("fr")
    assert page.stage_tiles["diagnosed"].title.text() == "Diagnostiquées"
    assert page.held_tile.title.text() == "Séances d'accompagnement tenues"


# -- every count opens the list behind it ---------------------------------------------
def test_a_count_asks_for_its_list_within_the_scope(page, qtbot):
    page.show_dashboard(sample_dashboard(Scope(region="07", tranche=4, phase=1)))
    assert _clicked(qtbot, page, page.stage_tiles["diagnosed"].button) == {
        "region": "07", "tranche": 4, "phase": 1, "stage": "diagnosed"}
    assert _clicked(qtbot, page, page.overdue_tile.button) == {"region": "07", "tranche": 4, "phase": 1,
                                                                "overdue": True}
    # a count's own filter wins over the scope's (a line of the plan names its tranche)
    assert list_filter(Scope(tranche=4), Count(3, {"tranche": 2})) == {"tranche": 2}
    financed_t1 = page.plan_grid.buttons[2]
    assert _clicked(qtbot, page, financed_t1) == {"region": "07", "tranche": 1, "phase": 1, "stage": "financed"}


def test_a_team_cell_that_counts_cooperatives_opens_them(page, qtbot):
    page.show_dashboard(sample_dashboard())
    overdue = page.team_model.index(1, COLUMNS.index("overdue"))
    with qtbot.waitSignal(page.list_requested) as signal:
        page.team.clicked.emit(overdue)
    assert signal.args[0] == {"coach": "Mohamed Ouali", "overdue": True}
    with qtbot.assertNotEmitted(page.list_requested):
        page.team.clicked.emit(page.team_model.index(1, COLUMNS.index("app_version")))


def test_a_bar_of_the_region_chart_opens_its_list_in_both_directions(page, qtbot, language):
    """In Arabic the rows are drawn from the bottom and the sets in reverse:
    the bar Qt reports is mapped back to the region and the figure it shows."""
    for lang in ("ar", "fr"):
        language.set(lang)
        page.show_dashboard(sample_dashboard())
        series = page.region_chart.chart().series()[0]
        coached = next(b for b in series.barSets() if b.label() == page._region_sets()[1])
        with qtbot.waitSignal(page.list_requested) as signal:
            series.clicked.emit(0, coached)  # the lowest row: the last region
        assert signal.args[0] == {"region": "12", "stage": "coached"}


def test_clicking_a_count_opens_the_cooperatives_list_with_that_filter(make_window, db_path, qtbot):
    db = open_db(db_path)
    for i, (region, coach) in enumerate([("07", "Fatima"), ("07", "Mohamed"), ("07", "Fatima"), ("04", "Fatima")]):
        make_cooperative(db, registration_number=f"RC-{i}", region=region, province=None, coach=coach)
    db.close()
    window = make_window(db_path, "fr")
    page = window.dashboard
    region_07 = Count(3, {"region": "07"})
    page.show_dashboard(replace(sample_dashboard(Scope(coach="Fatima")),
                                regions=[replace(sample_dashboard().regions[6], cooperatives=region_07)]))
    page.regions_grid.buttons[0].click()  # the 07 line's cooperatives
    window.tasks.wait_idle()
    assert window.stack.currentWidget() is window.coops
    assert window.nav.currentRow() == 1 and window.settings.value("page") == "cooperatives"
    coops = window.coops
    assert coops.model.filters == {"region": "07", "coach": "Fatima"}
    assert sorted(r["registration_number"] for r in coops.model.rows) == ["RC-0", "RC-2"]
    assert coops.region.currentData() == "07"
    assert coops.extra.isVisibleTo(coops) and "accompagnateur Fatima" in coops.extra.text()
    coops.clear_extra.click()  # what the combos do not show goes; the region stays
    window.tasks.wait_idle()
    assert coops.model.filters == {"region": "07"} and coops.model.total == 3
    assert not coops.extra.isVisibleTo(coops)


def test_the_list_shows_a_stage_filter_it_has_no_widget_for(language, qtbot, tmp_path):
    from murafaqa_desktop.ui.cooperatives.list_view import CooperativeList

    coops = CooperativeList(Tasks(tmp_path / "m.db", ErrorReporter(None, False), start=False))
    qtbot.addWidget(coops)
    coops.search.setText("argan")
    coops.show_filter({"region": "07", "tranche": 4, "phase": 1, "stage": "diagnosed", "overdue": True})
    assert coops.model.filters == {"region": "07", "tranche": 4, "phase": 1, "stage": "diagnosed", "overdue": True}
    assert coops.search.text() == "" and coops.tranche.currentData() == "4" and coops.overdue.isChecked()
    assert coops.extra.text() == "مصفاة أيضا حسب: المرحلة 1 · مشخصة"
    coops.tranche.setCurrentIndex(0)  # a combo changed keeps the figure's other filters
    assert coops.model.filters == {"region": "07", "phase": 1, "stage": "diagnosed", "overdue": True}


# -- charts right to left -------------------------------------------------------------
def _axes(chart):
    return {int(axis.alignment()): axis for axis in chart.axes()}


def test_charts_run_from_the_right_in_arabic(page, language):
    page.show_dashboard(sample_dashboard())
    months = page.month_chart.chart()
    axes = _axes(months)
    labels = [month_label(m) for m, _n in MONTHS]
    assert axes[int(Qt.AlignmentFlag.AlignBottom)].categories() == list(reversed(labels))
    assert int(Qt.AlignmentFlag.AlignRight) in axes  # the value axis on the right
    bars = months.series()[0].barSets()[0]
    assert [bars.at(i) for i in range(bars.count())] == [float(n) for _m, n in reversed(MONTHS)]
    assert labels[4] == "نونبر 24"  # Moroccan month names, Western digits
    regions = page.region_chart.chart()
    assert _axes(regions)[int(Qt.AlignmentFlag.AlignBottom)].isReverse()  # bars grow leftwards
    assert _axes(regions)[int(Qt.AlignmentFlag.AlignRight)].categories()[-1] == "طنجة تطوان الحسيمة"  # on top
    legend = [b.label() for b in regions.series()[0].barSets()]
    assert legend == ["المتأخرة", "المكتملة", "المواكبة", "التعاونيات"]  # read from the right
    language.set("fr")
    months = page.month_chart.chart()
    axes = _axes(months)
    assert axes[int(Qt.AlignmentFlag.AlignBottom)].categories()[0] == "juil. 24"
    assert int(Qt.AlignmentFlag.AlignLeft) in axes
    regions = page.region_chart.chart()
    assert not _axes(regions)[int(Qt.AlignmentFlag.AlignBottom)].isReverse()
    assert [b.label() for b in regions.series()[0].barSets()][0] == "Coopératives"
    stages = _axes(page.stage_chart.chart())[int(Qt.AlignmentFlag.AlignLeft)].categories()
    assert stages[-1] == "Dans le programme (529)" and stages[0] == "Financées (36)"


# -- freshness ------------------------------------------------------------------------
NOW = dt.datetime(2025, 6, 18, 16, 30)


@pytest.mark.parametrize(("lang", "pending", "expected"), [
    ("fr", 0, "Jamais synchronisé ; 0 modification de cet ordinateur pas encore envoyée"),
    ("fr", 1, "Jamais synchronisé ; 1 modification de cet ordinateur pas encore envoyée"),
    ("fr", 2, "Jamais synchronisé ; 2 modifications de cet ordinateur pas encore envoyées"),
    ("ar", 0, "لم تتم المزامنة قط؛ لا توجد تعديلات لم ترسل من هذا الحاسوب"),
    ("ar", 1, "لم تتم المزامنة قط؛ تعديل واحد من هذا الحاسوب لم يرسل بعد"),
    ("ar", 2, "لم تتم المزامنة قط؛ تعديلان من هذا الحاسوب لم يرسلا بعد"),
    ("ar", 3, "لم تتم المزامنة قط؛ 3 تعديلات من هذا الحاسوب لم ترسل بعد"),
    ("ar", 11, "لم تتم المزامنة قط؛ 11 تعديلا من هذا الحاسوب لم يرسل بعد"),
    ("ar", 1200, "لم تتم المزامنة قط؛ 1200 تعديل من هذا الحاسوب لم يرسل بعد"),
])
def test_never_synced_in_both_languages_with_plurals(language, lang, pending, expected):
    language.set(lang)
    assert freshness_text(Freshness(None, pending), NOW) == expected


def test_the_last_sync_is_said_by_its_time_today_and_its_day_before(language):
    language.set("fr")
    assert freshness_text(Freshness("2025-06-18T14:05:00", 3), NOW) == (
        "Selon la dernière synchronisation à 14:05 ; 3 modifications de cet ordinateur pas encore envoyées")
    assert freshness_text(Freshness("2025-06-11T09:40:00", 1), NOW) == (
        "Selon la dernière synchronisation du 2025-06-11 à 09:40 ; "
        "1 modification de cet ordinateur pas encore envoyée")
    language.set("ar")
    assert freshness_text(Freshness("2025-06-18T14:05:00", 2), NOW) == (
        "حسب آخر مزامنة على الساعة 14:05؛ تعديلان من هذا الحاسوب لم يرسلا بعد")


def test_the_page_says_how_fresh_it_is(page):
    page.show_dashboard(sample_dashboard(last_sync=None, pending=0))
    assert page.freshness.text() == "لم تتم المزامنة قط؛ لا توجد تعديلات لم ترسل من هذا الحاسوب"


# -- the team table -------------------------------------------------------------------
def test_team_model_columns_and_unknowns(language):
    language.set("fr")
    model = TeamTableModel()
    rows = sample_dashboard().team
    model.set_rows(rows)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Accompagnateur", "Coopératives", "Séances ce mois", "En retard", "Dernière synchronisation",
        "En attente à la dernière synchro", "Version de l'application"]
    first = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert first == ["Fatima Zahra Bennani", "24", "9", "2", "\u200e2025-06-18 09:12", "0", "1.4.0"]
    never_told = [model.data(model.index(3, c)) for c in range(4, 7)]
    assert never_told == ["—", "—", "—"]  # not 0: the server never said
    assert model.count_at(model.index(0, COLUMNS.index("cooperatives"))) == rows[0].cooperatives
    assert model.count_at(model.index(0, COLUMNS.index("overdue"))) == rows[0].overdue
    assert model.count_at(model.index(0, COLUMNS.index("sessions_this_month"))) is None
    assert model.count_at(QModelIndex()) is None
    assert model.data(model.index(0, COLUMNS.index("overdue")), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(2, COLUMNS.index("overdue")), Qt.ItemDataRole.ForegroundRole) is None


def test_team_sync_times_are_local_and_kept_in_order():
    assert team_model.sync_time(None) == "—"
    utc = dt.datetime(2025, 6, 18, 8, 0, tzinfo=dt.UTC)
    local = utc.astimezone().strftime("%Y-%m-%d %H:%M")
    assert team_model.sync_time("2025-06-18T08:00:00Z") == "\u200e" + local
    model = TeamTableModel()
    model.set_rows([CoachRow("A", Count(1), 0, Count(0), None, None, None)])
    assert model.rowCount() == 1 and model.data(model.index(0, 6)) == "—"


# -- loaded on the worker, and the first page of a coordinator ------------------------
def test_the_page_loads_its_figures_on_the_worker_for_the_chosen_scope(make_window, db_path, fake_figures):
    window = make_window(db_path, "fr")
    window.nav.setCurrentRow(0)
    window.tasks.wait_idle()
    page = window.dashboard
    assert window.stack.currentWidget() is page
    assert fake_figures[-1] == Scope() and page.stage_tiles["in_programme"].button.text() == "529"
    assert [page.scope_bar.coach.itemData(i) for i in range(1, page.scope_bar.coach.count())] == sorted(
        row.coach for row in sample_dashboard().team)
    page.scope_bar.region.setCurrentIndex(page.scope_bar.region.findData("07"))
    assert page.scope_bar.province.isEnabled()
    page.scope_bar.tranche.setCurrentIndex(page.scope_bar.tranche.findData("4.1"))
    page.scope_bar.coach.setCurrentIndex(page.scope_bar.coach.findData("Mohamed Ouali"))
    window.tasks.wait_idle()
    assert fake_figures[-1] == Scope(region="07", tranche=4, phase=1, coach="Mohamed Ouali")
    assert page.dashboard.scope == fake_figures[-1]


def _enrol(db_path, role: str) -> None:
    db = open_db(db_path)
    sync_state.put(db, user="someone", role=role, token="t0ken", server="https://example.org")
    db.close()


@pytest.mark.parametrize(("role", "first"), [("coordinator", "dashboard"), ("admin", "dashboard"),
                                             ("coach", "cooperatives"), (None, "cooperatives")])
def test_coordinators_and_admins_open_on_the_dashboard(make_window, db_path, fake_figures, role, first):
    if role is not None:
        _enrol(db_path, role)
    window = make_window(db_path)
    QApplication.processEvents()
    window.tasks.wait_idle()
    assert window.stack.currentWidget() is window._pages[first]
    assert ("dashboard" in window._pages) == (first == "dashboard")  # a coach's window never builds it
