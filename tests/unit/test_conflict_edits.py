"""Settling a sync conflict is an ordinary edit: it goes through the same
service, so the same rules apply as to a form."""
import pytest

from factories import make_cooperative
from murafaqa_desktop.domain.errors import ValidationError
from murafaqa_desktop.services import financing, plans
from murafaqa_desktop.store import changes
from murafaqa_desktop.store import sync_state as st
from murafaqa_desktop.sync import conflicts


def _conflict(db, tbl, row_id, field, server, client):
    with db.atomic():
        st.save_conflicts(db, [{"id": 1, "seq": 1, "t": tbl, "row": row_id, "field": field,
                                "kind": "conflict", "server": server, "client": client}])
    return 1


def test_a_progress_settled_at_100_closes_the_action_as_a_form_would(db):
    coop = make_cooperative(db)
    action = plans.add_action(db, coop["id"], {"axis": "marketing", "objective": "Salon"})
    conflicts.resolve(db, _conflict(db, "plan_actions", action["id"], "progress", 0, 100), 100)
    row = changes.get_row(db, "plan_actions", action["id"])
    assert (row["status"], row["progress"]) == ("done", 100)


def test_a_settled_value_breaking_a_rule_is_refused_and_the_conflict_stays_open(db):
    coop = make_cooperative(db)
    row = financing.apply(db, coop["id"], {"applied_on": "2025-01-01", "project": "Unité",
                                           "amount_requested": 1000})
    conflict_id = _conflict(db, "financing", row["id"], "amount_granted", None, 5000)
    with pytest.raises(ValidationError) as e:
        conflicts.resolve(db, conflict_id, 5000)  # granted without a decision, and over the amount asked
    assert {x.code for x in e.value.errors} == {"granted_without_decision", "granted_over_requested"}
    assert changes.get_row(db, "financing", row["id"])["amount_granted"] is None
    assert [c["id"] for c in st.conflicts(db)] == [conflict_id]
