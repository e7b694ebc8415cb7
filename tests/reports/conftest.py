"""Fixtures of the printed-document tests (the records are in edge_data)."""
from __future__ import annotations

import pytest
from edge_data import LONG_AR, LONG_FR, PRINTED, EdgeData, make_edge  # noqa: F401
from sqlite_utils import Database


@pytest.fixture
def edge(db: Database) -> EdgeData:
    return make_edge(db)
