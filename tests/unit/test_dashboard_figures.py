"""The dashboard's figures: each number is the size of the list it opens."""
from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlite_utils import Database

from murafaqa_desktop.domain.dashboard import STAGES, Count, Scope
from murafaqa_desktop.services import dashboard
from murafaqa_desktop.store import cooperatives as coop_store
from murafaqa_desktop.store import stages
from programme_factory import AMINA, TODAY, YOUSSEF, build_programme

DEMO_TODAY = dt.date(2026, 11, 15)


def listed(db: Database, count: Count) -> int:
    """Rows of the cooperatives list under the filter a figure carries."""
    f = coop_store.CooperativeFilter(**count.filter)
    rows = coop_store.page(db, f, limit=-1, columns="c.id")
    assert coop_store.count(db, f) == len(rows)
    return len(rows)


def test_every_stage_has_its_condition_in_order() -> None:
    assert tuple(stages.STAGE_SQL) == STAGES


def test_an_unknown_stage_is_refused(db: Database) -> None:
    with pytest.raises(ValueError, match="unknown stage"):
        coop_store.count(db, coop_store.CooperativeFilter(stage="hatched"))


@pytest.mark.parametrize("scope", [Scope(), Scope(region="07"), Scope(tranche=4, phase=1)])
def test_each_stage_count_opens_exactly_its_list(demo_db: Database, scope: Scope) -> None:
    page = dashboard.figures(demo_db, scope, DEMO_TODAY)
    assert set(page.pipeline.stages) == set(STAGES)
    for stage, count in page.pipeline.stages.items():
        assert count.filter["stage"] == stage
        assert listed(demo_db, count) == count.value, stage
    assert sum(c.value for c in page.pipeline.stages.values()) > 0
    assert listed(demo_db, page.coaching.overdue) == page.coaching.overdue.value


def _all_counts(value: Any) -> list[Count]:
    if isinstance(value, Count):
        return [value]
    if isinstance(value, list | tuple):
        return [c for v in value for c in _all_counts(v)]
    if isinstance(value, dict):
        return [c for v in value.values() for c in _all_counts(v)]
    if hasattr(value, "__dataclass_fields__"):
        return [c for name in value.__dataclass_fields__ for c in _all_counts(getattr(value, name))]
    return []


def test_every_count_on_the_page_opens_exactly_its_list(demo_db: Database) -> None:
    page = dashboard.figures(demo_db, Scope(), DEMO_TODAY)
    counts = _all_counts(page)
    assert len(counts) > 40
    for count in counts:
        assert listed(demo_db, count) == count.value, count.filter


def values(counts: dict[str, Count]) -> dict[str, int]:
    return {k: c.value for k, c in counts.items()}


def test_the_pipeline_of_a_hand_built_programme(db: Database) -> None:
    build_programme(db)
    page = dashboard.figures(db, Scope(), TODAY)
    assert values(page.pipeline.stages) == {
        "in_programme": 6, "diagnosed": 3, "plan_set": 2, "trained": 2, "coached": 4, "completed": 1,
        "withdrawn": 1, "financed": 1}
    assert page.pipeline.financed_target == 80
    for count in _all_counts(page):
        assert listed(db, count) == count.value, count.filter


def test_the_coaching_figures_of_a_hand_built_programme(db: Database) -> None:
    build_programme(db)
    coaching = dashboard.figures(db, Scope(), TODAY).coaching
    assert coaching.held == 3 + 1 + 12 + 2
    # A: 10 Jan, 10 Mar, 10 May on the schedule; B: 28 Feb, 28 Apr; D and E ended: what they held
    assert coaching.due == 3 + 2 + 12 + 2
    # A's 3rd and D's 5th were late
    assert coaching.on_time == 18 - 2
    assert coaching.on_time_rate == pytest.approx(16 / 18)
    # B is overdue since 1 April; E withdrew, so its next session is due from no one
    assert coaching.overdue.value == 1
    assert coaching.oldest_overdue == dt.date(2026, 4, 1)
    months = {m.month: m.sessions for m in coaching.per_month}
    assert list(months) == [f"2025-{m:02}" for m in range(7, 13)] + [f"2026-{m:02}" for m in range(1, 7)]
    assert {m: n for m, n in months.items() if n} == {
        "2025-10": 1, "2025-12": 1, "2026-01": 1, "2026-02": 1, "2026-03": 1, "2026-06": 1}


def test_the_training_figures_of_a_hand_built_programme(db: Database) -> None:
    build_programme(db)
    training = dashboard.figures(db, Scope(), TODAY).training
    by_axis = {a.axis: (a.sessions, a.participants, a.women, a.youth) for a in training.axes}
    assert by_axis == {"governance": (1, 2, 1, 1), "communication": (0, 0, 0, 0), "marketing": (1, 1, 1, 1)}
    assert training.participants == 3 == sum(a.participants for a in training.axes)
    assert training.women_share == pytest.approx(2 / 3)
    assert training.youth_share == pytest.approx(2 / 3)


def test_the_plan_rows_of_a_hand_built_programme(db: Database) -> None:
    build_programme(db)
    plan = dashboard.figures(db, Scope(), TODAY).plan
    rows = {(r.tranche, r.phase): (r.planned, r.held.value, r.diagnosed_planned, r.diagnosed.value,
                                   r.financed_planned, r.financed.value) for r in plan}
    assert rows == {
        (1, None): (438, 0, None, 0, None, 0),
        (2, None): (478, 0, None, 0, None, 0),
        (3, None): (474, 1, None, 1, None, 0),
        (4, None): (600, 5, None, 2, 80, 1),
        (4, 1): (None, 3, 243, 2, None, 1),
        (4, 2): (None, 2, None, 0, None, 0),
    }


def test_the_regions_and_the_team_of_a_hand_built_programme(db: Database) -> None:
    build_programme(db)
    page = dashboard.figures(db, Scope(), TODAY)
    regions = {r.region: (r.cooperatives.value, r.coached.value, r.completed.value, r.overdue.value)
               for r in page.regions}
    assert regions == {"04": (3, 2, 1, 0), "07": (3, 2, 0, 1)}
    assert sum(r.cooperatives.value for r in page.regions) == coop_store.count_all(db) == 6
    assert sum(r.overdue.value for r in page.regions) == page.coaching.overdue.value
    team = {c.coach: (c.cooperatives.value, c.sessions_this_month, c.overdue.value) for c in page.team}
    assert team == {AMINA: (2, 1, 1), YOUSSEF: (3, 0, 0)}
    assert all(c.last_sync is None and c.pending_at_last_sync is None and c.app_version is None for c in page.team)


def test_each_coach_shows_what_their_laptop_last_told_the_server(db: Database) -> None:
    """The team as the server passed it on at this laptop's last sync: the
    coach of the same name gets its laptop's last sync, the changes then
    waiting and its version; a coach the server did not speak of shows none."""
    from murafaqa_desktop.store import team
    from murafaqa_protocol.messages import TeamMember

    build_programme(db)
    with db.atomic():
        team.replace(db, [TeamMember(coach=AMINA, region="07", cooperatives=[], last_sync="2026-11-29T17:40:00+00:00",
                                     app_version="0.1.0", pending_at_last_sync=3),
                          TeamMember(coach="Someone else", region="04")], "2026-11-30T08:00:00+00:00")
    page = dashboard.figures(db, Scope(), TODAY)
    told = {c.coach: (c.last_sync, c.pending_at_last_sync, c.app_version) for c in page.team}
    assert told == {AMINA: ("2026-11-29T17:40:00+00:00", 3, "0.1.0"), YOUSSEF: (None, None, None)}


def test_a_region_scope_counts_that_region_only(db: Database) -> None:
    build_programme(db)
    page = dashboard.figures(db, Scope(region="04"), TODAY)
    assert values(page.pipeline.stages) == {
        "in_programme": 3, "diagnosed": 1, "plan_set": 0, "trained": 1, "coached": 2, "completed": 1,
        "withdrawn": 1, "financed": 0}
    assert (page.coaching.held, page.coaching.due, page.coaching.on_time) == (14, 14, 13)
    assert [r.region for r in page.regions] == ["04"]
    # the programme's text counts the whole country: no planned figure beside one region
    assert all(r.planned is None and r.financed_planned is None for r in page.plan)
    assert page.pipeline.financed_target is None
    for count in _all_counts(page):
        assert count.filter["region"] == "04"
        assert listed(db, count) == count.value, count.filter


def _numbers(value: Any) -> Any:
    """The page's numbers without the filters (which name the coach)."""
    if isinstance(value, Count):
        return value.value
    if isinstance(value, list):
        return [_numbers(v) for v in value]
    if isinstance(value, dict):
        return {k: _numbers(v) for k, v in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return {name: _numbers(getattr(value, name)) for name in value.__dataclass_fields__}
    return value


def test_a_coach_sees_the_page_of_their_own_cooperatives(db: Database, tmp_path) -> None:
    from murafaqa_desktop.store.db import open_db

    build_programme(db)
    mine = dashboard.figures(db, Scope(coach=AMINA), TODAY)
    alone = open_db(tmp_path / "amina.db")
    try:
        build_programme(alone, only={"A", "B"})
        theirs = dashboard.figures(alone, Scope(), TODAY)
    finally:
        alone.close()
    for part in ("pipeline", "coaching", "training", "regions", "team"):
        expected = _numbers(getattr(theirs, part))
        if part == "pipeline":
            expected["financed_target"] = None  # the programme's target is national, not one coach's
        assert _numbers(getattr(mine, part)) == expected, part
    assert [r.held.value for r in mine.plan] == [r.held.value for r in theirs.plan]


def test_the_figures_add_up_on_the_demo_programme(demo_db: Database) -> None:
    page = dashboard.figures(demo_db, Scope(), DEMO_TODAY)
    assert sum(r.cooperatives.value for r in page.regions) == coop_store.count_all(demo_db)
    for name in ("coached", "completed", "overdue"):
        assert sum(getattr(r, name).value for r in page.regions) == (
            page.coaching.overdue.value if name == "overdue" else page.pipeline.stages[name].value)
    assert sum(a.participants for a in page.training.axes) == page.training.participants
    with_coach = sum(1 for r in coop_store.page(demo_db, coop_store.CooperativeFilter(), limit=-1,
                                                  columns="c.coach") if r["coach"])
    assert sum(c.cooperatives.value for c in page.team) == with_coach
    assert page.coaching.held >= page.coaching.on_time
    tranche_rows = [r for r in page.plan if r.phase is None]
    with_tranche = sum(1 for r in coop_store.page(demo_db, coop_store.CooperativeFilter(), limit=-1,
                                                  columns="c.tranche") if r["tranche"])
    assert sum(r.held.value for r in tranche_rows) == with_tranche
    for tranche in tranche_rows:
        phases = [r for r in page.plan if r.tranche == tranche.tranche and r.phase is not None]
        if phases:
            assert sum(r.held.value for r in phases) == tranche.held.value


def test_a_withdrawn_cooperative_is_not_listed_overdue(db: Database) -> None:
    ids = build_programme(db, only={"B", "E"})
    overdue = coop_store.ids(db, coop_store.CooperativeFilter(overdue=True, as_of=TODAY))
    assert overdue == [ids["B"]]
    not_overdue = coop_store.ids(db, coop_store.CooperativeFilter(overdue=False, as_of=TODAY))
    assert not_overdue == [ids["E"]]


def test_a_laptop_database_from_before_the_dashboard_gets_its_sessions_on_time(db: Database) -> None:
    """The migration counts, for the sessions already recorded, what each new
    session's refresh counts (domain.coaching.on_time)."""
    from murafaqa_desktop.store.migrations import m004_dashboard

    ids = build_programme(db)
    kept = dict(db.execute("SELECT cooperative_id, on_time FROM coaching_progress").fetchall())
    assert {k: kept[ids[k]] for k in "ABDE"} == {"A": 2, "B": 1, "D": 11, "E": 2}
    db.execute("UPDATE coaching_progress SET on_time = 0")
    m004_dashboard._backfill(db)
    assert dict(db.execute("SELECT cooperative_id, on_time FROM coaching_progress").fetchall()) == kept
