"""Individual coaching: 12 sessions within two years of the first one.

The plan's schedule spreads the 12 sessions evenly over the two years, one
every two months; a session recorded with a "next date" moves the next due
date to it. A session is overdue once its due date has passed.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypedDict

from .dates import add_months, add_years
from .errors import DomainError

MAX_SESSIONS = 12
WINDOW_YEARS = 2
MONTHS_BETWEEN_SESSIONS = WINDOW_YEARS * 12 // MAX_SESSIONS


@dataclass(frozen=True)
class SessionDate:
    number: int
    held_on: dt.date
    next_date: dt.date | None = None


def window_end(first: dt.date) -> dt.date:
    return add_years(first, WINDOW_YEARS)


def check_new_session(existing: Sequence[SessionDate], held_on: dt.date) -> int:
    """The number the new session gets, or a DomainError saying why not."""
    if len(existing) >= MAX_SESSIONS:
        raise DomainError(
            "too_many_sessions",
            f"La coopérative a déjà ses {MAX_SESSIONS} séances d'accompagnement : "
            "le programme n'en prévoit pas de 13e",
            f"استفادت التعاونية من حصص المواكبة الـ{MAX_SESSIONS} كاملة: "
            "لا يتضمن البرنامج حصة ثالثة عشرة", "number")
    ordered = sorted(existing, key=lambda s: s.number)
    if ordered:
        _check_in_window(ordered[0].held_on, held_on)
        last = ordered[-1]
        if held_on < last.held_on:
            raise DomainError(
                "before_previous_session",
                f"Date : antérieure à la séance n° {last.number} du {last.held_on.isoformat()}",
                f"التاريخ: سابق للحصة رقم {last.number} بتاريخ {last.held_on.isoformat()}", "held_on")
    return len(ordered) + 1


def check_session_date(existing: Sequence[SessionDate], number: int, held_on: dt.date) -> None:
    """An edit of session ``number``'s date keeps the order and the window."""
    others = sorted((s for s in existing if s.number != number), key=lambda s: s.number)
    before = [s for s in others if s.number < number]
    after = [s for s in others if s.number > number]
    if before and held_on < before[-1].held_on:
        prev = before[-1]
        raise DomainError(
            "before_previous_session",
            f"Date : antérieure à la séance n° {prev.number} du {prev.held_on.isoformat()}",
            f"التاريخ: سابق للحصة رقم {prev.number} بتاريخ {prev.held_on.isoformat()}", "held_on")
    if after and held_on > after[0].held_on:
        nxt = after[0]
        raise DomainError(
            "after_next_session",
            f"Date : postérieure à la séance n° {nxt.number} du {nxt.held_on.isoformat()}",
            f"التاريخ: لاحق للحصة رقم {nxt.number} بتاريخ {nxt.held_on.isoformat()}", "held_on")
    first = before[0].held_on if before else held_on
    _check_in_window(first, held_on)
    if not before:  # moving session 1 moves the window
        for s in after:
            _check_in_window(held_on, s.held_on)


def _check_in_window(first: dt.date, held_on: dt.date) -> None:
    end = window_end(first)
    if held_on > end:
        raise DomainError(
            "outside_two_year_window",
            f"Date : {held_on.isoformat()} dépasse la fenêtre de deux ans ouverte par la "
            f"première séance du {first.isoformat()} (fin le {end.isoformat()})",
            f"التاريخ: {held_on.isoformat()} يتجاوز مدة السنتين التي بدأت بالحصة الأولى "
            f"بتاريخ {first.isoformat()} (تنتهي في {end.isoformat()})", "held_on")


def window_start(existing: Sequence[SessionDate], number: int, held_on: dt.date) -> dt.date:
    """The date of session 1, which opens the window: ``held_on`` when the
    session ``number`` held then is the first."""
    others = [s for s in existing if s.number != number]
    if number == 1 or not others:
        return held_on
    return min(others, key=lambda s: s.number).held_on


def check_next_date(held_on: dt.date, next_date: dt.date | None, first: dt.date) -> None:
    """The next session a coach announces comes after this one and inside the
    two-year window opened by the first session (``first``; this session's own
    date when it is the first): a date past the window announces a session the
    programme would refuse."""
    if next_date is None:
        return
    if next_date <= held_on:
        raise DomainError(
            "next_date_not_after", "Prochaine séance : doit suivre la date de cette séance",
            "موعد الحصة المقبلة: يجب أن يكون بعد تاريخ هذه الحصة", "next_date")
    end = window_end(first)
    if next_date > end:
        raise DomainError(
            "next_date_outside_window",
            f"Prochaine séance : {next_date.isoformat()} dépasse la fenêtre de deux ans ouverte par la "
            f"première séance du {first.isoformat()} (fin le {end.isoformat()})",
            f"موعد الحصة المقبلة: {next_date.isoformat()} يتجاوز مدة السنتين التي بدأت بالحصة الأولى "
            f"بتاريخ {first.isoformat()} (تنتهي في {end.isoformat()})", "next_date")


def planned_date(first: dt.date, number: int) -> dt.date:
    """When session ``number`` falls on the plan's schedule."""
    return add_months(first, MONTHS_BETWEEN_SESSIONS * (number - 1))


class ProgressDict(TypedDict):
    """CoachingProgress as the cooperative's file carries it (dates in ISO)."""

    done: int
    of: int
    first: str | None
    window_end: str | None
    next_due: str | None
    overdue: bool
    overdue_days: int


@dataclass(frozen=True)
class CoachingProgress:
    done: int
    first: dt.date | None
    window_end: dt.date | None
    next_due: dt.date | None
    overdue: bool
    overdue_days: int
    on_time: int = 0  # sessions held by their due date (``on_time``)

    def as_dict(self) -> ProgressDict:
        def iso(d: dt.date | None) -> str | None:
            return d.isoformat() if d else None

        return {"done": self.done, "of": MAX_SESSIONS, "first": iso(self.first),
                "window_end": iso(self.window_end), "next_due": iso(self.next_due),
                "overdue": self.overdue, "overdue_days": self.overdue_days}


def session_due(previous: SessionDate, number: int, first: dt.date) -> dt.date:
    """When session ``number`` was due: on the date the session before it
    announced, else on the plan's schedule, never past the two-year window."""
    return min(previous.next_date or planned_date(first, number), window_end(first))


def on_time(sessions: Sequence[SessionDate]) -> int:
    """Sessions held by their due date (``session_due``). Session 1 opens the
    schedule: it is always on time."""
    ordered = sorted(sessions, key=lambda s: s.number)
    if not ordered:
        return 0
    first = ordered[0].held_on
    return 1 + sum(1 for before, s in zip(ordered, ordered[1:])
                   if s.held_on <= session_due(before, s.number, first))


def progress(sessions: Sequence[SessionDate], as_of: dt.date) -> CoachingProgress:
    """Sessions done, and whether the next one is overdue at ``as_of``.

    A cooperative whose coaching has not started is never overdue here:
    its first session is set by the coordinator's calendar, not by a rule.
    """
    if not sessions:
        return CoachingProgress(0, None, None, None, False, 0)
    ordered = sorted(sessions, key=lambda s: s.number)
    first, last = ordered[0].held_on, ordered[-1]
    done, timely = len(ordered), on_time(ordered)
    if done >= MAX_SESSIONS:
        return CoachingProgress(done, first, window_end(first), None, False, 0, timely)
    due = session_due(last, done + 1, first)
    late = (as_of - due).days
    return CoachingProgress(done, first, window_end(first), due, late > 0, max(late, 0), timely)
