"""Eligibility at the application date: legal age <= 4 years, activity >= 1 year."""
import datetime as dt

import pytest

from murafaqa_desktop.domain.dates import add_months, add_years, days_in_month
from murafaqa_desktop.domain.eligibility import assess, date_bounds

D = dt.date


def codes(result):
    return [r.code for r in result.reasons]


def test_exactly_four_years_of_legal_existence_is_eligible():
    assert assess(D(2020, 5, 10), D(2020, 6, 1), D(2024, 5, 10)).eligible


def test_one_day_over_four_years_is_refused_with_its_reason_in_both_languages():
    result = assess(D(2020, 5, 10), D(2020, 6, 1), D(2024, 5, 11))
    assert not result.eligible
    assert codes(result) == ["legal_age_over_4_years"]
    reason = result.reasons[0]
    assert "4 ans" in reason.fr and "4 سنوات" in reason.ar
    assert "2024-05-11" in reason.fr


def test_364_days_of_activity_is_not_a_year():
    start = D(2023, 3, 1)
    result = assess(D(2023, 1, 1), start, start + dt.timedelta(days=364))
    assert codes(result) == ["activity_under_1_year"]
    assert "11 mois" in result.reasons[0].fr


def test_365_days_of_activity_in_a_common_year_is_a_year():
    start = D(2022, 3, 1)
    assert assess(D(2022, 1, 1), start, start + dt.timedelta(days=365)).eligible


def test_365_days_across_a_leap_day_is_not_yet_a_year():
    start = D(2023, 3, 1)  # 2024-02-29 lies inside the year
    at = start + dt.timedelta(days=365)
    assert at == D(2024, 2, 29)
    assert codes(assess(D(2023, 1, 1), start, at)) == ["activity_under_1_year"]
    assert assess(D(2023, 1, 1), start, D(2024, 3, 1)).eligible


def test_cooperative_created_on_a_leap_day_reaches_four_years_on_28_february():
    legal = D(2020, 2, 29)
    assert add_years(legal, 4) == D(2024, 2, 29)
    assert assess(legal, D(2020, 3, 1), D(2024, 2, 29)).eligible
    assert not assess(legal, D(2020, 3, 1), D(2024, 3, 1)).eligible
    assert add_years(legal, 1) == D(2021, 2, 28)
    assert assess(D(2020, 1, 1), legal, D(2021, 2, 28)).eligible
    assert not assess(D(2020, 1, 1), legal, D(2021, 2, 27)).eligible


def test_both_reasons_and_missing_dates_are_reported_together():
    result = assess(D(2010, 1, 1), D(2024, 1, 1), D(2024, 6, 1))
    assert codes(result) == ["legal_age_over_4_years", "activity_under_1_year"]
    assert codes(assess(None, None, D(2024, 1, 1))) == ["no_legal_date", "no_activity_start"]
    assert codes(assess(D(2025, 1, 1), D(2025, 1, 1), D(2024, 1, 1)))[0] == "not_yet_created"


@pytest.mark.parametrize("at", [D(2024, 2, 29), D(2024, 3, 1), D(2023, 12, 31), D(2025, 2, 28), D(2028, 2, 29)])
def test_date_bounds_agree_with_the_rule_around_each_threshold(at):
    earliest_legal, latest_activity = date_bounds(at)
    one = dt.timedelta(days=1)
    ok_activity = D(2000, 1, 1)
    assert assess(earliest_legal, max(earliest_legal, ok_activity), at).reasons[0:0] == []
    assert "legal_age_over_4_years" not in codes(assess(earliest_legal, None, at))
    assert "legal_age_over_4_years" in codes(assess(earliest_legal - one, None, at))
    assert "activity_under_1_year" not in codes(assess(None, latest_activity, at))
    assert "activity_under_1_year" in codes(assess(None, latest_activity + one, at))


def test_month_lengths_follow_the_civil_calendar():
    import calendar

    assert all(days_in_month(y, m) == calendar.monthrange(y, m)[1] for y in range(1900, 2101) for m in range(1, 13))
    assert add_months(D(2023, 1, 31), 1) == D(2023, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2024, 12, 31), 2) == D(2025, 2, 28)
