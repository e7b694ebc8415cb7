"""The selection committee's minutes: when it met and who sat on it, what it
examined (the counts per region), the retained and waiting lists of each
region and the applications not retained with their reasons, and the
members' signatures.

The members are given when printing (``members``: "Name — quality" lines);
without them the table has blank lines to fill in by hand at the meeting.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..domain.calls import Call, RankedApplication
from . import words as W
from .common import Doc
from .doc_ranking import by_region, call_name, call_scope, outcome, reasons_text, registration_label, score_text
from .layout import TITLE, Column, Grid, RowSpec, Style, Text, heading, signatures

BLANK_MEMBERS = 6
SMALL_GRID = Style(size=8)


def title(_record: Mapping[str, Any], lang: str) -> str:
    return W.t("minutes_title", lang)


def subtitle(record: Mapping[str, Any], lang: str) -> str:
    call: Call | None = record.get("call")
    return call_scope(call, lang) if call else ""


def members_table(doc: Doc, members: Sequence[str]) -> Grid:
    lang = doc.lang
    rows: list[RowSpec] = []
    for n, member in enumerate(members or [""] * BLANK_MEMBERS, start=1):
        name, _, quality = member.partition("—") if "—" in member else member.partition(",")
        rows.append(RowSpec([str(n), name.strip(), quality.strip(), ""], min_height=24))
    return Grid([Column(W.t("number", lang), 0.4, "center"), Column(W.t("member_name", lang), 2.2),
                 Column(W.t("member_quality", lang), 2.2), Column(W.t("signature", lang), 1.6)], rows, doc.rtl)


def summary_table(doc: Doc, call: Call, regions: Mapping[str, Sequence[RankedApplication]]) -> Grid:
    lang = doc.lang
    rows: list[RowSpec] = []
    totals = [0] * 6
    for region, items in regions.items():
        retained = sum(1 for i in items if i.decision == "retained" and i.withdrawn_on is None)
        figures = [call.places.get(region, 0), len(items), sum(1 for i in items if i.complete),
                   sum(1 for i in items if i.eligible), sum(1 for i in items if i.rated), retained]
        totals = [a + b for a, b in zip(totals, figures)]
        rows.append(RowSpec([doc.region(region), *map(str, figures)]))
    if len(rows) > 1:
        rows.append(RowSpec([W.t("grand_total", lang), *map(str, totals)], bold=True, shaded=True))
    return Grid([Column(W.t("region", lang), 2.2), Column(W.t("places", lang), 0.8, "center"),
                 Column(W.t("received", lang), 0.8, "center"), Column(W.t("complete_n", lang), 0.8, "center"),
                 Column(W.t("eligible_n", lang), 0.8, "center"), Column(W.t("rated_n", lang), 0.8, "center"),
                 Column(W.t("retained_n", lang), 0.8, "center")], rows, doc.rtl, style=SMALL_GRID)


def _list(doc: Doc, heading_key: str, first: str, rows: list[list[str]], with_reason: bool = False) -> list[Flowable]:
    lang, rtl = doc.lang, doc.rtl
    out: list[Flowable] = [Text(doc.t(heading_key), rtl, Style(size=9.5, bold=True), space_before=4)]
    if not rows:
        return [*out, Text(doc.t("none_listed"), rtl)]
    columns = [Column(first, 0.6, "center"), Column(registration_label(lang), 1.3),
               Column(W.t("cooperative", lang), 2.6), Column(W.t("score_100", lang), 0.8, "center")]
    if with_reason:
        columns = columns[1:3] + [Column(W.t("reasons", lang), 3.0)]
    return [*out, Grid(columns, rows, rtl, style=SMALL_GRID)]


def region_lists(doc: Doc, call: Call, region: str, items: Sequence[RankedApplication]) -> list[Flowable]:
    lang, rtl = doc.lang, doc.rtl
    live = [i for i in items if i.withdrawn_on is None]
    retained = [i for i in live if i.decision == "retained"]
    waiting = sorted((i for i in live if i.decision == "waiting"), key=lambda i: i.waiting_position or 0)
    rejected = [i for i in live if outcome(i) == "rejected"]
    undecided = [i for i in live if i.decision is None and i.rank is not None]
    out: list[Flowable] = [*heading(doc.t("region_heading", region=doc.region(region),
                                          places=call.places.get(region, 0)), rtl)]
    out += _list(doc, "retained_list", W.t("rank", lang), [
        [str(i.rank or W.EMPTY), W.ltr(i.registration_number, lang), W.or_blank(i.name, lang),
         score_text(i.score)] for i in retained])
    out += _list(doc, "waiting_list", W.t("position", lang), [
        [str(i.waiting_position or W.EMPTY), W.ltr(i.registration_number, lang), W.or_blank(i.name, lang),
         score_text(i.score)] for i in waiting])
    out += _list(doc, "rejected_list", "", [
        [W.ltr(i.registration_number, lang), W.or_blank(i.name, lang),
         W.or_blank(i.decision_reason, lang) if i.decision_reason else reasons_text(i, lang)] for i in rejected],
        with_reason=True)
    if undecided:
        out.append(Text(doc.t("undecided", n=len(undecided)), rtl, Style(size=8.5, bold=True), space_before=3))
    return out


def story(record: Mapping[str, Any], doc: Doc) -> list[Flowable]:
    """``record``: call, ranking (as for the ranking document), region (a
    code or None), members ("Name — quality" lines, may be empty), held_on
    (the meeting's date; the print date when not given)."""
    lang, rtl = doc.lang, doc.rtl
    call: Call = record["call"]
    regions = by_region(call, record["ranking"], record.get("region"))
    held: dt.date = record.get("held_on") or doc.printed_on
    received = sum(len(items) for items in regions.values())
    out: list[Flowable] = [
        Text(W.t("minutes_title", lang), rtl, TITLE, space_after=4),
        Text(doc.t("minutes_intro", title=call_name(call, lang), scope=call_scope(call, lang),
                   closes=doc.date(call.closes_on, long=True), held=doc.date(held, long=True), n=received,
                   reference=doc.date(call.reference_date, long=True)), rtl, space_after=6),
        *heading(doc.t("members_heading"), rtl), members_table(doc, record.get("members") or []),
        *heading(doc.t("summary"), rtl), summary_table(doc, call, regions),
    ]
    for region, items in regions.items():
        out += region_lists(doc, call, region, items)
    out += [Spacer(1, 8), Text(doc.t("minutes_close"), rtl),
            KeepTogether([*heading(W.t("signatures", lang), rtl), signatures(
                [doc.t("committee_chair"), doc.t("office_rep"), W.t("coordinator", lang)], lang, rtl)])]
    return out
