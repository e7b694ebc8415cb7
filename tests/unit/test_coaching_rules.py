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
