"""Selection: the six criteria, each rated 0-3 with its evidence; a score out
of 100; a ranking per region and phase for the pre-selection."""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping

from .errors import DomainError
from .vocab import MAX_RATING, SELECTION_CRITERIA


def check_rating(criterion: str, rating: int, evidence: str | None) -> list[DomainError]:
    if rating > 0 and not (evidence and evidence.strip()):
        fr, ar = SELECTION_CRITERIA[criterion]
        return [DomainError(
            "evidence_required",
            f"{fr} : une note de {rating} doit être justifiée (pièce ou constat)",
            f"{ar}: التنقيط {rating} يحتاج إلى إثبات (وثيقة أو معاينة)", "evidence")]
    return []


def score_from_total(total: int) -> float:
    """Score out of 100 from the sum of the six ratings."""
    return round(100.0 * total / (MAX_RATING * len(SELECTION_CRITERIA)), 1)


def score(ratings: Mapping[str, int]) -> float:
    """Score out of 100; a criterion not rated counts as 0."""
    return score_from_total(sum(int(ratings.get(c, 0) or 0) for c in SELECTION_CRITERIA))


def rank(items: Iterable[tuple[Hashable, Hashable, float]]) -> dict[Hashable, int]:
    """Competition ranking ("1224") of (id, group, score) within each group:
    equal scores share a rank."""
    groups: dict[Hashable, list[tuple[Hashable, float]]] = {}
    for item_id, group, value in items:
        groups.setdefault(group, []).append((item_id, value))
    ranks: dict[Hashable, int] = {}
    for members in groups.values():
        members.sort(key=lambda m: -m[1])
        previous, previous_rank = None, 0
        for position, (item_id, value) in enumerate(members, start=1):
            if value != previous:
                previous, previous_rank = value, position
            ranks[item_id] = previous_rank
    return ranks
