"""Each application's score kept beside it, in one narrow local table,
``application_scores``: the sum of its ratings and how many of the six
criteria are rated. The ranking of a call (``store.calls.ranked_rows``) then
reads one short row per application instead of grouping the 30,000 ratings
of a 5,000-application call at every look.

SQLite triggers on ``application_ratings`` keep it right whoever writes the
ratings: a rating in place, the committee's grid imported, a pulled change,
a cascade. Each trigger recounts the application's ratings (at most six rows,
with the application's id) rather than adding and
subtracting, so that no sequence of writes can make it drift. Local: never
synced.

Frozen once shipped: a change of what it holds needs a new migration that
rebuilds this table, not an edit here.
"""
from __future__ import annotations

from sqlite_utils import Database

TABLE = """CREATE TABLE application_scores (
    application_id TEXT PRIMARY KEY,
    total INTEGER NOT NULL,  -- the sum of its ratings (0-3 each)
    rated INTEGER NOT NULL,  -- how many criteria have a rating
    -- the criteria rated above 0 whose evidence document is not in the file,
    -- comma-separated (what an incomplete file lacks), NULL when none
    unevidenced TEXT
) WITHOUT ROWID"""

_UNEVIDENCED = "rating > 0 AND NOT coalesce(document, 0)"


def _recount(application_id: str) -> str:
    """The row of the application whose id is the expression
    ``application_id``, recounted from its ratings; nothing when no such
    application exists (a rating deleted by the cascade of its application's
    deletion, or pulled before it: the application's own trigger counts it)."""
    return (f"INSERT OR REPLACE INTO application_scores (application_id, total, rated, unevidenced) "
            f"SELECT a.id, coalesce(sum(r.rating), 0), count(r.rating), "
            f"group_concat(CASE WHEN {_UNEVIDENCED} THEN r.criterion END) "
            f"FROM applications a LEFT JOIN application_ratings r ON r.application_id = a.id "
            f"WHERE a.id = {application_id} GROUP BY a.id;")


# Every application's row recomputed from its ratings: the migration's fill,
# and what the tests compare the trigger-kept table with.
REBUILD = ("INSERT OR REPLACE INTO application_scores (application_id, total, rated, unevidenced) "
           "SELECT a.id, coalesce(sum(r.rating), 0), count(r.rating), "
           f"group_concat(CASE WHEN {_UNEVIDENCED} THEN r.criterion END) "
           "FROM applications a LEFT JOIN application_ratings r ON r.application_id = a.id GROUP BY a.id")

TRIGGERS = [
    # an application counts the ratings it has (none, unless they came
    # first); leaving, it takes its row along
    f"""CREATE TRIGGER applications_score_insert AFTER INSERT ON applications BEGIN
        {_recount("NEW.id")}
    END""",
    """CREATE TRIGGER applications_score_update AFTER UPDATE OF id ON applications
        WHEN OLD.id IS NOT NEW.id BEGIN
        DELETE FROM application_scores WHERE application_id = OLD.id;
        """ + _recount("NEW.id") + """
    END""",
    """CREATE TRIGGER applications_score_delete AFTER DELETE ON applications BEGIN
        DELETE FROM application_scores WHERE application_id = OLD.id;
    END""",
    f"""CREATE TRIGGER application_ratings_score_insert AFTER INSERT ON application_ratings BEGIN
        {_recount("NEW.application_id")}
    END""",
    f"""CREATE TRIGGER application_ratings_score_update AFTER UPDATE OF application_id, criterion, rating, document
        ON application_ratings BEGIN
        {_recount("OLD.application_id")}
        {_recount("NEW.application_id")}
    END""",
    # a rating deleted with its application (a cascade) finds no application
    # to recount: the application's own trigger deletes its row
    f"""CREATE TRIGGER application_ratings_score_delete AFTER DELETE ON application_ratings BEGIN
        {_recount("OLD.application_id")}
    END""",
]


def apply(db: Database) -> None:
    db.execute(TABLE)
    db.execute(REBUILD)
    for statement in TRIGGERS:
        db.execute(statement)
