"""Coaching: 12 sessions within two years of the first; overdue against the schedule."""
import datetime as dt

import pytest

from murafaqa_desktop.domain import coaching
from murafaqa_desktop.domain.errors import DomainError

D = dt.date


def sessions(n, first=D(2024, 1, 10), step_days=60):
    return [coaching.SessionDate(i + 1, first + dt.timedelta(days=step_days * i)) for i in range(n)]


def test_the_next_session_gets_the_next_number():
    assert coaching.check_new_session([], D(2024, 1, 10)) == 1
    assert coaching.check_new_session(sessions(5), D(2024, 12, 1)) == 6


def test_a_thirteenth_session_is_refused_with_its_reason():
    with pytest.raises(DomainError) as e:
        coaching.check_new_session(sessions(12, step_days=55), D(2025, 11, 1))
    assert e.value.code == "too_many_sessions"
    assert "12" in e.value.fr and "13e" in e.value.fr
    assert "الـ12" in e.value.ar


def test_a_session_past_the_two_year_window_is_refused():
    first = D(2024, 1, 10)
    existing = sessions(3, first)
    assert coaching.check_new_session(existing, D(2026, 1, 10)) == 4  # last day of the window
    with pytest.raises(DomainError) as e:
        coaching.check_new_session(existing, D(2026, 1, 11))
    assert e.value.code == "outside_two_year_window"
    assert "2026-01-10" in e.value.fr and "2024-01-10" in e.value.ar


def test_a_session_before_the_previous_one_is_refused():
    with pytest.raises(DomainError) as e:
        coaching.check_new_session(sessions(2), D(2024, 2, 1))
    assert e.value.code == "before_previous_session"


def test_editing_a_date_keeps_order_and_window():
    existing = sessions(3)
    coaching.check_session_date(existing, 2, D(2024, 3, 1))
    with pytest.raises(DomainError):
        coaching.check_session_date(existing, 2, D(2024, 6, 1))  # after session 3
    with pytest.raises(DomainError) as e:
        coaching.check_session_date(existing, 1, D(2021, 1, 1))  # would push 2 and 3 out of the window
    assert e.value.code == "outside_two_year_window"


def test_overdue_follows_the_next_date_or_the_schedule():
    first = D(2024, 1, 10)
    done = [coaching.SessionDate(1, first, D(2024, 3, 1))]
    assert not coaching.progress(done, D(2024, 3, 1)).overdue
    late = coaching.progress(done, D(2024, 3, 11))
    assert late.overdue and late.overdue_days == 10 and late.next_due == D(2024, 3, 1)
    # without a next date, the plan's schedule: one session every two months
    plain = [coaching.SessionDate(1, first)]
    assert coaching.progress(plain, D(2024, 3, 10)).next_due == D(2024, 3, 10)
    assert not coaching.progress(plain, D(2024, 3, 10)).overdue
    assert coaching.progress(plain, D(2024, 3, 11)).overdue


def test_twelve_sessions_or_none_are_never_overdue():
    assert not coaching.progress([], D(2030, 1, 1)).overdue
    full = coaching.progress(sessions(12, step_days=55), D(2030, 1, 1))
    assert full.done == 12 and not full.overdue and full.next_due is None


def test_the_due_date_never_falls_after_the_window():
    first = D(2024, 1, 10)
    done = [coaching.SessionDate(1, first, D(2027, 1, 1))]
    assert coaching.progress(done, D(2025, 1, 1)).next_due == D(2026, 1, 10)


def test_no_next_date_or_one_after_the_session_within_the_window_is_accepted():
    first = D(2024, 1, 10)
    coaching.check_next_date(first, None, first)
    coaching.check_next_date(first, D(2024, 1, 11), first)
    coaching.check_next_date(D(2025, 11, 1), D(2026, 1, 10), first)  # the window's last day


@pytest.mark.parametrize("next_date", [D(2024, 3, 1), D(2024, 2, 28)])
def test_a_next_date_on_or_before_the_session_is_refused(next_date):
    with pytest.raises(DomainError) as e:
        coaching.check_next_date(D(2024, 3, 1), next_date, D(2024, 1, 10))
    assert (e.value.code, e.value.field) == ("next_date_not_after", "next_date")
    assert "suivre" in e.value.fr and "بعد" in e.value.ar


def test_a_next_date_past_the_two_year_window_is_refused():
    first = D(2024, 1, 10)
    with pytest.raises(DomainError) as e:
        coaching.check_next_date(D(2025, 11, 1), D(2026, 1, 11), first)
    assert (e.value.code, e.value.field) == ("next_date_outside_window", "next_date")
    assert "2026-01-10" in e.value.fr and "2026-01-10" in e.value.ar


def test_the_first_session_opens_the_window_its_next_date_is_held_to():
    coaching.check_next_date(D(2024, 1, 10), D(2026, 1, 10), D(2024, 1, 10))
    with pytest.raises(DomainError):
        coaching.check_next_date(D(2024, 1, 10), D(2026, 1, 11), D(2024, 1, 10))


def test_the_window_starts_at_session_one_whichever_session_is_saved():
    existing = sessions(3)
    assert coaching.window_start(existing, 4, D(2024, 9, 1)) == D(2024, 1, 10)
    assert coaching.window_start(existing, 2, D(2024, 3, 1)) == D(2024, 1, 10)
    assert coaching.window_start(existing, 1, D(2024, 1, 5)) == D(2024, 1, 5)  # session 1 moved
    assert coaching.window_start([], 1, D(2024, 1, 5)) == D(2024, 1, 5)
