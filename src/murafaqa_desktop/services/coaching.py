"""Individual coaching sessions: numbered 1-12 within two years of the first.

Sessions are close to insert-only: a session can be corrected, and only the
last one can be removed, so numbers never leave a gap.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sqlite_utils import Database

from ..domain import coaching as rules
from ..domain.entities import COACHING_SESSION, SESSION_REVIEW
from ..domain.errors import DomainError, ValidationError
from ..domain.plan import progress_update
from ..domain.schema import Record, as_date, to_date
from ..store import aggregates, changes, local
from ..store import cooperatives as coop_store
from ..store.rows import Row
from .child_rows import update_child
from .validation import not_found, validated

NAME = ("Séance", "الحصة")


def session_dates(sessions: Iterable[Row]) -> list[rules.SessionDate]:
    """What the coaching rules need of stored sessions."""
    return [rules.SessionDate(s["number"], to_date(s["held_on"]), as_date(s["next_date"])) for s in sessions]


def refresh_progress(db: Database, coop_id: str) -> rules.CoachingProgress:
    """Recompute the local progress cache of one cooperative (after any
    change to its sessions, here or from a sync)."""
    sessions = aggregates.coaching_sessions(db, coop_id)
    prog = rules.progress(session_dates(sessions), dt.date.today())
    local.save_progress(db, coop_id, prog.done, prog.first.isoformat() if prog.first else None,
                        prog.next_due.isoformat() if prog.next_due else None, prog.on_time)
    return prog


def progress(db: Database, coop_id: str, as_of: dt.date | None = None) -> rules.CoachingProgress:
    return rules.progress(session_dates(aggregates.coaching_sessions(db, coop_id)), as_of or dt.date.today())


def _reviews(db: Database, session_id: str, coop_id: str, reviews: Iterable[Mapping[str, Any]]) -> None:
    """Record the plan actions reviewed and carry their progress to the plan."""
    for review in reviews:
        values = validated(SESSION_REVIEW, {**review, "session_id": session_id})
        action = changes.get_row(db, "plan_actions", values["action_id"])
        if action is None or action["cooperative_id"] != coop_id:
            raise ValidationError([DomainError(
                "action_not_in_plan", "Action revue : elle n'appartient pas au plan de cette coopérative",
                "الإجراء المراجع: لا ينتمي إلى مخطط هذه التعاونية", "action_id")])
        existing = aggregates.session_review(db, session_id, values["action_id"])
        if existing:
            changes.update(db, "session_reviews", existing["id"],
                           {"progress": values["progress"], "comment": values["comment"]})
        else:
            changes.insert(db, "session_reviews", values)
        update = progress_update(action, values["progress"])
        if update:
            changes.update(db, "plan_actions", action["id"], update)


def log_session(db: Database, coop_id: str, data: Mapping[str, Any],
                reviews: Iterable[Mapping[str, Any]] = ()) -> Row:
    """Record the next session. A 13th session, or one past the two-year
    window opened by the first, is refused with its reason."""
    with db.atomic():
        if coop_store.get(db, coop_id) is None:
            raise not_found("Coopérative", "التعاونية", coop_id)
        values = validated(COACHING_SESSION, {k: v for k, v in data.items() if k != "number"} | {
            "cooperative_id": coop_id})
        existing = session_dates(aggregates.coaching_sessions(db, coop_id))
        held_on = to_date(values["held_on"])
        try:
            values["number"] = rules.check_new_session(existing, held_on)
            first = rules.window_start(existing, values["number"], held_on)
            rules.check_next_date(held_on, as_date(values["next_date"]), first)
        except DomainError as e:
            raise ValidationError([e]) from None
        row = changes.insert(db, "coaching_sessions", values)
        _reviews(db, row["id"], coop_id, reviews)
        refresh_progress(db, coop_id)
        return row


def update_session(db: Database, session_id: str, data: Mapping[str, Any],
                   reviews: Iterable[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """Correct a session; its number is the rules' to give, not the user's."""
    def check_dates(current: Row, values: Record) -> None:
        siblings = session_dates(aggregates.coaching_sessions(db, current["cooperative_id"]))
        row = {**current, **values}
        held_on, number = to_date(row["held_on"]), current["number"]
        try:
            if "held_on" in values:
                rules.check_session_date(siblings, number, held_on)
            rules.check_next_date(held_on, as_date(row["next_date"]), rules.window_start(siblings, number, held_on))
        except DomainError as e:
            raise ValidationError([e]) from None

    with db.atomic():
        edited = update_child(db, COACHING_SESSION, session_id, data, name=NAME, derived=("number",),
                              amend=check_dates)
        coop_id = edited.before["cooperative_id"]
        _reviews(db, session_id, coop_id, reviews)
        refresh_progress(db, coop_id)
        return edited.changed


def delete_last_session(db: Database, session_id: str) -> None:
    with db.atomic():
        current = aggregates.coaching_session(db, session_id)
        if current is None:
            raise not_found(*NAME, session_id)
        last = max(s["number"] for s in aggregates.coaching_sessions(db, current["cooperative_id"]))
        if current["number"] != last:
            raise ValidationError([DomainError(
                "not_last_session",
                f"Seule la dernière séance (n° {last}) peut être supprimée : les numéros restent continus",
                f"لا يمكن حذف إلا الحصة الأخيرة (رقم {last}): تبقى الأرقام متتابعة", "number")])
        changes.delete(db, "coaching_sessions", session_id)
        refresh_progress(db, current["cooperative_id"])
