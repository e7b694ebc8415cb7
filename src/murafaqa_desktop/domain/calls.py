"""A call for applications and the ranking of its applications, region by region.

Pure rules, no I/O. The store gives each application's facts as a
``Candidate``; ``rank_region`` orders one region's candidates and says, for
each, whether it is ranked (complete and eligible at the call's reference
date), its shared rank ("1224"), whether it is proposed (within the region's
places) and its position on the waiting list.

Tie-break among equal scores, in this order, so that the committee can
explain every place: (1) the higher share of women and young people among
the members, (women + youth) / members; (2) the earlier received date;
(3) the registration number.

Decisions: ``retained``, ``waiting`` or ``rejected``. A decision that differs
from the proposal needs a written reason, and ``rejected`` always has one.
A withdrawal is recorded on the application (``withdrawn_on`` with its
reason), its decision kept as it was: a withdrawn application holds no
place and leaves the waiting list, and the first of the waiting list is
offered the place (``services/calls.withdraw`` retains it, with the reason
saying whose place it takes).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, ClassVar, Literal

from .eligibility import assess
from .errors import DomainError
from .selection import score_from_total
from .vocab import APPLICATION_DOCUMENTS, CALL_DECISIONS, SELECTION_CRITERIA, Labels

Decision = Literal["retained", "waiting", "rejected"]

DECISIONS: Labels = CALL_DECISIONS
DOCUMENT_COLUMNS: tuple[str, ...] = tuple(f"doc_{code}" for code in APPLICATION_DOCUMENTS)


@dataclass(frozen=True)
class Call:
    """A call for applications: places per region code, eligibility judged
    at ``reference_date`` (the closing date unless set)."""

    id: str
    tranche: int
    phase: int
    title: str
    opens_on: dt.date | None
    closes_on: dt.date
    reference_date: dt.date
    places: dict[str, int] = field(default_factory=dict)

    @property
    def regions(self) -> tuple[str, ...]:
        return tuple(sorted(self.places))


@dataclass(frozen=True, slots=True)
class Candidate:
    """The facts of one application that the ranking reads. A store may give
    ``total`` (the sum of the ratings), ``rated`` (all six rated) and
    ``eligible`` already computed (True: eligible at the reference date; the
    rule then judges only the others, to say why)."""

    application_id: str
    cooperative_id: str
    registration_number: str
    name: str
    region: str
    received_on: dt.date | None
    legal_date: dt.date | None
    activity_start: dt.date | None
    members: int | None
    women: int | None
    youth: int | None
    complete: bool | None
    ratings: Mapping[str, int] = field(default_factory=dict)
    missing_documents: tuple[str, ...] = ()
    decision: Decision | None = None
    decision_reason: str | None = None
    withdrawn_on: dt.date | None = None
    total: int | None = None
    rated: bool | None = None
    eligible: bool | None = None


@dataclass(slots=True)
class RankedApplication:
    """One application as the ranking shows it (``murafaqa ranking --json``
    prints the first ten fields)."""

    registration_number: str
    region: str
    complete: bool | None
    eligible: bool
    reasons: list[dict[str, str]]
    score: float
    rank: int | None
    proposed: bool
    waiting_position: int | None
    decision: Decision | None
    application_id: str = ""
    cooperative_id: str = ""
    name: str = ""
    received_on: dt.date | None = None
    women_youth_share: float | None = None
    decision_reason: str | None = None
    differs_from_proposal: bool = False
    withdrawn_on: dt.date | None = None
    rated: bool = False

    JSON_FIELDS: ClassVar[tuple[str, ...]] = (
        "registration_number", "region", "complete", "eligible", "reasons", "score", "rank", "proposed",
        "waiting_position", "decision")

    def as_json(self) -> dict[str, Any]:
        """The command line's record: the issue's ten fields, then what
        explains the place."""
        out: dict[str, Any] = {k: getattr(self, k) for k in self.JSON_FIELDS}
        out.update({
            "application_id": self.application_id, "cooperative_id": self.cooperative_id, "name": self.name,
            "received_on": self.received_on.isoformat() if self.received_on else None,
            "women_youth_share": None if self.women_youth_share is None else round(self.women_youth_share, 4),
            "decision_reason": self.decision_reason,
            "differs_from_proposal": self.differs_from_proposal,
            "withdrawn_on": self.withdrawn_on.isoformat() if self.withdrawn_on else None,
        })
        return out

    @property
    def ranked(self) -> bool:
        return self.rank is not None

    @property
    def status(self) -> Decision | None:
        """The decision, or the proposal when none is taken yet (None: not ranked)."""
        if self.decision is not None:
            return self.decision
        if self.rank is None:
            return None
        return "retained" if self.proposed else "waiting"


def women_youth_share(members: int | None, women: int | None, youth: int | None) -> float | None:
    """(women + youth) / members, unrounded (the order compares it exactly;
    what shows it rounds it); None when the members are not known."""
    if not members:
        return None
    return ((women or 0) + (youth or 0)) / members


def _reason(code: str, fr: str, ar: str) -> dict[str, str]:
    return {"code": code, "fr": fr, "ar": ar}


def _file_reasons(complete: bool | None, missing: tuple[str, ...]) -> list[dict[str, str]]:
    if complete is True:
        return []
    return list(_file_reasons_of(complete, missing))


# A call's files lack few distinct sets of documents, and its cooperatives
# share few dates: their reasons are made once per ranking, not once per file.
@lru_cache(maxsize=1024)
def _file_reasons_of(complete: bool | None, missing: tuple[str, ...]) -> tuple[dict[str, str], ...]:
    if complete is None:
        return (_reason("not_checked", "Dossier pas encore vérifié", "الملف لم يتم التحقق منه بعد"),)
    if missing:
        fr = ", ".join(_document_label(d, "fr") for d in missing)
        ar = "، ".join(_document_label(d, "ar") for d in missing)
        return (_reason("incomplete", f"Dossier incomplet : manque {fr}", f"ملف غير مكتمل: ينقص {ar}"),)
    return (_reason("incomplete", "Dossier incomplet", "ملف غير مكتمل"),)


@lru_cache(maxsize=8192)
def _eligibility(legal: dt.date | None, activity: dt.date | None,
                 at: dt.date) -> tuple[bool, tuple[dict[str, str], ...]]:
    found = assess(legal, activity, at)
    return found.eligible, tuple(_reason(e.code, e.fr, e.ar) for e in found.reasons)


def _document_label(code: str, lang: str) -> str:
    if code in APPLICATION_DOCUMENTS:
        fr, ar = APPLICATION_DOCUMENTS[code]
    elif code.startswith("evidence_") and code[9:] in SELECTION_CRITERIA:
        cfr, car = SELECTION_CRITERIA[code[9:]]
        fr, ar = f"pièce justificative « {cfr} »", f"وثيقة إثبات «{car}»"
    else:
        fr = ar = code
    return ar if lang == "ar" else fr


def missing_documents(documents: Mapping[str, bool | None], ratings: Mapping[str, int],
                      evidence_documents: Mapping[str, bool | None]) -> tuple[str, ...]:
    """The documents a file lacks: the four of every file, and one for each
    positive rating's evidence (``evidence_<criterion>``)."""
    missing = [code for code in APPLICATION_DOCUMENTS if not documents.get(code)]
    missing += [f"evidence_{c}" for c in SELECTION_CRITERIA
                if int(ratings.get(c) or 0) > 0 and not evidence_documents.get(c)]
    return tuple(missing)


def _sort_key(r: RankedApplication) -> tuple[float, float, str, str]:
    share = r.women_youth_share if r.women_youth_share is not None else -1.0
    received = r.received_on.isoformat() if r.received_on else "9999-12-31"
    return (-r.score, -share, received, r.registration_number)


def explain(c: Candidate, reference_date: dt.date, covered: bool = True) -> tuple[bool, list[dict[str, str]]]:
    """(eligible, reasons it is not ranked): the call does not cover its
    region, its file is not complete (or not checked), the cooperative is
    not eligible at the reference date. No reason: it is ranked."""
    return judge(c.complete, c.missing_documents, c.legal_date, c.activity_start, reference_date, covered,
                 c.eligible)


def judge(complete: bool | None, missing_documents: tuple[str, ...], legal_date: dt.date | None,
          activity_start: dt.date | None, reference_date: dt.date, covered: bool = True,
          eligible: bool | None = None) -> tuple[bool, list[dict[str, str]]]:
    """``explain`` from the facts themselves, for a caller that holds them
    apart (the ranking of a whole call, which judges thousands of files).
    ``eligible``: True when already known, else judged here."""
    reasons = [] if covered else [_reason("region_not_covered", "Région non couverte par l'appel",
                                          "الجهة غير مشمولة بطلب الاهتمام")]
    if complete is not True:
        reasons += _file_reasons(complete, missing_documents)
    if not eligible:
        eligible, why = _eligibility(legal_date, activity_start, reference_date)
        reasons += why
    return bool(eligible), reasons


def shown(c: Candidate, eligible: bool, reasons: list[dict[str, str]], score: float,
          rank: int | None = None) -> RankedApplication:
    """A candidate as the ranking shows it (proposal and waiting list: ``settle``)."""
    return RankedApplication(
        c.registration_number, c.region, c.complete, eligible, reasons, score, rank, False, None, c.decision,
        c.application_id, c.cooperative_id, c.name, c.received_on,
        women_youth_share(c.members, c.women, c.youth), c.decision_reason, False, c.withdrawn_on,
        c.rated if c.rated is not None else all(k in c.ratings for k in SELECTION_CRITERIA))


def settle(ranked: Sequence[RankedApplication], others: Sequence[RankedApplication],
           places: int) -> list[RankedApplication]:
    """Given one region's ranked applications in order (ranks set) and the
    others: the first ``places`` proposed, the waiting list numbered, each
    decision compared with the proposal; the ranked first, then the others."""
    for position, item in enumerate(ranked, start=1):
        item.proposed = position <= places
    _place_waiting_list(ranked)
    out = [*ranked, *others]
    for item in out:
        if item.decision is not None:  # most are not decided yet
            item.differs_from_proposal = item.decision != proposal_of(item)
    return out


def rank_region(candidates: Iterable[Candidate], places: int, reference_date: dt.date,
                covered: bool = True) -> list[RankedApplication]:
    """One region's applications in ranking order: the ranked first (rank,
    proposal, waiting list), then the others with their reasons (by
    registration number). ``covered``: the call has places in the region.

    The rule itself, in plain Python; ``store.calls.ranked_rows`` orders a
    whole call the same way in SQL for speed, and a test keeps the two equal."""
    ranked: list[RankedApplication] = []
    others: list[RankedApplication] = []
    for c in candidates:
        eligible, reasons = explain(c, reference_date, covered)
        total = c.total if c.total is not None else sum(int(c.ratings.get(k) or 0) for k in SELECTION_CRITERIA)
        (others if reasons else ranked).append(shown(c, eligible, reasons, score_from_total(total)))
    ranked.sort(key=_sort_key)
    previous: float | None = None
    previous_rank = 0
    for position, item in enumerate(ranked, start=1):
        if item.score != previous:
            previous, previous_rank = item.score, position
        item.rank = previous_rank
    others.sort(key=lambda r: r.registration_number)
    return settle(ranked, others, places)


def proposal_of(item: RankedApplication) -> Decision:
    """The decision the ranking proposes (not ranked: not retained)."""
    if item.rank is None:
        return "rejected"
    return "retained" if item.proposed else "waiting"


def _place_waiting_list(ranked: Sequence[RankedApplication]) -> None:
    """Positions 1, 2, … among the applications on the waiting list now: those
    decided ``waiting``, or not decided yet and not proposed; a withdrawn
    one has left it."""
    position = 0
    for item in ranked:
        if item.withdrawn_on is None and item.status == "waiting":
            position += 1
            item.waiting_position = position


def first_waiting(ranking: Sequence[RankedApplication]) -> RankedApplication | None:
    """The first of the waiting list: the one offered a place that frees."""
    waiting = [r for r in ranking if r.waiting_position is not None]
    return min(waiting, key=lambda r: r.waiting_position or 0) if waiting else None


def check_decision(item: RankedApplication, decision: str, reason: str | None) -> list[DomainError]:
    """A decision may differ from the proposal only with a written reason;
    ``rejected`` always has one."""
    if decision not in DECISIONS:
        return [DomainError("bad_decision", f"Décision inconnue : « {decision} » (retained, waiting, rejected)",
                            f"قرار غير معروف: «{decision}» (retained، waiting، rejected)", "decision")]
    has_reason = bool(reason and reason.strip())
    if decision == "rejected" and not has_reason:
        return [DomainError("reason_required", "Une candidature non retenue doit avoir un motif écrit",
                            "يجب تعليل عدم قبول الترشيح كتابة", "decision_reason")]
    if decision != proposal_of(item) and not has_reason:
        pfr, par = DECISIONS[proposal_of(item)]
        return [DomainError(
            "reason_required",
            f"La décision diffère de la proposition ({pfr}) : un motif écrit est nécessaire",
            f"القرار يخالف الاقتراح ({par}): يلزم تعليل مكتوب", "decision_reason")]
    return []


def parse_places(text: str) -> dict[str, int]:
    """``11=40,06=35`` -> {"11": 40, "06": 35}."""
    places: dict[str, int] = {}
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        region, sep, number = part.partition("=")
        region = region.strip()
        if not sep or not region or not number.strip().isdigit():
            raise DomainError("bad_places", f"Places mal écrites : « {part} » (ex. 11=40,06=35)",
                              f"المقاعد مكتوبة بشكل خاطئ: «{part}» (مثال 11=40,06=35)", "places")
        if region in places:
            raise DomainError("bad_places", f"Région donnée deux fois : « {region} »",
                              f"الجهة مذكورة مرتين: «{region}»", "places")
        places[region] = int(number.strip())
    if not places:
        raise DomainError("no_places", "L'appel doit couvrir au moins une région avec ses places",
                          "يجب أن يشمل طلب الاهتمام جهة واحدة على الأقل بمقاعدها", "places")
    return places
