"""The printed documents: how each is found from an id, and built.

``build(db, kind, key, lang)`` returns the PDF bytes of one document; an
unknown key raises ``NotFound`` (a DomainError, in both languages) before
anything is laid out, so a caller never writes a partial file for it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from reportlab.platypus import Flowable
from sqlite_utils import Database

from .. import assets
from ..domain.errors import DomainError, NotFound
from ..services import cooperatives
from ..store import aggregates, report_figures
from . import (
    doc_attendance,
    doc_diagnostic,
    doc_letter,
    doc_minutes,
    doc_plan,
    doc_progress,
    doc_ranking,
    doc_session,
)
from .common import Doc
from .layout import render

KINDS = ("diagnostic", "plan", "session", "attendance", "progress", "ranking", "minutes", "letters")
# The documents of a call for applications: keyed by the call (a region may
# narrow them), the letters by each application.
CALL_KINDS = ("ranking", "minutes", "letters")


def _missing(what_fr: str, what_ar: str, key: str) -> NotFound:
    return NotFound("not_found", f"{what_fr} introuvable : « {key} »", f"{what_ar} غير موجود(ة): «{key}»")


def load_cooperative(db: Database, key: str, **_: Any) -> dict[str, Any]:
    return cooperatives.file(db, key)


def load_session(db: Database, key: str, **_: Any) -> dict[str, Any]:
    """A coaching session by its id, or ``COOP_ID_OR_REGISTRATION:NUMBER``."""
    if ":" in key:
        coop_key, _sep, number = key.rpartition(":")  # "_" already names the unused keywords
        coop = cooperatives.get(db, coop_key)
        session_id = report_figures.coaching_session_id(db, coop["id"], int(number)) if number.isdigit() else None
        if session_id is None:
            raise _missing("Séance d'accompagnement", "حصة المواكبة", key)
    else:
        session_id = key
    row = aggregates.coaching_session(db, session_id)
    if row is None:
        raise _missing("Séance d'accompagnement", "حصة المواكبة", key)
    record = cooperatives.file(db, row["cooperative_id"])
    record["session"] = next(s for s in record["coaching"]["sessions"] if s["id"] == row["id"])
    return record


def load_attendance(db: Database, key: str, blank: bool = False, lines: int | None = None,
                    lang: str = "fr", **_: Any) -> dict[str, Any]:
    training = aggregates.training_session(db, key)
    if training is None:
        raise _missing("Session de formation", "دورة التكوين", key)
    people = aggregates.attendance(db, key)
    names = report_figures.cooperative_names(db, sorted({p["cooperative_id"] for p in people
                                                         if p.get("cooperative_id")}))
    for p in people:
        coop = names.get(p.get("cooperative_id") or "")
        # one name only on a narrow column: the document's language first
        p["cooperative"] = ((coop.get("name_ar") if lang == "ar" else coop.get("name_fr"))
                            or coop.get("name_ar") or coop.get("name_fr")) if coop else None
    return {"training": training, "attendance": people, "blank": blank, "lines": lines}


def parse_scope(key: str) -> tuple[int | None, int | None]:
    """``all``, a tranche (``4``) or a tranche and phase (``4/1``)."""
    text = key.strip().lower()
    if text in ("all", "tout", "الكل"):
        return None, None
    tranche, _, phase = text.partition("/")
    ref = assets.reference()
    if not tranche.isdigit() or int(tranche) not in ref.tranches or (phase and not phase.isdigit()):
        raise DomainError("bad_scope",
                          f"Périmètre inconnu « {key} » : une tranche (1 à 4), une tranche et sa phase (4/1) ou all",
                          f"نطاق غير معروف «{key}»: شطر (من 1 إلى 4) أو شطر ومرحلته (4/1) أو all")
    if phase:
        phases = {p for p, _ in ref.tranches[int(tranche)].phases}
        if int(phase) not in phases:
            raise DomainError("bad_scope", f"Périmètre « {key} » : la tranche {tranche} n'a pas de phase {phase}",
                              f"النطاق «{key}»: الشطر {tranche} لا يتضمن المرحلة {phase}")
    return int(tranche), (int(phase) if phase else None)


def load_progress(db: Database, key: str, today: dt.date | None = None, **_: Any) -> dict[str, Any]:
    """The programme's table and the dashboard's figures of the same scope,
    counted as of ``today`` (the print date: a reprint shows the same)."""
    tranche, phase = parse_scope(key)  # an unknown scope is refused before anything is counted
    from ..domain.dashboard import Scope
    from ..services import dashboard

    return {"scope": (tranche, phase), "rows": report_figures.progress_rows(db, tranche, phase),
            "dashboard": dashboard.figures(db, Scope(tranche=tranche, phase=phase), today)}


def load_ranking(db: Database, key: str, lang: str = "fr", region: str | None = None,
                 members: list[str] | None = None, held_on: dt.date | None = None, **_: Any) -> dict[str, Any]:
    """A call and its ranking (of one region when given): the ranking's and
    the minutes' record."""
    from ..services import calls

    call = calls.get_call(db, key)
    code = calls.check_region(call, region)
    return {"call": call, "ranking": calls.ranking(db, call.id, code, lang=lang), "region": code,
            "members": list(members or []), "held_on": held_on}


def load_letter(db: Database, key: str, lang: str = "fr", cache: dict[str, Any] | None = None,
                **_: Any) -> dict[str, Any]:
    """One application's letter. ``cache``: a dict kept across the letters of
    a batch, so that the call is ranked once, not once per letter."""
    from ..services import calls

    app = _application(db, key)
    cache = cache if cache is not None else {}
    found = cache.get(app["call_id"])
    if found is None or found[2] != lang:
        call = calls.get_call(db, app["call_id"])
        found = (call, {r.application_id: r for r in calls.ranking(db, call.id, lang=lang)}, lang)
        cache.clear()
        cache[app["call_id"]] = found
    call, ranked, _lang = found
    item = ranked[app["id"]]
    if doc_ranking.outcome(item) is None:
        raise DomainError("no_decision", f"{item.registration_number} : pas encore de décision du comité",
                          f"{item.registration_number}: لم تتخذ اللجنة قرارها بعد")
    return {"call": call, "application": item, "cooperative": cooperatives.get(db, app["cooperative_id"])}


def _application(db: Database, key: str) -> dict[str, Any]:
    from ..store import calls as call_store

    row = call_store.application(db, key)
    if row is None:
        raise _missing("Candidature", "الترشيح", key)
    return row


def letter_keys(db: Database, call_id: str, region: str | None = None) -> list[str]:
    """The applications of a call that get a letter, in ranking order region
    by region: every decided one and every one that could not be ranked
    (not retained, its reasons the letter's). Not those ranked and still
    undecided, nor those that withdrew."""
    from ..services import calls

    call = calls.get_call(db, call_id)
    code = calls.check_region(call, region)
    keys = [r.application_id for r in calls.ranking(db, call.id, code)
            if doc_ranking.outcome(r) is not None and r.withdrawn_on is None]
    if not keys:
        raise DomainError("nothing_to_print", "Aucune lettre à imprimer : le comité n'a encore rien décidé",
                          "لا توجد أي رسالة للطبع: لم تتخذ اللجنة أي قرار بعد")
    return keys


def resolve(db: Database, kind_name: str, key: str) -> str:
    """Check that ``key`` names a document of this kind (NotFound if not) and
    return the key to load it by; cheap, so a batch checks every key first."""
    kind(kind_name)
    if kind_name in ("diagnostic", "plan"):
        coop_id: str = cooperatives.get(db, key)["id"]
        return coop_id
    if kind_name == "session":
        if ":" in key:
            coop_key, _, number = key.rpartition(":")
            try:
                coop = cooperatives.get(db, coop_key)
            except NotFound:
                raise _missing("Séance d'accompagnement", "حصة المواكبة", f"{key}") from None
            found = report_figures.coaching_session_id(db, coop["id"], int(number)) if number.isdigit() else None
        else:
            found = key if aggregates.coaching_session(db, key) else None
        if found is None:
            raise _missing("Séance d'accompagnement", "حصة المواكبة", key)
        return found
    if kind_name == "attendance":
        if aggregates.training_session(db, key) is None:
            raise _missing("Session de formation", "دورة التكوين", key)
        return key
    if kind_name in ("ranking", "minutes"):
        from ..services import calls

        return calls.get_call(db, key).id
    if kind_name == "letters":
        application_id: str = _application(db, key)["id"]
        return application_id
    parse_scope(key)
    return key


def name_of(kind_name: str, record: dict[str, Any], key: str) -> str:
    """A short name for a bookmark or a file: registration number, date…"""
    if kind_name == "letters":
        return str(record["application"].registration_number)
    if "cooperative" in record:
        name = record["cooperative"].get("registration_number") or key
        if kind_name == "session":
            name += f" n{record['session']['number']}"
        return name
    if kind_name == "attendance":
        return f"{record['training'].get('held_on') or ''} {record['training'].get('module_code') or key}".strip()
    if kind_name in ("ranking", "minutes"):
        return f"{record['call'].tranche}-{record['call'].phase}" + (f"-{record['region']}" if record["region"] else "")
    return key.replace("/", "-")


class DocumentModule(Protocol):
    """What each ``doc_*`` module provides (a module may also set
    ``LANDSCAPE = True``, read with a default). Every title and subtitle takes
    the record and the language, whether it needs both or not."""

    def title(self, record: Mapping[str, Any], lang: str, /) -> str: ...

    def subtitle(self, record: Mapping[str, Any], lang: str, /) -> str: ...

    def story(self, record: Mapping[str, Any], doc: Doc, /) -> list[Flowable]: ...


@dataclass(frozen=True)
class Kind:
    name: str
    module: DocumentModule
    load: Callable[..., dict[str, Any]]


REGISTRY = {
    "diagnostic": Kind("diagnostic", doc_diagnostic, load_cooperative),
    "plan": Kind("plan", doc_plan, load_cooperative),
    "session": Kind("session", doc_session, load_session),
    "attendance": Kind("attendance", doc_attendance, load_attendance),
    "progress": Kind("progress", doc_progress, load_progress),
    "ranking": Kind("ranking", doc_ranking, load_ranking),
    "minutes": Kind("minutes", doc_minutes, load_ranking),
    "letters": Kind("letters", doc_letter, load_letter),
}


def kind(name: str) -> Kind:
    if name not in REGISTRY:
        raise DomainError("bad_document", f"Document inconnu « {name} » ({', '.join(KINDS)})",
                          f"وثيقة غير معروفة «{name}» ({', '.join(KINDS)})")
    return REGISTRY[name]


def load(db: Database, kind_name: str, key: str, lang: str = "fr", **options: Any) -> dict[str, Any]:
    """The data of one document; NotFound when the key matches nothing."""
    return kind(kind_name).load(db, key, lang=lang, **options)


def render_record(kind_name: str, record: dict[str, Any], lang: str, printed_on: dt.date | None = None) -> bytes:
    """Lay out a loaded record (no database needed: a worker thread can do it)."""
    k = kind(kind_name)
    doc = Doc(lang, printed_on or dt.date.today())
    info = doc.page(k.module.title(record, lang), k.module.subtitle(record, lang))
    info.landscape = getattr(k.module, "LANDSCAPE", False)
    return render(k.module.story(record, doc), info)


def build(db: Database, kind_name: str, key: str, lang: str = "fr", printed_on: dt.date | None = None,
          **options: Any) -> bytes:
    """The PDF bytes of one document."""
    if kind_name == "progress":
        options.setdefault("today", printed_on)
    return render_record(kind_name, load(db, kind_name, key, lang, **options), lang, printed_on)
