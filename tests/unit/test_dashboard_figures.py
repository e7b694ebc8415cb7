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
