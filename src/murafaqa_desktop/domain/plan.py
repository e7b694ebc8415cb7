"""The development plan: the status an action takes from the progress recorded for it."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# The statuses a recorded progress may move forward. A cancelled action stays
# cancelled whatever is recorded, and a done one is reopened by hand, not by a figure.
OPEN_STATUSES = frozenset({"planned", "in_progress"})


def status_for_progress(status: str | None, progress: int) -> str | None:
    """An open action is under way once any progress is recorded, done at 100 %.

    No progress does not send an action back to "planned": work started and
    then reported at 0 % is a correction of the figure, not of the status.
    """
    if status not in OPEN_STATUSES:
        return status
    if progress >= 100:
        return "done"
    if progress > 0:
        return "in_progress"
    return status


def progress_update(action: Mapping[str, Any], progress: int | None) -> dict[str, Any]:
    """What to write when ``progress`` is recorded for ``action`` (its current
    ``status`` and ``progress``): the new figure and the status it brings, or
    nothing if the figure does not change.

    A coaching session reviewing the action and an edit of the plan itself
    both go through here, so a coordinator sees the same status either way.
    """
    if progress is None or progress == action.get("progress"):
        return {}
    update: dict[str, Any] = {"progress": progress}
    status = status_for_progress(action.get("status"), progress)
    if status != action.get("status"):
        update["status"] = status
    return update
