"""Eligibility at the application date: at most four years of legal
existence and at least one year of activity."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TypedDict

from .dates import add_years, whole_months_between
from .errors import DomainError

MAX_LEGAL_AGE_YEARS = 4
MIN_ACTIVITY_YEARS = 1


def _duration(months: int) -> tuple[str, str]:
    years, rest = divmod(max(months, 0), 12)
    fr_parts, ar_parts = [], []
    if years:
        fr_parts.append(f"{years} an" + ("s" if years > 1 else ""))
        ar_parts.append(f"{years} سنة" if years != 2 else "سنتان")
    if rest or not years:
        fr_parts.append(f"{rest} mois")
        ar_parts.append(f"{rest} شهر" if rest != 1 else "شهر واحد")
    return " et ".join(fr_parts), " و".join(ar_parts)


class EligibilityDict(TypedDict):
    """Eligibility as the cooperative's file carries it: each reason is its
    message in one language, or its code with both messages."""

    eligible: bool
    at: str
    reasons: list[str | dict[str, str]]


@dataclass(frozen=True)
class Eligibility:
    at: dt.date
    eligible: bool
    reasons: list[DomainError] = field(default_factory=list)

    def as_dict(self, lang: str | None = None) -> EligibilityDict:
        reasons: list[str | dict[str, str]] = [r.message(lang) if lang else {"code": r.code, "fr": r.fr, "ar": r.ar}
                   for r in self.reasons]
        return {"eligible": self.eligible, "at": self.at.isoformat(), "reasons": reasons}


def assess(legal_date: dt.date | None, activity_start: dt.date | None, at: dt.date) -> Eligibility:
    """Eligibility at the date ``at``, with every reason it fails."""
    reasons: list[DomainError] = []
    d = at.isoformat()
    if legal_date is None:
        reasons.append(DomainError("no_legal_date", "Date de création légale inconnue",
                                   "تاريخ التأسيس القانوني غير معروف", "legal_date"))
    elif legal_date > at:
        reasons.append(DomainError("not_yet_created", f"Pas encore créée légalement au {d}",
                                   f"غير مؤسسة قانونيا بعد في {d}", "legal_date"))
    elif add_years(legal_date, MAX_LEGAL_AGE_YEARS) < at:
        fr, ar = _duration(whole_months_between(legal_date, at))
        reasons.append(DomainError(
            "legal_age_over_4_years",
            f"Existence légale de {fr} au {d} : le programme admet au plus 4 ans",
            f"مدة الوجود القانوني {ar} في {d}: يقبل البرنامج 4 سنوات على الأكثر",
            "legal_date"))
    if activity_start is None:
        reasons.append(DomainError("no_activity_start", "Date de début d'activité inconnue",
                                   "تاريخ بداية النشاط غير معروف", "activity_start"))
    elif add_years(activity_start, MIN_ACTIVITY_YEARS) > at:
        fr, ar = _duration(whole_months_between(activity_start, at))
        reasons.append(DomainError(
            "activity_under_1_year",
            f"Activité de {fr} seulement au {d} : il faut au moins un an d'activité",
            f"مدة النشاط {ar} فقط في {d}: يشترط سنة من النشاط على الأقل",
            "activity_start"))
    return Eligibility(at=at, eligible=not reasons, reasons=reasons)


def _threshold(at: dt.date, years: int) -> dt.date:
    """The earliest date d with add_years(d, years) >= at (add_years is monotone)."""
    d = add_years(at, -years)
    one = dt.timedelta(days=1)
    while add_years(d - one, years) >= at:
        d -= one
    while add_years(d, years) < at:
        d += one
    return d


def date_bounds(at: dt.date) -> tuple[dt.date, dt.date]:
    """(earliest eligible legal date, latest eligible activity start) at ``at``,
    so that a store can filter eligibility with two comparisons."""
    earliest_legal = _threshold(at, MAX_LEGAL_AGE_YEARS)
    latest_activity = _threshold(at, MIN_ACTIVITY_YEARS + 0)
    # activity: add_years(start, 1) <= at  <=>  start <= last date with that property
    while add_years(latest_activity, MIN_ACTIVITY_YEARS) > at:
        latest_activity -= dt.timedelta(days=1)
    one = dt.timedelta(days=1)
    while add_years(latest_activity + one, MIN_ACTIVITY_YEARS) <= at:
        latest_activity += one
    return earliest_legal, latest_activity
