"""Each cooperative's pipeline stages kept in one narrow local table,
``cooperative_stages``, so that the dashboard reads 60,000 short rows once
instead of looking each cooperative up in five tables at every look.

SQLite triggers on the tables it summarises keep it right whoever writes
them: a coach's edit, a pulled change, the demo's bulk load, a cascade. The
raw facts are copied or tested by the triggers; the stages (``store.stages``)
are columns computed from them when a row is written. Local: never synced.

Frozen once shipped: a stage whose meaning changes needs a new migration that
rebuilds this table, not an edit here.
"""
from __future__ import annotations

from sqlite_utils import Database

# The literal lists of store.stages at the time of this migration.
_CANDIDATE = "'applied', 'rejected'"
_ENDED = "'withdrawn', 'rejected', 'completed'"
_FINANCED = "'granted', 'disbursed'"
_MAX_SESSIONS = 12

TABLE = f"""CREATE TABLE cooperative_stages (
    cooperative_id TEXT PRIMARY KEY,
    -- the cooperative's own columns the dashboard groups and filters on
    region TEXT NOT NULL, province TEXT, coach TEXT, tranche INTEGER, phase INTEGER, status TEXT,
    -- facts of the tables around it
    diagnosed INTEGER NOT NULL DEFAULT 0,  -- its diagnosis is marked completed
    plan_set INTEGER NOT NULL DEFAULT 0,   -- a plan action of it exists
    trained INTEGER NOT NULL DEFAULT 0,    -- a member of it attended a training
    financed INTEGER NOT NULL DEFAULT 0,   -- a financing of it is granted or disbursed
    -- its coaching progress (coaching_progress), 0 and NULL without one
    done INTEGER NOT NULL DEFAULT 0, on_time INTEGER NOT NULL DEFAULT 0, first_on TEXT, next_due TEXT,
    -- the stages and the coaching figures, computed from the above when the row is written
    in_programme INTEGER GENERATED ALWAYS AS
        (tranche IS NOT NULL AND coalesce(status, '') NOT IN ({_CANDIDATE})) STORED,
    coached INTEGER GENERATED ALWAYS AS (done >= 1) STORED,
    completed INTEGER GENERATED ALWAYS AS (coalesce(status = 'completed', 0) OR done >= {_MAX_SESSIONS}) STORED,
    withdrawn INTEGER GENERATED ALWAYS AS (coalesce(status = 'withdrawn', 0)) STORED,
    ended INTEGER GENERATED ALWAYS AS (coalesce(status, '') IN ({_ENDED})) STORED,
    -- the next session's due date while coaching goes on: overdue when before the day
    open_due TEXT GENERATED ALWAYS AS
        (CASE WHEN coalesce(status, '') IN ({_ENDED}) THEN NULL ELSE next_due END) STORED)"""

INDEXES = (
    # the page's grouping read from the index alone, in its order (no sort)
    "CREATE INDEX cooperative_stages_groups ON cooperative_stages (region, coach, tranche, phase, "
    "in_programme, diagnosed, plan_set, trained, coached, completed, withdrawn, financed, done, on_time, open_due)",
    # the coaching schedule, grouped by first session
    "CREATE INDEX cooperative_stages_starts ON cooperative_stages (first_on, ended, done)",
    # a coach's page: their cooperatives' rows only
    "CREATE INDEX cooperative_stages_coach ON cooperative_stages (coach)",
    # a region's or a coach's sessions per month: each cooperative's dates
    # from the index alone, not 45,000 rows read for one region
    "CREATE INDEX coaching_sessions_cooperative_held ON coaching_sessions (cooperative_id, held_on)",
)


def _facts(coop_id: str) -> str:
    """The facts of the cooperative whose id is the expression ``coop_id``."""
    return (f"EXISTS (SELECT 1 FROM diagnoses WHERE cooperative_id = {coop_id} AND completed = 1), "
            f"EXISTS (SELECT 1 FROM plan_actions WHERE cooperative_id = {coop_id}), "
            f"EXISTS (SELECT 1 FROM training_attendance WHERE cooperative_id = {coop_id}), "
            f"EXISTS (SELECT 1 FROM financing WHERE cooperative_id = {coop_id} AND status IN ({_FINANCED})), "
            f"coalesce((SELECT done FROM coaching_progress WHERE cooperative_id = {coop_id}), 0), "
            f"coalesce((SELECT on_time FROM coaching_progress WHERE cooperative_id = {coop_id}), 0), "
            f"(SELECT first_on FROM coaching_progress WHERE cooperative_id = {coop_id}), "
            f"(SELECT next_due FROM coaching_progress WHERE cooperative_id = {coop_id})")


_COLUMNS = ("cooperative_id, region, province, coach, tranche, phase, status, "
            "diagnosed, plan_set, trained, financed, done, on_time, first_on, next_due")
_OWN = ("region", "province", "coach", "tranche", "phase", "status")

# Every row recomputed from the sources: the migration's fill, and what the
# tests compare the trigger-kept table with.
REBUILD = (f"INSERT OR REPLACE INTO cooperative_stages ({_COLUMNS}) "
           f"SELECT c.id, {', '.join('c.' + k for k in _OWN)}, {_facts('c.id')} FROM cooperatives c")


def _recount(column: str, test: str, coop_id: str, when: str = "") -> str:
    return (f"UPDATE cooperative_stages SET {column} = EXISTS ({test.format(id=coop_id)}) "
            f"WHERE cooperative_id = {coop_id}{when};")


def _child_triggers(table: str, column: str, test: str, watched: str) -> list[str]:
    """A fact that holds while a row of ``table`` passes ``test``: recounted
    for the cooperative of a row inserted, deleted or edited in a watched
    column (for both cooperatives when the row moved)."""
    recount_new = _recount(column, test, "NEW.cooperative_id")
    recount_old = _recount(column, test, "OLD.cooperative_id")
    recount_moved = _recount(column, test, "OLD.cooperative_id",
                             " AND OLD.cooperative_id IS NOT NEW.cooperative_id")
    return [
        f"""CREATE TRIGGER {table}_stage_insert AFTER INSERT ON {table} BEGIN
            {recount_new}
        END""",
        f"""CREATE TRIGGER {table}_stage_update AFTER UPDATE OF {watched} ON {table} BEGIN
            {recount_moved}
            {recount_new}
        END""",
        f"""CREATE TRIGGER {table}_stage_delete AFTER DELETE ON {table} BEGIN
            {recount_old}
        END""",
    ]


TRIGGERS = [
    f"""CREATE TRIGGER cooperatives_stage_insert AFTER INSERT ON cooperatives BEGIN
        INSERT OR REPLACE INTO cooperative_stages ({_COLUMNS})
        VALUES (NEW.id, {', '.join('NEW.' + k for k in _OWN)}, {_facts('NEW.id')});
    END""",
    f"""CREATE TRIGGER cooperatives_stage_update AFTER UPDATE OF id, {', '.join(_OWN)} ON cooperatives BEGIN
        UPDATE cooperative_stages SET cooperative_id = NEW.id, {', '.join(f'{k} = NEW.{k}' for k in _OWN)}
        WHERE cooperative_id = OLD.id;
    END""",
    """CREATE TRIGGER cooperatives_stage_delete AFTER DELETE ON cooperatives BEGIN
        DELETE FROM cooperative_stages WHERE cooperative_id = OLD.id;
    END""",
    *_child_triggers("diagnoses", "diagnosed",
                     "SELECT 1 FROM diagnoses WHERE cooperative_id = {id} AND completed = 1",
                     "cooperative_id, completed"),
    *_child_triggers("plan_actions", "plan_set",
                     "SELECT 1 FROM plan_actions WHERE cooperative_id = {id}", "cooperative_id"),
    *_child_triggers("training_attendance", "trained",
                     "SELECT 1 FROM training_attendance WHERE cooperative_id = {id}", "cooperative_id"),
    *_child_triggers("financing", "financed",
                     f"SELECT 1 FROM financing WHERE cooperative_id = {{id}} AND status IN ({_FINANCED})",
                     "cooperative_id, status"),
    # the progress cache is written whole (INSERT OR REPLACE, or an upsert)
    """CREATE TRIGGER coaching_progress_stage_insert AFTER INSERT ON coaching_progress BEGIN
        UPDATE cooperative_stages SET done = NEW.done, on_time = NEW.on_time, first_on = NEW.first_on,
            next_due = NEW.next_due WHERE cooperative_id = NEW.cooperative_id;
    END""",
    """CREATE TRIGGER coaching_progress_stage_update AFTER UPDATE ON coaching_progress BEGIN
        UPDATE cooperative_stages SET done = 0, on_time = 0, first_on = NULL, next_due = NULL
            WHERE cooperative_id = OLD.cooperative_id AND OLD.cooperative_id IS NOT NEW.cooperative_id;
        UPDATE cooperative_stages SET done = NEW.done, on_time = NEW.on_time, first_on = NEW.first_on,
            next_due = NEW.next_due WHERE cooperative_id = NEW.cooperative_id;
    END""",
    """CREATE TRIGGER coaching_progress_stage_delete AFTER DELETE ON coaching_progress BEGIN
        UPDATE cooperative_stages SET done = 0, on_time = 0, first_on = NULL, next_due = NULL
            WHERE cooperative_id = OLD.cooperative_id;
    END""",
]


def apply(db: Database) -> None:
    db.execute(TABLE)
    db.execute(REBUILD)
    for statement in (*INDEXES, *TRIGGERS):
        db.execute(statement)
