"""The development plan: actions with axis, objective, indicator, owner,
due date, status, estimated cost and progress."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlite_utils import Database

from ..domain.entities import PLAN_ACTION
from ..domain.plan import progress_update
from ..domain.schema import Record
from ..store import aggregates, changes
from ..store import cooperatives as coop_store
from ..store.rows import Row
from .child_rows import update_child
from .validation import not_found, validated

NAME = ("Action", "الإجراء")
# What a new action is before anything is recorded for it.
NEW_ACTION = {"status": "planned", "progress": 0}


def add_action(db: Database, coop_id: str, data: Mapping[str, Any]) -> Row:
    with db.atomic():
        if coop_store.get(db, coop_id) is None:
            raise not_found("Coopérative", "التعاونية", coop_id)
        values = validated(PLAN_ACTION, {**NEW_ACTION, **data, "cooperative_id": coop_id})
        if values["status"] == NEW_ACTION["status"]:  # the status left as it comes: the progress says it
            values.update(progress_update(NEW_ACTION, values["progress"]))
        if values.get("position") is None:
            last = aggregates.last_plan_position(db, coop_id)
            values["position"] = 0 if last is None else last + 1
        return changes.insert(db, "plan_actions", values)


def update_action(db: Database, action_id: str, data: Mapping[str, Any]) -> dict[str, Any]:
    return update_child(db, PLAN_ACTION, action_id, data, name=NAME, amend=_status_from_progress).changed


def _status_from_progress(current: Row, values: Record) -> None:
    """A status the user changed stands; one sent back as it was follows the
    progress (the plan form sends every field, changed or not)."""
    if values.get("status", current["status"]) == current["status"]:
        values.update(progress_update(current, values.get("progress")))


def delete_action(db: Database, action_id: str) -> None:
    with db.atomic():
        if not changes.delete(db, "plan_actions", action_id):
            raise not_found(*NAME, action_id)


def move_action(db: Database, action_id: str, new_index: int) -> None:
    """Put the action at ``new_index`` in its plan; only positions that change are written."""
    with db.atomic():
        current = changes.get_row(db, "plan_actions", action_id)
        if current is None:
            raise not_found(*NAME, action_id)
        actions = [a for a in aggregates.plan_actions(db, current["cooperative_id"]) if a["id"] != action_id]
        new_index = max(0, min(new_index, len(actions)))
        actions.insert(new_index, current)
        for position, action in enumerate(actions):
            if action["position"] != position:
                changes.update(db, "plan_actions", action["id"], {"position": position})
