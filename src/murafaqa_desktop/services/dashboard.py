"""The coordinator's dashboard: every figure of one scope, as of one day.

What the figures count (``domain.dashboard`` holds the shapes):

- **Pipeline**: the cooperatives of the scope at each stage of
  ``STAGES``; ``store.stages`` defines each stage (in the programme,
  diagnosed, plan set, trained, coached, completed, withdrawn, financed).
- **Coaching**:
  - *held*: coaching sessions recorded for the scope's cooperatives;
  - *due*: sessions due by ``today`` on each coached cooperative's schedule
    (session n falls ``domain.coaching.planned_date(first, n)``, the first
    being the date of its session 1; at most 12). A cooperative whose
    coaching ended (withdrawn, or marked completed) owes nothing more than
    the sessions it held. A cooperative whose coaching has not started owes
    none: its first session is set by the coordinator's calendar;
  - *on time*: sessions held by their due date (``domain.coaching.on_time``:
    session 1 always; session n by the date the session before announced,
    else by the schedule, never past the two-year window — the due date
    ``domain.coaching.progress`` gives), kept with each cooperative's progress;
  - *overdue*: cooperatives whose next session (the coaching-progress cache,
    ``domain.coaching.progress``) was due before ``today`` — the list's own
    ``--overdue`` filter; *oldest*: the earliest of those due dates;
  - *per month*: sessions held in each of the last 12 calendar months, this
    month included, up to ``today``.
- **Collective training**: per axis, the training sessions held by ``today``
  that at least one member of a cooperative of the scope attended, their
  attendance lines (participants), women and young people (``YOUTH_AGE_BANDS``)
  among them.
- **Plan**: the programme text's figures (the reference data's tranches) beside
  the database. The text speaks of the whole programme: its figures are given
  only when the scope is not narrowed to a region, a province or a coach.
- **Regions** and **team**: the cooperatives, coached, completed and overdue
  per region; per coach, their cooperatives, the sessions held at them this
  month and the overdue ones; beside each coach, what their laptop last told
  the server (last sync, changes then waiting, version), as the server passed
  it on at this laptop's last sync (``store.team``), matched by the coach's
  name.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from sqlite_utils import Database

from .. import assets
from ..domain.coaching import MAX_SESSIONS, planned_date
from ..domain.dashboard import (
    STAGES,
    AxisTraining,
    Coaching,
    CoachRow,
    Count,
    Dashboard,
    Freshness,
    MonthCount,
    Pipeline,
    PlanRow,
    RegionRow,
    Scope,
    Training,
)
from ..domain.dates import add_months
from ..domain.reference import Reference
from ..domain.vocab import TRAINING_AXES
from ..store import dashboard_figures as q
from ..store import outbox, sync_state, team
from ..store.cooperatives import CooperativeFilter
from ..store.rows import Row

MONTHS_SHOWN = 12


def scope_filter(scope: Scope) -> dict[str, Any]:
    """The list filter of a scope: its fields that are set."""
    return {k: v for k, v in asdict(scope).items() if v is not None}


def figures(db: Database, scope: Scope, today: dt.date | None = None) -> Dashboard:
    """Every figure of the dashboard for ``scope`` as of ``today`` (the
    calendar day when None)."""
    today = today or dt.date.today()
    ref = assets.reference()
    base = scope_filter(scope)
    cooperative_filter = CooperativeFilter(**base)
    groups = q.cooperative_groups(db, cooperative_filter, today)
    return Dashboard(
        scope=scope, today=today,
        pipeline=_pipeline(groups, base, scope),
        coaching=_coaching(db, cooperative_filter, groups, base, today),
        training=_training(db, cooperative_filter, ref, today),
        plan=_plan(groups, base, scope, ref),
        regions=_regions(groups, base, today),
        team=_team(db, cooperative_filter, groups, base, today),
        freshness=Freshness(last_sync=sync_state.get(db, "last_sync"), pending_here=outbox.pending_count(db)),
    )


def _sum(groups: Iterable[Row], column: str) -> int:
    return sum(int(g[column] or 0) for g in groups)


def _overdue(groups: list[Row], base: dict[str, Any], today: dt.date) -> Count:
    return Count(_sum(groups, "overdue"), {**base, "overdue": True, "as_of": today})


def _pipeline(groups: list[Row], base: dict[str, Any], scope: Scope) -> Pipeline:
    stages = {s: Count(_sum(groups, s), {**base, "stage": s}) for s in STAGES}
    ref = assets.reference()
    target = None
    if scope.tranche is not None and scope.phase is None and _national(scope):
        tranche = ref.tranches.get(scope.tranche)
        target = tranche.financed_planned if tranche else None
    elif scope.tranche is None and _national(scope):
        target = sum(t.financed_planned or 0 for t in ref.tranches.values()) or None
    return Pipeline(stages=stages, financed_target=target)


def _national(scope: Scope) -> bool:
    """Whether the programme text's figures apply to the scope (they are national)."""
    return scope.region is None and scope.province is None and scope.coach is None


def sessions_due(starts: Iterable[Row], today: dt.date) -> int:
    """Sessions due by ``today`` (see the module's docstring)."""
    due = 0
    for row in starts:
        if row["ended"]:
            due += int(row["done"] or 0)
            continue
        first = dt.date.fromisoformat(row["first_on"])
        on_schedule = sum(1 for n in range(1, MAX_SESSIONS + 1) if planned_date(first, n) <= today)
        due += on_schedule * int(row["cooperatives"])
    return due


def _months(today: dt.date) -> list[str]:
    first = add_months(today.replace(day=1), -(MONTHS_SHOWN - 1))
    return [add_months(first, i).strftime("%Y-%m") for i in range(MONTHS_SHOWN)]


def _coaching(db: Database, f: CooperativeFilter, groups: list[Row], base: dict[str, Any],
              today: dt.date) -> Coaching:
    held, on_time = _sum(groups, "sessions_held"), _sum(groups, "sessions_on_time")
    months = _months(today)
    per_month = q.sessions_by_month(db, f, dt.date.fromisoformat(months[0] + "-01"), today)
    oldest = min((g["oldest_due"] for g in groups if g["oldest_due"]), default=None)
    return Coaching(
        held=held, due=sessions_due(q.coaching_starts(db, f), today), on_time=on_time,
        on_time_rate=on_time / held if held else None,
        overdue=_overdue(groups, base, today),
        oldest_overdue=dt.date.fromisoformat(oldest) if oldest else None,
        per_month=[MonthCount(m, per_month.get(m, 0)) for m in months])


def _training(db: Database, f: CooperativeFilter, ref: Reference, today: dt.date) -> Training:
    totals: dict[str, dict[str, int]] = {a: defaultdict(int) for a in TRAINING_AXES}
    for row in q.training_by_module(db, f, today):
        module = ref.modules.get(row["module"])
        if module is None or module.axis not in totals:
            continue  # a module the reference data no longer holds has no axis to be counted under
        for key in ("sessions", "participants", "women", "youth"):
            totals[module.axis][key] += int(row[key] or 0)
    axes = [AxisTraining(a, t["sessions"], t["participants"], t["women"], t["youth"]) for a, t in totals.items()]
    participants = q.training_participants(db, f, today)
    women = sum(a.women for a in axes)
    youth = sum(a.youth for a in axes)
    return Training(axes=axes, participants=participants,
                    women_share=women / participants if participants else None,
                    youth_share=youth / participants if participants else None)


def _plan(groups: list[Row], base: dict[str, Any], scope: Scope, ref: Reference) -> list[PlanRow]:
    national = _national(scope)
    rows: list[PlanRow] = []
    for number, tranche in sorted(ref.tranches.items()):
        if scope.tranche is not None and scope.tranche != number:
            continue
        lines: list[int | None] = [None] if scope.phase is None else []
        lines += [phase for phase, _regions in tranche.phases if scope.phase in (None, phase)]
        for phase in lines:
            mine = [g for g in groups if g["tranche"] == number and (phase is None or g["phase"] == phase)]
            where = {**base, "tranche": number} | ({"phase": phase} if phase is not None else {})
            whole = phase is None
            rows.append(PlanRow(
                tranche=number, phase=phase,
                planned=tranche.planned if national and whole else None,
                held=Count(_sum(mine, "cooperatives"), where),
                diagnosed_planned=tranche.diagnosed_planned_in(phase) if national and phase is not None else None,
                diagnosed=Count(_sum(mine, "diagnosed"), {**where, "stage": "diagnosed"}),
                financed_planned=tranche.financed_planned if national and whole else None,
                financed=Count(_sum(mine, "financed"), {**where, "stage": "financed"})))
    return rows


def _regions(groups: list[Row], base: dict[str, Any], today: dt.date) -> list[RegionRow]:
    by_region: dict[str, list[Row]] = defaultdict(list)
    for g in groups:
        by_region[g["region"]].append(g)
    rows = []
    for region in sorted(by_region):
        mine, where = by_region[region], {**base, "region": region}
        rows.append(RegionRow(
            region=region, cooperatives=Count(_sum(mine, "cooperatives"), where),
            coached=Count(_sum(mine, "coached"), {**where, "stage": "coached"}),
            completed=Count(_sum(mine, "completed"), {**where, "stage": "completed"}),
            overdue=_overdue(mine, where, today)))
    return rows


def _team(db: Database, f: CooperativeFilter, groups: list[Row], base: dict[str, Any],
          today: dt.date) -> list[CoachRow]:
    by_coach: dict[str, list[Row]] = defaultdict(list)
    for g in groups:
        if g["coach"]:
            by_coach[g["coach"]].append(g)
    this_month = q.sessions_by_coach(db, f, today.replace(day=1), today)
    # What each coach's laptop last told the server, as the server passed it
    # on at this laptop's last sync (a coordinator's or an administrator's).
    told = {m.coach: m for m in team.members(db)}
    rows = []
    for coach in sorted(by_coach):
        mine, where = by_coach[coach], {**base, "coach": coach}
        laptop = told.get(coach)
        rows.append(CoachRow(
            coach=coach, cooperatives=Count(_sum(mine, "cooperatives"), where),
            sessions_this_month=this_month.get(coach, 0), overdue=_overdue(mine, where, today),
            last_sync=laptop.last_sync if laptop else None,
            pending_at_last_sync=laptop.pending_at_last_sync if laptop else None,
            app_version=laptop.app_version if laptop else None))
    return rows
