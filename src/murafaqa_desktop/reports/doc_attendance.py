"""The collective-training attendance sheet: blank, with numbered lines to sign
at the door, or filled from the attendance recorded in the app."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..domain import entities as E
from ..domain import vocab as V
from ..domain.vocab import label
from . import words as W
from .common import Doc, labels
from .layout import TITLE, Column, Grid, RowSpec, Style, Text, fields, heading, signatures

BLANK_LINES = 25


def title(_record: Mapping[str, Any], lang: str) -> str:
    return W.t("attendance_title", lang)


def subtitle(record: Mapping[str, Any], lang: str) -> str:
    return W.date(record["training"].get("held_on"), lang)


def story(record: Mapping[str, Any], doc: Doc) -> list[Flowable]:
    """``record``: training (the session row), attendance (rows, each with a
    ``cooperative`` name), blank (bool)."""
    lang, rtl = doc.lang, doc.rtl
    tr = record["training"]
    tf = labels(E.TRAINING_SESSION, lang)
    af = labels(E.TRAINING_ATTENDANCE, lang)
    module = doc.ref.modules.get(tr.get("module_code") or "")
    module_text = (f"{tr.get('module_code')} — {module.title(lang)}" if module
                   else W.or_blank(tr.get("module_code"), lang, True))
    axis = label(V.TRAINING_AXES, module.axis, lang) if module else W.EMPTY
    hours = f"{module.hours} {W.t('hours_unit', lang)}" if module else W.EMPTY
    out: list[Flowable] = [
        Text(W.t("attendance_title", lang), rtl, TITLE, space_after=6),
        fields([(tf("module_code"), module_text), (tf("held_on"), doc.date(tr.get("held_on"), long=True)),
                (E.PLAN_ACTION.field("axis").label(lang), axis), (W.t("hours", lang), hours),
                (tf("region"), doc.region(tr.get("region"))), (tf("place"), W.or_blank(tr.get("place"), lang, True)),
                (tf("trainer"), W.or_blank(tr.get("trainer"), lang, True)), ("", "")], rtl),
        *heading(W.t("participants", lang), rtl),
    ]
    columns = [Column(W.t("number", lang), 0.4, "center"), Column(af("participant"), 1.9),
               Column(W.t("cooperative", lang), 2.0), Column(af("role"), 1.0), Column(af("gender"), 0.7, "center"),
               Column(af("age_band"), 0.8, "center"), Column(W.t("signature", lang), 1.3)]
    rows: list[RowSpec] = []
    people = [] if record.get("blank") else record.get("attendance") or []
    for n, p in enumerate(people, start=1):
        rows.append(RowSpec([str(n), W.or_blank(p.get("participant"), lang), W.or_blank(p.get("cooperative"), lang),
                             label(V.PARTICIPANT_ROLES, p.get("role"), lang) or W.EMPTY,
                             label(V.GENDER, p.get("gender"), lang) or W.EMPTY,
                             label(V.AGE_BANDS, p.get("age_band"), lang) or W.EMPTY, ""], min_height=22))
    if record.get("blank"):
        rows = [RowSpec([str(n), "", "", "", "", "", ""], min_height=24)
                for n in range(1, (record.get("lines") or BLANK_LINES) + 1)]
    out.append(Grid(columns, rows, rtl, style=Style(size=8)))
    if people:
        women = sum(1 for p in people if p.get("gender") == "F")
        youth = sum(1 for p in people if p.get("age_band") in V.YOUTH_AGE_BANDS)
        out.append(fields([(W.t("participants", lang), str(len(people))), (W.t("women", lang), str(women)),
                           (W.t("youth", lang), str(youth)),
                           (W.t("cooperatives", lang), str(len({p.get('cooperative_id') for p in people
                                                                   if p.get('cooperative_id')})))], rtl))
    out += [Spacer(1, 6), KeepTogether([*heading(W.t("signatures", lang), rtl),
                                        signatures([W.t("trainer_sign", lang), W.t("coordinator", lang)], lang, rtl)])]
    return out
