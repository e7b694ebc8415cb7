"""The ranking of a call's applications, region by region, for the selection
committee: each ranked application with what explains its place (score, the
share of women and young people, the received date, the registration
number), the places line drawn across the table between the proposed and the
waiting list, then the applications that are not ranked with their reasons."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.platypus import Flowable, PageBreak

from ..domain import entities as E
from ..domain.calls import Call, RankedApplication
from ..domain.vocab import CALL_DECISIONS, label
from . import words as W
from .common import Doc
from .layout import SMALL, TITLE, Column, Grid, RowSpec, Style, Text, fields, heading


def title(_record: Mapping[str, Any], lang: str) -> str:
    return W.t("ranking_title", lang)


def subtitle(record: Mapping[str, Any], lang: str) -> str:
    call: Call | None = record.get("call")
    return call_scope(call, lang) if call else ""


def call_scope(call: Call, lang: str) -> str:
    """"Tranche 4 — Phase 2"."""
    return f"{W.t('tranche', lang)} {call.tranche} — {W.t('phase', lang)} {call.phase}"


def call_name(call: Call, lang: str) -> str:
    return call.title or f"{W.t('call', lang)} — {call_scope(call, lang)}"


def by_region(call: Call, ranking: Sequence[RankedApplication],
              region: str | None) -> dict[str, list[RankedApplication]]:
    """The applications of each region, in ranking order: the call's regions
    first (by code), then any other region an application comes from."""
    regions = [region] if region else sorted(set(call.places) | {r.region for r in ranking})
    out: dict[str, list[RankedApplication]] = {code: [] for code in regions}
    for item in ranking:
        if item.region in out:
            out[item.region].append(item)
    return out


def outcome(item: RankedApplication) -> str | None:
    """What the committee's paper says of an application: its decision; one
    that could not be ranked (incomplete, not eligible) is not retained, its
    reasons the reason. None: ranked and not decided yet."""
    if item.decision is not None:
        return item.decision
    return "rejected" if item.rank is None else None


def decision_text(item: RankedApplication, lang: str, with_reason: bool = True) -> str:
    if item.decision is None:
        return W.EMPTY
    text = label(CALL_DECISIONS, item.decision, lang) or item.decision
    if with_reason and item.decision_reason:
        text += f"\n{item.decision_reason}"
    return text


def proposal_text(item: RankedApplication, doc: Doc) -> str:
    if item.withdrawn_on is not None:
        return doc.t("withdrawn_on", date=doc.date(item.withdrawn_on))
    if item.proposed:
        return doc.t("proposed")
    if item.waiting_position is not None:
        return doc.t("waiting_n", n=item.waiting_position)
    return W.EMPTY


def registration_label(lang: str) -> str:
    return E.COOPERATIVE.field("registration_number").label(lang)


def score_text(score: float) -> str:
    return W.number(score, 1)


def reasons_text(item: RankedApplication, lang: str) -> str:
    return "\n".join(f"• {W.dates_in(r.get(lang) or r.get('fr') or '')}" for r in item.reasons) or W.EMPTY


def call_fields(call: Call, doc: Doc) -> Flowable:
    lang = doc.lang
    return fields([
        (W.t("call_title", lang), call_name(call, lang)), (W.t("tranche", lang), call_scope(call, lang)),
        (W.t("opens_on", lang), doc.date(call.opens_on)), (W.t("closes_on", lang), doc.date(call.closes_on)),
        (W.t("reference_date", lang), doc.date(call.reference_date)),
        (W.t("places", lang), str(sum(call.places.values()))),
    ], doc.rtl)


def ranked_table(doc: Doc, items: Sequence[RankedApplication], places: int) -> list[Flowable]:
    lang = doc.lang
    columns = [Column(W.t("rank", lang), 0.5, "center"), Column(registration_label(lang), 1.3),
               Column(W.t("cooperative", lang), 2.1), Column(W.t("score_100", lang), 0.75, "center"),
               Column(W.t("women_youth", lang), 0.8, "center"), Column(W.t("received_on", lang), 1.15, "center"),
               Column(W.t("proposal", lang), 1.0, "center"), Column(W.t("decision", lang), 1.6)]
    rows: list[RowSpec] = []
    line_drawn = False
    for position, item in enumerate(items, start=1):
        if position == places + 1 and not line_drawn:
            rows.append(_places_line(doc, places))
            line_drawn = True
        rows.append(RowSpec([
            str(item.rank), W.ltr(item.registration_number, lang), W.or_blank(item.name, lang),
            score_text(item.score), W.percent(item.women_youth_share, lang), doc.date(item.received_on),
            proposal_text(item, doc), decision_text(item, lang)], shaded=item.proposed))
    if not line_drawn:  # fewer ranked than places: the line closes the table
        rows.append(_places_line(doc, places))
    out: list[Flowable] = [Grid(columns, rows, doc.rtl, style=Style(size=8))]
    tie = _tie_at_line(items, places)
    if tie is not None:
        out.append(Text(doc.t("tie_at_line", rank=tie), doc.rtl, Style(size=8, bold=True)))
    return out


def _places_line(doc: Doc, places: int) -> RowSpec:
    text = doc.t("places_line", n=places) if places else doc.t("no_places_line")
    return RowSpec([text], bold=True, span=True, rule=True)


def _tie_at_line(items: Sequence[RankedApplication], places: int) -> int | None:
    """The rank shared across the places line, if one is."""
    if 0 < places < len(items) and items[places - 1].rank == items[places].rank:
        return items[places].rank
    return None


def others_table(doc: Doc, items: Sequence[RankedApplication]) -> Grid:
    lang = doc.lang
    columns = [Column(registration_label(lang), 1.3), Column(W.t("cooperative", lang), 2.2),
               Column(W.t("received_on", lang), 1.15, "center"), Column(W.t("reasons", lang), 3.0),
               Column(W.t("decision", lang), 1.4)]
    rows = [[W.ltr(i.registration_number, lang), W.or_blank(i.name, lang), doc.date(i.received_on),
             reasons_text(i, lang), decision_text(i, lang)] for i in items]
    return Grid(columns, rows, doc.rtl, style=Style(size=8))


def region_story(doc: Doc, call: Call, region: str, items: Sequence[RankedApplication]) -> list[Flowable]:
    lang, rtl = doc.lang, doc.rtl
    ranked = [i for i in items if i.rank is not None]
    others = [i for i in items if i.rank is None]
    places = call.places.get(region, 0)
    out: list[Flowable] = [
        Text(doc.t("ranking_of", region=doc.region(region)), rtl, TITLE, space_after=4),
        call_fields(call, doc),
        fields([(W.t("region", lang), doc.region(region)), (W.t("places", lang), str(places)),
                (W.t("received", lang), str(len(items))), (W.t("ranked_n", lang), str(len(ranked)))], rtl),
        Text(doc.t("tie_rule"), rtl, SMALL, space_after=4),
    ]
    if ranked:
        out += ranked_table(doc, ranked, places)
    elif not items:
        out.append(Text(doc.t("no_applications"), rtl))
    if others:
        out += [*heading(doc.t("not_ranked"), rtl), others_table(doc, others)]
    return out


def story(record: Mapping[str, Any], doc: Doc) -> list[Flowable]:
    """``record``: call (a Call), ranking (its RankedApplications, in ranking
    order), region (a code, or None for every region of the call, each
    starting on a page of its own)."""
    call: Call = record["call"]
    out: list[Flowable] = []
    for n, (region, items) in enumerate(by_region(call, record["ranking"], record.get("region")).items()):
        if n:
            out.append(PageBreak())
        out += region_story(doc, call, region, items)
    return out
