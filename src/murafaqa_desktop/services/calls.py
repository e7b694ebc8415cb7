"""Calls for applications: the call, its applications and their files, the
ratings of each application, the ranking per region, the committee's
decisions and withdrawals.

Ratings belong to the application (``application_ratings``): a cooperative
applying to a later call is rated again for it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from .. import assets
from ..domain import calls as rules
from ..domain import selection
from ..domain.calls import Call, RankedApplication
from ..domain.entities import APPLICATION, APPLICATION_RATING, CALL
from ..domain.errors import DomainError, ValidationError
from ..domain.schema import as_date, to_date
from ..domain.vocab import APPLICATION_DOCUMENTS, SELECTION_CRITERIA
from ..store import calls as store
from ..store import changes, sync_state
from ..store import cooperatives as coop_store
from ..store.rows import Row
from . import cooperatives
from .validation import not_found, validated


def check_decider(db: Database) -> None:
    """Only a coordinator or an administrator decides and manages calls: a
    laptop enrolled by a coach refuses at once (its server would refuse the
    whole sync, 403). A laptop not enrolled yet is not judged."""
    if sync_state.get(db, "role") == "coach":
        raise DomainError("decider_only",
                          "Seul un coordinateur ou un administrateur décide et gère les appels",
                          "وحده المنسق أو المدير يتخذ القرار ويدبر طلبات إبداء الاهتمام", "decision")


# -- calls -------------------------------------------------------------------------------------


def _call(row: Row, places: Mapping[str, int]) -> Call:
    closes = to_date(row["closes_on"])
    return Call(id=row["id"], tranche=int(row["tranche"]), phase=int(row["phase"]), title=row["title"] or "",
                opens_on=as_date(row["opens_on"]), closes_on=closes,
                reference_date=as_date(row["reference_date"]) or closes, places=dict(places))


def _unknown_region(region: str) -> DomainError:
    return DomainError("bad_region", f"Région inconnue : « {region} »", f"جهة غير معروفة: «{region}»", "places")


def create_call(db: Database, *, tranche: int | str, phase: int | str, closes_on: str | dt.date,
                places: Mapping[str, int] | str, opens_on: str | dt.date | None = None,
                reference_date: str | dt.date | None = None, title: str | None = None) -> Call:
    """A new call with its places per region (``{"11": 40}`` or ``"11=40,06=35"``)."""
    by_region = rules.parse_places(places) if isinstance(places, str) else dict(places)
    ref = assets.reference()
    resolved: dict[str, int] = {}
    errors: list[DomainError] = []
    for region, number in by_region.items():
        code = ref.region_code(str(region))
        if code is None:
            errors.append(_unknown_region(str(region)))
            continue
        if not isinstance(number, int) or number < 0:
            errors.append(DomainError("bad_places", f"Places de la région {code} : un nombre entier positif",
                                      f"مقاعد الجهة {code}: عدد صحيح موجب", "places"))
        resolved[code] = int(number)
    if not resolved and not errors:
        errors.append(DomainError("no_places", "L'appel doit couvrir au moins une région avec ses places",
                                  "يجب أن يشمل طلب الاهتمام جهة واحدة على الأقل بمقاعدها", "places"))
    try:
        values = validated(CALL, {"tranche": tranche, "phase": phase, "title": title, "opens_on": opens_on,
                                  "closes_on": closes_on, "reference_date": reference_date})
    except ValidationError as e:
        errors = e.errors + errors
        values = {}
    if values and values["opens_on"] and values["opens_on"] > values["closes_on"]:
        errors.append(DomainError("closes_before_opening", "La clôture précède l'ouverture",
                                  "تاريخ الإغلاق يسبق تاريخ الافتتاح", "closes_on"))
    if errors:
        raise ValidationError(errors)
    check_decider(db)
    with db.atomic():
        row = changes.insert(db, "calls", values)
        for region, number in sorted(resolved.items()):
            changes.insert(db, "call_places", {"call_id": row["id"], "region": region, "places": number})
    return _call(row, resolved)


def get_call(db: Database, call_id: str) -> Call:
    row = store.get(db, call_id)
    if row is None:
        raise not_found("Appel", "طلب إبداء الاهتمام", call_id)
    return _call(row, {p["region"]: int(p["places"]) for p in store.places(db, call_id)})


def list_calls(db: Database) -> list[Call]:
    places: dict[str, dict[str, int]] = {}
    for p in store.places_of_calls(db):
        places.setdefault(p["call_id"], {})[p["region"]] = int(p["places"])
    return [_call(r, places.get(r["id"], {})) for r in store.all_calls(db)]


def check_region(call: Call, region: str | None) -> str | None:
    """A region the call covers (by code or name), or a DomainError."""
    if region is None:
        return None
    code = assets.reference().region_code(str(region)) or str(region)
    if code not in call.places:
        covered = ", ".join(call.regions)
        raise DomainError("region_not_covered",
                          f"L'appel ne couvre pas la région « {region} » (régions : {covered})",
                          f"طلب إبداء الاهتمام لا يشمل الجهة «{region}» (الجهات: {covered})", "region")
    return code


# -- applications ------------------------------------------------------------------------------

CRITERIA = tuple(SELECTION_CRITERIA)
DOCUMENT_FIELDS = {code: f"doc_{code}" for code in APPLICATION_DOCUMENTS}


def record_application(db: Database, call_id: str, cooperative: str | Mapping[str, Any], *,
                       received_on: str | dt.date | None = None,
                       documents: Mapping[str, Any] | None = None, complete: Any = None) -> Row:
    """One cooperative's application to a call. ``cooperative``: its id or
    registration number, or its fields (created when its registration number
    is not known yet). ``documents``: code -> present (see APPLICATION_DOCUMENTS);
    ``complete`` when given, else from the documents when any are given."""
    with db.atomic():
        call = get_call(db, call_id)
        coop = _cooperative(db, cooperative)
        check_region(call, coop["region"])
        if store.application_of(db, call.id, coop["id"]) is not None:
            raise ValidationError([DomainError(
                "already_applied", f"{coop['registration_number']} a déjà une candidature à cet appel",
                f"{coop['registration_number']} سبق أن ترشحت لطلب إبداء الاهتمام هذا", "cooperative_id")])
        data: dict[str, Any] = {"call_id": call.id, "cooperative_id": coop["id"], "received_on": received_on,
                                "complete": complete}
        for code, value in (documents or {}).items():
            if code not in DOCUMENT_FIELDS:
                raise ValidationError([DomainError("bad_document", f"Pièce inconnue : « {code} »",
                                                   f"وثيقة غير معروفة: «{code}»", "documents")])
            data[DOCUMENT_FIELDS[code]] = value
        values = validated(APPLICATION, data)
        for f in ("decision", "decision_reason", "decided_by", "decided_on", "withdrawn_on", "withdrawal_reason"):
            values.pop(f, None)
        if values["complete"] is None and documents:
            values["complete"] = int(not rules.missing_documents(_docs(values), {}, {}))
        return changes.insert(db, "applications", values)


def _cooperative(db: Database, cooperative: str | Mapping[str, Any]) -> Row:
    if isinstance(cooperative, str):
        return cooperatives.get(db, cooperative)
    reg = str(cooperative.get("registration_number") or "").strip()
    existing = coop_store.id_by_registration(db, reg) if reg else None
    if existing is not None:
        row = coop_store.get(db, existing)
        assert row is not None
        return row
    return cooperatives.create(db, cooperative)


def _docs(row: Mapping[str, Any]) -> dict[str, bool | None]:
    return {code: (None if row.get(col) is None else bool(row[col])) for code, col in DOCUMENT_FIELDS.items()}


def _application(db: Database, application_id: str) -> Row:
    row = store.application(db, application_id)
    if row is None:
        raise not_found("Candidature", "الترشيح", application_id)
    return row


def application_by_registration(db: Database, call_id: str, registration_number: str) -> Row:
    """A call's application by its cooperative's registration number (or the application's id)."""
    app_id = store.application_id_by_registration(db, call_id, registration_number)
    row = store.application(db, app_id or registration_number)
    if row is None or row["call_id"] != call_id:
        raise not_found("Candidature", "الترشيح", registration_number)
    return row


def recompute_complete(db: Database, app: Row) -> None:
    """A file whose documents are recorded is complete when none is missing,
    the evidence of each positive rating included."""
    docs = _docs(app)
    if all(v is None for v in docs.values()):
        return
    ratings = store.ratings(db, app["id"])
    missing = rules.missing_documents(docs, {r["criterion"]: r["rating"] for r in ratings},
                                      {r["criterion"]: bool(r["document"]) for r in ratings})
    changes.update(db, "applications", app["id"], {"complete": int(not missing)})


def set_documents(db: Database, application_id: str, documents: Mapping[str, Any]) -> Row:
    """Tick the documents of a file (code -> present); ``complete`` follows."""
    with db.atomic():
        app = _application(db, application_id)
        data = {}
        for code, value in documents.items():
            if code not in DOCUMENT_FIELDS:
                raise ValidationError([DomainError("bad_document", f"Pièce inconnue : « {code} »",
                                                   f"وثيقة غير معروفة: «{code}»", "documents")])
            data[DOCUMENT_FIELDS[code]] = value
        values = validated(APPLICATION, data, current=app)
        changes.update(db, "applications", application_id, values)
        app = {**app, **values}
        recompute_complete(db, app)
        return _application(db, application_id)


def set_complete(db: Database, application_id: str, complete: bool | None) -> None:
    with db.atomic():
        _application(db, application_id)
        changes.update(db, "applications", application_id, {"complete": None if complete is None else int(complete)})


def rate(db: Database, application_id: str, criterion: str, rating: int | str, evidence: str | None = None,
         document: bool | None = None) -> Row:
    """One criterion's rating of an application, with its evidence (as the
    cooperative's rating: a positive rating needs its evidence)."""
    values = validated(APPLICATION_RATING, {"application_id": application_id, "criterion": criterion,
                                            "rating": rating, "evidence": evidence, "document": document})
    errors = selection.check_rating(values["criterion"], values["rating"], values["evidence"])
    if errors:
        raise ValidationError(errors)
    with db.atomic():
        app = _application(db, application_id)
        current = store.rating(db, application_id, values["criterion"])
        if current is None:
            row = changes.insert(db, "application_ratings", values)
        else:
            changes.update(db, "application_ratings", current["id"],
                           {k: values[k] for k in ("rating", "evidence", "document")})
            row = {**current, **values}
        recompute_complete(db, app)
        return row


# -- ranking -----------------------------------------------------------------------------------


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


class _Days(dict[str | None, dt.date | None]):
    """Dates parsed once each: a call's received dates fall on a few dozen
    days, read for thousands of applications."""

    def __missing__(self, key: str | None) -> dt.date | None:
        day = self[key] = _date(key)
        return day


def ranking(db: Database, call_id: str, region: str | None = None, lang: str = "fr") -> list[RankedApplication]:
    """Every application of a call (of one region when given) in ranking
    order, region by region (by region code). The store orders them
    (``store.calls.ranked_rows``, the rule of ``domain.calls.rank_region``
    in SQL); the reasons of those not ranked come from the domain."""
    call = get_call(db, call_id)
    code = check_region(call, region)
    rows = store.ranked_rows(db, call_id, code, call.reference_date, lang)
    scores = {t: selection.score_from_total(t) for t in range(0, 3 * len(CRITERIA) + 1)}
    days = _Days()
    criteria = len(CRITERIA)
    out: list[RankedApplication] = []
    ranked: list[RankedApplication] = []
    others: list[RankedApplication] = []
    current: str | None = None
    previous: int | None = None  # the score of the last ranked row of the region, and its rank
    rank = 0
    for (app_id, coop_id, received, complete, decision, reason, withdrawn, reg, name, reg_region, legal, activity,
         share, total, rated, is_ranked, statutes, minutes, registration, members_list, lacking) in rows:
        if reg_region != current:
            if current is not None:
                out += rules.settle(ranked, others, call.places.get(current, 0))
            current, ranked, others, previous, rank = reg_region, [], [], None, 0
        if is_ranked:  # the hot path: complete, eligible, nothing to explain
            # Equal scores share the rank of the first of them ("1224").
            if total != previous:
                previous, rank = total, len(ranked) + 1
            ranked.append(RankedApplication(
                reg, reg_region, True, True, [], scores[total], rank, False, None, decision, app_id, coop_id,
                name, days[received], share, reason, False, days[withdrawn], rated >= criteria))
            continue
        state = None if complete is None else bool(complete)
        missing: tuple[str, ...] = ()
        if state is False:
            missing = rules.missing_documents(
                dict(zip(APPLICATION_DOCUMENTS, (statutes, minutes, registration, members_list), strict=True)),
                dict.fromkeys((lacking or "").split(","), 1), {})
        # its eligibility judged by the domain, which says why it fails
        ok, reasons = rules.judge(state, missing, days[legal], days[activity], call.reference_date,
                                  reg_region in call.places)
        others.append(RankedApplication(
            reg, reg_region, state, ok, reasons, scores[total], None, False, None, decision, app_id, coop_id,
            name, days[received], share, reason, False, days[withdrawn], rated >= criteria))
    if current is not None:
        out += rules.settle(ranked, others, call.places.get(current, 0))
    return out


@dataclass(frozen=True)
class RegionCounts:
    """One region of a call: applications received, complete, eligible at
    the reference date, rated on all six criteria, retained (withdrawn ones
    left out), and its places."""

    region: str
    places: int
    received: int
    complete: int
    eligible: int
    rated: int
    retained: int


def region_counts(db: Database, call_id: str) -> list[RegionCounts]:
    call = get_call(db, call_id)
    ranked = ranking(db, call_id)
    out = []
    for region in sorted(set(call.places) | {r.region for r in ranked}):
        mine = [r for r in ranked if r.region == region]
        out.append(RegionCounts(
            region=region, places=call.places.get(region, 0), received=len(mine),
            complete=sum(1 for r in mine if r.complete), eligible=sum(1 for r in mine if r.eligible),
            rated=sum(1 for r in mine if r.rated),
            retained=sum(1 for r in mine if r.decision == "retained" and r.withdrawn_on is None)))
    return out


# -- decisions ---------------------------------------------------------------------------------


def _ranked(db: Database, app: Row) -> RankedApplication:
    """One application as the ranking shows it. Only its region is ranked:
    a region's ranks, proposals and waiting list do not depend on the others."""
    coop = coop_store.get(db, app["cooperative_id"])
    assert coop is not None
    region = coop["region"] if coop["region"] in get_call(db, app["call_id"]).places else None
    for item in ranking(db, app["call_id"], region):
        if item.application_id == app["id"]:
            return item
    raise AssertionError(app["id"])


def decide(db: Database, call_id: str, application: str, decision: str, reason: str | None = None, *,
           decided_by: str | None = None, on: dt.date | None = None) -> RankedApplication:
    """The committee's decision on one application (its id or its
    cooperative's registration number). Retained: the cooperative enters the
    programme (the call's tranche and phase, status pre-selected), in the same
    transaction."""
    check_decider(db)
    with db.atomic():
        call = get_call(db, call_id)
        app = application_by_registration(db, call.id, application)
        item = _ranked(db, app)
        errors = rules.check_decision(item, decision, reason)
        if errors:
            raise ValidationError(errors)
        _write_decision(db, call, app, decision, (reason or "").strip() or None, decided_by, on)
        return _ranked(db, _application(db, app["id"]))


def _write_decision(db: Database, call: Call, app: Row, decision: str, reason: str | None,
                    decided_by: str | None, on: dt.date | None) -> None:
    changes.update(db, "applications", app["id"], {
        "decision": decision, "decision_reason": reason, "decided_by": decided_by,
        "decided_on": (on or dt.date.today()).isoformat()})
    coop = coop_store.get(db, app["cooperative_id"])
    assert coop is not None
    if decision == "retained":
        changes.update(db, "cooperatives", coop["id"],
                       {"tranche": call.tranche, "phase": call.phase, "status": "preselected"})
    elif coop["status"] == "preselected" and coop["tranche"] == call.tranche and coop["phase"] == call.phase:
        # A retained decision taken back: the cooperative is a candidate again.
        changes.update(db, "cooperatives", coop["id"], {"status": "applied"})


def withdraw(db: Database, call_id: str, application: str, reason: str | None = None, *,
             on: dt.date | None = None, decided_by: str | None = None) -> RankedApplication | None:
    """A retained cooperative withdraws: it leaves the programme and the first
    of the waiting list is offered the place (retained, the reason naming
    whose place it takes). Returns that one (None: the waiting list is empty)."""
    when = on or dt.date.today()
    check_decider(db)
    with db.atomic():
        call = get_call(db, call_id)
        app = application_by_registration(db, call.id, application)
        if app["decision"] != "retained" or app["withdrawn_on"] is not None:
            raise DomainError("not_retained", "Seule une coopérative retenue peut se retirer",
                              "لا يمكن الانسحاب إلا لتعاونية مقبولة", "decision")
        changes.update(db, "applications", app["id"],
                       {"withdrawn_on": when.isoformat(), "withdrawal_reason": (reason or "").strip() or None})
        changes.update(db, "cooperatives", app["cooperative_id"], {"status": "withdrawn"})
        coop = coop_store.get(db, app["cooperative_id"])
        assert coop is not None
        covered = coop["region"] if coop["region"] in call.places else None
        region = [r for r in ranking(db, call.id, covered) if r.region == coop["region"]]
        offered = rules.first_waiting(region)
        if offered is None:
            return None
        reg = coop["registration_number"]
        reason_text = (f"Place offerte après le retrait de {reg} / "
                       f"مقعد مقترح بعد انسحاب {reg}")
        offered_app = _application(db, offered.application_id)
        _write_decision(db, call, offered_app, "retained", reason_text, decided_by, when)
        return _ranked(db, _application(db, offered.application_id))
