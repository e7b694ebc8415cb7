"""Selection: six criteria rated with evidence, a score out of 100, ranks per group."""
import pytest

from factories import make_cooperative
from murafaqa_desktop.domain import selection
from murafaqa_desktop.domain.errors import ValidationError
from murafaqa_desktop.services import selection as selection_service


def test_score_is_out_of_100_and_unrated_criteria_count_zero():
    assert selection.score({}) == 0.0
    full = dict.fromkeys(selection.SELECTION_CRITERIA, 3)
    assert selection.score(full) == 100.0
    assert selection.score({"social_impact": 3, "local_resources": 3, "legal_standing": 3}) == 50.0


def test_equal_scores_share_a_rank_within_their_group_only():
    ranks = selection.rank([("a", "g1", 80), ("b", "g1", 90), ("c", "g1", 80), ("d", "g1", 50), ("e", "g2", 10)])
    assert ranks == {"b": 1, "a": 2, "c": 2, "d": 4, "e": 1}


def test_a_positive_rating_needs_evidence(db):
    coop = make_cooperative(db)
    with pytest.raises(ValidationError) as e:
        selection_service.rate(db, coop["id"], "social_impact", 2, "  ")
    assert e.value.errors[0].field == "evidence"
    assert selection_service.rate(db, coop["id"], "social_impact", 0, None)["rating"] == 0


def test_ranking_per_region_and_phase(db):
    a = make_cooperative(db, registration_number="A")
    b = make_cooperative(db, registration_number="B")
    make_cooperative(db, registration_number="C", region="10", province="10.01")
    selection_service.rate(db, a["id"], "social_impact", 3, "PV AG")
    selection_service.rate(db, b["id"], "social_impact", 3, "PV AG")
    selection_service.rate(db, b["id"], "local_resources", 1, "Constat")
    selection_service.rate(db, a["id"], "social_impact", 1, "Revu")  # a re-rating replaces, not adds
    ranked = {r["registration_number"]: r for r in selection_service.ranking(db, tranche=4)}
    assert ranked["B"]["rank"] == 1 and ranked["A"]["rank"] == 2 and ranked["C"]["rank"] == 1
    assert ranked["B"]["score"] == selection.score({"social_impact": 3, "local_resources": 1})
    assert selection_service.score_of(db, a["id"]) == selection.score({"social_impact": 1})
