"""What syncs is declared once, in the protocol (murafaqa_protocol.tables);
the entities (domain/entities.py), the laptop's SQL schema and the store's
list of synced tables must say the same, field for field."""
from __future__ import annotations

import pytest

from murafaqa_desktop.domain import entities
from murafaqa_desktop.store import changes, sync_state
from murafaqa_protocol.tables import TABLE_ORDER, TABLES, TableSpec

# Local bookkeeping that never travels: the search rowid, display stamps, and
# the id (it travels as the row's identity, never as a field).
LOCAL = {"rid", "created_at", "updated_at", "id"}

# Every synced table has an entity today; a synced table without one (none
# yet) would be listed here with the reason.
WITHOUT_ENTITY: dict[str, str] = {}

# Required by the protocol and NOT NULL in SQL, but not asked of the user:
# the service fills it in (services/coaching.py numbers a cooperative's
# sessions 1 to 12 in order).
FILLED_BY_SERVICE = {("coaching_sessions", "number")}


def _columns(db, table: str) -> dict[str, bool]:
    """Column -> NOT NULL, as SQLite reports them."""
    return {r[1]: bool(r[3]) for r in db.execute(f"PRAGMA table_info({table})").fetchall()}


def _unique_keys(db, table: str) -> set[tuple[str, ...]]:
    keys = set()
    for _, name, unique, origin, _ in db.execute(f"PRAGMA index_list({table})").fetchall():
        if unique and origin == "u":
            keys.add(tuple(r[2] for r in db.execute(f"PRAGMA index_info({name})").fetchall()))
    return keys - {("id",)}


def _references(db, table: str) -> dict[str, tuple[str, str]]:
    """Column -> (target table, ON DELETE action)."""
    return {r[3]: (r[2], r[6]) for r in db.execute(f"PRAGMA foreign_key_list({table})").fetchall()}


def test_the_store_syncs_exactly_the_protocol_s_tables_in_its_order():
    assert changes.SYNCED_TABLES == TABLE_ORDER == tuple(TABLES)


def test_every_synced_table_has_its_entity_and_every_entity_syncs():
    assert set(entities.BY_TABLE) | set(WITHOUT_ENTITY) == set(TABLES)
    assert not set(entities.BY_TABLE) & set(WITHOUT_ENTITY)


@pytest.mark.parametrize("spec", TABLES.values(), ids=lambda s: s.name)
def test_the_entity_declares_the_protocol_s_fields(spec: TableSpec):
    entity = entities.BY_TABLE[spec.name]
    assert entity.names == spec.fields
    required = {f.name for f in entity.fields if f.required}
    assert required == set(spec.required) - {f for t, f in FILLED_BY_SERVICE if t == spec.name}
    parent = spec.parent[0] if spec.parent else None
    assert entity.parent == parent


@pytest.mark.parametrize("spec", TABLES.values(), ids=lambda s: s.name)
def test_the_sql_columns_are_the_protocol_s_fields(db, spec: TableSpec):
    columns = _columns(db, spec.name)
    assert LOCAL - {"rid"} <= set(columns)
    synced = [c for c in columns if c not in LOCAL]
    assert synced == list(spec.fields)
    not_null = {c for c in synced if columns[c]}
    assert not_null == set(spec.required)


@pytest.mark.parametrize("spec", TABLES.values(), ids=lambda s: s.name)
def test_the_sql_unique_keys_are_the_protocol_s(db, spec: TableSpec):
    # A single-column key appears both as UNIQUE and in the protocol's tuple.
    assert _unique_keys(db, spec.name) == ({spec.unique} if spec.unique else set())


@pytest.mark.parametrize("spec", TABLES.values(), ids=lambda s: s.name)
def test_the_sql_references_cascade_as_the_protocol_says(db, spec: TableSpec):
    expected = {field: (target, "CASCADE") for field, target in ((spec.parent,) if spec.parent else ())}
    expected |= {field: (target, "CASCADE") for field, target in spec.cascades}
    expected |= {field: (target, "SET NULL") for field, target in spec.nulls}
    assert _references(db, spec.name) == expected


def test_a_cooperative_leaving_the_laptop_takes_every_table_that_hangs_off_it(db):
    def owned(spec: TableSpec) -> bool:
        while spec.parent:
            spec = TABLES[spec.parent[1]]
        return spec.name == "cooperatives"

    assert set(sync_state.rows_of_cooperative(db, "none")) == {t for t, s in TABLES.items() if owned(s)}
