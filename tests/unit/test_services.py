"""Services: every rule refuses with a reason in both languages and writes nothing."""
import pytest

from factories import make_cooperative
from murafaqa_desktop.domain.errors import NotFound, ValidationError
from murafaqa_desktop.services import coaching, cooperatives, diagnosis, financing, plans, trainings
from murafaqa_desktop.store import aggregates, outbox


def fields(error):
    return {e.field for e in error.errors}


def test_names_of_places_are_accepted_in_either_language(db):
    coop = make_cooperative(db, region="مراكش آسفي", province="Al Haouz", sector="Argan")
    assert (coop["region"], coop["province"], coop["sector"]) == ("07", "07.03", "argan")
    other = make_cooperative(db, registration_number="R2", region="7", province="الحوز", sector="Safran bio")
    assert other["region"] == "07" and other["sector"] == "Safran bio"  # unknown sector kept as text


def test_activity_before_the_legal_date_and_other_field_errors_come_together(db):
    with pytest.raises(ValidationError) as e:
        make_cooperative(db, activity_start="2021-01-01", women=30, province="10.01", phone="abc")
    assert fields(e.value) == {"activity_start", "women", "province", "phone"}
    by_field = e.value.by_field()
    assert "antérieur" in by_field["activity_start"][0].fr
    assert "سابق" in by_field["activity_start"][0].ar
    assert outbox.pending_count(db) == 0


def test_bad_values_name_their_field(db):
    with pytest.raises(ValidationError) as e:
        make_cooperative(db, legal_date="31/02/2022", members="vingt", region="99", tranche=5)
    assert fields(e.value) == {"legal_date", "members", "region", "tranche"}


def test_registration_numbers_are_unique(db):
    make_cooperative(db)
    with pytest.raises(ValidationError) as e:
        make_cooperative(db)
    assert fields(e.value) == {"registration_number"}


def test_tranche_4_gets_its_phase_from_the_region(db):
    coop = make_cooperative(db, region="06", province="06.01", phase=None)
    assert coop["phase"] == 2


def test_the_whole_record(db):
    coop = make_cooperative(db, application_date="2024-01-15")
    diagnosis.set_section(db, coop["id"], "supply", 2, "Approvisionnement irrégulier")
    diagnosis.add_need(db, coop["id"], {"kind": "training", "axis": "marketing", "description": "Vente"})
    with pytest.raises(ValidationError):
        diagnosis.add_need(db, coop["id"], {"kind": "training", "axis": "production", "description": "x"})
    action = plans.add_action(db, coop["id"], {"axis": "production", "objective": "Agrément ONSSA",
                                               "estimated_cost": "12 500,50"})
    coaching.log_session(db, coop["id"], {"held_on": "2024-03-01", "next_date": "2024-05-01"},
                         reviews=[{"action_id": action["id"], "progress": 100}])
    record = cooperatives.file(db, coop["registration_number"])
    assert record["eligibility"]["eligible"] is True
    assert record["plan"][0]["estimated_cost"] == 12500.5
    assert record["plan"][0]["status"] == "done"  # a review at 100 % carries to the plan
    assert record["coaching"]["progress"]["done"] == 1
    assert record["diagnosis"]["sections"][0]["rating"] == "2"
    assert record["coaching"]["sessions"][0]["reviews"][0]["progress"] == 100


def test_eligibility_in_the_record_uses_the_application_date_unless_told(db):
    coop = make_cooperative(db, legal_date="2019-01-01", activity_start="2019-06-01", application_date="2022-06-01")
    assert cooperatives.file(db, coop["id"])["eligibility"]["eligible"] is True
    import datetime as dt

    later = cooperatives.file(db, coop["id"], at=dt.date(2024, 1, 1))["eligibility"]
    assert later["eligible"] is False and later["reasons"][0]["code"] == "legal_age_over_4_years"


def test_twelve_sessions_then_the_thirteenth_is_refused_and_nothing_written(db):
    import datetime as dt

    coop = make_cooperative(db)
    day = dt.date(2024, 2, 1)
    for _ in range(12):
        coaching.log_session(db, coop["id"], {"held_on": day.isoformat()})
        day += dt.timedelta(days=55)
    before = outbox.pending_count(db)
    with pytest.raises(ValidationError) as e:
        coaching.log_session(db, coop["id"], {"held_on": day.isoformat()})
    assert e.value.errors[0].code == "too_many_sessions"
    assert len(aggregates.coaching_sessions(db, coop["id"])) == 12
    assert outbox.pending_count(db) == before


def test_a_session_past_the_window_is_refused(db):
    coop = make_cooperative(db)
    coaching.log_session(db, coop["id"], {"held_on": "2024-02-01"})
    with pytest.raises(ValidationError) as e:
        coaching.log_session(db, coop["id"], {"held_on": "2026-02-02"})
    assert e.value.errors[0].code == "outside_two_year_window"


def test_a_next_date_past_the_window_is_refused_when_logged_or_edited(db):
    coop = make_cooperative(db)
    first = coaching.log_session(db, coop["id"], {"held_on": "2024-02-01", "next_date": "2024-04-01"})
    before = outbox.entries(db)
    with pytest.raises(ValidationError) as e:
        coaching.log_session(db, coop["id"], {"held_on": "2025-12-01", "next_date": "2026-02-02"})
    assert [(x.code, x.field) for x in e.value.errors] == [("next_date_outside_window", "next_date")]
    assert outbox.entries(db) == before
    with pytest.raises(ValidationError) as e:
        coaching.update_session(db, first["id"], {"next_date": "2026-02-02"})
    assert e.value.errors[0].code == "next_date_outside_window"
    with pytest.raises(ValidationError) as e:
        coaching.update_session(db, first["id"], {"next_date": "2024-01-15"})
    assert e.value.errors[0].code == "next_date_not_after"
    assert aggregates.coaching_session(db, first["id"])["next_date"] == "2024-04-01"
    assert outbox.entries(db) == before
    coaching.log_session(db, coop["id"], {"held_on": "2025-12-01", "next_date": "2026-02-01"})  # the last day


def test_only_the_last_session_can_be_removed(db):
    coop = make_cooperative(db)
    first = coaching.log_session(db, coop["id"], {"held_on": "2024-02-01"})
    second = coaching.log_session(db, coop["id"], {"held_on": "2024-04-01"})
    with pytest.raises(ValidationError):
        coaching.delete_last_session(db, first["id"])
    coaching.delete_last_session(db, second["id"])
    assert [s["number"] for s in aggregates.coaching_sessions(db, coop["id"])] == [1]


def test_reordering_plan_actions(db):
    coop = make_cooperative(db)
    ids = [plans.add_action(db, coop["id"], {"axis": "marketing", "objective": f"A{i}"})["id"] for i in range(3)]
    plans.move_action(db, ids[2], 0)
    assert [a["objective"] for a in aggregates.plan_actions(db, coop["id"])] == ["A2", "A0", "A1"]


def test_attendance_is_all_or_nothing(db):
    coop = make_cooperative(db)
    session = trainings.create_session(db, {"module_code": "MKT-01", "held_on": "2024-05-02", "region": "07"})
    people = [{"participant": "Khadija", "gender": "F", "cooperative_id": coop["id"]},
              {"participant": "", "gender": "X"}]
    with pytest.raises(ValidationError) as e:
        trainings.add_attendance(db, session["id"], people)
    assert "Ligne 2" in e.value.fr and "السطر 2" in e.value.ar
    assert aggregates.attendance(db, session["id"]) == []
    trainings.add_attendance(db, session["id"], people[:1])
    assert len(aggregates.trainings_attended(db, coop["id"])) == 1
    with pytest.raises(ValidationError):
        trainings.create_session(db, {"module_code": "NOPE", "held_on": "2024-05-02", "region": "07"})


def test_financing_rules(db):
    coop = make_cooperative(db)
    with pytest.raises(ValidationError) as e:
        financing.apply(db, coop["id"], {"applied_on": "2025-01-01", "project": "Unité", "amount_requested": 100,
                                         "amount_granted": 150, "status": "granted"})
    assert fields(e.value) == {"amount_granted"}
    row = financing.apply(db, coop["id"], {"applied_on": "2025-01-01", "project": "Unité",
                                           "amount_requested": 100000})
    financing.update(db, row["id"], {"status": "granted", "amount_granted": 80000})
    assert aggregates.financing(db, coop["id"])[0]["amount_granted"] == 80000


def test_unknown_ids_are_not_found(db):
    with pytest.raises(NotFound):
        cooperatives.get(db, "nope")
    with pytest.raises(NotFound):
        plans.update_action(db, "nope", {"objective": "x"})


def _need(db, **data):
    coop = make_cooperative(db)
    return diagnosis.add_need(db, coop["id"], {"kind": "training", "axis": "governance", "description": "Comptes",
                                               "priority": "medium", **data})


def test_a_need_is_edited_and_the_change_queued_for_sync(db):
    need = _need(db)
    db.execute("UPDATE outbox SET sent = 1")  # pushed: the edit is a new entry of its own
    changed = diagnosis.update_need(db, need["id"], {"kind": "assistance", "axis": "supply",
                                                     "description": "Stock d'huile", "priority": "high"})
    assert changed == {"kind": "assistance", "axis": "supply", "description": "Stock d'huile", "priority": "high"}
    row = aggregates.diagnosis_needs(db, need["diagnosis_id"])[0]
    assert (row["kind"], row["axis"], row["priority"]) == ("assistance", "supply", "high")
    last = outbox.entries(db)[-1]
    assert (last["tbl"], last["row_id"], last["op"]) == ("diagnosis_needs", need["id"], "upsert")
    assert last["fields"] == changed


@pytest.mark.parametrize("data, field", [
    ({"kind": "assistance"}, "axis"),  # governance is a training axis, not an assistance area
    ({"axis": "production"}, "axis"),
    ({"description": ""}, "description"),
    ({"priority": "urgent"}, "priority"),
])
def test_a_refused_need_edit_names_its_field_and_writes_nothing(db, data, field):
    need = _need(db)
    waiting = outbox.entries(db)
    with pytest.raises(ValidationError) as e:
        diagnosis.update_need(db, need["id"], data)
    assert field in fields(e.value)
    assert e.value.errors[0].fr and e.value.errors[0].ar
    assert aggregates.diagnosis_needs(db, need["diagnosis_id"])[0]["axis"] == "governance"
    assert outbox.entries(db) == waiting


def test_removing_a_need_the_server_never_saw_sends_nothing(db):
    need = _need(db)
    diagnosis.delete_need(db, need["id"])
    assert aggregates.diagnosis_needs(db, need["diagnosis_id"]) == []
    assert all(e["row_id"] != need["id"] for e in outbox.entries(db))


def test_removing_a_need_the_server_knows_queues_its_deletion(db):
    need = _need(db)
    db.execute("UPDATE outbox SET sent = 1")
    diagnosis.delete_need(db, need["id"])
    assert aggregates.diagnosis_needs(db, need["diagnosis_id"]) == []
    last = outbox.entries(db)[-1]
    assert (last["tbl"], last["row_id"], last["op"]) == ("diagnosis_needs", need["id"], "delete")


def test_unknown_needs_are_not_found(db):
    with pytest.raises(NotFound):
        diagnosis.update_need(db, "nope", {"description": "x"})
    with pytest.raises(NotFound):
        diagnosis.delete_need(db, "nope")
