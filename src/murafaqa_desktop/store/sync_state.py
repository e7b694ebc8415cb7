"""The laptop's side of sync: cursor, staged pages, conflicts, enrolment."""
from __future__ import annotations

from .migrations import MIGRATIONS  # noqa: F401  (the sync migration registers here)
