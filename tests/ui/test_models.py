"""Table models on their own, without a window."""
import pytest
from PySide6.QtCore import QModelIndex, Qt

from murafaqa_desktop.domain import eligibility
from murafaqa_desktop.domain.schema import as_date
from murafaqa_desktop.store.cooperatives import CooperativeFilter
from murafaqa_desktop.ui.cooperatives.table_model import COLUMNS, FIRST_PAGE, CooperativeTableModel
from murafaqa_desktop.ui.kit.errors import ErrorReporter
from murafaqa_desktop.ui.kit.tasks import Tasks
from murafaqa_desktop.ui.record.plan_table_model import PlanTableModel


@pytest.fixture
def tasks(qapp, demo_db_file, tmp_path):
    import shutil

    path = tmp_path / "demo.db"
    shutil.copy(demo_db_file, path)
    t = Tasks(path, ErrorReporter(interactive=False))
    yield t
    t.close()


def test_cooperative_model_loads_one_page_then_fetches_more(qtbot, tasks):
    model = CooperativeTableModel(tasks)
    with qtbot.waitSignal(model.loaded):
        model.reload()
    assert model.total == 200
    assert model.rowCount() == FIRST_PAGE < 200
    assert model.columnCount() == len(COLUMNS)
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == 200)  # one more page brings the rest
    assert not model.canFetchMore(QModelIndex())


def test_fetch_on_demand_and_search(qtbot, tasks, monkeypatch):
    import murafaqa_desktop.ui.cooperatives.table_model as m

    monkeypatch.setattr(m, "PAGE", 50)
    monkeypatch.setattr(m, "FIRST_PAGE", 50)
    model = CooperativeTableModel(tasks)
    with qtbot.waitSignal(model.loaded):
        model.reload()
    assert model.rowCount() == 50 and model.total == 200
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == 100)
    ids = [model.row_id(i) for i in range(100)]
    assert len(set(ids)) == 100
    first_name = model.rows[0]["name_ar"]
    with qtbot.waitSignal(model.loaded):
        model.set_text(first_name)
    assert 1 <= model.total < 200
    assert any(r["name_ar"] == first_name for r in model.rows)


def test_typing_fast_queries_only_the_latest_text(qtbot, tasks):
    model = CooperativeTableModel(tasks)
    with qtbot.waitSignal(model.loaded):
        model.reload()
    calls = []
    original = tasks.run
    tasks.run = lambda job, *a, **k: calls.append(job) or original(job, *a, **k)
    for text in ("t", "ta", "taa", "taaw", "تعاونية"):
        model.set_text(text)
    tasks.wait_idle()
    assert len(calls) <= 2  # the first, then only the latest
    assert model.filter.text == "تعاونية"


def test_sorting_and_filters(qtbot, tasks):
    model = CooperativeTableModel(tasks)
    with qtbot.waitSignal(model.loaded):
        model.sort(COLUMNS.index("registration_number"), Qt.SortOrder.DescendingOrder)
    regs = [r["registration_number"] for r in model.rows]
    assert regs == sorted(regs, reverse=True)
    with qtbot.waitSignal(model.loaded):
        model.set_filter(CooperativeFilter(tranche=4))
    assert model.total > 0 and all(r["tranche"] == 4 for r in model.rows)
    with qtbot.waitSignal(model.loaded):
        model.set_filter(CooperativeFilter(eligible=False))  # not eligible today
    assert model.total > 0
    today = model.today
    for r in model.rows:
        assert not eligibility.assess(as_date(r["legal_date"]), as_date(r["activity_start"]), today).eligible


def test_ineligible_rows_are_flagged_with_their_reason(qtbot, tasks):
    model = CooperativeTableModel(tasks)
    with qtbot.waitSignal(model.loaded):
        model.reload()
    column = COLUMNS.index("eligible")
    flagged = [row for row in range(model.rowCount()) if not model.eligibility(model.rows[row]).eligible]
    assert flagged, "the demo programme has ineligible applicants"
    for row in flagged:
        index = model.index(row, column)
        assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
        reasons = index.data(Qt.ItemDataRole.ToolTipRole)
        assert reasons and ("4" in reasons or "1" in reasons)


def test_plan_model_orders_by_position_and_marks_late_actions():
    model = PlanTableModel()
    model.set_rows([
        {"id": "b", "position": 1, "axis": "marketing", "objective": "B", "indicator": None, "owner": None,
         "due_date": "2020-01-01", "status": "planned", "estimated_cost": 1500.0, "progress": 10},
        {"id": "a", "position": 0, "axis": "supply", "objective": "A", "indicator": None, "owner": None,
         "due_date": "2099-01-01", "status": "planned", "estimated_cost": None, "progress": 0},
    ], today="2026-01-01")
    assert [model.action_id(i) for i in range(2)] == ["a", "b"]
    assert model.index(1, 1).data() == "B"
    assert model.index(1, 6).data() == "1500" or "1" in model.index(1, 6).data()
    assert model.index(1, 4).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, 4).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.headerData(0, Qt.Orientation.Horizontal) in ("Axe", "المحور")


def test_a_row_shown_again_by_the_next_search_reuses_its_cells_unless_it_changed(qtbot, tasks):
    model = CooperativeTableModel(tasks)
    with qtbot.waitSignal(model.loaded):
        model.reload()
    first = model.cell(0, 1)
    with qtbot.waitSignal(model.loaded):
        model.reload()  # the same rows, as new rows
    assert model.cell(0, 1) is first
    changed = dict(model.rows[0], name_ar="تعاونية جديدة", _cells=None)
    model.rows[0] = changed
    assert model.cell(0, 1)[0] == "تعاونية جديدة"


@pytest.mark.parametrize("code", ["ar", "fr"])
def test_column_titles_read_as_the_fields_labels(qapp, code):
    """The titles are the interface's own strings (painted before the domain
    loads); where a column is a field, its title must say what the form says."""
    from murafaqa_desktop.domain.entities import COOPERATIVE
    from murafaqa_desktop.ui.kit.i18n import Language

    model = CooperativeTableModel(Tasks(":memory:", ErrorReporter(interactive=False), start=False))
    language = Language.of(qapp)
    language.set(code)
    try:
        for name in ("registration_number", "region", "tranche", "coach"):
            title = model.headerData(COLUMNS.index(name), Qt.Orientation.Horizontal)
            assert COOPERATIVE.field(name).label(code).startswith(title.rstrip(".")), (name, title)
    finally:
        language.set("ar")
