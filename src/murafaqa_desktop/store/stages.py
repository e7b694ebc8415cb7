"""The dashboard's pipeline stages as SQL conditions on one cooperative
(alias ``c``): the list's ``stage`` filter and the dashboard's counts read
the same kept column, so a figure and the list it opens can never disagree.

What each stage means (each is its own fact, not deduced from the previous):

- ``in_programme``: a tranche is assigned and the cooperative is neither a
  mere applicant nor rejected. A pre-selected cooperative is in: tranche 4's
  pre-selection is its selection, and diagnosis comes next (so the later
  stages stay within this one: no "102 % diagnosed");
- ``diagnosed``: its strategic diagnosis is marked completed;
- ``plan_set``: its development plan holds at least one action;
- ``trained``: at least one of its members attended a collective training;
- ``coached``: at least one individual coaching session is recorded;
- ``completed``: its 12 coaching sessions are recorded, or its status says
  coaching is completed (the printed progress report counts it the same way);
- ``withdrawn``: its status is withdrawn;
- ``financed``: a financing request of it is granted or disbursed.

Each cooperative's stages are kept in the local table ``cooperative_stages``
(migration ``m006_stages``: SQLite triggers on the tables it summarises keep
it right after every write, a pulled change included), so that the
dashboard reads one short row per cooperative. The list's ``stage`` filter
(``condition``) reads the same table. ``SOURCE_SQL`` says the same stages
over the tables themselves: what the kept table must always equal (the tests
compare them after edits and after a pull).
"""
from __future__ import annotations

from ..domain.coaching import MAX_SESSIONS
from ..domain.dashboard import STAGES

CANDIDATE_STATUSES = ("applied", "rejected")
FINANCED_STATUSES = ("granted", "disbursed")
# Statuses after which no coaching session is due any more (the agenda's rule too).
COACHING_ENDED = ("withdrawn", "rejected", "completed")


def quoted(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


# The stages over the source tables (``c.id IN (SELECT …)`` rather than
# EXISTS: SQLite reads each subquery once into a temporary index). The
# ``cooperative_stages`` table must hold exactly these.
SOURCE_SQL: dict[str, str] = {
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

# What the list filters on: the kept table's column of the stage (1 or 0),
# the very column the dashboard sums.
STAGE_SQL: dict[str, str] = {
    stage: f"c.id IN (SELECT cooperative_id FROM cooperative_stages WHERE {stage} = 1)" for stage in STAGES
}


def condition(stage: str) -> str:
    """The list's SQL condition of a stage; ValueError for a name not in STAGES."""
    try:
        return STAGE_SQL[stage]
    except KeyError:
        raise ValueError(f"unknown stage {stage!r}: one of {', '.join(STAGES)}") from None
