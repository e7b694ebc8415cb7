"""The list's fast search path returns exactly what the store's general query returns."""
import pytest

from murafaqa_desktop.store import cooperative_list, cooperatives
from murafaqa_desktop.store.cooperatives import CooperativeFilter

COLUMNS = "c.id, c.registration_number"


@pytest.mark.parametrize("text", ["ت", "تعاونية ا", "تعاونيه الامل", "a", "coop", "0", "zzzz", "Fatima"])
@pytest.mark.parametrize("extra", [{}, {"region": "07"}, {"tranche": 4, "status": "coaching"}])
@pytest.mark.parametrize("descending", [False, True])
def test_fast_path_agrees_with_the_store(demo_db, text, extra, descending):
    f = CooperativeFilter(text=text, **extra)
    assert cooperative_list.count(demo_db, f) == cooperatives.count(demo_db, f)
    for offset in (0, 50):
        fast = cooperative_list.first_page(demo_db, f, descending=descending, offset=offset, limit=50,
                                           columns=COLUMNS)
        slow = cooperatives.page(demo_db, f, descending=descending, offset=offset, limit=50, columns=COLUMNS)
        assert [r["id"] for r in fast] == [r["id"] for r in slow]


def test_other_sorts_and_filters_use_the_store(demo_db):
    f = CooperativeFilter(text="تعاونية", eligible=False)
    assert cooperative_list.count(demo_db, f) == cooperatives.count(demo_db, f)
    fast = cooperative_list.first_page(demo_db, f, sort="name_ar", columns=COLUMNS)
    assert [r["id"] for r in fast] == [r["id"] for r in cooperatives.page(demo_db, f, sort="name_ar",
                                                                         columns=COLUMNS)]
