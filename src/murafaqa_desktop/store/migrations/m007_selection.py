"""Selection: calls for applications, their places per region, the
applications (one cooperative to one call) and their ratings.

Ratings of an application, not of a cooperative: a cooperative that applies
to a later call is rated again for that call, and the committee's grid of a
call holds that call's ratings only. ``selection_ratings`` (per cooperative)
stays as it was for the earlier tranches' files.
"""
from __future__ import annotations

from sqlite_utils import Database

_COMMON = "id TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, updated_at TEXT NOT NULL"

_STATEMENTS = [
    f"""CREATE TABLE calls (
        {_COMMON},
        tranche INTEGER NOT NULL CHECK (tranche BETWEEN 1 AND 4),
        phase INTEGER NOT NULL CHECK (phase IN (1, 2)),
        title TEXT, opens_on TEXT, closes_on TEXT NOT NULL, reference_date TEXT)""",
    f"""CREATE TABLE call_places (
        {_COMMON},
        call_id TEXT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        region TEXT NOT NULL, places INTEGER NOT NULL CHECK (places >= 0),
        UNIQUE (call_id, region))""",
    f"""CREATE TABLE applications (
        {_COMMON},
        call_id TEXT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        cooperative_id TEXT NOT NULL REFERENCES cooperatives(id) ON DELETE CASCADE,
        received_on TEXT,
        doc_statutes INTEGER, doc_constituent_minutes INTEGER, doc_registration INTEGER,
        doc_members_list INTEGER, complete INTEGER,
        decision TEXT CHECK (decision IN ('retained', 'waiting', 'rejected')),
        decision_reason TEXT, decided_by TEXT, decided_on TEXT, withdrawn_on TEXT, withdrawal_reason TEXT,
        UNIQUE (call_id, cooperative_id))""",
    "CREATE INDEX applications_cooperative ON applications (cooperative_id)",
    f"""CREATE TABLE application_ratings (
        {_COMMON},
        application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        criterion TEXT NOT NULL, rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 3),
        evidence TEXT, document INTEGER,
        UNIQUE (application_id, criterion))""",
    # The ranking sums each application's ratings: read from the index alone.
    "CREATE INDEX application_ratings_total ON application_ratings (application_id, rating)",
]


def apply(db: Database) -> None:
    for statement in _STATEMENTS:
        db.execute(statement)
