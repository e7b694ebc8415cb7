"""Search of cooperatives over normalised names, president, commune, number."""
import datetime as dt

from factories import make_cooperative
from murafaqa_desktop.services import coaching, cooperatives
from murafaqa_desktop.store import cooperatives as store
from murafaqa_desktop.store.cooperatives import CooperativeFilter


def regs(rows):
    return sorted(r["registration_number"] for r in rows)


def test_arabic_spelling_variants_find_the_cooperative(db):
    make_cooperative(db, registration_number="A1", name_ar="تعاونية الأمل")
    make_cooperative(db, registration_number="B2", name_ar="تعاونية النور", name_fr="Coopérative Annour")
    assert regs(store.search_rows(db, "تعاونيه الامل")) == ["A1"]
    assert regs(store.search_rows(db, "الأمل")) == ["A1"]
    assert regs(store.search_rows(db, "امل")) == ["A1"]  # without the article
    assert regs(store.search_rows(db, "تَعَاوُنِيَّة")) == ["A1", "B2"]  # harakat ignored


def test_french_accents_and_case_are_ignored(db):
    make_cooperative(db, registration_number="B2", name_fr="Coopérative Féminine d'Argane")
    assert regs(store.search_rows(db, "cooperative feminine")) == ["B2"]
    assert regs(store.search_rows(db, "COOP ARG")) == ["B2"]  # prefixes of each word


def test_president_commune_and_number_with_eastern_digits(db):
    make_cooperative(db, registration_number="RC/2022/1234", president="خديجة أيت باها", commune="Tamesloht")
    assert regs(store.search_rows(db, "خديجه")) == ["RC/2022/1234"]
    assert regs(store.search_rows(db, "tamesloht")) == ["RC/2022/1234"]
    assert regs(store.search_rows(db, "١٢٣٤")) == ["RC/2022/1234"]


def test_the_index_follows_edits_and_deletes(db):
    coop = make_cooperative(db, name_fr="Coopérative Tifaout")
    cooperatives.update(db, coop["id"], {"name_fr": "Coopérative Tighremt"})
    assert store.search_rows(db, "tifaout") == []
    assert regs(store.search_rows(db, "tighremt")) == ["RC-2022-0001"]
    cooperatives.delete(db, coop["id"])
    assert store.search_rows(db, "tighremt") == []


def test_queries_with_only_punctuation_find_nothing_and_do_not_fail(db):
    make_cooperative(db)
    assert store.search_rows(db, '" * - ( )') == []
    assert store.search_rows(db, "AND OR NOT") == []


def test_filters_count_and_page(db):
    make_cooperative(db, registration_number="E1")  # eligible on its application date
    make_cooperative(db, registration_number="OLD", legal_date="2015-01-01", activity_start="2015-02-01")
    late = make_cooperative(db, registration_number="LATE", region="10", province="10.01")
    coaching.log_session(db, late["id"], {"held_on": "2024-01-10", "next_date": "2024-03-01"})
    at = dt.date(2024, 1, 15)
    assert store.count(db, CooperativeFilter(eligible=True, as_of=at)) == 2
    assert regs(store.page(db, CooperativeFilter(eligible=False, as_of=at))) == ["OLD"]
    assert regs(store.page(db, CooperativeFilter(overdue=True, as_of=dt.date(2024, 3, 2)))) == ["LATE"]
    assert store.count(db, CooperativeFilter(overdue=True, as_of=dt.date(2024, 3, 1))) == 0
    assert store.count(db, CooperativeFilter(region="10")) == 1
    assert store.count(db, CooperativeFilter(text="tamesloht", region="07")) == 2
    names = [r["registration_number"] for r in store.page(db, CooperativeFilter(), sort="sessions", descending=True)]
    assert names[0] == "LATE"
    assert len(store.page(db, CooperativeFilter(), limit=2, offset=2)) == 1


def test_noise_words_never_hide_a_match_but_do_not_narrow_a_query(db):
    make_cooperative(db, registration_number="A1", name_ar="تعاونية الأمل", name_fr="Coopérative Al Amal")
    make_cooperative(db, registration_number="B2", name_ar="جمعية الأمل", name_fr=None, president="-")
    make_cooperative(db, registration_number="C3", name_ar="تعاونية النور", name_fr=None)
    # a query of noise words alone still finds what carries them
    assert regs(store.search_rows(db, "تعاونية")) == ["A1", "C3"]
    assert regs(store.search_rows(db, "cooperative")) == ["A1"]
    # with other words, the noise word drops out of the list filter
    assert regs(store.page(db, CooperativeFilter(text="تعاونية الأمل"))) == ["A1", "B2"]
    # a last word being typed that can only start "تعاونية" filters nothing yet
    assert store.count(db, CooperativeFilter(text="تعاو")) == 3
    assert regs(store.page(db, CooperativeFilter(text="النور تعا"))) == ["C3"]
