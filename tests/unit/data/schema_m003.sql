-- The local schema after m001_initial, m002_drafts and m003_sync, as sqlite_master
-- records it in a laptop database made by the release that shipped them.
-- A laptop database of that release is rebuilt from it in test_migrations.py.

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE cooperatives (
        rid INTEGER PRIMARY KEY,  -- local only: the stable rowid of the search index
        id TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        registration_number TEXT NOT NULL UNIQUE,
        name_ar TEXT, name_fr TEXT,
        legal_date TEXT NOT NULL, activity_start TEXT, application_date TEXT,
        region TEXT NOT NULL, province TEXT, commune TEXT, sector TEXT,
        members INTEGER, women INTEGER, youth INTEGER,
        legal_standing TEXT, president TEXT, phone TEXT, email TEXT,
        tranche INTEGER CHECK (tranche BETWEEN 1 AND 4),
        phase INTEGER CHECK (phase IN (1, 2)),
        status TEXT, coach TEXT, notes TEXT);

CREATE INDEX cooperatives_region ON cooperatives (region, tranche, phase);

CREATE INDEX cooperatives_tranche ON cooperatives (tranche, phase);

CREATE INDEX cooperatives_status ON cooperatives (status);

CREATE INDEX cooperatives_coach ON cooperatives (coach);

CREATE TABLE selection_ratings (
        id TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        cooperative_id TEXT NOT NULL REFERENCES cooperatives(id) ON DELETE CASCADE,
        criterion TEXT NOT NULL, rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 3),
        evidence TEXT, UNIQUE (cooperative_id, criterion));

CREATE TABLE diagnoses (
        id TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        cooperative_id TEXT NOT NULL UNIQUE REFERENCES cooperatives(id) ON DELETE CASCADE,
        diagnosed_on TEXT, diagnosed_by TEXT, strengths TEXT, weaknesses TEXT, summary TEXT,
        completed INTEGER);

CREATE TABLE diagnosis_sections (
        id TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        diagnosis_id TEXT NOT NULL REFERENCES diagnoses(id) ON DELETE CASCADE,
        section TEXT NOT NULL, rating TEXT, findings TEXT, UNIQUE (diagnosis_id, section));

CREATE TABLE diagnosis_needs (
        id TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        diagnosis_id TEXT NOT NULL REFERENCES diagnoses(id) ON DELETE CASCADE,
        kind TEXT NOT NULL, axis TEXT NOT NULL, description TEXT NOT NULL, priority TEXT);

CREATE INDEX diagnosis_needs_diagnosis ON diagnosis_needs (diagnosis_id);

CREATE TABLE plan_actions (
        id TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        cooperative_id TEXT NOT NULL REFERENCES cooperatives(id) ON DELETE CASCADE,
        position INTEGER, axis TEXT NOT NULL, objective TEXT NOT NULL, indicator TEXT,
        owner TEXT, due_date TEXT, status TEXT, estimated_cost REAL, progress INTEGER);

CREATE INDEX plan_actions_cooperative ON plan_actions (cooperative_id, position);

CREATE TABLE coaching_sessions (
        id TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        cooperative_id TEXT NOT NULL REFERENCES cooperatives(id) ON DELETE CASCADE,
        number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 12),
        held_on TEXT NOT NULL, duration_minutes INTEGER, place TEXT, attendees TEXT,
        topics TEXT, recommendations TEXT, next_steps TEXT, next_date TEXT, author TEXT,
        UNIQUE (cooperative_id, number));

CREATE INDEX coaching_sessions_held_on ON coaching_sessions (held_on);

CREATE TABLE session_reviews (
        id TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        session_id TEXT NOT NULL REFERENCES coaching_sessions(id) ON DELETE CASCADE,
        action_id TEXT NOT NULL REFERENCES plan_actions(id) ON DELETE CASCADE,
        progress INTEGER, comment TEXT, UNIQUE (session_id, action_id));

CREATE INDEX session_reviews_action ON session_reviews (action_id);

CREATE TABLE training_sessions (
        id TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        module_code TEXT NOT NULL, held_on TEXT NOT NULL, place TEXT, region TEXT NOT NULL,
        trainer TEXT);

CREATE INDEX training_sessions_held_on ON training_sessions (held_on);

CREATE TABLE training_attendance (
        id TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        training_session_id TEXT NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
        cooperative_id TEXT REFERENCES cooperatives(id) ON DELETE SET NULL,
        participant TEXT NOT NULL, role TEXT, gender TEXT NOT NULL, age_band TEXT);

CREATE INDEX training_attendance_session ON training_attendance (training_session_id);

CREATE INDEX training_attendance_cooperative ON training_attendance (cooperative_id);

CREATE TABLE financing (
        id TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        cooperative_id TEXT NOT NULL REFERENCES cooperatives(id) ON DELETE CASCADE,
        applied_on TEXT NOT NULL, project TEXT NOT NULL, amount_requested REAL,
        amount_granted REAL, partner TEXT, status TEXT NOT NULL);

CREATE INDEX financing_cooperative ON financing (cooperative_id);

CREATE TABLE coaching_progress (
        cooperative_id TEXT PRIMARY KEY REFERENCES cooperatives(id) ON DELETE CASCADE,
        done INTEGER NOT NULL, first_on TEXT, next_due TEXT);

CREATE INDEX coaching_progress_next_due ON coaching_progress (next_due);

CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        tbl TEXT NOT NULL, row_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
        fields TEXT NOT NULL, base TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        sent INTEGER NOT NULL DEFAULT 0);

CREATE INDEX outbox_row ON outbox (tbl, row_id);

CREATE TABLE field_versions (
        tbl TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL, seq INTEGER NOT NULL,
        PRIMARY KEY (tbl, row_id, field)) WITHOUT ROWID;

CREATE VIRTUAL TABLE cooperatives_fts USING fts5(
        body, tokenize = "unicode61 remove_diacritics 0", prefix = '1 2 3');

CREATE TABLE drafts (
        key TEXT PRIMARY KEY,
        form TEXT NOT NULL,
        title TEXT,
        data TEXT NOT NULL,
        saved_at TEXT NOT NULL);

CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE sync_staged (
            tbl TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, fields TEXT, versions TEXT,
            whole INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (tbl, id)) WITHOUT ROWID;

CREATE TABLE sync_conflicts (
            id INTEGER PRIMARY KEY, seq INTEGER NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL,
            field TEXT, kind TEXT NOT NULL, server_value TEXT, client_value TEXT, user TEXT, at TEXT,
            resolved INTEGER NOT NULL DEFAULT 0, resolution_pushed INTEGER NOT NULL DEFAULT 1);

CREATE INDEX sync_conflicts_open ON sync_conflicts (resolved);

CREATE TABLE sync_gone (cooperative_id TEXT PRIMARY KEY);

