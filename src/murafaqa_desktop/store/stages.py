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


STAGE_SQL: dict[str, str] = {
    "in_programme": f"(c.tranche IS NOT NULL AND coalesce(c.status, '') NOT IN ({quoted(CANDIDATE_STATUSES)}))",
    "diagnosed": "EXISTS (SELECT 1 FROM diagnoses sd WHERE sd.cooperative_id = c.id AND sd.completed = 1)",
    "plan_set": "EXISTS (SELECT 1 FROM plan_actions sa WHERE sa.cooperative_id = c.id)",
    "trained": "EXISTS (SELECT 1 FROM training_attendance st WHERE st.cooperative_id = c.id)",
    "coached": "EXISTS (SELECT 1 FROM coaching_progress sp WHERE sp.cooperative_id = c.id AND sp.done >= 1)",
    "completed": ("(c.status = 'completed' OR EXISTS (SELECT 1 FROM coaching_progress sp "
                  f"WHERE sp.cooperative_id = c.id AND sp.done >= {MAX_SESSIONS}))"),
    "withdrawn": "(c.status = 'withdrawn')",
    "financed": ("EXISTS (SELECT 1 FROM financing sf WHERE sf.cooperative_id = c.id "
                 f"AND sf.status IN ({quoted(FINANCED_STATUSES)}))"),
}


def condition(stage: str) -> str:
    """The SQL condition of a stage; ValueError for a name not in STAGES."""
    try:
        return STAGE_SQL[stage]
    except KeyError:
        raise ValueError(f"unknown stage {stage!r}: one of {', '.join(STAGES)}") from None
