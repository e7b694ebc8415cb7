"""The dashboard's pipeline stages as SQL conditions on one cooperative
(alias ``c``): the list's ``stage`` filter and the dashboard's counts use the
same text, so a figure and the list it opens can never disagree.

What each stage means (each is its own fact, not deduced from the previous):

- ``in_programme``: a tranche is assigned and the cooperative is no longer a
  candidate (status neither applied, preselected nor rejected);
- ``diagnosed``: its strategic diagnosis is marked completed;
- ``plan_set``: its development plan holds at least one action;
- ``trained``: at least one of its members attended a collective training;
- ``coached``: at least one individual coaching session is recorded;
- ``completed``: its 12 coaching sessions are recorded, or its status says
  coaching is completed (the printed progress report counts it the same way);
- ``withdrawn``: its status is withdrawn;
- ``financed``: a financing request of it is granted or disbursed.

``coached`` and ``completed`` read the coaching-progress cache, which the
services keep with every session written.
"""
from __future__ import annotations

from ..domain.coaching import MAX_SESSIONS
from ..domain.dashboard import STAGES

CANDIDATE_STATUSES = ("applied", "preselected", "rejected")
FINANCED_STATUSES = ("granted", "disbursed")
# Statuses after which no coaching session is due any more (the agenda's rule too).
COACHING_ENDED = ("withdrawn", "rejected", "completed")


def quoted(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


# ``c.id IN (SELECT …)`` rather than EXISTS: SQLite reads each subquery once
# into a temporary index, which is four times faster over 60,000 cooperatives.
STAGE_SQL: dict[str, str] = {
    "in_programme": f"(c.tranche IS NOT NULL AND coalesce(c.status, '') NOT IN ({quoted(CANDIDATE_STATUSES)}))",
    "diagnosed": "c.id IN (SELECT cooperative_id FROM diagnoses WHERE completed = 1)",
    "plan_set": "c.id IN (SELECT cooperative_id FROM plan_actions)",
    "trained": "c.id IN (SELECT cooperative_id FROM training_attendance)",
    "coached": "c.id IN (SELECT cooperative_id FROM coaching_progress WHERE done >= 1)",
    "completed": ("(c.status = 'completed' OR c.id IN "
                  f"(SELECT cooperative_id FROM coaching_progress WHERE done >= {MAX_SESSIONS}))"),
    "withdrawn": "(c.status = 'withdrawn')",
    "financed": f"c.id IN (SELECT cooperative_id FROM financing WHERE status IN ({quoted(FINANCED_STATUSES)}))",
}


def condition(stage: str) -> str:
    """The SQL condition of a stage; ValueError for a name not in STAGES."""
    try:
        return STAGE_SQL[stage]
    except KeyError:
        raise ValueError(f"unknown stage {stage!r}: one of {', '.join(STAGES)}") from None


# The same stages read from the progress row already joined as ``p`` (a
# query over every cooperative saves two lookups per row this way).
JOINED_SQL: dict[str, str] = {
    "coached": "coalesce(p.done, 0) >= 1",
    "completed": f"(c.status = 'completed' OR coalesce(p.done, 0) >= {MAX_SESSIONS})",
}


def joined_condition(stage: str) -> str:
    """``condition`` for a query that joins the cooperative's progress as ``p``."""
    return JOINED_SQL.get(stage) or condition(stage)
