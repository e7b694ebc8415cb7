"""Calendar arithmetic used by the programme's rules.

Anniversaries follow the civil convention: one year after 29 February is
28 February of the next year.
"""
from __future__ import annotations

import datetime as dt
import re

from .text import western_digits

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def days_in_month(year: int, month: int) -> int:
    # the day before the 1st of the next month (``calendar`` would also load ``locale``: startup time)
    first_of_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return (first_of_next - dt.timedelta(days=1)).day


def add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, days_in_month(year, month)))


def add_years(d: dt.date, years: int) -> dt.date:
    return add_months(d, 12 * years)


def whole_months_between(start: dt.date, end: dt.date) -> int:
    """Completed months from start to end (negative if end is before start)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if add_months(start, months) > end:
        months -= 1
    return months


def parse_date(value: object) -> dt.date:
    """Accept a date, a datetime, ISO ``YYYY-MM-DD`` or ``DD/MM/YYYY``.

    Eastern Arabic digits are accepted too. Raises ValueError otherwise.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = western_digits(str(value).strip())
    m = _ISO.match(text)
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    m = _DMY.match(text)
    if m:
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    raise ValueError(f"not a date: {value!r}")
