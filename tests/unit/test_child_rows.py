"""Editing a row that belongs to another: it is found, stays with its owner,
is validated and written with its outbox entry, the same way in every service."""
import pytest

from factories import make_cooperative
from murafaqa_desktop.domain.errors import NotFound, ValidationError
from murafaqa_desktop.services import coaching, diagnosis, financing, plans, trainings
from murafaqa_desktop.store import changes, outbox


def _rows(db):
    """One row of each kind for cooperative A, and a cooperative B to move them to."""
    a = make_cooperative(db)
    b = make_cooperative(db, registration_number="RC-2022-0002")
    need = diagnosis.add_need(db, a["id"], {"kind": "training", "axis": "governance", "description": "Comptes"})
    other_need = diagnosis.add_need(db, b["id"], {"kind": "training", "axis": "governance", "description": "x"})
    return {
        "a": a, "b": b,
        "plan_actions": plans.add_action(db, a["id"], {"axis": "marketing", "objective": "Salon"}),
        "diagnosis_needs": need,
        "financing": financing.apply(db, a["id"], {"applied_on": "2025-01-01", "project": "Unité"}),
        "coaching_sessions": coaching.log_session(db, a["id"], {"held_on": "2024-03-01"}),
        "other_diagnosis": other_need["diagnosis_id"],
    }


EDITS = {
    "plan_actions": (plans.update_action, "cooperative_id", {"owner": "Présidente"}),
    "diagnosis_needs": (diagnosis.update_need, "diagnosis_id", {"priority": "high"}),
    "financing": (financing.update, "cooperative_id", {"partner": "Fondation OCP"}),
    "coaching_sessions": (coaching.update_session, "cooperative_id", {"place": "Atelier"}),
}


@pytest.mark.parametrize("table", list(EDITS))
def test_a_row_cannot_be_moved_to_another_owner_and_nothing_is_written(db, table):
    rows = _rows(db)
    edit, parent, data = EDITS[table]
    row = rows[table]
    elsewhere = rows["other_diagnosis"] if parent == "diagnosis_id" else rows["b"]["id"]
    waiting = outbox.entries(db)
    with pytest.raises(ValidationError) as e:
        edit(db, row["id"], {**data, parent: elsewhere})
    assert [(x.code, x.field) for x in e.value.errors] == [("other_owner", parent)]
    assert e.value.errors[0].fr and e.value.errors[0].ar
    assert changes.get_row(db, table, row["id"])[parent] == row[parent]
    assert outbox.entries(db) == waiting


@pytest.mark.parametrize("table", list(EDITS))
def test_the_owner_sent_back_unchanged_is_accepted(db, table):
    rows = _rows(db)
    edit, parent, data = EDITS[table]
    row = rows[table]
    db.execute("UPDATE outbox SET sent = 1")
    assert edit(db, row["id"], {**data, parent: row[parent]}) == data
    last = outbox.entries(db)[-1]
    assert (last["tbl"], last["row_id"], last["fields"]) == (table, row["id"], data)


@pytest.mark.parametrize("edit, fr, ar", [
    (plans.update_action, "Action", "الإجراء"),
    (diagnosis.update_need, "Besoin", "الحاجة"),
    (financing.update, "Demande de financement", "طلب التمويل"),
    (coaching.update_session, "Séance", "الحصة"),
    (trainings.update_session, "Session de formation", "دورة التكوين"),
])
def test_an_unknown_row_is_not_found_by_its_name(db, edit, fr, ar):
    with pytest.raises(NotFound) as e:
        edit(db, "nope", {"place": "x"})
    assert e.value.fr.startswith(f"{fr} introuvable") and e.value.ar.startswith(f"{ar} غير موجود")


def test_a_training_session_is_edited_with_its_reference_checks(db):
    session = trainings.create_session(db, {"module_code": "MKT-01", "held_on": "2024-05-02", "region": "07"})
    assert trainings.update_session(db, session["id"], {"trainer": "M. Alami"}) == {"trainer": "M. Alami"}
    with pytest.raises(ValidationError) as e:
        trainings.update_session(db, session["id"], {"region": "99"})
    assert [x.code for x in e.value.errors] == ["bad_region"]
