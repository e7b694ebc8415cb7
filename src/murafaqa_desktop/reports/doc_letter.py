"""The letter that tells a cooperative what the selection committee decided:
retained, on the waiting list with its position, or not retained with the
reason. Printed one per cooperative, all of a call in one batch."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..domain import entities as E
from ..domain.calls import Call, RankedApplication
from . import words as W
from .common import Doc, coop_name
from .doc_ranking import call_name, call_scope, outcome, reasons_text, score_text
from .layout import HEADING, LABEL, Column, Grid, RowSpec, Style, Text, fields

BODY_SPACE = 8
LETTER = Style(size=10)  # a letter is read, not scanned: a size larger than the tables'


def title(_record: Mapping[str, Any], lang: str) -> str:
    return W.t("letter_title", lang)


def subtitle(record: Mapping[str, Any], _lang: str) -> str:
    item: RankedApplication | None = record.get("application")
    return item.registration_number if item else ""


def body(doc: Doc, call: Call, item: RankedApplication) -> list[Flowable]:
    lang, rtl = doc.lang, doc.rtl
    region = doc.region(item.region)
    decision = outcome(item)
    if decision == "retained":
        return [Text(doc.t("letter_retained", tranche=call.tranche, phase=call.phase, region=region,
                           rank=item.rank if item.rank is not None else W.EMPTY, score=score_text(item.score)),
                     rtl, LETTER, space_after=BODY_SPACE)]
    if decision == "waiting":
        return [Text(doc.t("letter_waiting", region=region, position=item.waiting_position or W.EMPTY,
                           score=score_text(item.score)), rtl, LETTER, space_after=BODY_SPACE)]
    reason = item.decision_reason or reasons_text(item, lang)
    return [Text(doc.t("letter_rejected"), rtl, LETTER, space_after=4),
            Grid([Column("", 1.0, shaded=True, bold=True), Column("", 3.2)],
                 [RowSpec([doc.t("letter_reason_label"), reason])], rtl, header=False),
            Spacer(1, BODY_SPACE - 4)]


def story(record: Mapping[str, Any], doc: Doc) -> list[Flowable]:
    """``record``: call (a Call), application (its RankedApplication),
    cooperative (the cooperative's row: names, president, places)."""
    lang, rtl = doc.lang, doc.rtl
    call: Call = record["call"]
    item: RankedApplication = record["application"]
    c: Mapping[str, Any] = record["cooperative"]
    cf = E.COOPERATIVE.field
    province = doc.province(c.get("province")) if c.get("province") else None
    places = (c.get("commune"), province, doc.region(c.get("region")))
    address = ("، " if doc.rtl else ", ").join(x for x in places if x)
    out: list[Flowable] = [
        Text(doc.t("letter_date", date=doc.date(doc.printed_on, long=True)), rtl, align="end", space_after=10),
        Text(doc.t("letter_to"), rtl, LABEL, space_after=1),
        Text(coop_name(c, lang), rtl, LABEL, space_after=1),
        fields([(cf("registration_number").label(lang), W.ltr(c.get("registration_number"), lang, True)),
                (cf("president").label(lang), W.or_blank(c.get("president"), lang, True)),
                (W.t("address", lang), W.or_blank(address, lang, True)),
                (W.t("received_on", lang), doc.date(item.received_on))], rtl),
        Spacer(1, 6),
        Text(doc.t("letter_subject", call=W.t("call", lang), title=call_name(call, lang),
                   scope=call_scope(call, lang)), rtl, HEADING, space_after=8),
        Text(doc.t("letter_greeting"), rtl, LETTER, space_after=6),
        *body(doc, call, item),
        Text(doc.t("letter_closing"), rtl, LETTER, space_after=18),
        KeepTogether([Text(doc.t("letter_signature"), rtl, LABEL, align="end", space_after=40)]),
    ]
    return out
