"""Rating the six selection criteria and ranking cooperatives for pre-selection."""
from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from ..domain import selection
from ..domain.entities import SELECTION_RATING
from ..domain.errors import ValidationError
from ..store import aggregates, changes
from ..store import cooperatives as coop_store
from ..store.rows import Row
from .validation import not_found, validated


def rate(db: Database, coop_id: str, criterion: str, rating: int, evidence: str | None = None) -> Row:
    """Record (or change) one criterion's rating with its evidence."""
    values = validated(SELECTION_RATING, {"cooperative_id": coop_id, "criterion": criterion,
                                          "rating": rating, "evidence": evidence})
    errors = selection.check_rating(values["criterion"], values["rating"], values["evidence"])
    if errors:
        raise ValidationError(errors)
    with db.atomic():
        if coop_store.get(db, coop_id) is None:
            raise not_found("Coopérative", "التعاونية", coop_id)
        current = aggregates.selection_rating(db, coop_id, values["criterion"])
        if current is None:
            return changes.insert(db, "selection_ratings", values)
        changes.update(db, "selection_ratings", current["id"],
                       {"rating": values["rating"], "evidence": values["evidence"]})
        return {**current, **values}


def score_of(db: Database, coop_id: str) -> float:
    return selection.score({r["criterion"]: r["rating"] for r in aggregates.selection_ratings(db, coop_id)})


def ranking(db: Database, region: str | None = None, tranche: int | None = None,
            phase: int | None = None) -> list[dict[str, Any]]:
    """Cooperatives with their score and their rank within (region, tranche, phase)."""
    rows = aggregates.selection_totals(db, region, tranche, phase)
    for r in rows:
        r["score"] = selection.score_from_total(r.pop("total"))
    ranks = selection.rank((r["id"], (r["region"], r["tranche"], r["phase"]), r["score"]) for r in rows)
    for r in rows:
        r["rank"] = ranks[r["id"]]
    rows.sort(key=lambda r: (r["region"], r["tranche"] or 0, r["phase"] or 0, r["rank"], r["registration_number"]))
    return rows
