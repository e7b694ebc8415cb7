"""The first schema: the synced tables, the outbox, field versions and the
search index (never edit an applied migration: write a new one)."""
from __future__ import annotations

from sqlite_utils import Database

# id: UUIDv7 made on the laptop, the identity every copy shares.
# created_at/updated_at: display only, never used to order changes.
_COMMON = "id TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, updated_at TEXT NOT NULL"

_INITIAL = [
    """CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)""",
    f"""CREATE TABLE cooperatives (
        rid INTEGER PRIMARY KEY,  -- local only: the stable rowid of the search index
        {_COMMON},
        registration_number TEXT NOT NULL UNIQUE,
        name_ar TEXT, name_fr TEXT,
        legal_date TEXT NOT NULL, activity_start TEXT, application_date TEXT,
        region TEXT NOT NULL, province TEXT, commune TEXT, sector TEXT,
        members INTEGER, women INTEGER, youth INTEGER,
        legal_standing TEXT, president TEXT, phone TEXT, email TEXT,
        tranche INTEGER CHECK (tranche BETWEEN 1 AND 4),
        phase INTEGER CHECK (phase IN (1, 2)),
        status TEXT, coach TEXT, notes TEXT)""",
    "CREATE INDEX cooperatives_region ON cooperatives (region, tranche, phase)",
    "CREATE INDEX cooperatives_tranche ON cooperatives (tranche, phase)",
    "CREATE INDEX cooperatives_status ON cooperatives (status)",
    "CREATE INDEX cooperatives_coach ON cooperatives (coach)",
    f"""CREATE TABLE selection_ratings (
        {_COMMON},
        cooperative_id TEXT NOT NULL REFERENCES cooperatives(id) ON DELETE CASCADE,
        criterion TEXT NOT NULL, rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 3),
        evidence TEXT, UNIQUE (cooperative_id, criterion))""",
    f"""CREATE TABLE diagnoses (
        {_COMMON},
        cooperative_id TEXT NOT NULL UNIQUE REFERENCES cooperatives(id) ON DELETE CASCADE,
        diagnosed_on TEXT, diagnosed_by TEXT, strengths TEXT, weaknesses TEXT, summary TEXT,
        completed INTEGER)""",
    f"""CREATE TABLE diagnosis_sections (
        {_COMMON},
        diagnosis_id TEXT NOT NULL REFERENCES diagnoses(id) ON DELETE CASCADE,
        section TEXT NOT NULL, rating TEXT, findings TEXT, UNIQUE (diagnosis_id, section))""",
    f"""CREATE TABLE diagnosis_needs (
        {_COMMON},
        diagnosis_id TEXT NOT NULL REFERENCES diagnoses(id) ON DELETE CASCADE,
        kind TEXT NOT NULL, axis TEXT NOT NULL, description TEXT NOT NULL, priority TEXT)""",
    "CREATE INDEX diagnosis_needs_diagnosis ON diagnosis_needs (diagnosis_id)",
    f"""CREATE TABLE plan_actions (
        {_COMMON},
        cooperative_id TEXT NOT NULL REFERENCES cooperatives(id) ON DELETE CASCADE,
        position INTEGER, axis TEXT NOT NULL, objective TEXT NOT NULL, indicator TEXT,
        owner TEXT, due_date TEXT, status TEXT, estimated_cost REAL, progress INTEGER)""",
    "CREATE INDEX plan_actions_cooperative ON plan_actions (cooperative_id, position)",
    f"""CREATE TABLE coaching_sessions (
        {_COMMON},
        cooperative_id TEXT NOT NULL REFERENCES cooperatives(id) ON DELETE CASCADE,
        number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 12),
        held_on TEXT NOT NULL, duration_minutes INTEGER, place TEXT, attendees TEXT,
        topics TEXT, recommendations TEXT, next_steps TEXT, next_date TEXT, author TEXT,
        UNIQUE (cooperative_id, number))""",
    "CREATE INDEX coaching_sessions_held_on ON coaching_sessions (held_on)",
    f"""CREATE TABLE session_reviews (
        {_COMMON},
        session_id TEXT NOT NULL REFERENCES coaching_sessions(id) ON DELETE CASCADE,
        action_id TEXT NOT NULL REFERENCES plan_actions(id) ON DELETE CASCADE,
        progress INTEGER, comment TEXT, UNIQUE (session_id, action_id))""",
    "CREATE INDEX session_reviews_action ON session_reviews (action_id)",
    f"""CREATE TABLE training_sessions (
        {_COMMON},
        module_code TEXT NOT NULL, held_on TEXT NOT NULL, place TEXT, region TEXT NOT NULL,
        trainer TEXT)""",
    "CREATE INDEX training_sessions_held_on ON training_sessions (held_on)",
    f"""CREATE TABLE training_attendance (
        {_COMMON},
        training_session_id TEXT NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
        cooperative_id TEXT REFERENCES cooperatives(id) ON DELETE SET NULL,
        participant TEXT NOT NULL, role TEXT, gender TEXT NOT NULL, age_band TEXT)""",
    "CREATE INDEX training_attendance_session ON training_attendance (training_session_id)",
    "CREATE INDEX training_attendance_cooperative ON training_attendance (cooperative_id)",
    f"""CREATE TABLE financing (
        {_COMMON},
        cooperative_id TEXT NOT NULL REFERENCES cooperatives(id) ON DELETE CASCADE,
        applied_on TEXT NOT NULL, project TEXT NOT NULL, amount_requested REAL,
        amount_granted REAL, partner TEXT, status TEXT NOT NULL)""",
    "CREATE INDEX financing_cooperative ON financing (cooperative_id)",
    # Local cache of each cooperative's coaching progress (domain.coaching),
    # kept by the services so that "overdue" is a plain indexed filter.
    """CREATE TABLE coaching_progress (
        cooperative_id TEXT PRIMARY KEY REFERENCES cooperatives(id) ON DELETE CASCADE,
        done INTEGER NOT NULL, first_on TEXT, next_due TEXT)""",
    "CREATE INDEX coaching_progress_next_due ON coaching_progress (next_due)",
    # What the laptop has to push. ``fields``: JSON {field: value}; ``base``:
    # JSON {field: server sequence the edit was based on}. ``sent`` marks an
    # entry a push has carried: later edits never fold into it, so a resent
    # push can never carry a different payload under the same number.
    """CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        tbl TEXT NOT NULL, row_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
        fields TEXT NOT NULL, base TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        sent INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX outbox_row ON outbox (tbl, row_id)",
    # The server sequence at which each field was last seen from the server.
    """CREATE TABLE field_versions (
        tbl TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL, seq INTEGER NOT NULL,
        PRIMARY KEY (tbl, row_id, field)) WITHOUT ROWID""",
    # Names, president, commune and registration number, normalised
    # (domain.text.normalize) so that hamza, teh marbuta, harakat, accents,
    # case and Eastern digits never stop a match. rowid = cooperatives.rid.
    """CREATE VIRTUAL TABLE cooperatives_fts USING fts5(
        body, tokenize = "unicode61 remove_diacritics 0", prefix = '1 2 3')""",
]


def apply(db: Database) -> None:
    for statement in _INITIAL:
        db.execute(statement)
