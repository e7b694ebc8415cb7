"""The programme progress report for the ministry and partners: per tranche,
then per tranche, phase and region — the programme's own table (tranche 1:
438, 2: 478, 3: 474, 4: 600 planned of which 80 financed) with what the
database holds beside what was planned — then the coordinator's dashboard
on paper: the pipeline, coaching, collective training, the plan, the
regions and the team, with their charts."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak

from ..domain import vocab
from ..domain.dashboard import STAGES, Dashboard
from . import charts
from . import words as W
from .common import Doc
from .layout import TITLE, Column, Grid, Heading, RowSpec, Style, Text, fields, heading

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
    dashboard: Dashboard | None = record.get("dashboard")
    return [
        Text(W.t("progress_title", lang), rtl, TITLE, space_after=2),
        Text(f"{W.t('scope', lang)}{' :' if lang == 'fr' else ':'} {scope_text(record['scope'], lang)}", rtl,
             space_after=4),
        *heading(W.t("by_tranche", lang), rtl), by_tranche(doc, rows, tranches),
        Text(W.t("note_programme", lang), rtl, SMALL, space_after=6),
        *heading(W.t("by_region", lang), rtl), by_region(doc, rows, tranches),
        *([PageBreak(), *dashboard_story(dashboard, lang)] if dashboard is not None else []),
    ]


# -- the coordinator's dashboard ---------------------------------------------

CHART_HEIGHT = 150.0


def dashboard_story(d: Dashboard, lang: str) -> list[Flowable]:
    """The dashboard's figures and charts, as the page shows them."""
    doc = Doc(lang, d.today)
    rtl = doc.rtl
    return [
        Text(doc.t("dashboard_title"), rtl, TITLE, space_after=2),
        Text(freshness(d, lang), rtl, space_after=4),
        *beside(doc.t("pipeline"), pipeline(d, doc), rtl),
        *beside(doc.t("coaching_section"), coaching(d, doc), rtl),
        *heading(doc.t("training_section"), rtl), *training(d, doc),
        *heading(doc.t("plan_section"), rtl), plan(d, doc),
        *beside(doc.t("regions_section"), regions(d, doc), rtl),
        *heading(doc.t("team_section"), rtl), team(d, doc),
    ]


def beside(title: str, block: Flowable, rtl: bool) -> list[Flowable]:
    """A heading and a table with its chart: they go to the next page
    together rather than leave the heading alone at the foot of this one."""
    return [CondPageBreak(70), KeepTogether([Heading(title, rtl), block])]


def freshness(d: Dashboard, lang: str) -> str:
    """How fresh the figures are, so that no one argues over figures that
    differ from the server's: the date, the last sync, what is not yet sent."""
    parts = [W.t("as_of", lang, date=W.date(d.today, lang))]
    synced = W.time_of(d.freshness.last_sync)
    parts.append(W.t("last_sync", lang, date=synced[0], time=synced[1]) if synced else W.t("never_synced", lang))
    if d.freshness.pending_here:
        parts.append(W.t("pending_here", lang, n=W.number(d.freshness.pending_here)))
    return " — ".join(parts)


def _share(part: int, whole: int, lang: str) -> str:
    return W.percent(part / whole if whole else None, lang)


def stage_names(doc: Doc) -> list[str]:
    return [doc.t(f"stage_{stage}") for stage in STAGES]


def pipeline(d: Dashboard, doc: Doc) -> Flowable:
    stages = d.pipeline.stages
    total = stages["in_programme"].value
    rows: list[RowSpec] = []
    for stage, name in zip(STAGES, stage_names(doc)):
        value = stages[stage].value
        shown = W.number(value)
        if stage == "financed" and d.pipeline.financed_target:
            shown = doc.t("of_target", ratio=W.ratio(W.number(value), W.number(d.pipeline.financed_target),
                                                    doc.lang))
        rows.append(RowSpec([name, shown, _share(value, total, doc.lang)], bold=stage == "in_programme"))
    table = Grid([Column(doc.t("stage"), 2.4), Column(doc.t("cooperatives"), 1.1, "center"),
                  Column(doc.t("share_of_programme"), 1.0, "center")], rows, doc.rtl)
    values = [stages[stage].value for stage in STAGES]
    chart = charts.Chart(doc.t("pipeline"), lambda width: charts.bars(
        stage_names(doc), [charts.Series(doc.t("cooperatives"), values)], width, doc.rtl, label_share=0.38),
        doc.rtl)
    return charts.Beside(table, chart, doc.rtl, share=0.45)


def coaching(d: Dashboard, doc: Doc) -> Flowable:
    c = d.coaching
    on_time = W.percent(c.on_time_rate, doc.lang)
    if c.on_time_rate is not None:
        on_time = W.numbers_rtl(f"{on_time} ({W.ratio(W.number(c.on_time), W.number(c.held), doc.lang)})", doc.lang)
    figures = fields([
        (doc.t("held_due"), W.ratio(W.number(c.held), W.number(c.due), doc.lang)),
        (doc.t("on_time_rate"), on_time),
        (doc.t("overdue_now"), W.number(c.overdue.value)),
        (doc.t("oldest_overdue"), doc.date(c.oldest_overdue)),
    ], doc.rtl, per_row=1)
    months = [W.month(m.month, doc.lang).replace(" ", "\n") for m in c.per_month]
    sessions = [m.sessions for m in c.per_month]
    chart = charts.Chart(doc.t("per_month"), lambda width: charts.columns(
        months, [charts.Series(doc.t("sessions_done"), sessions)], width, CHART_HEIGHT, doc.rtl), doc.rtl)
    return charts.Beside(figures, chart, doc.rtl, share=0.34)


def training(d: Dashboard, doc: Doc) -> list[Flowable]:
    t, lang = d.training, doc.lang

    def people(n: int, of: int) -> str:
        return W.numbers_rtl(f"{W.number(n)} ({_share(n, of, lang)})", lang) if of else W.number(n)

    rows = [RowSpec([vocab.label(vocab.TRAINING_AXES, a.axis, lang), W.number(a.sessions),
                     W.number(a.participants), people(a.women, a.participants), people(a.youth, a.participants)])
            for a in t.axes]
    women, youth = sum(a.women for a in t.axes), sum(a.youth for a in t.axes)
    rows.append(RowSpec([doc.t("grand_total"), W.number(sum(a.sessions for a in t.axes)), W.number(t.participants),
                         W.numbers_rtl(f"{W.number(women)} ({W.percent(t.women_share, lang)})", lang),
                         W.numbers_rtl(f"{W.number(youth)} ({W.percent(t.youth_share, lang)})", lang)],
                        bold=True, shaded=True))
    table = Grid([Column(doc.t("axis"), 3.0), Column(doc.t("training_sessions"), 1.0, "center"),
                  Column(doc.t("participants"), 1.0, "center"), Column(doc.t("women"), 1.0, "center"),
                  Column(doc.t("youth"), 1.0, "center")], rows, doc.rtl)
    colon = " :" if lang == "fr" else ":"
    shares = (f"{doc.t('women_share')}{colon} {W.percent(t.women_share, lang)} — "
              f"{doc.t('youth_share')}{colon} {W.percent(t.youth_share, lang)}")
    return [table, Text(shares, doc.rtl, Style(size=8), space_after=6)]


def plan(d: Dashboard, doc: Doc) -> Grid:
    n = W.number
    rows = [RowSpec([f"{doc.t('tranche')} {p.tranche}", str(p.phase) if p.phase else W.EMPTY,
                     n(p.planned), n(p.held.value), n(p.diagnosed_planned), n(p.diagnosed.value),
                     n(p.financed_planned), n(p.financed.value)]) for p in d.plan]
    columns = [Column(doc.t("tranche"), 1.0, bold=True), Column(doc.t("phase"), 0.7, "center"),
               *[Column(doc.t(key), 1.0, "center") for key in ("planned_coops", "held_coops", "planned_diagnosed",
                                                              "diagnosed_n", "planned_financed", "financed")]]
    return Grid(columns, rows, doc.rtl, style=SMALL)


def regions(d: Dashboard, doc: Doc) -> Flowable:
    n = W.number
    rows = [RowSpec([doc.region(r.region), n(r.cooperatives.value), n(r.coached.value), n(r.completed.value),
                     n(r.overdue.value)]) for r in d.regions]
    if len(d.regions) > 1:  # the regions add up to the scope's total
        rows.append(RowSpec([doc.t("grand_total"), *[n(sum(getattr(r, k).value for r in d.regions))
                                                      for k in ("cooperatives", "coached", "completed", "overdue")]],
                            bold=True, shaded=True))
    table = Grid([Column(doc.t("region"), 1.7), Column(doc.t("cooperatives"), 1.15, "center"),
                  Column(doc.t("coached"), 1.25, "center"), Column(doc.t("completed"), 1.4, "center"),
                  Column(doc.t("overdue"), 0.95, "center")], rows, doc.rtl, style=SMALL)
    names = [doc.region(r.region) for r in d.regions]
    series = [charts.Series(doc.t(key), [getattr(r, key).value for r in d.regions])
              for key in ("cooperatives", "coached", "completed")]
    chart = charts.Chart(doc.t("regions_chart"), lambda width: charts.bars(names, series, width, doc.rtl), doc.rtl)
    return charts.Beside(table, chart, doc.rtl, share=0.45)


def team(d: Dashboard, doc: Doc) -> Flowable:
    if not d.team:
        return Text(doc.t("no_team"), doc.rtl, space_after=6)
    n = W.number

    def synced(value: str | None) -> str:
        moment = W.time_of(value)
        return W.numbers_rtl(f"{moment[0]} {moment[1]}", doc.lang) if moment else W.EMPTY

    rows = [RowSpec([c.coach, n(c.cooperatives.value), n(c.sessions_this_month), n(c.overdue.value),
                     synced(c.last_sync), n(c.pending_at_last_sync), W.ltr(c.app_version, doc.lang)])
            for c in d.team]
    columns = [Column(doc.t("coach_name"), 2.0), Column(doc.t("cooperatives"), 1.0, "center"),
               Column(doc.t("sessions_this_month"), 1.0, "center"), Column(doc.t("overdue"), 0.9, "center"),
               Column(doc.t("coach_last_sync"), 1.3, "center"), Column(doc.t("pending_at_sync"), 1.2, "center"),
               Column(doc.t("app_version"), 0.9, "center")]
    return Grid(columns, rows, doc.rtl, style=SMALL)
