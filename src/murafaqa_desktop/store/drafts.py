"""Form drafts saved as the user types, offered back after a crash."""
from __future__ import annotations

from .migrations import MIGRATIONS  # noqa: F401  (the drafts migration registers here)
