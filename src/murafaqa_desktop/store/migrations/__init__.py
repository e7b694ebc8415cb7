"""The local schema's history: one module per migration, applied in the
order listed here (never edit an applied one: add a module at the end).

Each laptop's database records the names of the migrations it has applied,
so a migration's name (its module's name) never changes once shipped.
"""
from __future__ import annotations

from types import ModuleType

from sqlite_utils.migrations import Migrations

from . import (
    m001_initial,
    m002_drafts,
    m003_sync,
    m004_dashboard,
    m005_team,
    m006_stages,
    m007_selection,
    m008_history,
    m009_set_aside,
    m010_application_scores,
    m011_staged_positions,
)

HISTORY: tuple[ModuleType, ...] = (m001_initial, m002_drafts, m003_sync, m004_dashboard, m005_team, m006_stages,
                                   m007_selection, m008_history, m009_set_aside, m010_application_scores,
                                   m011_staged_positions)


def _migrations() -> Migrations:
    migrations = Migrations("murafaqa")
    for module in HISTORY:
        migrations(name=module.__name__.rsplit(".", 1)[-1])(module.apply)
    return migrations


MIGRATIONS = _migrations()
