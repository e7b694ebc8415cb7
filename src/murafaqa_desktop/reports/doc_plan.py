"""The development plan: the cooperative's actions by axis, with subtotals per
axis and the plan's total, as it is signed with the cooperative."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..domain import entities as E
from ..domain import vocab as V
from ..domain.vocab import label
from . import words as W
from .common import Doc, coop_name, labels, tranche_phase
from .layout import TITLE, Column, Grid, RowSpec, Style, Text, fields, heading, signatures

W_SMALL = Style(size=8)


def title(_record: Mapping[str, Any], lang: str) -> str:
    return W.t("plan_title", lang)


def subtitle(record: Mapping[str, Any], _lang: str) -> str:
    return record["cooperative"].get("registration_number") or ""


def header_fields(doc: Doc, c: Mapping[str, Any]) -> Flowable:
    lang = doc.lang
    f = labels(E.COOPERATIVE, lang)
    return fields([
        (f("registration_number"), W.ltr(c.get("registration_number"), lang, True)),
        (f("region"), doc.region(c.get("region"))),
        (f("province"), doc.province(c.get("province"))),
        (W.t("tranche", lang), tranche_phase(c, lang)),
        (f("president"), W.or_blank(c.get("president"), lang, True)),
        (f("coach"), W.or_blank(c.get("coach"), lang, True)),
    ], doc.rtl)


def actions_table(doc: Doc, actions: list[Mapping[str, Any]]) -> tuple[Grid, dict[str, float]]:
    lang = doc.lang
    af = labels(E.PLAN_ACTION, lang)
    columns = [Column(W.t("number", lang), 0.5, "center"), Column(af("objective"), 2.2),
               Column(af("indicator"), 1.5), Column(af("owner"), 1.3), Column(af("due_date"), 1.2, "center"),
               Column(af("status"), 1.0, "center"), Column(af("progress"), 1.1, "center"),
               Column(af("estimated_cost"), 1.6, "end")]
    rows: list[RowSpec] = []
    totals = {"count": 0, "done": 0, "cost": 0.0, "progress": 0.0}
    number = 0
    axes = list(V.ACTION_AXES) + sorted({a["axis"] for a in actions if a["axis"] not in V.ACTION_AXES})
    for axis in axes:
        of_axis = [a for a in actions if a.get("axis") == axis]
        if not of_axis:
            continue
        rows.append(RowSpec([""] + [label(V.ACTION_AXES, axis, lang)] + [""] * 6, bold=True, shaded=True))
        cost = 0.0
        for a in of_axis:
            number += 1
            cost += a.get("estimated_cost") or 0
            progress = a.get("progress")
            rows.append(RowSpec([
                str(number), W.or_blank(a.get("objective"), lang), W.or_blank(a.get("indicator"), lang),
                W.or_blank(a.get("owner"), lang), doc.date(a.get("due_date")),
                label(V.ACTION_STATUS, a.get("status"), lang) or W.EMPTY,
                W.EMPTY if progress is None else f"{progress} %", W.money(a.get("estimated_cost"), lang)]))
            totals["progress"] += progress or 0
            totals["done"] += a.get("status") == "done"
        totals["count"] += len(of_axis)
        totals["cost"] += cost
        rows.append(RowSpec(["", f"{W.t('axis_total', lang)} — {label(V.ACTION_AXES, axis, lang)}", "", "", "", "",
                             "", W.money(cost, lang)], bold=True))
    rows.append(RowSpec(["", W.t("grand_total", lang), "", "", "", "", "", W.money(totals["cost"], lang)],
                        bold=True, shaded=True))
    return Grid(columns, rows, doc.rtl, style=W_SMALL), totals


def story(record: Mapping[str, Any], doc: Doc) -> list[Flowable]:
    lang, rtl = doc.lang, doc.rtl
    c = record["cooperative"]
    actions = record.get("plan") or []
    out: list[Flowable] = [Text(W.t("plan_title", lang), rtl, TITLE, space_after=2),
                           Text(coop_name(c, lang), rtl, space_after=6), header_fields(doc, c),
                           *heading(W.t("actions", lang), rtl)]
    if not actions:
        out.append(Text(W.t("no_plan", lang), rtl))
    else:
        grid, totals = actions_table(doc, actions)
        mean = totals["progress"] / totals["count"] if totals["count"] else 0
        out += [grid, fields([
            (W.t("actions_count", lang), str(totals["count"])),
            (W.t("done_count", lang), f"{totals['done']} / {totals['count']}"),
            (W.t("mean_progress", lang), f"{W.number(mean, 0)} %"),
            (W.t("total_cost", lang), W.money(totals["cost"], lang)),
        ], rtl)]
    out += [Spacer(1, 6), KeepTogether([*heading(W.t("signatures", lang), rtl), signatures(
        [W.t("coach", lang), W.t("president", lang), W.t("coordinator", lang)], lang, rtl)])]
    return out
