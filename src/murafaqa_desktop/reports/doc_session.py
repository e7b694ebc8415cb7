"""The coaching session report: one of the 12 sessions, what was reviewed and
decided, signed by the coach and the cooperative's representative."""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..domain import entities as E
from ..domain import vocab as V
from ..domain.coaching import MAX_SESSIONS
from ..domain.vocab import label
from . import words as W
from .common import Doc, coop_name, labels
from .layout import TITLE, Column, Grid, Text, fields, heading, signatures


def title(_record: Mapping[str, Any], lang: str) -> str:
    return W.t("session_title", lang)


def subtitle(record: Mapping[str, Any], lang: str) -> str:
    return f"{record['cooperative'].get('registration_number') or ''} — " + \
        W.t("session_of", lang, n=record["session"]["number"])


def topics(raw: Any, lang: str) -> list[str]:
    """Topics are stored as JSON ([{"axis", "text"}] or plain strings)."""
    if raw in (None, ""):
        return []
    try:
        items = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return [str(raw)]
    if not isinstance(items, list):
        items = [items]
    out = []
    for item in items:
        if isinstance(item, dict):
            axis = label(V.ACTION_AXES, item.get("axis"), lang) if item.get("axis") else ""
            text = item.get("text") or ""
            out.append(f"{axis} : {text}" if axis and lang == "fr" else f"{axis}: {text}" if axis else text)
        else:
            out.append(str(item))
    return [x for x in out if x.strip()]


def story(record: Mapping[str, Any], doc: Doc) -> list[Flowable]:
    lang, rtl = doc.lang, doc.rtl
    c, s = record["cooperative"], record["session"]
    sf = labels(E.COACHING_SESSION, lang)
    cf = labels(E.COOPERATIVE, lang)

    def blank(value: Any) -> str:
        return W.or_blank(value, lang, True)

    done = record["coaching"]["progress"]["done"]
    duration = s.get("duration_minutes")
    out: list[Flowable] = [
        Text(W.t("session_title", lang), rtl, TITLE, space_after=2),
        Text(f"{W.t('session_of', lang, n=s['number'])} — {doc.date(s.get('held_on'), long=True)}", rtl,
             space_after=2),
        Text(coop_name(c, lang), rtl, space_after=6),
        fields([
            (cf("registration_number"), W.ltr(c.get("registration_number"), lang, True)),
            (cf("region"), doc.region(c.get("region"))),
            (sf("held_on"), doc.date(s.get("held_on"))),
            (sf("duration_minutes"), blank(None if duration is None else str(duration))),
            (sf("place"), blank(s.get("place"))),
            (sf("author"), blank(s.get("author"))),
            (W.t("sessions_done", lang), f"{done} / {MAX_SESSIONS}"),
            (sf("next_date"), doc.date(s.get("next_date"))),
        ], rtl),
        *heading(sf("attendees"), rtl), Text(blank(s.get("attendees")), rtl),
        *heading(W.t("topics", lang), rtl),
    ]
    items = topics(s.get("topics"), lang)
    out += [Text(f"• {x}", rtl, space_after=1) for x in items] or [Text(W.pick(W.NOT_GIVEN, lang), rtl)]
    out += heading(W.t("reviewed", lang), rtl)
    actions = {a["id"]: a for a in record.get("plan") or []}
    reviews = s.get("reviews") or []
    if not reviews:
        out.append(Text(W.t("no_reviews", lang), rtl))
    else:
        af = labels(E.PLAN_ACTION, lang)
        rows = []
        for r in reviews:
            a = actions.get(r.get("action_id"), {})
            rows.append([label(V.ACTION_AXES, a.get("axis"), lang) or W.EMPTY,
                         W.or_blank(a.get("objective"), lang),
                         W.EMPTY if r.get("progress") is None else f"{r['progress']} %",
                         W.or_blank(r.get("comment"), lang)])
        out.append(Grid([Column(af("axis"), 1.1), Column(af("objective"), 2.8),
                         Column(af("progress"), 0.9, "center"),
                         Column(E.SESSION_REVIEW.field("comment").label(lang), 2.0)], rows, rtl))
    out += [*heading(sf("recommendations"), rtl), Text(blank(s.get("recommendations")), rtl),
            *heading(sf("next_steps"), rtl), Text(blank(s.get("next_steps")), rtl),
            Spacer(1, 6),
            KeepTogether([*heading(W.t("signatures", lang), rtl),
                          signatures([W.t("coach", lang), W.t("representative", lang)], lang, rtl)])]
    return out
