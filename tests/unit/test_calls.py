"""Calls for applications: a small programme built by hand whose ranking,
proposals, waiting list and decisions are known in advance."""
from __future__ import annotations

import datetime as dt

import pytest

from murafaqa_desktop.domain import calls as rules
from murafaqa_desktop.domain.calls import Candidate
from murafaqa_desktop.domain.errors import DomainError, NotFound, ValidationError
from murafaqa_desktop.domain.vocab import SELECTION_CRITERIA
from murafaqa_desktop.services import calls
from murafaqa_desktop.store import calls as call_store
from murafaqa_desktop.store import cooperatives as coop_store

CRITERIA = list(SELECTION_CRITERIA)
REF = dt.date(2026, 6, 30)


def ratings(total: int) -> dict[str, int]:
    """Six ratings adding up to ``total`` (0-18)."""
    out, left = {}, total
    for c in CRITERIA:
        out[c] = min(3, left)
        left -= out[c]
    return out


def cand(reg: str, total: int, *, members: int = 10, women: int = 2, youth: int = 2,
         received: str = "2026-05-01", complete: bool | None = True, legal: str = "2024-01-01",
         activity: str = "2024-03-01", decision: str | None = None, withdrawn: str | None = None) -> Candidate:
    return Candidate(
        application_id=f"a-{reg}", cooperative_id=f"c-{reg}", registration_number=reg, name=reg, region="11",
        received_on=dt.date.fromisoformat(received), legal_date=dt.date.fromisoformat(legal),
        activity_start=dt.date.fromisoformat(activity), members=members, women=women, youth=youth,
        complete=complete, ratings=ratings(total), decision=decision,  # type: ignore[arg-type]
        withdrawn_on=dt.date.fromisoformat(withdrawn) if withdrawn else None)


def regs(items) -> list[str]:
    return [i.registration_number for i in items]


# -- the pure ranking ---------------------------------------------------------------------------

def test_higher_score_first_and_equal_scores_share_a_rank_1224():
    out = rules.rank_region([cand("A", 9), cand("B", 18), cand("C", 12, women=5), cand("D", 12)], 2, REF)
    assert regs(out) == ["B", "C", "D", "A"]
    assert [i.rank for i in out] == [1, 2, 2, 4]
    assert [i.score for i in out] == [100.0, pytest.approx(66.7), pytest.approx(66.7), 50.0]


def test_ties_broken_by_women_and_youth_share_then_received_date_then_registration_number():
    out = rules.rank_region([
        cand("R3", 12, received="2026-05-02"),
        cand("R1", 12, received="2026-05-02"),
        cand("EARLY", 12, received="2026-04-01"),
        cand("SHARE", 12, members=10, women=6, youth=1, received="2026-05-30"),
    ], 10, REF)
    assert regs(out) == ["SHARE", "EARLY", "R1", "R3"]
    assert {i.rank for i in out} == {1}
    assert out[0].women_youth_share == pytest.approx(0.7)


def test_a_tie_at_the_places_line_is_settled_by_the_tie_break_and_shown():
    # Two places; B and C tie for the second: C's larger share of women and youth takes it.
    out = rules.rank_region([cand("A", 15), cand("B", 12, women=1, youth=1), cand("C", 12, women=4, youth=3),
                             cand("D", 6)], 2, REF)
    assert regs(out) == ["A", "C", "B", "D"]
    assert [i.rank for i in out] == [1, 2, 2, 4]
    assert [i.proposed for i in out] == [True, True, False, False]
    assert [i.waiting_position for i in out] == [None, None, 1, 2]


def test_only_complete_and_eligible_applications_are_ranked_the_others_listed_with_their_reasons():
    out = rules.rank_region([
        cand("OK", 3),
        cand("INCOMPLETE", 18, complete=False),
        cand("UNCHECKED", 18, complete=None),
        cand("OLD", 18, legal="2020-01-01"),
        cand("YOUNG", 18, activity="2026-01-01"),
    ], 1, REF)
    assert regs(out) == ["OK", "INCOMPLETE", "OLD", "UNCHECKED", "YOUNG"]
    assert out[0].rank == 1 and out[0].proposed and out[0].reasons == []
    codes = {i.registration_number: [r["code"] for r in i.reasons] for i in out[1:]}
    assert codes == {"INCOMPLETE": ["incomplete"], "OLD": ["legal_age_over_4_years"],
                     "UNCHECKED": ["not_checked"], "YOUNG": ["activity_under_1_year"]}
    assert all(i.rank is None and not i.proposed and i.waiting_position is None for i in out[1:])
    old = out[2]
    assert "4 ans" in old.reasons[0]["fr"] and "4 سنوات" in old.reasons[0]["ar"]
    assert not out[2].eligible and out[1].eligible


def test_eligibility_is_judged_at_the_reference_date():
    # Legal on 2022-07-01: four years old on 2026-07-01, over four years a day later.
    c = cand("X", 9, legal="2022-07-01")
    assert rules.rank_region([c], 1, dt.date(2026, 7, 1))[0].eligible
    assert not rules.rank_region([c], 1, dt.date(2026, 7, 2))[0].eligible


def test_a_decision_differs_from_the_proposal_only_with_a_reason_and_rejected_always_has_one():
    a, b = rules.rank_region([cand("A", 18), cand("B", 9)], 1, REF)
    assert rules.check_decision(a, "retained", None) == []
    assert rules.check_decision(b, "waiting", None) == []
    (err,) = rules.check_decision(b, "retained", None)
    assert err.code == "reason_required" and "Liste d'attente" in err.fr and "لائحة الانتظار" in err.ar
    assert rules.check_decision(b, "retained", "Projet exemplaire") == []
    (err,) = rules.check_decision(a, "rejected", "  ")
    assert err.code == "reason_required" and "motif" in err.fr and "تعليل" in err.ar
    assert rules.check_decision(a, "rejected", "Dossier falsifié") == []
    assert rules.check_decision(a, "maybe", None)[0].code == "bad_decision"


def test_a_withdrawn_cooperative_leaves_the_waiting_list_and_the_first_waiting_is_offered_the_place():
    out = rules.rank_region([cand("A", 18, decision="retained", withdrawn="2026-07-10"),
                             cand("B", 15, decision="waiting"), cand("C", 12, decision="waiting"),
                             cand("D", 9, decision="rejected")], 1, REF)
    assert [i.waiting_position for i in out] == [None, 1, 2, None]
    first = rules.first_waiting(out)
    assert first is not None and first.registration_number == "B"


def test_places_are_read_from_the_command_line_s_form():
    assert rules.parse_places("11=40, 06=35") == {"11": 40, "06": 35}
    for bad in ("11", "11=x", "", "11=1,11=2"):
        with pytest.raises(DomainError):
            rules.parse_places(bad)


# -- the service, on a database -------------------------------------------------------------------

def coop(reg: str, region: str = "11", **extra):
    return {"registration_number": reg, "name_fr": f"Coop {reg}", "name_ar": f"تعاونية {reg}",
            "legal_date": "2024-01-01", "activity_start": "2024-03-01", "region": region,
            "members": 10, "women": 2, "youth": 2, **extra}


ALL_DOCS = {"statutes": True, "constituent_minutes": True, "registration": True, "members_list": True}


@pytest.fixture
def call(db):
    return calls.create_call(db, tranche=4, phase=2, closes_on="2026-06-30", places={"11": 1, "06": 2},
                             title="AMI T4 P2")


def apply_rated(db, call, reg, total, region="11", **extra):
    app = calls.record_application(db, call.id, coop(reg, region, **extra), received_on="2026-05-01",
                                   complete=True)
    for c, r in ratings(total).items():
        calls.rate(db, app["id"], c, r, "constat" if r else None)
    return app


def test_a_call_keeps_its_places_per_region_and_its_reference_date(db, call):
    got = calls.get_call(db, call.id)
    assert got.places == {"06": 2, "11": 1}
    assert got.reference_date == dt.date(2026, 6, 30)
    assert [c.id for c in calls.list_calls(db)] == [call.id]
    later = calls.create_call(db, tranche=4, phase=2, closes_on="2026-09-30", places="11=5",
                              reference_date="2026-09-01")
    assert calls.get_call(db, later.id).reference_date == dt.date(2026, 9, 1)
    with pytest.raises(NotFound):
        calls.get_call(db, "nope")


def test_a_call_with_an_unknown_region_or_bad_dates_is_refused_and_nothing_written(db):
    with pytest.raises(ValidationError) as e:
        calls.create_call(db, tranche=4, phase=2, closes_on="2026-06-30", places={"99": 3})
    assert e.value.errors[0].code == "bad_region"
    with pytest.raises(ValidationError):
        calls.create_call(db, tranche=4, phase=2, closes_on="2026-06-30", opens_on="2026-07-01",
                          places={"11": 3})
    assert calls.list_calls(db) == []


def test_an_application_creates_its_cooperative_when_it_does_not_exist_yet(db, call):
    app = calls.record_application(db, call.id, coop("NEW-1"), received_on="2026-05-02")
    coop_id = coop_store.id_by_registration(db, "NEW-1")
    assert coop_id == app["cooperative_id"]
    again = calls.record_application(
        db, calls.create_call(db, tranche=4, phase=2, closes_on="2026-12-31", places={"11": 1}).id, "NEW-1")
    assert again["cooperative_id"] == coop_id
    with pytest.raises(ValidationError):
        calls.record_application(db, call.id, "NEW-1")


def test_an_application_from_a_region_the_call_does_not_cover_is_refused(db, call):
    with pytest.raises(DomainError) as e:
        calls.record_application(db, call.id, coop("FAR", "01"))
    assert e.value.code == "region_not_covered"
    assert coop_store.id_by_registration(db, "FAR") is None  # nothing half-written


def test_complete_follows_the_documents_the_evidence_of_each_positive_rating_included(db, call):
    app = calls.record_application(db, call.id, coop("DOCS"), documents={"statutes": True})
    assert app["complete"] == 0
    app = calls.set_documents(db, app["id"], ALL_DOCS)
    assert app["complete"] == 1
    calls.rate(db, app["id"], CRITERIA[0], 2, "photos")
    assert call_store.application(db, app["id"])["complete"] == 0
    (item,) = calls.ranking(db, call.id)
    assert item.reasons[0]["code"] == "incomplete"
    # The four documents are in the file: only the rating's evidence is said to be missing.
    assert item.reasons[0]["fr"] == ("Dossier incomplet : manque pièce justificative "
                                     f"« {SELECTION_CRITERIA[CRITERIA[0]][0]} »")
    calls.rate(db, app["id"], CRITERIA[0], 2, "photos", document=True)
    assert call_store.application(db, app["id"])["complete"] == 1
    undocumented = calls.record_application(db, call.id, coop("NODOCS"))
    assert undocumented["complete"] is None


def test_ranking_counts_and_decisions_on_a_small_programme(db, call):
    apply_rated(db, call, "A", 18)
    apply_rated(db, call, "B", 12)
    apply_rated(db, call, "C", 6)
    apply_rated(db, call, "F1", 9, "06")
    calls.record_application(db, call.id, coop("X"), complete=False)
    ranked = calls.ranking(db, call.id, "11")
    assert regs(ranked) == ["A", "B", "C", "X"]
    assert [(i.rank, i.proposed, i.waiting_position) for i in ranked] == [
        (1, True, None), (2, False, 1), (3, False, 2), (None, False, None)]
    assert regs(calls.ranking(db, call.id)) == ["F1", "A", "B", "C", "X"]
    with pytest.raises(DomainError):
        calls.ranking(db, call.id, "01")
    counts = {c.region: c for c in calls.region_counts(db, call.id)}
    assert (counts["11"].received, counts["11"].complete, counts["11"].eligible, counts["11"].rated,
            counts["11"].places) == (4, 3, 4, 3, 1)
    assert counts["06"].places == 2 and counts["06"].received == 1

    with pytest.raises(ValidationError):
        calls.decide(db, call.id, "B", "retained")  # differs from the proposal: a reason is needed
    assert call_store.application_of(db, call.id, coop_store.id_by_registration(db, "B"))["decision"] is None
    a = calls.decide(db, call.id, "A", "retained", decided_by="coord")
    assert a.decision == "retained" and not a.differs_from_proposal
    entered = coop_store.get(db, coop_store.id_by_registration(db, "A"))
    assert (entered["tranche"], entered["phase"], entered["status"]) == (4, 2, "preselected")
    calls.decide(db, call.id, "B", "waiting")
    c = calls.decide(db, call.id, "C", "rejected", "Activité hors secteur")
    assert c.differs_from_proposal and c.decision_reason == "Activité hors secteur"
    assert calls.region_counts(db, call.id)[1].retained == 1

    offered = calls.withdraw(db, call.id, "A", "Dissolution", on=dt.date(2026, 8, 1))
    assert offered is not None and offered.registration_number == "B" and offered.decision == "retained"
    assert "A" in (offered.decision_reason or "")
    b = coop_store.get(db, coop_store.id_by_registration(db, "B"))
    assert (b["tranche"], b["phase"], b["status"]) == (4, 2, "preselected")
    assert coop_store.get(db, coop_store.id_by_registration(db, "A"))["status"] == "withdrawn"
    assert calls.region_counts(db, call.id)[1].retained == 1
    with pytest.raises(DomainError):
        calls.withdraw(db, call.id, "C")  # not retained


def test_the_service_s_ranks_are_shared_by_equal_scores_and_start_again_in_each_region(db, call):
    for reg, total, region in (("A", 15, "11"), ("B", 12, "11"), ("C", 12, "11"), ("D", 9, "11"),
                               ("E", 9, "11"), ("F", 3, "11"), ("G", 12, "06"), ("H", 12, "06"), ("I", 6, "06")):
        apply_rated(db, call, reg, total, region)
    calls.record_application(db, call.id, coop("X"), complete=False)
    ranked = calls.ranking(db, call.id)
    assert [(i.registration_number, i.rank) for i in ranked] == [
        ("G", 1), ("H", 1), ("I", 3), ("A", 1), ("B", 2), ("C", 2), ("D", 4), ("E", 4), ("F", 6), ("X", None)]
    assert [(i.registration_number, i.rank) for i in calls.ranking(db, call.id, "11")][:3] == [
        ("A", 1), ("B", 2), ("C", 2)]


def test_each_write_goes_to_the_outbox(db, call):
    apply_rated(db, call, "A", 3)
    tables = {r[0] for r in db.execute("SELECT DISTINCT tbl FROM outbox").fetchall()}
    assert {"calls", "call_places", "applications", "application_ratings", "cooperatives"} <= tables


def test_a_coach_s_laptop_refuses_a_decision_and_a_new_call(db, call):
    from murafaqa_desktop.store import sync_state

    apply_rated(db, call, "A", 18)
    with db.atomic():
        sync_state.put(db, role="coach")
    for attempt in (lambda: calls.decide(db, call.id, "A", "retained"),
                    lambda: calls.create_call(db, tranche=4, phase=2, closes_on="2026-06-30", places={"11": 1})):
        with pytest.raises(DomainError) as e:
            attempt()
        assert e.value.code == "decider_only" and "coordinateur" in e.value.fr and "المنسق" in e.value.ar
    assert calls.ranking(db, call.id)[0].decision is None
    assert len(calls.list_calls(db)) == 1


# -- the store's SQL order is the rule's -------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_made = iter(range(10**9))
_application = st.fixed_dictionaries({
    # Two scores drawn often, so that equal scores (and a score after them: "1224") are common.
    "total": st.one_of(st.sampled_from([9, 12]), st.integers(0, 18)), "members": st.sampled_from([None, 0, 3, 6, 10]),
    "women": st.integers(0, 3), "youth": st.integers(0, 3),
    "received": st.sampled_from([None, "2026-05-01", "2026-05-02"]),
    "complete": st.sampled_from([None, True, True, True, False]),
    "legal": st.sampled_from(["2022-06-29", "2022-07-01", "2024-01-01", "2026-07-01"]),
    "activity": st.sampled_from([None, "2024-03-01", "2025-06-30", "2025-07-01"]),
    "region": st.sampled_from(["11", "11", "06", "01"]),
    "decision": st.sampled_from([None, None, "retained", "waiting", "rejected"]),
})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(apps=st.lists(_application, max_size=9), places=st.integers(0, 3))
def test_the_store_ranks_a_call_exactly_as_the_rule_does(db, apps, places):
    """Ties of score, of share, of received date; missing members and dates;
    incomplete, unchecked and ineligible files; a region the call does not
    cover: the SQL order, ranks, proposals and waiting list are the rule's."""
    from murafaqa_desktop.store import changes

    n = next(_made)
    call = calls.create_call(db, tranche=4, phase=2, closes_on="2026-06-30", places={"11": places, "06": 1})
    expected: dict[str, list[Candidate]] = {}
    with db.atomic():
        for i, a in enumerate(apps):
            reg = f"P{n}-{i}"
            coop = changes.insert(db, "cooperatives", {
                "registration_number": reg, "name_fr": reg, "legal_date": a["legal"],
                "activity_start": a["activity"], "region": a["region"], "members": a["members"],
                "women": a["women"], "youth": a["youth"]})
            app = changes.insert(db, "applications", {
                "call_id": call.id, "cooperative_id": coop["id"], "received_on": a["received"],
                "complete": None if a["complete"] is None else int(a["complete"]), "decision": a["decision"],
                "decision_reason": "r" if a["decision"] else None})
            given_ratings = ratings(a["total"])
            for c, r in given_ratings.items():
                changes.insert(db, "application_ratings", {"application_id": app["id"], "criterion": c,
                                                           "rating": r, "evidence": "e" if r else None})
            missing = rules.missing_documents({}, given_ratings, {}) if a["complete"] is False else ()
            expected.setdefault(a["region"], []).append(Candidate(
                app["id"], coop["id"], reg, reg, a["region"],
                dt.date.fromisoformat(a["received"]) if a["received"] else None,
                dt.date.fromisoformat(a["legal"]), dt.date.fromisoformat(a["activity"]) if a["activity"] else None,
                a["members"], a["women"], a["youth"], a["complete"], given_ratings, missing, a["decision"],
                "r" if a["decision"] else None))
    want = []
    for region in sorted(expected):
        want += rules.rank_region(expected[region], call.places.get(region, 0), REF, covered=region in call.places)
    got = calls.ranking(db, call.id)
    for g, w in zip(got, want, strict=True):
        mine, rule = g.as_json(), w.as_json()
        assert mine == rule, {k: (v, rule[k]) for k, v in mine.items() if v != rule[k]}
    assert [r.rated for r in got] == [r.rated for r in want]
