"""The programme progress report for the ministry and partners: per tranche,
then per tranche, phase and region — the programme's own table (tranche 1:
438, 2: 478, 3: 474, 4: 600 planned of which 80 financed) with what the
database holds beside what was planned."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.platypus import Flowable

from . import words as W
from .common import Doc
from .layout import TITLE, Column, Grid, RowSpec, Style, Text, heading

SUMMED = ("cooperatives", "diagnosed", "trained", "coached", "sessions_done", "completed", "financed",
          "members", "women", "youth")
SMALL = Style(size=8)
LANDSCAPE = True  # the programme's table has twelve columns


def scope_text(scope: tuple[int | None, int | None], lang: str) -> str:
    tranche, phase = scope
    if tranche is None:
        return W.t("all_tranches", lang)
    text = f"{W.t('tranche', lang)} {tranche}"
    return f"{text} — {W.t('phase', lang)} {phase}" if phase else text


def title(_record: Mapping[str, Any], lang: str) -> str:
    return W.t("progress_title", lang)


def subtitle(record: Mapping[str, Any], lang: str) -> str:
    return scope_text(record["scope"], lang)


def _sum(rows: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    return {k: sum(int(r.get(k) or 0) for r in rows) for k in SUMMED}


def _figures(t: Mapping[str, int]) -> list[str]:
    n = W.number
    return [n(t["cooperatives"]), n(t["diagnosed"]), n(t["trained"]),
            f"{n(t['sessions_done'])} / {n(t['coached'] * 12)}", n(t["completed"])]


def _people(t: Mapping[str, int]) -> list[str]:
    return [W.number(t["members"]), W.number(t["women"]), W.number(t["youth"])]


def _figure_columns(doc: Doc) -> list[Column]:
    def c(key: str, w: float = 1.0) -> Column:
        return Column(doc.t(key), w, "center")

    return [c("cooperatives"), c("diagnosed_n"), c("trained"), c("sessions_n", 1.35), c("completed", 1.1),
            c("financed", 1.1), c("members"), c("women_n"), c("youth_n")]


def by_tranche(doc: Doc, rows: Sequence[Mapping[str, Any]], tranches: Sequence[int | None]) -> Grid:
    ref = doc.ref
    out: list[RowSpec] = []
    for number in tranches:
        mine = [r for r in rows if r["tranche"] == number]
        t = _sum(mine)
        plan = ref.tranches.get(number) if number is not None else None
        financed = W.number(t["financed"])
        if plan and plan.financed_planned:
            financed = doc.t("financed_of", ratio=W.ratio(t["financed"], plan.financed_planned, doc.lang))
        name = f"{doc.t('tranche')} {number}" if number is not None else W.EMPTY
        out.append(RowSpec([name, W.number(plan.planned) if plan else W.EMPTY, *_figures(t), financed, *_people(t)]))
    if len(tranches) > 1:
        t = _sum(rows)
        planned = sum(ref.tranches[n].planned for n in tranches if n in ref.tranches)
        out.append(RowSpec([doc.t("grand_total"), W.number(planned), *_figures(t), W.number(t["financed"]),
                            *_people(t)], bold=True, shaded=True))
    columns = [Column(doc.t("tranche"), 1.0, bold=True), Column(doc.t("planned"), 0.9, "center"),
               *_figure_columns(doc)]
    return Grid(columns, out, doc.rtl, style=SMALL)


def by_region(doc: Doc, rows: Sequence[Mapping[str, Any]], tranches: Sequence[int | None]) -> Grid:
    out: list[RowSpec] = []
    for number in tranches:
        mine = [r for r in rows if r["tranche"] == number]
        for r in mine:
            phase = str(r["phase"]) if r["phase"] else W.EMPTY
            out.append(RowSpec([str(number) if number is not None else W.EMPTY, phase, doc.region(r["region"]),
                                *_figures(r), W.number(r["financed"]), *_people(r)]))
        t = _sum(mine)
        name = f"{doc.t('axis_total')} — {doc.t('tranche')} {number if number is not None else W.EMPTY}"
        out.append(RowSpec(["", "", name, *_figures(t), W.number(t["financed"]), *_people(t)],
                           bold=True, shaded=True))
    columns = [Column(doc.t("tranche"), 0.8, "center"), Column(doc.t("phase"), 0.85, "center"),
               Column(doc.t("region"), 1.5), *_figure_columns(doc)]
    return Grid(columns, out, doc.rtl, style=SMALL)


def story(record: Mapping[str, Any], doc: Doc) -> list[Flowable]:
    """``record``: scope (tranche, phase) and rows from store.report_figures."""
    lang, rtl = doc.lang, doc.rtl
    rows = record["rows"]
    tranche, _ = record["scope"]
    if tranche is not None:
        tranches: list[int | None] = [tranche]
    else:
        present = {r["tranche"] for r in rows}
        tranches = sorted(set(doc.ref.tranches) | (present - {None})) + ([None] if None in present else [])
    return [
        Text(W.t("progress_title", lang), rtl, TITLE, space_after=2),
        Text(f"{W.t('scope', lang)}{' :' if lang == 'fr' else ':'} {scope_text(record['scope'], lang)}", rtl,
             space_after=4),
        *heading(W.t("by_tranche", lang), rtl), by_tranche(doc, rows, tranches),
        Text(W.t("note_programme", lang), rtl, SMALL, space_after=6),
        *heading(W.t("by_region", lang), rtl), by_region(doc, rows, tranches),
    ]
