"""The strategic diagnostic sheet: one cooperative on paper, for meetings,
signatures and the archive. Takes the record as ``services.cooperatives.file``
returns it, so the sheet shows exactly what the record screen shows."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..domain import entities as E
from ..domain import vocab as V
from ..domain.vocab import label
from . import words as W
from .common import Doc, coop_name, labels, tranche_phase
from .layout import TITLE, Column, Grid, RowSpec, Text, fields, heading, signatures


def title(_record: Mapping[str, Any], lang: str) -> str:
    return W.t("diagnostic_title", lang)


def identity(doc: Doc, c: Mapping[str, Any]) -> Flowable:
    lang = doc.lang
    f = labels(E.COOPERATIVE, lang)

    def blank(value: Any) -> str:
        return W.or_blank(value, lang, True)

    def count(value: int | None) -> str:
        return W.number(value) if value is not None else W.pick(W.NOT_GIVEN, lang)

    pairs = [
        (f("name_ar"), blank(c.get("name_ar"))),
        (f("name_fr"), blank(c.get("name_fr"))),
        (f("registration_number"), W.ltr(c.get("registration_number"), lang, True)),
        (f("legal_standing"), blank(label(V.LEGAL_STANDING, c.get("legal_standing"), lang))),
        (f("region"), doc.region(c.get("region"))),
        (f("province"), doc.province(c.get("province"))),
        (f("commune"), blank(c.get("commune"))),
        (f("sector"), blank(doc.ref.sector_label(c.get("sector"), lang))),
        (f("legal_date"), doc.date(c.get("legal_date"))),
        (f("activity_start"), doc.date(c.get("activity_start"))),
        (f("application_date"), doc.date(c.get("application_date"))),
        (W.t("tranche", lang), tranche_phase(c, lang)),
        (f("members"), count(c.get("members"))),
        (f("women"), count(c.get("women"))),
        (f("youth"), count(c.get("youth"))),
        (f("status"), blank(label(V.PROGRAMME_STATUS, c.get("status"), lang))),
        (f("president"), blank(c.get("president"))),
        (f("phone"), W.ltr(c.get("phone"), lang, True)),
        (f("email"), W.ltr(c.get("email"), lang, True)),
        (f("coach"), blank(c.get("coach"))),
    ]
    return fields(pairs, doc.rtl)


def eligibility(doc: Doc, record: Mapping[str, Any]) -> list[Flowable]:
    lang, rtl = doc.lang, doc.rtl
    el = record["eligibility"]
    verdict = W.t("eligible_yes" if el["eligible"] else "eligible_no", lang)
    out: list[Flowable] = [Text(f"{verdict} {W.t('eligible_at', lang)} {doc.date(el['at'])}", rtl, space_after=2)]
    for reason in el["reasons"]:
        out.append(Text(f"• {W.dates_in(reason[lang])}", rtl, space_after=1))
    score = record["selection"]["score"]
    colon = " :" if lang == "fr" else ":"
    out.append(Text(f"{W.t('score', lang)}{colon} {W.ratio(W.number(score, 1), 100, lang)}", rtl, space_after=3))
    ratings = {r["criterion"]: r for r in record["selection"]["ratings"]}
    rows = []
    for code in V.SELECTION_CRITERIA:
        r = ratings.get(code)
        rating = W.EMPTY if r is None or r.get("rating") is None else \
            f"{W.ratio(r['rating'], V.MAX_RATING, lang)} — {label(V.CRITERION_RATING, str(r['rating']), lang)}"
        rows.append([label(V.SELECTION_CRITERIA, code, lang), rating,
                     W.or_blank(r.get("evidence") if r else None, lang)])
    out.append(Grid([Column(W.t("criterion", lang), 2.2), Column(W.t("rating", lang), 1.2, "center"),
                     Column(W.t("evidence", lang), 2.0)], rows, rtl))
    return out


def _need_axis(need: Mapping[str, Any], lang: str) -> str:
    vocab = V.TRAINING_AXES if need.get("kind") == "training" else V.ASSISTANCE_AREAS
    return label(vocab, need.get("axis"), lang) or W.EMPTY


def diagnosis(doc: Doc, diag: Mapping[str, Any] | None) -> list[Flowable]:
    lang, rtl = doc.lang, doc.rtl
    if diag is None:
        return [*heading(W.t("diagnosis", lang), rtl), Text(W.t("no_diagnosis", lang), rtl)]
    f = labels(E.DIAGNOSIS, lang)
    state = W.t("done" if diag.get("completed") else "in_progress", lang)
    out: list[Flowable] = [*heading(W.t("diagnosis", lang), rtl), fields([
        (f("diagnosed_on"), doc.date(diag.get("diagnosed_on"))),
        (f("diagnosed_by"), W.or_blank(diag.get("diagnosed_by"), lang, True)),
        (W.t("diagnosed", lang), state), ("", ""),
    ], rtl)]
    by_section = {s["section"]: s for s in diag.get("sections") or []}
    rows = []
    for code in V.DIAGNOSIS_SECTIONS:
        s = by_section.get(code, {})
        rows.append([label(V.DIAGNOSIS_SECTIONS, code, lang),
                     label(V.SECTION_RATING, s.get("rating"), lang) or W.EMPTY,
                     W.or_blank(s.get("findings"), lang)])
    out.append(Grid([Column(W.t("section", lang), 1.6, bold=True), Column(W.t("assessment", lang), 0.9, "center"),
                     Column(W.t("findings", lang), 3.5)], rows, rtl))
    out += heading(W.t("strengths_weaknesses", lang), rtl)
    out.append(fields([(f("strengths"), W.or_blank(diag.get("strengths"), lang, True)),
                       (f("weaknesses"), W.or_blank(diag.get("weaknesses"), lang, True)),
                       (f("summary"), W.or_blank(diag.get("summary"), lang, True))], rtl, per_row=1))
    out += heading(W.t("needs", lang), rtl)
    needs = diag.get("needs") or []
    if not needs:
        out.append(Text(W.t("no_needs", lang), rtl))
    else:
        nf = labels(E.DIAGNOSIS_NEED, lang)
        out.append(Grid(
            [Column(nf("kind"), 1.3), Column(nf("axis"), 1.5), Column(nf("description"), 3.0),
             Column(nf("priority"), 0.8, "center")],
            [[label(V.NEED_KINDS, n.get("kind"), lang), _need_axis(n, lang), W.or_blank(n.get("description"), lang),
              label(V.PRIORITY, n.get("priority"), lang) or W.EMPTY] for n in needs], rtl))
    return out


def plan_summary(doc: Doc, actions: list[Mapping[str, Any]]) -> list[Flowable]:
    lang, rtl = doc.lang, doc.rtl
    out: list[Flowable] = [*heading(W.t("plan_summary", lang), rtl)]
    if not actions:
        return out + [Text(W.t("no_plan", lang), rtl)]
    rows: list[RowSpec] = []
    total_cost, total_n, total_done = 0.0, 0, 0
    for axis in V.ACTION_AXES:
        of_axis = [a for a in actions if a.get("axis") == axis]
        if not of_axis:
            continue
        cost = sum(a.get("estimated_cost") or 0 for a in of_axis)
        done = sum(1 for a in of_axis if a.get("status") == "done")
        total_cost, total_n, total_done = total_cost + cost, total_n + len(of_axis), total_done + done
        objectives = "\n".join(f"• {a.get('objective') or W.EMPTY}" for a in of_axis)
        rows.append(RowSpec([label(V.ACTION_AXES, axis, lang), objectives, f"{done} / {len(of_axis)}",
                             W.money(cost, lang)]))
    rows.append(RowSpec([W.t("grand_total", lang), "", f"{total_done} / {total_n}", W.money(total_cost, lang)],
                        bold=True, shaded=True))
    af = labels(E.PLAN_ACTION, lang)
    out.append(Grid([Column(af("axis"), 1.2, bold=True), Column(W.t("actions", lang), 3.2),
                     Column(W.t("done_count", lang), 0.9, "center"), Column(af("estimated_cost"), 1.3, "end")],
                    rows, rtl))
    return out


def story(record: Mapping[str, Any], doc: Doc) -> list[Flowable]:
    """The sheet's content, top to bottom."""
    lang, rtl = doc.lang, doc.rtl
    c = record["cooperative"]
    out: list[Flowable] = [
        Text(W.t("diagnostic_title", lang), rtl, TITLE, space_after=2),
        Text(coop_name(c, lang), rtl, space_after=6),
        *heading(W.t("identity", lang), rtl), identity(doc, c),
        *heading(W.t("eligibility", lang), rtl), *eligibility(doc, record),
        *diagnosis(doc, record.get("diagnosis")),
        *plan_summary(doc, record.get("plan") or []),
    ]
    if c.get("notes"):
        out += [*heading(E.COOPERATIVE.field("notes").label(lang), rtl), Text(c["notes"], rtl)]
    out += [Spacer(1, 6), KeepTogether([
        *heading(W.t("signatures", lang), rtl),
        signatures([W.t("coach", lang), W.t("president", lang), W.t("coordinator", lang)], lang, rtl)])]
    return out


def subtitle(record: Mapping[str, Any], _lang: str) -> str:
    c = record["cooperative"]
    return c.get("registration_number") or ""
